"""Looking at records: notebook HTML, pandas DataFrames, the generated schema and record docs.

>>> from newsextract.views import document_html, to_frames      # doctest: +SKIP
>>> frames = to_frames(doc); frames["people"]                   # doctest: +SKIP
"""

from __future__ import annotations

from newsextract.views.frames import to_frames
from newsextract.views.html import article_html, document_html
from newsextract.views.rows import FAMILIES, family_rows

__all__ = ["FAMILIES", "article_html", "document_html", "family_rows", "to_frames"]
