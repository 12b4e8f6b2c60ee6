"""Small pieces of Argdown's text rules shared by its readers.

Both the full reader (:mod:`argmap.readers.argdown_lexer` and
:mod:`argmap.readers.argdown_syntax`) and the single-pass reader
(:mod:`argmap.readers.argdown_fast`) use these, so the two cannot drift apart.

>>> collapse("  two\\n  lines ")
'two lines'
>>> special("p .->. q :heart:")
'p → q ❤'
>>> unescape(r"\\[not a title\\]")
'[not a title]'
>>> m = RELATION.match("  <+ [b]")
>>> m.group(1), m.group(2)
('  ', '<+')
"""

from __future__ import annotations

import re

__all__ = ["RELATION", "SPECIAL_CHARS", "collapse", "special", "unescape"]

RELATION = re.compile(r"([ \t]*)(\+>|->|<\+|\+|<-|-|><|_>|<_)")
"""A relation line: its indentation and its marker (longest markers first)."""

SPECIAL_CHARS = {
    ".A.": "∀", ":A:": "∀", ".E.": "∃", ":E:": "∃",
    ".<->.": "↔", ":<->:": "↔", ".->.": "→", ":->:": "→",
    ".~.": "¬", ":~:": "¬", ".^.": "∧", ":^:": "∧", ".v.": "∨", ":v:": "∨",
    ".<>.": "◇", ":<>:": "◇", ".[].": "◻", ":[]:": "◻", ":heart:": "❤", ".heart.": "❤",
}
"""Argdown's shorthands for logical symbols (and the heart its primer uses)."""

_SPECIAL = re.compile("|".join(re.escape(k) for k in sorted(SPECIAL_CHARS, key=len, reverse=True)))
_SPACES = re.compile(r"\s+")
_ESCAPE = re.compile(r"\\(.)")


def collapse(text: str) -> str:
    """Runs of white space (line breaks too) made one space; ends trimmed."""
    return _SPACES.sub(" ", text).strip()


def special(text: str) -> str:
    """Argdown's symbol shorthands replaced by their characters."""
    return _SPECIAL.sub(lambda m: SPECIAL_CHARS[m.group(0)], text) if "." in text or ":" in text else text


def unescape(text: str) -> str:
    """Backslash escapes resolved: ``\\x`` becomes ``x``."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text
