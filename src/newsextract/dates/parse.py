"""``parse_dates``: find the date mentions of a Chinese news text and normalise them.

How a year is fixed when the mention does not print one (5月14日, 1—10月, 四季度):

1. A relative year word printed with it (今年, 去年, 明年) is resolved against the reference date.
2. Otherwise, with a reference date (the publication date), the year is the reference year or
   the year before, whichever puts the end of the mentioned period nearer to the reference date
   (reference 2023-01-05: 12月29日 → 2022-12-29; reference 2022-01-21: 1-12月份 → 2021;
   reference 2023-05-16: 5月20日 → 2023-05-20). A later year is never guessed.
3. Without a reference date, the year of the last earlier mention in the same text that prints
   a year together with a month (2017年5月17日, 2017年1~9月份) carries over: "2017年5月17日……
   12月1日" → 2017-12-01. A bare year ("2014年乡贤新春联谊茶话会", "2024年,在巨大的压力下")
   does not carry over: it is too often a plan year, the year under review or part of a name.
4. Otherwise the ISO value is partial: --05-14, --11.

A day printed without its month (15日) takes the month (and year) of the last earlier
day-precise date in the text, else the reference date's month or the month before it
(nearest), else it stays ---15. 当天/次日 count from that earlier date too.

Relative wording without a reference date gives ``iso=None`` (昨天, 去年12月29日, 本月), except
that 今年5月14日 is still --05-14 (today's year is what a bare 5月14日 implies anyway).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from typing import Any, Callable

import attrs
import regex

from newsextract._data import load_yaml
from newsextract.dates.records import DateInterval, DateValue
from newsextract.errors import ReferenceDateError

_PKG = "newsextract.dates"
_PLACEHOLDER = regex.compile(r"\{([A-Z][A-Z0-9_]*)\}")
# Same-length view of the text: full-width digits, separators and spaces read as ASCII (offsets kept).
_VIEW = tuple(zip("０１２３４５６７８９．／\u3000\u00a0", "0123456789./  "))
_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _view(text: str) -> str:
    """``text`` with the ``_VIEW`` characters replaced (str.replace per character is many times
    faster than str.translate on CJK text; no replacement is itself replaced later)."""
    for wide, ascii_ in _VIEW:
        text = text.replace(wide, ascii_)
    return text


def _num(s: str | None) -> int | None:
    """Integer value of an Arabic or Chinese numeral as the rules capture them (≤ 4 chars)."""
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    if s == "元":  # 元月: January
        return 1
    if s[0] in "廿卅":
        return (20 if s[0] == "廿" else 30) + (_CN_DIGIT[s[1]] if len(s) > 1 else 0)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)
    value = 0
    for c in s:  # digit by digit: 二〇二三 → 2023
        value = value * 10 + _CN_DIGIT[c]
    return value


@attrs.frozen
class _Tables:
    """The compiled rules and the word tables (built once, see :func:`_tables`)."""

    rules: tuple[tuple[str, str, Any], ...]
    since: Any
    before: Any
    years: dict[str, int]
    months: dict[str, int]
    days: dict[str, tuple[int, str, str | None]]
    weeks: dict[str, int]
    weekdays: dict[str, int]
    year_suffixes: dict[str, int]
    quarters: dict[int, tuple[int, int]]
    halves: dict[str, tuple[int, int]]
    plans: dict[int, tuple[int, int]]


def _alternation(words: Any) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@functools.cache
def _tables() -> _Tables:
    words = load_yaml(_PKG, "data/words.yaml")
    spec = load_yaml(_PKG, "data/rules.yaml")
    frags: dict[str, str] = dict(spec["fragments"])
    frags.update(
        YREL=_alternation(w["word"] for w in words["relative_years"]),
        MREL=_alternation(w["word"] for w in words["relative_months"]),
        RELDAY=_alternation(w["word"] for w in words["relative_days"]),
        VAGUE=_alternation(words["vague"]),
        TODW=_alternation(words["times_of_day"]),
        MSUF=_alternation(words["month_suffixes"]),
        YSUF=_alternation(w["word"] for w in words["year_suffixes"]),
        WREL=_alternation(w["word"] for w in words["relative_weeks"]),
        WDAY=_alternation(str(k) for k in words["weekdays"]),
    )

    def expand(pattern: str, depth: int = 0) -> str:
        if depth > 10:
            raise ValueError(f"fragment nesting too deep in {pattern!r}")
        return _PLACEHOLDER.sub(lambda m: expand(frags[m.group(1)], depth + 1), pattern)

    rules = tuple((r["name"], r["kind"], regex.compile(expand(r["pattern"]))) for r in spec["rules"])
    return _Tables(
        rules=rules,
        since=regex.compile(expand(spec["suffixes"]["since"])),
        before=regex.compile(expand(spec["suffixes"]["before"])),
        years={w["word"]: int(w["offset"]) for w in words["relative_years"]},
        months={w["word"]: int(w["offset"]) for w in words["relative_months"]},
        days={w["word"]: (int(w["offset"]), w["anchor"], w.get("time_of_day")) for w in words["relative_days"]},
        weeks={w["word"]: int(w["offset"]) for w in words["relative_weeks"]},
        weekdays={str(k): int(v) for k, v in words["weekdays"].items()},
        year_suffixes={w["word"]: int(w["month"]) for w in words["year_suffixes"]},
        quarters={int(k): tuple(v) for k, v in words["quarters"].items()},
        halves={k: tuple(v) for k, v in words["halves"].items()},
        plans={int(k): tuple(v) for k, v in words["five_year_plans"].items()},
    )


@attrs.define
class _Raw:
    """A matched mention before its year is resolved (internal)."""

    start: int
    end: int
    rule: str
    kind: str  # point | range | relday | relweek | vague | plan
    grain: str | None = None
    y1: int | None = None  # year printed with the start
    y2: int | None = None  # year printed with the end of a range
    yoff: int | None = None  # relative year word (今年 0, 去年 -1)
    moff: int | None = None  # relative month word (本月 0, 上月 -1)
    m1: int | None = None
    d1: int | None = None
    m2: int | None = None
    d2: int | None = None
    tod: str | None = None
    rel_offset: int = 0  # days (relday) or weeks (relweek)
    rel_anchor: str = ""
    weekdays: tuple[int, int] | None = None  # relweek: ISO weekdays covered (5, 5) / (1, 7)
    plan_years: tuple[int, int] | None = None
    suffix: str | None = None  # since | before


def _days_in(y: int | None, m: int) -> int:
    return calendar.monthrange(2000 if y is None else y, m)[1]


def _valid_md(m: int | None, d: int | None) -> bool:
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None and not 1 <= d <= (31 if m is None else _days_in(None, m)):
        return False
    return True


def _year_prefix(gd: dict[str, Any], t: _Tables) -> tuple[int | None, int | None]:
    y = _num(gd.get("y") or gd.get("yc"))
    yoff = t.years[gd["yrel"]] if gd.get("yrel") else None
    return y, yoff


def _read_date(m: Any, rule: str, t: _Tables) -> _Raw | None:
    gd = m.groupdict()
    y, yoff = _year_prefix(gd, t)
    moff = t.months[gd["mrel"]] if gd.get("mrel") else None
    mo, d = _num(gd.get("m")), _num(gd.get("d"))
    if mo is None and gd.get("ysuf"):
        mo = t.year_suffixes[gd["ysuf"]]
        if y is None and yoff is None:
            yoff = 0  # 年底 on its own: the end of this year
    if not _valid_md(mo, d):
        return None
    grain = "day" if d is not None else "month" if (mo is not None or moff is not None) else "year"
    return _Raw(m.start(), m.end(), rule, "point", grain, y1=y, yoff=yoff, moff=moff,
                m1=mo, d1=d, m2=mo, d2=d, tod=gd.get("tod"))


def _read_range(m: Any, rule: str, t: _Tables) -> _Raw | None:
    gd = m.groupdict()
    y, yoff = _year_prefix(gd, t)
    y2 = _num(gd.get("y2") or gd.get("yc2"))
    m1, d1 = _num(gd.get("m")), _num(gd.get("d"))
    m2, d2 = _num(gd.get("m2")), _num(gd.get("d2"))
    if m2 is None:
        m2 = m1
    if not (_valid_md(m1, d1) and _valid_md(m2, d2)):
        return None
    start_key, end_key = (m1 or 0, d1 or 0), (m2 or 0, d2 or 0)
    if y2 is not None and y is not None:
        if (y2, end_key) <= (y, start_key):
            return None
    elif y2 is None and end_key <= start_key:
        # only a day range may cross the new year unprinted: 12月28日至1月3日
        if d1 is None or m1 is None or m1 == m2:
            return None
    grain = "day" if d1 is not None else "month"
    return _Raw(m.start(), m.end(), rule, "range", grain, y1=y, y2=y2, yoff=yoff,
                m1=m1, d1=d1, m2=m2, d2=d2)


def _read_year_range(m: Any, rule: str, t: _Tables) -> _Raw | None:
    y1, y2 = int(m.group("y")), int(m.group("y2"))
    if not y1 < y2 <= y1 + 100:
        return None
    return _Raw(m.start(), m.end(), rule, "range", "year", y1=y1, y2=y2)


def _months_raw(m: Any, rule: str, t: _Tables, months: tuple[int, int]) -> _Raw:
    y, yoff = _year_prefix(m.groupdict(), t)
    return _Raw(m.start(), m.end(), rule, "range", "month", y1=y, yoff=yoff, m1=months[0], m2=months[1])


def _read_quarter(m: Any, rule: str, t: _Tables) -> _Raw | None:
    q = _num(m.group("q"))
    if q not in t.quarters:
        return None
    months = (1, t.quarters[q][1]) if m.group("qpre") == "前" else t.quarters[q]
    raw = _months_raw(m, rule, t, months)
    if m.group("qsuf"):  # 一季度末 → March, 三季度初 → July: a month, not the quarter
        raw.kind = "point"
        raw.m1 = raw.m2 = months[1] if m.group("qsuf") == "末" else months[0]
    return raw


def _read_half(m: Any, rule: str, t: _Tables) -> _Raw | None:
    return _months_raw(m, rule, t, t.halves[m.group("h")])


def _read_first_months(m: Any, rule: str, t: _Tables) -> _Raw | None:
    n = _num(m.group("n"))
    if n is None or not 1 <= n <= 12:
        return None
    return _months_raw(m, rule, t, (1, n))


def _read_plan(m: Any, rule: str, t: _Tables) -> _Raw | None:
    gd = m.groupdict()
    n = _num(gd["plan"])
    suffix = gd.get("psuf")
    if rule != "five_year_plan_formal":
        quoted = bool(gd.get("oq")) and bool(gd.get("cq"))
        if n is None or n < 6 or not (suffix or (quoted and n >= 10)):
            return None
    if n is None or n < 1:
        return None
    years = t.plans.get(n) or (1966 + 5 * (n - 3), 1970 + 5 * (n - 3))
    raw = _Raw(m.start(), m.end(), rule, "plan", "year", plan_years=years)
    if suffix == "以来":
        raw.suffix = "since"
    return raw


def _read_relday(m: Any, rule: str, t: _Tables) -> _Raw | None:
    offset, anchor, own_tod = t.days[m.group("rd")]
    return _Raw(m.start(), m.end(), rule, "relday", "day", tod=m.groupdict().get("tod") or own_tod,
                rel_offset=offset, rel_anchor=anchor)


def _read_relweek(m: Any, rule: str, t: _Tables) -> _Raw | None:
    gd = m.groupdict()
    if gd.get("wd"):
        days = (t.weekdays[gd["wd"]],) * 2
    else:
        days = (6, 7) if gd.get("wend") else (1, 7)
    return _Raw(m.start(), m.end(), rule, "relweek", "day", tod=gd.get("tod"),
                rel_offset=t.weeks[gd["wrel"]], weekdays=days)


def _read_vague(m: Any, rule: str, t: _Tables) -> _Raw | None:
    return _Raw(m.start(), m.end(), rule, "vague", None)


_READERS: dict[str, Callable[[Any, str, _Tables], _Raw | None]] = {
    "date": _read_date,
    "range": _read_range,
    "year_range": _read_year_range,
    "quarter": _read_quarter,
    "half": _read_half,
    "first_months": _read_first_months,
    "plan": _read_plan,
    "relday": _read_relday,
    "relweek": _read_relweek,
    "vague": _read_vague,
}


def _candidates(view: str, t: _Tables) -> list[_Raw]:
    """Every rule match, read and validated, leftmost-longest non-overlapping."""
    found: list[tuple[int, int, int, _Raw]] = []
    for order, (name, kind, pattern) in enumerate(t.rules):
        reader = _READERS[kind]
        for m in pattern.finditer(view, overlapped=True):
            if m.end() == m.start():
                continue
            raw = reader(m, name, t)
            if raw is None:
                continue
            if raw.kind in ("point", "range") and raw.suffix is None:
                s = t.since.match(view, raw.end)
                if s:
                    raw.suffix, raw.end = "since", s.end()
                elif raw.kind == "point":
                    b = t.before.match(view, raw.end)
                    if b:
                        raw.suffix, raw.end = "before", b.end()
            found.append((raw.start, -raw.end, order, raw))
    found.sort(key=lambda x: x[:3])
    chosen: list[_Raw] = []
    last_end = -1
    for start, _neg_end, _order, raw in found:
        if start >= last_end:
            chosen.append(raw)
            last_end = raw.end
    return chosen


# ----------------------------------------------------------------------------- resolution


def _fmt(y: int | None, m: int | None, d: int | None) -> str | None:
    """Partial ISO 8601: 2023-05-14, --05-14, ---14, 2023-05, --05, 2023."""
    if m is None and d is None:
        return None if y is None else f"{y:04d}"
    if m is None:
        return f"---{d:02d}" if y is None else None
    if d is not None and d > _days_in(y, m):
        return None  # 2023-02-29
    head = "-" if y is None else f"{y:04d}"
    return f"{head}-{m:02d}" + ("" if d is None else f"-{d:02d}")


def _nearest_year(ref: dt.date, m: int, d: int | None) -> int:
    """Reference year or the one before, whichever puts (m, d or month end) nearer to ref."""
    best: tuple[int, int] | None = None
    for y in (ref.year, ref.year - 1):
        day = min(d or _days_in(y, m), _days_in(y, m))
        dist = abs((dt.date(y, m, day) - ref).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    assert best is not None
    return best[1]


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


@attrs.define
class _Context:
    ref_grain: str = "day"  # precision of the reference date: day, month (2017-10) or year
    year: int | None = None  # last year printed with a month (no-reference carry-over)
    day: tuple[int | None, int, int] | None = None  # last day-precise date (y, m, d)


def _resolve(raw: _Raw, ref: dt.date | None, ctx: _Context) -> tuple[str | None, DateInterval | None, bool]:
    """(iso, interval, relative) of one mention; updates ``ctx``."""
    if raw.kind == "vague":
        return None, None, True
    if raw.kind == "relday":
        return _resolve_relday(raw, ref, ctx), None, True
    if raw.kind == "relweek":
        return _resolve_relweek(raw, ref, ctx)
    if raw.kind == "plan":
        a, b = raw.plan_years  # type: ignore[misc]
        return _wrap(f"{a:04d}", f"{b:04d}", False, raw.suffix)
    relative = raw.yoff is not None or raw.moff is not None

    ok = True
    if raw.moff is not None:  # 本月14日, 上月
        if ref is None or ctx.ref_grain == "year":
            return _unresolved(raw, relative)
        ys, ms = _shift_month(ref.year, ref.month, raw.moff)
        ye, me = ys, ms
    elif raw.m1 is None and raw.d1 is not None:  # 15日, 24日至25日
        ys, ms = _bare_day_month(raw, ref, ctx)
        ye, me = ys, ms
    else:
        ms, me = raw.m1, raw.m2
        stated: int | None = raw.y1
        if stated is None and raw.yoff is not None:
            if ref is not None:
                stated = ref.year + raw.yoff
            elif raw.yoff != 0:
                ok = False
        wraps = raw.kind == "range" and raw.y2 is None and (raw.m2 or 0, raw.d2 or 0) < (raw.m1 or 0, raw.d1 or 0)
        if stated is not None or raw.yoff is not None:
            ys = stated
            ye = raw.y2 if raw.y2 is not None else (ys + 1 if wraps and ys is not None else ys)
        else:
            if raw.y2 is not None:
                ye = raw.y2
            elif ref is not None and ms is not None and raw.suffix == "since":
                # 5月以来 / 四季度以来: the period has started by the time of writing
                ye = ref.year if dt.date(ref.year, ms, min(raw.d1 or 1, _days_in(ref.year, ms))) <= ref else ref.year - 1
                ye = ye + 1 if wraps else ye
            elif ref is not None and me is not None:
                ye = _nearest_year(ref, me, raw.d2)
            else:
                ye = ctx.year
            ys = ye - 1 if wraps and ye is not None else ye
        if not ok:
            return _unresolved(raw, relative)
        if raw.y1 is not None and ms is not None:
            ctx.year = ye
        elif raw.y2 is not None:
            ctx.year = raw.y2
    if raw.grain == "day" and me is not None and raw.d2 is not None:
        ctx.day = (ye, me, raw.d2)
    start_iso = _fmt(ys, ms, raw.d1)
    end_iso = _fmt(ye, me, raw.d2)
    if raw.kind == "range":
        return _wrap(start_iso, end_iso, relative, raw.suffix)
    if raw.suffix:
        return _wrap(start_iso, end_iso, relative, raw.suffix)
    return start_iso, None, relative


def _unresolved(raw: _Raw, relative: bool) -> tuple[str | None, DateInterval | None, bool]:
    interval = DateInterval() if (raw.kind == "range" or raw.suffix) else None
    return None, interval, relative


def _wrap(start: str | None, end: str | None, relative: bool,
          suffix: str | None) -> tuple[str | None, DateInterval | None, bool]:
    if suffix == "since":
        end = None
    elif suffix == "before":
        start = None
    if start is None and end is None:
        return None, DateInterval(), relative
    return f"{start or '..'}/{end or '..'}", DateInterval(start=start, end=end), relative


def _bare_day_month(raw: _Raw, ref: dt.date | None, ctx: _Context) -> tuple[int | None, int | None]:
    if ctx.day is not None:
        return ctx.day[0], ctx.day[1]
    if ref is None or ctx.ref_grain == "year":
        return None, None
    if ctx.ref_grain == "month":
        return ref.year, ref.month
    best: tuple[int, int, int] | None = None
    day = raw.d2 or raw.d1 or 1
    for y, m in ((ref.year, ref.month), _shift_month(ref.year, ref.month, -1)):
        if day > _days_in(y, m):
            continue
        dist = abs((dt.date(y, m, day) - ref).days)
        if best is None or dist < best[0]:
            best = (dist, y, m)
    return (best[1], best[2]) if best else (None, None)


def _resolve_relday(raw: _Raw, ref: dt.date | None, ctx: _Context) -> str | None:
    if raw.rel_anchor == "reference":
        if ref is None or ctx.ref_grain != "day":  # 昨日 with a reference known to the month only
            return None
        day = ref + dt.timedelta(days=raw.rel_offset)
        ctx.day = (day.year, day.month, day.day)
        return _fmt(day.year, day.month, day.day)
    if ctx.day is None:
        return None
    y, m, d = ctx.day
    if d > _days_in(y, m):
        return None
    day = dt.date(2000 if y is None else y, m, d) + dt.timedelta(days=raw.rel_offset)
    if y is None and day.year != 2000:  # crossed the new year with the year unknown
        ctx.day = None
        return None
    ctx.day = (None if y is None else day.year, day.month, day.day)
    return _fmt(ctx.day[0], day.month, day.day)


_PARTIAL_REF = regex.compile(r"([0-9]{4})(?:-([0-9]{2}))?")


def _resolve_relweek(raw: _Raw, ref: dt.date | None,
                     ctx: _Context) -> tuple[str | None, DateInterval | None, bool]:
    """上周五 → that day; 上周 / 上周末 → the days as an interval (weeks start on Monday)."""
    a, b = raw.weekdays  # type: ignore[misc]
    if ref is None or ctx.ref_grain != "day":
        return None, (DateInterval() if a != b else None), True
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=raw.rel_offset)
    first, last = monday + dt.timedelta(days=a - 1), monday + dt.timedelta(days=b - 1)
    if a == b:
        ctx.day = (first.year, first.month, first.day)
        return first.isoformat(), None, True
    return _wrap(first.isoformat(), last.isoformat(), True, None)


def _as_date(reference_date: Any) -> tuple[dt.date | None, str]:
    """(date, precision); a partial "2017-10" / "2017" stands for the last day of that period."""
    if reference_date is None:
        return None, "day"
    if isinstance(reference_date, dt.datetime):
        return reference_date.date(), "day"
    if isinstance(reference_date, dt.date):
        return reference_date, "day"
    if isinstance(reference_date, str):
        s = reference_date.strip()
        try:
            return dt.date.fromisoformat(s), "day"
        except ValueError:
            pass
        m = _PARTIAL_REF.fullmatch(s)
        if m:
            y, mo = int(m.group(1)), m.group(2)
            if mo is None:
                return dt.date(y, 12, 31), "year"
            if 1 <= int(mo) <= 12:
                return dt.date(y, int(mo), _days_in(y, int(mo))), "month"
    raise ReferenceDateError(reference_date)


def parse_dates(text: str, reference_date: dt.date | str | None = None) -> list[DateValue]:
    """Find and normalise the date mentions of ``text``, in text order.

    text (str): article text (any string; never raises on odd input).
    reference_date (datetime.date | str | None): publication date, used for 5月14日 (year),
        昨天, 去年, 本月. An ISO string is accepted too, also a partial one ("2017-10",
        "2017": a publication known to the month or year only; then 昨天 stays None).
    RETURNS (list[DateValue]): non-overlapping mentions, ``text[start:end] == value.text``.

    >>> [(d.text, d.iso, d.time_of_day) for d in parse_dates("5月15日晚,我区召开部署会。", "2023-05-16")]
    [('5月15日晚', '2023-05-15', '晚')]
    >>> [d.iso for d in parse_dates("2017年5月17日考察。12月1日检查。")]
    ['2017-05-17', '2017-12-01']
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_dates() takes str, got {type(text).__name__}")
    ref, ref_grain = _as_date(reference_date)
    if not text:
        return []
    t = _tables()
    view = _view(text)
    ctx = _Context(ref_grain=ref_grain)
    out: list[DateValue] = []
    for raw in _candidates(view, t):
        try:
            iso, interval, relative = _resolve(raw, ref, ctx)
        except (ValueError, OverflowError):  # date arithmetic past year 1 or 9999
            iso, interval, relative = None, None, True
        if interval is not None and raw.suffix is None and raw.kind not in ("range", "plan", "relweek"):
            interval = None
        grain = None if raw.kind == "vague" else raw.grain
        rule = raw.rule + (f"+{raw.suffix}" if raw.suffix and raw.kind != "plan" else "")
        out.append(DateValue(
            text=text[raw.start:raw.end], start=raw.start, end=raw.end, iso=iso, grain=grain,
            time_of_day=raw.tod, relative=relative, interval=interval, rule=rule,
        ))
    return out
