"""find_people: names, official titles and their links within one article.

Patterns (each is the ``rule`` of the records it produces):

- ``title_chain``: 旗委常委、旗长柏某 — titles joined by 、/兼 (or a comma when the first
  title has no name of its own) directly before a name, or before 的 + name; a title before a
  list goes to every name (副区长吴某、汪某和李某); a bare title after a comma inherits the
  previous organisation (州政协主席X,秘书长Y → Y's org 州政协).
- ``group_list``: 区领导张某、周某 — a collective label is the persons' ``group``.
- ``name_cue``: 村民张某, 据张某介绍, 在张某的带领下 — words that introduce a person; after a
  person noun (村民, 脱贫户) any surname is accepted when a word follows the name, after
  户/叫/据 only surnames that are not also common words.
- ``count_list``: 柏某等五位老党员.
- ``name_title``: 赵某书记, 曹某委员 — a name directly before a bare position.
- ``speech``: 张某说, 张某同志 at the start of a clause (strict: no ambiguous surname).
- ``apposition``: 栗某,四十来岁,某村支部书记。 — a name opening a sentence, then age,
  sex or a title.
- ``mention``: later occurrences of a name already found (柏某指出), headlines included.
- ``surname_title``: 柏书记 — a reference linked to the one known person with that surname and
  that position; otherwise it is no Person (a surname + position is never taken as a name).
- ``appointment``: 任命甲为某局局长、乙为…, 免去丙的…职务, 丁任某局局长 — appointment notices.

The organisation of a title is read leftwards from the position (``prefix_stops`` end it,
brackets and 和 inside a unit's name do not); it must end like an organisation
(``org_suffixes``), else the title is the position alone. Where a name ends is chosen by
what follows it (``follow_words``) and, when given, by pkuseg's word boundaries.

Names after byline markers (a name after 记者 or 通讯员, before 摄, a run of names in
brackets at the end of a paragraph) are never people.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from newsextract.people.lexicon import Lexicon, is_han, lexicon
from newsextract.people.names import _NOT_GIVEN, ANON, PUNCT, Words, is_not_name, plausible, separators, split_names, surname_len
from newsextract.people.records import Person, Title
from newsextract.spans import Span

_SENTENCE_END = frozenset("。！？!?\n")
_SENTENCE_END_RE = re.compile("[" + re.escape("".join(sorted(_SENTENCE_END))) + "]")
_CHAIN_SEPS = frozenset("、兼")
_MAX_PREFIX = 32
_SPACES = frozenset(" \u3000\u00a0\t")
_ASPECT = frozenset("着了过")
_JOINERS = frozenset("和及与")
_COMMAS = frozenset(",，")
_CLOSE_BRACKETS = frozenset(")）")
# characters that end an organisation inside a place chain (县委, 林业局 ...)
_ORG_CHARS = frozenset("委局办厅部院会所站队处科室司组党府")
# level characters that open a place chain: a particle glued to one by pkuseg (据县|农业农村局)
# still ends the organisation read leftwards
_LEVEL_CHARS = frozenset("省市区县州旗盟镇乡村")

_COUNT_RE = re.compile(r"等\s*(?:\d+|[一二两三四五六七八九十百几数多]+)\s*(?:名|位|人)")
# apposition after a name at a sentence start: 男, 39岁, 四十来岁, 汉族, 中共党员
_APPOS_RE = re.compile(
    r"(?:男|女|(?:\d{4}年)?(?:已|今年|现年)?(?:\d{1,3}|[一二三四五六七八九十几]{1,3}[多来]?)岁|[\u4e00-\u9fff]{1,2}族|中共党员|党员)[,，]"
)
# after a description, further short clauses (1997年7月入党,) may come before 现任 + title
_APPOS_MORE_RE = re.compile(r"[^,，。；;！？!?\n]{1,20}[,，]")
_APPOS_LEAD = ("现任", "现为", "系", "是", "任")
_PAREN_NAMES_RE = re.compile(r"[(（]\s*([\u3400-\u9fff]{2,16})\s*[)）][ \t\u3000]*(?=\n|$)")


def _occurrences(text: str, names: Iterable[str]) -> list[tuple[int, str]]:
    """(offset, name) of the names in ``text``, scanning left to right: at each offset the
    longest name found there, then on after it (what an alternation of the names, longest
    first, finds)."""
    longest: dict[int, str] = {}
    for name in names:
        for i in _find_all(text, name):
            if len(name) > len(longest.get(i, "")):
                longest[i] = name
    out, pos = [], 0
    for i in sorted(longest):
        if i >= pos:
            out.append((i, longest[i]))
            pos = i + len(longest[i])
    return out


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


@attrs.frozen
class _Tables:
    """Look-up tables derived from the lexicon (built once per process by :func:`_tables`)."""

    stop_set: frozenset[str]
    stop_lengths: list[int]  # longest first
    lead_set: frozenset[str]
    lead_lengths: list[int]  # longest first
    speech_re: re.Pattern[str]  # 同志 or a speech word
    surname_initials: frozenset[str]  # the first characters of the surnames


@functools.cache
def _tables() -> _Tables:
    lx = lexicon()
    return _Tables(
        stop_set=frozenset(lx.stop_words),
        stop_lengths=sorted({len(w) for w in lx.stop_words}, reverse=True),
        lead_set=frozenset(lx.not_title_lead),
        lead_lengths=sorted({len(w) for w in lx.not_title_lead}, reverse=True),
        speech_re=re.compile("|".join(re.escape(w) for w in ["同志", *sorted(lx.speech)])),
        surname_initials=frozenset(w[0] for w in lx.surnames),
    )


@functools.cache
def _byline_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a marker before bylined names: 记者, 通讯员 …; a run of names before 摄 …)."""
    lx = lexicon()
    before = re.compile("|".join(re.escape(w) for w in lx.byline_before))
    after = re.compile(
        rf"([\u3400-\u9fff]{{2,12}})[ \t\u3000]*(?:{'|'.join(map(re.escape, lx.byline_after))})(?=[)）\]】\s]|$)"
    )
    return before, after


@functools.lru_cache(maxsize=4096)
def _level_of(org: str | None, position: str) -> str | None:
    """The level of a title: the last marker of its organisation's place chain, else the position's."""
    lx = lexicon()
    if org:
        masked = org
        for w in lx.level_false:
            masked = masked.replace(w, "\0" * len(w))
        # the last marker of the leading place chain: 某省青川县水利局 → 县, 市农业农村局 → 市
        marks = sorted((i, len(marker), level) for marker, level in lx.levels for i in _find_all(masked, marker))
        best, end = None, -1
        for i, length, level in marks:
            if i < end:
                continue
            gap = masked[end:i] if end >= 0 else ""
            if best is not None and (len(gap) > 6 or gap.endswith(lx.org_suffixes) or any(c in _ORG_CHARS for c in gap)):
                break
            best, end = level, i + length
        if best:
            return best
    return lx.position_levels.get(position)


@attrs.define
class _RawTitle:
    start: int
    end: int
    pos_start: int
    ext_start: int  # where the leftward reading stopped (before stripping 该区 ...)
    org: str | None
    position: str
    deputy: bool
    acting: bool
    bare: bool = False  # a need_org position without organisation: only usable after a name


@attrs.define
class _Entry:
    name: str
    rule: str
    mentions: dict[int, Span] = attrs.Factory(dict)
    full: set[int] = attrs.Factory(set)
    titles: list[Title] = attrs.Factory(list)
    group: str | None = None


class _Finder:
    def __init__(self, text: str, words: Sequence[tuple[int, int]] | None, headings: Iterable[tuple[int, int]]) -> None:
        self.text = text
        self.n = len(text)
        self.lx: Lexicon = lexicon()
        seps = separators(text)
        self.words = Words(words, text, seps)
        self.hard: set[int] = set()
        for h in headings or ():
            try:
                s, e = int(h[0]), int(h[1])
            except (TypeError, ValueError, IndexError):
                continue
            self.hard.update((s, e))
        self.tables = _tables()
        starts = {0} | {i + 1 for i in seps} | self.hard
        self.clause_starts = sorted(s for s in starts if 0 <= s < self.n)
        # the clause starts where a surname begins: the only ones the speech, apposition and
        # appointment passes can use
        initials = self.tables.surname_initials
        self.name_starts = [s for s in self.clause_starts if text[s] in initials and surname_len(text, s, self.lx)]
        self.sentence_ends = [m.start() for m in _SENTENCE_END_RE.finditer(text)] + sorted(h - 1 for h in self.hard if h > 0)
        self.sentence_ends.sort()
        self._stop_cache: dict[int, int] = {}
        self.entries: dict[str, _Entry] = {}
        self.longest_name = 0  # length of the longest name in ``entries``
        self.taken: dict[int, str] = {}  # char offset → name whose mention covers it
        self.blocked: set[int] = set()  # byline characters
        self.byline_names: set[str] = set()
        self.title_starts: set[int] = set()  # where a found title starts (filled by find_titles)

    # ------------------------------------------------------------------ evidence
    def follow_strength(self, e: int) -> int:
        """How well the text at ``e`` fits the end of a name: 3 punctuation/end, 2 a word, 1 a particle."""
        text, lx = self.text, self.lx
        if e >= self.n or e in self.hard:
            return 3
        ch = text[e]
        if ch in PUNCT or ch.isspace():
            return 3
        for length in range(min(lx.follow_max, self.n - e), 1, -1):
            if text[e : e + length] in lx.follow_multi:
                return 2
        m = lx.position_re.match(text, e)
        if m and not m.group("acting"):
            return 2
        if ch in lx.follow_single:
            return 1
        if self._aspect(e):
            return 1  # a verb with an aspect particle: 指着, 拿出了
        return 0

    def _aspect(self, e: int) -> bool:
        return e + 1 < self.n and self.text[e + 1] in _ASPECT and is_han(self.text[e]) and self.text[e] not in self.lx.follow_single

    def name_at(
        self, s: int, *, strict: bool = False, min_strength: int = 0, ambiguous_ok: bool = False, object_cue: bool = False,
    ) -> int | None:
        """End of the most plausible name starting at ``s``, or None.

        strict (bool): a weak context: reject surnames that are also common words (于 向 高 ...)
            and names that pkuseg's words cut through.
        min_strength (int): the least follow strength accepted (0: a 3-character name may be
            followed by anything when word boundaries do not contradict it).
        ambiguous_ok (bool): with ``strict``, still accept a surname that is also a common
            word (a strong cue before it: 村民计某), when the name's end is confirmed.
        object_cue (bool): with ``ambiguous_ok``, the cue does not open its clause (看望了老教师X):
            a list comma confirms the end of a name whose surname pkuseg sets apart.
        """
        text, lx = self.text, self.lx
        if s >= self.n or s in self.blocked:
            return None
        k = surname_len(text, s, lx)
        if not k:
            return None
        surname = text[s : s + k]
        weak_surname = strict and surname in lx.ambiguous
        if weak_surname:
            if not ambiguous_ok or surname in lx.rare:
                return None
            min_strength = max(min_strength, 1)
        rare = surname in lx.rare
        if rare:
            min_strength = max(min_strength, 2)  # 县长和…: a rare surname that is mostly a word
        if strict and not self.words.boundary(s):
            return None
        best: tuple[int, int, int, int] | None = None
        for given in (1, 2):
            e = s + k + given
            if e > self.n or not self.hard.isdisjoint(range(s + 1, e)) or not self.blocked.isdisjoint(range(s, e)):
                break
            if not all(is_han(c) for c in text[s + k : e]):
                break
            word_given = False
            if any(c in _NOT_GIVEN for c in text[s + k : e]):
                if not self._word_given(s, k, e):
                    if given == 1 and text[s + k] in lx.word_given:
                        continue  # 周|会明: the two-character given name may still be one word
                    break
                word_given = True  # 罗永和, 钱|立本: a function-word character ends a given name
            if given == 2 and text[s + k] == ANON:
                break
            cand = text[s:e]
            if cand[k:] in lx.not_given or cand in lx.not_given:
                continue  # 柯书记, 苗老师: surname + position or address; 代表: a position itself
            if text[e - 1] == lx.deputy_marker and lx.position_re.match(text, e):
                continue  # 副 opens the next title (县长和副县长)
            if rare and (given == 1 or not self._own_words(s + k, e)):
                continue  # 县长来到现场: a rare surname needs a two-character given name that is one word
            strength = self.follow_strength(e)
            if word_given and strength == 0:
                continue  # 罗永和 needs a clear end (及, 、, 列席)
            if cand in lx.not_names or (strength == 0 and is_not_name(cand, lx) and not (self.words.present and self._own_words(s, e))):
                continue  # a listed word (方案); a word at the start (高度重视) unless the name ends clearly
            wb = 0
            if self.words.present:
                wb = 1 if e in self.words.ends else (-1 if not self.words.boundary(e) else 0)
            if wb < 0 and strength == 1 and self._aspect(e):
                strength = 0  # 陈东明|白了: the 'verb + 了' reading is pkuseg's word 明白
            if wb < 0 and (strict or strength == 0):
                continue  # pkuseg's words cut through the candidate's end
            if strength == 0 and given == 1 and (wb < 1 or (strict and not self._own_words(s, e))):
                continue  # a short name needs a clear end: punctuation, a verb, or a word boundary (农户钱多了)
            if rare and strength != 2:
                continue  # 县长有信心。: a rare surname's name needs a word (a verb) after it
            if weak_surname and strength not in (1, 2) and not (
                object_cue and given == 2 and self._surname_apart(s, k, e) and self._list_comma(e)
            ):
                # 村民修路。: with a surname that is also a word, the name needs a word after it
                # (说, 家中); after a cue that is an object (看望了老教师单|文秀,) a list comma
                # will do when pkuseg sets the surname apart (a subject cue: 干部管|水渠, is a verb)
                continue
            key = (strength, wb, given, e)
            if best is None or key > best:
                best = key
        if best is None or best[0] < min_strength:
            return None
        return best[3]

    def _word_given(self, s: int, k: int, e: int) -> bool:
        """True when the given name [s + k, e), holding a function-word character, is still a
        given name: the only such characters are ``word_given`` ones, the last of them ends it,
        pkuseg keeps the given name (钱|立本) or the whole name (罗永和) as one word, and a
        conjunction (和) is not followed by a name or a title (李明和|副县长王芳)."""
        text, lx = self.text, self.lx
        given = text[s + k : e]
        if not self.words.present or given[-1] not in lx.word_given:
            return False
        if any(c in _NOT_GIVEN for c in given[:-1]):
            return False
        if not (self._own_words(s, e) or (len(given) == 2 and self._own_words(s + k, e))):
            return False
        if given[-1] in lx.word_given_conj and e < self.n:
            if lx.position_re.match(text, e) or e in self.title_starts or lx.label_re.match(text, e):
                return False
            k2 = surname_len(text, e, lx)
            if k2 and any(plausible(text[e : e + k2 + g], lx) and self.words.boundary(e + k2 + g) for g in (1, 2)):
                return False
        return True

    def _surname_apart(self, s: int, k: int, e: int) -> bool:
        """True when pkuseg's words split [s, e) right after the surname (单|文娟), not inside it."""
        w = self.words
        return w.present and s + k in w.starts and s + k not in w.inside and e in w.ends

    def _in_longer_word(self, ps: int, s: int) -> bool:
        """True when one pkuseg word runs from the position at ``ps`` over ``s`` (主席台|前排就座:
        the position is part of a longer word, a place); a word starting inside the position
        (区|长方|小雄) is pkuseg gluing the name on, not evidence."""
        w = self.words
        return w.present and s > ps and all(i in w.inside for i in range(ps + 1, s + 1))

    def _list_comma(self, e: int) -> bool:
        return e < self.n and e not in self.hard and self.text[e] in "、,，"

    def _own_words(self, g: int, e: int) -> bool:
        """True when [g, e) is one pkuseg word that starts a new word at ``g`` (True without words)."""
        w = self.words
        return not w.present or (g in w.starts and e in w.ends and all(i in w.inside for i in range(g + 1, e)))

    def _clause_opening(self, s: int) -> bool:
        """True when only modifiers of the cue (老, 青年) stand between the clause start and ``s``."""
        i = s
        while i > 0 and not self.clause_start(i) and s - i < 2:
            i -= 1
        return self.clause_start(i)

    def clause_start(self, s: int) -> bool:
        if s == 0 or s in self.hard:
            return True
        return self.text[s - 1] in PUNCT or self.text[s - 1].isspace()

    # ------------------------------------------------------------------ records
    def add(self, name: str, s: int, e: int, rule: str, *, titles: Sequence[Title] = (), group: str | None = None, full: bool = True) -> bool:
        if any(i in self.taken and self.taken[i] != name for i in range(s, e)):
            return False
        entry = self.entries.get(name)
        if entry is None:
            entry = self.entries[name] = _Entry(name=name, rule=rule)
            self.longest_name = max(self.longest_name, len(name))
        entry.mentions.setdefault(s, Span.of(self.text, s, e))
        if full:
            entry.full.add(s)
        for i in range(s, e):
            self.taken[i] = name
        known = {t.text for t in entry.titles}
        for t in titles:
            if t.text not in known:
                entry.titles.append(t)
                known.add(t.text)
        if group and not entry.group:
            entry.group = group
        return True

    # ------------------------------------------------------------------ bylines
    def find_bylines(self) -> None:
        text, lx = self.text, self.lx
        marks, after_re = _byline_patterns()
        for m in marks.finditer(text):
            i = m.end()
            while True:
                while i < self.n and (text[i] in _SPACES or text[i] in ":："):
                    i += 1
                j = i
                while j < self.n and is_han(text[j]):
                    j += 1
                run = text[i:j]
                if not run:
                    break
                after = text[j] if j < self.n else ""
                if len(run) <= 12 and (after == "" or after in PUNCT or after.isspace()):
                    names = split_names(run) if len(run) > 4 else ([run] if plausible(run, lx) or 2 <= len(run) <= 3 else [])
                    if not names or "".join(names) != run:
                        break
                    self._block(i, j, names)
                    i = j
                    if after not in _SPACES:
                        break
                    nxt = marks.match(text, j + 1) if j + 1 < self.n else None
                    if nxt:
                        i = nxt.end()
                    continue
                e = self.name_at(i, min_strength=1)
                if e is not None:
                    self._block(i, e, [text[i:e]])
                break
        # the pattern tries every Han run of the text: only worth it when a marker (摄) occurs
        for m in after_re.finditer(text) if any(w in text for w in lx.byline_after) else ():
            names = split_names(m.group(1))
            if names and "".join(names) == m.group(1):
                self._block(m.start(1), m.end(1), names)
        for m in _PAREN_NAMES_RE.finditer(text):
            names = split_names(m.group(1))
            if names and "".join(names) == m.group(1) and all(plausible(x, lx) for x in names):
                self._block(m.start(1), m.end(1), names)

    def _block(self, s: int, e: int, names: list[str]) -> None:
        self.blocked.update(range(s, e))
        self.byline_names.update(names)

    # ------------------------------------------------------------------ titles
    def _is_stop(self, i: int) -> int:
        """Length of a prefix stop word ending at ``i`` (0 when none, -1 at a boundary); cached."""
        got = self._stop_cache.get(i)
        if got is None:
            got = self._stop_cache[i] = self._stop_at(i)
        return got

    def _stop_at(self, i: int) -> int:
        text, lx = self.text, self.lx
        if i in self.hard:
            return -1
        ch = text[i - 1]
        if not (is_han(ch) or ch.isascii() and ch.isalnum()):
            return -1
        for length in self.tables.stop_lengths:
            if i - length >= 0 and text[i - length : i] in self.tables.stop_set and (
                not self.words.present or (i - length in self.words.starts and i in self.words.ends)
            ):
                return length
        if ch in lx.stop_single and text[i - 1 : i + 1] not in lx.not_stops and (
            not self.words.present
            or (i - 1 in self.words.starts and i in self.words.ends)
            or ch in _CHAIN_SEPS
            or (i < self.n and text[i] in _LEVEL_CHARS)
        ):
            # 兼 joins two titles even when pkuseg glues it to the next unit (兼县|监委), and
            # 和/及 before a unit even when pkuseg glues it to the name before (吴|芳及|区委,
            # 李|明和县); 和 inside a unit's name is _joined_org's to keep (区委和区政府)
            return 1
        return 0

    def org_like(self, prefix: str) -> bool:
        """True when ``prefix`` ends like an organisation (研究院, 研究院(赛迪研究院))."""
        if prefix.endswith(tuple(_CLOSE_BRACKETS)):
            k = max(prefix.rfind("("), prefix.rfind("（"))
            prefix = prefix[:k] if k > 0 else ""
        return prefix.endswith(self.lx.org_suffixes)

    def find_titles(self) -> list[_RawTitle]:
        text, lx = self.text, self.lx
        out: list[_RawTitle] = []
        last_ps, last_ext = -1, -1
        for m in lx.position_re.finditer(text):
            ps, pe = m.start(), m.end()
            if not self.blocked.isdisjoint(range(ps, pe)) or not self.hard.isdisjoint(range(ps + 1, pe)):
                continue
            i = ps
            lo = max(0, ps - _MAX_PREFIX)
            while i > lo:
                if i == last_ps:  # the rest of the way was read for the previous position
                    i = max(last_ext, lo)
                    break
                stop = self._is_stop(i)
                if stop < 0 and text[i - 1] in _CLOSE_BRACKETS:
                    j = self._bracket_open(i - 1)
                    if j is not None:
                        i = j  # 研究院(赛迪研究院)院长: the bracket is part of the organisation
                        continue
                if stop == 1 and text[i - 1] in _JOINERS and self._joined_org(i - 1):
                    i -= 1  # 市经济和信息化委员会: 和 inside an organisation's name
                    continue
                if stop > 1 and text[i - stop : i] in lx.in_org_verbs and self._verb_in_org(i, ps):
                    i -= stop  # 县委理论学习中心组组长: 学习 inside the body's name
                    continue
                if stop != 0:
                    break
                i -= 1
            ext = i
            last_ps, last_ext = ps, ext
            s = ext
            changed = True
            while changed and s < ps:
                changed = False
                for length in self.tables.lead_lengths:
                    if s + length <= ps and text[s : s + length] in self.tables.lead_set:
                        s += length
                        changed = True
                        break
            prefix = text[s:ps]
            position = m.group("pos")
            org = prefix
            for mod in lx.position_modifiers:
                if org.endswith(mod):
                    org = org[: -len(mod)]  # 县政府分管|副县长
                    break
            if org and not self.org_like(org):
                if not (m.group("deputy") or m.group("acting")) and self._elided_org(s, ps, position):
                    org = prefix + position[0]  # 公安局长 = 公安局 + 局长
                elif position in lx.printed_org and self._printed_org(ext, s, ps, org):
                    pass  # 迪信智能装备董事长: a company printed without 公司
                else:
                    org, prefix, s = "", "", ps
            bare = position in lx.need_org and not org
            if bare and (position not in lx.after_name or m.group("acting") or m.group("deputy")):
                continue
            self.title_starts.add(s)
            out.append(
                _RawTitle(
                    start=s, end=pe, pos_start=ps, ext_start=ext, org=org or None, position=position,
                    deputy=bool(m.group("deputy")), acting=bool(m.group("acting")), bare=bare,
                )
            )
        return out

    def _verb_in_org(self, i: int, ps: int) -> bool:
        """True when [i, ps), right after a stop verb, is a body's name without a level (中心组)."""
        part = self.text[i:ps]
        return (
            0 < len(part) <= 8 and all(is_han(c) for c in part) and self.org_like(part)
            and not any(part.startswith(marker) for marker, _ in self.lx.levels)
        )

    def _printed_org(self, ext: int, s: int, ps: int, org: str) -> bool:
        """True when ``org`` (text[s:ps] without modifiers) may be a company printed without its
        suffix: the leftward reading stopped at a boundary, 2–12 Han characters, no position
        inside, not a name, and pkuseg starts a word where it starts."""
        if not (2 <= len(org) <= 12 and all(is_han(c) for c in org)):
            return False
        if not (ext == 0 or self._is_stop(ext) != 0):
            return False  # the reading ran out of room: no known start
        if self.lx.position_re.search(org) or plausible(org, self.lx):
            return False
        return not self.words.present or s in self.words.starts

    def _bracket_open(self, close: int) -> int | None:
        """Offset of the bracket opening the one at ``close`` when only Han characters are inside."""
        text = self.text
        for j in range(close - 1, max(-1, close - 16), -1):
            ch = text[j]
            if ch in "(（":
                return j if j < close - 1 and j not in self.hard else None
            if not is_han(ch) or j in self.hard:
                return None
        return None

    def _joined_org(self, k: int) -> bool:
        """True when the 和/与/及 at ``k`` joins two words of one organisation name.

        The part before it must open with a level (市经济和信息化委员会) right after a
        boundary, be short, and hold no position (旗委书记甲和州委副书记乙 is two titles).
        """
        text = self.text
        b = k
        while b > max(0, k - 8) and self._is_stop(b) == 0:
            b -= 1
        left = text[b:k]
        if not left or self._is_stop(b) == 0 or self.lx.position_re.search(left):
            return False
        return any(left.startswith(marker) for marker, _ in self.lx.levels) or left.startswith(self.lx.not_title_lead)

    def _elided_org(self, s: int, ps: int, position: str) -> bool:
        """公安局长, 财政局长: a short unit name whose suffix is the position's first character.

        Never across 副 or an acting marker (柏明山副县长 is a name and a title).
        """
        text = self.text
        if not (position.endswith("长") and position[0] in self.lx.org_suffixes):
            return False
        for k in (2, 3, 4):  # 公安|局长 after a boundary, or 市政府办公室|人事|科长 after an organisation
            u = ps - k
            if u < s or not all(is_han(c) for c in text[u:ps]):
                continue
            if u > s:
                if self.org_like(text[s:u]):
                    return True
                continue
            before = text[s - 1] if s > 0 else ""
            if s == 0 or s in self.hard or before in _CHAIN_SEPS or before in PUNCT or before.isspace():
                return True
        return False

    def make_title(self, raw: _RawTitle, rule: str, inherited: str | None = None) -> Title:
        org = raw.org or inherited
        return Title(
            text=self.text[raw.start : raw.end], start=raw.start, end=raw.end, org=org,
            position=raw.position, level=_level_of(org, raw.position),
            deputy=raw.deputy, acting=raw.acting, rule=rule,
        )

    def needs_org(self, raw: _RawTitle) -> bool:
        return raw.org is None and raw.position not in self.lx.self_contained

    def sentence_id(self, i: int) -> int:
        return bisect.bisect_left(self.sentence_ends, i)

    def title_pass(self, raws: list[_RawTitle]) -> None:
        text = self.text
        raws = [r for r in raws if not r.bare]
        by_first: dict[int, list[_RawTitle]] = {}
        for r in raws:
            by_first.setdefault(r.start, []).append(r)

        def inner(r: _RawTitle) -> bool:
            # 州总工会常委会秘书长: 常委 + a short unit word (会) before the next position is organisation
            return any(
                o.end > r.end and 0 < o.pos_start - r.end <= 3 and all(is_han(c) for c in text[r.end : o.pos_start])
                for o in by_first[r.start]
            )

        raws = [r for r in raws if not inner(r)]
        starts = {r.start for r in raws}
        by_start = {r.start: r for r in raws}
        last_org: tuple[int, str] | None = None  # (sentence id, org) of the latest titled person
        chain: list[_RawTitle] = []
        for raw in raws:
            if raw.bare:
                continue
            if chain and not (text[chain[-1].end : chain[-1].end + 1] in _CHAIN_SEPS | _COMMAS and raw.start == chain[-1].end + 1):
                chain = []
            chain.append(raw)
            nxt = by_start.get(raw.end + 1)
            if raw.end < self.n and text[raw.end] in _CHAIN_SEPS | _COMMAS and nxt is not None:
                continue  # the chain goes on (村党总支书记,村委主任张某: a title without a name, then another)
            s = raw.end
            while s < self.n and text[s] in _SPACES and s - raw.end < 2:
                s += 1
            s = self._after_note(s)  # 镇党委副书记(挂职)程某: a short note between title and name
            e = None if self._in_longer_word(raw.pos_start, s) else self.name_at(s)
            if e is None and text.startswith("的", s):
                s += 1  # 时任平凉地委副书记的单某
                e = self.name_at(s, strict=True, min_strength=1)
            if e is None:
                chain = []
                continue
            sid = self.sentence_id(raw.start)
            titles: list[Title] = []
            org: str | None = None
            for r in chain:
                inherited = None
                if self.needs_org(r):
                    inherited = org or (last_org[1] if last_org and last_org[0] == sid else None)
                t = self.make_title(r, "title_chain", inherited)
                titles.append(t)
                org = t.org or org
            if org:
                last_org = (sid, org)
            chain = []
            self._name_list(s, e, "title_chain", titles=titles, starts=starts)

    def _after_note(self, s: int) -> int:
        """Past a bracketed note of 1–5 Han characters at ``s`` ((挂职), (兼), (主持工作)), else ``s``."""
        text = self.text
        if s >= self.n or text[s] not in "(（":
            return s
        for k in range(s + 2, min(self.n, s + 7)):
            if text[k] in ")）":
                return k + 1
            if not is_han(text[k]):
                return s
        return s

    def _name_list(
        self, s: int, e: int, rule: str, *, titles: Sequence[Title] = (), group: str | None = None,
        starts: set[int] = frozenset(), strict: bool = False, ambiguous_ok: bool = False, object_cue: bool = False,
    ) -> None:
        text = self.text
        while True:
            self.add(text[s:e], s, e, rule, titles=titles, group=group)
            while text.startswith("同志", e):
                e += 2
            if e < self.n and text[e] == "、" and e + 1 not in starts:
                s = e + 1
                nxt = self.name_at(
                    s, strict=strict, min_strength=1 if strict else 0, ambiguous_ok=ambiguous_ok, object_cue=object_cue,
                )
                if nxt is None and not strict:
                    nxt = self._sandwiched_item(s, ambiguous_ok=ambiguous_ok, object_cue=object_cue)
            elif e < self.n and text[e] in _JOINERS and e + 1 not in starts:
                s = e + 1  # 阎某、习某和桓某: the last name of a list after 和/及/与
                nxt = self.name_at(s, strict=True, min_strength=1)
            else:
                return
            if nxt is None:
                return
            e = nxt

    def _sandwiched_item(self, s: int, **kw: Any) -> int | None:
        """End of a list item at ``s`` that is a word but stands between two names of the list
        (县领导包文斌、田野、柏雅琴): a surname, 1–2 more Han characters, then 、 and a name."""
        text, lx = self.text, self.lx
        k = surname_len(text, s, lx)
        if not k:
            return None
        for e in (s + k + 1, s + k + 2):
            if e < self.n and text[e] == "、" and all(is_han(c) for c in text[s:e]) and self.blocked.isdisjoint(range(s, e)):
                if self.hard.isdisjoint(range(s + 1, e + 1)) and self.name_at(e + 1, **kw) is not None:
                    return e
        return None

    # ------------------------------------------------------------------ other contexts
    def group_pass(self, starts: set[int]) -> None:
        for m in self.lx.label_re.finditer(self.text):
            s = m.end()
            e = self.name_at(s, min_strength=1)
            if e is not None:
                self._name_list(s, e, "group_list", group=m.group("label"), starts=starts)

    def cue_pass(self, starts: set[int]) -> None:
        run_start, last_end = 0, -1  # where the current run of cue words (青年|教师|代表) starts
        for m in self.lx.cue_re.finditer(self.text):
            s = m.end()
            if m.start() != last_end:
                run_start = m.start()
            last_end = s
            strong = len(m.group()) > 1  # 脱贫户, 村民: any surname; 户, 叫, 据: common surnames only
            obj = strong and not self._clause_opening(run_start)
            e = self.name_at(s, strict=True, min_strength=0 if strong else 1, ambiguous_ok=strong, object_cue=obj)
            if e is not None:
                self._name_list(s, e, "name_cue", starts=starts, strict=True, ambiguous_ok=strong, object_cue=obj)
        for m in self.lx.frame_re.finditer(self.text):  # 在王某的带领下
            s, e = m.start("name"), m.end("name")
            if self.name_at(s, strict=True) == e:
                self.add(self.text[s:e], s, e, "name_cue")

    def count_pass(self) -> None:
        """Names right before a count of people (A、B等8位常委): the last one, then the ones
        before it in the same 、 list."""
        text = self.text
        for m in _COUNT_RE.finditer(text):
            e = m.start()
            found: list[tuple[int, int]] = []
            while True:
                s = self._counted_name_before(e)
                if s is None:
                    break
                found.append((s, e))
                if s < 2 or text[s - 1] != "、":
                    break
                e = s - 1
            for s, e in reversed(found):  # in text order
                self.add(text[s:e], s, e, "count_list")

    def _counted_name_before(self, e: int) -> int | None:
        text = self.text
        for length in (3, 2, 4):
            s = e - length
            if s < 0:
                continue
            cand = text[s:e]
            if plausible(cand, self.lx, allow_ambiguous=False) and self.words.boundary(s) and self.blocked.isdisjoint(range(s, e)):
                if not self.words.present or s in self.words.starts:
                    return s
        return None

    def speech_pass(self) -> None:
        text, lx = self.text, self.lx
        for s in self.name_starts:
            if s in self.taken:
                continue
            k = surname_len(text, s, lx)
            if not (self._speech_at(s + k + 1) or self._speech_at(s + k + 2)):
                continue  # the quick test first: wherever the name ends, no 说/同志 follows
            e = self.name_at(s, strict=True, min_strength=1)
            if e is None or not self._speech_at(e):
                continue  # X说 / X同志 at the start of a clause
            if self.words.present and not (s in self.words.starts and e in self.words.ends):
                continue
            self.add(text[s:e], s, e, "speech")

    def _speech_at(self, e: int) -> bool:
        """True when 同志 or a speech word (说, 表示 …) starts at ``e``."""
        return self.tables.speech_re.match(self.text, e) is not None

    def name_title_pass(self, raws: list[_RawTitle]) -> None:
        """赵某书记: a name directly before a bare position (known names, or a whole clause start)."""
        text = self.text
        for raw in raws:
            if raw.org is not None or raw.acting:
                continue
            ps = raw.start
            title = None
            # the longest known name ending at ps: one look-up per length, not a scan of the names
            for length in range(min(self.longest_name, ps), 0, -1):
                name = text[ps - length : ps]
                if name in self.entries:
                    title = self.make_title(raw, "name_title")
                    self.add(name, ps - length, ps, "name_title", titles=[title])
                    break
            if title is not None:
                continue
            for length in (3, 2, 4):
                s = ps - length
                if s < 0 or s < raw.ext_start:
                    continue
                cand = text[s:ps]
                if self.clause_start(s) and plausible(cand, self.lx) and self.words.boundary(s):
                    self.add(cand, s, ps, "name_title", titles=[self.make_title(raw, "name_title")])
                    break

    def apposition_pass(self, raws: list[_RawTitle]) -> None:
        """栗某,四十来岁,某村支部书记。 — a name opening a sentence, then age/sex and a title."""
        text = self.text
        by_start = {r.start: r for r in raws if not r.bare}
        for s in self.name_starts:
            if not (s == 0 or s in self.hard or text[s - 1] in _SENTENCE_END):
                continue
            k = surname_len(text, s, self.lx)
            if not any(e < self.n and text[e] in _COMMAS for e in (s + k + 1, s + k + 2)):
                continue  # the quick test first: wherever the name ends, no comma follows
            e = self.name_at(s, strict=True, min_strength=3)
            if e is None or e >= self.n or text[e] not in ",，":
                continue
            j, described = e + 1, False
            for _ in range(3):
                m = _APPOS_RE.match(text, j)
                if not m:
                    break
                j, described = m.end(), True
            if described and not any(text.startswith(lead, j) for lead in _APPOS_LEAD):
                k = j
                for _ in range(3):  # skip clauses like 1990年入党, up to 现任 + title
                    m = _APPOS_MORE_RE.match(text, k)
                    if not m:
                        break
                    k = m.end()
                    if any(text.startswith(lead, k) and k + len(lead) in by_start for lead in _APPOS_LEAD):
                        j = k
                        break
            for lead in _APPOS_LEAD:
                if text.startswith(lead, j) and j + len(lead) in by_start:
                    j += len(lead)
                    break
            chain: list[_RawTitle] = []
            raw = by_start.get(j)
            while raw is not None:
                chain.append(raw)
                after = text[raw.end] if raw.end < self.n else "。"
                if after in _CHAIN_SEPS:
                    raw = by_start.get(raw.end + 1)
                    continue
                if after not in PUNCT:
                    chain = []
                break
            if chain and raw is None:
                chain = []
            if not (described or chain):
                continue
            titles = [self.make_title(r, "apposition") for r in chain]
            self.add(text[s:e], s, e, "apposition", titles=titles)

    # ------------------------------------------------------------------ appointments
    def _title_at(self, j: int, raws_by_start: dict[int, _RawTitle], by_pos: list[_RawTitle], pos_starts: list[int]) -> _RawTitle | None:
        """The title starting exactly at ``j``: a found one, or one whose organisation was read
        further left than ``j`` (任命甲为县某局局长 when pkuseg glued 为 to the unit), cut at ``j``."""
        raw = raws_by_start.get(j)
        if raw is not None:
            return raw
        k = bisect.bisect_left(pos_starts, j)
        if k == len(by_pos):
            return None
        raw = by_pos[k]
        if not (raw.start < j <= raw.pos_start) or any(self.text[i] in PUNCT for i in range(j, raw.pos_start)):
            return None
        org = self.text[j : raw.pos_start]
        for mod in self.lx.position_modifiers:
            if org.endswith(mod):
                org = org[: -len(mod)]
                break
        if org and not self.org_like(org):
            return None
        if not org and raw.position in self.lx.need_org:
            return None
        return attrs.evolve(raw, start=j, ext_start=j, org=org or None, bare=False)

    def _appointed(self, s: int, connectors: Sequence[str], lookup: tuple) -> tuple[int, int, list[_RawTitle]] | None:
        """A name at ``s``, a connector and a title chain that ends the clause: (name end, chain end, chain)."""
        text, lx = self.text, self.lx
        k = surname_len(text, s, lx)
        if not k or s in self.blocked:
            return None
        for given in (2, 1):
            e = s + k + given
            # the connector first: it is the cheap test, and most clause starts have none
            if e > self.n or not text.startswith(connectors, e):
                continue
            if not plausible(text[s:e], lx) or not self.blocked.isdisjoint(range(s, e)):
                continue
            for conn in connectors:
                if not text.startswith(conn, e):
                    continue
                j = e + len(conn)
                chain: list[_RawTitle] = []
                raw = self._title_at(j, *lookup)
                while raw is not None:
                    chain.append(raw)
                    nxt = raw.end + 1
                    if raw.end < self.n and text[raw.end] in _CHAIN_SEPS and not self._named_at(nxt, connectors):
                        raw = self._title_at(nxt, *lookup)
                    else:
                        raw = None  # 、乙为…: the next appointment, not another title of this one
                if not chain:
                    continue
                end = chain[-1].end
                if end >= self.n or text[end] in PUNCT or end in self.hard:
                    return e, end, chain
                for word in lx.appoint_ends:
                    if text.startswith(word, end):
                        return e, end + len(word), chain
        return None

    def _named_at(self, s: int, connectors: Sequence[str]) -> bool:
        """True when a plausible name followed by a connector starts at ``s`` (乙为…)."""
        k = surname_len(self.text, s, self.lx)
        return bool(k) and any(
            plausible(self.text[s : s + k + g], self.lx) and any(self.text.startswith(c, s + k + g) for c in connectors)
            for g in (2, 1)
        )

    def appointment_pass(self, raws: list[_RawTitle]) -> None:
        """任命甲为县某局局长、乙为县某局局长; 免去丙的县某局局长职务; 丁任县某局局长。"""
        text, lx = self.text, self.lx
        usable = [r for r in raws if not r.bare]
        by_pos = sorted(usable, key=lambda r: r.pos_start)
        lookup = ({r.start: r for r in usable}, by_pos, [r.pos_start for r in by_pos])
        heads: list[tuple[int, Sequence[str]]] = []
        heads.extend((m.end(), lx.appoint_connectors) for m in lx.appoint_re.finditer(text))
        heads.extend((s, lx.clause_connectors) for s in self.name_starts)
        for s, connectors in heads:
            while True:
                got = self._appointed(s, connectors, lookup)
                if got is None:
                    break
                e, end, chain = got
                titles = [self.make_title(r, "appointment") for r in chain]
                if not self.add(text[s:e], s, e, "appointment", titles=titles):
                    break
                if end < self.n and text[end] in "、,，;；" and connectors is lx.appoint_connectors:
                    s = end + 1  # 任命甲为…、乙为…: the same verb goes on
                    continue
                break

    def mention_pass(self) -> None:
        names = [n for n in self.entries if n not in self.byline_names]
        if not names:
            return
        for s, name in _occurrences(self.text, names):
            e = s + len(name)
            if not self.blocked.isdisjoint(range(s, e)) or s in self.entries[name].mentions:
                continue
            if e - s == 2 and self.follow_strength(e) == 0 and not (self.words.present and s in self.words.starts and e in self.words.ends):
                continue  # a two-character name inside a longer word or name (王海|涛)
            self.add(name, s, e, "mention")

    def surname_title_pass(self, raws: list[_RawTitle]) -> None:
        """柯书记: a reference linked to the one person with that surname and that position.

        With no such person, or several, the reference is no Person (it is never a name).
        """
        by_surname: dict[str, list[str]] = {}
        for name in self.entries:
            if name in self.byline_names or not self.entries[name].full:
                continue
            k = surname_len(name, 0, self.lx)
            by_surname.setdefault(name[:k], []).append(name)
        text = self.text
        for raw in raws:
            if raw.org is not None:
                continue
            for k in (2, 1):
                s = raw.start - k
                if s < 0 or s in self.taken:
                    continue
                people = [
                    name for name in by_surname.get(text[s : raw.start], [])
                    if any(t.position == raw.position and (t.deputy or not raw.deputy) for t in self.entries[name].titles)
                ]
                if len(people) == 1 and (s == 0 or not is_han(text[s - 1]) or self._is_stop(s) != 0):
                    self.add(people[0], s, raw.end, "surname_title", full=False)
                    break

    # ------------------------------------------------------------------ result
    def persons(self) -> list[Person]:
        out = []
        for entry in self.entries.values():
            if entry.name in self.byline_names or not entry.full:
                continue
            first = min(entry.full)
            span = entry.mentions[first]
            out.append(
                Person(
                    name=entry.name, text=span.text, start=span.start, end=span.end,
                    mentions=tuple(entry.mentions[k] for k in sorted(entry.mentions)),
                    titles=tuple(sorted(entry.titles, key=lambda t: t.start)),
                    group=entry.group, rule=entry.rule,
                )
            )
        out.sort(key=lambda p: p.start)
        return out


def find_people(text: str, *, words: Sequence[tuple[int, int]] | None = None, headings: Iterable[tuple[int, int]] = ()) -> list[Person]:
    """People named in an article, with their titles and all their mentions.

    text (str): the article text (headlines included; offsets index this string).
    words (list[tuple[int, int]] | None): pkuseg word offsets, used as evidence of word
        boundaries (names are found without them too).
    headings (iterable[tuple[int, int]]): char ranges of headline lines; a headline ends a
        clause even without punctuation.
    RETURNS (list[Person]): one Person per distinct name, in order of first full mention.
    """
    if not isinstance(text, str) or not text:
        return []
    f = _Finder(text, words, headings)
    f.find_bylines()
    raws = f.find_titles()
    starts = {r.start for r in raws if not r.bare}
    f.title_pass(raws)
    f.appointment_pass(raws)
    f.group_pass(starts)
    f.cue_pass(starts)
    f.count_pass()
    f.name_title_pass(raws)
    f.speech_pass()
    f.apposition_pass(raws)
    f.mention_pass()
    f.surname_title_pass(raws)
    return f.persons()
