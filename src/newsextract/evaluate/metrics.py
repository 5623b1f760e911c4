"""Counting and comparing: precision/recall counts, accuracies, string similarity, normalisers.

Pure functions, no model needed. The normalisation tables are data
(``evaluate/data/normalisation.yaml``).
"""

from __future__ import annotations

import functools
from typing import Any

import attrs
import regex

from newsextract._data import load_yaml

PKG = "newsextract.evaluate"
_SPACE = regex.compile(r"[\s\u3000]")


@functools.cache
def _tables() -> dict[str, Any]:
    data = load_yaml(PKG, "data/normalisation.yaml")
    qualifier_class = {w: cls for cls, words in data["qualifier_classes"].items() for w in words}
    return {
        "unit_aliases": dict(data["unit_aliases"]),
        "qualifier_class": qualifier_class,
        "tenths_units": frozenset(data["tenths_units"]),
        "thresholds": dict(data["thresholds"]),
    }


def threshold(name: str) -> float:
    """A matching threshold from the normalisation data (``meeting_name_char_f1``, ...)."""
    return float(_tables()["thresholds"][name])


def norm(s: str | None) -> str:
    """``s`` without any whitespace (ideographic space included); None → ""."""
    return _SPACE.sub("", s or "")


def norm_unit(unit: str | None) -> str:
    """The unit without whitespace, with aliases resolved (万元 → 元, ％ → %)."""
    u = norm(unit)
    return _tables()["unit_aliases"].get(u, u)


def norm_qualifier(qualifier: str | None) -> str:
    """The qualifier's class ("over", "under", "approx"), the qualifier itself if unknown, "" if none."""
    q = norm(qualifier)
    return _tables()["qualifier_class"].get(q, q) if q else ""


def norm_value_unit(value: Any, unit: str | None) -> tuple[float, str]:
    """(value, unit) comparable across spellings: tenths (七成) become percent (70, "%").

    RAISES (TypeError, ValueError): ``value`` is not a number.
    """
    u = norm_unit(unit)
    if u in _tables()["tenths_units"]:
        return float(value) * 10, "%"
    return float(value), u


def same_value(gold_value: Any, gold_unit: str | None, pred_value: Any, pred_unit: str | None) -> bool:
    """Equal normalised units and values equal up to a relative tolerance; False for non-numbers."""
    try:
        gv, gu = norm_value_unit(gold_value, gold_unit)
        pv, pu = norm_value_unit(pred_value, pred_unit)
    except (TypeError, ValueError):
        return False
    return abs(gv - pv) <= threshold("value_relative_tolerance") * max(1.0, abs(gv)) and gu == pu


def longest_common_substring(a: str, b: str) -> int:
    """Length of the longest run of characters that ``a`` and ``b`` share (contiguous)."""
    if not a or not b:
        return 0
    best = 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best:
                    best = cur[j]
        prev = cur
    return best


def char_f1(gold: str | None, pred: str | None) -> float:
    """F1 of the longest common substring against both strings (whitespace ignored).

    Two empty strings score 1.0; one empty string scores 0.0.
    """
    g, p = norm(gold), norm(pred)
    if not g or not p:
        return 1.0 if g == p else 0.0
    common = longest_common_substring(g, p)
    if common == 0:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


@attrs.define
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp); with no predictions 1.0 if nothing was missed, else 0.0."""
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 0.0 if self.fn else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"p": round(self.precision, 3), "r": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@attrs.define
class Accuracy:
    """A mean of per-item scores (1.0/0.0 for exact checks, a similarity otherwise)."""

    total: float = 0.0
    n: int = 0

    def add(self, score: float) -> None:
        self.total += score
        self.n += 1

    @property
    def value(self) -> float | None:
        """The mean, or None when no item was scored."""
        return self.total / self.n if self.n else None

    def to_dict(self) -> dict[str, Any]:
        return {"acc": None if self.value is None else round(self.value, 3), "n": self.n}


def set_counts(gold: set[str] | dict[str, Any], pred: set[str] | dict[str, Any], ignore: set[str] = frozenset()) -> tuple[int, int, int]:  # type: ignore[assignment]
    """(tp, fp, fn) of two sets; predictions in ``ignore`` count neither way."""
    g, p = set(gold), set(pred) - set(ignore)
    return len(g & p), len(p - g), len(g - p)
