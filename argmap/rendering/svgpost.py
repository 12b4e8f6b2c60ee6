"""Touches to Graphviz's SVG that DOT cannot ask for without HTML-like labels.

The embedded Graphviz has no HTML-like labels, so a claim's id line is laid
out in the label's font; here it is set in small grey type afterwards (it
only gets smaller, so it still fits its box).

>>> svg = ('<g id="claim&#45;a" class="node claim">\\n<text font-size="10.00">A.</text>\\n'
...        '<text font-size="10.00">a · fact</text>\\n</g>\\n<!-- b -->\\n')
>>> print(small_ids(svg))
<g id="claim&#45;a" class="node claim">
<text font-size="10.00">A.</text>
<text fill="#666666" font-size="8.00">a · fact</text>
</g>
<!-- b -->
<BLANKLINE>
"""

from __future__ import annotations

import re

__all__ = ["small_ids", "ID_FONT_SIZE"]

ID_FONT_SIZE = "8.00"
_START = re.compile(r'<g id="(?:claim|evidence)&#45;[^"]*" class="node')
_SIZE = re.compile(r'font-size="[0-9.]+"')


def small_ids(svg: str) -> str:
    """Set the last text line of every claim and evidence node (its id) in small grey type."""
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
        new_tag = _SIZE.sub(f'fill="#666666" font-size="{ID_FONT_SIZE}"', tag, count=1)
        out.append(svg[pos:last])
        out.append(new_tag)
        pos = close
    out.append(svg[pos:])
    return "".join(out)
