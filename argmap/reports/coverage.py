"""``argmap coverage`` output: text, JSON, and one self-contained HTML page (no scripts, no network).

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

from argmap.util.words import count
from argmap.provenance.coverage import Coverage
from argmap.reports.page import page
from argmap.util.terminal import records

__all__ = ["to_text", "to_json", "to_html", "render_html"]


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
        f"{cov.covered} of {count(cov.total, 'sentence')} covered ({cov.percent:.1f}%); "
        f"{count(len(cov.ignored), 'line')} ignored; {count(len(cov.unplaced), 'claim quote')} not placed"
    )
    return page("coverage.html.j2", styles=["coverage.css"], title=title or cov.path, summary=summary,
                parts=parts, claims=claims)


def to_text(cov: Coverage, file: object, title: str = "") -> str:
    """The coverage as lines ``FILE:LINE:COL: message``, headed by the share covered."""
    where = _short_path(cov.source_path or cov.path)
    lines = [
        f"{file}: {cov.covered} of {count(cov.total, 'sentence')} covered ({cov.percent:.1f}%); "
        f"{count(len(cov.ignored), 'line')} ignored"
    ]
    for s in cov.uncovered:
        lines.append(f"{where}:{s.line}:{s.column}: not quoted by any claim: {s.text}")
    for claim_id, state in cov.unplaced.items():
        lines.append(f"{file}: claim '{claim_id}' covers nothing: its quote is {state} (see argmap anchor)")
    return records(lines)


def to_json(cov: Coverage, file: object = None, title: str = "") -> str:
    """The coverage document as indented JSON (every control character escaped)."""
    from argmap.util import jsontext

    return jsontext.dumps(cov.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _short_path(path: str) -> str:
    """``path`` relative to the working folder when it lies inside it."""
    import os

    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path
    return path if rel.startswith("..") else rel


def to_html(cov: Coverage, file: object, title: str = "") -> str:
    """The page (:func:`render_html`), titled ``title``."""
    return render_html(cov, title=title)
