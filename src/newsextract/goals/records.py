"""The record a policy-goal statement becomes."""

from __future__ import annotations

from typing import Optional

import attrs

from newsextract.dates.records import DateValue
from newsextract.indicators.records import Indicator
from newsextract.spans import Span, offset_field

STRENGTHS = ("firm", "aim")
OWNER_KINDS = ("person", "body")


@attrs.frozen(kw_only=True)
class Goal:
    """A stated target or intended outcome ("确保新校区秋季开学前交付", "全年新建口袋公园30处以上").

    text (str): the goal as printed, from its marker (or, for a time marker printed after
        its subject, from the clause start) to the end of the clause; coordinated aims after
        one marker stay together ("力争甲、乙，丙"). The speaker ("X要求，") is left out.
    start (int): offset of the first character.
    end (int): offset one past the last character.
    marker (Span): the goal marker as printed (确保/力争/锚定……目标/全年/到2031年 ...).
    targets (tuple[Indicator, ...]): the indicators inside the goal, with ``is_target=True``.
    deadline (DateValue | None): the time the goal is due by (年底前/到2031年/全年/明年).
    owner (Span | None): who set it: the speaker's mention ("林卫东要求" → 林卫东) or the
        body ("全会要求" → 全会).
    owner_kind (str | None): "person", "body" or None.
    strength (str | None): "firm" (确保/坚决/务必), "aim" (力争/争取/力求) or None.
    rule (str): name of the marker rule that produced the goal (goals/data/markers.yaml).
    """

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    start: int = offset_field()
    end: int = offset_field()
    marker: Span = attrs.field(validator=attrs.validators.instance_of(Span))
    targets: tuple[Indicator, ...] = attrs.field(default=(), converter=tuple)
    deadline: Optional[DateValue] = None
    owner: Optional[Span] = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Span))
    )
    owner_kind: Optional[str] = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(OWNER_KINDS))
    )
    strength: Optional[str] = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(STRENGTHS))
    )
    rule: str = attrs.field(validator=attrs.validators.instance_of(str))
