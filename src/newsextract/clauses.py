"""Sentence and clause splitting shared by all record families.

Chinese news punctuation: sentences end at 。！？ (and ASCII !?; also a line break);
clauses end at ，,；;：: too. Quotes and brackets are tracked so that a comma inside
“……” or （……） does not split a clause.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator

import regex

from newsextract.spans import Span

SENTENCE_END = frozenset("。！？!?\n")
CLAUSE_END = SENTENCE_END | frozenset("，,；;：:")
OPENERS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "「": "」", "『": "』", "【": "】", "[": "]"}
CLOSERS = frozenset(OPENERS.values())
_MAX_DEPTH = 3


def _split(text: str, ends: frozenset[str], start: int = 0, end: int | None = None) -> Iterator[Span]:
    end = len(text) if end is None else end
    depth = 0
    seg_start = start
    expected: list[str] = []
    # Jump from one bracket/quote/end character to the next instead of visiting every char.
    for m in _interesting(ends).finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch in OPENERS and depth < _MAX_DEPTH and not (ch == "“" and expected and expected[-1] == "”"):
            expected.append(OPENERS[ch])
            depth += 1
            continue
        if depth and ch == expected[-1]:
            expected.pop()
            depth -= 1
            continue
        if ch == "\n":  # a line break always ends the unit, even inside an unclosed quote
            depth, expected = 0, []
        if ch in ends and depth == 0:
            span = _trim(text, seg_start, i + (ch != "\n"))
            if span is not None:
                yield span
            seg_start = i + 1
    span = _trim(text, seg_start, end)
    if span is not None:
        yield span


@functools.cache
def _interesting(ends: frozenset[str]) -> "regex.Pattern[str]":
    chars = set(ends) | set(OPENERS) | CLOSERS
    return regex.compile("[" + "".join(regex.escape(c) for c in sorted(chars)) + "]")


# Large enough that the whole-text split survives the per-sentence splits of one article
# (a page of 80 sentences asks for 80 more entries per family).
@functools.lru_cache(maxsize=1024)
def _split_cached(text: str, ends: frozenset[str], start: int, end: int | None) -> tuple[Span, ...]:
    return tuple(_split(text, ends, start, end))


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end) if end > start else None


class _Splitting:
    """A text split once into units (sentences or clauses), with range look-ups equal to
    splitting the range again.

    Splitting restarts cleanly where a unit starts or ends (only spacing lies between two
    units), so a range from such an offset is made of the text's units up to ``end``, the one
    running past ``end`` split again up to it. A range from any other offset is split afresh.

    text (str): the text.
    ends (frozenset[str]): the characters that end a unit.
    """

    def __init__(self, text: str, ends: frozenset[str]) -> None:
        self.text = text
        self.ends_at = ends
        self.units = _split_cached(text, ends, 0, None)
        self.starts = [u.start for u in self.units]
        self.ends = [u.end for u in self.units]

    def _edge(self, i: int) -> bool:
        """True when a unit starts or ends at ``i`` (or ``i`` is the text's start or end)."""
        k = bisect.bisect_left(self.starts, i)
        if k < len(self.starts) and self.starts[k] == i or i in (0, len(self.text)):
            return True
        k = bisect.bisect_left(self.ends, i)
        return k < len(self.ends) and self.ends[k] == i

    def __call__(self, start: int = 0, end: int | None = None) -> list[Span]:
        end = len(self.text) if end is None else end
        if not self._edge(start):
            return list(_split_cached(self.text, self.ends_at, start, end))
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_right(self.starts, end - 1, i)  # units starting before ``end``
        if j > i and self.units[j - 1].end > end:
            return [*self.units[i : j - 1], *_split_cached(self.text, self.ends_at, self.units[j - 1].start, end)]
        return list(self.units[i:j])


@functools.lru_cache(maxsize=16)
def _splitting(text: str, ends: frozenset[str]) -> _Splitting:
    return _Splitting(text, ends)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]``, with their closing punctuation. The whole text is
    split once (several families and many ranges ask); a range reuses its sentences."""
    return _splitting(text, SENTENCE_END)(start, end)


def clauses(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Clauses of ``text[start:end]``: split at sentence ends and at ，,；;：: (the whole text
    is split once, as for :func:`sentences`)."""
    return _splitting(text, CLAUSE_END)(start, end)
