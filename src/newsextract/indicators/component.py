"""spaCy component ``newsextract_indicators``: stores ``find_indicators(doc.text)`` on ``doc._.newsextract``."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from newsextract.indicators.finder import find_indicators
from newsextract.results import doc_text, results_of, word_offsets


@Language.factory("newsextract_indicators", assigns=["doc._.newsextract"], default_config={})
def make_indicators_component(nlp: Language, name: str) -> "IndicatorsComponent":
    """Factory of the indicators component (no settings).

    nlp (Language): the pipeline.
    name (str): the component's name in the pipeline.
    RETURNS (IndicatorsComponent): the component.
    """
    return IndicatorsComponent()


class IndicatorsComponent:
    """Writes the doc's numeric indicators to ``results_of(doc).indicators`` (doc offsets)."""

    def __call__(self, doc: Any) -> Any:
        """Find the indicators of ``doc.text``, using its pkuseg words, headings and dates.

        doc (Doc): the article doc (after ``newsextract_dates``).
        RETURNS (Doc): the same doc.
        """
        res = results_of(doc)
        res.indicators = find_indicators(doc_text(doc), words=word_offsets(doc), headings=res.headings, dates=res.dates)
        return doc
