"""Touches to Graphviz's SVG that DOT cannot ask for without HTML-like labels.

The embedded Graphviz has no HTML-like labels and knows the widths of
regular Helvetica only, so type is varied afterwards, always within the box
Graphviz measured: a claim's id line is set in small grey type, and the
thesis's text (laid out one size larger, see :data:`THESIS_FONT_SIZE`) in
bold at the normal size. Every format is drawn from this SVG, so the id line
is the same in SVG, PNG and PDF.

>>> svg = ('<g id="claim&#45;a" class="node claim">\\n<text font-size="10.00">A.</text>\\n'
...        '<text font-size="10.00">a · fact</text>\\n</g>\\n<!-- b -->\\n')
>>> print(small_ids(svg))
<g id="claim&#45;a" class="node claim">
<text font-size="10.00">A.</text>
<text fill="#666666" font-size="8.00">a · fact</text>
</g>
<!-- b -->
<BLANKLINE>
>>> svg = ('<g id="claim&#45;t" class="node claim thesis sectioned">\\n<text font-size="12.00">§ Intro</text>\\n'
...        '<text font-size="12.00">T.</text>\\n<text font-size="12.00">t · causal</text>\\n</g>\\n')
>>> print(small_ids(svg))
<g id="claim&#45;t" class="node claim thesis sectioned">
<text fill="#666666" font-size="8.00">§ Intro</text>
<text font-weight="bold" font-size="10.50">T.</text>
<text fill="#666666" font-size="8.00">t · causal</text>
</g>
<BLANKLINE>
"""

from __future__ import annotations

import re

from argmap.rendering.fonts import CSS_FAMILIES, FAMILY

__all__ = ["finish", "small_ids", "font_families", "ID_FONT_SIZE", "THESIS_FONT_SIZE", "THESIS_BOLD_SIZE"]

ID_FONT_SIZE = "8.00"
THESIS_FONT_SIZE = "12"
"""The size the thesis is laid out in; bold at :data:`THESIS_BOLD_SIZE` is no wider
(Liberation Sans Bold is at most about 12% wider than the regular face)."""
THESIS_BOLD_SIZE = "10.50"
_START = re.compile(r'<g id="(?:claim|evidence)&#45;[^"]*" class="node([^"]*)"')
_SIZE = re.compile(r'font-size="[0-9.]+"')
_TEXT = re.compile(r"<text [^>]*>")


def finish(svg: str) -> str:
    """Every touch this module makes, in order."""
    return font_families(small_ids(svg))


def small_ids(svg: str) -> str:
    """Set the last text line of every claim and evidence node (its id) in small grey type; the thesis in bold."""
    out: list[str] = []
    pos = 0
    for m in _START.finditer(svg):
        if m.start() < pos:
            continue
        end = svg.find("\n<!--", m.end())
        end = len(svg) if end < 0 else end
        last = svg.rfind("<text ", m.end(), end)
        if last < 0:
            continue
        close = svg.find(">", last)
        tag = svg[last:close]
        if not _SIZE.search(tag):
            continue
        head = svg[pos:last]
        classes = m.group(1).split()
        before, inside = head[: m.end() - pos], head[m.end() - pos:]
        if "sectioned" in classes:  # the first line names the claim's section: small grey type
            inside = _TEXT.sub(_small, inside, count=1)
        if "thesis" in classes:
            first = inside.find("<text ", inside.find("#666666") if "sectioned" in classes else 0)
            inside = inside[:first] + _TEXT.sub(_bold, inside[first:])
        head = before + inside
        new_tag = _small_tag(tag)
        out.append(head)
        out.append(new_tag)
        pos = close
    out.append(svg[pos:])
    return "".join(out)


def _small_tag(tag: str) -> str:
    return _SIZE.sub(f'fill="#666666" font-size="{ID_FONT_SIZE}"', tag, count=1)


def _small(m: re.Match) -> str:
    return _small_tag(m.group(0))


def _bold(m: re.Match) -> str:
    return _SIZE.sub(f'font-weight="bold" font-size="{THESIS_BOLD_SIZE}"', m.group(0), count=1)


_FAMILY = re.compile(r'font-family="%s(?: (Bold))?"' % re.escape(FAMILY))


def font_families(svg: str) -> str:
    """Name the bundled font's metric twins after it, so a browser without it still draws a sans.

    >>> font_families('<text font-family="Liberation Sans">a</text><text font-family="Liberation Sans Bold">')
    '<text font-family="Liberation Sans,Arial,Helvetica,sans-serif">a</text><text font-family="Liberation Sans,Arial,Helvetica,sans-serif" font-weight="bold">'
    """

    def sub(m: re.Match) -> str:
        weight = ' font-weight="bold"' if m.group(1) else ""
        return f'font-family="{CSS_FAMILIES}"{weight}'

    return _FAMILY.sub(sub, svg)
