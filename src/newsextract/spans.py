"""Grounded text spans and the offset contract every record follows.

Every record that points into the text has ``text``, ``start`` and ``end``: while the
pipeline runs they index the text the component saw (``doc.text``); before a
:class:`~newsextract.document.Document` is returned they are remapped into the caller's
original string, so that ``original[start:end] == text`` always holds.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any, Callable, TypeVar

import attrs

T = TypeVar("T")


def _check_offsets(instance: Any, attribute: attrs.Attribute, value: int) -> None:
    if value < 0:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be >= 0, got {value}")
    if attribute.name == "end" and value < instance.start:
        raise ValueError(f"{type(instance).__name__}: end {value} < start {instance.start}")


def offset_field() -> Any:
    """An ``int`` offset field validated to be non-negative (``end`` also ``>= start``)."""
    return attrs.field(validator=[attrs.validators.instance_of(int), _check_offsets])


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


def is_grounded(obj: Any) -> bool:
    """True for an attrs instance with ``text``/``start``/``end`` fields."""
    if not attrs.has(type(obj)):
        return False
    names = {a.name for a in attrs.fields(type(obj))}
    return {"text", "start", "end"} <= names


def remap(obj: T, mapper: Callable[[int, int], tuple[int, int]], source: str) -> T:
    """Return ``obj`` with every grounded record inside it moved by ``mapper``.

    mapper (callable): ``(start, end) -> (start, end)`` from the component's text to ``source``.
    source (str): the text the new offsets index; ``text`` fields are re-sliced from it.
    RETURNS: a new object of the same shape (tuples/lists/attrs records are rebuilt).
    """
    if isinstance(obj, (list, tuple)):
        return type(obj)(remap(x, mapper, source) for x in obj)  # type: ignore[return-value]
    if not attrs.has(type(obj)):
        return obj
    changes: dict[str, Any] = {}
    for a in attrs.fields(type(obj)):
        value = getattr(obj, a.name)
        if attrs.has(type(value)) or isinstance(value, (list, tuple)):
            new = remap(value, mapper, source)
            if new is not value:
                changes[a.name] = new
    if is_grounded(obj):
        start, end = mapper(obj.start, obj.end)  # type: ignore[attr-defined]
        changes.update(start=start, end=end, text=source[start:end])
    init_names = {a.name: a.alias for a in attrs.fields(type(obj)) if a.init}
    return attrs.evolve(obj, **{init_names.get(k, k): v for k, v in changes.items()}) if changes else obj


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
