"""Lexicons of newsextract.people (surnames, titles, name contexts), loaded and compiled once."""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from newsextract._data import load_tsv, load_yaml
from newsextract.errors import RulesError

PACKAGE = "newsextract.people"

# Han characters (CJK unified ideographs and extension A; the ranges names are written in).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def is_han(ch: str) -> bool:
    """True for a single CJK ideograph."""
    return len(ch) == 1 and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff")


@attrs.frozen(kw_only=True)
class Lexicon:
    """Everything find_people reads from the data files, with compiled patterns.

    surnames (dict[str, int]): surname → frequency rank (compound surnames included).
    ambiguous (frozenset[str]): surnames that are also common words (于, 向, 高 ...).
    compound (frozenset[str]): two-character surnames (司马, 上官 ...).
    rare (frozenset[str]): surnames that are mostly function words (和, 从 ...); a name with one
        needs a confirmed end in every context.
    word_given (frozenset[str]): function-word characters that may end a given name when
        pkuseg keeps it as one word (罗永和, 钱立本); ``word_given_conj`` those of them that
        are conjunctions (和: not before a name or a title).
    printed_org (frozenset[str]): positions whose whole printed prefix is the organisation even
        without an organisation suffix (迪信智能装备董事长).
    in_org_verbs (frozenset[str]): stop verbs that may sit inside a body's name (理论学习中心组).
    position_re (Pattern): acting marker? 副? position, longest position first.
    """

    surnames: dict[str, int]
    ambiguous: frozenset[str]
    compound: frozenset[str]
    rare: frozenset[str]
    position_group: dict[str, str]
    self_contained: frozenset[str]
    printed_org: frozenset[str]
    in_org_verbs: frozenset[str]
    need_org: frozenset[str]
    after_name: frozenset[str]
    acting_markers: tuple[str, ...]
    position_modifiers: tuple[str, ...]
    deputy_marker: str
    org_suffixes: tuple[str, ...]
    levels: tuple[tuple[str, str], ...]
    level_false: tuple[str, ...]
    position_levels: dict[str, str]
    not_title_lead: tuple[str, ...]
    collective_labels: tuple[str, ...]
    follow_multi: frozenset[str]
    follow_single: frozenset[str]
    follow_max: int
    speech: frozenset[str]
    name_cues: tuple[str, ...]
    stop_single: frozenset[str]
    not_stops: frozenset[str]
    stop_words: tuple[str, ...]
    not_names: frozenset[str]
    byline_before: tuple[str, ...]
    byline_after: tuple[str, ...]
    appoint_verbs: tuple[str, ...]
    appoint_connectors: tuple[str, ...]
    clause_connectors: tuple[str, ...]
    appoint_ends: tuple[str, ...]
    not_given: frozenset[str]
    word_given: frozenset[str]
    word_given_conj: frozenset[str]
    position_re: Any
    appoint_re: Any
    label_re: Any
    cue_re: Any
    frame_re: Any


def _words(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise RulesError(f"{PACKAGE}/{where} must be a list of non-empty strings")
    return value


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _first_char_guard(*word_lists: list[str] | tuple[str, ...]) -> str:
    """A look-ahead for the first characters of ``word_lists``, put before a pattern every match
    of which starts with one of those words: ``re`` then skips most offsets with one
    character-class test instead of trying each alternative there."""
    chars = sorted({w[0] for words in word_lists for w in words})
    return "(?=[" + "".join(re.escape(c) for c in chars) + "])"


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@functools.cache
def lexicon() -> Lexicon:
    """The people lexicon (built on first use, then cached)."""
    surnames: dict[str, int] = {}
    ambiguous, compound, rare = set(), set(), set()
    for row in load_tsv(PACKAGE, "data/surnames.tsv"):
        if len(row) < 2 or not row[1].isdigit():
            raise RulesError(f"{PACKAGE}/data/surnames.tsv: bad row {row!r}")
        surnames[row[0]] = int(row[1])
        flags = row[2].split(",") if len(row) > 2 else []
        if "ambiguous" in flags:
            ambiguous.add(row[0])
        if "rare" in flags:
            rare.add(row[0])
        if "compound" in flags or len(row[0]) == 2:
            compound.add(row[0])

    t = load_yaml(PACKAGE, "data/titles.yaml")
    position_group: dict[str, str] = {}
    self_contained: set[str] = set()
    printed_org: set[str] = set()
    for group, spec in t["positions"].items():
        if "printed_org" in spec:
            printed_org.update(_words(spec["printed_org"], f"titles.yaml positions.{group}.printed_org"))
        for w in _words(spec["words"], f"titles.yaml positions.{group}"):
            position_group.setdefault(w, group)
            if spec.get("self_contained"):
                self_contained.add(w)
    acting = tuple(_words(t["acting_markers"], "titles.yaml acting_markers"))
    deputy = t["deputy_marker"]
    position_re = re.compile(
        _first_char_guard(acting, [deputy], list(position_group))
        + f"(?P<acting>{_alternation(acting)})?(?P<deputy>{re.escape(deputy)})?(?P<pos>{_alternation(list(position_group))})"
    )
    levels = tuple((k, v) for k, v in sorted(t["levels"].items(), key=lambda kv: -len(kv[0])))
    cl = t["collective_labels"]
    labels = tuple(_words(cl["labels"], "titles.yaml collective_labels.labels"))
    qualified = _words(cl["qualified"], "titles.yaml collective_labels.qualified")
    qualifiers = _words(cl["qualifiers"], "titles.yaml collective_labels.qualifiers")
    label_pattern = f"(?:{_alternation(qualifiers)})(?:{_alternation(qualified)})|{_alternation(labels)}"

    n = load_yaml(PACKAGE, "data/names.yaml")
    follow = [w for group in n["follow_words"].values() for w in _words(group, "names.yaml follow_words")]
    cues = tuple(_words(n["name_cues"], "names.yaml name_cues"))
    stops = n["prefix_stops"]
    not_names = {str(w) for group in n["not_names"].values() for w in group}
    ap = n["appointments"]
    return Lexicon(
        surnames=surnames,
        ambiguous=frozenset(ambiguous),
        compound=frozenset(compound),
        rare=frozenset(rare),
        position_group=position_group,
        self_contained=frozenset(self_contained),
        printed_org=frozenset(printed_org),
        in_org_verbs=frozenset(_words(stops["in_org_names"], "names.yaml prefix_stops.in_org_names")),
        need_org=frozenset(_words(t["need_org"], "titles.yaml need_org")),
        after_name=frozenset(_words(t["after_name"], "titles.yaml after_name")),
        acting_markers=acting,
        position_modifiers=tuple(_words(t["position_modifiers"], "titles.yaml position_modifiers")),
        deputy_marker=deputy,
        org_suffixes=tuple(sorted(set(_words(t["org_suffixes"], "titles.yaml org_suffixes")), key=len, reverse=True)),
        levels=levels,
        level_false=tuple(_words(t["level_false"], "titles.yaml level_false")),
        position_levels=dict(t["position_levels"]),
        not_title_lead=tuple(sorted(_words(t["not_title_lead"], "titles.yaml not_title_lead"), key=len, reverse=True)),
        collective_labels=labels,
        follow_multi=frozenset(w for w in follow if len(w) > 1),
        follow_single=frozenset(w for w in follow if len(w) == 1),
        follow_max=max(len(w) for w in follow),
        speech=frozenset(_words(n["follow_words"]["speech"], "names.yaml speech")),
        name_cues=cues,
        stop_single=frozenset(_words(stops["particles"], "names.yaml prefix_stops.particles")),
        not_stops=frozenset(_words(stops["not_stops"], "names.yaml prefix_stops.not_stops")),
        stop_words=tuple(sorted(_words(stops["verbs"], "names.yaml prefix_stops.verbs"), key=len, reverse=True)),
        not_names=frozenset(not_names),
        byline_before=tuple(sorted(_words(n["byline_before"], "names.yaml byline_before"), key=len, reverse=True)),
        byline_after=tuple(_words(n["byline_after"], "names.yaml byline_after")),
        appoint_verbs=tuple(_words(ap["verbs"], "names.yaml appointments.verbs")),
        appoint_connectors=_longest_first(_words(ap["connectors"], "names.yaml appointments.connectors")),
        clause_connectors=_longest_first(_words(ap["clause_connectors"], "names.yaml appointments.clause_connectors")),
        appoint_ends=_longest_first(_words(ap["ends"], "names.yaml appointments.ends")),
        # a whole given name that is a position, a cue word or an address term (柯书记, 苗老师)
        not_given=frozenset(position_group) | frozenset(cues) | frozenset(_words(n["address_terms"], "names.yaml address_terms")),
        word_given=frozenset(_words(n["word_given"]["chars"], "names.yaml word_given.chars")),
        word_given_conj=frozenset(_words(n["word_given"]["conjunctions"], "names.yaml word_given.conjunctions")),
        position_re=position_re,
        appoint_re=re.compile(_alternation(_words(ap["verbs"], "names.yaml appointments.verbs"))),
        label_re=re.compile(_first_char_guard(["与会"], qualifiers, labels) + f"(?:与会)?(?P<label>{label_pattern})"),
        cue_re=re.compile(f"(?:{_alternation(cues)})(?:{_alternation(_words(n['cue_suffixes'], 'names.yaml cue_suffixes'))})?"),
        frame_re=re.compile(
            f"在(?P<name>[{HAN}]{{2,4}}?)的(?:{_alternation(_words(n['frames'], 'names.yaml frames'))})下"
        ),
    )
