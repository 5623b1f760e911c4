"""clauses: range look-ups on the text split once equal splitting the range afresh."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.clauses import CLAUSE_END, SENTENCE_END, _split, clauses, sentences

# pieces of invented sentences: punctuation, quotes, brackets, spacing and line breaks
_PIECES = ["旗委召开", "常委会", "，", "。", "；", "：", "“", "”", "（", "）", "《", "》", "\n", " ", "\u3000",
           "柏某主持", "会议强调", "！", "?", "、", "（扩大）", "‘", "’"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40), st.data())
def test_ranges_equal_fresh_splits(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    edges = sorted({0, len(text)} | {c.start for c in clauses(text)} | {c.end for c in clauses(text)})
    for _ in range(10):
        start = data.draw(st.one_of(st.sampled_from(edges), st.integers(0, len(text))))
        end = data.draw(st.integers(0, len(text)))
        assert sentences(text, start, end) == list(_split(text, SENTENCE_END, start, end))
        assert clauses(text, start, end) == list(_split(text, CLAUSE_END, start, end))
    assert sentences(text) == list(_split(text, SENTENCE_END))
    assert clauses(text) == list(_split(text, CLAUSE_END))
