"""Score predicted entries against gold entries, field by field, and collect the errors.

Definitions (the same as the project's evaluation since its first gold files):

- ``people.name``: set of names over the whole text; gold names marked optional are
  neither required nor counted as spurious. ``people.title_pair``: set of (name, title).
- ``byline``: names per role (reporters, correspondents, photographers), summed.
- ``meeting``: each gold meeting (in file order) takes the unused predicted meeting with the
  highest name char-F1 (first one on ties), if that is at least 0.5. Matched pairs add
  ``meeting.name_charf1``, ``meeting.date`` (exact ISO), ``meeting.chair`` and
  ``meeting.participants`` (sets of names, the predicted chair left out of the participants).
  A missed meeting counts all its chair and participant names as missed.
- ``indicator``: each gold indicator (required ones first) takes an unused prediction with
  the same normalised value and unit, preferring the highest text char-F1. Predictions
  taken by optional gold indicators are neutral. Matched pairs add
  ``indicator.qualifier`` (by qualifier class), ``indicator.change`` and, where the gold
  states them, ``indicator.qualifier_given``, ``indicator.change_given`` and
  ``indicator.subject_charf1``.
- ``goal.must_recall``: share of must-goals covered by a prediction (a run of common
  characters at least 60% of the gold goal). ``goal.precision``: share of predicted goals
  sharing such a run with any gold goal (60% of the shorter of the two).
- ``article.title``: set of titles, scored when the gold has several articles or any title.
"""

from __future__ import annotations

from typing import Any

import attrs

from newsextract.evaluate.entries import ROLES, DocEntries, Source
from newsextract.evaluate.metrics import (
    Accuracy,
    Counts,
    char_f1,
    longest_common_substring,
    norm,
    norm_qualifier,
    same_value,
    set_counts,
    threshold,
)

COUNT_FIELDS = ("people.name", "people.title_pair", "byline", "meeting", "meeting.chair",
                "meeting.participants", "indicator", "article.title")
ACCURACY_FIELDS = ("meeting.name_charf1", "meeting.date", "indicator.qualifier", "indicator.change",
                   "indicator.qualifier_given", "indicator.change_given", "indicator.subject_charf1",
                   "goal.must_recall", "goal.precision")
KINDS = ("missed", "spurious", "wrong")


def new_scores() -> dict[str, Counts | Accuracy]:
    """Empty scores, in report order: count fields first, then accuracies."""
    scores: dict[str, Counts | Accuracy] = {k: Counts() for k in COUNT_FIELDS}
    scores.update({k: Accuracy() for k in ACCURACY_FIELDS})
    return scores


@attrs.frozen(kw_only=True)
class ErrorItem:
    """One missed, spurious or wrong item.

    doc (str): the gold file's name (``NAME`` of ``NAME.gold.json``).
    field (str): the score it counts against (``people.name``, ``meeting.date``...).
    kind (str): "missed" (in the gold, not predicted), "spurious" (predicted, not in the gold)
        or "wrong" (matched, but a field differs; ``detail`` says how).
    text (str): the item: a name, "name: title", a meeting name, an indicator's text, a goal.
    start (int | None): offset in the text: the predicted record's; for missed items the first
        place the gold text is printed, None when it is not printed verbatim.
    end (int | None): offset one past it.
    rule (str | None): ``rule`` of the predicted record behind it (None for missed items).
    detail (str | None): extra context ("gold 2023-05-14, predicted --05-14").
    """

    doc: str
    field: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    text: str
    start: int | None = None
    end: int | None = None
    rule: str | None = None
    detail: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


class _Errors:
    """Collects ErrorItems for one document (or nothing, when not asked for)."""

    def __init__(self, doc: str, text: str, out: list[ErrorItem] | None) -> None:
        self.doc, self.text, self.out = doc, text, out

    def missed(self, field: str, item: str, find: str | None = None, detail: str | None = None) -> None:
        if self.out is None:
            return
        needle = find if find is not None else item
        at = self.text.find(needle) if needle else -1
        span = (at, at + len(needle)) if at >= 0 else (None, None)
        self.out.append(ErrorItem(doc=self.doc, field=field, kind="missed", text=item,
                                  start=span[0], end=span[1], detail=detail))

    def predicted(self, kind: str, field: str, item: str, source: Source | None, detail: str | None = None) -> None:
        if self.out is None:
            return
        self.out.append(ErrorItem(
            doc=self.doc, field=field, kind=kind, text=item,
            start=source.start if source else None, end=source.end if source else None,
            rule=source.rule if source else None, detail=detail,
        ))


def score_document(
    gold: DocEntries,
    pred: DocEntries,
    scores: dict[str, Any],
    *,
    name: str = "",
    text: str = "",
    errors: list[ErrorItem] | None = None,
) -> None:
    """Add one text's counts to ``scores`` (from :func:`new_scores`).

    gold (DocEntries): from the gold file.
    pred (DocEntries): from the system's Document.
    name (str): the text's name, for error items.
    text (str): the text, to locate missed items.
    errors (list | None): when a list, ErrorItems are appended to it.
    """
    err = _Errors(name, text, errors)
    _people(gold, pred, scores, err)
    _byline(gold, pred, scores, err)
    _meetings(gold, pred, scores, err)
    _indicators(gold, pred, scores, err)
    _goals(gold, pred, scores, err)
    _titles(gold, pred, scores, err)


def _people(gold: DocEntries, pred: DocEntries, S: dict[str, Any], err: _Errors) -> None:
    gold_titles: dict[str, set[str]] = {}
    optional: set[str] = set()
    shown: dict[str, str] = {}
    for p in gold.merged("people"):
        if p.optional:
            optional.add(norm(p.name))
            continue
        shown.setdefault(norm(p.name), p.name)
        gold_titles.setdefault(norm(p.name), set()).update(norm(t.text) for t in p.titles)
    pred_titles: dict[str, set[str]] = {}
    first: dict[str, Any] = {}
    title_source: dict[tuple[str, str], Any] = {}
    for p in pred.merged("people"):
        n = norm(p.name)
        first.setdefault(n, p)
        pred_titles.setdefault(n, set()).update(norm(t.text) for t in p.titles if t.text)
        for t in p.titles:
            title_source.setdefault((n, norm(t.text)), t.source)
    S["people.name"].add(*set_counts(gold_titles, pred_titles, optional))
    for n in sorted(set(gold_titles) - set(pred_titles)):
        err.missed("people.name", shown[n])
    for n in sorted(set(pred_titles) - set(gold_titles) - optional):
        err.predicted("spurious", "people.name", first[n].name, first[n].source)

    gold_pairs = {(n, t) for n, ts in gold_titles.items() for t in ts}
    pred_pairs = {(n, t) for n, ts in pred_titles.items() for t in ts if n not in optional}
    S["people.title_pair"].add(*set_counts(gold_pairs, pred_pairs))
    for n, t in sorted(gold_pairs - pred_pairs):
        err.missed("people.title_pair", f"{shown[n]}: {t}", find=t)
    for n, t in sorted(pred_pairs - gold_pairs):
        err.predicted("spurious", "people.title_pair", f"{first[n].name}: {t}", title_source.get((n, t)))


def _byline(gold: DocEntries, pred: DocEntries, S: dict[str, Any], err: _Errors) -> None:
    for role in ROLES:
        g = {norm(c.name) for a in gold.articles for c in a.byline.get(role, ())}
        credits = {norm(c.name): c for a in pred.articles for c in a.byline.get(role, ())}
        S["byline"].add(*set_counts(g, set(credits)))
        for n in sorted(g - set(credits)):
            err.missed("byline", n, detail=role)
        for n in sorted(set(credits) - g):
            err.predicted("spurious", "byline", credits[n].name, credits[n].source, detail=role)


def _meetings(gold: DocEntries, pred: DocEntries, S: dict[str, Any], err: _Errors) -> None:
    predicted = [m for m in pred.merged("meetings") if m.name]
    used: set[int] = set()
    minimum = threshold("meeting_name_char_f1")
    for g in gold.merged("meetings"):
        best, best_i = 0.0, None
        for i, p in enumerate(predicted):
            if i in used:
                continue
            s = char_f1(g.name, p.name)
            if s > best:
                best, best_i = s, i
        if best_i is None or best < minimum:
            S["meeting"].add(fn=1)
            S["meeting.participants"].add(fn=len(g.participants))
            S["meeting.chair"].add(fn=len(g.chair))
            err.missed("meeting", g.name)
            continue
        used.add(best_i)
        p = predicted[best_i]
        S["meeting"].add(tp=1)
        S["meeting.name_charf1"].add(best)
        S["meeting.date"].add(1.0 if g.date == p.date else 0.0)
        if g.date != p.date:
            err.predicted("wrong", "meeting.date", p.name, p.source, detail=f"gold {g.date}, predicted {p.date}")
        _names_at_meeting("meeting.chair", g.chair, p.chair, (), p.name, S, err)
        _names_at_meeting("meeting.participants", g.participants, p.participants, p.chair, p.name, S, err)
    S["meeting"].add(fp=len(predicted) - len(used))
    for i, p in enumerate(predicted):
        if i not in used:
            err.predicted("spurious", "meeting", p.name, p.source)


def _names_at_meeting(field: str, gold: Any, pred: Any, leave_out: Any, meeting: str, S: dict[str, Any], err: _Errors) -> None:
    g = {norm(x.name) for x in gold}
    by_name = {norm(x.name): x for x in pred}
    p = set(by_name) - {norm(x.name) for x in leave_out}
    S[field].add(*set_counts(g, p))
    for n in sorted(g - p):
        err.missed(field, n, detail=f"at {meeting}")
    for n in sorted(p - g):
        err.predicted("spurious", field, by_name[n].name, by_name[n].source, detail=f"at {meeting}")


def _indicators(gold: DocEntries, pred: DocEntries, S: dict[str, Any], err: _Errors) -> None:
    predicted = [i for i in pred.merged("indicators") if i.value is not None]
    used: set[int] = set()
    for g in sorted(gold.merged("indicators"), key=lambda g: g.optional):
        cands = [i for i, p in enumerate(predicted) if i not in used and same_value(g.value, g.unit, p.value, p.unit)]
        if not cands:
            if not g.optional:
                S["indicator"].add(fn=1)
                err.missed("indicator", g.text or f"{g.value} {g.unit}", detail=f"value {g.value} unit {g.unit}")
            continue
        best = max(cands, key=lambda i: char_f1(g.text, predicted[i].text))
        used.add(best)
        if g.optional:
            continue
        p = predicted[best]
        S["indicator"].add(tp=1)
        same_qualifier = norm_qualifier(g.qualifier) == norm_qualifier(p.qualifier)
        S["indicator.qualifier"].add(1.0 if same_qualifier else 0.0)
        S["indicator.change"].add(1.0 if (g.change or None) == (p.change or None) else 0.0)
        if g.qualifier:
            S["indicator.qualifier_given"].add(1.0 if same_qualifier else 0.0)
        if g.change:
            S["indicator.change_given"].add(1.0 if g.change == (p.change or None) else 0.0)
        if g.subject:
            S["indicator.subject_charf1"].add(char_f1(g.subject, p.subject))
        label = p.text or str(p.value)
        if not same_qualifier:
            err.predicted("wrong", "indicator.qualifier", label, p.source, detail=f"gold {g.qualifier}, predicted {p.qualifier}")
        if (g.change or None) != (p.change or None):
            err.predicted("wrong", "indicator.change", label, p.source, detail=f"gold {g.change}, predicted {p.change}")
        if g.subject and norm(g.subject) != norm(p.subject):
            err.predicted("wrong", "indicator.subject_charf1", label, p.source,
                          detail=f"gold {g.subject}, predicted {p.subject}, char-F1 {char_f1(g.subject, p.subject):.2f}")
    # predictions taken by an optional gold indicator are neutral; the others are spurious
    S["indicator"].add(fp=len(predicted) - len(used))
    for i, p in enumerate(predicted):
        if i not in used:
            err.predicted("spurious", "indicator", p.text or str(p.value), p.source, detail=f"value {p.value} unit {p.unit}")


def _goals(gold: DocEntries, pred: DocEntries, S: dict[str, Any], err: _Errors) -> None:
    cover = threshold("goal_cover")
    gold_goals = [(g, norm(g.text)) for g in gold.merged("goals")]
    predicted = [(p, norm(p.text)) for p in pred.merged("goals") if p.text]
    for g, gn in gold_goals:
        if not g.must:
            continue
        found = any(longest_common_substring(gn, pn) >= cover * len(gn) for _, pn in predicted)
        S["goal.must_recall"].add(1.0 if found else 0.0)
        if not found:
            err.missed("goal.must_recall", g.text)
    for p, pn in predicted:
        ok = any(longest_common_substring(gn, pn) >= cover * min(len(gn), len(pn)) for _, gn in gold_goals)
        S["goal.precision"].add(1.0 if ok else 0.0)
        if not ok:
            err.predicted("spurious", "goal.precision", p.text, p.source)


def _titles(gold: DocEntries, pred: DocEntries, S: dict[str, Any], err: _Errors) -> None:
    gold_titles = [norm(a.title) for a in gold.articles if a.title]
    pred_titles = {norm(a.title): a for a in pred.articles if a.title}
    if len(gold.articles) > 1 or gold_titles:
        g = set(gold_titles)
        S["article.title"].add(*set_counts(g, set(pred_titles)))
        for t in sorted(g - set(pred_titles)):
            err.missed("article.title", t)
        for t in sorted(set(pred_titles) - g):
            a = pred_titles[t]
            err.predicted("spurious", "article.title", a.title, a.title_source)
