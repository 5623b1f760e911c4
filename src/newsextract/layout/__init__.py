"""Page layout: split a newspaper page (or a plain article) into articles.

Works on the ORIGINAL text, line by line, and returns ranges into it: headings (kicker
引题, title, subtitle 副题), the dateline (本报讯), byline credits (记者/通讯员/摄), page
references ((下转2版)), and the body pieces the pipeline reads (credits and page
references cut out, column-broken paragraphs marked as joined).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import attrs
import regex

from newsextract._data import load_yaml
from newsextract.textview import Piece

_PKG = "newsextract.layout"

ROLE_FIELDS = ("reporters", "correspondents", "photographers")


@functools.cache
def _patterns() -> dict[str, regex.Pattern]:
    raw = load_yaml(_PKG, "data/layout.yaml")
    return {k: regex.compile(v, regex.MULTILINE) for k, v in raw.items() if k != "paragraph_closers"}


@functools.cache
def _closers() -> frozenset[str]:
    return frozenset(load_yaml(_PKG, "data/layout.yaml")["paragraph_closers"])


@functools.cache
def _role_of() -> dict[str, str]:
    raw = load_yaml(_PKG, "data/roles.yaml")
    return {word: field for field, words in raw.items() for word in words}


def _role_field(word: str) -> str:
    return _role_of().get(word, "reporters")


@attrs.frozen(kw_only=True)
class CreditMatch:
    """A byline name found by the layout: ``source[start:end] == name``."""

    name: str
    role: str  # reporters | correspondents | photographers | editors (not credited)
    start: int
    end: int


@attrs.frozen(kw_only=True)
class ArticleLayout:
    """Where one article's parts are in the original text (all ranges are (start, end))."""

    start: int
    end: int
    title: tuple[int, int] | None = None
    kickers: tuple[tuple[int, int], ...] = ()
    subtitles: tuple[tuple[int, int], ...] = ()
    dateline: tuple[int, int] | None = None
    credits: tuple[CreditMatch, ...] = ()
    continuations: tuple[tuple[int, int], ...] = ()
    paragraphs: tuple[tuple[int, int], ...] = ()
    pieces: tuple[Piece, ...] = ()


@attrs.define
class _Line:
    start: int
    end: int
    blank_before: bool
    heading_level: int = 0
    heading_text: tuple[int, int] | None = None


def _lines(text: str) -> Iterator[_Line]:
    pos = 0
    blank = False
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        s, e = pos, end
        while s < e and text[s] in " \t\r\u3000\ufeff":
            s += 1
        while e > s and text[e - 1] in " \t\r\u3000":
            e -= 1
        if e > s:
            yield _Line(s, e, blank)
            blank = False
        else:
            blank = True
        if nl < 0:
            break
        pos = nl + 1


def _split_name_run(run: str) -> list[str]:
    """Names in a run like '苏晓岚' or three names written together."""
    if not regex.fullmatch(r"[\p{Han}·]{2,16}", run):
        return []
    from newsextract.people import split_names
    from newsextract.people.names import lexicon, surname_len

    names = list(split_names(run))
    # a credit is a person: every piece starts with a surname (not 区统计局, not 发布时间)
    lx = lexicon()
    return names if all(surname_len(n, 0, lx) for n in names) else []


def _names_with_offsets(text: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    for m in regex.finditer(r"[\p{Han}·]+", text[start:end]):
        run = m.group()
        offset = start + m.start()
        pos = 0
        for name in _split_name_run(run):
            i = run.find(name, pos)
            if i < 0:
                break
            yield name, offset + i, offset + i + len(name)
            pos = i + len(name)


@functools.cache
def _role_re() -> regex.Pattern:
    """Role words in a credit: a word of two or more characters anywhere (记者贺勇), a
    one-character word (文 图 摄) only as a word of its own (文:X, X 摄), never inside a
    name (祝文博)."""
    words = sorted(_role_of(), key=len, reverse=True)
    long = [regex.escape(w) for w in words if len(w) > 1]
    short = [regex.escape(w) for w in words if len(w) == 1]
    alt = "|".join(long)
    if short:
        alt += "|(?<![\\p{Han}·])(?:" + "|".join(short) + ")(?=[ \\t\u3000]*[:：]|[ \\t\u3000]*$|[ \\t\u3000]+)"
        alt += "|(?:摄影?|图)(?=[ \\t\u3000]*$)"  # 罗志刚摄: glued to the name, but last
    return regex.compile(alt)


def _parse_credit_body(text: str, start: int, end: int) -> list[CreditMatch]:
    """记者 苏晓岚 何俊 通讯员 卢佳琪 / 罗志刚 摄 / 本报记者 罗志刚 摄 / 记者孟凡 /
    文字:顾小川 制图:范宁 / 县融媒体中心 记者 黎清 → credits (a unit before the first role
    word is not a name)."""
    body = text[start:end]
    marks = [(m.start(), m.end(), m.group()) for m in _role_re().finditer(body)]
    if not marks:
        return []
    photo_words = tuple(w for w, f in _role_of().items() if f == "photographers")
    last_s, last_e, last_word = marks[-1]
    if body[last_e:].strip() == "" and last_word in photo_words and len(marks) <= 2:
        # ... X 摄: everyone named before the trailing 摄 is a photographer
        seg_start = marks[0][1] if len(marks) == 2 else 0
        return [CreditMatch(name=n, role="photographers", start=ns, end=ne)
                for n, ns, ne in _names_with_offsets(text, start + seg_start, start + last_s)]
    out: list[CreditMatch] = []
    for i, (s, e, word) in enumerate(marks):
        seg_end = marks[i + 1][0] if i + 1 < len(marks) else len(body)
        for name, ns, ne in _names_with_offsets(text, start + e, start + seg_end):
            out.append(CreditMatch(name=name, role=_role_field(word), start=ns, end=ne))
    return out


def _is_closed(text: str, end: int) -> bool:
    return end > 0 and text[end - 1] in _closers()


def split_page(text: str) -> list[ArticleLayout]:
    """Split ``text`` into articles.

    text (str): a page with ``#``/``##`` headings, or a plain article (title line optional).
    RETURNS (list[ArticleLayout]): one entry per article, in page order; [] for blank text.
    """
    lines = list(_lines(text))
    if not lines:
        return []
    pat = _patterns()
    for ln in lines:
        m = pat["heading"].match(text, ln.start, ln.end)
        if m:
            ln.heading_level = len(m.group("marks"))
            ln.heading_text = (m.start("text"), m.end("text"))
    groups: list[list[_Line]] = []
    for ln in lines:
        if not groups or (ln.heading_level and not groups[-1][-1].heading_level):
            groups.append([ln])
        else:
            groups[-1].append(ln)
    plain = not any(ln.heading_level for ln in lines)
    return [_article(text, g, plain) for g in groups]


def _looks_like_title(text: str, ln: _Line, has_more: bool) -> bool:
    s = text[ln.start : ln.end]
    if not has_more or len(s) > 45 or len(s) < 4:
        return False
    if s[-1] in "。；;：:,，、" or regex.search(r"[,，;；]", s):
        return False
    if _patterns()["not_title_start"].match(s):
        return False
    return bool(regex.search(r"\p{Han}", s))


# A line at least this wide (characters, and share of the article's widest line) that ends
# open was wrapped by the printer, when the article has at least _WRAPPED_LINES such lines:
# the next line continues it even before a full stop.
_WRAPPED_MIN, _WRAPPED_SHARE, _WRAPPED_LINES = 16, 0.7, 3


def _article(text: str, group: list[_Line], plain: bool) -> ArticleLayout:
    pat = _patterns()
    heads = [ln for ln in group if ln.heading_level]
    body = [ln for ln in group if not ln.heading_level and not pat["masthead"].match(text, ln.start, ln.end)]
    title = None
    kickers: list[tuple[int, int]] = []
    subtitles: list[tuple[int, int]] = []
    if heads:
        ranges = [(ln.heading_level, ln.heading_text) for ln in heads]
        top = min(level for level, _ in ranges)
        ti = next(i for i, (level, _) in enumerate(ranges) if level == top)
        title = ranges[ti][1]
        kickers = [r for _, r in ranges[:ti]]
        subtitles = [r for _, r in ranges[ti + 1 :]]
    elif plain and body and _looks_like_title(text, body[0], len(body) > 1):
        title = (body[0].start, body[0].end)
        body = body[1:]
    heading_ranges = [r for r in (*kickers, *([title] if title else []), *subtitles)]
    pieces = [Piece(start=s, end=e, heading=True) for s, e in heading_ranges]
    credits: list[CreditMatch] = []
    continuations: list[tuple[int, int]] = []
    dateline = None
    paragraphs: list[tuple[int, int]] = []
    prev_open = False  # previous kept paragraph ended without closing punctuation
    prev_mid_sentence = False  # ... and it already holds a full stop: a single newline broke a sentence
    prev_full = False
    widths = [len(text[ln.start : ln.end].rstrip()) for ln in body]
    full_width = max(_WRAPPED_MIN, _WRAPPED_SHARE * max(widths, default=0))
    # a printed (wrapped) page shows it: several wide lines end open, mid-sentence
    wrapped = sum(w >= full_width and not _is_closed(text, ln.start + w) for w, ln in zip(widths, body)) >= _WRAPPED_LINES
    for li, ln in enumerate(body):
        cuts: list[tuple[int, int]] = []
        # web-page metadata: 来源… 发布时间… / 责任编辑：… (an 作者：X in it is a credit)
        if pat["meta_line"].match(text, ln.start, ln.end):
            for m in pat["meta_author"].finditer(text, ln.start, ln.end):
                for name, ns, ne in _names_with_offsets(text, m.start("names"), m.end("names")):
                    credits.append(CreditMatch(name=name, role="reporters", start=ns, end=ne))
            prev_open = False
            continue
        # a whole line of credits: 本报记者 殷梦 / 文字:顾小川 制图:范宁
        if pat["credit_line"].fullmatch(text, ln.start, ln.end):
            credits.extend(_parse_credit_body(text, ln.start, ln.end))
            prev_open = False
            continue
        if li == 0:
            m = pat["dateline"].match(text, ln.start, ln.end)
            if m:
                dateline = (m.start("dateline"), m.end("dateline"))
                cuts.append(dateline)
                im = pat["inline_reporter"].match(text, m.end(), ln.end)
                if im:
                    credits.append(CreditMatch(name=im.group("name"), role="reporters", start=im.start("name"), end=im.end("name")))
                    cuts.append((im.start(), im.end()))
        for m in pat["credit_group"].finditer(text, ln.start, ln.end):
            found = _parse_credit_body(text, m.start("body"), m.end("body"))
            if found:
                credits.extend(found)
                cuts.append((m.start(), m.end()))
        for m in pat["continuation"].finditer(text, ln.start, ln.end):
            continuations.append((m.start(), m.end()))
            cuts.append((m.start(), m.end()))
        if li == len(body) - 1:
            trailing = _trailing_names(text, ln, li == 0 and not heads and title is None, cuts)
            if trailing:
                credits.extend(trailing[0])
                cuts.append(trailing[1])
        kept = _subtract(text, ln.start, ln.end, cuts)
        if not kept:
            prev_open = False
            continue
        if ln.blank_before:
            join = prev_open
        else:
            join = (prev_mid_sentence or prev_full) and not pat["item_start"].match(text, ln.start, ln.end)
        if join and paragraphs:  # one logical paragraph across the column break
            paragraphs[-1] = (paragraphs[-1][0], ln.end)
        else:
            paragraphs.append((ln.start, ln.end))
        for i, (s, e) in enumerate(kept):
            pieces.append(Piece(start=s, end=e, joined=join if i == 0 else True))
        last_s, last_e = kept[-1]
        length = sum(e - s for s, e in kept)
        # A paragraph broken by a column: long, or already holding a sentence (or continuing
        # one), and not closed.
        body_like = length >= 30 or any(ch in "。，,；" for ch in text[last_s:last_e]) or join
        prev_open = body_like and not _is_closed(text, last_e) and not continuations_at_end(continuations, ln.end)
        prev_mid_sentence = prev_open and bool(pat["sentence_stop"].search(text, paragraphs[-1][0], last_e))
        # ... or the line is as wide as the page's lines: the printer wrapped it (宋|国华)
        prev_full = wrapped and prev_open and length >= full_width
    start = group[0].start
    end = group[-1].end
    return ArticleLayout(
        start=start, end=end, title=title, kickers=tuple(kickers), subtitles=tuple(subtitles),
        dateline=dateline, credits=tuple(credits), continuations=tuple(continuations),
        paragraphs=tuple(paragraphs), pieces=tuple(pieces),
    )


def continuations_at_end(continuations: list[tuple[int, int]], line_end: int) -> bool:
    """True when the line ends with a page reference (the article goes on elsewhere)."""
    return bool(continuations) and continuations[-1][1] == line_end


def _trailing_names(text: str, ln: _Line, only_line: bool, cuts: list[tuple[int, int]]):
    """Names alone at the end of an article: a last line '柏松', or '…。”(汪洋)'."""
    line = text[ln.start : ln.end]
    # A whole line of names only when nothing in it was already read as a credit or marker.
    pat = _patterns()
    whole = None if only_line or cuts else pat["trailing_names"].fullmatch(line)
    if whole:
        names = list(_names_with_offsets(text, ln.start + whole.start("names"), ln.start + whole.end("names")))
        covered = sum(e - s for _, s, e in names)
        if names and covered == len(regex.sub(r"\s", "", whole.group("names"))):
            return [CreditMatch(name=n, role="reporters", start=s, end=e) for n, s, e in names], (ln.start, ln.end)
        return None
    tail = pat["trailing_bracket"].search(line)
    if tail and not any(s <= ln.start + tail.start() < e for s, e in cuts):
        names = list(_names_with_offsets(text, ln.start + tail.start("names"), ln.start + tail.end("names")))
        if names and sum(e - s for _, s, e in names) == len(tail.group("names")):
            return [CreditMatch(name=n, role="reporters", start=s, end=e) for n, s, e in names], (ln.start + tail.start(), ln.end)
    return None


def _subtract(text: str, start: int, end: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """[start, end) minus the cut ranges, as whitespace-trimmed non-empty ranges."""

    def text_is_space(i: int) -> bool:
        return text[i] in " \t\r\u3000"

    out = []
    pos = start
    for s, e in sorted(cuts):
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < end:
        out.append((pos, end))
    trimmed = []
    for s, e in out:
        while s < e and text_is_space(s):
            s += 1
        while e > s and text_is_space(e - 1):
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed
