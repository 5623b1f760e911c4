"""Grounded text spans and the offset contract every record follows.

Every record that points into the text has ``text``, ``start`` and ``end``: while the
pipeline runs they index the text the component saw (``doc.text``); before a
:class:`~newsextract.document.Document` is returned they are remapped into the caller's
original string, so that ``original[start:end] == text`` always holds.
"""

from __future__ import annotations

import bisect
from decimal import Decimal
from collections.abc import Iterable
from typing import Any, Callable, TypeVar

import attrs

T = TypeVar("T")


def _check_offsets(instance: Any, attribute: attrs.Attribute, value: int) -> None:
    # one validator instead of instance_of(int) + a range check: records are built by the
    # thousand per page, and each validator is a call
    if type(value) is not int and not isinstance(value, int):
        raise TypeError(f"{type(instance).__name__}.{attribute.name} must be an int, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be >= 0, got {value}")
    if attribute.name == "end" and value < instance.start:
        raise ValueError(f"{type(instance).__name__}: end {value} < start {instance.start}")


def offset_field() -> Any:
    """An ``int`` offset field validated to be non-negative (``end`` also ``>= start``)."""
    return attrs.field(validator=_check_offsets)


@attrs.frozen(kw_only=True)
class Span:
    """A piece of the source text.

    text (str): the characters ``source[start:end]``.
    start (int): offset of the first character.
    end (int): offset one past the last character.
    """

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    start: int = offset_field()
    end: int = offset_field()

    @classmethod
    def of(cls, source: str, start: int, end: int) -> "Span":
        """Span over ``source[start:end]``."""
        return cls(text=source[start:end], start=start, end=end)

    def __str__(self) -> str:
        return self.text

    def __len__(self) -> int:
        return self.end - self.start


@attrs.frozen
class _RemapPlan:
    """What :func:`remap` needs to know about one attrs class, worked out once per class."""

    grounded: bool  # has text/start/end: its own offsets move
    fields: tuple[tuple[str, str], ...]  # (attribute name, __init__ keyword) of every init field


_PLANS: dict[type, _RemapPlan | None] = {}
# field values that never hold a record (most fields of most records)
_SCALARS = frozenset({str, int, float, bool, type(None), Decimal})


def _plan(cls: type) -> _RemapPlan | None:
    try:
        return _PLANS[cls]
    except KeyError:
        pass
    plan = None
    if attrs.has(cls):
        fields = attrs.fields(cls)
        names = {a.name for a in fields}
        plan = _RemapPlan(
            grounded={"text", "start", "end"} <= names,
            fields=tuple((a.name, a.alias or a.name) for a in fields if a.init),
        )
    _PLANS[cls] = plan
    return plan


def remap(obj: T, mapper: Callable[[int, int], tuple[int, int]], source: str) -> T:
    """Return ``obj`` with every grounded record inside it moved by ``mapper``.

    mapper (callable): ``(start, end) -> (start, end)`` from the component's text to ``source``.
    source (str): the text the new offsets index; ``text`` fields are re-sliced from it.
    RETURNS: a new object of the same shape (tuples/lists/attrs records are rebuilt).
    """
    if isinstance(obj, (list, tuple)):
        items = [remap(x, mapper, source) for x in obj]
        if all(new is old for new, old in zip(items, obj)):
            return obj  # nothing grounded inside (e.g. a tuple of strings)
        return type(obj)(items)  # type: ignore[return-value]
    plan = _plan(type(obj))
    if plan is None:
        return obj
    changed = False
    values: dict[str, Any] = {}
    for name, keyword in plan.fields:
        value = getattr(obj, name)
        # only containers and attrs records can hold grounded records; scalars pass through
        if type(value) not in _SCALARS and (isinstance(value, (list, tuple)) or _plan(type(value)) is not None):
            new = remap(value, mapper, source)
            if new is not value:
                changed = True
                value = new
        values[keyword] = value
    if plan.grounded:
        start, end = mapper(obj.start, obj.end)  # type: ignore[attr-defined]
        values.update(start=start, end=end, text=source[start:end])
        changed = True
    # the class's own __init__, so validators still check the new offsets
    return type(obj)(**values) if changed else obj  # type: ignore[return-value]


class OffsetIndex:
    """Grounded records (anything with ``.start``/``.end``) sorted by start, for range look-ups.

    items (Iterable): the records; kept sorted by (start, end).
    """

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = sorted(items, key=lambda x: (x.start, x.end))
        self.starts = [x.start for x in self.items]

    def inside(self, start: int, end: int) -> list[Any]:
        """The records lying wholly inside [start, end), in order."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i].start < end:
            if self.items[i].end <= end:
                out.append(self.items[i])
            i += 1
        return out
