"""Generate ``docs/schema.json`` (JSON Schema of :meth:`Document.to_dict`) and
``docs/records.md`` (every record field) from the attrs record classes.

    python -m newsextract.views.schema --write docs/     # regenerate both files
    python -m newsextract.views.schema --check docs/     # exit 1 when they are out of date
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import types
import typing
from pathlib import Path
from typing import Any

import attrs

from newsextract.views.records import ANY_FIELDS, field_doc, field_enum, record_classes, type_hints

SCHEMA_FILE = "schema.json"
RECORDS_FILE = "records.md"
_SIMPLE = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _type_schema(tp: Any, owner: str, field: str) -> dict[str, Any]:
    if tp is Any:
        target = ANY_FIELDS.get((owner, field))
        return {"$ref": f"#/$defs/{target}"} if target else {}
    if tp in _SIMPLE:
        return {"type": _SIMPLE[tp]}
    if tp is dt.date:
        return {"type": "string", "format": "date"}
    if isinstance(tp, type) and attrs.has(tp):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if _is_union(tp):
        args = typing.get_args(tp)
        if set(args) == {int, float}:
            return {"type": "number"}
        if set(args) <= {int, float, type(None)} and float in args:
            return {"type": ["number", "null"]}
        if all(a in _SIMPLE for a in args):
            return {"type": [_SIMPLE[a] for a in args]}
        return {"anyOf": [_type_schema(a, owner, field) for a in args]}
    origin = typing.get_origin(tp)
    if origin in (tuple, list):
        args = typing.get_args(tp)
        item = args[0] if args else Any
        return {"type": "array", "items": _type_schema(item, owner, field)}
    raise TypeError(f"{owner}.{field}: no JSON Schema for type {tp!r}")


def _class_schema(cls: type) -> dict[str, Any]:
    hints, docs = type_hints(cls), field_doc(cls)
    props: dict[str, Any] = {}
    for a in attrs.fields(cls):
        s = _type_schema(hints[a.name], cls.__name__, a.name)
        enum = field_enum(a)
        if enum is not None:
            s = {**s, "enum": [*enum, *([None] if "null" in str(s.get("type", "")) or _is_union(hints[a.name]) else [])]}
        if a.name in docs:
            s = {"description": docs[a.name], **s}
        props[a.name] = s
    summary = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    return {"type": "object", "description": summary, "properties": props,
            "required": [a.name for a in attrs.fields(cls)], "additionalProperties": False}


def document_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of what :meth:`Document.to_dict` returns."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "newsextract Document.to_dict()",
        "description": "Records extracted from one text. Every text/start/end triple indexes Document.text.",
        "$ref": "#/$defs/Document",
        "$defs": {name: _class_schema(cls) for name, cls in record_classes().items()},
    }


def schema_json() -> str:
    """:func:`document_schema` as the text of ``docs/schema.json``."""
    return json.dumps(document_schema(), ensure_ascii=False, indent=1) + "\n"


# ---------------------------------------------------------------- docs/records.md


def _type_name(tp: Any, owner: str, field: str) -> str:
    if tp is Any:
        target = ANY_FIELDS.get((owner, field))
        return f"[{target}](#{target.lower()})" if target else "any"
    if tp is type(None):
        return "None"
    if tp is dt.date:
        return "date"
    if isinstance(tp, type) and attrs.has(tp):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    if isinstance(tp, type):
        return tp.__name__
    if _is_union(tp):
        return " \\| ".join(_type_name(a, owner, field) for a in typing.get_args(tp))
    if typing.get_origin(tp) in (tuple, list):
        args = typing.get_args(tp)
        return f"tuple[{_type_name(args[0] if args else Any, owner, field)}, ...]"
    return str(tp)


_INTRO = """# Records

Every field of every record that `newsextract.extract()` returns. This page is generated
from the record classes (`python -m newsextract.views.schema --write docs/`); the test suite
fails when it is out of date. The JSON form (`Document.to_dict()`, `Document.to_json()`) has
the same fields, described by [schema.json](schema.json): records become objects, tuples
become arrays, dates become ISO strings.

**Grounding.** A record with `text`, `start` and `end` is grounded: `document.text[start:end]
== text` always holds, with offsets into the text you passed in (not into a cleaned copy).
Nested grounded records (a person's titles, a meeting's participants, a goal's target
indicators) follow the same rule.

**Provenance.** Every record found by a rule has `rule`: the name of the pattern in the
family's data files (`src/newsextract/<family>/data/*.yaml`) that produced it. `newsextract
evaluate --errors` shows it for every spurious record.

**Where to find records.** `doc.articles[i].people` etc.; `doc.people`, `doc.meetings`,
`doc.indicators` and `doc.goals` list those of all articles.
"""


def records_markdown() -> str:
    """The text of ``docs/records.md``."""
    out = [_INTRO]
    for name, cls in record_classes().items():
        doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        out.append(f"\n## {name}\n\n{doc}\n\n| field | type | description |\n| --- | --- | --- |")
        hints, docs = type_hints(cls), field_doc(cls)
        for a in attrs.fields(cls):
            kind = _type_name(hints[a.name], name, a.name)
            enum = field_enum(a)
            text = docs.get(a.name, "").replace("|", "\\|")
            if enum is not None:
                text += " One of: " + ", ".join(f"`{e}`" for e in enum) + "."
            out.append(f"| `{a.name}` | {kind} | {text.strip()} |")
        props = [n for n, v in vars(cls).items() if isinstance(v, property)]
        for p in props:
            out.append(f"| `{p}` (property, not serialised) | | {(getattr(cls, p).__doc__ or '').strip()} |")
    return "\n".join(out) + "\n"


def generated_files() -> dict[str, str]:
    """File name → content of every generated docs file."""
    return {SCHEMA_FILE: schema_json(), RECORDS_FILE: records_markdown()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsextract.views.schema", description=__doc__.split("\n\n")[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", metavar="DIR", help="write the files into DIR")
    group.add_argument("--check", metavar="DIR", help="exit 1 when a file in DIR differs")
    args = ap.parse_args(argv)
    stale = []
    for name, content in generated_files().items():
        path = Path(args.write or args.check) / name
        if args.write:
            path.write_text(content, encoding="utf-8")
            print(f"wrote {path}")
        elif not path.is_file() or path.read_text(encoding="utf-8") != content:
            stale.append(str(path))
    if stale:
        print("out of date: " + ", ".join(stale) + " (python -m newsextract.views.schema --write docs/)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
