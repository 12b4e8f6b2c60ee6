"""The coverage report as one self-contained HTML page (no scripts, no network).

The source text is shown as it is, with each claim's quote highlighted and
linked to the claim, uncovered sentences marked, and ignored lines greyed.
Every piece of user text is escaped.

>>> from argmap.coverage import Coverage, Sentence, QuoteSpan
>>> cov = Coverage("m.yaml", "s.txt", "A <b>. C.", [Sentence(0, 6, 0, 6, 1, 1, "A <b>.", ["x"]),
...     Sentence(7, 9, 7, 9, 1, 8, "C.", [])], [QuoteSpan("x", 0, 5, 0, 5)], {}, [], {"x": "<i>"})
>>> page = render_html(cov, title="T")
>>> "&lt;b&gt;" in page and "<b>" not in page and 'href="#claim-x"' in page
True
"""

from __future__ import annotations

from html import escape as _escape

from argmap.coverage import Coverage
from argmap.terminal import strip_controls

__all__ = ["render_html"]



def escape(text: str) -> str:
    """HTML-escaped, without control characters (no raw C0/C1 bytes in the page)."""
    return _escape(strip_controls(text))


_STYLE = """
body { font: 16px/1.6 Georgia, serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.4rem; } .summary { font-family: sans-serif; }
.source { white-space: pre-wrap; border-top: 1px solid #ccc; padding-top: 1rem; }
.uncovered { background: #fde2e1; text-decoration: underline wavy #c0392b; }
.furniture { color: #999; }
a.q { background: #d8f0d2; color: inherit; text-decoration: none; border-bottom: 2px solid #3a8d2f; }
a.q:hover, a.q:focus { background: #b5e3ab; }
.legend span { padding: 0 .3rem; margin-right: .6rem; font-family: sans-serif; font-size: .9rem; }
ol.claims { font-family: sans-serif; font-size: .95rem; } ol.claims li:target { background: #fff6c8; }
.id { font-family: monospace; }
"""


def _segments(cov: Coverage) -> list[tuple[int, int, str, list[str]]]:
    """Cut the raw text where a sentence, a quote or an ignored line starts or ends."""
    raw = cov.raw
    cuts = {0, len(raw)}
    for s in cov.sentences:
        cuts.update((s.start, s.end))
    for q in cov.quotes:
        cuts.update((q.start, q.end))
    ignored_lines = {n for n, _ in cov.ignored}
    line_starts = [0] + [i + 1 for i, ch in enumerate(raw) if ch == "\n"]
    furniture = []
    for n in sorted(ignored_lines):
        a = line_starts[n - 1]
        b = raw.find("\n", a)
        b = len(raw) if b < 0 else b
        furniture.append((a, b))
        cuts.update((a, b))
    points = sorted(c for c in cuts if 0 <= c <= len(raw))
    out = []
    for a, b in zip(points, points[1:]):
        if a == b:
            continue
        kind = ""
        if any(fa <= a and b <= fb for fa, fb in furniture):
            kind = "furniture"
        else:
            for s in cov.sentences:
                if s.start <= a and b <= s.end:
                    kind = "covered" if s.covered else "uncovered"
                    break
        claims = [q.claim for q in cov.quotes if q.start <= a and b <= q.end]
        out.append((a, b, kind, claims))
    return out


def render_html(cov: Coverage, title: str = "") -> str:
    """The whole page."""
    parts = []
    first_seen: set[str] = set()
    for a, b, kind, claims in _segments(cov):
        text = escape(cov.raw[a:b])
        if claims:
            label = "; ".join(f"{c}: {cov.claim_text.get(c, '')}" for c in claims)
            new = [c for c in claims if c not in first_seen]
            first_seen.update(new)
            ident = f' id="quote-{escape(new[0])}"' if new else ""
            text = (
                f'<a class="q"{ident} href="#claim-{escape(claims[0])}" title="{escape(label)}" '
                f'data-claims="{escape(" ".join(claims))}">{text}</a>'
            )
        parts.append(f'<span class="{kind}">{text}</span>' if kind and kind != "covered" else text)
    placed = {q.claim for q in cov.quotes}
    items = []
    for claim_id, claim_text in cov.claim_text.items():
        state = "quoted" if claim_id in placed else cov.unplaced.get(claim_id, "no quote")
        back = f' <a href="#quote-{escape(claim_id)}">in the text</a>' if claim_id in first_seen else ""
        items.append(
            f'<li id="claim-{escape(claim_id)}"><span class="id">{escape(claim_id)}</span> '
            f"({escape(state)}): {escape(claim_text)}{back}</li>"
        )
    heading = escape(title or cov.path)
    summary = (
        f"{cov.covered} of {cov.total} sentences covered ({cov.percent:.1f}%); "
        f"{len(cov.ignored)} lines ignored; {len(cov.unplaced)} claim quotes not placed"
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">\n'
        f"<title>Coverage: {heading}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>Coverage: {heading}</h1>\n<p class=\"summary\">{escape(summary)}</p>\n"
        '<p class="legend"><span style="background:#d8f0d2">quoted by a claim</span>'
        '<span class="uncovered">no claim quotes this sentence</span>'
        '<span class="furniture">ignored (source.ignore)</span></p>\n'
        f'<div class="source">{"".join(parts)}</div>\n'
        f'<h2>Claims</h2>\n<ol class="claims">\n{chr(10).join(items)}\n</ol>\n</body>\n</html>\n'
    )
