"""Find every numeric expression in running text: value, unit, multiplier, qualifier, range.

One left-to-right scan: a compiled regex finds the next number core (Arabic or Chinese
numerals); a bounded look-around then reads the prefix qualifier, multiplier (万 亿 千万),
infix qualifier (余 多 几), range (10—15, 两三), unit (longest match from ``data/units.tsv``)
and suffix qualifier (以上 左右). The scan is linear in the text length.

Not quantities: dates (``2019年``, ``6月3日``, ``1—7月``), ordinals (``第二``, ``第三次会议``)
except rankings after a ranking verb (``居全省第3位``, rule ``ranking``, see ``data/rankings.yaml``),
Chinese numerals with no unit (``统一``, ``十九大``) and numerals inside fixed expressions
(``data/idioms.txt``). Arabic numbers with no unit are reported with ``unit=None`` (rule ``bare``).
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any

import attrs
import regex

from newsextract._data import load_tsv, load_yaml
from newsextract.numbers.parse import BIG_UNITS, DIGITS, SMALL_UNITS, TEXT_DIGITS, parse_decimal, to_number
from newsextract.spans import offset_field

PKG = "newsextract.numbers"
_MAX_DIGITS = 24  # longer digit runs are codes or noise, not amounts (and big Decimals are slow)


@attrs.frozen(kw_only=True)
class Quantity:
    """A number with its unit as printed in the text.

    text (str): ``source[start:end]``: qualifier, number, multiplier and unit as printed ("超过860亿元").
    start (int): offset of the first character.
    end (int): offset one past the last character.
    value (int | float): the number with its multiplier applied (50亿元 -> 5000000000); the low end of a range.
    unit (str | None): the unit or measure word without the multiplier ("元", "%", "个百分点"); None when bare.
    unit_kind (str | None): the unit's kind from ``units.tsv`` (count, money, percent, time...);
        ``rank`` for a ranking (第3位).
    multiplier (str | None): 万/亿/千万... as printed when it scales the number, else None.
    qualifier (str | None): approximation/bound word as printed (余 多 以上 近 约 超过...), else None.
    low (int | float | None): low end for ranges (两三个 -> 2, 十几家 -> 11), else None.
    high (int | float | None): high end for ranges, else None.
    rule (str): the pattern that produced it (arabic, chinese, range, fraction, percent_words, bare...).
    """

    text: str = attrs.field()
    start: int = offset_field()
    end: int = offset_field()
    value: int | float = attrs.field()
    unit: str | None = None
    unit_kind: str | None = None
    multiplier: str | None = None
    qualifier: str | None = None
    low: int | float | None = None
    high: int | float | None = None
    rule: str = "arabic"


# ---------------------------------------------------------------- data (loaded once)


@attrs.frozen
class _Unit:
    word: str
    kind: str
    not_followed_by: str


@functools.cache
def _units() -> dict[str, list[_Unit]]:
    """Units keyed by first character, longest first."""
    by_first: dict[str, list[_Unit]] = {}
    for row in load_tsv(PKG, "data/units.tsv"):
        word, kind, nf = row[0], row[1], row[2] if len(row) > 2 else "-"
        by_first.setdefault(word[0], []).append(_Unit(word, kind, "" if nf == "-" else nf))
    for lst in by_first.values():
        lst.sort(key=lambda u: -len(u.word))
    return by_first


@functools.cache
def _qualifiers() -> dict[str, Any]:
    data = load_yaml(PKG, "data/qualifiers.yaml")
    out: dict[str, Any] = {}
    for pos in ("prefix", "infix", "suffix"):
        out[pos] = sorted(data[pos], key=lambda q: -len(q["word"]))
    # lookup tables: prefix words by their last character, the others by their first
    out["prefix_by_last"] = {}
    for q in out["prefix"]:
        out["prefix_by_last"].setdefault(q["word"][-1], []).append(q)
    for pos in ("infix", "suffix"):
        out[f"{pos}_by_first"] = {}
        for q in out[pos]:
            out[f"{pos}_by_first"].setdefault(q["word"][0], []).append(q)
    return out


@functools.cache
def qualifier_bounds() -> dict[str, str]:
    """Every qualifier word -> its bound (approx, at_least, more_than, at_most, less_than)."""
    out: dict[str, str] = {}
    for pos in ("prefix", "infix", "suffix"):
        for q in _qualifiers()[pos]:
            out.setdefault(q["word"], q["bound"])
    return out


@functools.cache
def _rankings() -> dict[str, Any]:
    """The compiled ranking rule of ``data/rankings.yaml``."""
    data = load_yaml(PKG, "data/rankings.yaml")
    verbs = ranking_verbs()
    gap = int(data["max_gap"])
    return {
        "units": tuple(sorted(data["units"], key=len, reverse=True)),
        # the verb, then at most `gap` characters of the same clause, then 第
        "verb_re": regex.compile(rf"(?:{'|'.join(map(regex.escape, verbs))})[^，。；！？,;!?：:\n]{{0,{gap}}}$"),
        "reach": gap + max(map(len, verbs)),
        "not_followed_by": regex.compile(data["not_followed_by"]),
    }


@functools.cache
def ranking_verbs() -> tuple[str, ...]:
    """The ranking verbs of ``data/rankings.yaml`` (居, 位列, 排名...), longest first.

    RETURNS (tuple[str, ...]): the verbs.
    """
    data = load_yaml(PKG, "data/rankings.yaml")
    return tuple(sorted(set(data["verbs"]), key=len, reverse=True))


@functools.cache
def _idiom_re() -> Any:
    words = [w.split("#")[0].strip() for w in _read_lines("data/idioms.txt")]
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(w) for w in words)) if words else None


def _read_lines(name: str) -> list[str]:
    from importlib import resources

    return resources.files(PKG).joinpath(name).read_text(encoding="utf-8").splitlines()


_CN_RUN = f"[{TEXT_DIGITS}十拾百佰千仟万萬亿億]"


@functools.cache
def _core_re() -> Any:
    # an Arabic number (possessive: never backtracks into 25G -> 2), or a run of Chinese numerals
    arabic = r"(?<![A-Za-z0-9０-９.．_])[0-9０-９]++(?:,[0-9]{3}(?![0-9]))*+(?:[.．][0-9０-９]++)?+(?![A-Za-z_])"
    chinese = rf"{_CN_RUN}++(?:点[{TEXT_DIGITS}]++)?+"
    return regex.compile(rf"(?P<neg>(?<![0-9A-Za-z])[负\-−－](?=[0-9０-９]))?(?:(?P<ar>{arabic})|(?P<cn>{chinese}))")


# _core_re's groups by number: the regex module looks group names up slowly (~1 µs each)
_NEG, _AR, _CN = 1, 2, 3


_RANGE_JOINERS = frozenset("—-–~～至到－")  # one character each: a range joiner is text[p]
_DATE_AFTER = "月日号"


# ---------------------------------------------------------------- scanning helpers


def _unit_at(text: str, p: int, cn: bool, tenth_ok: bool | None = None) -> _Unit | None:
    """The unit printed at ``p``. tenth_ok: 成 may be the tenths unit (default: after Chinese
    numerals only; the caller allows a whole Arabic 1–10 as well: 接近3成)."""
    if p >= len(text):
        return None
    if tenth_ok is None:
        tenth_ok = cn
    for u in _units().get(text[p], ()):
        end = p + len(u.word)
        if text.startswith(u.word, p):
            if u.not_followed_by and end < len(text) and text[end] in u.not_followed_by:
                continue
            if u.kind == "tenth" and not tenth_ok:
                continue
            if u.kind == "score" and cn:
                continue  # 十分重要, 三分之一: 分 is a score only after Arabic digits (91.5分)
            return u
    return None


def _joiner_at(text: str, p: int) -> bool:
    """A range joiner (—, 至, ~...) is printed at ``p``."""
    return p < len(text) and text[p] in _RANGE_JOINERS


def _starts_unit(text: str, p: int) -> bool:
    """A multiplier-looking character that begins a unit (千瓦, 千克, 千米, 百分点)."""
    return any(text.startswith(u.word, p) and len(u.word) > 1 for u in _units().get(text[p], ()))


_ROUND = frozenset({"百", "千", "万", "百万", "千万", "亿"})
_VAGUE_BEFORE = "数几"  # 数十, 几百: several tens, hundreds
_VAGUE_ROUND = frozenset({"十", "百", "千", "万", "十万", "百万", "千万", "亿", "十亿"})


def _round_number_at(text: str, s: int) -> bool:
    """A digitless round numeral (百, 千, 万...) followed by a unit starts at ``s``."""
    for k in (2, 1):
        if text[s : s + k] in _ROUND and _unit_at(text, s + k, True) is not None:
            return True
    return False


def _round_is_number(text: str, s: int, e: int) -> bool:
    """The digitless round numeral ``text[s:e]`` is a number: 逾万人, 近千家, 万余人, 千多名."""
    if e < len(text) and text[e] in "余多" and _unit_at(text, e + 1, True) is not None:
        return True
    return _prefix_qualifier(text, s, round_only=True)[0] is not None


def _prefix_qualifier(text: str, s: int, round_only: bool = False) -> tuple[str | None, int]:
    """The approximation word printed right before ``s`` (近, 超过...), and where it starts.

    round_only (bool): the number is a digitless round numeral (近百家); words marked
        ``round_only`` in the data (上千人) are accepted only then.
    """
    if s == 0:
        return None, s
    candidates = _qualifiers()["prefix_by_last"].get(text[s - 1], ())
    if not candidates:
        return None, s
    round_only = round_only or _round_number_at(text, s)
    for q in candidates:
        if q.get("round_only") and not round_only:
            continue
        w = q["word"]
        b = s - len(w)
        if b >= 0 and text.startswith(w, b):
            guard = q.get("not_after") or ""
            if guard and b > 0 and text[b - 1] in guard:
                continue
            return q.get("reported") or w, b  # 约为3万人: the text starts at 约, the qualifier is 约
    return None, s


def _infix(text: str, p: int) -> str | None:
    if p >= len(text):
        return None
    for q in _qualifiers()["infix_by_first"].get(text[p], ()):
        if text.startswith(q["word"], p):
            return q["word"]
    return None


def _suffix(text: str, p: int, kind: str | None) -> str | None:
    if p >= len(text):
        return None
    for q in _qualifiers()["suffix_by_first"].get(text[p], ()):
        only = q.get("only_kinds")
        if only and kind not in only:
            continue
        if text.startswith(q["word"], p):
            return q["word"]
    return None


def _multiplier(text: str, p: int) -> tuple[str, Decimal]:
    """Read 十/百/千/万/亿 scaling an Arabic number at p (stops before a unit like 千瓦)."""
    j = p
    while j < len(text) and j - p < 4 and (text[j] in SMALL_UNITS or text[j] in BIG_UNITS):
        if _starts_unit(text, j):
            break
        j += 1
    word = text[p:j]
    # keep only a well-formed multiplier (千万, 万亿, 百万, 亿, 万, 千...)
    while word:
        mult = parse_decimal("1" + word)
        if mult is not None:
            return word, mult
        word = word[:-1]
    return "", Decimal(1)


_RANGE_DIGITS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_RANGE_SECOND = "一两三四五六七八九"  # the second digit of a range (两三, 三五); 二 never is


def _adjacent_range(run: str) -> tuple[str, str] | None:
    """两三 / 一两 / 三五 / 十二三 / 二三十: two neighbouring digits give a range."""
    vals = _RANGE_DIGITS
    for i in range(len(run) - 1):
        a, b = run[i], run[i + 1]
        if a in vals and b in vals and b in _RANGE_SECOND and 1 <= vals[b] - vals[a] <= 2:
            return run[: i + 1] + run[i + 2 :], run[:i] + run[i + 1 :]
    return None


def _cn_trailing_multiplier(run: str) -> str | None:
    j = len(run)
    while j > 0 and run[j - 1] in BIG_UNITS:
        j -= 1
    return run[j:] if 0 < j < len(run) else None


# ---------------------------------------------------------------- main scan


def find_quantities(text: str) -> list[Quantity]:
    """Every numeric expression in ``text``, left to right, with offsets into ``text``.

    text (str): running text (any string; never raises).
    RETURNS (list[Quantity]): non-overlapping quantities, ``text[q.start:q.end] == q.text``.
    """
    if not isinstance(text, str) or not text:
        return []
    core = _core_re()
    idioms = _idiom_re()
    blocked: list[tuple[int, int]] = [m.span() for m in idioms.finditer(text)] if idioms else []
    out: list[Quantity] = []
    pos = 0
    n = len(text)
    bi = 0
    while pos < n:
        m = core.search(text, pos)
        if m is None:
            break
        q = _read(text, m)
        if q is None:
            pos = m.end()
            continue
        while bi < len(blocked) and blocked[bi][1] <= q.start:
            bi += 1
        if bi < len(blocked) and blocked[bi][0] < q.end:
            pos = max(m.end(), blocked[bi][1])
            continue
        out.append(q)
        pos = max(q.end, m.end())
    return out


def _ranking(text: str, s: int, core_end: int, cn: bool) -> Quantity | None:
    """第N位 / 第N名 after a ranking verb (居全省第3位): a rank; any other ordinal is None.

    s (int): where the numeral starts (text[s - 1] is 第).
    core_end (int): where the numeral ends.
    cn (bool): the numeral is Chinese (第二位).
    RETURNS (Quantity | None): the rank, its text from 第 to the unit.
    """
    R = _rankings()
    unit = next((u for u in R["units"] if text.startswith(u, core_end)), None)
    if unit is None:
        return None
    end = core_end + len(unit)
    if R["not_followed_by"].match(text, end):
        return None  # 第一名志愿者: the ordinal of a thing
    if R["verb_re"].search(text, max(0, s - 1 - R["reach"]), s - 1) is None:
        return None  # 第三名 with no ranking verb: an ordinal, not a rank
    value = parse_decimal(text[s:core_end])
    if value is None or value <= 0 or value != int(value):
        return None
    return Quantity(text=text[s - 1 : end], start=s - 1, end=end, value=to_number(value), unit=unit,
                    unit_kind="rank", rule="ranking")


def _read(text: str, m: Any) -> Quantity | None:  # noqa: C901 - one readable state machine
    n = len(text)
    neg_text, _, cn_text = m.groups()  # (neg, ar, cn)
    cn = cn_text is not None
    s = m.start(_CN) if cn else m.start(_AR)
    core_end = m.end()
    neg = neg_text is not None
    if s > 0 and text[s - 1] == "第":
        return None if neg else _ranking(text, s, core_end, cn)  # an ordinal: a rank or nothing
    if core_end - s > _MAX_DIGITS:
        return None
    rule = "chinese" if cn else "arabic"
    low = high = None
    infix: str | None = None
    mult_word: str | None = None

    if cn:
        run = text[s:core_end]
        # 三千瓦 / 百万千瓦: a trailing 千/百 that begins a unit belongs to the unit
        while len(run) > 1 and run[-1] in "千百" and _starts_unit(text, s + len(run) - 1):
            run = run[:-1]
        core_end = s + len(run)
        if s > 0 and text[s - 1] in _VAGUE_BEFORE and run in _VAGUE_ROUND:
            return None  # 数十个, 几百人: "several tens/hundreds" has no value
        if "点" not in run and run[0] in BIG_UNITS and not (run in _ROUND and _round_is_number(text, s, core_end)):
            return None  # 万一, 亿万: not a number (but 逾万人, 万余人 are)
    p = core_end

    # fraction / percent words: 四分之三, 百分之十八, 千分之七
    if text.startswith("分之", p):
        m2 = _core_re().match(text, p + 2)
        if m2 is None or m2.group(_NEG):
            return None
        den_s = text[s:p]
        num_end = m2.end()
        value = parse_decimal(text[s:num_end])
        if value is None:
            return None
        if den_s in ("百", "千", "万"):
            unit = {"百": "%", "千": "‰", "万": "‱"}[den_s]
            kind = "percent" if den_s == "百" else "permille"
            rule = "percent_words"
        else:
            unit, kind, rule = None, "fraction", "fraction"
        suffix = _suffix(text, num_end, kind)
        end = num_end + (len(suffix) if suffix else 0)
        qual, qs = _prefix_qualifier(text, s)
        return Quantity(
            text=text[qs:end], start=qs, end=end, value=to_number(-value if neg else value),
            unit=unit, unit_kind=kind, qualifier=suffix or qual, rule=rule,
        )

    if cn:
        run = text[s:core_end]
        has_digit = not DIGITS.keys().isdisjoint(run)
        rng = _adjacent_range(run) if "点" not in run else None
        if rng:
            lo, hi = parse_decimal(rng[0]), parse_decimal(rng[1])
            if lo is None or hi is None:
                return None
            value, low, high, rule = lo, to_number(lo), to_number(hi), "chinese_range"
        else:
            value = parse_decimal(run)
            if value is None:
                return None
        mult_word = _cn_trailing_multiplier(run)
        inf = _infix(text, p)
        if inf:
            infix, p = inf, p + len(inf)
            if inf == "几" and run.endswith("十") and low is None:
                low, high = to_number(value + 1), to_number(value + 9)
            if p < n and text[p] in BIG_UNITS:  # 十余万人
                value *= BIG_UNITS[text[p]]
                mult_word, p = text[p], p + 1
        if not has_digit and not run.startswith("十"):
            # 百年 千年 万家: without a digit only 十…, money amounts like 千亿元 and round
            # numbers after an approximation word (近百家, 逾万人, 上千人) are numbers
            u = _unit_at(text, p, cn)
            round_ok = u is not None and run in _ROUND and (infix in ("余", "多") or _prefix_qualifier(text, s, round_only=True)[0] is not None)
            if not (u and u.kind == "money" and any(c in BIG_UNITS for c in run)) and not round_ok:
                return None
    else:
        core_text = text[s:core_end]
        value = Decimal(core_text) if core_text.isascii() and "," not in core_text else parse_decimal(core_text)
        if value is None:
            return None
        inf = _infix(text, p)
        if inf and inf in "余多" and p + 1 < n and (text[p + 1] in BIG_UNITS or text[p + 1] in SMALL_UNITS):
            infix, p = inf, p + 1  # 20余万人
        mw, mult = _multiplier(text, p)
        if mw:
            value *= mult
            mult_word, p = mw, p + len(mw)
        if infix is None:
            inf = _infix(text, p)
            if inf and inf in "余多":
                infix, p = inf, p + len(inf)
        # range: 10—15个, 3至5年, 1.5-2万元
        if infix is None and _joiner_at(text, p):
            m2 = _core_re().match(text, p + 1)
            if m2 is not None and m2.group(_AR) and not m2.group(_NEG):
                hi = parse_decimal(m2.group(_AR))
                p2 = m2.end()
                mw2, mult2 = _multiplier(text, p2)
                if hi is not None:
                    if mw2:
                        hi *= mult2
                        if not mw:  # 3至5万元: the multiplier scales both ends
                            value *= mult2
                            mult_word = mw2
                        p2 += len(mw2)
                    elif mw:
                        hi *= parse_decimal("1" + mw) or 1
                    low, high, rule, p = to_number(value), to_number(hi), "range", p2

    # dates are not quantities: 5月, 14日, 1—10月, 2022年, 二〇二二年
    if p < n and text[p] in _DATE_AFTER and not infix:
        return None
    if p < n and text[p] == "年" and not infix:
        digits = text[s:core_end]
        if (not cn and "." not in digits and not mult_word and len(digits) == 4) or (
            cn and len(digits) == 4 and all(c in DIGITS for c in digits)
        ):
            return None

    whole_tenths = not cn and "." not in text[s:core_end] and value == value.to_integral_value() and 1 <= value <= 10
    unit = _unit_at(text, p, cn, tenth_ok=cn or whole_tenths)
    if unit is None:
        if cn:
            return None  # Chinese numerals need a unit (统一, 二十大, 十三五)
        qual, qs = _prefix_qualifier(text, s if not neg else m.start(_NEG))
        start = qs if qual else (m.start(_NEG) if neg else s)
        val = -value if neg else value
        return Quantity(
            text=text[start:p], start=start, end=p, value=to_number(val), multiplier=mult_word or None,
            qualifier=qual or infix, low=low, high=high, rule="bare" if rule == "arabic" else rule,
        )
    p += len(unit.word)
    if unit.word == "年" and p < n and text[p] == "度":
        return None  # 2020年度
    unit_word = "%" if unit.word == "％" else unit.word
    if p + 1 < n and text[p] in "/／" and unit.kind not in ("percent", "permille", "percentage_point"):
        per = _unit_at(text, p + 1, cn)  # rates: 15公斤/亩, 3000元/吨
        if per is not None and per.kind not in ("percent", "permille"):
            unit_word = f"{unit_word}/{per.word}"
            p += 1 + len(per.word)
    if low is None and not cn and not neg:
        # a range printed with the unit at both ends: 3%—9%, 8%至10%, 2万元至3万元
        m2 = _core_re().match(text, p + 1) if _joiner_at(text, p) else None
        if m2 is not None and m2.group(_AR) and not m2.group(_NEG):
            p2 = m2.end()
            mw2, mult2 = _multiplier(text, p2)
            if (mw2 or None) == (mult_word or None) and text.startswith(unit.word, p2 + len(mw2)):
                hi = parse_decimal(m2.group(_AR))
                if hi is not None:
                    low, high, rule = to_number(value), to_number(hi * mult2), "range"
                    p = p2 + len(mw2) + len(unit.word)
    suffix = _suffix(text, p, unit.kind)
    end = p + (len(suffix) if suffix else 0)
    start = m.start(_NEG) if neg else s
    qual, qs = _prefix_qualifier(text, start)
    if qual:
        start = qs
    val = -value if neg else value
    if low is not None and neg:
        low = to_number(-Decimal(str(low)))
    return Quantity(
        text=text[start:end], start=start, end=end, value=to_number(val), unit=unit_word, unit_kind=unit.kind,
        multiplier=mult_word or None, qualifier=qual or infix or suffix, low=low, high=high, rule=rule,
    )
