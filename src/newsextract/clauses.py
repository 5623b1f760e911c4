"""Sentence and clause splitting shared by all record families.

Chinese news punctuation: sentences end at 。！？ (and ASCII !?; also a line break);
clauses end at ，,；;：: too. Quotes and brackets are tracked so that a comma inside
“……” or （……） does not split a clause.
"""

from __future__ import annotations

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


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]``, with their closing punctuation (cached: several
    families split the same text)."""
    return list(_split_cached(text, SENTENCE_END, start, end))


def clauses(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Clauses of ``text[start:end]``: split at sentence ends and at ，,；;：: (cached)."""
    return list(_split_cached(text, CLAUSE_END, start, end))
