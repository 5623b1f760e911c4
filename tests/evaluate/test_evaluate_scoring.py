"""Scoring definitions of newsextract.evaluate, table-driven from fixtures/evaluate/cases.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.evaluate.entries import entries_from_dict, entries_from_gold
from newsextract.evaluate.metrics import (
    Accuracy,
    Counts,
    char_f1,
    longest_common_substring,
    norm,
    norm_qualifier,
    norm_unit,
    same_value,
)
from newsextract.evaluate.scoring import ACCURACY_FIELDS, COUNT_FIELDS, new_scores, score_document

FIXTURES = Path(__file__).parents[2] / "fixtures"

CASES = yaml.safe_load((FIXTURES / "evaluate" / "cases.yaml").read_text(encoding="utf-8"))


def _run(case):
    scores, items = new_scores(), []
    score_document(entries_from_gold(case["gold"]), entries_from_dict(case["pred"]), scores,
                   name=case["id"], text=case["text"], errors=items)
    return scores, items


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_evaluate_scoring_counts(case):
    scores, _ = _run(case)
    expected = case.get("counts") or {}
    for field in COUNT_FIELDS:
        c = scores[field]
        assert [c.tp, c.fp, c.fn] == expected.get(field, [0, 0, 0]), field
    accuracy = case.get("accuracy") or {}
    for field in ACCURACY_FIELDS:
        a = scores[field]
        got = [None if a.value is None else round(a.value, 3), a.n]
        assert got == accuracy.get(field, [None, 0]), field


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_evaluate_scoring_errors(case):
    _, items = _run(case)
    assert [[e.kind, e.field, e.text, e.start, e.end] for e in items] == case["errors"]
    for e in items:
        assert e.doc == case["id"]
        if e.start is not None:  # a missed item points at where its text is printed
            shown = e.text.split(": ")[-1]
            assert case["text"][e.start : e.end] == shown


@pytest.mark.parametrize(
    "a,b,expected",
    [("", "", 0), ("abc", "", 0), ("区委常委会", "区委常委会会议", 5), ("abxcd", "abcd", 2), ("ab", "ba", 1)],
    ids=["empty", "one-empty", "prefix", "contiguous-only", "swap"],
)
def test_evaluate_longest_common_substring(a, b, expected):
    assert longest_common_substring(a, b) == expected


@pytest.mark.parametrize(
    "gold,pred,expected",
    [(None, None, 1.0), ("", "x", 0.0), ("区委常委会", "区委常委会会议", 0.833), ("全 区", "全区", 1.0), ("甲乙", "丙丁", 0.0)],
    ids=["both-empty", "one-empty", "longer-prediction", "whitespace-ignored", "disjoint"],
)
def test_evaluate_char_f1(gold, pred, expected):
    assert round(char_f1(gold, pred), 3) == expected


@pytest.mark.parametrize(
    "word,expected",
    [("以上", "over"), ("超过", "over"), ("不足", "under"), ("左右", "approx"), ("", ""), (None, ""), ("许", "许")],
    ids=["yishang", "chaoguo", "buzu", "zuoyou", "empty", "none", "unknown-kept"],
)
def test_evaluate_norm_qualifier(word, expected):
    assert norm_qualifier(word) == expected


@pytest.mark.parametrize(
    "gold,pred,expected",
    [((7, "成"), (70, "%"), True), ((5, "元"), (5, "万元"), True), ((5, "元"), (5, "个"), False),
     ((1e9, "元"), (1e9 + 500, "元"), True), ((1, "个"), (1.01, "个"), False), ((1, "个"), ("x", "个"), False),
     ((None, "个"), (1, "个"), False)],
    ids=["tenths", "money-alias", "other-unit", "relative-tolerance", "beyond-tolerance", "not-a-number", "none"],
)
def test_evaluate_same_value(gold, pred, expected):
    assert same_value(*gold, *pred) is expected


def test_evaluate_norm_unit_full_width_percent():
    assert norm_unit(" ％") == "%"


@pytest.mark.parametrize(
    "counts,expected",
    [(Counts(), (1.0, 1.0, 1.0)), (Counts(fn=2), (0.0, 0.0, 0.0)), (Counts(fp=1), (0.0, 1.0, 0.0)),
     (Counts(tp=3, fp=1, fn=2), (0.75, 0.6, 0.667))],
    ids=["nothing", "only-missed", "only-spurious", "mixed"],
)
def test_evaluate_counts_prf(counts, expected):
    assert (round(counts.precision, 3), round(counts.recall, 3), round(counts.f1, 3)) == expected


def test_evaluate_accuracy_empty_is_none():
    a = Accuracy()
    assert a.value is None and a.to_dict() == {"acc": None, "n": 0}
    a.add(1.0)
    a.add(0.5)
    assert a.to_dict() == {"acc": 0.75, "n": 2}


# ---- properties: any gold and prediction in the gold shape score without error, consistently

_names = st.text(alphabet="张王李一 ", min_size=0, max_size=3)
_person = st.fixed_dictionaries({"name": _names, "titles": st.lists(_names, max_size=2)}, optional={"optional": st.booleans()})
_meeting = st.fixed_dictionaries({"name": _names, "date": st.sampled_from([None, "2024-03-05", "--03-05"]),
                                  "chair": st.lists(_names, max_size=2), "participants": st.lists(_names, max_size=3)})
_indicator = st.fixed_dictionaries(
    {"text": _names, "value": st.one_of(st.none(), st.integers(0, 3), st.floats(0, 3, allow_nan=False)),
     "unit": st.sampled_from([None, "个", "成", "%", "元", "万元"]), "qualifier": st.sampled_from([None, "余", "以上", "约"]),
     "change": st.sampled_from([None, "increase"]), "subject": st.one_of(st.none(), _names)},
    optional={"optional": st.booleans()})
_goal = st.fixed_dictionaries({"text": _names}, optional={"must": st.booleans()})
_article = st.fixed_dictionaries(
    {"title": st.one_of(st.none(), _names), "people": st.lists(_person, max_size=3), "meetings": st.lists(_meeting, max_size=2),
     "indicators": st.lists(_indicator, max_size=4), "goals": st.lists(_goal, max_size=2),
     "byline": st.fixed_dictionaries({"reporters": st.lists(_names, max_size=2)})})
_doc = st.fixed_dictionaries({"articles": st.lists(_article, max_size=2)})


@settings(max_examples=150, deadline=None)
@given(gold=_doc, pred=_doc, text=st.text(max_size=20))
def test_evaluate_scoring_properties(gold, pred, text):
    scores, items = new_scores(), []
    g, p = entries_from_gold(gold), entries_from_dict(pred)
    score_document(g, p, scores, text=text, errors=items)
    required = {norm(x.name) for x in g.merged("people") if not x.optional}
    assert scores["people.name"].tp + scores["people.name"].fn == len(required)
    assert scores["meeting"].tp + scores["meeting"].fn == len(g.merged("meetings"))
    assert scores["meeting"].tp + scores["meeting"].fp == len([m for m in p.merged("meetings") if m.name])
    assert scores["indicator"].tp + scores["indicator"].fn == len([i for i in g.merged("indicators") if not i.optional])
    for field, c in scores.items():
        if isinstance(c, Counts):
            assert 0.0 <= c.precision <= 1.0 and 0.0 <= c.recall <= 1.0 and 0.0 <= c.f1 <= 1.0, field
        elif c.value is not None:
            assert 0.0 <= c.value <= 1.0, field
    for e in items:
        if e.start is not None:
            assert e.kind == "missed" and text[e.start : e.end] == e.text.split(": ")[-1]
