"""People and official titles: ``find_people`` (pure), ``split_names``, ``Person``, ``Title``.

>>> from newsextract.people import find_people
>>> [(p.name, [t.text for t in p.titles]) for p in find_people("旗委常委、旗长林秋白到会讲话。")]
[('林秋白', ['旗委常委', '旗长'])]
"""

from newsextract.people.finder import find_people
from newsextract.people.names import split_names
from newsextract.people.records import Person, Title

__all__ = ["find_people", "split_names", "Person", "Title"]
