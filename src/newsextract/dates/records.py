"""Date records: :class:`DateValue` (a grounded date mention) and :class:`DateInterval`."""

from __future__ import annotations

import attrs

from newsextract.spans import offset_field

GRAINS = ("year", "month", "day")


@attrs.frozen(kw_only=True)
class DateInterval:
    """The period a date mention covers when it is a range or an open period.

    start (str | None): ISO 8601 (possibly partial: "2023-01", "--01", "2021") first period;
        None when the text gives no start (年底前 → end only).
    end (str | None): ISO 8601 last period; None for an open end (2022年以来, 今年以来 run
        up to the time of writing).
    """

    start: str | None = None
    end: str | None = None


@attrs.frozen(kw_only=True)
class DateValue:
    """A date mention in the text, normalised.

    text (str): the mention as printed, ``source[start:end]`` (5月15日晚, 2022年以来, 日前).
    start (int): offset of the first character.
    end (int): offset one past the last character.
    iso (str | None): ISO 8601 value as far as the text and the reference date fix it:
        "2023-05-14"; "--05-14" (month and day, year unknown); "---14" (day only);
        "2023-05" / "--05"; "2023"; for intervals "start/end" with ".." for an open side
        ("2023-01/2023-10", "2022/..", "../2023-12"); None when vague (日前, 近日) or
        relative with no reference date (昨天, 去年12月29日).
    grain (str | None): "year", "month" or "day" (of the endpoints for intervals); None when vague.
    time_of_day (str | None): 上午/下午/中午/晚/晚上/凌晨/早上/傍晚… as printed after the date.
    relative (bool): the mention is worded relative to the time of writing or to an earlier
        date (今天, 昨日, 去年, 今年以来, 本月, 当天, 次日, 日前…).
    interval (DateInterval | None): set for ranges and periods (1—10月, 今年一季度, 上半年,
        “十四五”期间, 1月24日至25日, 2022年以来, 年底前); None for a single date.
    rule (str): name of the pattern in ``dates/data/rules.yaml`` that produced it, with
        "+since" / "+before" when an 以来 / 前 suffix made it an open interval.
    """

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    start: int = offset_field()
    end: int = offset_field()
    iso: str | None = None
    grain: str | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.in_(GRAINS)))
    time_of_day: str | None = None
    relative: bool = False
    interval: DateInterval | None = None
    rule: str = ""
