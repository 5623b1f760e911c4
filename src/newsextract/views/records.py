"""Introspection of the record classes: which records exist, their fields, types and docs.

Used to generate ``docs/schema.json`` and ``docs/records.md`` and the DataFrame columns, so
that they follow the attrs classes instead of a hand-kept copy.
"""

from __future__ import annotations

import functools
import typing
from typing import Any

import attrs
import regex

# Fields typed ``Any`` (to keep the families' imports acyclic) and what they hold.
ANY_FIELDS = {("Goal", "targets"): "Indicator", ("Goal", "deadline"): "DateValue"}

_PARENS = regex.compile(r"\((?:[^()]|(?R))*\)")  # a parenthesised part, nested ones included


@functools.cache
def record_classes() -> dict[str, type]:
    """Every record class reachable from :class:`~newsextract.document.Document`, by name, in
    document order (Document first, then what it contains)."""
    from newsextract import dates, document, goals, indicators, meetings, people, spans

    ordered = [document.Document, document.Article, document.Byline, document.Credit, spans.Span,
               people.Person, people.Title, meetings.Meeting, meetings.Participant,
               indicators.Indicator, goals.Goal, dates.DateValue, dates.DateInterval]
    return {cls.__name__: cls for cls in ordered}


@functools.cache
def type_hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of an attrs class (the families' names resolved)."""
    import datetime as dt

    namespace: dict[str, Any] = {**record_classes(), "dt": dt, "Any": Any, "Optional": typing.Optional}
    return typing.get_type_hints(cls, globalns=namespace, localns=namespace)


def _split_head(line: str) -> tuple[str, str] | None:
    """``"    a, b (type): text"`` → ("a, b (type)", "text"); the colon outside parentheses."""
    depth = 0
    for i, ch in enumerate(line):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == ":" and depth == 0:
            return line[:i], line[i + 1 :].strip()
    return None


def field_doc(cls: type) -> dict[str, str]:
    """Field name → description, read from the class docstring: lines ``name (type): text``,
    also ``a, b (x), c: text`` and ``a/b/c: text`` (each name gets the text); indented
    continuation lines are joined."""
    out: dict[str, str] = {}
    names: list[str] = []
    known = {a.name for a in attrs.fields(cls)}
    for line in (cls.__doc__ or "").splitlines():
        if line.startswith("    ") and not line.startswith("     ") and (parts := _split_head(line)):
            head, text = parts
            found = [n for n in regex.split(r"[,/]", _PARENS.sub("", head)) if n.strip()]
            found = [n.strip() for n in found]
            if found and all(n in known for n in found):
                names = found
                for n in names:
                    out[n] = text
                continue
        if names and line.startswith("        ") and line.strip():
            for n in names:
                out[n] += " " + line.strip()
        else:
            names = []
    return out


def field_enum(a: attrs.Attribute) -> tuple[Any, ...] | None:
    """The allowed values when the field is validated with ``in_`` (possibly inside ``optional``)."""
    validators = a.validator
    stack = [validators] if validators is not None else []
    while stack:
        v = stack.pop()
        if v is None:
            continue
        options = getattr(v, "options", None)
        if options is not None and not callable(options):
            return tuple(options)
        inner = getattr(v, "validator", None) or getattr(v, "_validators", None)
        if isinstance(inner, (list, tuple)):
            stack.extend(inner)
        elif inner is not None:
            stack.append(inner)
    return None


def fields(cls: type) -> list[attrs.Attribute]:
    """The attrs fields of a record class, in declaration order."""
    return list(attrs.fields(cls))
