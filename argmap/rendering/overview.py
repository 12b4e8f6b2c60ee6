"""The overview of a big map: its sections (or, without sections, its connected parts) and the steps between them.

Each claim belongs to one group: its ``section``, or where the map names no
sections, the connected part of the map it is in (claims joined by steps).
A link from group A to group B counts the steps whose premise is in A and
whose conclusion is in B (for an undercut: the conclusion of the step it
denies), by kind. Steps within a group are counted on the group.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"argmap": 1, "thesis": "t", "claims": [
...     {"id": "t", "text": "T.", "section": "End"}, {"id": "a", "text": "A.", "section": "Start"},
...     {"id": "b", "text": "B.", "section": "Start"}],
...     "inferences": [{"id": "i", "premises": ["a"], "conclusion": "b"},
...                    {"id": "j", "premises": ["b"], "conclusion": "t"}]})
>>> groups, links = overview(m)
>>> [(g.title, g.claims, g.steps, g.thesis) for g in groups]
[('End', ['t'], 0, True), ('Start', ['a', 'b'], 1, False)]
>>> links
[Link(tail=1, head=0, kind='support', count=1)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from argmap.model import ArgumentMap

__all__ = ["Group", "Link", "overview", "conclusion_claim", "UNSECTIONED"]

UNSECTIONED = "(no section)"


@dataclass
class Group:
    """One box of the overview."""

    title: str
    claims: list[str] = field(default_factory=list)
    steps: int = 0
    """Steps whose premises and conclusion are all in this group."""
    thesis: bool = False


@dataclass(frozen=True)
class Link:
    """Steps from claims of group ``tail`` to claims of group ``head`` (indexes into the groups)."""

    tail: int
    head: int
    kind: str
    count: int


def overview(m: ArgumentMap) -> tuple[list[Group], list[Link]]:
    """The groups of ``m`` (the thesis's first) and the links between them."""
    of = _sections(m) if any(c.section for c in m.claims) else _components(m)
    titles: dict[str, Group] = {}
    for c in m.claims:
        group = titles.setdefault(of[c.id], Group(of[c.id]))
        group.claims.append(c.id)
        group.thesis = group.thesis or c.id == m.thesis
    groups = sorted(titles.values(), key=lambda g: (not g.thesis, g.title == UNSECTIONED, -len(g.claims), g.title))
    index = {g.title: k for k, g in enumerate(groups)}
    counts: dict[tuple[int, int, str], int] = {}
    for i in m.inferences:
        head_claim = conclusion_claim(m, i.conclusion)
        if head_claim is None:
            continue
        head = index[of[head_claim]]
        tails = {index[of[p]] for p in i.premises if p in of}
        if tails == {head}:
            groups[head].steps += 1
        for tail in sorted(tails - {head}):
            key = (tail, head, i.kind.value)
            counts[key] = counts.get(key, 0) + 1
    links = [Link(t, h, k, n) for (t, h, k), n in sorted(counts.items())]
    return groups, links


def conclusion_claim(m: ArgumentMap, target: str, seen: Optional[set] = None) -> Optional[str]:
    """The claim a step ends in: its conclusion, or for an undercut, the conclusion of the step it denies."""
    seen = seen or set()
    while m.claim(target) is None:
        step = m.inference(target)
        if step is None or target in seen:
            return None
        seen.add(target)
        target = step.conclusion
    return target


def _sections(m: ArgumentMap) -> dict[str, str]:
    return {c.id: c.section or UNSECTIONED for c in m.claims}


def _components(m: ArgumentMap) -> dict[str, str]:
    """Claim id → the title of its connected part: the part's thesis, else its most-concluded claim."""
    parent = {c.id: c.id for c in m.claims}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    into: dict[str, int] = {}
    for i in m.inferences:
        head = conclusion_claim(m, i.conclusion)
        if head is None:
            continue
        into[head] = into.get(head, 0) + 1
        for p in i.premises:
            if p in parent:
                parent[find(p)] = find(head)
    members: dict[str, list[str]] = {}
    for c in m.claims:
        members.setdefault(find(c.id), []).append(c.id)
    title: dict[str, str] = {}
    for root, ids in members.items():
        if len(ids) == 1:
            name = "unconnected claims"
        else:
            top = m.thesis if m.thesis in ids else max(ids, key=lambda x: into.get(x, 0))
            name = f"around {top}"
        for x in ids:
            title[x] = name
    return title
