"""Evaluation: which claims stand, how strongly, and what would bring the thesis down.

The entry point is :func:`argmap.evaluation.evaluate.evaluate` (the :class:`Evaluation`
of a map, as data); the parts: abstract frameworks (:mod:`.framework`), the map as
plain data (:mod:`.structure`), support status (:mod:`.support`), acceptability
(:mod:`.acceptability`), critical steps (:mod:`.critical`), explanations
(:mod:`.explanation`). Nothing here prints or reads files.

May import: the core only.
"""

__all__: list[str] = []
