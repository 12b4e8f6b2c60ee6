"""User-supplied regular expressions, matched in linear time.

A pattern from a map or a configuration file (``source.ignore``) is untrusted:
Python's backtracking engine takes exponential time on ``^(a+)+$``. Such
patterns are compiled with RE2 (``google-re2``), whose matching time grows
linearly with the text whatever the pattern. RE2 has no backreferences or
lookaround; a pattern that needs them is refused with a clear message.

>>> pattern = compile_user_regex(r"^(a+)+$")
>>> pattern.search("a" * 100_000 + "b") is None
True
>>> bool(compile_user_regex(r"^Page \\d+ of \\d+$").search("Page 3 of 10"))
True
>>> compile_user_regex(r"(a)\\1")
Traceback (most recent call last):
...
ValueError: invalid escape sequence: \\1 (patterns are matched in linear time: backreferences and lookaround are not supported)
"""

from __future__ import annotations

from typing import Any

__all__ = ["compile_user_regex"]


def compile_user_regex(pattern: str) -> Any:
    """A compiled pattern with ``search``; :class:`ValueError` with the reason when it is not valid."""
    import re2

    options = re2.Options()
    options.log_errors = False  # the reason goes into our located message, not to stderr
    try:
        return re2.compile(pattern, options=options)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise ValueError(
            f"{reason} (patterns are matched in linear time: backreferences and lookaround are not supported)"
        ) from None
