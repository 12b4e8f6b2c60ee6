"""The argument diagram: :mod:`.diagram` builds it (the only module of argmap that
imports ``graphviz``), lays it out and writes SVG/PNG/PDF/DOT; beside it, what needs
no Graphviz: text for labels (:mod:`.labels`), the colour scheme (:mod:`.style`) and
legend (:mod:`.legend`), the focus neighbourhood (:mod:`.focus`), DOT statements
(:mod:`.dot`), the layout engines (:mod:`.engines`) and SVG touch-ups (:mod:`.svgpost`).

The choices below feed both the renderer and ``argmap render``'s options;
importing this package is cheap (it imports none of its modules).

May import: the analysis layer (audit, evaluation, provenance, review, diffing),
loading, readers and the core. Not reports, writers or commands.
"""

from argmap import formats as _formats

__all__ = ["FORMATS", "ENGINES", "RANKDIRS", "COLOR_BY", "LEGENDS", "SEVERITIES", "DEFAULT_MIN_SEVERITY"]

FORMATS = tuple(_formats.FORMATS["render"])
"""Output formats of ``argmap render`` (from :data:`argmap.formats.FORMATS`)."""

ENGINES = ("embedded", "system")
"""``embedded``: Graphviz as WebAssembly, nothing to install; ``system``: the ``dot`` program."""

RANKDIRS = ("TB", "LR")
"""Layout directions: top to bottom, left to right."""

COLOR_BY = ("findings", "status", "label")
"""What fills claims: audit findings (default), support status, or acceptability label."""

LEGENDS = ("compact", "full", "none")
"""``--legend``: a word or two per mark (default), what each mark means, or no legend."""

SEVERITIES = ("error", "warning", "info")
"""``--min-severity``: the least severe findings marked on the diagram."""

DEFAULT_MIN_SEVERITY = "warning"
"""Warnings and errors are what a reader wants to see first; notes stay in the tooltips."""
