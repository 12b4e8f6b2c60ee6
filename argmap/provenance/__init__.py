"""Provenance: where each quote sits in the source text, and the sources a map relies on.

- :mod:`.anchoring`: quote selectors, normalisation, exact and approximate re-anchoring;
- :mod:`.anchors`: anchor reports for a loaded map (``argmap anchor``), ``fix_map``;
- :mod:`.fix`: the anchors written back into the YAML text, changing nothing else;
- :mod:`.coverage`: which sentences of the source no claim quotes;
- :mod:`.sources`: the bibliography by dependency (``argmap sources``).

May import: :mod:`argmap.loading`, :mod:`argmap.readers`, the core. Not audit,
evaluation, review or the output layer.
"""

__all__: list[str] = []
