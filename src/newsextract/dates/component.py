"""spaCy component ``newsextract_dates``: stores ``parse_dates(doc.text)`` on ``doc._.newsextract``."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from newsextract.dates.parse import parse_dates
from newsextract.results import doc_text, results_of


@Language.factory("newsextract_dates", assigns=["doc._.newsextract"], default_config={})
def make_dates_component(nlp: Language, name: str) -> "DatesComponent":
    """Factory of the dates component (no settings).

    nlp (Language): the pipeline.
    name (str): the component's name in the pipeline.
    RETURNS (DatesComponent): the component.
    """
    return DatesComponent()


class DatesComponent:
    """Writes the doc's date mentions to ``results_of(doc).dates`` (doc offsets)."""

    def __call__(self, doc: Any) -> Any:
        """Find the dates of ``doc.text``, resolved against ``results_of(doc).reference_date``.

        doc (Doc): the article doc.
        RETURNS (Doc): the same doc.
        """
        res = results_of(doc)
        res.dates = parse_dates(doc_text(doc), res.reference_date)
        return doc
