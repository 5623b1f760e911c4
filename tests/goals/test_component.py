"""The newsextract_goals component in a char-segmented blank zh pipeline (no pkuseg)."""

from __future__ import annotations

import pytest
import spacy

import newsextract.goals.component  # noqa: F401  (registers the factory)
from newsextract.goals.component import mark_targets
from newsextract.indicators import Indicator
from newsextract.results import results_of

TEXT = "力争全年新增企业36家以上\n常务会要求,要确保三季度完成投资12亿元。去年新增企业20家。"


def _ind(text: str, s: str, value: float, unit: str) -> Indicator:
    i = text.index(s)
    return Indicator(text=s, start=i, end=i + len(s), value=value, unit=unit)


@pytest.mark.parametrize("with_heading", [False, True], ids=["no-heading", "first-line-heading"])
def test_goals_component_stores_goals_and_marks_targets(with_heading: bool) -> None:
    """res.goals is filled; indicators inside a goal are replaced by is_target versions."""
    nlp = spacy.blank("zh")
    nlp.add_pipe("newsextract_goals")
    doc = nlp.make_doc(TEXT)
    res = results_of(doc)
    inds = [_ind(TEXT, "36家以上", 36, "家"), _ind(TEXT, "12亿元", 12e8, "元"), _ind(TEXT, "20家", 20, "家")]
    res.indicators = list(inds)
    if with_heading:
        res.headings = [(0, TEXT.index("\n"))]
    doc = nlp(doc)
    got = [(g.text, g.owner.text if g.owner else None, [t.text for t in g.targets]) for g in res.goals]
    body = [("确保三季度完成投资12亿元", "常务会", ["12亿元"])]
    assert got == ([] if with_heading else [("力争全年新增企业36家以上", None, ["36家以上"])]) + body
    assert [i.is_target for i in res.indicators] == [not with_heading, True, False]
    assert res.indicators[1] is res.goals[-1].targets[0]


def test_goals_mark_targets_keeps_order_and_others() -> None:
    """mark_targets changes only the targets, in place of the originals."""
    a, b = _ind(TEXT, "36家以上", 36, "家"), _ind(TEXT, "20家", 20, "家")
    assert mark_targets([a, b], []) == [a, b]


@pytest.mark.model
@pytest.mark.parametrize(
    "text,goals,targets",
    [
        pytest.param(
            "区委书记林卫东强调,要压实责任,力争全年新增规上企业40家以上。去年全区新增企业25家。",
            [("力争全年新增规上企业40家以上", "林卫东", "person")],
            ["40家以上"],
            id="speaker-goal-target",
        ),
    ],
)
def test_goals_in_the_installed_pipeline(nlp, text, goals, targets) -> None:
    """With pkuseg words and the other families' records: owner from people, targets marked."""
    doc = nlp(text)
    res = results_of(doc)
    assert [(g.text, g.owner.text if g.owner else None, g.owner_kind) for g in res.goals] == goals
    assert [i.text for i in res.indicators if i.is_target] == targets
