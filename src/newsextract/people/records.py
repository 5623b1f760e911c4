"""Records of newsextract.people: :class:`Title` and :class:`Person`."""

from __future__ import annotations

import attrs

from newsextract.spans import Span, offset_field

LEVELS = ("省", "市", "区", "县", "乡镇", "街道", "村")


def _level(instance: object, attribute: attrs.Attribute, value: str | None) -> None:
    if value is not None and value not in LEVELS:
        raise ValueError(f"Title.level must be one of {LEVELS} or None, got {value!r}")


@attrs.frozen(kw_only=True)
class Title:
    """An official position as printed before (or after) a name.

    text (str): the title exactly as printed (``州水利局局长``; ``秘书长`` when the
        organisation is inherited from a previous title).
    start (int): offset of the first character.
    end (int): offset one past the last character.
    org (str | None): the organisation, printed or inherited (``州水利局``; ``旗政协`` for
        ``旗政协主席甲,秘书长乙``), None when the title names none (``副区长``).
    position (str): the position without 副 and acting markers (``局长``, ``书记``, ``区长``).
    level (str | None): one of LEVELS where the title states it, else None.
    deputy (bool): a 副 position (副书记, 常务副旗长).
    acting (bool): an acting marker (代, 代理, 常务, 执行) before the position.
    rule (str): name of the pattern that produced the title.
    """

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    start: int = offset_field()
    end: int = offset_field()
    org: str | None = None
    position: str
    level: str | None = attrs.field(default=None, validator=_level)
    deputy: bool = False
    acting: bool = False
    rule: str


@attrs.frozen(kw_only=True)
class Person:
    """A person named in an article, with every mention and every title.

    name (str): the full name (``柏舟``), without 同志.
    text (str): the first full mention as printed (equals ``name``).
    start (int): offset of the first full mention.
    end (int): offset one past it.
    mentions (tuple[Span, ...]): all mentions in text order (full names, and references
        like ``柏书记`` that were linked to this person).
    titles (tuple[Title, ...]): distinct titles (by text) in text order.
    group (str | None): a collective label the person was listed under (``旗领导``).
    rule (str): name of the pattern that first found the person.
    """

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    start: int = offset_field()
    end: int = offset_field()
    mentions: tuple[Span, ...] = ()
    titles: tuple[Title, ...] = ()
    group: str | None = None
    rule: str
