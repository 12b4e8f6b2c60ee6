"""The coverage report as one self-contained HTML page (no scripts, no network).

The source text is shown as it is, with each claim's quote highlighted and
linked to the claim, uncovered sentences marked, and ignored lines greyed.
Every piece of user text is escaped by the page shell's templates.

>>> from argmap.provenance.coverage import Coverage, Sentence, QuoteSpan
>>> cov = Coverage("m.yaml", "s.txt", "A <b>. C.", [Sentence(0, 6, 0, 6, 1, 1, "A <b>.", ["x"]),
...     Sentence(7, 9, 7, 9, 1, 8, "C.", [])], [QuoteSpan("x", 0, 5, 0, 5)], {}, [], {"x": "<i>"})
>>> page = render_html(cov, title="T")
>>> "&lt;b&gt;" in page and "<b>" not in page and 'href="#claim-x"' in page
True
"""

from __future__ import annotations

from argmap.provenance.coverage import Coverage
from argmap.reports.page import page

__all__ = ["render_html"]


def render_html(cov: Coverage, title: str = "") -> str:
    """The whole page."""
    parts = []
    first_seen: set[str] = set()
    for seg in cov.segments():
        part = {"text": cov.raw[seg.start:seg.end], "kind": seg.kind, "claims": seg.claims, "ident": None}
        if seg.claims:
            part["label"] = "; ".join(f"{c}: {cov.claim_text.get(c, '')}" for c in seg.claims)
            new = [c for c in seg.claims if c not in first_seen]
            first_seen.update(new)
            part["ident"] = new[0] if new else None
        parts.append(part)
    placed = {q.claim for q in cov.quotes}
    claims = [
        {"id": cid, "text": text, "state": "quoted" if cid in placed else cov.unplaced.get(cid, "no quote"),
         "back": cid in first_seen}
        for cid, text in cov.claim_text.items()
    ]
    summary = (
        f"{cov.covered} of {cov.total} sentences covered ({cov.percent:.1f}%); "
        f"{len(cov.ignored)} lines ignored; {len(cov.unplaced)} claim quotes not placed"
    )
    return page("coverage.html.j2", styles=["coverage.css"], title=title or cov.path, summary=summary,
                parts=parts, claims=claims)
