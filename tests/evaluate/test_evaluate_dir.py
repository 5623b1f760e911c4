"""newsextract.evaluate over a gold directory: API, CLI, errors, provenance, the model run."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

import newsextract
from newsextract.document import Article, Byline, Credit, Document
from newsextract.evaluate import EvaluationReport, GoldFileError, evaluate, full_reference_date, main
from newsextract.evaluate.entries import entries_from_document, entries_from_gold
from newsextract.evaluate.scoring import new_scores, score_document
from newsextract.goals import Goal
from newsextract.indicators import Indicator
from newsextract.meetings import Meeting, Participant
from newsextract.people import Person, Title
from newsextract.spans import Span

DIR = Path(__file__).parents[2] / "fixtures" / "evaluate"
GOLD, PRED = DIR / "gold", DIR / "pred"

# a01 predicted with one title and one change missing; a02 has no prediction file
EXPECTED_SCORES = {
    "people.name": {"p": 1.0, "r": 0.667, "f1": 0.8, "tp": 2, "fp": 0, "fn": 1},
    "people.title_pair": {"p": 1.0, "r": 0.5, "f1": 0.667, "tp": 2, "fp": 0, "fn": 2},
    "byline": {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0},
    "meeting": {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0},
    "meeting.chair": {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0},
    "meeting.participants": {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0},
    "indicator": {"p": 1.0, "r": 0.4, "f1": 0.571, "tp": 2, "fp": 0, "fn": 3},
    "article.title": {"p": 1.0, "r": 0.5, "f1": 0.667, "tp": 1, "fp": 0, "fn": 1},
    "meeting.name_charf1": {"acc": 1.0, "n": 1},
    "meeting.date": {"acc": 1.0, "n": 1},
    "indicator.qualifier": {"acc": 1.0, "n": 2},
    "indicator.change": {"acc": 0.5, "n": 2},
    "indicator.qualifier_given": {"acc": 1.0, "n": 1},
    "indicator.change_given": {"acc": 0.0, "n": 1},
    "indicator.subject_charf1": {"acc": 1.0, "n": 1},
    "goal.must_recall": {"acc": 0.5, "n": 2},
    "goal.precision": {"acc": 1.0, "n": 1},
}


def _args(gold_dir, *, errors=False, as_json=False, predictions=PRED):
    return argparse.Namespace(gold_dir=str(gold_dir), errors=errors, json=as_json, predictions=predictions)


def test_evaluate_predictions_dir_scores():
    report = evaluate(GOLD, predictions=PRED)
    assert report.docs == 2 and report.errors == ()
    assert report.to_dict()["scores"] == EXPECTED_SCORES


def test_evaluate_errors_listing():
    report = evaluate(GOLD, predictions=PRED, errors=True)
    got = [(e.doc, e.kind, e.field, e.text, e.start, e.end) for e in report.errors]
    assert got == [
        ("a01", "missed", "people.title_pair", "林志远: 区委副书记", 49, 54),
        ("a01", "wrong", "indicator.change", "15%", None, None),
        ("a02", "missed", "people.name", "周立", 65, 67),
        ("a02", "missed", "people.title_pair", "周立: 镇党委书记", 60, 65),
        ("a02", "missed", "indicator", "3500万元", 32, 38),
        ("a02", "missed", "indicator", "8个", 47, 49),
        ("a02", "missed", "indicator", "2.6万人", 54, 59),
        ("a02", "missed", "goal.must_recall", "力争到2027年实现村级服务中心全覆盖", 70, 89),
        ("a02", "missed", "article.title", "白塔镇村级服务中心建设提速", 2, 15),
    ]
    listing = report.format_errors()
    assert listing.splitlines()[:3] == [
        "== a01",
        "  missed   people.title_pair              [49:54]  林志远: 区委副书记",
        "  wrong    indicator.change         [not in text]  15%  (gold decrease, predicted None)",
    ]


@pytest.mark.parametrize(
    "value,expected",
    [(None, None), ("2016", "2016-12-31"), ("2016-02", "2016-02-29"), ("2023-11", "2023-11-30"), ("2023-05-16", "2023-05-16")],
    ids=["none", "year", "leap-february", "month", "day"],
)
def test_evaluate_full_reference_date(value, expected):
    assert full_reference_date(value) == expected


def test_evaluate_cli_json(capsys):
    assert main(_args(GOLD, as_json=True)) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["docs"] == 2 and data["scores"] == EXPECTED_SCORES and "errors" not in data


def test_evaluate_cli_json_with_errors(capsys):
    assert main(_args(GOLD, as_json=True, errors=True)) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["errors"]) == 9
    assert data["errors"][0] == {"doc": "a01", "field": "people.title_pair", "kind": "missed", "text": "林志远: 区委副书记",
                                 "start": 49, "end": 54, "rule": None, "detail": None}


def test_evaluate_cli_table(capsys):
    assert main(_args(GOLD)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "docs: 2"
    assert "  people.name                 1.000  0.667  0.800     2     0     1" in lines
    assert "  goal.must_recall            0.500      2" in lines


@pytest.mark.parametrize("setup", ["missing-dir", "no-gold-files", "text-missing", "bad-json", "no-articles"])
def test_evaluate_cli_bad_gold_dir(tmp_path, capsys, setup):
    target = tmp_path / "gold"
    if setup != "missing-dir":
        target.mkdir()
    if setup == "text-missing":
        (target / "x.gold.json").write_text('{"articles": []}', encoding="utf-8")
    elif setup == "bad-json":
        (target / "x.gold.json").write_text("{", encoding="utf-8")
        (target / "x.txt").write_text("正文", encoding="utf-8")
    elif setup == "no-articles":
        (target / "x.gold.json").write_text("{}", encoding="utf-8")
        (target / "x.txt").write_text("正文", encoding="utf-8")
    assert main(_args(target)) == 1
    assert capsys.readouterr().err.startswith("newsextract: [E040] ")
    with pytest.raises(GoldFileError):
        evaluate(target, predictions=PRED)


def test_evaluate_predictions_dir_must_exist(tmp_path):
    with pytest.raises(GoldFileError, match="not a directory"):
        evaluate(GOLD, predictions=tmp_path / "nothing")


@pytest.mark.model
def test_evaluate_bad_reference_date(nlp, tmp_path):
    (tmp_path / "x.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "x.gold.json").write_text('{"reference_date": "May 2023", "articles": []}', encoding="utf-8")
    with pytest.raises(GoldFileError, match="reference_date 'May 2023'"):
        evaluate(tmp_path)


def test_evaluate_is_callable_from_the_package():
    import newsextract.evaluate as module  # binds the module as newsextract.evaluate

    report = newsextract.evaluate(GOLD, predictions=PRED)
    assert isinstance(report, EvaluationReport) and module.evaluate is evaluate


def test_evaluate_errors_carry_record_rule_and_offsets():
    text = "副区长陈海波出席全区防汛工作会议。新建堤防5公里。"
    person = Person(name="陈海波", text="陈海波", start=3, end=6, rule="name/after-title",
                    titles=(Title(text="区长", start=1, end=3, position="区长", rule="title/bare"),))
    stray = Person(name="防汛", text="防汛", start=10, end=12, rule="name/surname")
    meeting = Meeting(text=text[:17], start=0, end=17, name="全区防汛工作会议", rule="attend",
                      participants=(Participant(name="陈海波", text="陈海波", start=3, end=6, role="attended", rule="chuxi"),
                                    Participant(name="防汛", text="防汛", start=10, end=12, role="attended", rule="chuxi")))
    indicator = Indicator(text="5公里", start=21, end=24, value=5, unit="公里", rule="arabic/right")
    goal = Goal(text="新建堤防5公里", start=17, end=24, marker=Span.of(text, 17, 19), rule="plan")
    credit = Credit(name="方晓", role="reporter", text="方晓", start=0, end=2)
    article = Article(text=text, start=0, end=len(text), byline=Byline(reporters=(credit,)), people=(person, stray),
                      meetings=(meeting,), indicators=(indicator,), goals=(goal,))
    doc = Document(text=text, articles=(article,))
    gold = {"articles": [{"title": None, "byline": {"reporters": []},
                          "people": [{"name": "陈海波", "titles": ["副区长"]}],
                          "meetings": [{"name": "全区防汛工作会议", "date": None, "chair": [], "participants": ["陈海波"]}],
                          "indicators": [{"text": "5公里", "value": 6, "unit": "公里"}], "goals": []}]}
    items: list = []
    score_document(entries_from_gold(gold), entries_from_document(doc), new_scores(), name="t", text=text, errors=items)
    spurious = [(e.field, e.text, e.start, e.end, e.rule) for e in items if e.kind == "spurious"]
    assert spurious == [
        ("people.name", "防汛", 10, 12, "name/surname"),
        ("people.title_pair", "陈海波: 区长", 1, 3, "title/bare"),
        ("byline", "方晓", 0, 2, None),
        ("meeting.participants", "防汛", 10, 12, "chuxi"),
        ("indicator", "5公里", 21, 24, "arabic/right"),
        ("goal.precision", "新建堤防5公里", 17, 24, "plan"),
    ]


@pytest.mark.model
def test_evaluate_runs_the_pipeline(nlp):
    report = evaluate(GOLD, errors=True)
    texts = {p.name[:-4]: p.read_text(encoding="utf-8") for p in GOLD.glob("*.txt")}
    assert report.docs == 2 and report.chars == sum(len(t) for t in texts.values()) and report.seconds > 0
    ind = report.scores["indicator"]
    assert ind.tp + ind.fn == 5  # every required gold indicator is either found or missed
    assert report.scores["goal.must_recall"].n == 2
    for e in report.errors:
        if e.start is not None:
            assert 0 <= e.start <= e.end <= len(texts[e.doc])
        if e.kind == "spurious" and e.field in ("people.name", "meeting", "indicator", "goal.precision"):
            assert e.rule, e  # a spurious record names the rule that produced it
