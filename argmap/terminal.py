"""Safe terminal output: user text never carries escape or control sequences.

>>> clean("ok\\x1b[31m red\\x07")
'ok red'
"""

from __future__ import annotations

import re

__all__ = ["clean"]

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Remove ANSI escape sequences and control characters (keeps newline and tab)."""
    return _CONTROL.sub("", _ANSI.sub("", text))
