"""A single-pass reader for the plain core of Argdown.

Most large Argdown files are written in a small part of the language: titled
statements (``[T]: text`` or ``[T]``) at the start of a block, indented
relation lines under them (``<+ [T]``, ``- [T]: text``, ...), ``#`` headings
and an optional front matter holding just a plain ``title``. :func:`read_fast`
reads such a file in one pass over its lines, straight to the plain data of an
:class:`~argmap.model.ArgumentMap`, without the full reader's tokens, syntax
tree and Argdown model (:mod:`argmap.readers.argdown`), which is two to three
times slower.

It gives exactly what the full reader gives: the same claims, inferences, ids
and source positions (the tests compare the two on generated and hand-written
files). On anything outside that core it returns ``None`` and the full reader
takes over: arguments ``<A>``, premise–conclusion structures, untitled
statements, lists, continuation lines, comments, tags, mentions, links,
emphasis, escapes, ``{data}``, other front matter, and every error, so error
messages come from one place.

>>> m, sourcemap = read_fast("# Trade\\n\\n[a]: A.\\n  <+ [b]: B.\\n  - [c]\\n", "x.argdown")
>>> [(c.id, c.text, c.section) for c in m.claims]
[('a', 'A.', 'Trade'), ('b', 'B.', 'Trade'), ('c', 'c', 'Trade')]
>>> [(i.id, i.kind.value) for i in m.inferences]
[('b-supports-a', 'support'), ('c-attacks-a', 'attack')]
>>> sourcemap.find(("inferences", 1)).line
5
>>> read_fast("<An argument>: with a reconstruction below\\n", "x.argdown") is None
True
"""

from __future__ import annotations

import re
from typing import Any, Optional

from argmap.readers.argdown.text import (
    PARENT_IS_SOURCE, RELATION_MARKER, RELATION_TYPE, VERBS, claim_data, collapse, make_id, relation_id, special,
    undercut_read_as_attack,
)

__all__ = ["read_fast"]

_ELEMENT = re.compile(r"\[([^\[\]\\\n]+)\](?::(.*))?")
"""``[T]`` or ``[T]: text``, the whole value (``fullmatch``)."""
_NOT_PLAIN_TEXT = re.compile(r"[\\{\[<@#*_\n]")
"""What may begin an escape, data, a link, a title, a mention, a tag or emphasis."""
_HEADING = re.compile(r"(#+) ")
_RELATION_LINE = re.compile(r"([ \t]*)(" + RELATION_MARKER + r")[ \t]*\[([^\[\]\\\n]+)\](?::(.*))?[ \t]*")
"""A whole relation line with a statement: indentation, marker, title, text."""
_FRONT_TITLE = re.compile(r"title:[ ]+([A-Za-z][A-Za-z0-9 ,.;()'!?-]*)")
"""A front matter line whose YAML value is surely this plain string."""
_YAML_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null"})
_NEVER = ("//", "/*", "<!--", "{")
"""Comments, and ``{`` (data may run over lines, which changes how lines are read)."""

_DEPTH = 200  # deeper relation trees go to the full reader


class _Fallback(Exception):
    """The text is outside the plain core: let the full reader read it."""


def read_fast(text: str, file: str, max_depth: int = 200) -> Optional[tuple[Any, Any]]:
    """``(ArgumentMap, SourceMap)`` for plain-core Argdown, else ``None``."""
    if any(mark in text for mark in _NEVER):
        return None
    try:
        title, statements, relations = _read(text.replace("\r\n", "\n").replace("\r", "\n"), min(max_depth, _DEPTH))
        return _to_map(title, statements, relations, file)
    except _Fallback:
        return None


def _element(value: str, line: int, column: int) -> list:
    """A node ``[title, text (None for a reference), line, column, children]``."""
    m = _ELEMENT.fullmatch(value)
    if m is None:
        raise _Fallback
    title = m.group(1).strip()
    rest = m.group(2)
    if not title or (rest is not None and _NOT_PLAIN_TEXT.search(rest)):
        raise _Fallback
    return [title, None if rest is None else special(collapse(rest)), line, column, []]


def _front_matter(lines: list[str]) -> tuple[int, Optional[str]]:
    """Index of the first line after the front matter, and its title."""
    k = 0
    while k < len(lines) and not lines[k].strip():
        k += 1
    if k == len(lines) or not lines[k].strip().startswith("==="):
        return 0, None
    if lines[k].strip().strip("="):
        raise _Fallback
    title = None
    for j in range(k + 1, len(lines)):
        if lines[j].strip().startswith("==="):
            if lines[j].strip().strip("="):
                raise _Fallback
            return j + 1, title
        line = lines[j].rstrip(" ")  # YAML: no tabs, no indentation to reason about
        if not line:
            continue
        m = _FRONT_TITLE.fullmatch(line)
        if m is None or title is not None or m.group(1).strip().lower() in _YAML_WORDS:
            raise _Fallback
        title = m.group(1).strip()
    raise _Fallback  # not closed


def _read(text: str, max_depth: int) -> tuple[Optional[str], dict, list]:
    """Statements ``{title: [members, section]}`` and relations, as Argdown's model has them."""
    lines = text.split("\n")
    start, title = _front_matter(lines)
    statements: dict[str, list] = {}
    relations: list[tuple] = []
    seen: set = set()
    sections: list[tuple[int, str]] = []
    section: Optional[str] = None

    def statement(node: list) -> str:
        # Argdown's order: the parent's class first, the children's members, then the parent's member.
        name, text_, line, column, children = node
        if children:
            if name not in statements:
                statements[name] = [[], None]
            for op, child, rline, rcolumn in children:
                other = statement(child)
                rtype = RELATION_TYPE[op]
                source, target = (name, other) if op in PARENT_IS_SOURCE else (other, name)
                key = (rtype, source, target)
                if key in seen or (rtype == "contradictory" and (rtype, target, source) in seen):
                    continue
                seen.add(key)
                relations.append((rtype, source, target, rline, rcolumn))
        st = statements.get(name)
        if st is None:
            st = statements[name] = [[], None]
        st[0].append((text_, line, column, section))
        if st[1] is None and text_ is not None:
            st[1] = section
        return name

    root: Optional[list] = None
    levels: list[int] = [0]
    parents: list[list] = []
    last: Optional[list] = None
    previous_empty = True
    for idx in range(start, len(lines)):
        line = lines[idx]
        m = _RELATION_LINE.fullmatch(line)
        if m is not None:  # most lines: "  <+ [T]" or "  - [T]: text"
            if root is None:
                raise _Fallback  # after an empty line: the full reader words the error
            rest = m.group(4)
            if rest is not None and _NOT_PLAIN_TEXT.search(rest):
                raise _Fallback
            name = m.group(3).strip()
            if not name:
                raise _Fallback
            child = [name, None if rest is None else special(collapse(rest)), idx + 1, m.start(3), []]
            indent = m.start(2)  # the indentation's length; a tab counts as one, as in the lexer
            if indent > levels[-1]:
                levels.append(indent)
                parents.append(last)
                if len(parents) > max_depth:
                    raise _Fallback
            else:
                while len(levels) > 1 and indent < levels[-1]:
                    levels.pop()
                    parents.pop()
            parent = parents[-1] if parents else root
            if not parents:
                parents.append(root)
                levels.append(indent)
            parent[4].append((m.group(2), child, idx + 1, m.start(2) + 1))
            last = child
        elif not line.strip():
            if root is not None:
                statement(root)
                root = None
            previous_empty = True
            continue
        elif line[0] == "[" and previous_empty:
            root = last = _element(line.strip(), idx + 1, 1)
            levels, parents = [0], []
        elif line[0] == "#" and previous_empty:
            h = _HEADING.match(line)
            if h is None:
                raise _Fallback
            heading = line[h.end():].strip()
            if _NOT_PLAIN_TEXT.search(heading):
                raise _Fallback
            level = len(h.group(1))
            while sections and sections[-1][0] >= level:
                sections.pop()
            sections.append((level, special(collapse(heading))))
            section = sections[-1][1]
        else:
            raise _Fallback  # continuation lines, lists, reconstructions, arguments, ...
        previous_empty = False
    if root is not None:
        statement(root)
    return title, statements, relations


def _to_map(title: Optional[str], statements: dict, relations: list, file: str) -> tuple[Any, Any]:
    """The same data and positions as :func:`argmap.readers.argdown.to_map` makes of this model."""
    from argmap.diagnostics import ArgmapError, Diagnostic
    from argmap.validation import validate_data
    from argmap.locations import Location, SourceMap
    from argmap.readers.notes import record

    used: set = set()
    positions: dict = {}
    data: dict = {"argmap": 1}
    if title:
        data["title"] = title
    claims: list[dict] = []
    claim_of: dict[str, str] = {}
    for name, (members, section) in statements.items():
        cid = make_id(name, used)
        claim_of[name] = cid
        first = members[0]
        if len(members) == 1:
            texts = [first[0]] if first[0] else []
        else:
            texts = []
            for member in members:
                if member[0] and member[0] not in texts:
                    texts.append(member[0])
            first = next((m for m in members if m[0] is not None), first)  # a definition before references
        claim = claim_data(cid, name, texts, section if section is not None else members[0][3])
        positions[("claims", len(claims))] = (first[1], first[2])
        claims.append(claim)
    rows: list[tuple] = []  # (line, column, order written, inference)
    notes: list = []
    for rtype, source, target, line, column in relations:
        a, b = claim_of[source], claim_of[target]
        if rtype == "undercut":
            notes.append(Diagnostic(Location(file, line, column), undercut_read_as_attack(f"[{target}]")))
        pairs = ((a, b),) if rtype != "contradictory" else ((a, b), (b, a))
        kind = "support" if rtype == "support" else "attack"  # an undercut of a statement is an attack
        verb = "contradicts" if rtype == "contradictory" else VERBS[kind]
        for p, c in pairs:
            inf: dict = {"id": relation_id(p, verb, c, used, len(rows) + 1), "premises": [p], "conclusion": c, "kind": kind}
            if rtype == "contradictory":
                inf["note"] = "Argdown relation: contradictory"
            rows.append((line, column, len(rows), inf))
    rows.sort(key=lambda row: row[:3])  # in the order they are written in the file
    for k, row in enumerate(rows):
        positions[("inferences", k)] = (row[0], row[1])
    data["claims"] = claims
    data["inferences"] = [row[3] for row in rows]
    sourcemap = SourceMap(file, positions)
    record(data, sourcemap, notes)
    try:
        return validate_data(data, sourcemap), sourcemap
    except ArgmapError:
        raise _Fallback from None  # the full reader words the error
