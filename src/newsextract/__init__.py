"""newsextract: typed, source-grounded records from Chinese government and party news.

>>> import newsextract
>>> doc = newsextract.extract(text, reference_date="2023-05-16")    # doctest: +SKIP
>>> [m.name.text for m in doc.meetings]                              # doctest: +SKIP

Nothing heavy happens at import: the spaCy pipeline loads on the first call that needs it.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

__version__ = "0.1.0"

logging.getLogger("newsextract").addHandler(logging.NullHandler())

# public name → module that defines it (imported on first access)
_EXPORTS = {
    "extract": "newsextract.pipeline",
    "pipe": "newsextract.pipeline",
    "load": "newsextract.pipeline",
    "download": "newsextract.model.download",
    "evaluate": "newsextract.evaluate",
    "parse_number": "newsextract.numbers",
    "find_quantities": "newsextract.numbers",
    "Quantity": "newsextract.numbers",
    "parse_dates": "newsextract.dates",
    "DateValue": "newsextract.dates",
    "Document": "newsextract.document",
    "Article": "newsextract.document",
    "Byline": "newsextract.document",
    "Credit": "newsextract.document",
    "Span": "newsextract.spans",
    "Person": "newsextract.people",
    "Title": "newsextract.people",
    "Meeting": "newsextract.meetings",
    "Participant": "newsextract.meetings",
    "Event": "newsextract.meetings",
    "Indicator": "newsextract.indicators",
    "Goal": "newsextract.goals",
    "errors": "newsextract.errors",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsextract' has no attribute {name!r}")
    mod = importlib.import_module(module)
    value = mod if name == "errors" else getattr(mod, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
