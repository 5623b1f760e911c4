"""The ``doc._.newsextract`` namespace: what the pipeline components read and write.

Offsets in here index ``doc.text``. :func:`newsextract.extract` remaps them into the
caller's original text when it builds the :class:`~newsextract.document.Document`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

EXTENSION = "newsextract"


@attrs.define(kw_only=True)
class DocResults:
    """Per-doc state of the newsextract components.

    reference_date (date | None): publication date used to resolve 5月14日 / 昨天.
    headings (list[tuple[int, int]]): char ranges of headline lines (title, kicker, subtitle).
    dates, indicators, people, meetings, events, goals: records found so far, doc offsets.
    """

    reference_date: dt.date | None = None
    headings: list[tuple[int, int]] = attrs.Factory(list)
    dates: list[Any] = attrs.Factory(list)
    indicators: list[Any] = attrs.Factory(list)
    people: list[Any] = attrs.Factory(list)
    meetings: list[Any] = attrs.Factory(list)
    events: list[Any] = attrs.Factory(list)
    goals: list[Any] = attrs.Factory(list)
    words: list[tuple[int, int]] | None = None  # cache of word_offsets(doc)
    text: str | None = None  # cache of doc.text (spaCy rebuilds it from the tokens on every access)

    def in_heading(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside a headline."""
        return any(s <= start and end <= e for s, e in self.headings)


_registered = False


def register_extension() -> None:
    """Add ``Doc._.newsextract`` once (never overwrites another package's attribute)."""
    global _registered
    from spacy.tokens import Doc

    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default=None)
    _registered = True


def results_of(doc: Any) -> DocResults:
    """The doc's :class:`DocResults`, created empty on first use."""
    if not _registered:  # every component asks, several times per doc
        register_extension()
    res = getattr(doc._, EXTENSION)
    if res is None:
        res = DocResults()
        setattr(doc._, EXTENSION, res)
    return res


def word_offsets(doc: Any) -> list[tuple[int, int]]:
    """(start, end) char offsets of the doc's tokens (pkuseg words), whitespace tokens left out.

    Computed once per doc from token arrays (every component asks for them).
    """
    res = results_of(doc)
    if res.words is None:
        from spacy.attrs import IDX, IS_SPACE, LENGTH

        if not len(doc):
            res.words = []
        else:
            rows = doc.to_array([IDX, LENGTH, IS_SPACE])
            rows = rows[rows[:, 2] == 0]
            res.words = list(zip(rows[:, 0].tolist(), (rows[:, 0] + rows[:, 1]).tolist()))
    return res.words


def doc_text(doc: Any) -> str:
    """``doc.text``, computed once per doc."""
    res = results_of(doc)
    if res.text is None:
        res.text = doc.text
    return res.text
