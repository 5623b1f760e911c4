"""Numbers in Chinese text: exact parsing and grounded quantities (no model needed).

>>> from newsextract.numbers import parse_number, find_quantities
>>> parse_number("3541.07万")
35410700
>>> [(q.text, q.value, q.unit) for q in find_quantities("盘活存量用地440余亩")]
[('440余亩', 440, '亩')]
"""

from newsextract.numbers.parse import parse_number
from newsextract.numbers.quantities import Quantity, find_quantities, qualifier_bounds

__all__ = ["parse_number", "find_quantities", "Quantity", "qualifier_bounds"]
