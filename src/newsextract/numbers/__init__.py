"""Numbers in Chinese text: exact parsing and grounded quantities (no model needed).

>>> from newsextract.numbers import parse_number, find_quantities
>>> parse_number("2816.35万")
28163500
>>> [(q.text, q.value, q.unit) for q in find_quantities("复垦闲置宅基地380余亩")]
[('380余亩', 380, '亩')]
"""

from newsextract.numbers.parse import parse_number
from newsextract.numbers.quantities import Quantity, find_quantities, qualifier_bounds, ranking_verbs

__all__ = ["parse_number", "find_quantities", "Quantity", "qualifier_bounds", "ranking_verbs"]
