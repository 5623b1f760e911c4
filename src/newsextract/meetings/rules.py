"""The meeting rules, loaded from ``meetings/data/*.yaml`` and compiled once."""

from __future__ import annotations

import functools
from typing import Any

import attrs
import regex

from newsextract._data import load_yaml
from newsextract.errors import RulesError

_PKG = "newsextract.meetings"


@attrs.frozen(kw_only=True)
class Named:
    """A compiled pattern with the name used as a record's ``rule``."""

    name: str
    pattern: Any  # regex.Pattern
    extra: str = ""  # role / kind label, when the entry has one


@attrs.frozen(kw_only=True)
class Rules:
    """All compiled meeting rules (see the comments in the data files)."""

    suffix: str
    after_verb: tuple[Named, ...]
    before_verb: tuple[Named, ...]
    embedded: tuple[Named, ...]
    trigger: Any
    organisation: Any
    not_held_before: Any
    not_held_after: Any
    spirit: Any
    study_verb: Any
    quoted: Any
    aggregate: Any
    generic_name: Any
    session_name: Any
    session_number: Any
    organiser: Any
    deictic_location: Any
    manner: Any
    name_end: Any
    kinds: tuple[Named, ...]
    not_meetings: Any
    chair: Any
    attendance: tuple[Named, ...]
    speech: tuple[Named, ...]
    fill_attendance: Any
    fill_speech: Any
    fill_chair: Any
    before_speaker: Any
    attendance_lead: Any
    invited_lead: Any
    title_suffix: Any
    byline_before: Any
    byline_after: Any
    agenda: Any
    reporting: Any
    reporting_verb: Any  # the verb ending ``reporting``: a clause without one reports no units
    lead_in: Any
    name_stop: Any
    bad_name_start: Any
    list_bridge: Any
    verb_scan: Any
    name_lead: Any
    context_end: Any
    session_part: Any
    convene_gap: Any
    visit: Any


def _compile(pattern: str, where: str) -> Any:
    try:
        return regex.compile(pattern)
    except regex.error as e:
        raise RulesError(f"meetings/data {where}: bad pattern {pattern!r}: {e}") from e


def _alt(entries: list[dict], key: str = "pattern") -> str:
    return "(?:" + "|".join(f"(?:{e[key]})" for e in entries) + ")"


@functools.cache
def rules() -> Rules:
    """The compiled rules (loaded on first use, then cached for the process)."""
    pat = load_yaml(_PKG, "data/patterns.yaml")
    kinds = load_yaml(_PKG, "data/kinds.yaml")
    roles = load_yaml(_PKG, "data/roles.yaml")
    try:
        suffix = _alt(pat["suffixes"])
        namech = pat["name_chars"]
        embedded = tuple(
            Named(name=e["name"], pattern=_compile(e["pattern"].format(suffix=suffix, namech=namech), e["name"]))
            for e in pat["embedded"]
        )
        after = tuple(Named(name=e["name"], pattern=_compile(e["pattern"], e["name"])) for e in pat["after_verb"])
        before = tuple(
            Named(name=e["name"], pattern=_compile(rf"(?P<name>[^,，;；。]{{1,60}}?{suffix})" + e["pattern"], e["name"]))
            for e in pat["before_verb"]
        )
        trigger = _compile(pat["trigger"], "trigger")
        kind_entries = tuple(
            Named(name=k["kind"], extra=k["kind"], pattern=_compile(f"(?:{k['pattern']})$", k["kind"]))
            for k in kinds["kinds"]
        )
        return Rules(
            suffix=suffix,
            after_verb=after,
            before_verb=before,
            embedded=embedded,
            trigger=trigger,
            organisation=_compile(_alt(pat["organisations"]), "organisations"),
            not_held_before=_compile(_alt(pat["not_held_before"]), "not_held_before"),
            not_held_after=_compile(_alt(pat["not_held_after"]), "not_held_after"),
            spirit=_compile(next(e["pattern"] for e in pat["referred"] if e["name"] == "spirit"), "spirit"),
            study_verb=_compile(next(e["pattern"] for e in pat["referred"] if e["name"] == "study_verb"), "study"),
            aggregate=_compile(next(e["pattern"] for e in pat["referred"] if e["name"] == "aggregate"), "aggregate"),
            quoted=_compile(next(e["pattern"] for e in pat["referred"] if e["name"] == "quoted"), "quoted"),
            generic_name=_compile(pat["generic_name"], "generic_name"),
            session_name=_compile(pat["session_name"], "session_name"),
            session_number=_compile(pat["session_number"], "session_number"),
            organiser=_compile(pat["organiser"], "organiser"),
            deictic_location=_compile(pat["deictic_location"], "deictic_location"),
            manner=_compile(pat["manner"], "manner"),
            name_end=_compile(suffix, "suffixes"),
            kinds=kind_entries,
            not_meetings=_compile(_alt(kinds["not_meetings"]) + "$", "not_meetings"),
            chair=_compile(roles["chair"]["pattern"], "chair"),
            # each role verb is compiled with its filler in front, so that the lazy parts of
            # the filler ("代表…", "就…") can stretch up to the verb
            attendance=tuple(
                Named(name=f"attend_{e['role']}", extra=e["role"],
                      pattern=_compile(f"(?:{roles['fillers']['attendance']})(?:{e['pattern']})", e["role"]))
                for e in roles["attendance"]
            ),
            speech=tuple(
                Named(name=f"speech_{e['role']}", extra=e["role"],
                      pattern=_compile(f"(?:{roles['fillers']['speech']})(?:{e['pattern']})", e["role"]))
                for e in roles["speech"]
            ),
            fill_attendance=_compile(roles["fillers"]["attendance"], "fillers.attendance"),
            fill_speech=_compile(roles["fillers"]["speech"], "fillers.speech"),
            fill_chair=_compile(roles["fillers"]["chair"], "fillers.chair"),
            before_speaker=_compile(roles["fillers"]["before_speaker"], "fillers.before_speaker"),
            attendance_lead=_compile(roles["attendance_lead"]["pattern"], "attendance_lead"),
            invited_lead=_compile(roles["invited_lead"]["pattern"], "invited_lead"),
            title_suffix=_compile(roles["title_suffix"], "title_suffix"),
            byline_before=_compile(roles["byline_before"], "byline_before"),
            byline_after=_compile(roles["byline_after"], "byline_after"),
            agenda=_compile(roles["agenda"]["pattern"], "agenda"),
            reporting=_compile(roles["reporting"]["pattern"].replace("{verb}", roles["reporting"]["verb"]), "reporting"),
            reporting_verb=_compile(roles["reporting"]["verb"], "reporting.verb"),
            lead_in=_compile(pat["lead_in"], "lead_in"),
            name_stop=_compile(pat["name_stop"], "name_stop"),
            bad_name_start=_compile(pat["bad_name_start"], "bad_name_start"),
            list_bridge=_compile(roles["list_bridge"], "list_bridge"),
            verb_scan=_compile("主持召开|召开|举行|主持|开幕|闭幕|进行|开展", "verb_scan"),
            context_end=_compile(pat["context_end"], "context_end"),
            name_lead=_compile(pat["name_lead"], "name_lead"),
            session_part=_compile(pat["session_part"], "session_part"),
            convene_gap=_compile(pat["convene_gap"], "convene_gap"),
            visit=_compile(pat["visit"], "visit"),
        )
    except (KeyError, TypeError, StopIteration) as e:
        raise RulesError(f"meetings/data files are incomplete: {e!r}") from e
