"""The normalised view of an article and its map back to the caller's original text.

The original string is never changed. :func:`build_view` concatenates the pieces the
layout kept (headings, paragraphs; bylines and page markers cut out), and on the way

- reads full-width ASCII forms (１２３，％ＡＢ) and the ideographic space as ASCII;
- drops stray spaces between Chinese characters (``其 中`` → ``其中``);
- drops HTML tags (``<p>``, ``<br/>``) that pasted web text carries;
- joins paragraphs the page layout broke (the layout says which pieces continue).

``offsets[i]`` is the original index of view character ``i``, so a span ``[s, e)`` of the
view is ``[offsets[s], offsets[e - 1] + 1)`` of the original.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence

import attrs
import regex

# U+FF01..U+FF5E are the full-width forms of ASCII 0x21..0x7E.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x200B: None, 0xFEFF: None})
# A Han character, CJK punctuation or full-width form: spaces between two of these are stray.
_CJK = regex.compile(r"[\p{Han}\u3000-\u303F\uFF00-\uFFEF“”‘’、。《》〈〉【】]")
_TAG = regex.compile(r"</?[A-Za-z][^<>\n]{0,200}>")


@attrs.frozen(kw_only=True)
class Piece:
    """A range of the original text the view keeps.

    start, end (int): the range in the original text.
    joined (bool): True when it continues the previous piece with no separator.
    heading (bool): True for a headline line (title, kicker, subtitle).
    """

    start: int
    end: int
    joined: bool = False
    heading: bool = False


@attrs.frozen(kw_only=True, eq=False)
class TextView:
    """Normalised text with its original-offset map.

    text (str): what the pipeline reads.
    offsets (array): original index of each view character.
    source (str): the caller's original text.
    headings (tuple[tuple[int, int], ...]): view ranges of headline pieces.
    """

    text: str
    offsets: array
    source: str
    headings: tuple[tuple[int, int], ...] = ()

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the view range [start, end) to the original text."""
        if not self.text:
            return 0, 0
        start = min(max(start, 0), len(self.text) - 1)
        if end <= start:
            pos = self.offsets[start]
            return pos, pos
        end = min(end, len(self.text))
        return self.offsets[start], self.offsets[end - 1] + 1


# Characters the view rewrites or drops (full-width forms, odd spaces, lone surrogates); the
# runs between them are copied whole, which keeps the view cheap on ordinary text.
_SPECIAL = re.compile("[\uD800-\uDFFF" + "".join(re.escape(chr(cp)) for cp in sorted(_FULLWIDTH)) + "]")


def _normalise_piece(source: str, start: int, end: int, chars: list[str], offsets: array) -> None:
    segment = source[start:end]
    kept = [(start, end)]
    if "<" in segment:  # cut HTML tags out: keep the ranges between them
        kept, pos = [], start
        for m in _TAG.finditer(segment):
            kept.append((pos, m.start() + start))
            pos = m.end() + start
        kept.append((pos, end))
    for lo, hi in kept:
        pos = lo
        for m in _SPECIAL.finditer(source, lo, hi):
            i = m.start()
            chars.extend(source[pos:i])
            offsets.extend(range(pos, i))
            cp = ord(source[i])
            if 0xD800 <= cp <= 0xDFFF:  # a lone surrogate cannot be encoded: read it as U+FFFD
                chars.append("\ufffd")
                offsets.append(i)
            elif (mapped := _FULLWIDTH[cp]) is not None:
                chars.append(chr(mapped))
                offsets.append(i)
            pos = i + 1
        chars.extend(source[pos:hi])
        offsets.extend(range(pos, hi))
    _drop_stray_spaces(chars, offsets)


def _drop_stray_spaces(chars: list[str], offsets: array) -> None:
    """Remove runs of spaces whose neighbours are both Chinese (in place, whole buffer)."""
    if " " not in chars:
        return
    out_c: list[str] = []
    out_o = array("q")
    n = len(chars)
    i = 0
    while i < n:
        if chars[i] == " ":
            j = i
            while j < n and chars[j] == " ":
                j += 1
            left = out_c[-1] if out_c else ""
            right = chars[j] if j < n else ""
            if left and right and _CJK.match(left) and _CJK.match(right):
                i = j
                continue
            out_c.extend(chars[i:j])
            out_o.extend(offsets[i:j])
            i = j
            continue
        out_c.append(chars[i])
        out_o.append(offsets[i])
        i += 1
    chars[:] = out_c
    offsets[:] = out_o


def build_view(source: str, pieces: Sequence[Piece]) -> TextView:
    """Build the normalised view of ``pieces`` of ``source``.

    source (str): the caller's original text.
    pieces (Sequence[Piece]): ranges to keep, in order.
    RETURNS (TextView): the view; pieces are separated by a newline unless ``joined``.
    """
    chars: list[str] = []
    offsets = array("q")
    headings: list[tuple[int, int]] = []
    for piece in pieces:
        if chars and not piece.joined:
            chars.append("\n")
            offsets.append(min(offsets[-1] + 1, max(len(source) - 1, 0)))
        begin = len(chars)
        buf: list[str] = []
        buf_off = array("q")
        _normalise_piece(source, piece.start, piece.end, buf, buf_off)
        chars.extend(buf)
        offsets.extend(buf_off)
        if piece.heading and len(chars) > begin:
            headings.append((begin, len(chars)))
    return TextView(text="".join(chars), offsets=offsets, source=source, headings=tuple(headings))


def whole_text_view(source: str) -> TextView:
    """The view of an entire text as one piece (no layout)."""
    return build_view(source, [Piece(start=0, end=len(source))] if source else [])
