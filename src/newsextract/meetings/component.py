"""spaCy component ``newsextract_meetings``: runs :func:`find_meetings` on the doc."""

from __future__ import annotations

from spacy.language import Language

from newsextract.meetings.events import find_meetings_and_events
from newsextract.results import doc_text, results_of


@Language.factory("newsextract_meetings", assigns=["doc._.newsextract"], default_config={})
def make_meetings_component(nlp: Language, name: str) -> "MeetingsComponent":
    """Build the meetings component.

    nlp (Language): the pipeline.
    name (str): the component's name.
    RETURNS (MeetingsComponent): reads ``people``/``dates``/``headings``, writes ``meetings`` and ``events``.
    """
    return MeetingsComponent()


class MeetingsComponent:
    """Finds the meetings of a doc; needs the dates and people components to run first."""

    def __call__(self, doc):  # type: ignore[no-untyped-def]
        """Store the doc's meetings on ``doc._.newsextract.meetings``.

        doc (Doc): the doc.
        RETURNS (Doc): the same doc.
        """
        res = results_of(doc)
        # (no words: neither finder reads them)
        res.meetings, res.events = find_meetings_and_events(
            doc_text(doc), people=res.people, dates=res.dates, headings=res.headings
        )
        return doc
