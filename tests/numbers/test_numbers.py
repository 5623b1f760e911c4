"""Table-driven tests of parse_number and find_quantities (fixtures/numbers/*.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.numbers import Quantity, find_quantities, parse_number

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "numbers"
QUANTITY_FILES = ("units.yaml", "qualifiers.yaml", "traps.yaml")
OPTIONAL = ("unit_kind", "multiplier", "qualifier", "low", "high", "rule")


def _load(name: str) -> list[dict]:
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))


def _params(cases: list[dict]) -> list:
    out = []
    for c in cases:
        marks = [pytest.mark.xfail(strict=True, reason=c["xfail"])] if c.get("xfail") else []
        out.append(pytest.param(c, id=c["id"], marks=marks))
    return out


def _quantity_cases() -> list:
    cases = []
    for name in QUANTITY_FILES:
        for c in _load(name):
            cases.append(dict(c, id=f"{name[:-5]}:{c['id']}"))
    return _params(cases)


@pytest.mark.parametrize("case", _params(_load("numerals.yaml")))
def test_numbers_parse_number(case: dict) -> None:
    got = parse_number(case["input"])
    assert got == case["value"]
    assert type(got) is type(case["value"])


def _expected(text: str, e: dict) -> Quantity:
    start = e.get("at", text.find(e["text"]))
    assert start >= 0, f"{e['text']!r} not in the fixture text"
    fields = {k: e.get(k) for k in OPTIONAL if k in e}
    return Quantity(text=e["text"], start=start, end=start + len(e["text"]), value=e["value"], unit=e.get("unit"), **fields)


def _view(q: Quantity, keys: set[str]) -> dict:
    base = {"text": q.text, "start": q.start, "end": q.end, "value": q.value, "unit": q.unit,
            "multiplier": q.multiplier, "qualifier": q.qualifier, "low": q.low, "high": q.high}
    base.update({k: getattr(q, k) for k in keys})
    return base


@pytest.mark.parametrize("case", _quantity_cases())
def test_numbers_find_quantities(case: dict) -> None:
    text = case["text"]
    got = find_quantities(text)
    expected = [_expected(text, e) for e in case["expect"]]
    keys = {k for e in case["expect"] for k in ("unit_kind", "rule") if k in e}
    assert [_view(q, keys) for q in got] == [_view(q, keys) for q in expected]
    for q, e in zip(got, expected):
        assert type(q.value) is type(e.value)


def test_numbers_values_are_exact_decimals() -> None:
    """No binary floating-point error leaks into values."""
    assert [q.value for q in find_quantities("增长1.57%,完成0.1亿元,占0.3%")] == [1.57, 10000000, 0.3]


@pytest.mark.parametrize("name", ["neg", "ar", "cn"])
def test_numbers_core_groups_by_number(name: str) -> None:
    """The group numbers the scan reads (names are slow to look up) are the core regex's."""
    from newsextract.numbers import quantities

    assert quantities._core_re().groupindex[name] == getattr(quantities, f"_{name.upper()}")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_numbers_parse_number_never_raises(s: str) -> None:
    value = parse_number(s)
    assert value is None or isinstance(value, (int, float))


_NUMERIC_TEXT = st.text(alphabet="0123456789.,-—至%％万亿千百十一二两三四五六七八九零〇点余多几以上下约近超过家个名元亩人次年月日第分之成倍 ，。、“”《》", max_size=60)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), _NUMERIC_TEXT))
def test_numbers_find_quantities_grounded(text: str) -> None:
    last_end = 0
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.start >= last_end  # non-overlapping, in order
        assert isinstance(q.value, (int, float))
        last_end = q.end


@pytest.mark.parametrize("module", ["newsextract.numbers", "newsextract.indicators"])
def test_numbers_module_doctests(module: str) -> None:
    """The usage examples in the package docstrings run."""
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
