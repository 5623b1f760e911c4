"""Table-driven tests of find_indicators (fixtures/indicators/*.yaml) and its component."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.indicators import Indicator, find_indicators
from newsextract.spans import Span

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "indicators"
FILES = ("subjects.yaml", "changes.yaml", "qualifiers.yaml", "non_indicators.yaml")
ALWAYS = ("text", "start", "end", "value", "unit", "qualifier", "change", "subject", "low", "high", "bound")
SOMETIMES = ("basis", "period")


@attrs.frozen
class FakeDate:
    """A DateValue-like mention (start/end/text) as the dates component passes it."""

    text: str
    start: int
    end: int


def _cases() -> list:
    out = []
    for name in FILES:
        for c in yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8")):
            marks = [pytest.mark.xfail(strict=True, reason=c["xfail"])] if c.get("xfail") else []
            out.append(pytest.param(c, id=f"{name[:-5]}:{c['id']}", marks=marks))
    return out


def _span(text: str, s: str | None) -> Span | None:
    if s is None:
        return None
    i = text.find(s)
    assert i >= 0, f"{s!r} not in the fixture text"
    return Span.of(text, i, i + len(s))


def _view(ind: Indicator, keys: tuple[str, ...]) -> dict:
    d = {k: getattr(ind, k) for k in keys}
    for k in ("subject", "basis", "period"):
        if k in d and d[k] is not None:
            d[k] = (d[k].text, d[k].start, d[k].end)
    return d


def _expected(text: str, e: dict) -> Indicator:
    start = e.get("at", text.find(e["text"]))
    assert start >= 0, f"{e['text']!r} not in the fixture text"
    bound = e.get("bound")
    if "bound" not in e and e.get("qualifier"):
        from newsextract.numbers import qualifier_bounds

        bound = qualifier_bounds()[e["qualifier"]]
    return Indicator(
        text=e["text"], start=start, end=start + len(e["text"]), value=e["value"], unit=e["unit"],
        qualifier=e.get("qualifier"), bound=bound, low=e.get("low"), high=e.get("high"), change=e.get("change"),
        basis=_span(text, e.get("basis")), subject=_span(text, e.get("subject")),
        period=_span(text, e.get("period")),
    )


@pytest.mark.parametrize("case", _cases())
def test_indicators_find_indicators(case: dict) -> None:
    text = case["text"]
    dates = [FakeDate(text[s:e], s, e) for s, e in case.get("dates", [])]
    got = find_indicators(text, dates=dates, headings=[tuple(h) for h in case.get("headings", [])])
    expected = [_expected(text, e) for e in case["expect"]]
    keys = ALWAYS + tuple(k for k in SOMETIMES if any(k in e for e in case["expect"]))
    assert [_view(i, keys) for i in got] == [_view(i, keys) for i in expected]


def test_indicators_words_sharpen_boundaries() -> None:
    """With pkuseg-style words, a one-character boundary (在) ends a right subject."""
    text = "5个巡逻队在村里轮流值守。"
    words = [(0, 1), (1, 2), (2, 5), (5, 6), (6, 8), (8, 10), (10, 12), (12, 13)]
    assert [i.subject.text for i in find_indicators(text, words=words)] == ["巡逻队"]
    assert [i.subject.text for i in find_indicators("38个乡镇在建工程开工", words=[(0, 2), (2, 3), (3, 5), (5, 7), (7, 9), (9, 11)])] == ["乡镇在建工程"]


def test_indicators_words_zhanbi_split_by_words_is_still_a_noun() -> None:
    """占 is a one-character boundary only outside the noun 占比, even when pkuseg splits it (投资额|占|比)."""
    text = "投资额占比58.2%"
    words = [(0, 3), (3, 4), (4, 5), (5, 10)]
    assert [i.subject.text for i in find_indicators(text, words=words)] == ["投资额占比"]


def test_indicators_words_keep_a_leading_adverb_that_begins_a_word() -> None:
    """再 is stripped from a subject's start as an adverb, never from the word 再生资源."""
    text = "再生资源回收量3万吨"
    words = [(0, 4), (4, 6), (6, 7), (7, 10)]
    assert [i.subject.text for i in find_indicators(text, words=words)] == ["再生资源回收量"]


def test_indicators_words_complement_begins_word() -> None:
    """A complement character after a boundary stays in the subject when it begins a word (到位)."""
    text = "已到位资金3.2亿元。"
    words = [(0, 1), (1, 3), (3, 5), (5, 8), (8, 9), (9, 10), (10, 11)]
    assert [i.subject.text for i in find_indicators(text, words=words)] == ["到位资金"]


def test_indicators_words_name_with_numeral() -> None:
    """A Chinese numeral + unit that ends inside a pkuseg word is part of a name (五家渠市)."""
    text = "五家渠市新建学校3所。"
    words = [(0, 4), (4, 6), (6, 8), (8, 9), (9, 10), (10, 11)]
    assert [i.text for i in find_indicators(text)] == ["五家", "3所"]
    assert [i.text for i in find_indicators(text, words=words)] == ["3所"]


def test_indicators_words_place_topic_stripped() -> None:
    """With words, a place name opening the clause is not part of the subject."""
    text = "青禾县光伏项目总投资12亿元。"
    words = [(0, 3), (3, 5), (5, 7), (7, 8), (8, 10), (10, 12), (12, 14), (14, 15)]
    assert [i.subject.text for i in find_indicators(text)] == ["青禾县光伏项目总投资"]
    assert [i.subject.text for i in find_indicators(text, words=words)] == ["光伏项目总投资"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="0123456789.%万亿一二三十百家个项名元亩同比增长下降以上余近约全县实现，。、（）“”《》第次届年月日", max_size=80)))
def test_indicators_never_raise_and_grounded(text: str) -> None:
    for ind in find_indicators(text):
        assert text[ind.start : ind.end] == ind.text
        for sp in (ind.subject, ind.basis, ind.period):
            if sp is not None:
                assert text[sp.start : sp.end] == sp.text


@pytest.mark.model
def test_indicators_component(nlp) -> None:
    """The pipeline stores grounded indicators on the article."""
    import newsextract

    doc = newsextract.extract("本报讯 全县新建村级活动场所36个,同比增长12%。", reference_date="2023-05-16")
    assert [(i.text, i.value, i.unit) for i in doc.indicators] == [("36个", 36, "个"), ("12%", 12, "%")]
