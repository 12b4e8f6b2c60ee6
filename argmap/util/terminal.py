"""Safe terminal output: user text never carries escape or control sequences.

>>> clean("ok\\x1b[31m red\\x07")
'ok red'
>>> clean("a\\x9b2Jb \\x1b]0;title\\x07c \\x9d8;;http://x\\x9cd")
'ab c d'
"""

from __future__ import annotations

import re

__all__ = ["clean", "one_line", "records", "shorten", "shown", "strip_controls", "output_width", "wrap",
           "BIDI_CONTROLS", "SHOWN_CHARS"]

_ANSI = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[@-Z\\-_])"
    r"|\x9b[0-?]*[ -/]*[@-~]|[\x90\x98\x9d-\x9f][^\x07\x1b\x9c]*[\x07\x9c]?"  # the 8-bit (C1) forms
)
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Bidirectional formatting characters: they reorder what a reader sees (a "Trojan
Source" line reads differently from what it says), so user text never carries them out."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")


def clean(text: str) -> str:
    """Remove ANSI escape sequences, control and bidi characters (keeps newline and tab).

    >>> clean("a\u202eb\u2066c"), clean("price \u202e01$\u202c ok")
    ('abc', 'price 01$ ok')
    """
    return _CONTROL.sub("", _ANSI.sub("", text))


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
    return (
        clean(text).replace("\n", "\\n").replace("\t", "\\t").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


SHOWN_CHARS = 60
"""How much of a user's value a message quotes; the rest is counted, not shown."""


def shorten(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis and the full length.

    >>> shorten("short"), shorten("x" * 100, 10)
    ('short', 'xxxxxxxxx… (100 characters)')
    """
    return text if len(text) <= limit else f"{text[: limit - 1]}… ({len(text)} characters)"


def shown(value: object, limit: int = SHOWN_CHARS) -> str:
    """A user's value as a message quotes it: ``repr`` for non-strings, in quotes for strings,
    shortened (:func:`shorten`) and on one line.

    >>> shown("ab"), shown(3), shown("x" * 80)[-20:]
    ("'ab'", '3', "xx…' (80 characters)")
    """
    if not isinstance(value, str):
        text = repr(value)
        return one_line(shorten(text, limit))
    if len(value) <= limit:
        return one_line(repr(value)) if "'" in value else f"'{one_line(value)}'"
    return f"'{one_line(value[: limit - 1])}…' ({len(value)} characters)"


def records(lines) -> str:
    """Text output of one record per line: each line :func:`one_line`, so no user text
    (a newline in a claim, a quote, a reviewer's name) can forge a further record,
    such as a GitHub Actions ``::error`` command.

    >>> print(records(["a.yaml:1:1: claim 'x\\n::error file=y::forged'"]), end="")
    a.yaml:1:1: claim 'x\\n::error file=y::forged'
    """
    return "".join(one_line(line) + "\n" for line in lines)


def output_width() -> "int | None":
    """The width to fit text for people to: ``COLUMNS`` when set, else the terminal's width when
    standard output is one; ``None`` (no wrapping) when the output goes to a file or a pipe."""
    import os
    import shutil
    import sys

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), 20)
    try:
        if not sys.stdout.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return max(shutil.get_terminal_size().columns, 20)


def wrap(line: str, width: "int | None", indent: int) -> list[str]:
    """``line`` folded at spaces to ``width`` columns, continuation lines indented by ``indent``
    spaces; one line as it is when ``width`` is None or it fits.

    >>> wrap("a1 b2 c3 d4 e5", 8, 2)
    ['a1 b2 c3', '  d4 e5']
    """
    if width is None or len(line) <= width:
        return [line]
    import textwrap

    indent = min(indent, max(width // 2, 0))
    return textwrap.wrap(line, width, subsequent_indent=" " * indent, break_long_words=False,
                         break_on_hyphens=False, drop_whitespace=True) or [line]
