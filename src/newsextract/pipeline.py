"""Loading the pipeline and running it: :func:`load`, :func:`extract`, :func:`pipe`.

Nothing here runs at import. The spaCy pipeline is loaded on first use, once per process
(and per path), from the data directory that ``newsextract download`` filled.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import itertools
import logging
import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from newsextract import errors
from newsextract.document import Article, Byline, Credit, Document
from newsextract.layout import ArticleLayout, split_page
from newsextract.model import is_installed, pipeline_path
from newsextract.results import DocResults, results_of
from newsextract.spans import Span, remap
from newsextract.textview import TextView, build_view

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger("newsextract")

# Component name → module that declares its factory, in pipeline order.
COMPONENTS: dict[str, str] = {
    "newsextract_dates": "newsextract.dates.component",
    "newsextract_indicators": "newsextract.indicators.component",
    "newsextract_people": "newsextract.people.component",
    "newsextract_meetings": "newsextract.meetings.component",
    "newsextract_goals": "newsextract.goals.component",
}

_lock = threading.Lock()
_loaded: dict[str, "Language"] = {}


def load(path: str | Path | None = None) -> "Language":
    """The spaCy pipeline: pkuseg tokenizer + the newsextract components.

    path (str | Path | None): a pipeline directory; default: the installed one.
    RETURNS (Language): cached, so repeated calls are free.
    RAISES ModelNotInstalledError: nothing installed (run ``newsextract download``).
    """
    target = Path(path) if path is not None else pipeline_path()
    key = str(target.resolve())
    with _lock:
        if key in _loaded:
            return _loaded[key]
        if path is None and not is_installed():
            raise errors.ModelNotInstalledError(str(target.parent))
        if not (target / "config.cfg").is_file():
            raise errors.ModelNotInstalledError(str(target))
        import spacy

        from newsextract.model import fastload

        try:
            # The fast segmenter files (same model, no msgpack decode) when present, else spaCy's own load.
            nlp = fastload.load_pipeline(target) or spacy.load(target)
        except Exception as e:  # a broken or foreign directory: say how to fix it
            raise errors.ModelLoadError(str(target), f"{type(e).__name__}: {e}") from e
        nlp.max_length = 10**8  # the layout already splits pages; long articles are fine
        add_components(nlp)
        _loaded[key] = nlp
        return nlp


def add_components(nlp: "Language") -> "Language":
    """Append the newsextract components (in order) to ``nlp``, skipping ones already there."""
    for name, module in COMPONENTS.items():
        importlib.import_module(module)  # registers the factory
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def coerce_reference_date(value: Any) -> dt.date | None:
    """None, a ``date``/``datetime`` or an ISO ``YYYY-MM-DD`` string → ``date | None``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise errors.ReferenceDateError(value)


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise errors.InputTypeError(text)
    return text


@attrs.frozen
class _Prepared:
    text: str
    layouts: list[ArticleLayout]
    views: list[TextView]


def _prepare(text: Any) -> _Prepared:
    text = _check_text(text)
    layouts = split_page(text)
    return _Prepared(text, layouts, [build_view(text, lay.pieces) for lay in layouts])


def extract(text: str, *, reference_date: str | dt.date | None = None) -> Document:
    """Extract all records of one page or article.

    text (str): the page text, verbatim (``#`` headings, bylines, column breaks are understood).
    reference_date (str | date | None): publication date, resolves 5月14日 / 昨天 / 去年.
    RETURNS (Document): articles with people, meetings, indicators, goals, dates.
    """
    ref = coerce_reference_date(reference_date)
    prepared = _prepare(text)
    return next(_process(iter([prepared]), ref, batch_size=16))


def pipe(
    texts: Iterable[str],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    reference_date: str | dt.date | None = None,
) -> Iterator[Document]:
    """Like :func:`extract` over many texts, in order.

    n_process (int): processes extracting, this one included (-1: one per CPU). With 1,
        everything runs here and ``nlp.pipe`` batches the segmentation. With more,
        ``n_process - 1`` workers and this process each run the whole of :func:`extract`
        on chunks of :data:`WORKER_CHUNK` texts: the pipeline is loaded here first and the
        workers are forked from this process (where the platform can fork), so they share
        the model instead of loading it again. (spaCy's own ``nlp.pipe(n_process=…)`` only moves the
        segmentation, and its docs cannot carry the records back.)
    batch_size (int): texts segmented together by ``nlp.pipe`` in one process.
    YIELDS (Document): one per input text.
    """
    ref = coerce_reference_date(reference_date)
    if n_process == -1:
        n_process = os.cpu_count() or 1
    if n_process > 1:
        return _parallel(texts, ref, n_process=n_process)
    return _process((_prepare(t) for t in texts), ref, batch_size=batch_size)


WORKER_CHUNK = 4  # texts per hand-over to a worker
_AHEAD = 2  # chunks queued per worker, so that a worker never waits for this process
_BUFFERED = 64  # chunks done here while waiting for a worker's, before waiting outright


def _extract_chunk(job: tuple[list[Any], dt.date | None]) -> list[Document]:
    texts, ref = job
    return list(_process((_prepare(t) for t in texts), ref, batch_size=16))


def _parallel(texts: Iterable[str], ref: dt.date | None, *, n_process: int) -> Iterator[Document]:
    """``n_process - 1`` forked workers, and this process works too: the next chunk of texts
    is extracted here whenever the oldest chunk handed to a worker is not back yet. (A
    process that only hands out and collects texts takes CPU from the workers on a machine
    with as many cores as workers, and leaves one core idle otherwise.)"""
    import multiprocessing as mp
    from collections import deque

    load()  # before forking, so that the workers inherit the loaded model
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else methods[0])
    chunks = iter(lambda it=iter(texts): list(itertools.islice(it, WORKER_CHUNK)), [])
    # Frozen objects are left out of the workers' garbage collections, which would
    # otherwise write to (and so copy) every page of the inherited model objects.
    gc.freeze()
    try:
        with ctx.Pool(n_process - 1) as pool:
            queue: deque[Any] = deque()  # in input order: a worker's AsyncResult, or documents done here
            in_workers = 0
            exhausted = False
            while True:
                while not exhausted and in_workers < _AHEAD * (n_process - 1):
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                    else:
                        queue.append(pool.apply_async(_extract_chunk, ((chunk, ref),)))
                        in_workers += 1
                if not queue:
                    return
                head = queue[0]
                if isinstance(head, list):
                    queue.popleft()
                    yield from head
                    continue
                if not head.ready() and not exhausted and len(queue) < _BUFFERED:
                    chunk = next(chunks, None)
                    if chunk is not None:
                        queue.append(_extract_chunk((chunk, ref)))
                        continue
                    exhausted = True
                queue.popleft()
                in_workers -= 1
                yield from head.get()
    finally:
        gc.unfreeze()


def _process(prepared: Iterator[_Prepared], ref: dt.date | None, *, batch_size: int) -> Iterator[Document]:
    nlp = load()
    ours = [name for name in nlp.pipe_names if name in COMPONENTS]
    for_docs, for_records = itertools.tee(prepared)
    view_texts = (view.text for p in for_docs for view in p.views)
    # Segment in batches with nlp.pipe, then run the rule components with the context set.
    docs = nlp.pipe(view_texts, batch_size=batch_size, disable=ours)
    for p in for_records:
        articles = []
        for layout, view in zip(p.layouts, p.views):
            doc = next(docs)
            res = results_of(doc)
            res.reference_date = ref
            res.headings = list(view.headings)
            res.text = view.text  # what was segmented: the zh tokenizer keeps every character
            for name, proc in nlp.pipeline:
                if name in ours:
                    doc = proc(doc)
            articles.append(_assemble(p.text, layout, view, res))
        yield Document(text=p.text, reference_date=ref, articles=tuple(articles))


_ROLE = {"reporters": "reporter", "correspondents": "correspondent", "photographers": "photographer"}


def _assemble(source: str, layout: ArticleLayout, view: TextView, res: DocResults) -> Article:
    """Turn one article's doc results into an :class:`Article` in original offsets."""

    def span(r: tuple[int, int] | None) -> Span | None:
        return Span.of(source, *r) if r else None

    credits: dict[str, list[Credit]] = {k: [] for k in _ROLE}
    for c in layout.credits:
        if c.role not in credits:  # editors are named on the page but did not write it
            continue
        credits[c.role].append(Credit(name=c.name, role=_ROLE[c.role], text=source[c.start : c.end], start=c.start, end=c.end))
    byline = Byline(**{k: tuple(v) for k, v in credits.items()})
    byline_names = set(byline.names())

    def grounded(records: list[Any]) -> tuple[Any, ...]:
        return tuple(remap(tuple(records), view.to_source, source))

    people = tuple(p for p in grounded(res.people) if getattr(p, "name", None) not in byline_names)
    return Article(
        text=source[layout.start : layout.end], start=layout.start, end=layout.end,
        title=span(layout.title), kicker=span(layout.kickers[0]) if layout.kickers else None,
        subtitles=tuple(Span.of(source, *r) for r in layout.subtitles), dateline=span(layout.dateline),
        byline=byline, paragraphs=tuple(Span.of(source, *r) for r in layout.paragraphs),
        continuations=tuple(Span.of(source, *r) for r in layout.continuations),
        people=people, meetings=grounded(res.meetings), events=grounded(res.events), indicators=grounded(res.indicators),
        goals=grounded(res.goals), dates=grounded(res.dates),
    )
