"""people.finder._occurrences: the later mentions of known names, found with str.find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.people.finder import _occurrences

_CHARS = "柏舟林秋白某"
_names = st.lists(st.text(_CHARS, min_size=1, max_size=4), min_size=1, max_size=6, unique=True)


@settings(max_examples=400, deadline=None)
@given(st.text(_CHARS + "，。", max_size=60), _names)
def test_same_as_an_alternation_longest_first(text: str, names: list[str]) -> None:
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    assert _occurrences(text, names) == [(m.start(), m.group()) for m in pattern.finditer(text)]


def test_longest_name_wins_and_scanning_goes_on_after_it() -> None:
    assert _occurrences("林秋白说,林秋白", ["林秋", "林秋白", "秋白"]) == [(0, "林秋白"), (5, "林秋白")]
