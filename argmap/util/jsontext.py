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

__all__ = ["dumps", "escape_controls"]

_C1 = re.compile("[\x7f-\x9f]")


def escape_controls(text: str) -> str:
    """Escape DEL and the C1 controls in JSON text (C0 ones are escaped by ``json`` already)."""
    return _C1.sub(lambda c: f"\\u{ord(c.group()):04x}", text) if _C1.search(text) else text


def dumps(value: Any, **options: Any) -> str:
    """``json.dumps`` (non-ASCII kept as is unless told otherwise), every control escaped."""
    options.setdefault("ensure_ascii", False)
    return escape_controls(json.dumps(value, **options))
