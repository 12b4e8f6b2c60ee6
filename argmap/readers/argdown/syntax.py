"""Argdown syntax: a recursive parser that builds a located syntax tree.

This module knows the Argdown *syntax* only; what the elements mean (equivalence
classes, arguments, relations) is worked out in :mod:`argmap.readers.argdown`.

Three stages:

1. :func:`~argmap.readers.argdown.lexer.blank_comments` blanks out comments,
   keeping every position (see :mod:`argmap.readers.argdown.lexer`).
2. :func:`~argmap.readers.argdown.lexer.lex` turns the text into one
   :class:`Line` token per physical line.
3. :class:`Parser` reads the tokens into :class:`Document`: blocks separated by
   empty lines (heading, statement or argument with its relation tree,
   premise–conclusion structure, list). Relation trees nest by indentation as
   in Argdown: a deeper line starts children, a shallower one closes levels.
   Element contents are split by :func:`parse_content` into a title
   (``[T]:`` ``[T]`` ``<T>:`` ``<T>``), plain text (Markdown bold/italic
   markers removed, links reduced to their text, escapes resolved), tags,
   mentions and ``{YAML data}``.

>>> doc = parse("[A]: Alpha.\\n  + <B>: Beta #pro\\n    - Gamma\\n")
>>> top = doc.blocks[0]
>>> top.title, top.text, [(r.op, r.child.title) for r in top.relations]
('A', 'Alpha.', [('+', 'B')])
>>> b = top.relations[0].child
>>> b.is_argument, b.text, b.tags, b.relations[0].child.text
(True, 'Beta #pro', ['pro'], 'Gamma')
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Optional, Union

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.locations import Location
from argmap.readers.argdown.lexer import ARG_REF as _ARG_REF
from argmap.readers.argdown.lexer import LINK as _LINK
from argmap.readers.argdown.lexer import REF as _REF
from argmap.readers.argdown.lexer import RELATION_OPS, Ahead, Line, blank_comments, closed_at, comment_lines, data_end, lex, link_at
from argmap.readers.argdown.text import SHORTCODE, SPECIAL_CHARS, collapse, special, unescape

__all__ = [
    "Element",
    "Relation",
    "Inference",
    "Pcs",
    "PcsStatement",
    "Heading",
    "ListBlock",
    "Document",
    "Parser",
    "parse",
    "parse_content",
    "parse_inference",
    "RELATION_OPS",
    "Line",
]

_DEF = re.compile(r"\[([^\n]+?)\]:")
_ARG_DEF = re.compile(r"<([^\n]+?)>:")
_MENTION = re.compile(r"@(\[[^\n]+?\]|<[^\n]+?>)([ \t]?)")
_TAG = re.compile(r"#(?:\(([^)]+)\)|([A-Za-z0-9_\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))([ \t]?)")



# ------------------------------------------------------------------ tree


@dataclass
class Element:
    """A statement or an argument (``is_argument``), with its relation children.

    ``kind`` is ``definition`` (``[T]: text``), ``reference`` (``[T]``) or
    ``plain`` (untitled text); arguments are ``definition`` or ``reference``.
    """

    line: int
    column: int
    raw: str = ""
    offsets: list = field(default_factory=list)
    pending: list = field(default_factory=list, repr=False)
    """Lines added to ``raw`` but not yet joined to it (see :func:`_add`)."""
    pending_size: int = 0
    title: Optional[str] = None
    kind: str = "plain"
    is_argument: bool = False
    text: str = ""
    tags: list = field(default_factory=list)
    mentions: list = field(default_factory=list)
    data: Optional[dict] = None
    relations: list = field(default_factory=list)
    top_level: bool = False


@dataclass
class Relation:
    """``parent <op> child`` as written, with the marker's position."""

    op: str
    child: Element
    line: int
    column: int


@dataclass
class Inference:
    """``-- rule, rule {data} --`` between premises and a conclusion."""

    line: int
    column: int
    rules: list = field(default_factory=list)
    data: Optional[dict] = None
    relations: list = field(default_factory=list)
    raw: str = ""
    offsets: list = field(default_factory=list)
    pending: list = field(default_factory=list, repr=False)
    pending_size: int = 0


@dataclass
class PcsStatement:
    """``(n) statement`` inside a premise–conclusion structure."""

    number: int
    element: Element
    line: int
    column: int


@dataclass
class Pcs:
    """A premise–conclusion structure: statements and inferences in order."""

    line: int
    column: int
    items: list = field(default_factory=list)


@dataclass
class Heading:
    level: int
    text: str
    line: int
    column: int
    raw: str = ""
    offsets: list = field(default_factory=list)
    data: Optional[dict] = None
    tags: list = field(default_factory=list)
    mentions: list = field(default_factory=list)
    pending: list = field(default_factory=list, repr=False)
    pending_size: int = 0


@dataclass
class ListBlock:
    """An indented ``1.`` or ``*`` list; its items are statements or arguments."""

    line: int
    column: int
    items: list = field(default_factory=list)


Block = Union[Element, Pcs, Heading, ListBlock]


@dataclass
class Document:
    front_matter: dict
    blocks: list
    front_line: int = 0
    notes: list = field(default_factory=list)
    """Located :class:`~argmap.diagnostics.Diagnostic` s of what the parser left out."""

# ----------------------------------------------------------------- parser


class Parser:
    """Recursive reader of lexed lines into a :class:`Document`."""

    def __init__(self, tokens: list[Line], file: str, max_depth: int = 200):
        self.tokens = [t for t in tokens if t.kind != "empty-skip"]
        self.pos = 0
        self.file = file
        self.max_depth = max_depth

    def error(self, line: int, column: int, message: str) -> ArgmapError:
        return ArgmapError(Diagnostic(Location(self.file, line, column), message))

    def peek(self) -> Optional[Line]:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def document(self) -> list:
        blocks: list = []
        while True:
            tok = self.peek()
            if tok is None:
                return blocks
            if tok.kind == "empty":
                self.pos += 1
                continue
            blocks.append(self.block())

    def block(self) -> Block:
        tok = self.peek()
        assert tok is not None
        if tok.kind == "heading":
            self.pos += 1
            heading = Heading(tok.indent, "", tok.number, 1)
            _add(heading, tok)
            self.continuation(heading)
            return heading
        if tok.kind in ("number", "inference"):
            return self.pcs()
        if tok.kind == "item":
            return self.list_block()
        if tok.kind == "relation":
            raise self.error(tok.number, tok.marker_column, f"relation '{tok.op}' has nothing to attach to (a relation must follow a statement or argument, not an empty line)")
        self.pos += 1
        element = _element(tok)
        element.top_level = True
        self.continuation(element)
        self.relation_tree(element)
        return element

    def continuation(self, owner: Any) -> None:
        while True:
            tok = self.peek()
            if tok is None or tok.kind != "text":
                return
            self.pos += 1
            _add(owner, tok)

    def relation_tree(self, root: Any, allowed: Optional[tuple] = None) -> None:
        """Relation lines under ``root``, nested by indentation (Argdown's indent stack)."""
        levels = [0]
        parents: list = []
        last = root
        while True:
            tok = self.peek()
            if tok is None or tok.kind not in ("relation", "text"):
                return
            if tok.kind == "text":
                self.pos += 1
                _add(last, tok)
                continue
            if allowed is not None and tok.op not in allowed:
                raise self.error(tok.number, tok.marker_column, f"only {' '.join(allowed)} relations may follow an inference, not '{tok.op}'")
            self.pos += 1
            if tok.indent > levels[-1]:
                levels.append(tok.indent)
                parents.append(last)
                if len(parents) > self.max_depth:
                    raise self.error(tok.number, tok.marker_column, f"relations nested deeper than {self.max_depth} levels")
            else:
                while len(levels) > 1 and tok.indent < levels[-1]:
                    levels.pop()
                    parents.pop()
            parent = parents[-1] if parents else root
            if not parents:
                parents.append(root)
                levels.append(tok.indent)
            child = _element(tok)
            parent.relations.append(Relation(tok.op, child, tok.number, tok.marker_column))
            last = child

    def pcs(self) -> Pcs:
        first = self.peek()
        assert first is not None
        pcs = Pcs(first.number, first.marker_column)
        while True:
            tok = self.peek()
            if tok is None or tok.kind not in ("number", "inference"):
                break
            self.pos += 1
            if tok.kind == "number":
                element = _element(tok)
                pcs.items.append(PcsStatement(tok.extra, element, tok.number, tok.marker_column))
                self.continuation(element)
                self.relation_tree(element)
            else:
                inf = Inference(tok.number, tok.marker_column)
                inf.raw = tok.value
                inf.offsets = [(0, tok.number, tok.column)]
                pcs.items.append(inf)
                self.relation_tree(inf, allowed=("<_", "_"))
        return pcs

    def list_block(self) -> ListBlock:
        first = self.peek()
        assert first is not None
        block = ListBlock(first.number, first.marker_column)
        holder = Element(first.number, first.marker_column)
        # List items share the relations' indent stack: items are the
        # holder's children, deeper relation lines nest under an item.
        levels = [0]
        parents: list = []
        last: Any = holder
        while True:
            tok = self.peek()
            if tok is None or tok.kind not in ("relation", "text", "item"):
                break
            self.pos += 1
            if tok.kind == "text":
                _add(last, tok)
                continue
            if tok.indent > levels[-1]:
                levels.append(tok.indent)
                parents.append(last)
            else:
                while len(levels) > 1 and tok.indent < levels[-1]:
                    levels.pop()
                    parents.pop()
            parent = parents[-1] if parents else holder
            child = _element(tok)
            if tok.kind == "item":
                block.items.append(child)
            else:
                parent.relations.append(Relation(tok.op, child, tok.number, tok.marker_column))
            last = child
        return block


def _element(tok: Line) -> Element:
    el = Element(tok.number, tok.column)
    _add(el, tok)
    return el


def _add(owner: Any, tok: Line) -> None:
    """Append a line's text to an element's raw content, remembering where it came from.

    The lines wait in ``owner.pending`` until :func:`_settle` joins them: ``owner.raw +=``
    copied the whole text for every line (320,000 lines of one paragraph took 41 s).
    """
    size = len(owner.raw) + owner.pending_size
    if size:
        owner.pending.append("\n")
        size += 1
    owner.offsets.append((size, tok.number, tok.column))
    owner.pending.append(tok.value)
    owner.pending_size = size + len(tok.value) - len(owner.raw)


def _settle(owner: Any) -> str:
    """``owner.raw`` with every pending line joined to it."""
    if owner.pending:
        owner.raw += "".join(owner.pending)
        owner.pending.clear()
        owner.pending_size = 0
    return owner.raw


# --------------------------------------------------------------- contents


def _position(offsets: list, index: int) -> tuple[int, int]:
    """Line and column of ``index`` in a raw text whose lines start at ``offsets`` (sorted).

    >>> _position([(0, 3, 5), (4, 4, 1)], 6)
    (4, 3)
    """
    if not offsets:
        return 1, 1
    k = max(bisect_right(offsets, index, key=lambda o: o[0]) - 1, 0)  # the last line starting at or before
    start, line, col = offsets[k]
    return (line, col + (index - start)) if start <= index else (line, col)


def _load_data(source: str, file: str, where: tuple[int, int]) -> dict:
    """The YAML of a ``{...}`` block at ``where``. Written ``{`` + line break, it is block YAML
    (the lines between the braces), as Argdown reads it; else flow YAML, braces included."""
    import yaml

    block = source[1:].lstrip(" \t").startswith("\n")
    from argmap.limits import safe_load

    try:
        data = safe_load(source[1:-1] if block else source, file)  # within the limits: aliases counted, big integers refused
    except ArgmapError as exc:
        raise ArgmapError(Diagnostic(Location(file, *where), f"data in {{...}}: {exc.diagnostics[0].message}")) from None
    except yaml.YAMLError as exc:
        from argmap.util.yamlerrors import place

        inner, column, problem = place(exc, source[1:-1] if block else source)
        line = where[0] + inner - 1
        col = (where[1] + (1 if block else 0) + column - 1) if inner == 1 else column
        raise ArgmapError(Diagnostic(Location(file, line, col), f"invalid YAML data in {{...}}: {problem}")) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ArgmapError(Diagnostic(Location(file, *where), "data in {...} must be a YAML mapping"))
    return data


_SIMPLE_REF = re.compile(r"\[([^\]\n\\{}@#*_\[]+)\]$")
_END_FOLLOW = set(" \t\n\r)}_.,!?;:-*")
_TITLE_CLOSE = {"[": "]", "<": ">"}


def parse_content(owner: Any, file: str, remove_tags: bool = False, head: bool = True, notes: Optional[list] = None) -> None:
    """Split ``owner.raw`` into title, text, tags, mentions and data (in place).

    As in Argdown, a title ``[T]`` or ``<T>`` may only begin an element (elsewhere:
    ``@[T]``), and a reference takes tags and data but no text: both are errors.

    >>> e = Element(1, 1, raw="[T]: Some __bold__ and [a link](http://x) \\\\#1 #tag {k: v}")
    >>> e.offsets = [(0, 1, 1)]
    >>> parse_content(e, "f")
    >>> e.kind, e.title, e.text, e.tags, e.data
    ('definition', 'T', 'Some bold and a link #1 #tag', ['tag'], {'k': 'v'})
    """
    s = _settle(owner)
    i = 0
    n = len(s)
    simple = _SIMPLE_REF.match(s) if head else None
    if simple:  # the common "[Title]" reference: nothing else to read
        owner.kind, owner.title = "reference", unescape(simple.group(1)).strip()
        return
    if head:
        m = None
        if s.startswith("[") and not _LINK.match(s):
            m = _DEF.match(s)
            if m:
                owner.kind, owner.title = "definition", m.group(1)
            else:
                m = _REF.match(s)
                if m:
                    owner.kind, owner.title = "reference", m.group(1)
        elif s.startswith("<"):
            m = _ARG_DEF.match(s)
            if m:
                owner.kind, owner.title, owner.is_argument = "definition", m.group(1), True
            else:
                m = _ARG_REF.match(s)
                if m:
                    owner.kind, owner.title, owner.is_argument = "reference", m.group(1), True
        if m:
            i = m.end()
            owner.title = unescape(owner.title).strip()
    reference = getattr(owner, "kind", None) == "reference"
    if not _MAY_START.search(s, i):  # plain text: no escape, data, link, mention, tag, emphasis, title or break
        if reference and s[i:].strip():
            _text_after_reference(owner, file, i + len(s[i:]) - len(s[i:].lstrip()))
        owner.text = special(collapse(s[i:]))
        return
    pieces: list = []  # str, or (marker run, position) for bold/italic candidates
    ahead = Ahead(s)  # each opener is checked against the next closer: linear on long lines
    brace_ends: dict[int, int] = {}  # brace position -> end of its {data} block (or -1)
    while i < n:
        c = s[i]
        if c == "{":
            end = data_end(s, i, brace_ends)
            if end > 0:
                if owner.data is None:
                    owner.data = {}
                owner.data.update(_load_data(s[i:end], file, _position(owner.offsets, i)))
                i = end
                continue
        if c == "#":
            m = None if s.startswith("#()", i) or (s.startswith("#(", i) and ahead.find(")", i + 2) == n) else _TAG.match(s, i)
            if m:
                tag = m.group(1) or m.group(2)
                if tag not in owner.tags:
                    owner.tags.append(tag)
                if not remove_tags:
                    pieces.append(m.group(0))
                i = m.end()
                continue
        if c == "\n":
            pieces.append(" ")
            i += 1
            continue
        if reference and not c.isspace():
            _text_after_reference(owner, file, i)
        if c == "\\" and i + 1 < n:
            pieces.append(s[i + 1])
            i += 2
            continue
        if c == "[":
            m = link_at(s, i, ahead)
            if m:
                pieces.append(m.group(1) + m.group(3))
                i = m.end()
                continue
        if c in "[<" and s[i + 1 : i + 2] not in ("-", "") and closed_at(s, i, _TITLE_CLOSE[c], ahead) > 0:
            end = closed_at(s, i, _TITLE_CLOSE[c], ahead)
            title, mention = s[i:end], "@" + s[i:end]
            line, col = _position(owner.offsets, i)
            raise ArgmapError(Diagnostic(Location(file, line, col), f"{title} inside a text: a title or reference may only begin a statement or argument (to name it here, mention it: {mention}; or escape the bracket: \\{c})"))
        if c == "@":
            m = _mention_at(s, i, ahead)
            if m:
                owner.mentions.append(m.group(1)[1:-1])
                pieces.append(m.group(0))
                i = m.end()
                continue
        if c in "*_":
            j = i
            while j < n and j - i < 3 and s[j] == c:
                j += 1
            pieces.append((s[i:j], i))
            i = j
            continue
        if c in ".:":
            m = SHORTCODE.match(s, i)
            if m:  # one token, as in Argdown: replaced when it is a known shortcode, else kept
                pieces.append(SPECIAL_CHARS.get(m.group(0), m.group(0)))
                i = m.end()
                continue
        plain = _PLAIN.match(s, i + 1)  # up to the next character that may start something
        j = plain.end() if plain else i + 1
        if reference and s[i:j].strip():
            _text_after_reference(owner, file, i + len(s[i:j]) - len(s[i:j].lstrip()))
        pieces.append(s[i:j])
        i = j
    text, unclosed = _resolve_markers(pieces, s)
    owner.text = collapse(text)
    if notes is not None:
        for pos in unclosed:
            marker = pieces[pos][0]
            line, col = _position(owner.offsets, pieces[pos][1])
            kind = "bold" if len(marker) == 2 else "italic"
            notes.append(Diagnostic(Location(file, line, col), f"{marker} opens {kind} text that is never closed: kept as text (the Argdown CLI refuses the file here; escape it as \\{marker[0]})"))


def _text_after_reference(owner: Any, file: str, index: int) -> None:
    line, col = _position(owner.offsets, index)
    brackets = "<>" if owner.is_argument else "[]"
    title = brackets[0] + owner.title + brackets[1]
    raise ArgmapError(Diagnostic(Location(file, line, col), f"text after the reference {title}: a reference takes only #tags and {{data}} (to give it a text, write {title}: text; to begin another element, leave an empty line before it)"))


def _mention_at(s: str, i: int, ahead: Ahead) -> Optional[re.Match]:
    """``_MENTION.match(s, i)``, tried only when its closing ``]`` or ``>`` is on the line."""
    close = {"[": "]", "<": ">"}.get(s[i + 1 : i + 2])
    if close is None or ahead.find(close, i + 3) >= ahead.find("\n", i + 1):
        return None
    return _MENTION.match(s, i)


def _resolve_markers(pieces: list, source: str) -> str:
    """Drop matched bold/italic markers; unmatched ones stay as literal text.

    A run of up to three ``*`` or ``_`` first closes what is open (``*`` then ``**`` for
    ``***``), then opens with what is left, as Argdown's lexer does.

    Returns the text and the indexes of the pieces that open a range never closed.

    >>> _resolve_markers([("***", 0), "A", ("***", 4), " and ", ("__", 12), "*b*", ("__", 17)], "***A*** and __*b*__")
    ('A and *b*', [])
    """
    stack: list[tuple[int, int]] = []  # (piece index, size) of open markers
    used = [0] * len(pieces)  # marker characters of each run that matched
    for k, p in enumerate(pieces):
        if isinstance(p, str):
            continue
        run, pos = p
        before = source[pos - 1] if pos > 0 else " "
        after = source[pos + len(run)] if pos + len(run) < len(source) else "\n"
        left = len(run)
        if not before.isspace() and after in _END_FOLLOW:
            while left and stack and pieces[stack[-1][0]][0][0] == run[0] and stack[-1][1] <= left:
                opener, size = stack.pop()
                used[opener] += size
                used[k] += size
                left -= size
        if left and not after.isspace():
            for size in ((2, 1) if left == 3 else (left,)):
                stack.append((k, size))
    text = "".join(p if isinstance(p, str) else p[0][: len(p[0]) - used[k]] for k, p in enumerate(pieces))
    return text, list(dict.fromkeys(k for k, _ in stack))


_PLAIN = re.compile(r"[^\\{\[<@#*_\n.:]+")
_MAY_START = re.compile(r"[\\{\[<@#*_\n]")
"""What may begin something other than plain text (a shortcode is found by :func:`special`)."""


def parse_inference(inf: Inference, file: str) -> None:
    """Split ``rule, rule {data}`` of an inference (in place)."""
    s = _settle(inf)
    rules_text = []
    brace_ends: dict[int, int] = {}  # brace position -> end of its {data} block (or -1)
    i = 0
    while i < len(s):
        if s[i] == "{":
            end = data_end(s, i, brace_ends)
            if end > 0:
                data = _load_data(s[i:end], file, _position(inf.offsets, i))
                inf.data = {**(inf.data or {}), **data}
                i = end
                continue
        rules_text.append(s[i])
        i += 1
    text = "".join(rules_text)
    inf.rules = [special(collapse(r)) for r in text.split(",") if r.strip()]


def _walk_contents(blocks: list, file: str, remove_tags: bool, notes: list) -> None:
    stack: list = list(blocks)
    while stack:
        node = stack.pop()
        if isinstance(node, Element):
            parse_content(node, file, remove_tags, notes=notes)
            stack.extend(r.child for r in node.relations)
        elif isinstance(node, Heading):
            parse_content(node, file, remove_tags, head=False, notes=notes)
        elif isinstance(node, Pcs):
            for item in node.items:
                if isinstance(item, PcsStatement):
                    stack.append(item.element)
                else:
                    parse_inference(item, file)
                    stack.extend(r.child for r in item.relations)
        elif isinstance(node, ListBlock):
            stack.extend(node.items)


def parse(text: str, file: str = "<argdown>", max_depth: int = 200) -> Document:
    """Parse Argdown text into a :class:`Document`; raise located :class:`ArgmapError`."""
    import yaml

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, notes = _blank_includes(text, file)
    clean = blank_comments(text)
    try:
        tokens, front = lex(clean, frozenset(comment_lines(text, clean)))
    except ArgmapError as exc:
        raise ArgmapError([Diagnostic(Location(file, d.location.line, d.location.column), d.message) for d in exc.diagnostics]) from None
    front_matter: dict = {}
    front_line = 0
    if front is not None:
        front_line = front[0]
        from argmap.limits import safe_load

        try:
            loaded = safe_load(front[1], file)
        except ArgmapError as exc:
            raise ArgmapError(Diagnostic(Location(file, front[0], 1), f"front matter: {exc.diagnostics[0].message}")) from None
        except yaml.YAMLError as exc:
            from argmap.util.yamlerrors import place

            inner, col, problem = place(exc, front[1])
            raise ArgmapError(Diagnostic(Location(file, front[0] + inner, col), f"invalid YAML front matter: {problem}")) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ArgmapError(Diagnostic(Location(file, front[0], 1), "front matter must be a YAML mapping"))
        front_matter = loaded or {}
    parser = Parser(tokens, file, max_depth)
    blocks = parser.document()
    model = front_matter.get("model") if isinstance(front_matter.get("model"), dict) else {}
    _walk_contents(blocks, file, bool(model.get("removeTagsFromText")), notes)
    return Document(front_matter, blocks, front_line, notes)


_INCLUDE = re.compile(r"@include\(([^)]+)\)")
"""The Argdown CLI's include directive, found as the CLI finds it: anywhere in the raw text."""


def _blank_includes(text: str, file: str) -> tuple[str, list]:
    """``@include(file, ...)`` directives blanked out, each with a note: the Argdown CLI
    pastes those files in, argmap reads the one file it is given."""
    if "@include(" not in text:
        return text, []
    notes = []
    line, counted = 1, 0  # lines counted up to offset `counted`: one pass however many there are
    for m in _INCLUDE.finditer(text):
        line += text.count("\n", counted, m.start())
        counted = m.start()
        column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        shown = " ".join(m.group(0).split())
        notes.append(Diagnostic(Location(file, line, column), f"not imported: {shown} (argmap reads only the file it is given; import the included files separately)"))
    return _INCLUDE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text), notes
