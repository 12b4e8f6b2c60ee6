"""User text made safe for DOT labels and tooltips (Graphviz escString).

Graphviz reads backslash sequences (``\\n``, ``\\l``, ``\\N``, ``\\G`` ...)
inside quoted strings, and quotes end them. :func:`dot_text` makes one
piece of user text literal; :func:`lines_label` joins several with real line
breaks. The result must still go through DOT quoting (``graphviz.nohtml``
so that a label like ``<b>`` is never taken for an HTML-like label).

>>> print(dot_text('say "hi" \\\\l {x}'))
say \\"hi\\" \\\\l {x}
>>> print(lines_label(["one", "two"]))
one\\ntwo
"""

from __future__ import annotations

import re
import textwrap
from typing import Iterable

from argmap.util.terminal import BIDI_CONTROLS

__all__ = ["dot_text", "lines_label", "wrap", "shorten", "css_class"]

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + BIDI_CONTROLS + "]+")
"""Control characters, line separators, bidi controls and lone surrogates (which UTF-8 cannot encode)."""
_CLASS_BAD = re.compile(r"[^A-Za-z0-9_-]+")


def _plain(text: str) -> str:
    """``text`` with :data:`_CONTROL`'s characters as spaces; printable ASCII (most text) as it is,
    without running the pattern (a 5000-claim diagram cleans 90000 pieces of text)."""
    return text if text.isascii() and text.isprintable() else _CONTROL.sub(" ", text)


def dot_text(text: str) -> str:
    """Escape one line of user text for a DOT double-quoted string.

    Backslashes are doubled (so ``\\l`` stays two characters), double quotes
    are escaped, and line breaks and control characters become spaces.

    >>> dot_text("a\\nb\\\\")
    'a b\\\\\\\\'
    """
    text = _plain(text)
    return text.replace("\\", "\\\\").replace('"', '\\"')


def lines_label(lines: Iterable[str], *, align: str = "center") -> str:
    """Join escaped lines with Graphviz line breaks (centred, or ``left``).

    >>> lines_label(["a", "b"], align="left")
    'a\\\\lb\\\\l'
    """
    parts = [dot_text(line) for line in lines]
    if align == "left":
        return "".join(p + "\\l" for p in parts)
    return "\\n".join(parts)


def wrap(text: str, width: int, *, max_lines: int = 0) -> list[str]:
    """Wrap ``text`` at ``width`` characters; ``max_lines`` > 0 cuts with an ellipsis.

    >>> wrap("one two three four", 9)
    ['one two', 'three', 'four']
    >>> wrap("one two three four", 9, max_lines=2)
    ['one two', 'three …']
    """
    text = _plain(text).strip()
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1] + " …"
    return lines


def shorten(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters.

    >>> shorten("a long sentence here", 12)
    'a long sent…'
    """
    text = _plain(text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def css_class(word: str) -> str:
    """A word usable in an SVG ``class`` list (letters, digits, ``_``, ``-``).

    >>> css_class("unstated warrant!")
    'unstated-warrant'
    """
    return _CLASS_BAD.sub("-", word).strip("-")
