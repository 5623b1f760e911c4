"""Meetings reported as held: name, kind, date, chair, participants by role, agenda;
inspection visits (走访, 调研 …) as separate :class:`Event` records.

>>> from newsextract.meetings import find_meetings
>>> [m.name for m in find_meetings("6月3日上午,云溪县召开全县防汛工作部署会。")]
['全县防汛工作部署会']
"""

from newsextract.meetings.events import find_events
from newsextract.meetings.finder import find_meetings
from newsextract.meetings.records import Event, Meeting, Participant

__all__ = ["Event", "Meeting", "Participant", "find_events", "find_meetings"]
