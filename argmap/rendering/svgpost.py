"""Touches to Graphviz's SVG that DOT cannot ask for without HTML-like labels.

The embedded Graphviz has no HTML-like labels and knows the widths of
regular Helvetica only, so type is varied afterwards, always within the box
Graphviz measured: a claim's id line is set in small grey type, and the
thesis's text (laid out one size larger, see :data:`THESIS_FONT_SIZE`) in
bold at the normal size. Every format is drawn from this SVG, so the id line
is the same in SVG, PNG and PDF.

The touches work on the SVG's UTF-8 bytes, in one pass that copies the
document once: a 5000-claim diagram is 13 MB, and as a Python string with
non-ASCII text (section signs, arrows) it would take two or four bytes a character.

>>> svg = ('<g id="claim&#45;a" class="node claim">\\n<text font-size="10.00">A.</text>\\n'
...        '<text font-size="10.00">a · fact</text>\\n</g>\\n<!-- b -->\\n').encode()
>>> print(small_ids(svg).decode())
<g id="claim&#45;a" class="node claim">
<text font-size="10.00">A.</text>
<text fill="#666666" font-size="8.00">a · fact</text>
</g>
<!-- b -->
<BLANKLINE>
>>> svg = ('<g id="claim&#45;t" class="node claim thesis sectioned">\\n<text font-size="12.00">§ Intro</text>\\n'
...        '<text font-size="12.00">T.</text>\\n<text font-size="12.00">t · causal</text>\\n</g>\\n').encode()
>>> print(small_ids(svg).decode())
<g id="claim&#45;t" class="node claim thesis sectioned">
<text fill="#666666" font-size="8.00">§ Intro</text>
<text font-weight="bold" font-size="10.50">T.</text>
<text fill="#666666" font-size="8.00">t · causal</text>
</g>
<BLANKLINE>
>>> finish(b'<g id="claim&#45;a" class="node claim">\\n<text font-family="Liberation Sans" font-size="10.00">a</text>\\n')
b'<g id="claim&#45;a" class="node claim">\\n<text font-family="Liberation Sans,Arial,Helvetica,sans-serif" fill="#666666" font-size="8.00">a</text>\\n'
"""

from __future__ import annotations

import re
from typing import Iterator

from argmap.rendering.fonts import CSS_FAMILIES, FAMILY

__all__ = ["finish", "small_ids", "font_families", "ID_FONT_SIZE", "THESIS_FONT_SIZE", "THESIS_BOLD_SIZE"]

ID_FONT_SIZE = "8.00"
THESIS_FONT_SIZE = "12"
"""The size the thesis is laid out in; bold at :data:`THESIS_BOLD_SIZE` is no wider
(Liberation Sans Bold is at most about 12% wider than the regular face)."""
THESIS_BOLD_SIZE = "10.50"
_START = re.compile(rb'<g id="(?:claim|evidence)&#45;[^"]*" class="node([^"]*)"')
_SIZE = re.compile(rb'font-size="[0-9.]+"')
_TEXT = re.compile(rb"<text [^>]*>")
_GREY = b"#666666"
_FAMILY = re.compile(rb'font-family="%s(?: (Bold))?"' % re.escape(FAMILY.encode()))


def finish(svg: bytes) -> bytes:
    """Every touch this module makes (:func:`small_ids`, then :func:`font_families`), in one pass."""
    return b"".join(_FAMILY.sub(_family, piece) for piece in _small_id_pieces(svg))


def small_ids(svg: bytes) -> bytes:
    """Set the last text line of every claim and evidence node (its id) in small grey type; the thesis in bold."""
    return b"".join(_small_id_pieces(svg))


def _small_id_pieces(svg: bytes) -> Iterator[bytes]:
    """:func:`small_ids`'s output in consecutive pieces (each node's text, touched, and what lies between)."""
    pos = 0
    for m in _START.finditer(svg):
        if m.start() < pos:
            continue
        end = svg.find(b"\n<!--", m.end())
        end = len(svg) if end < 0 else end
        last = svg.rfind(b"<text ", m.end(), end)
        if last < 0:
            continue
        close = svg.find(b">", last)
        tag = svg[last:close]
        if not _SIZE.search(tag):
            continue
        classes = m.group(1).split()
        yield svg[pos:m.end()]
        inside = svg[m.end():last]
        if b"sectioned" in classes:  # the first line names the claim's section: small grey type
            inside = _TEXT.sub(_small, inside, count=1)
        if b"thesis" in classes:
            first = inside.find(b"<text ", inside.find(_GREY) if b"sectioned" in classes else 0)
            inside = inside[:first] + _TEXT.sub(_bold, inside[first:])
        yield inside
        yield _small_tag(tag)
        pos = close
    yield svg[pos:]


def _small_tag(tag: bytes) -> bytes:
    return _SIZE.sub(b'fill="%s" font-size="%s"' % (_GREY, ID_FONT_SIZE.encode()), tag, count=1)


def _small(m: re.Match) -> bytes:
    return _small_tag(m.group(0))


def _bold(m: re.Match) -> bytes:
    return _SIZE.sub(b'font-weight="bold" font-size="%s"' % THESIS_BOLD_SIZE.encode(), m.group(0), count=1)


_BOLD_FAMILY = b'font-family="%s" font-weight="bold"' % CSS_FAMILIES.encode()
_REGULAR_FAMILY = b'font-family="%s"' % CSS_FAMILIES.encode()


def _family(m: re.Match) -> bytes:
    return _BOLD_FAMILY if m.group(1) else _REGULAR_FAMILY


def font_families(svg: bytes) -> bytes:
    """Name the bundled font's metric twins after it, so a browser without it still draws a sans.

    >>> font_families(b'<text font-family="Liberation Sans">a</text><text font-family="Liberation Sans Bold">')
    b'<text font-family="Liberation Sans,Arial,Helvetica,sans-serif">a</text><text font-family="Liberation Sans,Arial,Helvetica,sans-serif" font-weight="bold">'
    """
    return _FAMILY.sub(_family, svg)
