"""Counted nouns in messages: ``1 claim``, ``2 claims``, never ``1 claims`` or ``claim(s)``.

>>> count(1, "finding"), count(0, "finding"), count(2, "entry", "entries"), count(1, "outside source")
('1 finding', '0 findings', '2 entries', '1 outside source')
"""

from __future__ import annotations

from typing import Optional

__all__ = ["count"]


def count(n: int, word: str, plural: Optional[str] = None) -> str:
    """``n`` and ``word``, in the plural (``word + "s"`` unless given) unless ``n`` is 1."""
    return f"{n} {word if n == 1 else plural or word + 's'}"
