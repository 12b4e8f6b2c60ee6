"""Argdown's own model, built from the syntax tree as the reference implementation does.

**Equivalence classes** of statements by title, **arguments** with their
premise–conclusion structures, and **relations** (support, attack, undercut,
contradictory; in ``model.mode: strict`` statement-to-statement relations are
entails and contrary). Untitled statements and arguments are numbered
``Untitled 1, 2, ...`` in document order as Argdown 1.7.5 does, so titles
agree with Argdown's JSON export. Outgoing relations of a reconstructed
argument become relations of its main conclusion; an undercut of a
reconstructed argument targets its last inference. A premise–conclusion
structure belongs to the argument written just above it (an empty line
between is fine), else to a new untitled argument.

>>> m = build("<A>\\n\\n(1) p\\n----\\n(2) q\\n  -> [r]\\n")
>>> [(e.title, e.role) for e in m.arguments["A"].pcs]
[('Untitled 1', 'premise'), ('Untitled 2', 'main-conclusion')]
>>> [(r.type, r.source, r.target) for r in m.relations]
[('attack', ('statement', 'Untitled 2'), ('statement', 'r'))]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.locations import Location
from argmap.readers.argdown import syntax as syn
from argmap.readers.argdown.text import PARENT_IS_SOURCE, RELATION_TYPE

__all__ = ["Member", "Statement", "PcsEntry", "InferenceStep", "Argument", "Relation", "ArgdownModel", "build"]



@dataclass
class Member:
    text: Optional[str]
    is_reference: bool
    line: int
    column: int
    section: Optional[str]


@dataclass
class Statement:
    """An equivalence class: all statements with one title."""

    title: str
    members: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    data: dict = field(default_factory=dict)
    section: Optional[str] = None
    untitled: bool = False  # the title is a generated "Untitled N"


@dataclass
class PcsEntry:
    title: str  # statement title
    role: str  # premise | intermediary-conclusion | main-conclusion
    number: int
    inference: Optional[int] = None  # ordinal of the inference before a conclusion


@dataclass
class InferenceStep:
    ordinal: int
    rules: list
    data: dict
    line: int
    column: int


@dataclass
class Argument:
    title: str
    members: list = field(default_factory=list)
    pcs: list = field(default_factory=list)
    inferences: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    data: dict = field(default_factory=dict)
    section: Optional[str] = None
    line: int = 0
    column: int = 0

    @property
    def reconstructed(self) -> bool:
        return bool(self.pcs)


@dataclass
class Relation:
    """``source`` and ``target`` are ``(kind, key)``: kind statement|argument|inference;
    an inference's key is ``(argument title, ordinal)``."""

    type: str
    source: tuple
    target: tuple
    line: int
    column: int


@dataclass
class ArgdownModel:
    statements: dict
    arguments: dict
    relations: list
    front_matter: dict
    sections: list
    notes: list = field(default_factory=list)
    """Located :class:`~argmap.diagnostics.Diagnostic` s: what was left out, and why."""


class _Builder:
    def __init__(self, doc: syn.Document, file: str):
        self.doc = doc
        self.file = file
        self.statements: dict[str, Statement] = {}
        self.arguments: dict[str, Argument] = {}
        self.relations: list[Relation] = []
        self._seen: dict = {}
        self.counter = 0
        self.section_stack: list[tuple[int, str]] = []
        self.sections: list[str] = []
        self.pcs_argument: Optional[str] = None
        self.pcs_inference: Optional[int] = None
        self.notes: list[Diagnostic] = list(doc.notes)

    def note(self, line: int, column: int, message: str) -> None:
        self.notes.append(Diagnostic(Location(self.file, line, column), message))

    # --------------------------------------------------------------- helpers
    def untitled(self) -> str:
        self.counter += 1
        return f"Untitled {self.counter}"

    @property
    def section(self) -> Optional[str]:
        return self.section_stack[-1][1] if self.section_stack else None

    def ec(self, title: str) -> Statement:
        st = self.statements.get(title)
        if st is None:
            st = self.statements[title] = Statement(title)
        return st

    def argument(self, title: str) -> Argument:
        arg = self.arguments.get(title)
        if arg is None:
            arg = self.arguments[title] = Argument(title)
        return arg

    def relate(self, rtype: str, source: tuple, target: tuple, line: int, column: int) -> None:
        key = (rtype, source, target)
        if key in self._seen:
            return
        if rtype == "contradictory" and (rtype, target, source) in self._seen:
            return
        rel = Relation(rtype, source, target, line, column)
        self._seen[key] = rel
        self.relations.append(rel)

    def error(self, line: int, column: int, message: str) -> ArgmapError:
        return ArgmapError(Diagnostic(Location(self.file, line, column), message))

    # ----------------------------------------------------------------- walk
    def run(self) -> ArgdownModel:
        blocks = self.doc.blocks
        for index, block in enumerate(blocks):
            if isinstance(block, syn.Heading):
                while self.section_stack and self.section_stack[-1][0] >= block.level:
                    self.section_stack.pop()
                self.section_stack.append((block.level, block.text))
                self.sections.append(block.text)
            elif isinstance(block, syn.Element):
                self.element(block)
            elif isinstance(block, syn.ListBlock):
                for item in block.items:
                    self.element(item)
            elif isinstance(block, syn.Pcs):
                before = blocks[index - 1] if index > 0 else None
                owner = before.title if isinstance(before, syn.Element) and before.is_argument else None
                self.pcs(block, owner)
        self.transform()
        return ArgdownModel(self.statements, self.arguments, self.relations, self.doc.front_matter, self.sections, self.notes)

    def element(self, el: syn.Element) -> tuple:
        if el.is_argument:
            title = el.title or self.untitled()
            if el.relations:
                self.argument(title)
                for rel in el.relations:
                    self.relation(("argument", title), rel)
            arg = self.argument(title)
            arg.members.append(Member(el.text if el.kind == "definition" else "", el.kind == "reference", el.line, el.column, self.section))
            _union(arg.tags, el.tags)
            if el.data:
                arg.data.update(el.data)
            if arg.section is None and el.kind == "definition":
                arg.section = self.section
            if not arg.line or (el.kind == "definition" and not any(not m.is_reference for m in arg.members[:-1])):
                arg.line, arg.column = el.line, el.column
            return ("argument", title)
        untitled = not el.title
        if el.relations and not el.title:
            el.title = self.untitled()
        if el.relations:
            self.ec(el.title).untitled = untitled
            for rel in el.relations:
                self.relation(("statement", el.title), rel)
        if not el.title:
            el.title = self.untitled()
        st = self.ec(el.title)
        st.untitled = st.untitled or untitled
        is_ref = el.kind == "reference"
        # a reference's text is its tags, as Argdown has it; it never becomes the claim's text
        st.members.append(Member((el.text or None) if is_ref else el.text, is_ref, el.line, el.column, self.section))
        _union(st.tags, el.tags)
        if el.data:
            st.data.update(el.data)
        if st.section is None and not is_ref:
            st.section = self.section
        return ("statement", el.title)

    def relation(self, parent: tuple, rel: syn.Relation) -> None:
        if rel.op == "><" and rel.child.is_argument:
            raise self.error(rel.child.line, rel.child.column, "a contradiction (><) is a relation between statements: write a statement here, not an argument")
        child = self.element(rel.child)
        rtype = RELATION_TYPE[rel.op]
        if rel.op in PARENT_IS_SOURCE:
            source, target = parent, child
        else:
            source, target = child, parent
            if rel.op in ("<_", "_") and parent[0] == "statement" and self.pcs_argument and self.pcs_inference:
                target = ("inference", (self.pcs_argument, self.pcs_inference))
        self.relate(rtype, source, target, rel.line, rel.column)

    def pcs(self, block: syn.Pcs, owner: Optional[str]) -> None:
        title = owner or self.untitled()
        arg = self.argument(title)
        if self.section is not None:
            arg.section = self.section
        if not arg.line:
            arg.line, arg.column = block.line, block.column
        arg.pcs = []
        arg.inferences = []
        self.pcs_argument, self.pcs_inference = title, None
        previous_was_inference = False
        for item in block.items:
            if isinstance(item, syn.Inference):
                if previous_was_inference or not arg.pcs:
                    raise self.error(item.line, item.column, "an inference line must follow a premise (two inference lines in a row, or one at the start)")
                ordinal = len(arg.inferences) + 1
                arg.inferences.append(InferenceStep(ordinal, item.rules, item.data or {}, item.line, item.column))
                self.pcs_inference = ordinal
                for rel in item.relations:
                    self.relation(("inference", (title, ordinal)), rel)
                previous_was_inference = True
                continue
            if item.element.is_argument:
                raise self.error(item.line, item.column, "a numbered line must hold a statement, not an argument")
            ref = self.element(item.element)
            if previous_was_inference:
                arg.pcs.append(PcsEntry(ref[1], "intermediary-conclusion", item.number, len(arg.inferences)))
            else:
                arg.pcs.append(PcsEntry(ref[1], "premise", item.number))
            previous_was_inference = False
        if previous_was_inference or not arg.pcs or arg.pcs[-1].role != "intermediary-conclusion":
            raise self.error(block.line, block.column, f"argument reconstruction of <{title}> must end with an inference line (--) and a conclusion")
        arg.pcs[-1].role = "main-conclusion"
        self.pcs_argument, self.pcs_inference = None, None

    def transform(self) -> None:
        """Argdown's argument-relation transform, and strict mode."""
        out: list[Relation] = []
        seen: set = set()
        for rel in self.relations:
            src, dst = rel.source, rel.target
            if src[0] == "argument" and self.arguments[src[1]].reconstructed:
                src = ("statement", self.arguments[src[1]].pcs[-1].title)
            if dst[0] == "argument" and rel.type == "undercut" and self.arguments[dst[1]].reconstructed:
                arg = self.arguments[dst[1]]
                dst = ("inference", (arg.title, len(arg.inferences)))
            if src == dst and src != rel.source:
                # An argument related to its own main conclusion, as Argdown drops it: "[C] <+ <A>"
                # above a reconstruction of <A> that concludes [C] says what the reconstruction says.
                if rel.type not in ("support", "entails"):
                    self.note(rel.line, rel.column, f"not imported: {rel.type} of [{dst[1]}] by <{rel.source[1]}>, whose main conclusion it is (Argdown drops it too)")
                continue
            key = (rel.type, src, dst)
            if key in seen:
                continue
            seen.add(key)
            out.append(Relation(rel.type, src, dst, rel.line, rel.column))
        model = self.doc.front_matter.get("model")
        if isinstance(model, dict) and model.get("mode") == "strict":
            strict: list[Relation] = []
            contrary: set = set()
            for rel in out:
                if rel.source[0] == "statement" and rel.target[0] == "statement":
                    if rel.type == "support":
                        rel.type = "entails"
                    elif rel.type == "attack":
                        pair = frozenset((rel.source, rel.target))
                        if pair in contrary:
                            continue
                        contrary.add(pair)
                        rel.type = "contrary"
                strict.append(rel)
            out = strict
        self.relations = out


def _union(into: list, new: list) -> None:
    for t in new:
        if t not in into:
            into.append(t)


def build(text: str, file: str = "<argdown>", max_depth: int = 200) -> ArgdownModel:
    """Parse Argdown text into Argdown's model (statements, arguments, relations)."""
    doc = syn.parse(text, file, max_depth)
    return _Builder(doc, file).run()
