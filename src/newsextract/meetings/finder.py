"""Find the meetings an article reports as held (pure function, no model needed).

How it works (rules in ``meetings/data/*.yaml``):

0. A line break pasted inside a sentence ("…副镇长王某出\n席会议。") is taken out first;
   the records are mapped back onto the text as given.
1. Each sentence with a held verb (召开, 举行, 主持, 开幕…) or an embedded form
   ("召开的Y会上", "从Y会议上获悉", "X在Y会上强调") gives candidates: the name after the verb
   (organ + session joined: "X委员会召开第四次会议" → "X委员会第四次会议") or before it
   ("Y会议在…召开"). Planned, requested or referred-to meetings (关于召开, 确保召开好,
   传达学习…会议精神, 《…》) and non-meetings (团拜会, 运动会, 委员会) are dropped.
2. Candidates with the same or a similar name in one article (a headline run starts a new
   article) are one meeting; the body sentence grounds it, the longest name names it. A
   headline meeting also folds into the body meeting of the same organ and kind, so that
   the dated body report wins over a looser headline name.
3. Its context runs from its sentence to the next meeting (or 会后…, or the article end):
   chair = persons right before 主持; participants = persons whose clause verb is an
   attendance verb (出席, 参加, 列席, 应邀出席 — the whole run of comma-separated items before
   the verb, each with its own titles) or who, as the clause subject, speak or report
   (强调, 讲话, 汇报, 领学, 作…辅导…), or whom the meeting invited (特邀X). Agenda items and
   reporting units come from the same context. The date is the one nearest before the verb
   in the sentence (a run of days: its first day), else the article's opening date.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import regex

from newsextract.clauses import clauses, sentences
from newsextract.meetings.records import Meeting, Participant
from newsextract.meetings.rules import Rules, rules
from newsextract.numbers.parse import parse_number
from newsextract.spans import OffsetIndex, Span, remap


@attrs.frozen(kw_only=True)
class _Candidate:
    sentence: Span
    name: str
    parts: tuple[Span, ...]
    anchor: int  # where the report starts: the verb (dates are read before it)
    rule: str
    heading: bool
    organizer: Span | None = None
    location: Span | None = None
    speaker_at: int | None = None  # "X在Y会上强调": the offset of 在, X ends just before it


@attrs.define
class _Index:
    """People mentions and title spans, sorted, for quick look-ups by offset."""

    mentions: list[tuple[int, int, int]]  # (start, end, person index)
    starts: list[int]
    names: list[str]
    titles: list[tuple[int, int]]
    title_starts: list[int]

    @classmethod
    def build(cls, people: Iterable[Any], text: str) -> "_Index":
        mentions: list[tuple[int, int, int]] = []
        titles: list[tuple[int, int]] = []
        names: list[str] = []
        for i, p in enumerate(people):
            name = getattr(p, "name", None) or getattr(p, "text", None)
            if not isinstance(name, str) or not name:
                continue
            idx = len(names)
            names.append(name)
            spans = list(getattr(p, "mentions", ()) or ())
            if not spans and hasattr(p, "start"):
                spans = [p]
            for m in spans:
                s, e = _offsets(m, len(text))
                if s is not None:
                    mentions.append((s, e, idx))
            for t in getattr(p, "titles", ()) or ():
                s, e = _offsets(t, len(text))
                if s is not None:
                    titles.append((s, e))
        mentions = sorted(set(mentions))
        titles = sorted(set(titles))
        return cls(mentions, [m[0] for m in mentions], names, titles, [t[0] for t in titles])

    def in_range(self, start: int, end: int) -> list[tuple[int, int, int]]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i][0] < end:
            if self.mentions[i][1] <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def span_at(self, pos: int) -> int | None:
        """End of a mention or title that starts at ``pos`` (the longest), else None."""
        best = None
        i = bisect.bisect_left(self.starts, pos)
        while i < len(self.mentions) and self.mentions[i][0] == pos:
            best = max(best or 0, self.mentions[i][1])
            i += 1
        j = bisect.bisect_left(self.title_starts, pos)
        while j < len(self.titles) and self.titles[j][0] == pos:
            best = max(best or 0, self.titles[j][1])
            j += 1
        return best


class _Dates(OffsetIndex):
    """Date mentions sorted by offset, with look-ups by start and end."""

    def __init__(self, dvs: Iterable[Any]) -> None:
        super().__init__(dvs)
        self.by_start: dict[int, Any] = {}
        self.by_end: dict[int, Any] = {}
        for d in self.items:  # in (start, end) order: the first of equal mentions wins
            if d.end > self.by_start.get(d.start, d).end or d.start not in self.by_start:
                self.by_start[d.start] = d
            if d.end not in self.by_end or d.start < self.by_end[d.end].start:
                self.by_end[d.end] = d



def _offsets(obj: Any, n: int) -> tuple[int | None, int]:
    s, e = getattr(obj, "start", None), getattr(obj, "end", None)
    if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n:
        return s, e
    return None, 0


def find_meetings(
    text: str,
    *,
    people: Sequence[Any] = (),
    dates: Sequence[Any] = (),
    headings: Sequence[tuple[int, int]] = (),
    words: Sequence[tuple[int, int]] | None = None,
) -> list[Meeting]:
    """Meetings that ``text`` reports as held, in text order.

    text (str): the article's (normalised) text.
    people (Sequence[Person]): persons found in ``text`` (``name``, ``mentions``, ``titles``);
        chairs and participants are chosen among them.
    dates (Sequence[DateValue]): dates found in ``text``; a meeting takes the one nearest
        before its verb in its sentence, else the article's opening date.
    headings (Sequence[tuple[int, int]]): headline ranges ("张三在A会上强调" counts; a
        headline run starts a new article for the context of participants).
    words (Sequence[tuple[int, int]] | None): word offsets (unused; kept for the family API).
    RETURNS (list[Meeting]): one record per meeting, offsets into ``text``.
    """
    if not isinstance(text, str) or not text:
        return []
    return _meetings(text, people, dates, _heads(headings, text))


def _heads(headings: Sequence[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The headline ranges that fit ``text``, sorted."""
    return sorted((int(s), int(e)) for s, e in headings if 0 <= s < e <= len(text))


def _dates(dates: Sequence[Any], text: str) -> _Dates:
    """The date mentions that fit ``text``, indexed."""
    return _Dates(d for d in dates if _offsets(d, len(text))[0] is not None)


def _meetings(
    text: str, people: Sequence[Any], dates: Sequence[Any], heads: list[tuple[int, int]],
    index: _Index | None = None, dvs: _Dates | None = None,
) -> list[Meeting]:
    """:func:`find_meetings` after its checks; ``index`` and ``dvs``: the people and dates of
    ``text`` when they are already indexed."""
    breaks = _line_breaks(text, heads)
    if breaks:
        return _find_joined(text, breaks, people, dates, heads)
    index = _Index.build(people, text) if index is None else index
    return _find(text, index, _dates(dates, text) if dvs is None else dvs, heads)


def _find(text: str, index: _Index, dvs: _Dates, heads: list[tuple[int, int]]) -> list[Meeting]:
    R = rules()
    blocks = _blocks(text, heads)
    head_starts = [h[0] for h in heads]
    cands: list[_Candidate] = []
    for sent in sentences(text):
        if R.trigger.search(sent.text) is None:
            continue
        cands.extend(_sentence_candidates(text, sent, _in_heads(sent, heads, head_starts), R, dvs, index))
    return _assemble(text, cands, blocks, heads, R, dvs, index)


# ------------------------------------------------------------------ broken lines
_CLAUSE_MARK = regex.compile("[，,。；;、：:]")
_JOINABLE = regex.compile(r"[\p{Han}\p{N}]")


def _line_breaks(text: str, heads: list[tuple[int, int]]) -> list[int]:
    """Offsets of single line breaks inside a sentence ("…王某出\n席会议。").

    A copy-pasted column can break a line inside a word; such a break reaches us as a
    newline between two characters of running text. It counts as one when the line it
    ends is running text (it has clause punctuation, and ends on a character, not on a
    mark), the next line goes on with a character, and neither side is a headline.
    """
    if "\n" not in text:
        return []
    edges = {e for _, e in heads} | {s for s, _ in heads}
    out = []
    line_start = 0
    i = text.find("\n")
    while i >= 0:
        if (
            0 < i < len(text) - 1
            and i not in edges and i + 1 not in edges
            and _JOINABLE.match(text[i - 1]) and _JOINABLE.match(text[i + 1])
            and _CLAUSE_MARK.search(text, line_start, i)
        ):
            out.append(i)
        line_start = i + 1
        i = text.find("\n", line_start)
    return out


@attrs.frozen
class _Moved:
    """A grounded piece (mention, title) at its offsets in the joined text."""

    start: int
    end: int


@attrs.frozen
class _MovedPerson:
    """The look-up view of a person with offsets in the joined text."""

    name: str
    mentions: tuple[_Moved, ...]
    titles: tuple[_Moved, ...]


def _find_joined(
    text: str, breaks: list[int], people: Sequence[Any], dates: Sequence[Any], heads: list[tuple[int, int]]
) -> list[Meeting]:
    """Find the meetings on ``text`` with the broken lines joined, then map them back."""
    # the pieces of ``text`` between the breaks (``breaks`` is sorted)
    pieces = list(zip([0] + [b + 1 for b in breaks], breaks + [len(text)]))
    keep = [i for s, e in pieces for i in range(s, e)]  # offset in ``joined`` → offset in ``text``
    joined = "".join(text[s:e] for s, e in pieces)

    def fwd(i: int) -> int:  # offset in ``text`` → offset in ``joined``
        return i - bisect.bisect_left(breaks, i)

    def moved(obj: Any) -> _Moved | None:
        s, e = _offsets(obj, len(text))
        return None if s is None else _Moved(fwd(s), fwd(e))

    shifted_people = []
    for p in people:
        name = getattr(p, "name", None) or getattr(p, "text", None)
        if not isinstance(name, str) or not name:
            continue
        spans = list(getattr(p, "mentions", ()) or ()) or ([p] if hasattr(p, "start") else [])
        shifted_people.append(_MovedPerson(
            name=name,
            mentions=tuple(m for m in map(moved, spans) if m is not None and m.end > m.start),
            titles=tuple(t for t in map(moved, getattr(p, "titles", ()) or ()) if t is not None and t.end > t.start),
        ))
    originals: dict[tuple[int, int], Any] = {}
    shifted_dates = []
    for d in dates:
        s, e = _offsets(d, len(text))
        if s is None or fwd(e) <= fwd(s):
            continue
        nd = attrs.evolve(d, start=fwd(s), end=fwd(e))
        originals[(nd.start, nd.end)] = d
        shifted_dates.append(nd)
    found = _find(joined, _Index.build(shifted_people, joined), _dates(shifted_dates, joined), [(fwd(s), fwd(e)) for s, e in heads])

    def back(s: int, e: int) -> tuple[int, int]:
        return (keep[s], keep[e - 1] + 1) if e > s else (keep[s] if s < len(keep) else len(text),) * 2

    out = []
    for m in found:
        date = _first_day(originals.get((m.date.start, m.date.end))) if m.date is not None else None
        parts = tuple(piece for part in m.name_parts for piece in _split_at(joined, part, keep))
        m = remap(attrs.evolve(m, date=None, name_parts=()), back, text)
        out.append(attrs.evolve(m, date=date, name_parts=remap(parts, back, text)))
    return out


def _split_at(joined: str, part: Span, keep: list[int]) -> list[Span]:
    """``part`` (offsets in the joined text) cut where a line break was taken out."""
    pieces, start = [], part.start
    for i in range(part.start + 1, part.end):
        if keep[i] != keep[i - 1] + 1:
            pieces.append(Span.of(joined, start, i))
            start = i
    pieces.append(Span.of(joined, start, part.end))
    return pieces


def _in_heads(span: Span, heads: list[tuple[int, int]], head_starts: list[int]) -> bool:
    i = bisect.bisect_right(head_starts, span.start) - 1
    return i >= 0 and heads[i][0] <= span.start and span.end <= heads[i][1]


# ------------------------------------------------------------------ candidates
def _book_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ranges inside 《…》 (titles of documents: 《关于召开…的通知》 is no meeting)."""
    out, open_at = [], None
    for i in range(start, end):
        ch = text[i]
        if ch == "《" and open_at is None:
            open_at = i
        elif ch == "》" and open_at is not None:
            out.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        out.append((open_at, end))
    return out


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)


def _sentence_candidates(
    text: str, sent: Span, heading: bool, R: Rules, dvs: _Dates, index: _Index
) -> list[_Candidate]:
    books = _book_ranges(text, sent.start, sent.end) if "《" in sent.text else []
    out: list[_Candidate] = []
    for cl in clauses(text, sent.start, sent.end):
        if R.trigger.search(text, cl.start, cl.end) is None:
            continue  # every form below matches inside one clause, around a trigger word
        taken: list[tuple[int, int]] = []
        for rule in R.embedded:
            for m in rule.pattern.finditer(text, cl.start, cl.end):
                if _inside(m.start(), books):
                    continue
                if R.study_verb.search(text, max(cl.start, m.start() - 45), m.start()):
                    continue
                if rule.name == "spoke_at" and R.quoted.search(text, max(sent.start, m.start() - 80), m.start()):
                    continue
                ns, ne = m.span("name")
                ns = _skip_space(text, ns, ne)
                name = text[ns:ne]
                if not _good_name(name, R) or R.spirit.match(text, m.end()):
                    continue
                taken.append(m.span())
                out.append(_Candidate(
                    sentence=sent, name=name, parts=(Span.of(text, ns, ne),), anchor=m.start(),
                    rule=rule.name, heading=heading,
                    speaker_at=m.start() if rule.name == "spoke_at" else None,
                ))
        for vm in R.verb_scan.finditer(text, cl.start, cl.end):
            vs, ve = vm.span()
            if _inside(vs, books) or any(s <= vs < e for s, e in taken):
                continue
            cand = _verb_candidate(text, cl, sent, vs, ve, heading, R, dvs, index)
            if cand is not None:
                out.append(cand)
    return out




def _verb_rule(text: str, vs: int, R: Rules) -> tuple[str, int] | None:
    for rule in R.after_verb:
        m = rule.pattern.match(text, vs)
        if m:
            return rule.name, m.end()
    return None


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _good_name(name: str, R: Rules) -> bool:
    return (
        len(name) >= 2
        and R.name_end.search(name) is not None
        and R.not_meetings.search(name) is None
        and R.generic_name.match(name) is None
    )


def _strip_lead(text: str, start: int, end: int, R: Rules, dvs: _Dates) -> int:
    """Skip a dateline lead-in and leading dates/times at a clause start."""
    m = R.lead_in.match(text, start, end)
    pos = m.end() if m else start
    while True:
        pos = _skip_space(text, pos, end)
        d = dvs.by_start.get(pos)
        if d is None or d.end > end or d.end <= pos:
            return pos
        pos = d.end


def _verb_candidate(
    text: str, cl: Span, sent: Span, vs: int, ve: int, heading: bool, R: Rules, dvs: _Dates, index: _Index
) -> _Candidate | None:
    found = _verb_rule(text, vs, R)
    if found is None:
        return None
    rule, ve = found
    before = text[max(cl.start, vs - 12):vs]
    if R.not_held_before.search(before) or R.not_held_after.match(text, ve, cl.end):
        return None
    # name after the verb
    ns = _skip_space(text, ve, cl.end)
    lead = R.name_lead.match(text, ns, cl.end)
    if lead:
        ns = lead.end()
    ne = _name_end(text, ns, cl.end, R)
    head = _strip_lead(text, cl.start, vs, R, dvs)
    if ne is not None and rule != "open_close":
        name = text[ns:ne]
        if R.not_meetings.search(name) or R.spirit.match(text, ne) or R.aggregate.match(text, ne, cl.end):
            return None
        organ, location = _organiser(text, head, vs, R, index, dvs)
        parts: tuple[Span, ...] = (Span.of(text, ns, ne),)
        if R.session_name.match(name.split("暨", 1)[0]):  # "第15次会议暨…集体学习" too
            if organ is None or rule == "chair_meeting":
                return None  # 主持会议 / 召开会议 alone: a back-reference, not a new meeting
            name = organ.text + name
            parts = (organ, parts[0])
        elif R.generic_name.match(name):
            return None
        return _Candidate(sentence=sent, name=name, parts=parts, anchor=vs, rule=rule, heading=heading,
                          organizer=organ, location=location)
    if rule == "chair_meeting":
        return None
    # name before the verb: "Y会议在县会展中心召开"
    if vs - head > 100:
        return None
    m = R.before_verb[0].pattern.fullmatch(text, head, ve)
    if m is None:
        return None
    name = m.group("name").rstrip()
    if not _good_name(name, R) or _end_suffix_len(name, R) == 0:
        return None
    if R.organisation.search(name) or R.bad_name_start.match(name):
        return None
    if index.in_range(head, head + len(name)):
        return None  # a person is the subject: not a bare meeting name
    location = None
    if m.group("loc"):
        ls, le = m.span("loc")
        if not R.deictic_location.match(text[ls:le]):
            location = Span.of(text, ls, le)
    return _Candidate(sentence=sent, name=name, parts=(Span.of(text, head, head + len(name)),), anchor=vs,
                      rule=R.before_verb[0].name, heading=heading, location=location)


def _end_suffix_len(name: str, R: Rules) -> int:
    """Length of the meeting-name ending at the very end of ``name`` (0 when none)."""
    best = 0
    for m in R.name_end.finditer(name):
        if m.end() == len(name):
            best = max(best, m.end() - m.start())
    return best


def _name_end(text: str, start: int, end: int, R: Rules) -> int | None:
    """End of the meeting name that starts at ``start`` (None when there is none)."""
    last = None
    for m in R.name_end.finditer(text, start, min(end, start + 80)):
        e = m.end()
        if e - start < 2:
            continue
        if R.name_stop.match(text, e, end) or e == end:
            return e
        last = e
    return last


def _organiser(
    text: str, start: int, end: int, R: Rules, index: _Index, dvs: _Dates
) -> tuple[Span | None, Span | None]:
    """The organ (subject of 召开) and venue in ``text[start:end]``, when they are clean."""
    location = None
    if end - start > _MAX_HEAD:
        # a clause this long before its verb (a text without punctuation) names no organ: only
        # a venue in the last _MAX_HEAD characters is read, so each verb costs a bounded scan
        loc_at = text.rfind("在", end - _MAX_HEAD, end)
        if loc_at >= 0 and end - loc_at > 1 and not R.deictic_location.match(text[loc_at + 1:end]):
            location = Span.of(text, loc_at + 1, end)
        return None, location
    seg = text[start:end]
    loc_at = seg.rfind("在")
    if loc_at >= 0 and end - (start + loc_at) > 1:
        ls, le = start + loc_at + 1, end
        if not R.deictic_location.match(text[ls:le]):
            location = Span.of(text, ls, le)
        end = start + loc_at
    m = R.manner.search(text, start, end)  # "X组以…为主题进行集体学习"
    if m and m.start() > start:
        end = m.start()
    while True:  # "县政府日前在…召开": a date between the organ and the verb
        while end > start and text[end - 1].isspace():
            end -= 1
        d = dvs.by_end.get(end)
        if d is None or d.start < start or d.start >= end:
            break
        end = d.start
    if end - start < 2 or end - start > 40 or index.in_range(start, end):
        return None, location
    organ = text[start:end]
    if R.organiser.search(organ) is None or R.bad_name_start.match(organ) or any(c in organ for c in ",，、"):
        return None, location
    return Span.of(text, start, end), location


# ------------------------------------------------------------------ assembly
def _blocks(text: str, heads: list[tuple[int, int]]) -> list[int]:
    """Start offsets of the articles: a run of headlines after body text starts a new one."""
    starts = [0]
    prev_end = 0
    for s, e in heads:
        between = text[prev_end:s]
        if between.strip() and s > 0:
            starts.append(s)
        prev_end = e
    return starts


def _block_of(pos: int, blocks: list[int], n: int) -> tuple[int, int]:
    i = bisect.bisect_right(blocks, pos) - 1
    return blocks[i], (blocks[i + 1] if i + 1 < len(blocks) else n)


# every character ``str.isspace`` accepts, and the quotes a name may be printed with
_WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
_NORM_TABLE = str.maketrans("", "", _WHITESPACE + "“”\"'‘’")


def _norm(name: str) -> str:
    """``name`` without spaces and quotes (one C-level pass)."""
    return name.translate(_NORM_TABLE)


def _same(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    if a in b or b in a:
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.6


_MERGE_WINDOW = 6


@attrs.define
class _Group:
    cands: list[_Candidate]

    @property
    def main(self) -> _Candidate:
        body = [c for c in self.cands if not c.heading]
        return (body or self.cands)[0]

    @property
    def best_name(self) -> _Candidate:
        return max(self.cands, key=lambda c: (len(_norm(c.name)), not c.heading))


def _assemble(
    text: str, cands: list[_Candidate], blocks: list[int], heads: list[tuple[int, int]],
    R: Rules, dvs: _Dates, index: _Index,
) -> list[Meeting]:
    n = len(text)
    groups: list[_Group] = []
    by_block: dict[tuple[int, int], list[_Group]] = {}
    exact: dict[tuple[tuple[int, int], str], _Group] = {}
    for c in sorted(cands, key=lambda c: (c.heading, c.sentence.start, c.anchor)):
        blk = _block_of(c.sentence.start, blocks, n)
        key = (blk, _norm(c.name))
        g = exact.get(key)
        if g is None:
            # the same meeting named twice (headline and body) is near: compare with the
            # last few meetings of the article only, which keeps this linear on long texts
            recent = by_block.get(blk, [])[-_MERGE_WINDOW:]
            g = next((o for o in reversed(recent) if any(_same(c.name, x.name) for x in o.cands[:4])), None)
        if g is None:
            g = _Group([])
            groups.append(g)
            by_block.setdefault(blk, []).append(g)
        g.cands.append(c)
        exact.setdefault(key, g)
    groups = _merge_headlines(groups, blocks, n, R)
    groups.sort(key=lambda g: (g.main.sentence.start, g.main.anchor))
    groups = _merge_parts(groups, blocks, n, R)
    out = []
    openings: dict[int, list[Any]] = {}
    mains = [g.main for g in groups]
    starts = [m.sentence.start for m in mains]
    ordered = all(a <= b for a, b in zip(starts, starts[1:]))
    for gi, g in enumerate(groups):
        main = mains[gi]
        blk_start, blk_end = _block_of(main.sentence.start, blocks, n)
        ctx_end = blk_end
        # the next meeting reported in a later sentence ends the context (found by bisection:
        # meetings sharing one long sentence are skipped without a walk over each)
        if ordered:
            j = bisect.bisect_right(starts, main.sentence.start, gi + 1)
            if j < len(starts) and starts[j] < ctx_end:
                ctx_end = starts[j]
        else:
            for o in mains[gi + 1:]:
                if o.sentence.start > main.sentence.start and o.sentence.start < ctx_end:
                    ctx_end = o.sentence.start
                    break
        ctx_start = main.sentence.start
        if blk_start not in openings:
            openings[blk_start] = _opening_dates(text, dvs, heads, blk_start, blk_end)
        date = _date_for(main, dvs, openings[blk_start])
        for sent in sentences(text, main.sentence.end, ctx_end):
            if R.context_end.match(text, sent.start, sent.end) or _new_day(text, sent, date, R, dvs):
                ctx_end = sent.start
                break
        # bounded contexts keep many meetings linear: a sentence longer than any real one (an
        # unpunctuated run) is read only _MAX_SENTENCE characters around the verb, and an
        # article at most _MAX_AFTER characters past the meeting's sentence
        if main.sentence.end - main.sentence.start > _MAX_SENTENCE:
            ctx_start = max(ctx_start, main.anchor - _MAX_SENTENCE)
            ctx_end = min(ctx_end, main.anchor + _MAX_SENTENCE)
        else:
            ctx_end = min(ctx_end, main.sentence.end + _MAX_AFTER)
        named = g.best_name
        organizer = next((c.organizer for c in g.cands if c.organizer is not None), None)
        location = next((c.location for c in g.cands if c.location is not None), None)
        chair, participants = _people_roles(text, g, ctx_start, ctx_end, R, index)
        agenda = _agenda(text, main, ctx_start, ctx_end, R)
        units = _reporting_units(text, ctx_start, ctx_end, R, index)
        out.append(Meeting(
            text=main.sentence.text, start=main.sentence.start, end=main.sentence.end,
            name=named.name, name_parts=named.parts, kind=_meeting_kind(named.name, organizer, R), date=date,
            location=location, organizer=organizer, chair=chair, participants=participants,
            reporting_units=units, agenda=agenda, rule=main.rule,
        ))
    return out


def _merge_parts(groups: list[_Group], blocks: list[int], n: int, R: Rules) -> list[_Group]:
    """Fold a generic part of a meeting (开幕会, 总结会…) into the named meeting before it.

    "Y会议隆重开幕。…X主持开幕会" and "Y现场推进会召开。…随后召开总结会" report one meeting:
    the part's chair and attendees belong to the meeting named before it in the article.
    """
    out: list[_Group] = []
    for g in groups:
        prev = out[-1] if out else None
        if (
            prev is not None
            and all(R.session_part.match(_norm(c.name)) for c in g.cands)
            and not all(R.session_part.match(_norm(c.name)) for c in prev.cands)
            and _block_of(prev.main.sentence.start, blocks, n) == _block_of(g.main.sentence.start, blocks, n)
        ):
            # the part's venue is not the meeting's (观摩 on site, then 总结会 in a hall)
            prev.cands.extend(attrs.evolve(c, location=None) for c in g.cands if not c.heading)
            continue
        out.append(g)
    return out


def _organ_of(c: _Candidate) -> str | None:
    return _norm(c.organizer.text) if c.organizer is not None else None


def _merge_headlines(groups: list[_Group], blocks: list[int], n: int, R: Rules) -> list[_Group]:
    """Fold a headline-only meeting into the body meeting of the same organ and kind.

    The headline often names the meeting more loosely than the body ("区委X组举行专题学习会"
    over "区委X组举行第五次集中学习会"): the same organ holding the same kind of meeting in
    one article is one meeting, reported (and dated) by the body.
    """
    out: list[_Group] = []
    body: dict[tuple[int, int], list[_Group]] = {}
    for g in groups:
        if any(not c.heading for c in g.cands):
            body.setdefault(_block_of(g.main.sentence.start, blocks, n), []).append(g)
    for g in groups:
        if any(not c.heading for c in g.cands):
            out.append(g)
            continue
        blk = _block_of(g.main.sentence.start, blocks, n)
        target = None
        for h in g.cands:
            organ = _organ_of(h) or ""
            kind = _meeting_kind(h.name, h.organizer, R)
            for o in body.get(blk, []):
                if target is not None:
                    break
                for c in o.cands:
                    other = _organ_of(c) or ""
                    same_organ = bool(organ) and (organ == other or _norm(c.name).startswith(organ))
                    if not same_organ and other:
                        same_organ = _norm(h.name).startswith(other)
                    body_kind = _meeting_kind(c.name, c.organizer, R)
                    if same_organ and body_kind in (None, "会议") and organ and _norm(c.name).startswith(organ):
                        body_kind = _kind(organ, R) or body_kind  # "县委常委会第9次会议": the organ's kind
                    if same_organ and body_kind == kind:
                        target = o
                        break
        if target is None:
            # 市政协召开六届十一次常委会议 over 政协某市第六届委员会常务委员会第十一次会议召开:
            # the same session numbers (届, 次) name the same meeting however it is worded
            marks = {m for h in g.cands for m in _session_marks(h.name, R)}
            if marks:
                target = next((o for o in body.get(blk, []) if any(marks <= _session_marks(c.name, R) for c in o.cands)), None)
        if target is None:
            out.append(g)
        else:
            target.cands.extend(g.cands)
    return out


def _session_marks(name: str, R: Rules) -> set[tuple[int | float, str]]:
    """The session numbers in a meeting's name: {(6, 届), (11, 次)} for 第六届…第十一次会议."""
    out = set()
    for m in R.session_number.finditer(name):
        value = parse_number(m.group(1))
        if value is not None:
            out.add((value, m.group(2)))
    return out


def _meeting_kind(name: str, organizer: Span | None, R: Rules) -> str | None:
    kind = _kind(name, R)
    if kind in (None, "会议") and organizer is not None:
        kind = _kind(organizer.text, R) or kind
    return kind


def _kind(name: str, R: Rules) -> str | None:
    best, best_len = None, 0
    for k in R.kinds:
        m = k.pattern.search(name)
        if m and m.end() - m.start() > best_len:
            best, best_len = k.extra, m.end() - m.start()
    return best


def _date_for(c: _Candidate, dvs: _Dates, opening: list[Any]) -> Any:
    """The date nearest before the verb in the meeting's sentence, else the opening date.

    A run of days ("11月26日至27日") dates the meeting by its first day; other periods
    ("今年以来", "一季度") are no meeting date.
    """
    inside = [(p.start, p.end) for p in c.parts]

    def usable(d: Any) -> bool:
        return (getattr(d, "interval", None) is None or _day_run(d)) and not any(s <= d.start < e for s, e in inside)

    in_sentence = [d for d in dvs.inside(c.sentence.start, c.anchor) if usable(d)]
    if in_sentence:
        return _first_day(in_sentence[-1])
    return _first_day(next((d for d in opening if usable(d)), None))


def _new_day(text: str, sent: Span, date: Any, R: Rules, dvs: _Dates) -> bool:
    """True when ``sent`` opens with another day or time of day than the meeting's date
    ("3月9日,X到Y调研…" after a meeting of 3月8日): it reports something else."""
    d = dvs.by_start.get(_lead_end(text, sent, R))
    if d is None or getattr(d, "grain", None) != "day" or getattr(d, "interval", None) is not None or not d.iso:
        return False
    if date is None or not getattr(date, "iso", None):
        return False
    return (d.iso, d.time_of_day) != (date.iso, date.time_of_day) and not (
        d.iso == date.iso and d.time_of_day is None)


def _lead_end(text: str, sent: Span, R: Rules) -> int:
    m = R.lead_in.match(text, sent.start, sent.end)
    return _skip_space(text, m.end() if m else sent.start, sent.end)


def _day_run(d: Any) -> bool:
    iv = getattr(d, "interval", None)
    start = getattr(iv, "start", None)
    return getattr(d, "grain", None) == "day" and isinstance(start, str) and len(start) in (7, 10)


def _first_day(d: Any) -> Any:
    if d is None or getattr(d, "interval", None) is None:
        return d
    return attrs.evolve(d, iso=d.interval.start, interval=None)


def _opening_dates(text: str, dvs: _Dates, heads: list[tuple[int, int]], blk_start: int, blk_end: int) -> list[Any]:
    """Dates of the article's first body sentence (the dateline sentence)."""
    pos = blk_start
    for s, e in heads:
        if s <= pos < e or (s >= pos and not text[pos:s].strip()):
            pos = max(pos, e)
    for sent in sentences(text, pos, min(blk_end, pos + 600)):
        return dvs.inside(sent.start, sent.end)
    return []


# ------------------------------------------------------------------ people
_MAX_TITLES = 60  # longest run of titles before a speaker's name ("市委副书记、市长、…张三")
_MAX_LIST = 400  # longest attendance list walked from one name to its verb
_MAX_HEAD = 200  # longest clause head (organ, venue, dates) read before a 召开
_MAX_SENTENCE = 1000  # a longer "sentence" is an unpunctuated run: its meetings read only this far around the verb
_MAX_AFTER = 8000  # longest stretch of an article read after a meeting's sentence for its roles
# longest title chain between a list comma and the next name ("A,区委常委、政法委书记兼区公安分局局长、
# 区委某委员会副主任B出席"): the titles are stripped before the bridge is matched
_MAX_BRIDGE = _MAX_TITLES


def _is_byline(text: str, s: int, e: int, R: Rules) -> bool:
    return bool(R.byline_before.search(text, max(0, s - 6), s) or R.byline_after.match(text, e, min(len(text), e + 4)))


def _walk(text: str, pos: int, end: int, fill: Any, index: _Index, R: Rules, cross_comma: bool = False) -> int:
    """Advance over filler, other names and titles (and list commas when allowed)."""
    while pos < end:
        m = fill.match(text, pos, end)
        if m and m.end() > pos:
            new = m.end()
            if cross_comma or not any(ch in ",，" for ch in text[pos:new]):
                pos = new
                continue
            # the filler ran over a comma: take it only up to the comma
            cut = min(i for i in (text.find(",", pos, new), text.find("，", pos, new)) if i >= 0)
            if cut > pos:
                pos = cut
                continue
        jump = index.span_at(pos)
        if jump is not None and jump > pos:
            pos = jump
            continue
        # the next item of a list, printed with a title the people records did not mark:
        # "A、市长B共同主持" / (list walks) "A,副区长B、C出席"
        after_comma = cross_comma and text[pos] in ",，"
        if after_comma or (pos > 0 and text[pos - 1] == "、"):
            first = pos + 1 if after_comma else pos
            nxt = bisect.bisect_left(index.starts, first)
            if nxt < len(index.mentions):
                ms = index.mentions[nxt][0]
                if ms - first <= _MAX_BRIDGE and not any(ch in ",，;；。:：" for ch in text[first:ms]) and R.list_bridge.match(
                    _strip_titles(text, first, ms, index)
                ):
                    if ms > pos:
                        pos = ms
                        continue
            if after_comma:
                # an item without a name ("A,县委常委,县政协主席B列席"): step over it
                cut = min((i for i in (text.find(",", first, first + 13), text.find("，", first, first + 13)) if i >= 0),
                          default=-1)
                if cut > first and not any(ch in ";；。:：" for ch in text[first:cut]) and R.list_bridge.match(
                    _strip_titles(text, first, cut, index)
                ) and not index.in_range(first, cut):
                    pos = cut
                    continue
        break
    return pos


def _strip_titles(text: str, start: int, end: int, index: _Index) -> str:
    out, pos = [], start
    while pos < end:
        jump = index.span_at(pos)
        if jump is not None and jump > pos and jump <= end:
            pos = jump
            continue
        out.append(text[pos])
        pos += 1
    return "".join(out)


def _is_subject(text: str, cl_start: int, s: int, R: Rules, index: _Index) -> bool:
    """True when only titles/collective labels stand before the mention in its clause."""
    if s - cl_start > _MAX_TITLES:
        return False
    pos = _walk(text, cl_start, s, R.before_speaker, index, R)
    if pos >= s:
        return True
    rest = _strip_titles(text, pos, s, index)
    rest = rest.rstrip("、和及与 ")  # "书记A、B分别发言": B shares the titles before A
    return bool(R.title_suffix.search(rest)) and len(rest) <= 30 and not any(ch in "的在对向从" for ch in rest)


def _people_roles(
    text: str, g: _Group, ctx_start: int, ctx_end: int, R: Rules, index: _Index
) -> tuple[tuple[Participant, ...], tuple[Participant, ...]]:
    chairs: dict[str, Participant] = {}
    parts: dict[str, Participant] = {}
    cls = clauses(text, ctx_start, ctx_end)
    cl_starts = [c.start for c in cls]
    # "出席会议的还有:A,B、C": the lead holds for every name after it in its sentence
    leads: list[tuple[int, int]] = []  # (lead end, sentence end)
    if R.attendance_lead.search(text, ctx_start, ctx_end):
        for sent in sentences(text, ctx_start, ctx_end):
            m = R.attendance_lead.search(text, sent.start, sent.end)
            if m:
                leads.append((m.end(), sent.end))
    for cl in cls:
        ms = index.in_range(cl.start, cl.end)
        if not ms:
            continue
        lead_at = next((le for le, se in leads if le <= cl.end and cl.start < se), None)
        for s, e, pi in ms:
            if _is_byline(text, s, e, R):
                continue
            name = index.names[pi]
            # chair
            after_fill = _walk(text, e, cl.end, R.fill_chair, index, R)
            if R.chair.match(text, after_fill, cl.end):
                chairs.setdefault(name, Participant(name=name, text=text[s:e], start=s, end=e, role="chair", rule="chair"))
                continue
            if name in parts:
                continue
            role = rule = None
            if lead_at is not None and lead_at <= s:
                role, rule = "attended", "attendance_lead"
            elif R.invited_lead.search(text, max(cl.start, s - 40), s):
                role, rule = "invited", "invited_lead"
            pos = e
            if role is None:
                pos = _walk(text, e, min(ctx_end, e + _MAX_LIST), R.fill_attendance, index, R, cross_comma=True)
                for r in R.attendance:
                    if r.pattern.match(text, pos, ctx_end):
                        role, rule = r.extra, r.name
                        break
            if (
                role is None
                and _is_subject(text, cl.start, s, R, index)
                # "会议指出,X强调…": X is quoted by the meeting, not speaking at it
                and not R.quoted.search(text, max(ctx_start, cl.start - 80), cl.start)
            ):
                # hop over co-speakers only ("A、B分别作发言"); the filler is part of each verb pattern
                for r in R.speech:
                    if r.pattern.match(text, after_fill, cl.end):
                        role, rule = r.extra, r.name
                        break
                if role is None and pos >= cl.end:
                    # "书记A,主席B,代表C先后发言": the verb ends a comma-separated list of
                    # speakers (the attendance walk stepped over the items); it holds for each
                    j = bisect.bisect_right(cl_starts, pos) - 1
                    stop = cls[j].end if j >= 0 and pos < cls[j].end else cl.end
                    for r in R.speech:
                        if r.pattern.match(text, pos, stop):
                            role, rule = r.extra, r.name
                            break
            if role is not None:
                parts[name] = Participant(name=name, text=text[s:e], start=s, end=e, role=role, rule=rule)
    # "X到Y调研,并主持召开座谈会": the sentence's subject chairs
    if not chairs and g.main.rule in ("chair_convene", "chair_meeting"):
        sent = g.main.sentence
        for cl in clauses(text, sent.start, g.main.anchor):
            ms = [m for m in index.in_range(cl.start, cl.end) if m[1] <= g.main.anchor]
            if ms and _is_subject(text, cl.start, ms[0][0], R, index):
                s, e, pi = ms[0]
                name = index.names[pi]
                chairs[name] = Participant(name=name, text=text[s:e], start=s, end=e, role="chair", rule="chair_subject")
                parts.pop(name, None)
                break
    # "X带队赴某镇督导…。随后召开督导反馈会": the leader of the visit convened the meeting
    main = g.main
    if not chairs and not parts and main.rule in ("convene", "chair_convene"):
        gap = text[_lead_end(text, main.sentence, R):main.anchor]
        if R.convene_gap.match(gap):
            prev = list(sentences(text, max(0, main.sentence.start - 300), main.sentence.start))
            for sent in reversed(prev[-3:]):
                if R.verb_scan.search(text, sent.start, sent.end) and not R.visit.search(text, sent.start, sent.end):
                    break  # another meeting's report: not ours
                if not R.visit.search(text, sent.start, sent.end):
                    continue
                ms = index.in_range(sent.start, sent.end)
                cl = next((c for c in clauses(text, sent.start, sent.end) if ms and c.start <= ms[0][0] < c.end), None)
                if cl is not None and _is_subject(text, cl.start, ms[0][0], R, index):
                    s, e, pi = ms[0]
                    name = index.names[pi]
                    role = "chair" if main.rule == "chair_convene" else "attended"
                    rec = Participant(name=name, text=text[s:e], start=s, end=e, role=role, rule="visit_leader")
                    (chairs if role == "chair" else parts)[name] = rec
                break
    # the speaker of "X在Y会上强调"
    for c in g.cands:
        if c.speaker_at is None:
            continue
        for s, e, pi in index.in_range(max(0, c.speaker_at - 8), c.speaker_at):
            gap = text[e:c.speaker_at]
            name = index.names[pi]
            if gap in ("", "同志", "还", "也") and name not in chairs and name not in parts:
                parts[name] = Participant(name=index.names[pi], text=text[s:e], start=s, end=e, role="spoke", rule="spoke_at")
    participants = tuple(sorted((p for p in parts.values() if p.name not in chairs), key=lambda p: p.start))
    return tuple(sorted(chairs.values(), key=lambda p: p.start)), participants


# ------------------------------------------------------------------ agenda, units
def _agenda(text: str, main: _Candidate, ctx_start: int, ctx_end: int, R: Rules) -> tuple[Span, ...]:
    items = []
    name_end = max(p.end for p in main.parts)
    for sent in sentences(text, ctx_start, ctx_end):
        cls = clauses(text, sent.start, sent.end)
        first = True
        for cl in cls:
            if cl.end <= name_end:
                continue
            in_report = sent.start == main.sentence.start
            if not in_report and first and not cl.text.startswith(("会议", "会上")):
                break
            first = False
            m = R.agenda.match(text, cl.start, cl.end)
            if m is None:
                continue
            s = m.start("verb")
            e = cl.end
            while e > s and text[e - 1] in "。，,；;：:！？!? ":
                e -= 1
            if e - s > len(m.group("verb")):
                items.append(Span.of(text, s, e))
    return tuple(items)


def _reporting_units(text: str, ctx_start: int, ctx_end: int, R: Rules, index: _Index) -> tuple[Span, ...]:
    out: list[Span] = []
    for cl in clauses(text, ctx_start, ctx_end):
        if R.reporting_verb.search(text, cl.start, cl.end) is None:
            continue  # the quick test: the pattern below ends with this verb
        m = R.reporting.match(text, cl.start, cl.end)
        if m is None or R.agenda.match(text, cl.start, cl.end):
            continue  # 会议听取了…汇报 is an agenda item, not a unit reporting
        us, ue = m.span("units")
        if index.in_range(us, ue) or R.title_suffix.search(text[us:ue]):
            continue
        pos = us
        for i in range(us, ue + 1):
            if i == ue or text[i] in "、和及":
                if i > pos:
                    out.append(Span.of(text, pos, i))
                pos = i + 1
    return tuple(out)
