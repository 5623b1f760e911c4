"""docs/schema.json and docs/records.md are generated from the records and kept current."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from newsextract.document import Article, Byline, Credit, Document
from newsextract.meetings import Meeting, Participant
from newsextract.people import Person, Title
from newsextract.spans import Span
from newsextract.views.records import field_doc, record_classes
from newsextract.views.schema import document_schema, generated_files

DOCS = Path(__file__).parents[2] / "docs"


@pytest.mark.parametrize("name", sorted(generated_files()))
def test_docs_generated_file_is_current(name):
    committed = (DOCS / name).read_text(encoding="utf-8")
    assert committed == generated_files()[name], f"docs/{name} is out of date: python -m newsextract.views.schema --write docs/"


@pytest.mark.parametrize("name", sorted(record_classes()))
def test_docs_every_field_is_documented(name):
    cls = record_classes()[name]
    docs = field_doc(cls)
    missing = [a.name for a in attrs.fields(cls) if not docs.get(a.name)]
    assert not missing, f"{name}: no description for {missing} (docstring line 'name (type): text')"
    page = generated_files()["records.md"]
    for a in attrs.fields(cls):
        assert f"| `{a.name}` |" in page


# ---- a small validator for the JSON Schema subset the generator writes


def _errors(value: Any, schema: dict, defs: dict, path: str = "$") -> list[str]:
    if "$ref" in schema:
        return _errors(value, defs[schema["$ref"].rsplit("/", 1)[1]], defs, path)
    if "anyOf" in schema:
        return [] if any(not _errors(value, s, defs, path) for s in schema["anyOf"]) else [f"{path}: no alternative fits {value!r}"]
    out: list[str] = []
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        ok = {"string": lambda v: isinstance(v, str), "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
              "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), "boolean": lambda v: isinstance(v, bool),
              "null": lambda v: v is None, "array": lambda v: isinstance(v, list), "object": lambda v: isinstance(v, dict)}
        if not any(ok[k](value) for k in kinds):
            return [f"{path}: {value!r} is not {kinds}"]
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{path}: {value!r} not in {schema['enum']}")
    if isinstance(value, dict) and "properties" in schema:
        for key in schema.get("required", []):
            if key not in value:
                out.append(f"{path}: missing {key}")
        for key, v in value.items():
            if key not in schema["properties"]:
                if schema.get("additionalProperties") is False:
                    out.append(f"{path}: unexpected {key}")
                continue
            out += _errors(v, schema["properties"][key], defs, f"{path}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            out += _errors(v, schema["items"], defs, f"{path}[{i}]")
    return out


def validate(data: Any) -> list[str]:
    schema = document_schema()
    return _errors(data, schema, schema["$defs"])


def _small_doc() -> Document:
    text = "副区长陈海波出席会议。"
    title = Title(text="副区长", start=0, end=3, position="区长", deputy=True, rule="t")
    person = Person(name="陈海波", text="陈海波", start=3, end=6, titles=(title,), rule="p")
    meeting = Meeting(text=text, start=0, end=len(text), name="会议", rule="m", name_parts=(Span.of(text, 8, 10),),
                      participants=(Participant(name="陈海波", text="陈海波", start=3, end=6, role="attended", rule="r"),))
    art = Article(text=text, start=0, end=len(text), people=(person,), meetings=(meeting,),
                  byline=Byline(reporters=(Credit(name="陈海波", role="reporter", text="陈海波", start=3, end=6),)))
    return Document(text=text, articles=(art,))


def test_docs_schema_accepts_to_dict():
    assert validate(_small_doc().to_dict()) == []


@pytest.mark.parametrize(
    "change,error",
    [(lambda d: d.update(extra=1), "$: unexpected extra"),
     (lambda d: d["articles"][0]["people"][0].update(start="3"), "$.articles[0].people[0].start: '3' is not ['integer']"),
     (lambda d: d["articles"][0]["meetings"][0]["participants"][0].update(role="host"), "not in"),
     (lambda d: d["articles"][0].pop("goals"), "$.articles[0]: missing goals")],
    ids=["extra-key", "offset-as-string", "role-not-allowed", "missing-field"],
)
def test_docs_schema_rejects_wrong_shapes(change, error):
    data = _small_doc().to_dict()
    change(data)
    assert any(error in e for e in validate(data)), validate(data)


@pytest.mark.model
def test_docs_schema_accepts_the_sample_page(sample_doc):
    assert validate(json.loads(sample_doc.to_json())) == []


def _data_files() -> list[str]:
    src = Path(__file__).parents[2] / "src" / "newsextract"
    return sorted(str(p.relative_to(src)) for p in src.glob("*/data/*") if p.is_file() and not p.name.startswith("."))


@pytest.mark.parametrize("name", _data_files())
def test_docs_rules_format_lists_every_data_file(name):
    assert f"`{name}`" in (DOCS / "rules-format.md").read_text(encoding="utf-8"), f"describe {name} in docs/rules-format.md"
