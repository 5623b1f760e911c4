"""pandas DataFrames of a Document's records (needs the ``newsextract[pandas]`` extra)."""

from __future__ import annotations

from typing import Any

from newsextract.errors import OptionalDependencyError
from newsextract.views.rows import FAMILIES, columns, family_rows


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise OptionalDependencyError("pandas", "pandas") from None
    return pandas


def to_frames(doc: Any) -> dict[str, Any]:
    """One DataFrame per family: people, titles, meetings, participants, indicators, goals, dates.

    doc (Document): an extracted document.
    RETURNS (dict[str, pandas.DataFrame]): columns ``article`` (0-based), for titles ``person``
        and for participants ``meeting``, then the record's fields (``text``, ``start``,
        ``end`` index ``doc.text``; nested records shown as their text). A family without
        records gives an empty frame with the same columns.
    RAISES OptionalDependencyError: pandas is not installed.
    """
    pd = _pandas()
    rows = family_rows(doc)
    frames = {}
    for family in FAMILIES:
        frame = pd.DataFrame(rows[family], columns=columns(family))
        for col in ("article", "start", "end"):
            if col in frame.columns:
                frame[col] = frame[col].astype("int64")
        frames[family] = frame
    return frames
