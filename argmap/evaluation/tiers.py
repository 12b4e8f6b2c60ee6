"""Evidence quality: how far a reader can check an evidence record, in four tiers.

From weakest to strongest:

- ``unattributed``: words or a record with nobody named and nothing to look up
  (no ``by``, no ``citation``, no ``url``, no ``archived_url``), such as a
  fragment the article puts in quotation marks without saying whose it is;
- ``attributed``: who said or published it is named (``by``), but not where;
- ``cited``: a citation or a URL says where to find it;
- ``archived``: a preserved copy (``archived_url``) keeps what was cited.

A claim's evidence counts as its best record. An ``unattributed`` record
alone makes a claim at most ``weak``; any higher tier makes it ``supported``
(see :mod:`argmap.evaluation.support`).

>>> from argmap.model import Evidence
>>> tier_of(Evidence(id="e", kind="statement", quote="“full-scale war”"))
'unattributed'
>>> tier_of(Evidence(id="e", by="Boris Yeltsin")), tier_of(Evidence(id="e", url="https://example.org"))
('attributed', 'cited')
>>> tier_of(Evidence(id="e", citation="Report", archived_url="https://web.archive.org/x"))
'archived'
"""

from __future__ import annotations

from argmap.model import Evidence

__all__ = ["TIERS", "TIER_RANK", "SUPPORTING_TIER", "tier_of", "best_tier"]

TIERS = ("unattributed", "attributed", "cited", "archived")
"""Evidence tiers, weakest first."""

TIER_RANK = {name: rank for rank, name in enumerate(TIERS)}
"""Tier → rank (0 = unattributed … 3 = archived)."""

SUPPORTING_TIER = TIER_RANK["attributed"]
"""The lowest tier that makes a claim ``supported``; below it the claim is at most ``weak``."""


def _given(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def tier_of(e: Evidence) -> str:
    """The tier of one evidence record (see the module docstring)."""
    if _given(e.archived_url) and (_given(e.url) or _given(e.citation)):
        return "archived"
    if _given(e.citation) or _given(e.url) or _given(e.archived_url):
        return "cited"
    if _given(e.by):
        return "attributed"
    return "unattributed"


def best_tier(records: list[Evidence]) -> str | None:
    """The strongest tier among ``records``, or None when there are none.

    >>> best_tier([Evidence(id="a"), Evidence(id="b", by="X")])
    'attributed'
    """
    if not records:
        return None
    return TIERS[max(TIER_RANK[tier_of(e)] for e in records)]
