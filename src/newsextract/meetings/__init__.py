"""Meetings reported as held: name, kind, date, chair, participants by role, agenda.

>>> from newsextract.meetings import find_meetings
>>> [m.name for m in find_meetings("6月3日上午,云溪县召开全县防汛工作部署会。")]
['全县防汛工作部署会']
"""

from newsextract.meetings.finder import find_meetings
from newsextract.meetings.records import Meeting, Participant

__all__ = ["Meeting", "Participant", "find_meetings"]
