"""Helpers of :mod:`argmap.render` that need no Graphviz: text for labels,
the colour scheme, the focus neighbourhood, and the layout engines.

Only :mod:`argmap.render` imports the ``graphviz`` package.
"""

__all__: list[str] = []
