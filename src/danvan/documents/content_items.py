"""A plan's numbered content items (the "1. …", "2. …" headings of its tasks
part): the tasks grouped under the heading they were written under. Pure
Python, read by the plan services that keep tasks in order and by the Word
and PDF output that prints the headings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")


def section_key(section: str) -> str:
    """Two ways of typing one heading (spaces, capitals) name one content item."""
    return " ".join(section.split()).casefold()


def by_content_item(items: Sequence[Item], section: Callable[[Item], str]) -> list[tuple[str, list[Item]]]:
    """The items under their headings, each heading once, in the order the
    headings first appear. An item with no heading of its own belongs to the
    heading above it, as a plan's text reads; items before any heading come
    under the empty one."""
    groups: dict[str, tuple[str, list[Item]]] = {}
    current = ""
    for item in items:
        own = " ".join((section(item) or "").split())
        if own:
            current = own
        groups.setdefault(section_key(current), (current, []))[1].append(item)
    return list(groups.values())
