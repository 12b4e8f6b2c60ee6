"""``argmap diff`` output as JSON and as a self-contained HTML page.

>>> from argmap.diffing import MapDiff
>>> to_json(MapDiff(), "a.yaml", "b.yaml").splitlines()[1]
'  "old": "a.yaml",'
"""

from __future__ import annotations

from argmap.diffing import SECTIONS, MapDiff
from argmap.util.jsontext import dumps
from argmap.reports.page import page

__all__ = ["to_json", "to_html"]


def to_json(diff: MapDiff, old: str, new: str) -> str:
    """The diff as a JSON document (``old``, ``new``, then the sections)."""
    return dumps({"old": old, "new": new, **diff.to_dict()}, indent=2) + "\n"


def to_html(diff: MapDiff, old: str, new: str) -> str:
    """The diff as one HTML page: no script, no network, all user text escaped."""
    return page("diff.html.j2", styles=["diff.css"], diff=diff, old=old, new=new, sections=SECTIONS)
