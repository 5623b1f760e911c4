"""Tests of newsextract.people: table-driven cases (fixtures/people/*.yaml) and properties."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.people import Person, Title, find_people, split_names
from newsextract.people.lexicon import lexicon
from newsextract.spans import Span

FIXTURES = Path(__file__).parents[2] / "fixtures" / "people"


def _load(name: str) -> dict[str, Any]:
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))


def _cases() -> list[Any]:
    out = []
    for section, cases in _load("find_people.yaml").items():
        for case in cases:
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            out.append(pytest.param(case, id=f"{section}/{case['id']}", marks=marks))
    return out


def _inputs(case: dict[str, Any]) -> tuple[str, list[tuple[int, int]] | None]:
    if "seg" in case:
        words, pos = [], 0
        for w in case["seg"].split():
            words.append((pos, pos + len(w)))
            pos += len(w)
        return "".join(case["seg"].split()), words
    return case["text"], None


def _summary(p: Person) -> dict[str, Any]:
    return {"name": p.name, "titles": [t.text for t in p.titles], "group": p.group, "mentions": len(p.mentions)}


def _grounded(text: str, people: list[Person]) -> None:
    for p in people:
        assert text[p.start : p.end] == p.text == p.name
        for m in p.mentions:
            assert text[m.start : m.end] == m.text
        for t in p.titles:
            assert text[t.start : t.end] == t.text


@pytest.mark.parametrize("case", _cases())
def test_people_find_people_table(case: dict[str, Any]) -> None:
    text, words = _inputs(case)
    headings = [tuple(h) for h in case.get("headings", [])]
    got = find_people(text, words=words, headings=headings)
    expected = [
        {"name": p["name"], "titles": p.get("titles", []), "group": p.get("group"), "mentions": p.get("mentions", 1)}
        for p in case["people"]
    ]
    assert [_summary(p) for p in got] == expected
    _grounded(text, got)
    titles = {t.text: t for p in got for t in p.titles}
    for title_text, fields in (case.get("parsed") or {}).items():
        t = titles[title_text]
        assert {k: getattr(t, k) for k in fields} == fields, title_text


def test_people_find_people_exact_record() -> None:
    text = "旗政协主席林晓岚,秘书长卓文华到会。卓文华指出,要加强协商。"
    got = find_people(text)
    assert got[1] == Person(
        name="卓文华", text="卓文华", start=12, end=15,
        mentions=(Span(text="卓文华", start=12, end=15), Span(text="卓文华", start=18, end=21)),
        titles=(Title(text="秘书长", start=9, end=12, org="旗政协", position="秘书长", level="县",
                      deputy=False, acting=False, rule="title_chain"),),
        group=None, rule="title_chain",
    )


@pytest.mark.parametrize(
    "run,expected",
    [
        pytest.param("聂小川郝敏卓立群", ["聂小川", "郝敏", "卓立群"], id="three-names-3-2-3"),
        pytest.param("方心远", ["方心远"], id="one-name"),
        pytest.param("钱一鸣苏晴", ["钱一鸣", "苏晴"], id="two-names-3-2"),
        pytest.param("欧阳明远韩冰", ["欧阳明远", "韩冰"], id="compound-surname"),
        pytest.param("郝敏柯远韩冰", ["郝敏", "柯远", "韩冰"], id="three-two-char-names"),
        pytest.param("下转二版", ["下转二版"], id="short-unsplittable-kept"),
        pytest.param("召开全区工作会议", [], id="long-unsplittable-empty"),
        pytest.param("", [], id="empty"),
    ],
)
def test_people_split_names(run: str, expected: list[str]) -> None:
    assert split_names(run) == expected


def test_people_lexicon_loads_data() -> None:
    lx = lexicon()
    assert lx.surnames["王"] < lx.surnames["杲"]
    assert "欧阳" in lx.compound
    assert "区长" in lx.self_contained and "秘书长" not in lx.self_contained
    assert "区领导" in lx.collective_labels


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("书记副委区、长县领导张王欧阳钢明远兼,。同志记者摄()（）该我全主任局镇村说等 \n")) | st.characters(), max_size=80))
def test_people_never_raises_and_grounded(text: str) -> None:
    people = find_people(text)
    _grounded(text, people)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=20))
def test_people_odd_words_never_raise(text: str, words: list[tuple[int, int]]) -> None:
    _grounded(text, find_people(text, words=words, headings=[(0, 3), (-1, 2)]))


@pytest.mark.parametrize("value", [None, b"\xe5\x8c\xba", 5], ids=["none", "bytes", "int"])
def test_people_non_str_gives_nothing(value: Any) -> None:
    assert find_people(value) == []  # type: ignore[arg-type]


def test_people_large_text_completes() -> None:
    """200k characters: the same three people (speed: benchmarks/bench_pipeline.py)."""
    unit = "旗委常委、旗长林秋白主持会议,旗领导方俊、洪兰等参加。林秋白指出,要抓好落实。"
    text = unit * (200_000 // len(unit))
    people = find_people(text)
    assert [p.name for p in people] == ["林秋白", "方俊", "洪兰"]


def test_people_component_on_doc(nlp: Any) -> None:
    from newsextract.results import results_of

    doc = nlp("旗委常委、旗长林秋白主持会议。")
    assert [p.name for p in results_of(doc).people] == ["林秋白"]
