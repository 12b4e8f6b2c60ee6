"""Where things came from: a file, a line and a column (both 1-based).

>>> loc = Location("map.yaml", 3, 5)
>>> str(loc)
'map.yaml:3:5'
>>> table = SourceMap("map.yaml", {("claims", 0): (3, 5), ("claims", 0, "quote"): (4, 12)})
>>> str(table.find(("claims", 0, "quote")))
'map.yaml:4:12'
>>> str(table.find(("claims", 0, "premises", 2)))
'map.yaml:3:5'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

__all__ = ["Location", "SourceMap", "Path", "LazyPositions"]

Path = tuple
"""A path into the loaded document: keys and list indexes, e.g. ``("claims", 3, "quote")``."""


@dataclass(frozen=True)
class Location:
    """A place in a file. ``line`` and ``column`` are 1-based; 0 means unknown."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return f"{self.file}:1:1"


@dataclass
class SourceMap:
    """Line and column of every key and value in a loaded document, by path."""

    file: str
    positions: dict = field(default_factory=dict)
    exact: bool = True
    """False when positions come from a quick scan (elements and their keys only)."""
    notes: list = field(default_factory=list)
    """What a reader of another format left out or read in its own way: located
    :class:`~argmap.diagnostics.Diagnostic` s, which commands print as warnings."""

    def find(self, path: tuple) -> Location:
        """The location of ``path``, or of its nearest located ancestor."""
        path = tuple(path)
        while True:
            pos = self.positions.get(path)
            if pos is not None:
                return Location(self.file, pos[0], pos[1])
            if not path:
                return Location(self.file, 1, 1)
            path = path[:-1]

    def key(self, path: tuple) -> Location:
        """The location of the *key* of a mapping entry (falls back to its value)."""
        pos = self.positions.get(("#key",) + tuple(path))
        if pos is not None:
            return Location(self.file, pos[0], pos[1])
        return self.find(path)


class LazyPositions(dict):
    """Positions worked out when first looked at: a subclass fills in what
    :meth:`_head` is asked for (one path's part, or everything) and all of it on
    :meth:`_fill`; any use of the whole mapping fills it first, so it reads
    exactly like a plain dict."""

    def _head(self, path: Any) -> None:
        """Make sure ``path`` is filled in (default: everything)."""
        self._fill()

    def _fill(self) -> None:
        """Fill in every position."""

    def get(self, path: Any, default: Any = None) -> Any:
        self._head(path)
        return dict.get(self, path, default)

    def __getitem__(self, path: Any) -> Any:
        self._head(path)
        return dict.__getitem__(self, path)

    def __contains__(self, path: Any) -> bool:
        self._head(path)
        return dict.__contains__(self, path)

    def __iter__(self):  # type: ignore[override]
        self._fill()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._fill()
        return dict.__len__(self)

    def __eq__(self, other: object) -> bool:
        self._fill()
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        self._fill()
        return dict.__ne__(self, other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        self._fill()
        return dict.__repr__(self)

    def keys(self):  # type: ignore[override]
        self._fill()
        return dict.keys(self)

    def values(self):  # type: ignore[override]
        self._fill()
        return dict.values(self)

    def items(self):  # type: ignore[override]
        self._fill()
        return dict.items(self)

    def copy(self) -> dict:  # type: ignore[override]
        self._fill()
        return dict(dict.items(self))

    def pop(self, path: Any, *default: Any) -> Any:  # type: ignore[override]
        self._head(path)
        return dict.pop(self, path, *default)

    def setdefault(self, path: Any, default: Any = None) -> Any:  # type: ignore[override]
        self._head(path)
        return dict.setdefault(self, path, default)
