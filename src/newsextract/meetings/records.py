"""Meeting records: a meeting reported as held, its chair and participants."""

from __future__ import annotations

import attrs

from newsextract.dates.records import DateValue
from newsextract.spans import Span, offset_field

ROLES = ("chair", "attended", "invited", "spoke", "reported", "present", "leader", "accompanied")


@attrs.frozen(kw_only=True)
class Participant:
    """A person at a meeting, grounded on the mention that gives the role.

    name (str): the person's name (as the people family normalised it).
    text (str): ``source[start:end]``, the mention of the person.
    start (int): offset of the mention.
    end (int): offset one past the mention.
    role (str): "chair" | "attended" | "invited" | "spoke" | "reported" | "present" at meetings;
        "leader" | "accompanied" | "attended" on inspection visits (:class:`Event`).
    rule (str): name of the pattern that gave the role.
    """

    name: str
    text: str
    start: int = offset_field()
    end: int = offset_field()
    role: str = attrs.field(validator=attrs.validators.in_(ROLES))
    rule: str


@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting the text reports as held.

    text (str): ``source[start:end]``, the sentence that reports the meeting.
    start (int): offset of that sentence.
    end (int): offset one past it.
    name (str): the most complete form of the meeting's name, organiser and session joined
        when the text splits them ("X委员会召开第四次会议" → "X委员会第四次会议").
    name_parts (tuple[Span, ...]): the printed pieces ``name`` is made of (one Span when
        the name is printed in one piece). A separate field because a grounded Span's text
        is re-sliced from the source when offsets are remapped.
    kind (str | None): normalised kind read from the end of the name (常务会议, 推进会…).
    date (DateValue | None): the date attached to the meeting's sentence.
    location (Span | None): the venue when stated (在县会展中心二号厅召开).
    organizer (Span | None): the organising body when it is the subject of 召开 (我区, X委员会).
    chair (tuple[Participant, ...]): persons who 主持 the meeting.
    participants (tuple[Participant, ...]): other named persons who attended, spoke, reported
        or were present (the chair excluded).
    reporting_units (tuple[Span, ...]): units that reported (县水利局, 各村、社区).
    agenda (tuple[Span, ...]): agenda items (研究…, 审议…, 学习…).
    rule (str): name of the pattern that found the meeting.
    """

    text: str
    start: int = offset_field()
    end: int = offset_field()
    name: str
    name_parts: tuple[Span, ...] = ()
    kind: str | None = None
    date: DateValue | None = None
    location: Span | None = None
    organizer: Span | None = None
    chair: tuple[Participant, ...] = ()
    participants: tuple[Participant, ...] = ()
    reporting_units: tuple[Span, ...] = ()
    agenda: tuple[Span, ...] = ()
    rule: str

    @property
    def time_of_day(self) -> str | None:
        """The date's time of day (上午, 下午, 晚…), or None."""
        return getattr(self.date, "time_of_day", None)


EVENT_KINDS = ("调研", "督导", "检查", "走访", "考察", "视察", "慰问", "暗访")


@attrs.frozen(kw_only=True)
class Event:
    """An inspection visit (走访, 调研, 检查, 督导 …): not a meeting, reported on its own.

    text (str): ``source[start:end]``, the sentence that reports the visit.
    start (int): offset of that sentence.
    end (int): offset one past it.
    kind (str): 调研 | 督导 | 检查 | 走访 | 考察 | 视察 | 慰问 | 暗访 (the first verb).
    date (DateValue | None): the date attached to the sentence (as for meetings).
    leader (tuple[Participant, ...]): who led the visit (带队, 率队, or the subject).
    participants (tuple[Participant, ...]): who went along (陪同 / 参加), leader excluded.
    places (tuple[Span, ...]): where the visit went (到…, 深入…, 来到…).
    rule (str): name of the pattern that found the visit.
    """

    text: str
    start: int = offset_field()
    end: int = offset_field()
    kind: str = attrs.field(validator=attrs.validators.in_(EVENT_KINDS))
    date: DateValue | None = None
    leader: tuple[Participant, ...] = ()
    participants: tuple[Participant, ...] = ()
    places: tuple[Span, ...] = ()
    rule: str
