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

# Descriptions for fields that their class docstring does not list as ``name (type): text``;
# they take precedence over what the docstring parser finds.
SUPPLEMENT = {
    "Article": {
        "text": "the article as printed, ``source[start:end]`` (headlines, byline and body).",
        "start": "offset of the article's first character in the page.",
        "end": "offset one past its last character.",
        "title": "the main headline line, or None.",
        "kicker": "the line printed above the headline (引题), or None.",
        "subtitles": "lines printed below the headline (副题).",
        "dateline": "本报讯 / 本报北京8月24日电 and the like, or None.",
        "byline": "reporters, correspondents and photographers of the article (never in ``people``).",
        "paragraphs": "the body paragraphs (a paragraph broken by a column break is one paragraph).",
        "continuations": "page references such as (下转2版).",
        "people": "people named in the article body, one record per person.",
        "meetings": "meetings the article reports as held.",
        "indicators": "numeric facts (counts, amounts, rates...).",
        "goals": "stated targets and intended outcomes.",
        "dates": "every date mention, normalised.",
    },
    "Byline": {
        "reporters": "记者 credits.",
        "correspondents": "通讯员 credits.",
        "photographers": "摄 / 摄影 credits.",
    },
    "Credit": {
        "text": "``source[start:end]``, the name as printed.",
        "start": "offset of the first character.",
        "end": "offset one past the last character.",
    },
}

_PARENS = regex.compile(r"\((?:[^()]|(?R))*\)")  # a parenthesised part, nested ones included


_PACKAGES = ("newsextract.document", "newsextract.spans", "newsextract.people", "newsextract.meetings",
             "newsextract.indicators", "newsextract.goals", "newsextract.dates")


# the order of the generated docs; classes not listed follow, in the order they are reached
_ORDER = ("Document", "Article", "Byline", "Credit", "Span", "Person", "Title", "Meeting", "Participant",
          "Indicator", "Goal", "DateValue", "DateInterval")


@functools.cache
def _namespace() -> dict[str, Any]:
    """Every attrs class the record packages export, by name (to resolve annotations)."""
    import datetime as dt
    import importlib

    ns: dict[str, Any] = {"dt": dt, "Any": Any, "Optional": typing.Optional}
    for name in _PACKAGES:
        mod = importlib.import_module(name)
        for attr in dir(mod):
            value = getattr(mod, attr)
            if isinstance(value, type) and attrs.has(value):
                ns.setdefault(attr, value)
    return ns


def _classes_in(tp: Any) -> list[type]:
    if isinstance(tp, type) and attrs.has(tp):
        return [tp]
    return [c for arg in typing.get_args(tp) for c in _classes_in(arg)]


@functools.cache
def record_classes() -> dict[str, type]:
    """Every record class reachable from :class:`~newsextract.document.Document`, by name, in
    the order they are reached (Document, Article, then what they contain, breadth first)."""
    from newsextract.document import Document

    ns = _namespace()
    found: dict[str, type] = {}
    queue = [Document]
    while queue:
        cls = queue.pop(0)
        if cls.__name__ in found:
            continue
        found[cls.__name__] = cls
        for a in attrs.fields(cls):
            hint = type_hints(cls)[a.name]
            target = ANY_FIELDS.get((cls.__name__, a.name))
            queue.extend([ns[target]] if target else _classes_in(hint))
    rank = {name: i for i, name in enumerate(_ORDER)}
    return dict(sorted(found.items(), key=lambda kv: rank.get(kv[0], len(rank))))


@functools.cache
def type_hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of an attrs class (the families' names resolved)."""
    namespace = _namespace()
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
    out.update(SUPPLEMENT.get(cls.__name__, {}))
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
