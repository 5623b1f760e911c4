"""meetings.finder._Units: range look-ups on a text split once equal splitting the range again."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.clauses import clauses, sentences
from newsextract.meetings.finder import _Units

# pieces of invented sentences: punctuation, quotes, brackets, spacing and line breaks
_PIECES = ["旗委召开", "常委会", "，", "。", "；", "：", "“", "”", "（", "）", "《", "》", "\n", " ", "\u3000",
           "柏某主持", "会议强调", "！", "?", "、", "（扩大）", "‘", "’"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40), st.data())
def test_ranges_equal_fresh_splits(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    units = _Units(text)
    edges = sorted({0, len(text)} | {c.start for c in clauses(text)} | {c.end for c in clauses(text)})
    for _ in range(10):
        start = data.draw(st.one_of(st.sampled_from(edges), st.integers(0, len(text))))
        end = data.draw(st.integers(0, len(text)))
        assert units.sentences(start, end) == sentences(text, start, end)
        assert units.clauses(start, end) == clauses(text, start, end)
    assert units.sentences() == sentences(text)
    assert units.clauses() == clauses(text)
