"""Records as flat rows (one dict per record), per family: what the DataFrames and the HTML
tables show. Columns follow the records' attrs fields; nested records become their text."""

from __future__ import annotations

from typing import Any

import attrs

FAMILIES = ("people", "titles", "meetings", "participants", "indicators", "goals", "dates")
# family → record class name, and the column naming the parent record for nested families
RECORD_OF = {"people": "Person", "titles": "Title", "meetings": "Meeting", "participants": "Participant",
             "indicators": "Indicator", "goals": "Goal", "dates": "DateValue"}
PARENT_COLUMN = {"titles": "person", "participants": "meeting"}
JOIN = "、"


def cell(value: Any) -> Any:
    """A field value as a table cell: scalars as they are, a record as its name / ISO value /
    text, a tuple as its cells joined with 、 (None when empty)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        parts = [cell(v) for v in value]
        return JOIN.join(str(p) for p in parts if p is not None) if parts else None
    for name in ("name", "iso", "text"):
        v = getattr(value, name, None)
        if isinstance(v, str) and v:
            return v
    if attrs.has(type(value)):  # e.g. an interval: its fields as "start/end"
        return "/".join("" if getattr(value, a.name) is None else str(getattr(value, a.name)) for a in attrs.fields(type(value)))
    return str(value)


def columns(family: str) -> list[str]:
    """Column names of a family's rows: article, [parent], then the record's fields."""
    from newsextract.views.records import record_classes

    cls = record_classes()[RECORD_OF[family]]
    parent = [PARENT_COLUMN[family]] if family in PARENT_COLUMN else []
    return ["article", *parent, *(a.name for a in attrs.fields(cls))]


def _row(article: int, record: Any, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"article": article, **extra}
    for a in attrs.fields(type(record)):
        row[a.name] = cell(getattr(record, a.name))
    return row


def family_rows(doc: Any) -> dict[str, list[dict[str, Any]]]:
    """Rows per family (people, titles, meetings, participants, indicators, goals, dates).

    doc (Document): an extracted document.
    RETURNS (dict[str, list[dict]]): each row has ``article`` (0-based index), for titles the
        ``person`` and for participants the ``meeting`` name, then the record's fields;
        offsets index ``doc.text``.
    """
    out: dict[str, list[dict[str, Any]]] = {f: [] for f in FAMILIES}
    for i, a in enumerate(doc.articles):
        for p in a.people:
            out["people"].append(_row(i, p))
            out["titles"].extend(_row(i, t, person=p.name) for t in p.titles)
        for m in a.meetings:
            out["meetings"].append(_row(i, m))
            out["participants"].extend(_row(i, x, meeting=m.name) for x in (*m.chair, *m.participants))
        out["indicators"].extend(_row(i, x) for x in a.indicators)
        out["goals"].extend(_row(i, x) for x in a.goals)
        out["dates"].extend(_row(i, x) for x in a.dates)
    return out
