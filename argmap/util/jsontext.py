"""JSON text that is safe to print: ``json.dumps`` with DEL and C1 controls escaped too.

``json.dumps(..., ensure_ascii=False)`` escapes only the C0 controls; a raw
``\\x9b`` (an 8-bit CSI) or ``\\x7f`` would reach a terminal as it is. These
characters can only occur inside JSON strings, so writing them as ``\\u`` escapes
keeps the document equal.

>>> text = dumps({"a": "x\\x9b2J\\x7f\\n"})
>>> text
'{"a": "x\\\\u009b2J\\\\u007f\\\\n"}'
>>> import json; json.loads(text) == {"a": "x\\x9b2J\\x7f\\n"}
True
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.util.terminal import BIDI_CONTROLS

__all__ = ["dumps", "escape_controls"]

_C1 = re.compile("[\x7f-\x9f" + BIDI_CONTROLS + "\u2028\u2029]")


def escape_controls(text: str) -> str:
    """Escape DEL, the C1 controls, bidi controls and U+2028/U+2029 in JSON text (C0
    ones are escaped by ``json`` already): the document stays equal, and no raw
    character that moves or reorders text reaches a terminal."""
    return _C1.sub(lambda c: f"\\u{ord(c.group()):04x}", text) if _C1.search(text) else text


def dumps(value: Any, **options: Any) -> str:
    """``json.dumps`` (non-ASCII kept as is unless told otherwise), every control escaped."""
    options.setdefault("ensure_ascii", False)
    return escape_controls(json.dumps(value, **options))
