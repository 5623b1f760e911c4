"""Date mentions: ``parse_dates(text, reference_date=None) -> list[DateValue]``.

Import-light (stdlib, attrs, regex; the rules are loaded on the first call). The spaCy
component lives in :mod:`newsextract.dates.component`.
"""

from newsextract.dates.parse import parse_dates
from newsextract.dates.records import DateInterval, DateValue

__all__ = ["parse_dates", "DateValue", "DateInterval"]
