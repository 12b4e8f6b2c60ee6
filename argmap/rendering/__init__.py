"""Helpers of :mod:`argmap.render` that need no Graphviz: text for labels,
the colour scheme and legend, the focus neighbourhood, DOT statements, the
layout engines and SVG touch-ups. Only :mod:`argmap.render` imports ``graphviz``.

The choices below feed both the renderer and ``argmap render``'s options;
importing this package is cheap (it imports none of its modules).
"""

__all__ = ["FORMATS", "ENGINES", "RANKDIRS", "COLOR_BY"]

FORMATS = ("svg", "png", "pdf", "dot")
"""Output formats of ``argmap render``."""

ENGINES = ("embedded", "system")
"""``embedded``: Graphviz as WebAssembly, nothing to install; ``system``: the ``dot`` program."""

RANKDIRS = ("TB", "LR")
"""Layout directions: top to bottom, left to right."""

COLOR_BY = ("findings", "status", "label")
"""What fills claims: audit findings (default), support status, or acceptability label."""
