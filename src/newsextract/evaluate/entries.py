"""Gold and predicted records in one comparable shape (the shape of the gold files).

Gold comes from ``NAME.gold.json`` (:func:`entries_from_gold`); predictions come from a
:class:`~newsextract.document.Document` (:func:`entries_from_document`), keeping a
:class:`Source` (text, offsets, rule) for every predicted item so that ``--errors`` can say
where a spurious record is and which rule produced it. :func:`entries_from_dict` reads a
prediction already in the gold shape (``NAME.pred.json``), without sources.
"""

from __future__ import annotations

from typing import Any

import attrs

ROLES = ("reporters", "correspondents", "photographers")


@attrs.frozen(kw_only=True)
class Source:
    """Where a predicted item is in the text and what produced it.

    text (str): ``document.text[start:end]``.
    start (int): offset of the first character.
    end (int): offset one past the last character.
    rule (str | None): the producing record's ``rule`` (None for records without one).
    """

    text: str
    start: int
    end: int
    rule: str | None = None


@attrs.frozen(kw_only=True)
class NameEntry:
    """A name (byline credit, chair, participant)."""

    name: str
    source: Source | None = None


@attrs.frozen(kw_only=True)
class TitleEntry:
    text: str
    source: Source | None = None


@attrs.frozen(kw_only=True)
class PersonEntry:
    name: str
    titles: tuple[TitleEntry, ...] = ()
    optional: bool = False
    source: Source | None = None


@attrs.frozen(kw_only=True)
class MeetingEntry:
    name: str
    date: str | None = None
    time_of_day: str | None = None
    chair: tuple[NameEntry, ...] = ()
    participants: tuple[NameEntry, ...] = ()
    source: Source | None = None


@attrs.frozen(kw_only=True)
class IndicatorEntry:
    text: str | None
    value: Any
    unit: str | None = None
    qualifier: str | None = None
    change: str | None = None
    subject: str | None = None
    optional: bool = False
    source: Source | None = None


@attrs.frozen(kw_only=True)
class GoalEntry:
    text: str
    must: bool = True
    source: Source | None = None


@attrs.frozen(kw_only=True)
class ArticleEntry:
    title: str | None = None
    title_source: Source | None = None
    byline: dict[str, tuple[NameEntry, ...]] = attrs.Factory(dict)
    people: tuple[PersonEntry, ...] = ()
    meetings: tuple[MeetingEntry, ...] = ()
    indicators: tuple[IndicatorEntry, ...] = ()
    goals: tuple[GoalEntry, ...] = ()


@attrs.frozen(kw_only=True)
class DocEntries:
    """All entries of one text, per article."""

    articles: tuple[ArticleEntry, ...] = ()

    def merged(self, key: str) -> list[Any]:
        """The entries ``key`` (people, meetings, ...) of all articles, in order."""
        return [x for a in self.articles for x in getattr(a, key)]


# ---------------------------------------------------------------- gold files


def entries_from_gold(data: dict[str, Any]) -> DocEntries:
    """Entries of a parsed gold file (format of the annotation guide)."""
    return entries_from_dict(data, gold=True)


def entries_from_dict(data: dict[str, Any], *, gold: bool = False) -> DocEntries:
    """Entries of a dict in the gold shape (a gold file, or a prediction written in that shape).

    gold (bool): read ``optional`` and ``must`` marks (a prediction has none).
    """
    articles = []
    for a in data.get("articles") or []:
        if not isinstance(a, dict):
            continue
        by = a.get("byline") if isinstance(a.get("byline"), dict) else {}
        articles.append(ArticleEntry(
            title=a.get("title") or None,
            byline={r: tuple(NameEntry(name=n) for n in by.get(r) or [] if n) for r in ROLES},
            people=tuple(
                PersonEntry(name=p["name"], titles=tuple(TitleEntry(text=t or "") for t in p.get("titles") or [] if t or gold),
                            optional=gold and bool(p.get("optional")))
                for p in a.get("people") or [] if p.get("name")
            ),
            meetings=tuple(
                MeetingEntry(name=m.get("name") or "", date=m.get("date") or None, time_of_day=m.get("time_of_day"),
                             chair=tuple(NameEntry(name=n) for n in m.get("chair") or []),
                             participants=tuple(NameEntry(name=n) for n in m.get("participants") or []))
                for m in a.get("meetings") or []
            ),
            indicators=tuple(
                IndicatorEntry(text=i.get("text"), value=i.get("value"), unit=i.get("unit"),
                               qualifier=i.get("qualifier"), change=i.get("change"), subject=i.get("subject"),
                               optional=gold and bool(i.get("optional")))
                for i in a.get("indicators") or []
            ),
            goals=tuple(
                GoalEntry(text=g.get("text") or "", must=bool(g.get("must", True)) if gold else True)
                for g in a.get("goals") or []
            ),
        ))
    return DocEntries(articles=tuple(articles))


# ---------------------------------------------------------------- documents


def _text(value: Any) -> str | None:
    """A field that may be a str, a grounded record (its ``text``) or None."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    text = getattr(value, "text", None)
    return text if isinstance(text, str) else str(value)


def source_of(record: Any) -> Source | None:
    """The :class:`Source` of a grounded record (None when it has no offsets)."""
    start, end = getattr(record, "start", None), getattr(record, "end", None)
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    return Source(text=getattr(record, "text", ""), start=start, end=end, rule=getattr(record, "rule", None) or None)


def _names(records: Any) -> tuple[NameEntry, ...]:
    out = []
    for r in records or ():
        name = r if isinstance(r, str) else getattr(r, "name", None)
        if name:
            out.append(NameEntry(name=name, source=None if isinstance(r, str) else source_of(r)))
    return tuple(out)


def _meeting(m: Any) -> MeetingEntry:
    date = getattr(m, "date", None)
    name = m.name if isinstance(m.name, str) else _text(m.name)
    return MeetingEntry(
        name=name or "",
        date=getattr(date, "iso", None) or None,
        time_of_day=getattr(date, "time_of_day", None),
        chair=_names(getattr(m, "chair", ())),
        participants=_names(getattr(m, "participants", ())),
        source=source_of(m),
    )


def entries_from_document(doc: Any) -> DocEntries:
    """Entries of a :class:`~newsextract.document.Document`, each with its :class:`Source`."""
    articles = []
    for a in doc.articles:
        by = a.byline
        articles.append(ArticleEntry(
            title=_text(a.title) or None,
            title_source=source_of(a.title) if a.title is not None else None,
            byline={r: _names(getattr(by, r, ())) for r in ROLES},
            people=tuple(
                PersonEntry(name=p.name,
                            titles=tuple(TitleEntry(text=_text(t), source=source_of(t)) for t in p.titles if _text(t)),
                            source=source_of(p))
                for p in a.people if p.name
            ),
            meetings=tuple(_meeting(m) for m in a.meetings),
            indicators=tuple(
                IndicatorEntry(text=_text(i.text), value=i.value, unit=_text(getattr(i, "unit", None)),
                               qualifier=_text(getattr(i, "qualifier", None)), change=_text(getattr(i, "change", None)),
                               subject=_text(getattr(i, "subject", None)), source=source_of(i))
                for i in a.indicators
            ),
            goals=tuple(GoalEntry(text=g.text, source=source_of(g)) for g in a.goals if g.text),
        ))
    return DocEntries(articles=tuple(articles))
