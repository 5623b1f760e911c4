"""Inspection visits (走访, 调研, 检查, 督导 …) as :class:`Event` records — not meetings."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import attrs
import regex

from newsextract._data import load_yaml
from newsextract.clauses import clauses, sentences
from newsextract.errors import RulesError
from newsextract.meetings.finder import (
    _MAX_LIST,
    _blocks,
    _block_of,
    _dates,
    _Dates,
    _heads,
    _in_heads,
    _Index,
    _is_byline,
    _is_subject,
    _meetings,
    _opening_dates,
    _walk,
)
from newsextract.meetings.records import Event, Meeting, Participant
from newsextract.meetings.rules import rules
from newsextract.spans import Span


@attrs.frozen(kw_only=True)
class _EventRules:
    kinds: tuple[tuple[str, Any], ...]
    verb: Any
    leader: Any
    place: Any
    directive: Any
    accompany: tuple[tuple[str, Any], ...]


@functools.cache
def _rules() -> _EventRules:
    data = load_yaml("newsextract.meetings", "data/events.yaml")
    fill = load_yaml("newsextract.meetings", "data/roles.yaml")["fillers"]["attendance"]
    try:
        kinds = tuple((k["kind"], regex.compile(k["pattern"])) for k in data["kinds"])
        verb = regex.compile("|".join(f"(?P<k{i}>{k['pattern']})" for i, k in enumerate(data["kinds"])))
        return _EventRules(
            kinds=kinds,
            verb=verb,
            leader=regex.compile(data["leader"]),
            place=regex.compile(data["place"]),
            directive=regex.compile(data["directive"]),
            accompany=tuple((a["role"], regex.compile(f"(?:{fill})(?:{a['pattern']})")) for a in data["accompany"]),
        )
    except (KeyError, TypeError, regex.error) as e:
        raise RulesError(f"meetings/data/events.yaml: {e!r}") from e


def find_events(
    text: str,
    *,
    people: Sequence[Any] = (),
    dates: Sequence[Any] = (),
    headings: Sequence[tuple[int, int]] = (),
    words: Sequence[tuple[int, int]] | None = None,
) -> list[Event]:
    """Inspection visits that ``text`` reports, one per visit (a leader's follow-up
    sentences — "X一行又赶到…" — belong to the same visit).

    text (str): the article's (normalised) text.
    people (Sequence[Person]): persons found in ``text``; a visit needs a named leader.
    dates (Sequence[DateValue]): dates found in ``text``.
    headings (Sequence[tuple[int, int]]): headline ranges (headlines give no Event).
    words (Sequence[tuple[int, int]] | None): word offsets (unused; kept for the family API).
    RETURNS (list[Event]): offsets into ``text``.
    """
    if not isinstance(text, str) or not text:
        return []
    return _events(text, _heads(headings, text), _Index.build(people, text), _dates(dates, text))


def find_meetings_and_events(
    text: str,
    *,
    people: Sequence[Any] = (),
    dates: Sequence[Any] = (),
    headings: Sequence[tuple[int, int]] = (),
    words: Sequence[tuple[int, int]] | None = None,
) -> tuple[list[Meeting], list[Event]]:
    """``(find_meetings(...), find_events(...))`` with the same arguments, the people and
    dates indexed once for both.

    RETURNS (tuple[list[Meeting], list[Event]]): offsets into ``text``.
    """
    if not isinstance(text, str) or not text:
        return [], []
    heads = _heads(headings, text)
    index, dvs = _Index.build(people, text), _dates(dates, text)
    return _meetings(text, people, dates, heads, index, dvs), _events(text, heads, index, dvs)


def _events(text: str, heads: list[tuple[int, int]], index: _Index, dvs: _Dates) -> list[Event]:
    """:func:`find_events` on its checked and indexed arguments."""
    if not index.mentions:
        return []
    R, E = rules(), _rules()
    head_starts = [h[0] for h in heads]
    blocks = _blocks(text, heads)
    openings: dict[int, list[Any]] = {}
    found: list[dict[str, Any]] = []
    for sent in sentences(text):
        if _in_heads(sent, heads, head_starts):
            continue
        vm = E.verb.search(text, sent.start, sent.end)
        if vm is None:
            continue
        if E.directive.search(text, max(sent.start, vm.start() - 8), vm.start()) or R.quoted.search(
            text, max(sent.start, vm.start() - 80), vm.start()
        ):
            continue
        leader = _leader(text, sent, vm.start(), R, E, index)
        if leader is None:
            continue
        blk = _block_of(sent.start, blocks, len(text))
        in_sentence = dvs.inside(sent.start, vm.start())  # a visit may span days: 3月8日至9日
        prev = found[-1] if found else None
        if prev is not None and prev["block"] == blk and prev["leader"].name == leader.name and not in_sentence:
            prev["end"] = sent.end  # the same visit, told on ("X一行又赶到…")
            continue
        kind = next(k for i, (k, _) in enumerate(E.kinds) if vm.group(f"k{i}") is not None)
        if not in_sentence:
            if blk[0] not in openings:
                openings[blk[0]] = _opening_dates(text, dvs, heads, *blk)
            in_sentence = openings[blk[0]][:1]
        places = []
        for pm in E.place.finditer(text, leader.end, vm.end()):
            places.append(Span.of(text, *pm.span("place")))
        found.append({
            "sentence": sent, "block": blk, "leader": leader, "kind": kind, "end": sent.end,
            "date": in_sentence[-1] if in_sentence else None, "places": tuple(places), "rule": f"visit_{kind}",
        })
    out = []
    for i, f in enumerate(found):
        stop = found[i + 1]["sentence"].start if i + 1 < len(found) else f["block"][1]
        stop = min(stop, f["block"][1])
        parts = _companions(text, f["sentence"].start, stop, f["leader"], R, E, index)
        s = f["sentence"]
        out.append(Event(
            text=s.text, start=s.start, end=s.end, kind=f["kind"], date=f["date"], leader=(f["leader"],),
            participants=parts, places=f["places"], rule=f["rule"],
        ))
    return out


def _leader(text: str, sent: Span, verb_at: int, R: Any, E: _EventRules, index: _Index) -> Participant | None:
    """The person who leads the visit: "X带队/率/一行", else the subject before the verb."""
    subject = None
    for cl in clauses(text, sent.start, verb_at + 1):
        for s, e, pi in index.in_range(cl.start, min(cl.end, verb_at)):
            if _is_byline(text, s, e, R):
                continue
            name = index.names[pi]
            if E.leader.match(text, e):
                return Participant(name=name, text=text[s:e], start=s, end=e, role="leader", rule="leader")
            if subject is None and _is_subject(text, cl.start, s, R, index):
                subject = Participant(name=name, text=text[s:e], start=s, end=e, role="leader", rule="leader_subject")
    return subject


def _companions(
    text: str, start: int, end: int, leader: Participant, R: Any, E: _EventRules, index: _Index
) -> tuple[Participant, ...]:
    """People who went along ("副县长X陪同", "县领导X、Y分别参加"), up to the next visit."""
    parts: dict[str, Participant] = {}
    for s, e, pi in index.in_range(start, end):
        name = index.names[pi]
        if name == leader.name or name in parts or _is_byline(text, s, e, R):
            continue
        pos = _walk(text, e, min(end, e + _MAX_LIST), R.fill_attendance, index, R, cross_comma=True)
        for role, pat in E.accompany:
            if pat.match(text, e, end) or pat.match(text, pos, end):
                parts[name] = Participant(name=name, text=text[s:e], start=s, end=e, role=role, rule=f"visit_{role}")
                break
    return tuple(sorted(parts.values(), key=lambda p: p.start))


__all__ = ["find_events", "Event"]
