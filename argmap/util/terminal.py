"""Safe terminal output: user text never carries escape or control sequences.

>>> clean("ok\\x1b[31m red\\x07")
'ok red'
>>> clean("a\\x9b2Jb \\x1b]0;title\\x07c \\x9d8;;http://x\\x9cd")
'ab c d'
"""

from __future__ import annotations

import re

__all__ = ["clean", "one_line", "strip_controls"]

_ANSI = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[@-Z\\-_])"
    r"|\x9b[0-?]*[ -/]*[@-~]|[\x90\x98\x9d-\x9f][^\x07\x1b\x9c]*[\x07\x9c]?"  # the 8-bit (C1) forms
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Bidi embeddings, overrides and isolates: they reorder what a reader sees (Trojan Source)."""


def clean(text: str) -> str:
    """Remove ANSI escape sequences, control characters (keeps newline and tab)
    and bidi embedding/override/isolate controls.

    >>> clean("price \u202e01$\u202c ok")
    'price 01$ ok'
    """
    return _BIDI.sub("", _CONTROL.sub("", _ANSI.sub("", text)))


def strip_controls(text: str) -> str:
    """Remove the C0 and C1 control characters and DEL, keeping newline and tab (for HTML pages).

    >>> strip_controls("a\\x1b[1mb\\x00\\x85\\x7f\\tc\\n")
    'a[1mb\\tc\\n'
    """
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """:func:`clean`, with line breaks and tabs shown as ``\\n``/``\\t`` so one
    message stays one line (user text cannot forge further output lines).

    >>> one_line("bad key 'a\\nargmap: error: forged'\\x1b[2J")
    "bad key 'a\\\\nargmap: error: forged'"
    """
    return clean(text).replace("\r", "").replace("\n", "\\n").replace("\t", "\\t")
