"""Indicator records: one numeric fact of an article, grounded in the text."""

from __future__ import annotations

import attrs

from newsextract.spans import Span, offset_field

BOUNDS = ("approx", "at_least", "more_than", "at_most", "less_than", "range")
CHANGES = ("increase", "decrease")


@attrs.frozen(kw_only=True)
class Indicator:
    """A measured value: what, how much, how exact, whether a change, for which period.

    A range ("6—8个", "4%至7%", "两三家") states two figures and gives two records with the
    same ``text``, ``start`` and ``end``, ``bound="range"`` and the same ``low``/``high``: the
    first has ``value == low``, the second ``value == high``.

    text (str): the number with its unit and qualifier as printed ("90%以上", "超过860亿元").
    start (int): offset of the first character.
    end (int): offset one past the last character.
    value (int | float): the number with 万/亿 applied (50亿元 -> 5000000000); for a range, the
        low end in the first record and the high end in the second.
    unit (str): unit or measure word without the multiplier ("元", "%", "个百分点", "家"); "" for
        a ratio printed with no unit (城乡收入比1.92).
    qualifier (str | None): approximation/bound word as printed (余 多 以上 近 约 超过...).
    bound (str | None): approx / at_least / more_than / at_most / less_than / range, from the qualifier.
    low (int | float | None): low end of a range (两三个 -> 2).
    high (int | float | None): high end of a range (两三个 -> 3).
    change (str | None): "increase" (增长 提高...) or "decrease" (下降 减少...) when the number is a change.
    basis (Span | None): the comparison base printed before the change verb (同比, 较上年).
    subject (Span | None): the shortest phrase naming what is measured (片区改造率).
    period (Span | None): the period the number refers to (2021年以来, 1—7月), when printed.
    is_target (bool): the number is a goal's target (力争…8个以上): set by the goals family,
        True exactly when the number lies inside a goal (it is then in ``Goal.targets``);
        always False from ``find_indicators`` alone.
    rule (str): how it was found: the quantity rule and the subject rule ("arabic/left").
    """

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    start: int = offset_field()
    end: int = offset_field()
    value: int | float = attrs.field()
    unit: str = attrs.field()
    qualifier: str | None = None
    bound: str | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.in_(BOUNDS)))
    low: int | float | None = None
    high: int | float | None = None
    change: str | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.in_(CHANGES)))
    basis: Span | None = None
    subject: Span | None = None
    period: Span | None = None
    is_target: bool = False
    rule: str = ""
