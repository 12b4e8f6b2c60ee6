"""The rendered diagram as DOT text: what ``argmap render`` draws, with its audit marks.

Graphviz is never run; :func:`argmap.rendering.diagram.to_dot` builds the DOT source.
"""

from __future__ import annotations

from typing import Any

__all__ = ["write"]


def write(loaded: Any) -> str:
    """Writer entry point (registered in :data:`argmap.formats.FORMATS`)."""
    from argmap.audit import run
    from argmap.rendering.diagram import to_dot

    return to_dot(loaded, run(loaded))
