"""PyYAML's errors as a place and a message in argmap's words.

PyYAML reports a bad character as a ``ReaderError`` with an offset into the text and
Python jargon (``in "<unicode string>", position 10``); marked errors carry a line and
column. :func:`place` gives both kinds as 1-based ``(line, column, problem)``.

>>> import yaml
>>> try:
...     yaml.safe_load("a: 1\\nb: \\x00\\n")
... except yaml.YAMLError as exc:
...     place(exc, "a: 1\\nb: \\x00\\n")
(2, 4, 'control character U+0000 is not allowed in YAML')
"""

from __future__ import annotations

__all__ = ["place"]


def place(exc: Exception, text: str) -> tuple[int, int, str]:
    """``(line, column, problem)`` of a PyYAML error raised while reading ``text``."""
    import yaml

    if isinstance(exc, yaml.reader.ReaderError):
        at = max(0, min(int(exc.position), len(text)))
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        char = exc.character
        code = ord(char) if isinstance(char, str) else int(char)
        return line, col, f"control character U+{code:04X} is not allowed in YAML"
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem and exc.context not in problem:
            problem = f"{problem} ({exc.context})"
        return line, col, problem
    return 1, 1, str(exc)
