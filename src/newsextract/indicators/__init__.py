"""Numeric indicators of an article: value, unit, qualifier, change, subject, period.

>>> from newsextract.indicators import find_indicators
>>> [(i.text, i.value, i.unit, i.subject.text) for i in find_indicators("全县新建村级活动场所36个。")]
[('36个', 36, '个', '新建村级活动场所')]
"""

from newsextract.indicators.finder import find_indicators
from newsextract.indicators.records import Indicator

__all__ = ["Indicator", "find_indicators"]
