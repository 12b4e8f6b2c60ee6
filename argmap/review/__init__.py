"""Peer review: review files kept beside a map (:mod:`.files`: the review model,
loading, target checks, the skeleton of ``review init``) and the review report as
data, with audit and evaluation merged per element (:mod:`.report`). The report's
formats (Markdown, HTML, JSON) live in :mod:`argmap.reports`.

May import: :mod:`argmap.diffing`, :mod:`argmap.audit`, :mod:`argmap.evaluation`,
:mod:`argmap.provenance`, :mod:`argmap.loading`, the core. Not the output layer.
"""

__all__: list[str] = []
