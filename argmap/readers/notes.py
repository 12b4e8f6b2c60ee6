"""What a reader of another format left out or read its own way, said where it happens.

A reader collects located :class:`~argmap.diagnostics.Diagnostic` s while it reads;
:func:`record` writes them into the map's ``note`` (so the imported map keeps them)
and onto the source map's ``notes``, which the commands print on stderr as warnings.

>>> from argmap.diagnostics import Diagnostic
>>> from argmap.locations import Location, SourceMap
>>> data, sm = {"argmap": 1, "note": "Mine."}, SourceMap("x.argdown")
>>> record(data, sm, [Diagnostic(Location("x.argdown", 3, 1), "@include(y) not imported")])
>>> print(data["note"])
Mine.
Import notes:
x.argdown:3:1: @include(y) not imported
>>> [str(d) for d in sm.notes]
['x.argdown:3:1: @include(y) not imported']
"""

from __future__ import annotations

from argmap.diagnostics import Diagnostic
from argmap.locations import SourceMap

__all__ = ["record", "HEADER"]

HEADER = "Import notes:"
"""The line that opens the import notes in a map's ``note``."""


def record(data: dict, sourcemap: SourceMap, notes: list[Diagnostic]) -> None:
    """Add ``notes`` (in file order, each once) to the map data's ``note`` and to ``sourcemap.notes``."""
    if not notes:
        return
    unique = sorted(dict.fromkeys(notes), key=lambda d: (d.location.line, d.location.column))
    lines = [HEADER] + [str(d) for d in unique]
    note = data.get("note")
    data["note"] = "\n".join(([note] if isinstance(note, str) and note else []) + lines)
    sourcemap.notes.extend(unique)
