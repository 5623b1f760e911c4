"""Policy goals: target statements with their markers, numeric targets, deadlines and owners."""

from newsextract.goals.finder import find_goals
from newsextract.goals.records import Goal

__all__ = ["Goal", "find_goals"]
