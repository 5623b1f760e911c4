"""Find policy-goal statements in a text (pure: no model needed).

The markers and context rules are data: ``goals/data/markers.yaml``.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any, Optional

import attrs
import regex

from newsextract._data import load_yaml
from newsextract.clauses import CLAUSE_END, OPENERS, clauses, sentences
from newsextract.errors import RulesError
from newsextract.goals.records import Goal
from newsextract.spans import OffsetIndex, Span

_PACKAGE = "newsextract.goals"
_CLAUSE_STOP = frozenset("；;")  # a goal never runs past these (but a list header's goal does)
_LIST_COLON = frozenset("：:")  # a marker ending in one heads a list of aims (目标任务：)
_TRAILING = CLAUSE_END | frozenset(" \t\r\u3000")
_WINDOW = 200  # characters after a marker that its `requires` check looks at
_QUOTE_CLOSE = {"“": "”", "‘": "’", "「": "」", "『": "』"}
_TITLE_OPEN = {"《": "》"}
_MARK_KINDS = frozenset(_QUOTE_CLOSE) | frozenset(_TITLE_OPEN)


@attrs.frozen
class _Marker:
    name: str
    pattern: Any
    requires: Any
    requires_figure: bool
    before: Any
    strength: Optional[str]
    start: str
    extend: str
    past: Optional[str]
    self_contained: bool


@attrs.frozen
class _Rules:
    markers: tuple[_Marker, ...]
    marker_search: tuple[tuple[Any, tuple[int, ...]], ...]  # see _marker_search
    figure: Any
    lead: Any
    frame: Any
    purpose: Any
    stop: Any
    directive: Any
    past: Any
    forward: Any
    review: Any
    result_head: Any
    strength_words: tuple[tuple[str, Any], ...]
    speech: Any
    body: Any
    pronoun: Any
    not_deadline: Any
    speaker_window: int
    continues_speech: Any


def _compile(source: str, where: str, subst: dict[str, str]) -> Any:
    for key, value in subst.items():
        source = source.replace("{" + key + "}", f"(?:{value})")
    try:
        return regex.compile(source)
    except regex.error as e:
        raise RulesError(f"goals/data/markers.yaml: bad regex in {where}: {e}") from e


@functools.cache
def _rules() -> _Rules:
    data = load_yaml(_PACKAGE, "data/markers.yaml")
    try:
        subst = {"FIGURE": data["figure"], "RESULT": data["result_verbs"]}
        markers = []
        for m in data["markers"]:
            name = m["name"]
            req = m.get("requires")
            markers.append(
                _Marker(
                    name=name,
                    pattern=_compile(m["pattern"], name, subst),
                    requires=_compile(req, name, subst) if req else None,
                    requires_figure=bool(req and "{FIGURE}" in req),
                    before=_compile(m["before"], name, subst) if m.get("before") else None,
                    strength=m.get("strength"),
                    start=m.get("start", "marker"),
                    extend=m.get("extend", "figures"),
                    past=m.get("past") or None,
                    self_contained=bool(m.get("self_contained", False)),
                )
            )
            mk = markers[-1]
            if mk.start not in ("marker", "clause") or mk.extend not in ("figures", "sentence") \
                    or mk.past not in (None, "clause", "sentence", "paragraph"):
                raise RulesError(f"goals/data/markers.yaml: marker {name}: bad start/extend value")
        return _Rules(
            markers=tuple(markers),
            marker_search=_marker_search(markers, [bool(m.get("search_alone", False)) for m in data["markers"]]),
            figure=_compile(data["figure"], "figure", {}),
            lead=_compile(data["lead"], "lead", {}),
            frame=_compile(data["frame"], "frame", {}),
            purpose=_compile(data["purpose"], "purpose", {}),
            stop=_compile(data["stop"], "stop", {}),
            directive=_compile(data["directive"], "directive", {}),
            past=_compile(data["past"], "past", {}),
            forward=_compile(data["forward"], "forward", {}),
            result_head=_compile(data["result_head"], "result_head", subst),
            review=_compile(f'(?:{data["past"]})|(?:{data["review"]})', "review", {}),
            strength_words=tuple(
                (kind, _compile(p, f"strength_words.{kind}", {})) for kind, p in data["strength_words"].items()
            ),
            speech=_compile(data["speech"], "speech", {}),
            body=_compile(data["body"], "body", {}),
            pronoun=_compile(data["pronoun"], "pronoun", {}),
            not_deadline=_compile(data["not_deadline"], "not_deadline", {}),
            speaker_window=int(data["speaker_window"]),
            continues_speech=_compile(data["continues_speech"], "continues_speech", {}),
        )
    except (KeyError, TypeError, ValueError) as e:
        raise RulesError(f"goals/data/markers.yaml is malformed: {e!r}") from e


def _marker_search(markers: list[_Marker], alone: list[bool]) -> tuple[tuple[Any, tuple[int, ...]], ...]:
    """Alternations that find where the next marker starts: (regex, lexicon index of each branch).

    One alternation holds every marker but those marked ``search_alone``, which get one each;
    the earliest match over all of them is the earliest of any marker however they are grouped
    (the grouping only matters for speed, see ``search_alone`` in markers.yaml). Each branch is
    a group, so ``match.lastindex`` names the first marker, in lexicon order, matching there.
    """
    for mk in markers:
        if mk.pattern.groups:
            raise RulesError(f"goals/data/markers.yaml: marker {mk.name}: use (?:...), not capturing groups")
    together = [i for i, a in enumerate(alone) if not a]
    groups = ([together] if together else []) + [[i] for i, a in enumerate(alone) if a]
    return tuple(
        (regex.compile("|".join(f"({markers[i].pattern.pattern})" for i in g)), tuple(g)) for g in groups
    )


class _Sorted(OffsetIndex):
    """Grounded objects sorted by start (objects without offsets are left out)."""

    def __init__(self, items: Iterable[Any]):
        super().__init__(x for x in items if _has_offsets(x))

    def last_before(self, pos: int, not_before: int = 0, where: Any = None) -> Any:
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0 and self.items[i].start >= not_before:
            if self.items[i].end <= pos and (where is None or where(self.items[i])):
                return self.items[i]
            i -= 1
        return None


def _has_offsets(x: Any) -> bool:
    return isinstance(getattr(x, "start", None), int) and isinstance(getattr(x, "end", None), int)


def _mentions(people: Iterable[Any]) -> list[Any]:
    out = []
    for p in people:
        ms = [m for m in (getattr(p, "mentions", None) or ()) if _has_offsets(m)]
        out.extend(ms or ([p] if _has_offsets(p) else []))
    return out


def _merged(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping union of ``(start, end)`` ranges."""
    out: list[tuple[int, int]] = []
    for s, e in sorted((int(s), int(e)) for s, e in ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _head(text: str, start: int, end: int) -> str:
    """The first characters of ``text[start:end]``, for patterns anchored at its start."""
    return text[start: min(end, start + 40)]


def _content_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


class _Marks:
    """The quote, title and bracket pairs of one clause, scanned once (as ``clauses`` does).

    Pairs are properly nested; an unclosed one runs to the clause end.
    """

    def __init__(self, text: str, start: int, end: int):
        self.opens: list[int] = []  # offset of each opener, in order
        self.closes: list[int] = []  # offset of its closer (or ``end``)
        self.kinds: list[str] = []
        self.parents: list[int] = []
        stack: list[int] = []
        for i in range(start, end):
            ch = text[i]
            if stack and ch == OPENERS[self.kinds[stack[-1]]]:
                self.closes[stack.pop()] = i
            elif ch in OPENERS and len(stack) < 3 and not (ch == "“" and stack and self.kinds[stack[-1]] == "“"):
                self.parents.append(stack[-1] if stack else -1)
                stack.append(len(self.opens))
                self.opens.append(i)
                self.closes.append(end)
                self.kinds.append(ch)
        self._inner: dict[int, list[Span]] = {}

    def enclosing(self, pos: int) -> int:
        """Index of the innermost quote (“‘「『) or title (《) pair open at ``pos``, or -1."""
        # the innermost pair around pos is the last one opened before it, or an ancestor
        i = bisect.bisect_left(self.opens, pos) - 1
        while i >= 0 and not (pos < self.closes[i] and self.kinds[i] in _MARK_KINDS):
            i = self.parents[i]
        return i

    def inner_clauses(self, text: str, i: int) -> list[Span]:
        """The clauses inside pair ``i`` (computed once)."""
        if i not in self._inner:
            self._inner[i] = clauses(text, self.opens[i] + 1, self.closes[i])
        return self._inner[i]


class _Finder:
    def __init__(self, text: str, indicators: Sequence[Any], dates: Sequence[Any], people: Sequence[Any],
                 headings: Sequence[tuple[int, int]], words: Optional[Sequence[tuple[int, int]]]):
        self.text = text
        self.r = _rules()
        self.indicators = _Sorted(indicators)
        self.dates = _Sorted(dates)
        self.mentions = _Sorted(_mentions(people))
        self.headings = _merged(headings)
        self.heading_starts = [s for s, _ in self.headings]
        # C-level map/frozenset: an article has thousands of words
        self.word_starts = frozenset(map(itemgetter(0), words)) if words else None
        self.word_ends = frozenset(map(itemgetter(1), words)) if words else frozenset()
        self._past_cache: dict[tuple[int, int], bool] = {}
        self._para_past = (0, 0, -1)  # paragraph start, end, first review cue in it (or -1)
        self._marks_cache: dict[tuple[int, int], _Marks] = {}
        # per marker regex: (searched from, searched to, match or None) of its last search;
        # reused while it still answers the question, so that a clause with many rejected
        # marker hits is not rescanned to its end for every hit (quadratic on long clauses)
        self._last_search: list[tuple[int, int, Any]] = [(-1, -1, None)] * len(self.r.marker_search)

    def marks(self, clause: Span) -> _Marks:
        key = (clause.start, clause.end)
        if key not in self._marks_cache:  # one clause at a time: scanned once, then dropped
            self._marks_cache = {key: _Marks(self.text, clause.start, clause.end)}
        return self._marks_cache[key]

    # ------------------------------------------------------------ checks
    def in_heading(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.heading_starts, start) - 1
        return i >= 0 and end <= self.headings[i][1]

    def has_figure(self, start: int, end: int) -> bool:
        if end <= start:
            return False
        return bool(self.indicators.inside(start, end)) or self.r.figure.search(self.text[start:end]) is not None

    def marker_in(self, clause: Span, pos: int) -> Optional[tuple[_Marker, Any]]:
        """The earliest marker match in ``clause`` at or after ``pos`` that passes its checks
        (at one position, the first marker listed in the lexicon wins)."""
        end = clause.end
        while pos < end:
            at, first = self.next_marker(pos, end)
            if at < 0:
                return None
            for mk in self.r.markers[first:]:  # the markers listed before `first` do not match at `at`
                m = mk.pattern.match(self.text, at, end)
                if m is not None and m.end() > m.start() and self.accept(mk, m, clause):
                    return mk, m
            pos = at + 1
        return None

    def next_marker(self, pos: int, end: int) -> tuple[int, int]:
        """(offset, lexicon index of the first marker matching there) of the earliest marker
        match in ``text[pos:end]``, or (-1, -1)."""
        best = (-1, -1)
        for k, (rx, branches) in enumerate(self.r.marker_search):
            lo, hi, f = self._last_search[k]
            # the earlier search covered [lo, hi) with hi == end and lo <= pos: its leftmost
            # match is still the leftmost from pos if it starts at or after pos (or there was none)
            if not (hi == end and 0 <= lo <= pos and (f is None or f.start() >= pos)):
                f = rx.search(self.text, pos, end)
                self._last_search[k] = (pos, end, f)
            if f is not None:
                hit = (f.start(), branches[f.lastindex - 1])
                if best[0] < 0 or hit < best:
                    best = hit
        return best

    def accept(self, mk: _Marker, m: Any, clause: Span) -> bool:
        text = self.text
        # a marker starts a word, or ends one the segmenter glued to what precedes it
        # ("上下务求": 全镇/上下务求/打赢); never inside a word ("的确/保持")
        if self.word_starts is not None and m.start() not in self.word_starts and m.end() not in self.word_ends:
            return False
        if self.in_heading(m.start(), m.end()):
            return False
        stop = _content_end(text, clause.start, clause.end)
        aim = m.end()
        if mk.requires is not None and stop - m.end() < 2:
            # "年底前，实现……": a marker that ends its clause takes its aim from the next one
            aim, stop = clause.end, self.next_clause_end(clause.end)
        after = text[aim: min(stop, aim + _WINDOW)]
        if mk.requires is not None and mk.requires.search(after) is None:
            if not (mk.requires_figure and self.indicators.inside(aim, min(stop, aim + _WINDOW))):
                return False
        if mk.before is not None and mk.before.search(text[max(clause.start, m.start() - 40): m.start()]) is None:
            return False
        return True

    def next_clause_end(self, pos: int) -> int:
        """Content end of the clause that starts at ``pos`` (never past a sentence end or ；;)."""
        text = self.text
        if pos > 0 and text[pos - 1] in _CLAUSE_STOP:
            return pos
        hi = min(len(text), pos + _WINDOW)
        i = pos
        while i < hi and text[i] not in CLAUSE_END and text[i] != "\n":
            i += 1
        return _content_end(text, pos, i)

    def paragraph_has_past(self, pos: int) -> bool:
        """Whether the paragraph holding ``pos`` reports results (a ``past`` or ``review``
        cue) before ``pos``."""
        para, end, first = self._para_past
        if not para <= pos < end:  # one look per paragraph keeps long paragraphs linear
            para = self.text.rfind("\n", 0, pos) + 1
            nl = self.text.find("\n", pos)
            end = nl if nl >= 0 else len(self.text)
            m = self.r.review.search(self.text, para, end)
            first = m.start() if m is not None else -1
            self._para_past = (para, end, first)
        return 0 <= first < pos

    # ------------------------------------------------------------ goals
    def goals(self) -> list[Goal]:
        out: list[Goal] = []
        speaker: Optional[tuple[Span, str]] = None
        last_end = 0
        for sent in sentences(self.text):
            # a speaker's words run on to the end of the paragraph, and into the next one
            # when it opens with a directive (要……, 一是……, 同时……)
            new_paragraph = "\n" in self.text[last_end: sent.start]
            last_end = sent.end
            if new_paragraph and speaker is not None:
                if not self.r.continues_speech.match(_head(self.text, sent.start, sent.end)):
                    speaker = None
            found, speaker = self.sentence_goals(sent, speaker)
            out.extend(found)
        return out

    def sentence_goals(self, sent: Span, speaker: Optional[tuple[Span, str]]):
        cls = clauses(self.text, sent.start, sent.end)  # sliced from the text's cached split
        found: list[Goal] = []
        speech_done = sent.start  # speech verbs before this offset were already read
        covered = pos = sent.start  # end of the last goal; where the marker search goes on
        ci = 0
        while ci < len(cls):
            clause = cls[ci]
            hit = self.marker_in(clause, max(pos, clause.start))
            if hit is None:
                ci += 1
                continue
            mk, m = hit
            goal_span = self.extent(mk, m, cls, ci, covered)
            if goal_span is None:
                pos = m.start() + 1
                continue
            gs, ge, last, quote_end = goal_span
            speaker = self.speaker_before(sent, speech_done, gs, speaker)
            speech_done = gs
            owner = speaker
            if quote_end >= 0:  # “……力争……。”刘志强说
                owner = self.speaker_after(sent, quote_end) or speaker
            prev = cls[ci - 1].start if ci > 0 else clause.start
            found.append(self.make_goal(mk, m, clause, gs, ge, owner, sent.start, prev))
            covered = pos = ge
            ci = last if ge < cls[last].end else last + 1
        speaker = self.speaker_before(sent, speech_done, sent.end, speaker)
        return found, speaker

    def extent(self, mk: _Marker, m: Any, cls: list[Span], ci: int, pos: int) -> Optional[tuple[int, int, int, int]]:
        """(start, end, index of the last clause, end of the enclosing quote or -1) of the goal."""
        text, r = self.text, self.r
        clause = cls[ci]
        marks = self.marks(clause)
        q = marks.enclosing(m.start())
        if q >= 0 and marks.kinds[q] in _TITLE_OPEN:
            return None  # a marker inside 《……》 names a document
        quote_end, units, k = -1, cls, ci
        if q >= 0:
            # inside “……” the quote is the sentence: its clauses, never past its close
            quote_end = marks.closes[q]
            units = marks.inner_clauses(text, q)
            k = _unit_at(units, m.start())
            if k < 0 or not units[k].start <= m.start() < units[k].end:
                return None
        unit = units[k]
        if mk.start == "marker":
            gs = m.start()
            lead = r.lead.search(text[max(unit.start, pos, gs - 6): gs])
            if lead:
                gs -= len(lead.group())
        else:
            gs = max(unit.start, pos)
            frame = r.frame.match(text[gs: m.start()])
            if frame:
                gs += len(frame.group())
        while gs < m.start() and text[gs].isspace():
            gs += 1
        ge, last = self.extend(mk, units, k, gs, m.end())
        if quote_end >= 0:
            last = ci
        if ge - m.end() < (0 if mk.self_contained else 2):
            return None  # a marker with no aim after it
        if mk.past == "clause" and r.past.search(text[unit.start: ge]) is not None:
            return None
        if mk.past in ("sentence", "paragraph") and self.sentence_has_past(cls):
            return None
        if mk.past == "paragraph" and self.paragraph_has_past(cls[0].start) \
                and r.forward.search(text, gs, ge) is None:
            return None  # a figure in a paragraph reporting the past year, with no target word
        return gs, ge, last, quote_end

    def extend(self, mk: _Marker, cls: list[Span], ci: int, gs: int, marker_end: int) -> tuple[int, int]:
        """End of the goal whose marker is in ``cls[ci]``, and the index of its last clause."""
        text, r = self.text, self.r
        clause = cls[ci]
        ge, last = _content_end(text, clause.start, clause.end), ci
        if r.purpose.search(text[max(clause.start, gs - 4): gs]) is not None:
            return ge, last  # 为确保……，<the means>
        # "目标任务：A；B。": a list header ending in a colon covers its items to the sentence
        # end, across ；and past the markers inside them (要实现……)
        header = mk.extend == "sentence" and (
            text[marker_end - 1] in _LIST_COLON or text.startswith(tuple(_LIST_COLON), marker_end)
        )
        j = ci + 1
        while j < len(cls) and (header or text[cls[j - 1].end - 1] not in _CLAUSE_STOP):
            nxt = cls[j]
            # "到2031年，" / "目标：": the aim is in the next clause
            bare = not mk.self_contained and ge - marker_end < 2
            if bare and r.stop.match(_head(text, nxt.start, nxt.end)):
                break
            if not bare and not self.continues(mk, nxt, header):
                break
            ge, last = _content_end(text, nxt.start, nxt.end), j
            j += 1
        return ge, last

    def _in_title(self, clause: Span, pos: int) -> bool:
        marks = self.marks(clause)
        q = marks.enclosing(pos)
        return q >= 0 and marks.kinds[q] in _TITLE_OPEN

    def sentence_has_past(self, cls: list[Span]) -> bool:
        key = (cls[0].start, cls[-1].end)
        if key not in self._past_cache:  # one look per sentence keeps long sentences linear
            self._past_cache = {key: self.r.past.search(self.text, key[0], key[1]) is not None}
        return self._past_cache[key]

    def continues(self, mk: _Marker, nxt: Span, header: bool = False) -> bool:
        """Whether the goal whose marker is ``mk`` goes on into clause ``nxt``.

        header (bool): the marker heads a list ("目标任务："): a marker in ``nxt`` is one of
            its items, not a goal of its own.
        """
        r, text = self.r, self.text
        head = _head(text, nxt.start, nxt.end)
        if r.stop.match(head) or (not header and self.marker_in(nxt, nxt.start) is not None):
            return False
        if mk.extend == "sentence":
            return True
        if r.directive.match(head):
            return False
        end = _content_end(text, nxt.start, nxt.end)
        states = self.has_figure(nxt.start, end) or r.result_head.match(head) is not None
        return states and r.past.search(text, nxt.start, end) is None

    def make_goal(self, mk: _Marker, m: Any, clause: Span, gs: int, ge: int,
                  speaker: Optional[tuple[Span, str]], sent_start: int, prev_clause_start: int) -> Goal:
        text = self.text
        targets = tuple(_as_target(ind) for ind in self.indicators.inside(gs, ge))
        strength = mk.strength
        if strength is None:  # 必须……实现, 要确保在年内……: a strength word in the clause, not in 《……》
            hits = [
                (h.start(), kind)
                for kind, w in self.r.strength_words
                for h in w.finditer(text, max(clause.start, gs - 20), ge)
                if not self._in_title(clause, h.start())
            ]
            strength = min(hits)[1] if hits else None
        return Goal(
            text=text[gs:ge], start=gs, end=ge,
            marker=Span.of(text, m.start(), m.end()),
            targets=targets,
            deadline=self.deadline(gs, ge, sent_start, prev_clause_start),
            owner=speaker[0] if speaker else None,
            owner_kind=speaker[1] if speaker else None,
            strength=strength,
            rule=mk.name,
        )

    def deadline(self, gs: int, ge: int, sent_start: int, lo: int) -> Any:
        inside = self.dates.inside(gs, ge)
        if inside:
            return next((d for d in inside if _is_deadline(d)), inside[0])
        # "明年全镇要……，实现……目标": a year or a 前 date in the goal's clause or the one just
        # before dates the goal (not the meeting's day "9月3日上午", not 今年以来, not 去年)
        return self.dates.last_before(gs, not_before=max(sent_start, lo), where=self.is_deadline)

    def is_deadline(self, date: Any) -> bool:
        return _is_deadline(date) and not self.r.not_deadline.search(str(getattr(date, "text", "")))

    # ------------------------------------------------------------ owners
    def speaker_before(self, sent: Span, lo: int, hi: int, speaker: Optional[tuple[Span, str]]):
        """The speaker after reading the speech verbs of ``text[lo:hi]`` (last one wins)."""
        text, r = self.text, self.r
        for v in r.speech.finditer(text, lo, hi):
            who = self.subject_of(sent, v.start())
            if who is not None:
                speaker = who
        return speaker

    def speaker_after(self, sent: Span, close: int) -> Optional[tuple[Span, str]]:
        """The speaker named right after a closing quote (“……”X说)."""
        text, r = self.text, self.r
        v = r.speech.search(text, close + 1, min(sent.end, close + 1 + r.speaker_window))
        if v is None:
            return None
        ref = self.mentions.last_before(v.start(), not_before=close + 1)
        if ref is not None:
            return Span.of(text, ref.start, ref.end), "person"
        b = r.body.search(text[close + 1: v.start()])
        if b is None:
            return None
        return Span.of(text, close + 1 + b.start("body"), close + 1 + b.end("body")), "body"

    def subject_of(self, sent: Span, verb: int) -> Optional[tuple[Span, str]]:
        text, r = self.text, self.r
        left = text[max(sent.start, verb - r.speaker_window): verb]
        b = r.body.search(left)
        if b is not None:
            base = verb - len(left)
            return Span.of(text, base + b.start("body"), base + b.end("body")), "body"
        if r.pronoun.search(left) is not None:
            ref = self.mentions.last_before(verb)
            return (Span.of(text, ref.start, ref.end), "person") if ref is not None else None
        ref = self.mentions.last_before(verb, not_before=max(sent.start, verb - r.speaker_window))
        if ref is not None:
            return Span.of(text, ref.start, ref.end), "person"
        return None


def _unit_at(units: list[Span], pos: int) -> int:
    lo, hi = 0, len(units)
    while lo < hi:
        mid = (lo + hi) // 2
        if units[mid].start <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def _is_deadline(date: Any) -> bool:
    """A date that can be a goal's due time: a year (今年, 2031年) or a period open at its
    start (年底前/5月底前); not a day, and not a period open at its end (今年以来)."""
    interval = getattr(date, "interval", None)
    if interval is not None:
        return getattr(interval, "start", None) is None and getattr(interval, "end", None) is not None
    return getattr(date, "grain", None) == "year"


def _as_target(ind: Any) -> Any:
    if attrs.has(type(ind)) and any(a.name == "is_target" for a in attrs.fields(type(ind))):
        return ind if getattr(ind, "is_target", False) else attrs.evolve(ind, is_target=True)
    return ind


def find_goals(
    text: str,
    *,
    indicators: Sequence[Any] = (),
    dates: Sequence[Any] = (),
    people: Sequence[Any] = (),
    headings: Sequence[tuple[int, int]] = (),
    words: Optional[Sequence[tuple[int, int]]] = None,
) -> list[Goal]:
    """Policy goals stated in ``text`` (targets, commitments: 确保…… 力争…… 全年……以上).

    text (str): the article text.
    indicators (Sequence[Indicator]): indicators found in ``text``; those inside a goal
        become its ``targets`` (as ``attrs.evolve(ind, is_target=True)``).
    dates (Sequence[DateValue]): dates found in ``text``; the one in (or just before) a
        goal is its ``deadline``.
    people (Sequence[Person]): people found in ``text``; their ``mentions`` give the
        speaker who set a goal.
    headings (Sequence[tuple[int, int]]): char ranges of headlines; no goal starts there.
    words (Sequence[tuple[int, int]] | None): word offsets (pkuseg); when given, a marker
        must start a word.
    RETURNS (list[Goal]): the goals in text order, offsets into ``text``.
    """
    if not isinstance(text, str) or not text:
        return []
    return _Finder(text, indicators, dates, people, headings, words).goals()
