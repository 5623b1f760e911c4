"""Document and Article records, and their (de)serialisation.

Record families live in their own packages (people, meetings, indicators, goals, dates);
this module assembles them per article. ``to_dict``/``to_json`` and ``Document.from_dict``
round-trip through one cattrs converter (dates become ISO strings).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import TYPE_CHECKING, Any

import attrs

from newsextract.spans import Span, offset_field

if TYPE_CHECKING:  # the families are imported lazily; these names are for type checkers
    from newsextract.dates import DateValue
    from newsextract.goals import Goal
    from newsextract.indicators import Indicator
    from newsextract.meetings import Event, Meeting
    from newsextract.people import Person


@attrs.frozen(kw_only=True)
class Credit:
    """A byline name: reporter (记者), correspondent (通讯员) or photographer (摄).

    name (str): the name; ``text[start:end]`` is where it is printed.
    role (str): "reporter" | "correspondent" | "photographer".
    """

    name: str
    role: str = attrs.field(validator=attrs.validators.in_(("reporter", "correspondent", "photographer")))
    text: str
    start: int = offset_field()
    end: int = offset_field()


@attrs.frozen(kw_only=True)
class Byline:
    """Who wrote and photographed the article (never part of ``people``)."""

    reporters: tuple[Credit, ...] = ()
    correspondents: tuple[Credit, ...] = ()
    photographers: tuple[Credit, ...] = ()

    def names(self) -> list[str]:
        """All byline names, reporters first."""
        return [c.name for c in (*self.reporters, *self.correspondents, *self.photographers)]


@attrs.frozen(kw_only=True)
class Article:
    """One article of a page, with its records.

    text/start/end: the article's whole extent in the original text.
    title, kicker (引题), subtitles (副题): headline lines; paragraphs: body lines.
    dateline: 本报讯 / 本报北京8月24日电; continuations: (下转2版) page references.
    events: inspection visits (调研, 督导, 走访 …), which are not meetings.
    """

    text: str
    start: int = offset_field()
    end: int = offset_field()
    title: Span | None = None
    kicker: Span | None = None
    subtitles: tuple[Span, ...] = ()
    dateline: Span | None = None
    byline: Byline = attrs.Factory(Byline)
    paragraphs: tuple[Span, ...] = ()
    continuations: tuple[Span, ...] = ()
    people: tuple[Person, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    events: tuple[Event, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    goals: tuple[Goal, ...] = ()
    dates: tuple[DateValue, ...] = ()

    def _repr_html_(self) -> str:
        """The article with every record highlighted (Jupyter)."""
        from newsextract.views import article_html

        return article_html(self)


@attrs.frozen(kw_only=True)
class Document:
    """What :func:`newsextract.extract` returns.

    text (str): the caller's text, verbatim; every record's offsets index it.
    reference_date (date | None): the publication date used to resolve relative dates.
    articles (tuple[Article, ...]): in page order.
    """

    text: str
    reference_date: dt.date | None = None
    articles: tuple[Article, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (the shape the evaluation scorer reads)."""
        return _converter().unstructure(self)

    def to_json(self, **kwargs: Any) -> str:
        """JSON text; keyword arguments go to :func:`json.dumps`."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        """Rebuild a Document from :meth:`to_dict` output."""
        return _converter().structure(data, cls)

    @classmethod
    def from_json(cls, text: str) -> "Document":
        """Rebuild a Document from :meth:`to_json` output."""
        return cls.from_dict(json.loads(text))

    def _repr_html_(self) -> str:
        """The text with every record highlighted and a table per family (Jupyter)."""
        from newsextract.views import document_html

        return document_html(self)

    def to_frames(self) -> dict[str, Any]:
        """One pandas DataFrame per family (people, titles, meetings, participants, indicators, goals, dates).

        RAISES OptionalDependencyError: pandas is not installed (``pip install 'newsextract[pandas]'``).
        """
        from newsextract.views import to_frames

        return to_frames(self)

    @property
    def people(self) -> list["Person"]:
        """People of all articles."""
        return [p for a in self.articles for p in a.people]

    @property
    def meetings(self) -> list["Meeting"]:
        """Meetings of all articles."""
        return [m for a in self.articles for m in a.meetings]

    @property
    def indicators(self) -> list["Indicator"]:
        """Indicators of all articles."""
        return [i for a in self.articles for i in a.indicators]

    @property
    def goals(self) -> list["Goal"]:
        """Goals of all articles."""
        return [g for a in self.articles for g in a.goals]


@functools.cache
def _converter() -> Any:
    import cattrs
    from cattrs.preconf.json import make_converter

    # Resolve the family types now (they were only names for type checkers above).
    from newsextract import dates, goals, indicators, meetings, people  # noqa: F401

    namespace = {
        "Person": people.Person, "Meeting": meetings.Meeting, "Event": meetings.Event, "Indicator": indicators.Indicator,
        "Goal": goals.Goal, "DateValue": dates.DateValue, "Span": Span,
    }
    for cls in (Article, Document):
        attrs.resolve_types(cls, globalns={**globals(), **namespace})
    conv: cattrs.Converter = make_converter()
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
    return conv
