"""Table-driven tests of newsextract.goals (cases in fixtures/goals/goals.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.dates import DateInterval, DateValue
from newsextract.goals import Goal, find_goals
from newsextract.goals.finder import _rules
from newsextract.spans import Span

FIXTURES = yaml.safe_load((Path(__file__).parents[2] / "fixtures" / "goals" / "goals.yaml").read_text("utf-8"))


# Stand-ins with the duck-typed interface of the other families' records.
@attrs.frozen(kw_only=True)
class FakeIndicator:
    text: str
    start: int
    end: int
    is_target: bool = False


@attrs.frozen(kw_only=True)
class FakePerson:
    name: str
    text: str
    start: int
    end: int
    mentions: tuple[Span, ...]


def _occurrences(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    assert out, f"fixture string {needle!r} not in the text"
    return out


def _inputs(case: dict[str, Any]) -> dict[str, Any]:
    text = case["text"]
    inds = [FakeIndicator(text=s, start=i, end=i + len(s)) for s in case.get("indicators", []) for i in _occurrences(text, s)]
    dates = [
        DateValue(text=d["text"], start=i, end=i + len(d["text"]), grain=d.get("grain"),
                  interval=DateInterval(end=d["before"]) if d.get("before") else None)
        for d in case.get("dates", []) for i in _occurrences(text, d["text"])
    ]
    people = []
    for name in case.get("people", []):
        ms = tuple(Span.of(text, i, i + len(name)) for i in _occurrences(text, name))
        people.append(FakePerson(name=name, text=name, start=ms[0].start, end=ms[0].end, mentions=ms))
    headings = []
    for h in case.get("headings", []):
        i = _occurrences(text, h)[0]
        headings.append((i, i + len(h)))
    return dict(indicators=inds, dates=dates, people=people, headings=headings)


def _view(g: Goal) -> dict[str, Any]:
    return {
        "text": g.text, "start": g.start, "end": g.end, "marker": g.marker.text, "rule": g.rule,
        "strength": g.strength,
        "owner": g.owner.text if g.owner else None, "owner_kind": g.owner_kind,
        "deadline": g.deadline.text if g.deadline is not None else None,
        "targets": [(t.text, t.is_target) for t in g.targets],
    }


_KEYS = {"text", "start", "marker", "rule", "strength", "owner", "owner_kind", "deadline", "targets"}


def _expected(text: str, e: dict[str, Any]) -> dict[str, Any]:
    assert set(e) <= _KEYS, f"unknown fixture keys {set(e) - _KEYS} (a comma in a YAML flow mapping?)"
    start = e.get("start", text.find(e["text"]))
    return {
        "text": e["text"], "start": start, "end": start + len(e["text"]), "marker": e["marker"],
        "rule": e["rule"], "strength": e.get("strength"),
        "owner": e.get("owner"), "owner_kind": e.get("owner_kind"), "deadline": e.get("deadline"),
        "targets": [(t, True) for t in e.get("targets", [])],
    }


def _params(cases: list[dict[str, Any]]) -> list[Any]:
    out = []
    for c in cases:
        marks = [pytest.mark.xfail(reason=c["xfail"], strict=True)] if c.get("xfail") else []
        out.append(pytest.param(c, id=c["id"], marks=marks))
    return out


@pytest.mark.parametrize("case", _params(FIXTURES["positives"]))
def test_goals_found(case: dict[str, Any]) -> None:
    """Each positive sentence yields exactly the listed goals."""
    text = case["text"]
    got = [_view(g) for g in find_goals(text, **_inputs(case))]
    assert got == [_expected(text, e) for e in case["goals"]]


@pytest.mark.parametrize("case", _params(FIXTURES["negatives"]))
def test_goals_not_found(case: dict[str, Any]) -> None:
    """Directives, headlines and marker words used otherwise are not goals."""
    assert [g.text for g in find_goals(case["text"], **_inputs(case))] == []


@pytest.mark.parametrize("text", ["", "。", "\n\n", "确保", "力争,", "目标是:", "“确保", "《力争"])
def test_goals_degenerate_input(text: str) -> None:
    """Empty text, bare markers and unclosed marks give no goal."""
    assert find_goals(text) == []


@pytest.mark.parametrize("with_words", [False, True])
def test_goals_words_must_start_at_marker(with_words: bool) -> None:
    """With word offsets a marker must begin a word (确保 inside a longer word is skipped)."""
    text = "要确保全镇安全度汛。"
    words = [(0, 2), (2, 4), (4, 6), (6, 8), (8, 10)] if with_words else None  # 要确/保全/镇安/…
    got = [g.text for g in find_goals(text, words=words)]
    assert got == ([] if with_words else ["确保全镇安全度汛"])


def test_goals_marker_may_end_a_glued_word() -> None:
    """A marker that closes a word the segmenter glued to its left ("上下务求") still counts."""
    text = "全乡上下务求月底前全部完工。"
    words = [(0, 2), (2, 6), (6, 9), (9, 11), (11, 13), (13, 14)]  # 全乡/上下务求/月底前/全部/完工/。
    assert [g.text for g in find_goals(text, words=words)] == ["务求月底前全部完工"]


@pytest.mark.parametrize("rule", [m.name for m in _rules().markers])
def test_goals_every_rule_has_a_positive_case(rule: str) -> None:
    """Every marker rule in the lexicon is exercised by a positive fixture."""
    assert any(g["rule"] == rule for c in FIXTURES["positives"] for g in c["goals"])


def _check_grounded(text: str, goals: list[Goal]) -> None:
    for g in goals:
        assert text[g.start:g.end] == g.text and g.text
        assert text[g.marker.start:g.marker.end] == g.marker.text
        assert g.start <= g.marker.start < g.end
        if g.owner is not None:
            assert text[g.owner.start:g.owner.end] == g.owner.text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_goals_never_raise_any_text(text: str) -> None:
    """Any str: no exception, every record grounded."""
    _check_grounded(text, find_goals(text))


_GENRE = "确保力争争取锚定目标是实现完成全力以赴奋力努力打造坚决年底前内全今明计划到至2031年了已同比他会议强调要为以，,。；;：“”《》、 \n0123456789%万亿个"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_GENRE, max_size=120))
def test_goals_never_raise_genre_text(text: str) -> None:
    """Strings dense in markers and punctuation: no exception, every record grounded."""
    _check_grounded(text, find_goals(text))


def test_goals_large_and_dense_texts_complete() -> None:
    """1 MB of news-like text, 100 kB of goal-dense text, one long paragraph and one clause
    without punctuation: exact results (their speed is measured in benchmarks/bench_pipeline.py)."""
    plain = "记者获悉,1至8月全镇新上技改项目47个,同比增7.2%,其中智能化改造19个。\n"
    dense = "全会要求,要确保三季度完成投资12亿元,力争年底前建成项目5个以上,打造一批示范点。"
    n_plain = 1_000_000 // (len(plain) + len(dense))
    assert len(find_goals((plain + dense) * n_plain)) == 3 * n_plain
    assert len(find_goals(dense * (100_000 // len(dense)))) == 3 * (100_000 // len(dense))
    review = "去年同比增长。" + "全年新增企业5家。" * (200_000 // 9)  # one long paragraph
    assert find_goals(review) == []
    big = "确保" + "很" * 300_000  # one clause with no punctuation
    assert [g.end for g in find_goals(big)] == [len(big)]


@pytest.mark.parametrize("case", _params(FIXTURES["targets_from_indicators"]))
def test_goals_targets_from_indicators(case: dict[str, Any]) -> None:
    """is_target is the goals family's: an indicator is a target exactly when inside a goal."""
    from newsextract.goals.component import mark_targets
    from newsextract.indicators import find_indicators

    text = case["text"]
    indicators = find_indicators(text)
    assert not any(i.is_target for i in indicators)  # find_indicators alone never marks targets
    goals = find_goals(text, indicators=indicators)
    marked = mark_targets(indicators, goals)
    assert [i.text for i in marked if i.is_target] == case["targets"]
    in_goals = {(t.start, t.end, t.value) for g in goals for t in g.targets}
    assert all(((i.start, i.end, i.value) in in_goals) == i.is_target for i in marked)
