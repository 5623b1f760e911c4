"""Shared sentence and clause splitting (quote- and bracket-aware)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsextract.clauses import clauses, sentences


@pytest.mark.parametrize(
    "text,expected",
    [
        ("会议强调,要抓好落实。下一步工作已部署!", ["会议强调,要抓好落实。", "下一步工作已部署!"]),
        ("他说:“要抓好落实。确保完成任务。”会议结束。", ["他说:“要抓好落实。确保完成任务。”会议结束。"]),
        ("听取《关于加快发展的意见(试行)》。审议预算。", ["听取《关于加快发展的意见(试行)》。", "审议预算。"]),
        ("第一段没有句号\n第二段。", ["第一段没有句号", "第二段。"]),
        ("引号没有闭合“要抓好\n下一行。", ["引号没有闭合“要抓好", "下一行。"]),
        ("  前后空格。  ", ["前后空格。"]),
        ("", []),
    ],
    ids=["two-sentences", "quote-keeps-inner-stops", "book-title-brackets", "newline-ends", "unclosed-quote-ends-at-newline", "trimmed", "empty"],
)
def test_clauses_sentences(text, expected):
    assert [s.text for s in sentences(text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("力争年底前完成,确保实现“安全、稳定”目标;加强督导。", ["力争年底前完成,", "确保实现“安全、稳定”目标;", "加强督导。"]),
        ("会议要求:一是压实责任,二是加强督导。", ["会议要求:", "一是压实责任,", "二是加强督导。"]),
        ("(其中,工业投资5亿元)全年完成投资12亿元。", ["(其中,工业投资5亿元)全年完成投资12亿元。"]),
    ],
    ids=["comma-and-semicolon", "colon", "brackets-keep-commas"],
)
def test_clauses_clauses(text, expected):
    assert [c.text for c in clauses(text)] == expected


def test_clauses_range_is_respected():
    text = "甲。乙,丙。丁。"
    assert [c.text for c in clauses(text, 2, 6)] == ["乙,", "丙。"]
    assert [c.text for c in clauses(text, 2, 7)] == ["乙,", "丙。", "丁"]


@given(st.text(alphabet=st.sampled_from(list("区委会议,，。；;：:“”‘’（）()《》\n 甲乙")), max_size=60))
def test_clauses_spans_are_grounded_ordered_and_disjoint(text):
    for split in (sentences, clauses):
        spans = split(text)
        last = 0
        for s in spans:
            assert text[s.start : s.end] == s.text and s.text == s.text.strip() and s.text
            assert s.start >= last
            last = s.end
