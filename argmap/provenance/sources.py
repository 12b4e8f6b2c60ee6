"""A bibliography by dependency: every outside source, and the claims that rely on it.

Evidence records that name the same outside source (the same URL, else the
same citation, else the same speaker and title) are one source. A claim
**cites** a source when it lists one of its evidence records; a claim
**relies on** it when a chain of ``support`` inferences leads from a citing
claim up to it (attacks and undercuts carry no reliance).

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"argmap": 1, "thesis": "t",
...     "claims": [{"id": "t", "text": "T."}, {"id": "p", "text": "P.", "evidence": ["e"]}],
...     "evidence": [{"id": "e", "kind": "report", "by": "UN", "title": "Annual report"}],
...     "inferences": [{"id": "i", "premises": ["p"], "conclusion": "t"}]})
>>> [(s.label, s.cited_by, s.relied_on_by) for s in bibliography(m)]
[('UN, Annual report', ['p'], ['t'])]
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from argmap.model import ArgumentMap, Evidence, InferenceKind

__all__ = ["OutsideSource", "bibliography", "source_key", "describe"]


@dataclass
class OutsideSource:
    """One outside source, its evidence records, and the claims that depend on it."""

    key: str
    label: str
    evidence: list[Evidence] = field(default_factory=list)
    cited_by: list[str] = field(default_factory=list)
    relied_on_by: list[str] = field(default_factory=list)
    thesis_relies: bool = False

    @property
    def dependants(self) -> int:
        return len(self.cited_by) + len(self.relied_on_by)

    def to_dict(self) -> dict:
        return {
            "source": self.label,
            "evidence": [
                {
                    "id": e.id,
                    "kind": e.kind.value,
                    "by": e.by,
                    "title": e.title,
                    "published": e.published,
                    "citation": e.citation,
                    "url": e.url,
                    "archived_url": e.archived_url,
                    "accessed": e.accessed,
                    "added_by": e.added_by.value,
                }
                for e in self.evidence
            ],
            "cited_by": self.cited_by,
            "relied_on_by": self.relied_on_by,
            "thesis_relies": self.thesis_relies,
        }


def source_key(e: Evidence) -> str:
    """What makes two evidence records the same source.

    >>> source_key(Evidence(id="a", url="HTTPS://Example.org/x/")) == source_key(Evidence(id="b", url="https://example.org/x"))
    True
    """
    if e.url:
        return "url:" + e.url.strip().rstrip("/").lower()
    if e.citation:
        return "citation:" + " ".join(e.citation.split()).lower()
    if e.by or e.title:
        return "by:" + " ".join(f"{e.by or ''}|{e.title or ''}".split()).lower()
    return "evidence:" + e.id


def describe(e: Evidence) -> str:
    """A one-line human label for the source of an evidence record.

    >>> describe(Evidence(id="x", kind="statement", by="Boris Yeltsin"))
    'Boris Yeltsin (statement; no citation given)'
    >>> describe(Evidence(id="y", kind="statement", quote="full-scale war"))
    '“full-scale war” (unattributed statement; no citation given)'
    """
    if e.citation:
        return " ".join(e.citation.split())
    parts = [p for p in (e.by, e.title, e.published) if p]
    if not parts and not e.url and e.quote:
        words = " ".join(e.quote.split()).strip("\"'\u201c\u201d\u2018\u2019")
        return f"\u201c{words}\u201d (unattributed {e.kind.value}; no citation given)"
    label = ", ".join(parts) if parts else f"evidence '{e.id}'"
    if e.url:
        return f"{label}, {e.url}" if parts else e.url
    if not (e.title or e.published):
        return f"{label} ({e.kind.value}; no citation given)"
    return label


def _supports_from(m: ArgumentMap) -> dict[str, list[str]]:
    """Claim id → conclusions of the support inferences it is a premise of."""
    up: dict[str, list[str]] = {}
    for inf in m.inferences:
        if inf.kind is not InferenceKind.support:
            continue
        for p in inf.premises:
            up.setdefault(p, []).append(inf.conclusion)
    return up


def bibliography(m: ArgumentMap) -> list[OutsideSource]:
    """The map's outside sources, most depended-on first."""
    groups: dict[str, OutsideSource] = {}
    for e in m.evidence:
        key = source_key(e)
        if key not in groups:
            groups[key] = OutsideSource(key=key, label=describe(e))
        groups[key].evidence.append(e)
    citing: dict[str, list[str]] = {}
    for claim in m.claims:
        for ref in claim.evidence:
            citing.setdefault(ref, []).append(claim.id)
    up = _supports_from(m)
    for src in groups.values():
        direct: list[str] = []
        for e in src.evidence:
            direct.extend(c for c in citing.get(e.id, []) if c not in direct)
        src.cited_by = direct
        seen = set(direct)
        queue = deque(direct)
        reached: list[str] = []
        while queue:
            for nxt in up.get(queue.popleft(), []):
                if nxt not in seen:
                    seen.add(nxt)
                    reached.append(nxt)
                    queue.append(nxt)
        src.relied_on_by = reached
        src.thesis_relies = m.thesis is not None and m.thesis in seen
    return sorted(groups.values(), key=lambda s: (-s.dependants, s.label.lower()))
