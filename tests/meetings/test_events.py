"""Table-driven tests of inspection visits (cases in fixtures/meetings/events.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.meetings import Event, find_events, find_meetings
from tests.meetings.test_meetings import _FRAGMENTS, _inputs, _people_in

CASES = yaml.safe_load((Path(__file__).parents[2] / "fixtures" / "meetings" / "events.yaml").read_text("utf-8"))["cases"]


def _project(e: Event) -> dict[str, Any]:
    return {
        "kind": e.kind,
        "date": e.date.iso if e.date else None,
        "leader": [p.name for p in e.leader],
        "participants": [f"{p.name}:{p.role}" for p in e.participants],
        "places": [p.text for p in e.places],
    }


def _grounded(text: str, e: Event) -> None:
    assert text[e.start:e.end] == e.text
    for s in (*e.leader, *e.participants, *e.places):
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_events_fixture(case: dict[str, Any]) -> None:
    """Each fixture's visits come out exactly, in order, grounded."""
    found = find_events(case["text"], **_inputs(case))
    defaults = {"date": None, "participants": [], "places": []}
    assert [_project(e) for e in found] == [{**defaults, **e} for e in case["events"]]
    for e in found:
        _grounded(case["text"], e)


@pytest.mark.parametrize("case", [c for c in CASES if c["events"]], ids=lambda c: c["id"])
def test_events_are_not_meetings(case: dict[str, Any]) -> None:
    """A visit never shows up as a meeting."""
    assert find_meetings(case["text"], **_inputs(case)) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_FRAGMENTS, "调研", "带队", "到", "陪同", "检查", "要加强", "一行"]), max_size=40))
def test_events_genre_soup_grounded(parts: list[str]) -> None:
    """Random fragments: no exception, grounded records, the leader is not a companion."""
    text = "".join(parts)
    for e in find_events(text, people=_people_in(text)):
        _grounded(text, e)
        assert not {p.name for p in e.leader} & {p.name for p in e.participants}


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_events_never_raise_on_any_text(text: str) -> None:
    """Any string: no exception."""
    for e in find_events(text, people=_people_in(text)):
        _grounded(text, e)
