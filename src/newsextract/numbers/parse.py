"""Exact parsing of one Chinese or Arabic numeric expression.

All arithmetic is done with :class:`decimal.Decimal`, so ``1.57`` stays 1.57 and
``2816.35万`` is exactly 28163500. Results are ``int`` when integral, else ``float``.
"""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation

# Chinese digits (lower case, financial upper case, and the circle zero)
DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "洞": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "两": 2, "俩": 2,
    "三": 3, "叁": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
# characters accepted as digits inside running text (洞/幺/俩 only in parse_number)
TEXT_DIGITS = "零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
NUMERAL_CHARS = TEXT_DIGITS + "十拾百佰千仟万萬亿億"

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－％", "0123456789.,-%")
_NEGATIVE = ("负", "-", "−", "－", "–")


def to_number(value: Decimal) -> int | float:
    """``int`` when ``value`` is integral, else the nearest ``float`` of the exact decimal."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _arabic(s: str) -> Decimal | None:
    s = s.replace(",", "")
    if not s or s.count(".") > 1 or s.startswith(".") or s.endswith("."):
        return None
    if not all(c.isascii() and (c.isdigit() or c == ".") for c in s):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:  # pragma: no cover - guarded above
        return None


def _digit_sequence(s: str) -> Decimal | None:
    """二〇二三 -> 2023 (digits read one by one)."""
    if not s or any(c not in DIGITS for c in s):
        return None
    return Decimal("".join(str(DIGITS[c]) for c in s))


def _tokens(s: str) -> list[tuple[str, Decimal | int]] | None:
    """Split into ('d', value) digits/Arabic numbers, ('s', 10..1000) and ('b', 1e4/1e8) units, ('z', 0)."""
    out: list[tuple[str, Decimal | int]] = []
    i = 0
    while i < len(s):
        c = s[i]
        if c.isascii() and (c.isdigit() or c == "."):
            j = i
            while j < len(s) and s[j].isascii() and (s[j].isdigit() or s[j] in ".,"):
                j += 1
            v = _arabic(s[i:j])
            if v is None:
                return None
            out.append(("d", v))
            i = j
            continue
        if c in DIGITS:
            out.append(("z", 0) if DIGITS[c] == 0 else ("d", Decimal(DIGITS[c])))
        elif c in SMALL_UNITS:
            out.append(("s", SMALL_UNITS[c]))
        elif c in BIG_UNITS:
            out.append(("b", BIG_UNITS[c]))
        else:
            return None
        i += 1
    return out


def _integer(s: str) -> Decimal | None:
    """Value of a numeral without a decimal point: 三百四十七, 三千零八, 1.5万, 3千万, 12万亿."""
    toks = _tokens(s)
    if not toks:
        return None
    kinds = "".join(k for k, _ in toks)
    if "s" not in kinds and "b" not in kinds:
        # bare digits: one Chinese digit, an Arabic number, or a digit sequence like 二〇二三
        if len(toks) == 1:
            return toks[0][1] if toks[0][0] == "d" else Decimal(0)
        if all(c in DIGITS for c in s) and (len(s) >= 3 or any(DIGITS[c] == 0 for c in s)):
            return _digit_sequence(s)
        return None
    total = Decimal(0)  # finished 亿 blocks
    wan = Decimal(0)  # finished 万 block below the current 亿
    section = Decimal(0)  # below 万
    num: Decimal | None = None
    last_small = 10_000  # small units must decrease inside a section
    last_unit: int | None = None  # unit right before the pending digit (for 一万五 = 15000)
    prev = ""
    for kind, value in toks:
        if kind == "d":
            if prev == "d":
                return None  # two digits in a row inside a positional numeral (十三五)
            num = Decimal(value)
            last_unit = last_unit if prev in ("s", "b") else None
        elif kind == "z":
            num, last_unit = None, None
        elif kind == "s":
            if value >= last_small:
                return None
            if num is None and prev not in ("", "z", "b"):
                return None
            section += (num if num is not None else Decimal(1)) * value
            num, last_small, last_unit = None, value, value
        else:  # 万 / 亿
            block = section + (num or 0)
            if prev == "b" and block == 0:
                # 万亿: multiply what is already there
                if value == 100_000_000:
                    total = (total + wan) * value
                    wan = Decimal(0)
                else:
                    return None
            else:
                if block == 0 and prev not in ("",):
                    return None
                block = block if block else Decimal(1)
                if value == 10_000:
                    wan += block * value
                else:
                    total = (total + wan + block) * value
                    wan = Decimal(0)
            section, num, last_small, last_unit = Decimal(0), None, 10_000, value
        prev = kind
    if num is not None and prev == "d" and last_unit is not None and last_unit >= 100 and len(toks) >= 2:
        # colloquial omission: 一万五 = 15000, 三千五 = 3500, 两百五 = 250
        if toks[-2][0] in ("s", "b"):
            num = num * (last_unit // 10)
    return total + wan + section + (num or 0)


def _decimal(s: str) -> Decimal | None:
    """Numeral possibly with a decimal point: 零点五, 三点一四, 1.57, 1.5万."""
    if "点" in s:
        head, _, tail = s.partition("点")
        # multiplier after the Chinese fraction: 三点五万
        mult = Decimal(1)
        while tail and tail[-1] in BIG_UNITS:
            mult *= BIG_UNITS[tail[-1]]
            tail = tail[:-1]
        if not tail or any(c not in DIGITS for c in tail):
            return None
        ip = _integer(head) if head else Decimal(0)
        if ip is None:
            return None
        frac = Decimal("0." + "".join(str(DIGITS[c]) for c in tail))
        return (ip + frac) * mult
    return _integer(s)


def parse_decimal(s: str) -> Decimal | None:
    """Exact value of one numeric expression as a Decimal (see :func:`parse_number`)."""
    if not isinstance(s, str):
        return None
    return _parse_str(s)


# The same few numerals recur in every article (1, 10, 万...); a Decimal is immutable.
# (Values are those of the decimal context in force at the first call: the default one.)
@functools.lru_cache(maxsize=4096)
def _parse_str(s: str) -> Decimal | None:
    s = "".join(s.split()).translate(_FULLWIDTH)
    if not s:
        return None
    sign = 1
    for neg in _NEGATIVE:
        if s.startswith(neg):
            sign, s = -1, s[len(neg):]
            break
    if s.startswith("+") or s.startswith("正"):
        s = s[1:]
    if not s:
        return None
    if s.endswith("%") or s.endswith("‰"):
        s = s[:-1]
    elif s.endswith("成") and len(s) > 1 and all(c in NUMERAL_CHARS for c in s[:-1]):
        s = s[:-1]  # 三成: tenths, value as printed (3)
    value: Decimal | None
    if s.startswith("百分之") or s.startswith("千分之") or s.startswith("万分之"):
        value = _decimal(s[3:]) if len(s) > 3 else None
    elif "分之" in s:
        den_s, _, num_s = s.partition("分之")
        den, num = _decimal(den_s), _decimal(num_s)
        value = None if den is None or num is None or den == 0 else num / den
    else:
        value = _decimal(s)
    if value is None:
        return None
    return value * sign


def parse_number(s: str) -> int | float | None:
    """Value of one numeric expression, or None when ``s`` is not one.

    Accepts Arabic numbers with separators (``1,234.5``), full-width digits, Chinese
    numerals (``三百四十七``, ``三千零八``, ``两万零六十``, ``零点七``), mixed forms
    (``1.5万``, ``4千万``, ``15万亿``), ``百分之十八`` and ``千分之七`` (the printed count:
    18, 7), fractions (``四分之三``), tenths (``三成`` -> 3) and negatives (``负3``).

    s (str): the expression, without unit.
    RETURNS (int | float | None): ``int`` when integral, else ``float``; None if unparseable.
    """
    value = parse_decimal(s)
    return None if value is None else to_number(value)
