"""Personal names: where a name starting at an offset ends, and splitting runs of names."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from newsextract.people.lexicon import Lexicon, is_han, lexicon

# Characters that never occur inside a given name in this genre (particles, function words,
# administrative words). Kept in code because it is an orthographic fact, not a lexicon.
_NOT_GIVEN = frozenset(
    "的了和与及等在是对把被让由从也都就还又很这那其之个们着过地得所而或并但不没说要将会"
    "省市区县镇乡村州委局办厅部院党届次日号名位各该本我你他她它总"
)
# 某 stands for a withheld given name (柏某): it ends the name.
ANON = "某"
# Punctuation and spacing that may follow a name.
PUNCT = frozenset("，,、。．.；;：:！!？?“”\"'‘’（）()《》〈〉【】[]「」『』—–-…·/|\n\r\t \u3000\u00a0")

# PUNCT or whitespace (``\s`` matches exactly what ``str.isspace`` accepts): one regex scan per text
_SEPARATOR_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(PUNCT)) + r"\s]")


def separators(text: str) -> list[int]:
    """Offsets of the punctuation and spacing characters of ``text`` (PUNCT or ``isspace``)."""
    return [m.start() for m in _SEPARATOR_RE.finditer(text)]


# split_names: probability of a name length, by surname length.
_LEN_P = {1: {2: 0.3, 3: 0.7}, 2: {3: 0.5, 4: 0.5}}
# split_names: a surname of rank r opens a name with odds ~ _SURNAME_MASS / (r + 10)
_SURNAME_MASS = 1000.0
_COMPOUND_RANK = 50


class Words:
    """pkuseg word boundaries as evidence (absent when ``words`` is None).

    words (Sequence[tuple[int, int]] | None): pkuseg word offsets.
    text (str): the text they index.
    seps (Sequence[int] | None): :func:`separators` of ``text``, when already computed.
    """

    def __init__(self, words: Sequence[tuple[int, int]] | None, text: str, seps: Sequence[int] | None = None) -> None:
        n = len(text)
        self.present = bool(words)
        valid = [(s, e) for s, e in words or () if 0 <= s < e <= n]
        self.starts: set[int] = {s for s, _ in valid}
        self.ends: set[int] = {e for _, e in valid}
        # offsets strictly inside a multi-character word
        self.inside: set[int] = {i for s, e in valid if e - s > 1 for i in range(s + 1, e)}
        if self.present:
            # punctuation always separates words, even when the segmenter glued it (恒,五十)
            seps = separators(text) if seps is None else seps
            after = [i + 1 for i in seps]
            self.inside.difference_update(seps)
            self.inside.difference_update(after)
            self.ends.update(seps)
            self.starts.update(after)

    def boundary(self, i: int) -> bool:
        """True when no word crosses offset ``i`` (always True without words)."""
        return not self.present or i not in self.inside



def surname_len(text: str, s: int, lx: Lexicon | None = None) -> int:
    """Length of the surname starting at ``s`` (2 for 欧阳, 1 for 王), 0 when there is none."""
    lx = lx or lexicon()
    if text[s : s + 2] in lx.compound:
        return 2
    if s < len(text) and text[s] in lx.surnames and text[s] not in lx.compound:
        return 1
    return 0


def plausible(name: str, lx: Lexicon | None = None, *, allow_ambiguous: bool = True) -> bool:
    """True for a surname + 1–2 character given name that is not a known non-name word."""
    lx = lx or lexicon()
    k = surname_len(name, 0, lx)
    if not k or len(name) - k not in (1, 2):
        return False
    if not allow_ambiguous and name[:k] in lx.ambiguous:
        return False
    given = name[k:]
    if not all(is_han(c) and c not in _NOT_GIVEN for c in given) or given[1:2] == ANON or given in lx.not_given or name in lx.not_given:
        return False
    return not is_not_name(name, lx)


def is_not_name(cand: str, lx: Lexicon | None = None) -> bool:
    """True when ``cand`` is, or starts with, a word listed as not a name (方案, 高度 ...)."""
    lx = lx or lexicon()
    return any(cand[:i] in lx.not_names for i in range(2, len(cand) + 1))


def split_names(run: str) -> list[str]:
    """Split a run of names written together (a byline like three names without spaces).

    Every piece is a surname (single or compound) plus a one- or two-character given name;
    among all such segmentations the most probable one is chosen, scoring each piece by its
    surname's frequency rank and the usual name lengths.

    run (str): the characters of the run (no spaces).
    RETURNS (list[str]): the names in order; ``[run]`` when the run is 2–4 characters and
        cannot be segmented, ``[]`` when it is longer and cannot be segmented.
    """
    if not isinstance(run, str):
        return []
    run = run.strip()
    n = len(run)
    if n < 2 or n > 64:
        return [run] if 2 <= n <= 4 else []
    lx = lexicon()
    best: list[tuple[float, list[str]] | None] = [None] * (n + 1)
    best[0] = (0.0, [])
    for i in range(n):
        if best[i] is None:
            continue
        cost_i, names_i = best[i]  # type: ignore[misc]
        k = surname_len(run, i, lx)
        if not k:
            continue
        # a compound surname match is strong evidence whatever its population rank
        rank = min(lx.surnames[run[i : i + k]], _COMPOUND_RANK) if k == 2 else lx.surnames[run[i]]
        for length, p_len in _LEN_P[k].items():
            j = i + length
            if j > n or not plausible(run[i:j], lx):
                continue
            # benefit of starting a name here: log-odds that the character opens a name
            cost = cost_i - math.log(_SURNAME_MASS / (rank + 10)) - math.log(p_len)
            if best[j] is None or cost < best[j][0]:  # type: ignore[index]
                best[j] = (cost, names_i + [run[i:j]])
    if best[n] is not None:
        return best[n][1]  # type: ignore[index]
    return [run] if 2 <= n <= 4 else []
