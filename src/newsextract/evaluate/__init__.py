"""Measure newsextract on your own annotated articles: ``newsextract evaluate GOLD_DIR``.

A gold directory holds ``NAME.txt`` (the article, UTF-8) beside ``NAME.gold.json`` (the
records a reader finds in it; format in ``docs/tutorial.md`` and the annotation guide).
:func:`evaluate` runs :func:`newsextract.extract` on every text with the gold
``reference_date`` and reports per-field precision, recall and F1 (definitions in
:mod:`newsextract.evaluate.scoring`); with ``errors=True`` it also lists every missed,
spurious and wrong item, with offsets and the ``rule`` of the record that produced it.

>>> report = newsextract.evaluate("my-gold/", errors=True)     # doctest: +SKIP
>>> print(report.format_table())                              # doctest: +SKIP
"""

from __future__ import annotations

import calendar
import json
import sys
import time
import types
from pathlib import Path
from typing import Any

import attrs

from newsextract import errors as _errors
from newsextract.evaluate.entries import DocEntries, entries_from_dict, entries_from_document, entries_from_gold
from newsextract.evaluate.metrics import Accuracy, Counts
from newsextract.evaluate.scoring import ErrorItem, new_scores, score_document

__all__ = ["evaluate", "main", "EvaluationReport", "ErrorItem", "GoldFileError", "full_reference_date", "gold_files"]

GOLD_SUFFIX = ".gold.json"
PRED_SUFFIX = ".pred.json"


class GoldFileError(_errors.NewsextractError, ValueError):
    """A gold directory or file cannot be used."""

    code = "E040"


@attrs.frozen(kw_only=True)
class EvaluationReport:
    """What :func:`evaluate` returns.

    docs (int): number of gold files scored.
    chars (int): characters of text extracted.
    seconds (float): time spent extracting (0.0 when predictions were read from files).
    scores (dict[str, Counts | Accuracy]): per field, in report order.
    errors (tuple[ErrorItem, ...]): missed/spurious/wrong items (empty unless asked for).
    """

    docs: int
    chars: int = 0
    seconds: float = 0.0
    scores: dict[str, Any]
    errors: tuple[ErrorItem, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"docs", "chars", "seconds", "scores": {field: {...}}, "errors": [...]}``."""
        return {
            "docs": self.docs, "chars": self.chars, "seconds": round(self.seconds, 3),
            "scores": {k: v.to_dict() for k, v in self.scores.items()},
            "errors": [e.to_dict() for e in self.errors],
        }

    def format_table(self) -> str:
        """The scores as a plain-text table."""
        lines = [f"docs: {self.docs}" + (f", {self.chars} chars in {self.seconds:.1f}s" if self.seconds else "")]
        lines.append(f"  {'field':26s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'fp':>5s} {'fn':>5s}")
        for k, v in self.scores.items():
            if isinstance(v, Counts):
                lines.append(f"  {k:26s} {v.precision:6.3f} {v.recall:6.3f} {v.f1:6.3f} {v.tp:5d} {v.fp:5d} {v.fn:5d}")
        lines.append(f"  {'field':26s} {'acc':>6s} {'n':>6s}")
        for k, v in self.scores.items():
            if isinstance(v, Accuracy):
                acc = "   n/a" if v.value is None else f"{v.value:6.3f}"
                lines.append(f"  {k:26s} {acc} {v.n:6d}")
        return "\n".join(lines) + "\n"

    def format_errors(self) -> str:
        """The error items grouped by document, one per line."""
        lines: list[str] = []
        doc = None
        for e in self.errors:
            if e.doc != doc:
                doc = e.doc
                lines.append(f"== {doc}")
            where = f"[{e.start}:{e.end}]" if e.start is not None else "[not in text]"
            extra = "".join((f"  rule={e.rule}" if e.rule else "", f"  ({e.detail})" if e.detail else ""))
            lines.append(f"  {e.kind:8s} {e.field:24s} {where:>13s}  {e.text}{extra}")
        return "\n".join(lines) + ("\n" if lines else "")

    def __str__(self) -> str:
        return self.format_table()


def full_reference_date(value: str | None) -> str | None:
    """A gold ``reference_date`` as a full ISO date: a partial one becomes the last day of its period.

    value (str | None): "2016-03-15", "2016-03" or "2016" (or None).
    RETURNS (str | None): "2016-03-15", "2016-03-31", "2016-12-31" (or None).
    """
    if not value:
        return None
    parts = value.split("-")
    if len(parts) == 1:
        return f"{int(parts[0]):04d}-12-31"
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"
    return value


def gold_files(gold_dir: str | Path) -> list[Path]:
    """The ``*.gold.json`` files of a directory, sorted by name.

    RAISES GoldFileError: not a directory, or no gold file in it.
    """
    d = Path(gold_dir)
    if not d.is_dir():
        raise GoldFileError(f"{d} is not a directory. Give a directory of NAME.txt + NAME{GOLD_SUFFIX} files.")
    files = sorted(d.glob("*" + GOLD_SUFFIX))
    if not files:
        raise GoldFileError(f"{d} has no *{GOLD_SUFFIX} file. Each article needs NAME.txt beside NAME{GOLD_SUFFIX}.")
    return files


def _read_gold(path: Path) -> tuple[dict[str, Any], str]:
    name = path.name[: -len(GOLD_SUFFIX)]
    txt = path.with_name(name + ".txt")
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = txt.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise GoldFileError(f"cannot read {path.name} / {txt.name}: {e}") from e
    if not isinstance(gold, dict) or not isinstance(gold.get("articles"), list):
        raise GoldFileError(f"{path} has no \"articles\" list (see the annotation guide).")
    return gold, text


def evaluate(
    gold_dir: str | Path,
    *,
    errors: bool = False,
    predictions: str | Path | None = None,
) -> EvaluationReport:
    """Score newsextract against a gold directory.

    gold_dir (str | Path): directory of ``NAME.txt`` + ``NAME.gold.json``.
    errors (bool): also list each missed, spurious and wrong item.
    predictions (str | Path | None): score the ``NAME.pred.json`` files (gold shape) of this
        directory instead of running newsextract, e.g. another system's output.
    RETURNS (EvaluationReport): scores per field (and the error items).
    RAISES GoldFileError: the directory or a file in it cannot be used.
    """
    scores = new_scores()
    items: list[ErrorItem] | None = [] if errors else None
    chars, seconds = 0, 0.0
    files = gold_files(gold_dir)
    if predictions is not None and not Path(predictions).is_dir():
        raise GoldFileError(f"{predictions} is not a directory of NAME{PRED_SUFFIX} files.")
    if predictions is None:
        from newsextract.pipeline import extract, load

        load()  # the model's load time is not the extraction's
    for path in files:
        gold, text = _read_gold(path)
        name = path.name[: -len(GOLD_SUFFIX)]
        pred: DocEntries
        if predictions is None:
            try:
                ref = full_reference_date(gold.get("reference_date"))
            except (TypeError, ValueError) as e:
                raise GoldFileError(f"{path.name}: reference_date {gold.get('reference_date')!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from e
            t0 = time.perf_counter()
            doc = extract(text, reference_date=ref)
            seconds += time.perf_counter() - t0
            chars += len(text)
            pred = entries_from_document(doc)
        else:
            p = Path(predictions) / (name + PRED_SUFFIX)
            pred = entries_from_dict(json.loads(p.read_text(encoding="utf-8"))) if p.is_file() else DocEntries()
        score_document(entries_from_gold(gold), pred, scores, name=name, text=text, errors=items)
    return EvaluationReport(docs=len(files), chars=chars, seconds=seconds, scores=scores, errors=tuple(items or ()))


def main(args: Any) -> int:
    """``newsextract evaluate GOLD_DIR [--errors] [--json]`` (``args`` from the CLI's parser).

    RETURNS (int): 0, or 1 when the gold directory or a file in it cannot be used.
    """
    try:
        report = evaluate(args.gold_dir, errors=bool(args.errors), predictions=getattr(args, "predictions", None))
    except GoldFileError as e:
        print(f"newsextract: {e}", file=sys.stderr)
        return 1
    if args.json:
        data = report.to_dict()
        if not args.errors:
            del data["errors"]
        print(json.dumps(data, ensure_ascii=False))
    else:
        sys.stdout.write(report.format_table())
        if args.errors:
            sys.stdout.write("\n" + report.format_errors())
    return 0


class _CallableModule(types.ModuleType):
    """``newsextract.evaluate`` is both this module and the function: importing the module
    ``newsextract.evaluate`` binds it as attribute ``evaluate`` of the ``newsextract`` package,
    which would otherwise hide the function that ``newsextract/__init__.py`` exports."""

    def __call__(self, gold_dir: str | Path, **kwargs: Any) -> EvaluationReport:
        return evaluate(gold_dir, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
