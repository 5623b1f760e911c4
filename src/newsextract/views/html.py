"""Self-contained HTML of a Document or Article: the text with every record highlighted
(one colour per family, the fields in the hover title) and a table per family below.

No script, no external resource: one ``<style>`` block scoped to ``.nx-doc``. Every piece of
text and every attribute value is HTML-escaped.
"""

from __future__ import annotations

import html
from typing import Any, Iterable

import attrs

from newsextract.views.rows import FAMILIES, columns, family_rows

# family → (label, colour)
COLOURS = {
    "person": ("person", "#ffd6a5"),
    "title": ("title", "#fdffb6"),
    "meeting": ("meeting", "#caffbf"),
    "indicator": ("indicator", "#9bf6ff"),
    "goal": ("goal", "#d7cdff"),
    "date": ("date", "#ffc6ff"),
    "byline": ("byline", "#e4e4e4"),
}

_STYLE = (
    ".nx-doc{font-family:system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif;line-height:1.9}"
    ".nx-doc .nx-text{white-space:pre-wrap;border:1px solid #ddd;padding:.6em;border-radius:4px}"
    ".nx-doc .nx-legend span{margin-right:.6em;padding:0 .3em;border-radius:3px}"
    ".nx-doc table{border-collapse:collapse;font-size:.85em;margin:.3em 0 .8em}"
    ".nx-doc td,.nx-doc th{border:1px solid #ddd;padding:.15em .4em;text-align:left;vertical-align:top}"
    ".nx-doc summary{cursor:pointer;font-weight:600}"
    + "".join(f".nx-doc .nx-{k}{{background:{c}}}" for k, (_, c) in COLOURS.items())
)


@attrs.frozen
class _Mark:
    start: int
    end: int
    family: str
    title: str


def _esc(s: Any) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _describe(family: str, r: Any) -> str:
    """The hover title of a record: family, main value, then the interesting fields."""
    parts = [family]
    if family == "person":
        parts.append(r.name)
        if r.titles:
            parts.append("titles: " + "、".join(t.text for t in r.titles))
    elif family == "title":
        parts += [r.text] + [f"{k}: {getattr(r, k)}" for k in ("org", "position", "level") if getattr(r, k, None)]
    elif family == "meeting":
        parts.append(r.name)
        date = getattr(r, "date", None)
        if date is not None and (date.iso or date.time_of_day):
            parts.append(f"date: {date.iso or ''} {date.time_of_day or ''}".rstrip())
        if r.chair:
            parts.append("chair: " + "、".join(p.name for p in r.chair))
        if r.participants:
            parts.append("participants: " + "、".join(f"{p.name}({p.role})" for p in r.participants))
    elif family == "indicator":
        parts.append(f"{r.value} {r.unit or ''}".rstrip())
        for k in ("qualifier", "change", "subject", "period"):
            v = getattr(r, k, None)
            if v:
                parts.append(f"{k}: {getattr(v, 'text', v)}")
    elif family == "goal":
        for k in ("strength", "owner", "deadline"):
            v = getattr(r, k, None)
            if v:
                parts.append(f"{k}: {getattr(v, 'iso', None) or getattr(v, 'text', v)}")
    elif family == "date":
        parts.append(f"iso: {r.iso}")
    elif family == "byline":
        parts.append(f"{r.role}: {r.name}")
    rule = getattr(r, "rule", None)
    if rule:
        parts.append(f"rule: {rule}")
    return " · ".join(str(p) for p in parts)


def _marks(article: Any) -> Iterable[_Mark]:
    for p in article.people:
        for m in p.mentions or (p,):
            yield _Mark(m.start, m.end, "person", _describe("person", p))
        for t in p.titles:
            yield _Mark(t.start, t.end, "title", _describe("title", t))
    for m in article.meetings:
        title = _describe("meeting", m)
        for part in getattr(m, "name_parts", ()) or ():
            yield _Mark(part.start, part.end, "meeting", title)
    for x in article.indicators:
        yield _Mark(x.start, x.end, "indicator", _describe("indicator", x))
    for g in article.goals:
        yield _Mark(g.start, g.end, "goal", _describe("goal", g))
    for d in article.dates:
        yield _Mark(d.start, d.end, "date", _describe("date", d))
    by = article.byline
    for c in (*by.reporters, *by.correspondents, *by.photographers):
        yield _Mark(c.start, c.end, "byline", _describe("byline", c))


def _highlight(text: str, offset: int, marks: list[_Mark]) -> str:
    """``text`` (which starts at ``offset`` of the document) with the marks as spans.

    The text is cut at every mark boundary; each piece gets the colour of the innermost
    (shortest) mark over it, an underline in the colour of the outermost one when marks
    nest or overlap, and all their descriptions as its title.
    """
    n = len(text)
    marks = [m for m in marks if m.end > m.start and m.start - offset < n and m.end - offset > 0]
    cuts = sorted({0, n, *(max(0, min(n, m.start - offset)) for m in marks), *(max(0, min(n, m.end - offset)) for m in marks)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = _esc(text[a:b])
        active = [m for m in marks if m.start - offset <= a and b <= m.end - offset]
        if not active:
            out.append(piece)
            continue
        active.sort(key=lambda m: (m.end - m.start, m.family))
        inner, outer = active[0], active[-1]
        style = f' style="box-shadow:inset 0 -3px 0 {COLOURS[outer.family][1]}"' if len(active) > 1 else ""
        title = _esc("\n".join(dict.fromkeys(m.title for m in active)))
        out.append(f'<span class="nx-{inner.family}"{style} title="{title}">{piece}</span>')
    return "".join(out)


def _legend() -> str:
    return '<div class="nx-legend">' + "".join(f'<span class="nx-{k}">{_esc(label)}</span>' for k, (label, _) in COLOURS.items()) + "</div>"


def _tables(doc: Any) -> str:
    rows = family_rows(doc)
    parts = []
    for family in FAMILIES:
        if not rows[family]:
            continue
        cols = columns(family)
        head = "".join(f"<th>{_esc(c)}</th>" for c in cols)
        body = "".join("<tr>" + "".join(f"<td>{_esc(r.get(c))}</td>" for c in cols) + "</tr>" for r in rows[family])
        parts.append(f"<details><summary>{_esc(family)} ({len(rows[family])})</summary><table><tr>{head}</tr>{body}</table></details>")
    return "".join(parts)


def _wrap(body: str) -> str:
    return f'<div class="nx-doc"><style>{_STYLE}</style>{body}</div>'


def document_html(doc: Any, *, tables: bool = True) -> str:
    """The document's whole text with every record highlighted, and a table per family.

    doc (Document): an extracted document.
    tables (bool): add the per-family tables (people, titles, meetings, ...) below the text.
    RETURNS (str): a self-contained HTML fragment (no script, no external resource).
    """
    marks = [m for a in doc.articles for m in _marks(a)]
    text = f'<div class="nx-text">{_highlight(doc.text, 0, marks)}</div>'
    return _wrap(_legend() + text + (_tables(doc) if tables else ""))


def article_html(article: Any, *, tables: bool = True) -> str:
    """One article's text with its records highlighted, and a table per family.

    article (Article): an article of an extracted document.
    tables (bool): add the per-family tables below the text.
    RETURNS (str): a self-contained HTML fragment.
    """
    text = f'<div class="nx-text">{_highlight(article.text, article.start, list(_marks(article)))}</div>'
    extra = ""
    if tables:
        from newsextract.document import Document

        extra = _tables(Document(text=article.text, articles=(article,)))
    return _wrap(_legend() + text + extra)
