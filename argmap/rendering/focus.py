"""The neighbourhood of one element: what ``--focus ID --depth N`` shows.

Distance counts inference hops in both directions: from a claim, stepping
into any inference it takes part in (as premise or conclusion) costs one hop
and brings in all of that inference's claims at once, so a shown step is
always complete. An inference that undercuts a shown step is one more hop.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"argmap": 1, "claims": [
...     {"id": c, "text": c} for c in "abcd"], "inferences": [
...     {"id": "i1", "premises": ["a"], "conclusion": "b"},
...     {"id": "i2", "premises": ["b", "c"], "conclusion": "d"}]})
>>> sorted(neighbourhood(m, "a", 1))
['a', 'b', 'i1']
>>> sorted(neighbourhood(m, "a", 2))
['a', 'b', 'c', 'd', 'i1', 'i2']
"""

from __future__ import annotations

from collections import deque
from typing import Optional

from argmap.model import ArgumentMap

__all__ = ["neighbourhood", "closest_ids"]


def neighbourhood(m: ArgumentMap, focus: str, depth: int) -> Optional[set[str]]:
    """Ids of claims, inferences and evidence within ``depth`` hops of ``focus``.

    Returns None when ``focus`` is not an id in the map.
    """
    depth = max(0, depth)
    dist: dict[str, int] = {}
    queue: deque[str] = deque()

    def reach(node: str, d: int) -> None:
        if node not in dist or d < dist[node]:
            dist[node] = d
            queue.append(node)

    def enter_inference(inf_id: str, d: int) -> None:
        """Show a step at distance ``d`` together with all of its claims."""
        if d > depth or dist.get(inf_id, depth + 1) <= d:
            return
        reach(inf_id, d)
        inf = m.inference(inf_id)
        for p in inf.premises:
            if m.claim(p) is not None:
                reach(p, d)
        if m.claim(inf.conclusion) is not None:
            reach(inf.conclusion, d)

    if m.claim(focus) is not None:
        reach(focus, 0)
    elif m.inference(focus) is not None:
        enter_inference(focus, 0)
    elif m.evidence_record(focus) is not None:
        dist[focus] = 0
        for c in m.claims:
            if focus in c.evidence:
                reach(c.id, 0)
    else:
        return None

    while queue:
        node = queue.popleft()
        d = dist[node]
        if m.claim(node) is not None:
            for inf in m.inferences_into(node) + m.inferences_from(node):
                enter_inference(inf.id, d + 1)
        elif m.inference(node) is not None:
            inf = m.inference(node)
            for other in m.inferences_into(node):  # undercuts of this step
                enter_inference(other.id, d + 1)
            if m.inference(inf.conclusion) is not None:  # this step undercuts another
                enter_inference(inf.conclusion, d + 1)

    shown = set(dist)
    for c in m.claims:
        if c.id in shown:
            shown.update(c.evidence)
    return shown


def closest_ids(m: ArgumentMap, word: str, n: int = 1) -> list[str]:
    """Ids that look like ``word``, for a "did you mean" hint."""
    import difflib

    ids = [c.id for c in m.claims] + [i.id for i in m.inferences] + [e.id for e in m.evidence]
    return difflib.get_close_matches(word, ids, n=n)
