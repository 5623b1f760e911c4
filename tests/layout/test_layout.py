"""Page layout: articles, headings, bylines, page references, the normalised body view."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsextract.layout import split_page
from newsextract.textview import build_view

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "layout"
CASES = yaml.safe_load((FIXTURES / "cases.yaml").read_text(encoding="utf-8"))
SAMPLE = (FIXTURES.parent / "sample-page.txt").read_text(encoding="utf-8")
SAMPLE_SPLIT = yaml.safe_load((FIXTURES / "sample-page.yaml").read_text(encoding="utf-8"))


def _credits(layout, text, role):
    return [c.name for c in layout.credits if c.role == role]


def _sl(text, r):
    return text[r[0] : r[1]] if r else None


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_layout_cases(case):
    text = case["text"]
    layouts = split_page(text)
    if "articles" in case:
        assert len(layouts) == case["articles"]
        return
    assert len(layouts) == 1
    lay = layouts[0]
    if "title" in case:
        assert _sl(text, lay.title) == case["title"]
    if "dateline" in case:
        assert _sl(text, lay.dateline) == case["dateline"]
    for role in ("reporters", "correspondents", "photographers"):
        if role in case:
            assert _credits(lay, text, role) == case[role]
    if "continuations" in case:
        assert [_sl(text, r) for r in lay.continuations] == case["continuations"]
    if "view" in case:
        assert build_view(text, lay.pieces).text == case["view"]
    for c in lay.credits:
        assert text[c.start : c.end] == c.name


def test_layout_sample_page_exact_split():
    layouts = split_page(SAMPLE)
    got = []
    for lay in layouts:
        got.append({
            "title": _sl(SAMPLE, lay.title),
            "kicker": _sl(SAMPLE, lay.kickers[0]) if lay.kickers else None,
            "subtitles": [_sl(SAMPLE, r) for r in lay.subtitles],
            "dateline": _sl(SAMPLE, lay.dateline),
            "byline": {role: _credits(lay, SAMPLE, role) for role in ("reporters", "correspondents", "photographers")},
            "continuations": [_sl(SAMPLE, r) for r in lay.continuations],
            "paragraphs": len(lay.paragraphs),
        })
    assert got == SAMPLE_SPLIT


@pytest.mark.parametrize(
    "broken,joined",
    [("全面落实安全生产\n\n责任制", "全面落实安全生产责任制"), ("“邻里\n\n通”", "“邻里通”"), ("一方生\n\n态", "一方生态")],
    ids=["word-split", "quote-split", "char-split"],
)
def test_layout_sample_page_column_breaks_joined(broken, joined):
    assert broken in SAMPLE
    views = [build_view(SAMPLE, lay.pieces).text for lay in split_page(SAMPLE)]
    assert any(joined in v for v in views)
    assert not any(broken in v for v in views)
