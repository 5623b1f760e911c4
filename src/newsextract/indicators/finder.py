"""Indicators in article text: quantities that state a measured fact, with subject and period.

Pipeline of pure steps over one string:

1. :func:`~newsextract.numbers.find_quantities` gives every number with a unit.
2. Non-indicators are dropped: dates, session numbers (四届八次), relative time (两年前),
   the article 一 (一个目的), numbers in slogans and titles (“两个清单”, 《…》), and
   thresholds inside a subject (亿元以上项目, 超十亿元的文旅项目), top-N bands (前三名) — see
   ``data/non_indicators.yaml``. A number with no unit is kept only as the value of a ratio
   (城乡收入比缩小至1.92, ``data/ratios.yaml``); a ranking (居全省第3位) is a quantity of kind rank.
3. For each kept quantity: change verb and basis just before it (``changes.yaml``,
   ``basis.yaml``), the subject (``subjects.yaml``: the noun phrase after a counted number
   or after a share of a population (60%以上的农户), else the phrase before it cut at the
   last boundary word, with comparisons (高于全省平均水平), deadlines (9月底前), topic
   words and marker verbs stripped; a share of a plan printed on its own is its own
   measure (占年度计划的), a share of a whole inherits the subject), the nearest period
   (``periods.yaml`` and the dates passed in). Whether a number is a goal's target is the
   goals family's call (``is_target`` stays False here).
4. A range (6—8个, 4%至7%, 三五个) gives two records, one per end (see :class:`Indicator`).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any

import attrs
import regex

from newsextract._data import load_yaml
from newsextract.clauses import clauses, sentences
from newsextract.indicators.records import Indicator
from newsextract.numbers import Quantity, find_quantities, qualifier_bounds, ranking_verbs
from newsextract.spans import Span

PKG = "newsextract.indicators"
RIGHT_KINDS = frozenset({"count", "area", "length", "mass", "volume", "energy", "power", "time"})
_LEAD_JUNK = " \t\u3000、，,；;：:■●◆▲★☆·•—-（(【[)）]】"
_TRAIL_JUNK = " \t\u3000、，,；;：:（(【["
_GUARD_AFTER_BOUNDARY = "率额量值度数者"
_RANGE_RULES = frozenset({"range", "chinese_range"})  # quantity rules that read two ends (8—10个, 三五个)
_NEWLINE = regex.compile(r"\n")


# ---------------------------------------------------------------- rules (compiled once)


def _alt(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def _rules() -> dict[str, Any]:
    ch = load_yaml(PKG, "data/changes.yaml")
    basis = load_yaml(PKG, "data/basis.yaml")
    subj = load_yaml(PKG, "data/subjects.yaml")
    non = load_yaml(PKG, "data/non_indicators.yaml")
    periods = load_yaml(PKG, "data/periods.yaml")
    ratios = load_yaml(PKG, "data/ratios.yaml")
    verbs: dict[str, str] = {}
    for kind in ("increase", "decrease"):
        for e in ch[kind]:
            verbs[e["word"]] = kind
    multi = [w for w in verbs if len(w) > 1]
    single = [w for w in verbs if len(w) == 1]  # and the basis-only words: a change only after a basis
    for kind, words in ch["basis_only"].items():
        for w in words:
            verbs[w] = kind
            single.append(w)
    basis_alt = "|".join(f"(?:{b['pattern']})" for b in basis)
    between = _alt(ch["between"])
    adverbs = _alt(ch["basis_adverbs"])
    change_re = regex.compile(
        rf"(?:(?P<basis>{basis_alt})(?:{adverbs})?)?(?:(?P<verb>{_alt(multi)})|(?<=(?:{basis_alt})(?:{adverbs})?)(?P<verb1>{_alt(single)}))"
        rf"(?:{between})?$"
    )
    rate_nouns = {w: k for k, ws in ch["rate_nouns"].items() for w in ws}
    amount_nouns = {w: k for k, ws in ch["amount_nouns"].items() for w in ws}
    period_alt = "|".join(f"(?:{p['pattern']})" for p in periods)
    non_rules = []
    for r in non:
        non_rules.append({
            "name": r["name"],
            "units": set(r.get("units") or ()),
            "kinds": set(r.get("kinds") or ()),
            "before": regex.compile(r["before"]) if r.get("before") else None,
            "after": regex.compile(r["after"]) if r.get("after") else None,
            "core": r.get("core"),
        })
    boundaries = subj["boundaries"]
    return {
        "verbs": verbs,
        "change_re": change_re,
        "rate_re": regex.compile(rf"(?:{_alt(rate_nouns)})$"),
        "rate_nouns": rate_nouns,
        "amount_re": regex.compile(rf"(?:{_alt(amount_nouns)})$"),
        "amount_nouns": amount_nouns,
        "comparison_re": regex.compile(_alt(ch["comparison_words"])),
        "predicates_re": regex.compile(
            rf"(?:{_alt(subj['predicates'])}|(?:{_alt(subj['level_verbs'])})(?:{_alt(subj['level_particles'])}))$"
        ),
        "boundary_multi_re": regex.compile(_alt(w for w in boundaries if len(w) > 1)),
        "boundary_single": frozenset(w for w in boundaries if len(w) == 1),
        "complements": frozenset(subj["boundary_complements"]),
        "not_boundaries_re": regex.compile(_alt(subj["not_boundaries"])),
        "protected_re": regex.compile(rf"(?:{_alt(subj['protected'])})$"),
        "scopes_re": regex.compile(rf"(?:{_alt(list(subj['scopes']) + list(subj['leading_adverbs']))})"),
        "tail_re": regex.compile("|".join(f"(?:{t})" for t in subj["tail_patterns"])),
        "list_joiners": frozenset(subj["list_joiners"]),
        "right_stops_re": regex.compile(_alt(subj["right_stops"])),
        "right_stops_words_re": regex.compile(_alt(subj["right_stops_with_words"])),
        "share_verbs": tuple(subj["share_verbs"]),
        "share_verb_not_before": tuple(subj["share_verb_not_before"]),
        "protected_start_re": regex.compile(_alt(subj["protected"])),
        "measure_prefix_re": regex.compile(rf"(?:{_alt(subj['measure_prefixes'])})$"),
        "share_lead_re": regex.compile(
            rf"(?P<verb>{_alt(subj['share_lead_verbs'])})(?P<whole>[^，。；、,;：:的]{{1,10}}?)"
            rf"(?:(?P<plan>{_alt(subj['share_plans'])})的|的(?P<noun>{_alt(subj['share_nouns'])}))$"
        ),
        "not_subjects": frozenset(subj["not_subjects"]),
        "kept_aspect": frozenset(subj["kept_aspect"]),
        "object_verb_end_re": regex.compile(rf"(?:{_alt(w for w in boundaries if len(w) > 1)})$"),
        "verbs_after_threshold": tuple(subj["verbs_after_threshold"]),
        "object_verb_re": regex.compile(rf"(?:{_alt([w for w in boundaries if len(w) > 1] + list(subj['object_verbs']))})$"),
        "nouns_after_boundary_re": regex.compile(_alt(subj["nouns_after_boundary"])),
        "attributive_before": frozenset(subj["attributive_before_boundary"]),
        "rate_compound_verbs": frozenset(subj["rate_compound_verbs"]),
        "rate_noun_max": int(subj["rate_noun_max"]),
        "measure_nouns_re": regex.compile(rf"(?:{_alt(subj['measure_nouns'])})$"),
        "max_chars": int(subj["max_chars"]),
        "ratio_re": regex.compile(
            "(?P<noun>" + "|".join(f"(?:{n})" for n in ratios["nouns"]) + rf")(?:{_alt(ratios['level_verbs'])})?$"
        ),
        "ratio_not_followed_re": regex.compile(ratios["not_followed_by"]),
        "rank_verb_re": regex.compile(_alt(ranking_verbs())),
        "rank_locative_re": regex.compile(subj["ranking_locative"]),
        "rank_nouns": frozenset(subj["ranking_nouns"]),
        "non": non_rules,
        "periods_re": regex.compile(period_alt),
        "slogan_re": regex.compile(r"“[^”\n]{1,10}”|‘[^’\n]{1,10}’|\"[^\"\n]{1,10}\"|《[^》\n]{0,60}》|〈[^〉\n]{0,60}〉"),
        # the longest period at a subject's start (POSIX: 2028年底, not 2028年), with a
        # preposition before it (到2028年底|全县覆盖率)
        "period_strip_re": regex.compile(f"(?:到|至|截至|截止到?|于)?(?:{period_alt})", regex.POSIX),
        "period_tail_re": regex.compile(f"(?:{period_alt})$"),
        "share_tail_re": regex.compile(rf"(?:{_alt(subj['share_lead_verbs'])})[^，。；、,;]{{1,8}}的$"),
    }


# ---------------------------------------------------------------- helpers


class _Words:
    """pkuseg token boundaries (optional)."""

    def __init__(self, words: Sequence[tuple[int, int]] | None) -> None:
        # built with C-level map/frozenset: an article has thousands of words
        self.given = bool(words)
        self._sorted = sorted(map(tuple, words or ()))
        self._sorted_starts = list(map(itemgetter(0), self._sorted))
        self.starts = frozenset(self._sorted_starts)
        self.ends = frozenset(map(itemgetter(1), self._sorted))

    @functools.cached_property
    def spans(self) -> frozenset[tuple[int, int]]:
        """The words as (start, end) pairs (built on first use: many articles never ask)."""
        return frozenset(self._sorted)

    def inside(self, pos: int) -> bool:
        """``pos`` falls strictly inside a word."""
        i = bisect.bisect_left(self._sorted_starts, pos) - 1
        return i >= 0 and self._sorted[i][0] < pos < self._sorted[i][1]

    def is_word(self, start: int, end: int) -> bool:
        return (start, end) in self.spans

    def aligned(self, start: int, end: int) -> bool:
        return not self.given or (start in self.starts and end in self.ends)


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def _containing(spans: list[Span], starts: list[int], pos: int) -> Span | None:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and spans[i].start <= pos < spans[i].end:
        return spans[i]
    return None


def _bound(q: Quantity) -> str | None:
    if q.qualifier:
        return qualifier_bounds().get(q.qualifier)
    if q.low is not None and q.high is not None and q.high != q.low:
        return "range"
    return None


def _core_text(q: Quantity) -> str:
    """The numeral of the quantity without qualifier and unit (for the 一 rule)."""
    t = q.text
    if q.unit and q.text.endswith(q.unit):
        t = t[: -len(q.unit)]
    return t


# ---------------------------------------------------------------- exclusion


class _Intervals:
    """Sorted, possibly overlapping (start, end) ranges with fast overlap/containment queries."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.max_len = max((e - s for s, e in self.spans), default=0)

    def _near(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect.bisect_left(self.starts, start - self.max_len)
        hi = bisect.bisect_left(self.starts, end)
        return self.spans[lo:hi]

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self._near(start, end))

    def contains(self, start: int, end: int) -> bool:
        return any(s < start and end < e for s, e in self._near(start, end))


def _excluded(text: str, q: Quantity, R: dict[str, Any], slogans: _Intervals, date_spans: _Intervals) -> str | None:
    if q.unit is None:
        return None if _is_ratio(text, q, R) else "no_unit"
    if q.unit_kind == "fraction":
        return "fraction"
    if date_spans.overlaps(q.start, q.end):
        return "date"
    if slogans.contains(q.start, q.end) and not (q.rule.startswith(("arabic", "range")) and text.startswith(("”", "’", '"'), q.end)):
        return "slogan"  # “15分钟生活圈” is a name; “全年引进项目20个” quotes a target
    before = text[max(0, q.start - 6) : q.start]
    after = text[q.end : q.end + 16]
    for r in _non_rules_for(q.unit, q.unit_kind):
        if r["core"] is not None:
            if _core_text(q) != r["core"] or q.qualifier:
                continue
            return r["name"]
        if r["before"] is not None and not r["before"].search(before):
            continue
        if r["after"] is not None and not r["after"].search(after):
            continue
        return r["name"]
    return None


def _ratio_noun_end(text: str, q: Quantity, R: dict[str, Any]) -> int | None:
    """Where the ratio noun before a unitless number ends (收入比|缩小至1.89), or None when
    the number is not the value of a ratio (``data/ratios.yaml``)."""
    if q.rule != "bare" or q.qualifier or q.multiplier:
        return None
    if R["ratio_not_followed_re"].match(text, q.end):
        return None
    m = R["ratio_re"].search(text, max(0, q.start - 12), q.start)
    return m.end("noun") if m is not None else None


def _is_ratio(text: str, q: Quantity, R: dict[str, Any]) -> bool:
    """A unitless number is the value of a ratio named right before it (收入比缩小至1.89)."""
    return _ratio_noun_end(text, q, R) is not None


@functools.lru_cache(maxsize=None)
def _non_rules_for(unit: str, kind: str | None) -> tuple[dict[str, Any], ...]:
    """The ``non_indicators.yaml`` rules that apply to a unit and kind, in file order
    (an article has a few dozen distinct units, so each list is built once)."""
    return tuple(
        r for r in _rules()["non"]
        if (not r["units"] or unit in r["units"])
        and (not r["kinds"] or kind in r["kinds"])
        and (r["core"] is not None or r["before"] is not None or r["after"] is not None)
    )


def _inside_word(q: Quantity, words: _Words) -> bool:
    """A Chinese numeral whose unit ends inside a pkuseg word belongs to a name (五家渠, 三门峡)."""
    if not words.given or not q.rule.startswith("chinese"):
        return False
    return words.inside(q.end)


_SHARE_KINDS = frozenset({"percent", "tenth"})  # a share of a population: 60%以上的农户, 近三成企业
_LEVEL_NOUNS_AFTER_DE = ("的目标", "的预期目标", "的水平", "的比例", "的增速", "的增长")


def _is_modifier(text: str, q: Quantity, nxt: Quantity | None, clause_end: int) -> bool:
    """A threshold inside a noun phrase: 亿元以上项目, 超十亿元的文旅项目, 30亿元文旅项目1个."""
    e = q.end
    nxt_char = text[e] if e < len(text) else ""
    if q.qualifier in ("以上", "以下") and q.text.endswith(q.qualifier) and _han(nxt_char):
        if text.startswith(_LEVEL_NOUNS_AFTER_DE, e):
            return False  # 80%以上的目标: a target level
        if q.unit_kind in _SHARE_KINDS:
            # 60%以上的农户, 九成以上群众: a share of a population (an indicator);
            # 增长20%以上的企业: a threshold inside the subject
            return any(text.endswith(v, 0, q.start) for v in _rules()["verbs"])
        if nxt_char == "的":  # 10万元以上的村: a modifier
            return True
        if text.startswith(_rules()["verbs_after_threshold"], e):
            return False  # 农机150台套以上|投入抢收: the count is the verb's subject
        if q.unit_kind == "count" and _rules()["object_verb_re"].search(text, max(0, q.start - 6), q.start):
            return False  # 完成|200户以上|危旧房改造: the object of a verb is a count, not a threshold
        return not text.startswith(("其中", "和", "与", "及"), e)
    bound = qualifier_bounds().get(q.qualifier or "")
    if nxt_char == "的" and bound in ("more_than", "at_least") and not q.text.endswith(q.qualifier or "\0"):
        return q.unit_kind not in _SHARE_KINDS  # 超十亿元的文旅项目 (but 超过四成的村 is a share)
    if nxt is not None and nxt.start > e and q.unit_kind != "count":
        gap = text[e : nxt.start]
        if (
            nxt.unit_kind == "count"
            and len(gap) <= 20
            and (_han(gap[0]) or gap[0] == "的")
            and all(_han(c) or c in "、“”的" for c in gap)
        ):
            return True  # 30亿元文旅项目1个
    if nxt is not None and text.startswith(("或", "至", "到"), e) and nxt.start == e + 1:
        return _is_modifier(text, nxt, None, clause_end)  # 20亿元或3亿美元以上项目
    return False


# ---------------------------------------------------------------- subject


def _right_subject(text: str, q_end: int, clause_end: int, R: dict[str, Any], words: _Words, q_starts: dict[int, Quantity], depth: int = 0) -> Span | None:
    r = q_end
    if r in q_starts and depth < 3:
        nq = q_starts[r]
        return _right_subject(text, nq.end, clause_end, R, words, q_starts, depth + 1)  # 42条3.6公里巷道
    if r < clause_end and text[r] == "的":
        r += 1
    if r >= clause_end or not (_han(text[r]) or text[r] in "“"):
        return None
    j = r
    limit = min(clause_end, r + 12)
    while j < limit:
        c = text[j]
        if j in q_starts or c.isdigit():
            break
        if c == "、" and (j + 1 >= limit or text[j + 1].isdigit() or (j + 1) in q_starts):
            break
        if not (_han(c) or c in "、“”"):
            break
        m = R["right_stops_re"].match(text, j)
        if m is not None and (j > r or len(m.group()) > 1) and words.aligned(j, j + len(m.group())):
            break
        if j > r and words.given and R["right_stops_words_re"].match(text, j) and words.is_word(j, j + 1):
            break
        j += 1
    while j > r and text[j - 1] in "、“":
        j -= 1
    while True:  # 45户规上企业|营收同比增长12%; 8个街道|地区生产总值|增速
        m = R["measure_nouns_re"].search(text, r, j)
        if m is None or m.start() - r < 2:
            break
        j = m.start()
    if j > r and any(_han(c) for c in text[r:j]):
        return Span.of(text, r, j)
    return None


def _strip_tail(seg: str, R: dict[str, Any]) -> str:
    while True:
        seg = seg.rstrip(_TRAIL_JUNK)
        if R["protected_re"].search(seg):
            return seg
        m = R["predicates_re"].search(seg) or R["tail_re"].search(seg)
        if m is None or m.end() == m.start():
            return seg
        seg = seg[: m.start()]


_PLACE_END = "省市县区镇乡村旗州"


def _strip_place(text: str, start: int, end: int, words: _Words) -> int:
    """A place name opening the clause is where, not what (青禾县|光伏项目总投资).

    Needs pkuseg words: the first word must be a 3+ character name ending in 省/市/县/区...,
    not a list of levels (省市县), with more words after it.
    """
    if not words.given:
        return start
    i = bisect.bisect_left(words._sorted_starts, start)
    if i >= len(words._sorted) or words._sorted[i][0] != start:
        return start
    ws, we = words._sorted[i]
    name = text[ws:we]
    if len(name) >= 3 and name[-1] in _PLACE_END and not all(c in _PLACE_END for c in name) and end - we >= 2:
        return we
    return start


def _strip_lead(text: str, start: int, end: int, R: dict[str, Any], words: "_Words | None" = None) -> int:
    """Skip topic words naming where or when (全县, 我区, 今年以来, 1—10月) at ``start``;
    with pkuseg's words, never one that ends inside a word (再|生资源 is 再生资源)."""
    while True:
        moved = False
        for rx in (R["period_strip_re"], R["scopes_re"]):
            m = rx.match(text, start, end)
            if m is not None and m.end() > start and m.end() < end and not (words is not None and words.given and words.inside(m.end())):
                start, moved = m.end(), True
        while start < end and text[start] in _LEAD_JUNK:
            start, moved = start + 1, True
        if not moved:
            return start


def _share_lead(text: str, seg_start: int, seg: str, R: dict[str, Any]) -> Span | None | bool:
    """A share printed without its holder: 占年度计划的|23%, 完成全年目标的|40%, 占总产值的比重|18%.

    RETURNS: the subject (verb + whole, + 的 + share noun when printed), ``None`` when the whole
    is not a plan (占出口总值的61%: the share of the subject already named), ``False`` when the
    segment is not such a phrase.
    """
    m = R["share_lead_re"].search(seg)
    if m is None:
        return False
    v0 = seg_start + m.start("verb")
    pos = seg_start
    while pos < v0:  # only topic words, periods and marker verbs before it (力争|上半年|完成…)
        nxt = _strip_lead(text, pos, v0 + 1, R)
        bm = R["boundary_multi_re"].match(text, nxt, v0)
        nxt = bm.end() if bm is not None else nxt
        if nxt == pos:
            return False  # A占B的X%: the subject is A (see _left_subject)
        pos = nxt
    if m.group("plan"):
        return Span.of(text, v0, seg_start + m.end("plan"))
    if m.group("noun"):
        return Span.of(text, v0, seg_start + m.end())
    return None


def _left_subject(text: str, seg_start: int, seg_end: int, R: dict[str, Any], words: _Words) -> Span | None:
    seg = text[seg_start:seg_end]
    seg = _strip_tail(seg, R)
    share = _share_lead(text, seg_start, seg, R)
    if share is not False:
        return share  # type: ignore[return-value]
    seg, cut = R["share_tail_re"].subn("", seg)
    if cut:  # _strip_tail(seg) is seg already
        seg = _strip_tail(seg, R)
    end = seg_start + len(seg)
    if end <= seg_start:
        return None
    start = seg_start
    # A占B: the subject is A (占比 is a noun: 床位占比)
    for sv in R["share_verbs"]:
        k = seg.rfind(sv)
        if k >= 0 and seg.startswith(tuple(R["share_verb_not_before"]), k + len(sv)):
            continue
        if k == 0:
            return None  # 占全部的35%: the share of what the sentence already named
        if k > 0:
            end = seg_start + k
            seg = _strip_tail(text[seg_start:end], R)
            end = seg_start + len(seg)
            break
    protected = R["protected_re"].search(text, seg_start, end)
    search_end = protected.start() if protected else end
    boundary = None
    shields = [(m.start(), m.end()) for m in R["not_boundaries_re"].finditer(text, seg_start, end)]
    for m in R["boundary_multi_re"].finditer(text, seg_start, search_end, overlapped=True):
        if any(s0 <= m.start() and m.end() <= e0 for s0, e0 in shields):
            continue
        if m.end() < len(text) and text[m.end()] in _GUARD_AFTER_BOUNDARY:
            continue  # 完成率, 实现值: part of a noun
        if R["nouns_after_boundary_re"].match(text, m.end()):
            continue  # 种植面积, 建设规模: one compound noun
        if m.group() in R["rate_compound_verbs"] and text[end - 1] == "率" and end - m.end() <= R["rate_noun_max"]:
            continue  # 整改销号率: the process verb names the rate with the noun after it
        if m.end() < len(text) and text[m.end()] == "的":
            continue  # 需整改的安全隐患: a relative clause inside the subject
        if m.end() < len(text) and text[m.end()] in R["list_joiners"]:
            continue  # 教育和帮扶|困难群众: the first of coordinated verbs, both part of the subject
        if m.start() > seg_start + 1 and text[m.start() - 1] in R["list_joiners"] and R["object_verb_end_re"].search(text, seg_start, m.start() - 1):
            continue  # 走访和慰问|困难职工: the second of coordinated verbs, the first kept them both
        if (
            m.start() > 0
            and text[m.start() - 1] in R["attributive_before"]
            and end - m.end() <= 2
            and not R["protected_start_re"].match(text, m.end())
        ):
            continue  # 新签约项目: the verb is an attribute of a bare head noun
        if not words.aligned(m.start(), m.end()):
            continue
        if m.end() >= end:
            continue
        if boundary is None or m.end() > boundary:
            boundary = m.end()
    if words.given:
        singles = R["boundary_single"]
        for i in range(seg_start, search_end):
            if text[i] in singles and words.is_word(i, i + 1) and i + 1 < end and not any(s0 <= i < e0 for s0, e0 in shields):
                if boundary is None or i + 1 > boundary:
                    boundary = i + 1
    if boundary is not None:
        start = boundary
        # an aspect marker or complement stays with the verb (排查出|), unless it begins a
        # word of its own: 累计|完成投资, 整治|完成率 (完 is not a complement there)
        while (
            start + 1 < end
            and text[start] in R["complements"]
            and not R["boundary_multi_re"].match(text, start)
            and not R["not_boundaries_re"].match(text, start)
            and not R["protected_start_re"].match(text, start)
            and (not words.given or words.is_word(start, start + 1))  # 已|到位资金: 到 begins a word
        ):
            start += 1
        # a period or place right after the boundary is not part of the subject
        # (力争|全年|新增就业岗位, 确保|全县|规上工业产值)
        start = _strip_lead(text, start, end, R, words)
    else:
        start = _strip_lead(text, start, end, R, words)
        start = _strip_place(text, start, end, words)
    while start < end and (text[start] in _LEAD_JUNK or text[start] == "的"):
        start += 1
    # a quote cut in half: “签约一批、开工一批”的|项目 -> 项目; “|全年完成投资 -> 全年完成投资
    close = text.rfind("”", start, end)
    if close >= 0 and "“" not in text[start:close]:
        start = close + 1
        while start < end and text[start] in "的" + _LEAD_JUNK:
            start += 1
    while start < end and text[start] == "“" and "”" not in text[start:end]:
        start += 1
    # a list summed up by a quoted label: 茶叶、笋干、香菇“山货三宝”销售额 -> “山货三宝”销售额
    q_open = text.rfind("“", start, end)
    if q_open > start and "、" in text[start:q_open] and "”" in text[q_open:end]:
        start = q_open
    # 累计完成投资, 上半年完成投资: a cumulative or period prefix is part of a protected measure
    if protected is not None and protected.start() == start:
        pm = R["measure_prefix_re"].search(text, seg_start, start)
        if pm is not None:
            start = pm.start()
    while end > start and text[end - 1] in _TRAIL_JUNK + "”“" and not (text[end - 1] == "”" and "“" in text[start:end]):
        end -= 1
    if end - start > R["max_chars"]:
        start = end - R["max_chars"]
    if end <= start or not any(_han(c) or c.isalpha() for c in text[start:end]) or text[start:end] in R["not_subjects"]:
        return None
    if start > seg_start and text[start - 1] in R["kept_aspect"] and end - start <= 2:
        start -= 1  # 已|开工11个: a bare verb names the measure together with its aspect (已开工)
    pt = R["period_tail_re"].search(text, start, end)
    if pt is not None and pt.start() > start:
        end = pt.start()  # 民宿营收|去年: a period after the measure is not part of it
    if R["period_strip_re"].fullmatch(text, start, end) or R["scopes_re"].fullmatch(text, start, end):
        return None  # 第一季度|增长5%: only a period or a place, the measure is named elsewhere
    return Span.of(text, start, end)


def _rank_subject(text: str, seg_start: int, q: Quantity, R: dict[str, Any], words: _Words) -> Span | None:
    """What a ranking ranks: the phrase before its ranking verb (总量|位列全省|第3位).

    seg_start (int): where the clause starts.
    RETURNS (Span | None): the subject; None when the clause names none (the caller then
        takes the sentence's first measure).
    """
    verb = None
    for m in R["rank_verb_re"].finditer(text, seg_start, q.start):
        verb = m  # the last ranking verb before the number
    if verb is None:
        return _left_subject(text, seg_start, q.start, R, words)
    end = verb.start()
    loc = R["rank_locative_re"].search(text, seg_start, end)
    if loc is not None:
        end = loc.start()
    lead = seg_start
    while lead < end and text[lead] in _LEAD_JUNK:
        lead += 1
    if lead >= end:
        return Span.of(text, verb.start(), verb.end()) if verb.group() in R["rank_nouns"] and loc is None else None
    return _left_subject(text, seg_start, end, R, words)


# ---------------------------------------------------------------- change, period


def _change(text: str, seg_start: int, q: Quantity, R: dict[str, Any]) -> tuple[str | None, Span | None, int]:
    """(change, basis, where the predicate starts) from the words right before the number."""
    lo = max(seg_start, q.start - 16)
    window = text[lo : q.start]
    m = R["change_re"].search(window)
    if m is not None:
        verb = m.group("verb") or m.group("verb1")
        kind = R["verbs"][verb]
        basis = None
        if m.group("basis"):
            b0 = lo + m.start("basis")
            basis = Span.of(text, b0, lo + m.end("basis"))
        return kind, basis, lo + m.start()
    return None, None, q.start


def _rate_change(text: str, q: Quantity, subject: Span | None, R: dict[str, Any]) -> str | None:
    """The change a number states through its subject when no verb does: a percentage's
    (增速|8%, 降幅|3%), or any number's (户均增收|1.2万元)."""
    if subject is not None:
        am = R["amount_re"].search(subject.text)
        if am is not None:
            return R["amount_nouns"][am.group()]
    if subject is not None and q.unit_kind == "percent":
        rm = R["rate_re"].search(subject.text)
        if rm is not None and not R["comparison_re"].search(text, subject.start - 4 if subject.start >= 4 else 0, subject.start):
            return R["rate_nouns"][rm.group()]
    return None


def _nearest_before(spans: list[tuple[int, int]], starts: list[int], pos: int, lo: int) -> tuple[int, int] | None:
    i = bisect.bisect_right(starts, pos) - 1
    while i >= 0:
        s, e = spans[i]
        if e <= pos and s >= lo:
            return spans[i]
        if s < lo:
            return None
        i -= 1
    return None


# ---------------------------------------------------------------- main


def find_indicators(
    text: str,
    *,
    words: Sequence[tuple[int, int]] | None = None,
    headings: Sequence[tuple[int, int]] = (),
    dates: Sequence[Any] = (),
) -> list[Indicator]:
    """Numeric facts of ``text`` as :class:`Indicator` records (offsets into ``text``).

    text (str): one article's text.
    words (list[tuple[int, int]] | None): pkuseg token offsets; sharpen subject boundaries.
    headings (list[tuple[int, int]]): headline ranges: a number in a headline gets its
        subject and period from the headline only.
    dates (list): date mentions with ``.start``/``.end`` (the dates component's DateValue):
        numbers inside them are not indicators; they are candidate periods.
    RETURNS (list[Indicator]): in text order.
    """
    if not isinstance(text, str) or not text:
        return []
    R = _rules()
    quantities = find_quantities(text)
    if not quantities:
        return []
    w = _Words(words)
    sents = sentences(text)
    sent_starts = [s.start for s in sents]
    cls = clauses(text)
    cl_starts = [c.start for c in cls]
    slogans = _Intervals(m.span() for m in R["slogan_re"].finditer(text))
    given_dates = [(d.start, d.end) for d in dates if getattr(d, "end", 0) > getattr(d, "start", 0)]
    date_spans = _Intervals(given_dates)
    period_spans = sorted({m.span() for m in R["periods_re"].finditer(text) if m.end() > m.start()} | set(given_dates))
    period_starts = [s for s, _ in period_spans]
    q_starts = {q.start: q for q in quantities}
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    out: list[Indicator] = []
    last_subject: dict[int, Span | None] = {}  # sentence start -> subject of the previous indicator
    first_subject: dict[int, Span] = {}  # sentence start -> subject of its first indicator that has one
    prev_cut: dict[int, int] = {}  # clause start -> end of the previous non-modifier quantity
    prev_end: dict[int, int] = {}  # clause start -> end of the previous indicator
    for i, q in enumerate(quantities):
        clause = _containing(cls, cl_starts, q.start) or Span.of(text, q.start, q.end)
        sent = _containing(sents, sent_starts, q.start) or clause
        head = next(((s, e) for s, e in headings if s <= q.start < e), None)
        if head is not None:  # a headline is a unit of its own
            sent = Span.of(text, head[0], head[1])
            if clause.start < head[0] or clause.end > head[1]:
                clause = Span.of(text, max(clause.start, head[0]), min(clause.end, head[1]))
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        modifier = _is_modifier(text, q, nxt, clause.end)
        if modifier:
            continue
        seg_start = max(clause.start, prev_cut.get(clause.start, clause.start))
        if _excluded(text, q, R, slogans, date_spans) or _inside_word(q, w):
            continue
        prev_cut[clause.start] = q.end
        prev = out[-1] if out else None
        # subject: after counted numbers first, else before the number
        subject: Span | None = None
        how = "none"
        share_of = q.unit_kind in _SHARE_KINDS and not text.startswith(_LEVEL_NOUNS_AFTER_DE, q.end) and (
            text.startswith("的", q.end) or (q.end < len(text) and _han(text[q.end]) and (q.unit_kind == "tenth" or q.qualifier in ("以上", "以下")))
        )
        rank = q.unit_kind == "rank"
        if rank:  # a ranking's clause may hold other numbers (在全市13个区县中排名第3位)
            seg_start = clause.start
        verb_next = text.startswith(R["verbs_after_threshold"], q.end)  # 农机150台套|投入抢收: the subject is on the left
        if share_of or (q.unit_kind in RIGHT_KINDS and not verb_next and (q.unit_kind != "time" or text.startswith("的", q.end))):
            subject = _right_subject(text, q.end, clause.end, R, w, q_starts)
            how = "right" if subject else how
        change, basis, pred_start = _change(text, seg_start, q, R)
        if q.unit is None:  # a ratio (kept by _excluded): its subject is the ratio noun
            pred_start = _ratio_noun_end(text, q, R) or pred_start
        if rank:  # a rank is a position, never a change (排名上升至第3位)
            change, basis = None, None
        parallel = prev is not None and prev_end.get(clause.start) == prev.end and text[seg_start : q.start] in R["list_joiners"]
        if parallel and prev is not None and subject is None:
            subject, how = prev.subject, "parallel"  # 分别增长23.5%和31.2%
            change = change or prev.change
        if subject is None and not parallel:
            subject = _rank_subject(text, seg_start, q, R, w) if rank else _left_subject(text, seg_start, pred_start, R, w)
            how = "left" if subject else how
        if change is None:  # no change verb before the number (so no basis either)
            change = _rate_change(text, q, subject, R)
        if subject is None:
            subject = (first_subject if rank else last_subject).get(sent.start)
            how = "inherited" if subject else "none"
        last_subject[sent.start] = subject
        if subject is not None:
            first_subject.setdefault(sent.start, subject)
        # period: nearest before in the sentence, else in the paragraph
        period = None
        para_lo = line_starts[bisect.bisect_right(line_starts, q.start) - 1]
        hit = _nearest_before(period_spans, period_starts, q.start, sent.start)
        if hit is None and head is None:
            hit = _nearest_before(period_spans, period_starts, q.start, para_lo)
        if hit is not None:
            period = Span.of(text, *hit)
        prev_end[clause.start] = q.end
        ind = Indicator(
            text=q.text, start=q.start, end=q.end, value=q.value, unit=q.unit or "",
            qualifier=q.qualifier, bound=_bound(q), low=q.low, high=q.high, change=change,
            basis=basis, subject=subject, period=period, rule=f"{q.rule}/{how}",
        )
        if q.rule in _RANGE_RULES and q.low is not None and q.high is not None and q.low != q.high:
            # a range states two figures: one record per end, same text and offsets
            out.append(attrs.evolve(ind, value=q.low))
            out.append(attrs.evolve(ind, value=q.high))
        else:
            out.append(ind)
    return out
