"""Table-driven tests of newsextract.meetings (cases in fixtures/meetings/meetings.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.dates.records import DateInterval, DateValue
from newsextract.meetings import Meeting, Participant, find_meetings
from newsextract.meetings.rules import rules
from newsextract.people.records import Person, Title
from newsextract.spans import Span

FIXTURES = yaml.safe_load(
    (Path(__file__).parents[2] / "fixtures" / "meetings" / "meetings.yaml").read_text("utf-8")
)["cases"]


def _occurrences(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    assert out, f"fixture string {needle!r} not in the text"
    return out


def _person(text: str, spec: Any) -> Person:
    spec = {"name": spec} if isinstance(spec, str) else spec
    name = spec["name"]
    mentions = tuple(Span.of(text, i, i + len(name)) for i in _occurrences(text, name))
    titles = tuple(
        Title(text=t, start=i, end=i + len(t), position=t[-2:], rule="fixture")
        for t in spec.get("titles", [])
        for i in _occurrences(text, t)
    )
    first = mentions[0]
    return Person(name=name, text=name, start=first.start, end=first.end, mentions=mentions, titles=titles, rule="fixture")


def _date(text: str, spec: dict[str, Any]) -> DateValue:
    i = _occurrences(text, spec["text"])[0]
    iso = spec.get("iso")
    interval = DateInterval(start=spec["interval"][0], end=spec["interval"][1]) if spec.get("interval") else None
    return DateValue(
        text=spec["text"], start=i, end=i + len(spec["text"]), iso=iso, grain="day" if iso else None,
        time_of_day=spec.get("time_of_day"), relative=iso is None, interval=interval, rule="fixture",
    )


def _inputs(case: dict[str, Any]) -> dict[str, Any]:
    text = case["text"]
    headings = []
    for line in case.get("headings", []):
        i = _occurrences(text, line)[0]
        headings.append((i, i + len(line)))
    return {
        "people": [_person(text, p) for p in case.get("people", [])],
        "dates": sorted((_date(text, d) for d in case.get("dates", [])), key=lambda d: d.start),
        "headings": headings,
    }


def _project(m: Meeting) -> dict[str, Any]:
    return {
        "name": m.name,
        "kind": m.kind,
        "rule": m.rule,
        "date": m.date.iso if m.date else None,
        "time_of_day": m.time_of_day,
        "location": m.location.text if m.location else None,
        "organizer": m.organizer.text if m.organizer else None,
        "chair": [p.name for p in m.chair],
        "participants": [f"{p.name}:{p.role}" for p in m.participants],
        "agenda": [a.text for a in m.agenda],
        "units": [u.text for u in m.reporting_units],
    }


_DEFAULTS = {"kind": None, "date": None, "time_of_day": None, "location": None, "organizer": None,
             "chair": [], "participants": [], "agenda": [], "units": []}


def _params() -> list[Any]:
    out = []
    for case in FIXTURES:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


def _check_grounding(text: str, m: Meeting) -> None:
    assert text[m.start:m.end] == m.text
    for span in (*m.name_parts, *m.agenda, *m.reporting_units, m.location, m.organizer, *m.chair, *m.participants):
        if span is not None:
            assert text[span.start:span.end] == span.text
    assert "".join(p.text for p in m.name_parts) == m.name


@pytest.mark.parametrize("case", _params())
def test_meetings_fixture(case: dict[str, Any]) -> None:
    """Each fixture's meetings come out exactly, in order, grounded."""
    found = find_meetings(case["text"], **_inputs(case))
    expected = [{**_DEFAULTS, **e} for e in case["meetings"]]
    assert [_project(m) for m in found] == expected
    for m in found:
        _check_grounding(case["text"], m)


@pytest.mark.parametrize("case", [c for c in FIXTURES if c["meetings"] and not c.get("xfail")][:3], ids=lambda c: c["id"])
def test_meetings_without_people_or_dates_still_finds_names(case: dict[str, Any]) -> None:
    """With no people and no dates the meetings are still found (no chair, no date)."""
    found = find_meetings(case["text"])
    assert [m.name for m in found] == [e["name"] for e in case["meetings"]]
    assert all(m.chair == () and m.participants == () and m.date is None for m in found)


def test_meetings_chair_is_never_a_participant() -> None:
    """A chair who also 讲话 or 出席 is listed once, as chair."""
    text = "5月9日,县委召开全县汛期防灾减灾调度会议。县委书记林岳明主持并讲话,林岳明也出席。"
    people = [_person(text, "林岳明")]
    (m,) = find_meetings(text, people=people)
    assert [p.name for p in m.chair] == ["林岳明"] and m.participants == ()
    assert m.chair[0] == Participant(name="林岳明", text="林岳明", start=text.index("林岳明"),
                                     end=text.index("林岳明") + 3, role="chair", rule="chair")


def test_meetings_rules_load_and_every_entry_is_named() -> None:
    """All data files compile; every listed entry carries a name or kind and a comment."""
    from newsextract._data import load_yaml

    r = rules()
    assert r.after_verb and r.embedded and r.kinds and r.attendance and r.speech
    for fname in ("patterns.yaml", "kinds.yaml"):
        data = load_yaml("newsextract.meetings", f"data/{fname}")
        for key, value in data.items():
            if isinstance(value, list):
                for entry in value:
                    assert ("name" in entry or "kind" in entry) and entry.get("comment"), (fname, key, entry)


# ---------------------------------------------------------------- properties
_FRAGMENTS = [
    "3月2日晚,", "镇党委书记", "林岳明", "主持召开", "召开", "举行", "全镇水库安全隐患排查会", "第六次会议",
    "会议由", "主持", "出席", "参加", "应邀出席", "列席", "、", "等", ",", "。", "\n", "在", "会上强调", "上获悉",
    "从", "的", "精神", "传达学习", "《关于召开", "》", "团拜会", "会议", "“", "”", "(", ")", "审议", "听取",
    "汇报", "镇水利站", "和", "部署会", "X委员会", "我镇", "在镇便民中心", "召开的", "确保", "好",
]
_NAMES = ["林岳明", "祁晓峰"]


def _people_in(text: str) -> list[Person]:
    out = []
    for name in _NAMES:
        idx = []
        i = text.find(name)
        while i >= 0:
            idx.append(i)
            i = text.find(name, i + len(name))
        if idx:
            ms = tuple(Span.of(text, i, i + len(name)) for i in idx)
            out.append(Person(name=name, text=name, start=ms[0].start, end=ms[0].end, mentions=ms, rule="t"))
    return out


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_meetings_never_raise_on_any_text(text: str) -> None:
    """Any string: no exception, every record grounded."""
    for m in find_meetings(text):
        _check_grounding(text, m)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40), st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=3))
def test_meetings_genre_soup_grounded(parts: list[str], heads: list[tuple[int, int]]) -> None:
    """Random genre fragments with people and odd headings: grounded records, chair ∉ participants."""
    text = "".join(parts)
    heads = [(min(a, b), max(a, b)) for a, b in heads]
    for m in find_meetings(text, people=_people_in(text), headings=heads):
        _check_grounding(text, m)
        assert not {p.name for p in m.chair} & {p.name for p in m.participants}


def test_meetings_long_text_completes() -> None:
    """~300k characters of meeting sentences, bare verbs and list commas complete
    (speed: benchmarks/bench_pipeline.py)."""
    unit = "3月2日晚,镇党委书记林岳明主持召开全镇水库安全隐患排查会,镇领导祁晓峰等参加。会议研究了相关事项;审定了排查方案。"
    text = unit * 5000 + "召开" * 20000 + "、" * 20000
    found = find_meetings(text, people=_people_in(text[:2000]))
    assert len(found) >= 1


def test_meetings_component_stores_results() -> None:
    """The spaCy component reads people/dates/headings from the doc results and stores meetings."""
    import spacy

    import newsextract.meetings.component  # noqa: F401  (registers the factory)
    from newsextract.results import results_of

    nlp = spacy.blank("zh")
    nlp.add_pipe("newsextract_meetings")
    text = "9月3日,县委书记林岳明主持召开县委常委会。"
    doc = nlp.make_doc(text)
    res = results_of(doc)
    res.people = [_person(text, "林岳明")]
    doc = nlp.get_pipe("newsextract_meetings")(doc)
    assert [(m.name, [c.name for c in m.chair]) for m in results_of(doc).meetings] == [("县委常委会", ["林岳明"])]


def test_meetings_records_are_frozen() -> None:
    """Records are immutable attrs classes."""
    (m,) = find_meetings("9月3日,县委召开县委常委会。")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        m.name = "x"  # type: ignore[misc]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1, 60), max_size=4))
def test_meetings_line_breaks_anywhere_stay_grounded(cuts: list[int]) -> None:
    """Line breaks pasted into a report at random places: records stay grounded, names whole."""
    base = "6月3日上午,县委书记林岳明主持召开全县防汛备汛工作调度会,县领导祁晓峰出席会议。"
    text = base
    for c in sorted(set(cuts), reverse=True):
        text = text[:c] + "\n" + text[c:]
    for m in find_meetings(text, people=_people_in(text)):
        _check_grounding(text, m)
        assert "\n" not in m.name


def test_meetings_verbs_in_one_clause_complete() -> None:
    """A text without punctuation ("<p>区委召开会议</p>" pasted as one run): every 召开 is read
    (each reads a bounded head before it; the speed is measured by the benchmark's
    adversarial inputs, not asserted here)."""
    text = "区委召开会议" * 2000
    found = find_meetings(text)
    # a degenerate page: the first 召开 opens one meeting whose name runs on over the repeats
    assert len(found) == 1 and found[0].name.startswith("会议区委召开会议")
    _check_grounding(text, found[0])


def test_meetings_norm_table_covers_every_space() -> None:
    """The name normaliser removes exactly what ``str.isspace`` accepts (and the quotes)."""
    import sys

    from newsextract.meetings.finder import _WHITESPACE, _norm

    spaces = {chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace()}
    assert spaces == set(_WHITESPACE)
    assert _norm(" “县委\u3000常委会”\t") == "县委常委会"


def test_meetings_many_meetings_in_one_sentence_complete() -> None:
    """Many distinct meetings in one comma-joined run: each is found and grounded (each reads a
    bounded context; the speed is measured by the benchmark's adversarial inputs)."""
    han = [chr(c) for c in range(0x4E00 + 500, 0x4E00 + 2500)]
    kinds = ["推进会", "座谈会", "调度会", "部署会", "培训会", "动员会"]
    out = []
    for i in range(1500):
        a = "".join(han[(i * 37 + k * 211) % len(han)] for k in range(4))
        b = "".join(han[(i * 53 + k * 389 + 7) % len(han)] for k in range(4))
        out.append(f"县{a}局召开{b}{kinds[i % 6]},")
    text = "".join(out)
    found = find_meetings(text)
    assert len(found) == 1500
    assert found[1].name == out[1][out[1].index("召开") + 2 : -1]
    for m in found:
        _check_grounding(text, m)

