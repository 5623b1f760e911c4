"""spaCy component ``newsextract_goals``: policy goals into ``doc._.newsextract.goals``."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from newsextract.goals.finder import find_goals
from newsextract.results import doc_text, results_of, word_offsets


@Language.factory("newsextract_goals", assigns=["doc._.newsextract"], default_config={})
def make_goals_component(nlp: Language, name: str) -> "GoalsComponent":
    """Build the goals component (runs after dates, indicators, people and meetings).

    nlp (Language): the pipeline.
    name (str): the component's name in the pipeline.
    RETURNS (GoalsComponent): the component.
    """
    return GoalsComponent()


class GoalsComponent:
    """Finds goals with :func:`find_goals` and marks their indicators as targets."""

    def __call__(self, doc: Any) -> Any:
        """Store ``res.goals``; replace each target indicator in ``res.indicators`` by its
        ``is_target=True`` version (the same object the goal holds).

        doc (Doc): the document, with earlier families' results in ``doc._.newsextract``.
        RETURNS (Doc): the same document.
        """
        res = results_of(doc)
        goals = find_goals(
            doc_text(doc),
            indicators=res.indicators,
            dates=res.dates,
            people=res.people,
            headings=res.headings,
            words=word_offsets(doc),
        )
        res.goals = goals
        res.indicators = mark_targets(res.indicators, goals)
        return doc


def mark_targets(indicators: list[Any], goals: list[Any]) -> list[Any]:
    """``indicators`` with goal targets replaced by the goal's copy, all others not targets.

    indicators (list[Indicator]): the indicators as found.
    goals (list[Goal]): goals whose ``targets`` were built from those indicators.
    RETURNS (list[Indicator]): a new list, same order and length.
    """
    import attrs

    # The goals family is the one source of truth for is_target: a number is a target
    # exactly when it lies inside a goal.
    # value is part of the key: the two ends of a range (8%至10%) share their text and offsets
    by_span = {(t.start, t.end, t.text, t.value): t for g in goals for t in g.targets}
    out = []
    for i in indicators:
        target = by_span.get((i.start, i.end, i.text, i.value))
        if target is not None:
            out.append(target)
        elif getattr(i, "is_target", False):
            out.append(attrs.evolve(i, is_target=False))
        else:
            out.append(i)
    return out
