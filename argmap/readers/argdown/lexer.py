"""Argdown lexing: comments blanked out, then one token per physical line.

:func:`blank_comments` replaces ``<!-- -->``, ``/* */`` and ``//`` comments
with spaces (newlines kept, so every position stays where it was); comments
inside links, titles, escapes and ``{data}`` are left alone. :func:`lex`
then gives one :class:`Line` per line: empty line, heading, relation
(``+> -> <+ + <- - >< _> <_``) with its indentation, numbered
premise/conclusion ``(1)``, inference ``-- ... --`` (possibly over several
lines), list item, or plain text that continues the element above.
:mod:`argmap.readers.argdown.syntax` parses the tokens.

>>> lines, fm = lex("===\\ntitle: T\\n===\\n\\n[A]: a\\n  +> [B]\\n")
>>> fm, [(t.kind, t.op, t.value) for t in lines if t.kind != "empty"]
((1, 'title: T\\n'), [('text', '', '[A]: a'), ('relation', '+>', '[B]')])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.locations import Location
from argmap.readers.argdown.text import RELATION, RELATION_OPS

__all__ = [
    "Line",
    "RELATION_OPS",
    "Ahead",
    "blank_comments",
    "front_matter_end",
    "comment_lines",
    "lex",
    "match_data",
    "data_ends",
    "data_end",
    "link_at",
    "closed_at",
    "LINK",
    "REF",
    "ARG_REF",
]

_INFERENCE_START = re.compile(r"[ \t]*--")
_NUMBER = re.compile(r"([ \t]*)\((\d+)\)")
_HEADING = re.compile(r"(#+) ")
_ORDERED = re.compile(r"([ \t]*)\d+\.(?=\s)")
_UNORDERED = re.compile(r"([ \t]*)\*(?=\s)")
_FRONT = re.compile(r"===+")
LINK = re.compile(r"\[([^\]\n]+?)\]\(([^)\n]+?)\)([ \t]?)")
REF = re.compile(r"\[([^\n]+?)\]")
ARG_REF = re.compile(r"<([^\n]+?)>")


@dataclass
class Line:
    """One lexed line: ``kind`` is empty|heading|relation|number|inference|item|text."""

    kind: str
    number: int  # 1-based
    indent: int = 0
    op: str = ""
    value: str = ""  # the content after the marker
    column: int = 1  # 1-based column where ``value`` starts
    marker_column: int = 1
    extra: Any = None


# ----------------------------------------------------------------- stage 1


class Ahead:
    """Where a character next occurs in ``text``, remembered between calls.

    Asking from positions that mostly move forward costs one pass over the text in
    all, where ``str.find`` at every position of a long line would cost a pass each.
    Returns ``len(text)`` when the character does not occur again.

    >>> ahead = Ahead("a]b]")
    >>> ahead.find("]", 0), ahead.find("]", 2), ahead.find("]", 1), ahead.find("]", 4)
    (1, 3, 1, 4)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # char -> (low, hit): no occurrence in [low, hit); hit is one, or len(text)
        self.known: dict[str, tuple[int, int]] = {}

    def find(self, char: str, start: int) -> int:
        """Index of the first ``char`` at or after ``start`` (``len(text)`` if none)."""
        text = self.text
        n = len(text)
        low, hit = self.known.get(char, (n, n))
        if start > hit:
            low, hit = start, text.find(char, start)
            hit = n if hit < 0 else hit
        elif start < low:
            before = text.find(char, start, low)
            low, hit = start, (hit if before < 0 else before)
        self.known[char] = (low, hit)
        return hit


def closed_at(text: str, start: int, close: str, ahead: Ahead) -> int:
    """End of ``[...]`` or ``<...>`` (the REF, ARG_REF shapes) at ``start``, or -1.

    The closing character must follow at least one character, on the same line.

    >>> closed_at("[ab] c]", 0, "]", Ahead("[ab] c]")), closed_at("[] x", 0, "]", Ahead("[] x"))
    (4, -1)
    """
    end = ahead.find(close, start + 2)
    return end + 1 if end < ahead.find("\n", start + 1) else -1


def link_at(text: str, start: int, ahead: Ahead) -> Optional[re.Match]:
    """``LINK.match(text, start)``, tried only when its closing characters are on the line.

    The check costs nothing per position, so a long line of ``[`` stays linear.

    >>> link_at("[a](b) c", 0, Ahead("[a](b) c")).group(1, 2)
    ('a', 'b')
    """
    text_end = ahead.find("]", start + 1)
    if text_end == start + 1 or text_end >= ahead.find("\n", start + 1) or text[text_end + 1 : text_end + 2] != "(":
        return None
    target_end = ahead.find(")", text_end + 2)
    if target_end == text_end + 2 or target_end >= ahead.find("\n", text_end + 2):
        return None
    return LINK.match(text, start)


def match_data(text: str, start: int) -> int:
    """End (exclusive) of a ``{...}`` block starting at ``start``, or -1.

    Braces nest; quotes protect braces inside YAML strings.
    """
    return data_ends(text, start).get(start, -1)


def data_ends(text: str, start: int) -> dict[int, int]:
    """:func:`match_data` for ``start`` and every brace opened inside its block, in one scan.

    Maps each ``{`` opened outside quotes, from ``start`` (a ``{``) until its block
    closes, to its block's end or -1: a line of many ``{`` costs one scan, not one each.

    >>> data_ends("{{a} {", 0), data_ends("{'{' {}}", 0)
    ({1: 4, 0: -1, 5: -1}, {5: 7, 0: 8})
    """
    opened: list[int] = []
    ends: dict[int, int] = {}
    i = start
    n = len(text)
    quote = ""
    while i < n:
        c = text[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 2
                continue
            if c == quote:
                if quote == "'" and i + 1 < n and text[i + 1] == "'":
                    i += 2
                    continue
                quote = ""
        elif c in "\"'" and i > start and text[i - 1] in "{[,: \t\n":
            quote = c
        elif c == "{":
            opened.append(i)
        elif c == "}" and opened:
            ends[opened.pop()] = i + 1
            if not opened:
                return ends
        elif c == "\n" and i + 1 < n and text[i + 1] == "\n":
            break  # data never spans an empty line
        i += 1
    for k in opened:
        ends[k] = -1
    return ends


def data_end(text: str, start: int, known: dict[int, int]) -> int:
    """:func:`match_data`, remembering in ``known`` every block end its scan finds.

    >>> known = {}
    >>> data_end("{{a}", 0, known), known
    (-1, {1: 4, 0: -1})
    """
    if start not in known:
        known.update(data_ends(text, start))
    return known.get(start, -1)


_INTERESTING = re.compile(r"[\\<\[/{#]")


def front_matter_end(text: str) -> int:
    """Offset just past the front matter (``===`` ... ``===`` before anything else), else 0.

    >>> front_matter_end("\\n===\\nurl: http://x//y\\n===\\n[a]")
    25
    """
    if "===" not in text[:4096] and not text.lstrip().startswith("==="):
        return 0
    offset, opened = 0, False
    for line in text.split("\n"):
        end = offset + len(line)
        stripped = line.strip()
        if not opened:
            if not stripped:
                offset = end + 1
                continue
            if not stripped.startswith("==="):
                return 0
            if stripped.strip("=").strip() and stripped.endswith("==="):
                return end  # === on one line ===
            opened = True
        elif stripped.startswith("==="):
            return end
        offset = end + 1
    return 0


def blank_comments(text: str) -> str:
    """Replace comments with spaces, keeping newlines and every offset.

    Not inside the front matter (YAML, as in Argdown), links, titles, ``#(tags)``,
    escapes and ``{data}``.

    >>> blank_comments("a <!-- b\\nc --> d // e\\nf /* g */ [x](http://y) #(http://z)")
    'a       \\n      d     \\nf         [x](http://y) #(http://z)'
    """
    if "<!--" not in text and "/*" not in text and "//" not in text:
        return text  # nothing to blank
    out = list(text)
    n = len(text)
    ahead = Ahead(text)
    brace_ends: dict[int, int] = {}  # brace position -> end of its {data} block (or -1)
    i = front_matter_end(text)
    while i < n:
        found = _INTERESTING.search(text, i)
        if found is None:
            break
        i = found.start()
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            end = n if end < 0 else end + 3
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
        else:
            end = -1
        if end >= 0:
            for k in range(i, end):
                if out[k] != "\n":
                    out[k] = " "
            i = end
            continue
        if c == "[":
            m = link_at(text, i, ahead)
            end = m.end() if m else closed_at(text, i, "]", ahead)
            if end > 0:
                i = end
                continue
        elif c == "<":
            end = closed_at(text, i, ">", ahead)
            if end > 0 and text[i + 1 : i + 2] not in ("+", "-", "_", "!"):
                i = end
                continue
        elif c == "{":
            end = data_end(text, i, brace_ends)
            if end > 0:
                i = end
                continue
        elif c == "#" and text.startswith("#(", i):
            end = ahead.find(")", i + 2)
            if end < ahead.find("\n", i):
                i = end + 1
                continue
        i += 1
    return "".join(out)


# ----------------------------------------------------------------- stage 2


def comment_lines(original: str, clean: str) -> set:
    """Line numbers (1-based) that held only comment: they are not empty lines."""
    result: set = set()
    if original == clean:  # no comments at all
        return result
    for number, (a, b) in enumerate(zip(original.split("\n"), clean.split("\n")), 1):
        if not b.strip() and a != b:
            result.add(number)
    # Blank lines inside a multi-line comment belong to the comment too.
    inside = False
    for number, (a, b) in enumerate(zip(original.split("\n"), clean.split("\n")), 1):
        if a != b:
            opened = a.count("<!--") + a.count("/*")
            closed = a.count("-->") + a.count("*/")
            if opened > closed:
                inside = True
            elif closed > opened:
                inside = False
        elif inside and not a.strip():
            result.add(number)
    return result


def lex(text: str, comment_lines: frozenset = frozenset()) -> tuple[list[Line], Optional[tuple[int, str]]]:
    """Lex comment-free text into :class:`Line` tokens; also return front matter.

    Front matter is ``(line, yaml_text)`` of an ``=== ... ===`` block at the top.

    >>> lines, fm = lex("===\\ntitle: T\\n===\\n\\n[A]: a\\n  +> [B]\\n")
    >>> fm, [(t.kind, t.op, t.value) for t in lines if t.kind != "empty"]
    ((1, 'title: T\\n'), [('text', '', '[A]: a'), ('relation', '+>', '[B]')])
    """
    raw_lines = text.split("\n")
    tokens: list[Line] = []
    front: Optional[tuple[int, str]] = None
    start = 0
    # Front matter: the first non-empty line opens it with ===, the next === line closes it.
    k = 0
    while k < len(raw_lines) and not raw_lines[k].strip():
        k += 1
    if k < len(raw_lines) and _FRONT.match(raw_lines[k].strip()):
        opening = raw_lines[k].strip()
        inner = opening.strip("=")
        close = None
        body = ""
        if inner.strip() and opening.endswith("==="):
            close, body = k, inner + "\n"
        else:
            for j in range(k + 1, len(raw_lines)):
                if raw_lines[j].strip().startswith("==="):
                    close = j
                    break
            if close is not None:
                body = "\n".join(raw_lines[k + 1 : close]) + "\n"
        if close is not None:
            front = (k + 1, body)
            tokens.extend(Line("empty", j + 1) for j in range(close + 1))
            start = close + 1
    in_inference: Optional[Line] = None
    previous_empty = True
    # Lines that begin inside a multi-line {data} block or inside an open
    # inference belong to the element before them.
    continuation_until = -1
    brace_ends: dict[int, int] = {}  # brace position -> end of its {data} block (or -1)
    offsets = [0]
    for ln in raw_lines:
        offsets.append(offsets[-1] + len(ln) + 1)
    for idx in range(start, len(raw_lines)):
        line = raw_lines[idx]
        number = idx + 1
        if in_inference is not None:
            end = re.search(r"-{2,}", line)
            if end:
                in_inference.value += "\n" + line[: end.start()]
                in_inference.extra = True
                in_inference = None
                tail = line[end.end() :]
                if tail.strip():
                    tokens.append(Line("text", number, value=tail.strip(), column=end.end() + len(tail) - len(tail.lstrip()) + 1))
            else:
                in_inference.value += "\n" + line
                tokens.append(Line("empty-skip", number))
            previous_empty = False
            continue
        if offsets[idx] < continuation_until:
            tokens.append(Line("text", number, value=line, column=1, extra="cont"))
            continue
        stripped = line.strip()
        if not stripped and number in comment_lines:
            tokens.append(Line("empty-skip", number))
            continue
        if not stripped:
            tokens.append(Line("empty", number))
            previous_empty = True
            continue
        tok = _classify(line, number, previous_empty)
        if tok.kind == "inference":
            # The rules run to the next -- (possibly on a later line).
            rest = line[tok.column - 1 :]
            end = re.search(r"-{2,}", rest)
            if end:
                tok.value = rest[: end.start()]
                tok.extra = True
                tail = rest[end.end() :]
                tokens.append(tok)
                if tail.strip():
                    col = tok.column + end.end() + (len(tail) - len(tail.lstrip()))
                    tokens.append(Line("text", number, value=tail.strip(), column=col))
            else:
                tok.value = rest
                tok.extra = False
                tokens.append(tok)
                in_inference = tok
            previous_empty = False
            continue
        tokens.append(tok)
        previous_empty = False
        # A {data} block that opens on this line and closes on a later one.
        brace = line.find("{")
        while brace >= 0:
            end = data_end(text, offsets[idx] + brace, brace_ends)
            if end > offsets[idx + 1]:
                continuation_until = end
                break
            if end < 0:
                break
            brace = line.find("{", end - offsets[idx])
    if in_inference is not None:
        raise ArgmapError(
            Diagnostic(Location("", in_inference.number, in_inference.marker_column), "inference is not closed with --")
        )
    return tokens, front


_PLAIN_START = frozenset("-+<>_(#*0123456789 \t")


def _classify(line: str, number: int, block_start: bool) -> Line:
    if line[0] not in _PLAIN_START:
        return Line("text", number, value=line.strip(), column=1)
    m = _INFERENCE_START.match(line)
    if m:
        return Line("inference", number, column=m.end() + 1, marker_column=m.end() - 1)
    m = RELATION.match(line)
    if m:
        indent = len(m.group(1).expandtabs(1))
        rest = line[m.end() :]
        col = m.end() + len(rest) - len(rest.lstrip()) + 1
        return Line("relation", number, indent=indent, op=m.group(2), value=rest.strip(), column=col, marker_column=m.start(2) + 1)
    m = _NUMBER.match(line)
    if m:
        rest = line[m.end() :]
        col = m.end() + len(rest) - len(rest.lstrip()) + 1
        return Line("number", number, indent=len(m.group(1)), value=rest.strip(), column=col, marker_column=m.start() + len(m.group(1)) + 1, extra=int(m.group(2)))
    if block_start:  # white space may come before the #, as in Argdown
        lead = len(line) - len(line.lstrip(" \t"))
        m = _HEADING.match(line, lead)
        if m:
            return Line("heading", number, indent=len(m.group(1)), value=line[m.end() :].strip(), column=m.end() + 1, marker_column=lead + 1)
    m = _ORDERED.match(line) or _UNORDERED.match(line)
    if m:
        rest = line[m.end() :]
        col = m.end() + len(rest) - len(rest.lstrip()) + 1
        # an item's level is its indentation plus one, as in Argdown: relations under it go deeper
        return Line("item", number, indent=len(m.group(1).expandtabs(1)) + 1, value=rest.strip(), column=col, marker_column=len(m.group(1)) + 1)
    col = len(line) - len(line.lstrip()) + 1
    return Line("text", number, value=line.strip(), column=col)

