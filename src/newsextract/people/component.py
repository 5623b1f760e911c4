"""spaCy component ``newsextract_people``: runs :func:`find_people` on the doc."""

from __future__ import annotations

from spacy.language import Language

from newsextract.people.finder import find_people
from newsextract.results import doc_text, results_of, word_offsets


@Language.factory("newsextract_people", assigns=["doc._.newsextract"], default_config={})
def make_people_component(nlp: Language, name: str) -> "PeopleComponent":
    """Factory of the people component.

    nlp (Language): the pipeline.
    name (str): the component's name in the pipeline.
    RETURNS (PeopleComponent): the component.
    """
    return PeopleComponent()


class PeopleComponent:
    """Stores ``find_people(doc.text, words=..., headings=...)`` as ``doc._.newsextract.people``."""

    def __call__(self, doc):  # type: ignore[no-untyped-def]
        """Add the people of ``doc`` to its results.

        doc (Doc): a doc segmented by pkuseg.
        RETURNS (Doc): the same doc.
        """
        res = results_of(doc)
        res.people = find_people(doc_text(doc), words=word_offsets(doc), headings=res.headings)
        return doc
