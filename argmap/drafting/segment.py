"""Cut an article into the units a draft map makes claims of.

Lines are sorted first: page furniture (the lexicon's patterns, bylines, the
author's closing biography), headings (short lines without closing
punctuation; ``#`` lines in Markdown) and the title (the first heading).
The rest is split into sentences by the same splitter ``argmap coverage``
uses, and a sentence is cut again where a connective that may open a clause
follows a comma, semicolon, colon or dash (``…, because …``, ``…; however …``)
or where a sentence-opening subordinate clause ends (``Although …, …``).

>>> units = split_units("Prices rose sharply last year, because demand grew in every region. So we pay more.").units
>>> [(u.text, u.opener.connective.words if u.opener else None) for u in units]
[('Prices rose sharply last year,', None), ('because demand grew in every region.', 'because'), ('So we pay more.', 'so')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from argmap.drafting.lexicon import Lexicon, Marker, default_lexicon

__all__ = ["Unit", "Layout", "split_units", "MIN_CLAUSE_WORDS", "OPENER_WINDOW"]

MIN_CLAUSE_WORDS = 4
"""A sentence is cut at a connective only when both sides keep at least this many words."""

OPENER_WINDOW = 3
"""A connective within this many words of a unit's start opens the unit (``It is, however, …``)."""

_BARE_CUT = frozenset({"unless", "because", "although", "even if", "even though", "whereas"})
"""Subordinators that open a second clause even without a comma before them."""
_ADVERBS = frozenset({"therefore", "thus", "hence", "consequently", "accordingly"})
_HEADING_MAX_WORDS = 16
_CLOSERS = ".!?;:,\"”’'…)]"
_PUNCT_CUT = re.compile(r"(?<=\w)[:;]\s+(?=[a-z])|\s[–—]\s+(?=\w)")
"""A colon or semicolon before a lower-case clause, or a spaced dash: a second assertion begins."""
_CUT_BEFORE = re.compile(r"[,;:–—]\s+$|\s[-–—]\s+$")
_WORD = re.compile(r"[\w'’-]+")


@dataclass
class Unit:
    """One drafted claim's span of the raw text (white space trimmed)."""

    start: int
    end: int
    text: str
    sentence: int
    paragraph: int
    section: Optional[str] = None
    opener: Optional[Marker] = None
    """The connective that relates this unit to the one before it (offsets into the raw text)."""
    joins_next: Optional[Marker] = None
    """A sentence-opening subordinate clause's connective: it relates this unit to the next."""

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


@dataclass
class Layout:
    """What :func:`split_units` found: units, sections, the title and the lines left out."""

    units: list[Unit] = field(default_factory=list)
    title: Optional[tuple[int, int]] = None
    headings: list[tuple[int, str]] = field(default_factory=list)
    furniture: list[tuple[int, str]] = field(default_factory=list)
    """(line number, line) of every line left out: furniture and headings other than the title."""


def _is_heading(line: str, markdown: bool) -> Optional[str]:
    s = line.strip()
    if markdown:
        m = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", s)
        return m.group(1) if m else None
    words = _WORD.findall(s)
    if not words or len(words) > _HEADING_MAX_WORDS or s[-1] in _CLOSERS:
        return None
    if not (s[0].isupper() or s[0].isdigit()):
        return None
    return s


def _byline_author(line: str) -> Optional[str]:
    s = line.strip()
    m = re.match(r"^(?:by\s+)?([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s*(?:\||,|—|–|-)\s*\S", s)
    if m and ("|" in s or s.lower().startswith("by ")):
        return m.group(1)
    m = re.match(r"^by\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s*$", s, re.IGNORECASE)
    return m.group(1) if m else None


def _paragraphs(raw: str) -> list[list[tuple[int, int, str]]]:
    """Blocks of non-blank lines: (line number, start offset, line text)."""
    blocks: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    offset = 0
    for number, line in enumerate(raw.splitlines(keepends=True), start=1):
        body = line.rstrip("\r\n")
        if body.strip():
            current.append((number, offset, body))
        elif current:
            blocks.append(current)
            current = []
        offset += len(line)
    if current:
        blocks.append(current)
    return blocks


def split_units(raw: str, lexicon: Optional[Lexicon] = None, markdown: bool = False) -> Layout:
    """The units, title, headings and left-out lines of the article ``raw``."""
    from argmap.provenance.coverage import split_sentences

    lex = lexicon or default_lexicon()
    layout = Layout()
    blocks = _paragraphs(raw)
    author = None
    title_line: Optional[str] = None
    section: Optional[str] = None
    sections: dict[int, Optional[str]] = {}
    para_of: dict[int, int] = {}
    for b, block in enumerate(blocks):
        for number, start, body in block:
            text = body.strip()
            who = _byline_author(text) if author is None and layout.units == [] else None
            if lex.is_furniture(text) or who:
                author = author or who
                layout.furniture.append((number, text))
                continue
            if author and text.startswith(author + " ") and b >= len(blocks) - 2 and b > 0:
                layout.furniture.append((number, text))  # the author's closing biography
                continue
            heading = _is_heading(text, markdown) if len(block) == 1 else None
            if heading is not None:
                if layout.title is None and not layout.headings:
                    title_line = text
                    lead = len(body) - len(body.lstrip())
                    shift = body.find(heading)
                    layout.title = (start + (shift if shift >= 0 else lead), start + (shift if shift >= 0 else lead) + len(heading))
                else:
                    layout.furniture.append((number, text))
                layout.headings.append((number, heading))
                section = heading if layout.title is not None and len(layout.headings) > 1 else section
                continue
            sections[number] = section
            para_of[number] = b
    ignore = [re.compile("^" + re.escape(t) + "$") for _, t in layout.furniture]
    if title_line is not None:
        ignore.append(re.compile("^" + re.escape(title_line) + "$"))
    spans, _ = split_sentences(raw, ignore)
    line_starts = [0] + [i + 1 for i, ch in enumerate(raw) if ch == "\n"]
    import bisect

    for s, (a, b) in enumerate(spans):
        line = bisect.bisect_right(line_starts, a)
        for ua, ub, opener, joins in _clauses(raw, a, b, lex):
            text = raw[ua:ub]
            layout.units.append(Unit(ua, ub, text, s, para_of.get(line, 0), sections.get(line), opener, joins))
    return layout


def _clauses(raw: str, a: int, b: int, lex: Lexicon):
    """Cut the sentence ``raw[a:b]`` into clauses; yields (start, end, opener, joins_next)."""
    sentence = raw[a:b]
    markers = lex.connectives_in(sentence)
    cuts: list[tuple[int, Optional[Marker]]] = []
    for m in markers:
        if not m.connective.split or m.start == 0:
            continue
        if sentence[m.end : m.end + 1] == "," and not m.connective.subordinate:
            continue  # "…, however, …": a parenthetical adverb inside one clause
        if not _CUT_BEFORE.search(sentence[: m.start]) and not (m.connective.subordinate and m.connective.words in _BARE_CUT):
            continue
        if m.connective.cls == "addition" and _list_item(sentence[: m.start]):
            continue  # "Russia, Serbia, and Azerbaijan": a list, not a second clause
        right = MIN_CLAUSE_WORDS if not m.connective.subordinate else 2
        if len(_WORD.findall(sentence[: m.start])) >= MIN_CLAUSE_WORDS and len(_WORD.findall(sentence[m.end :])) >= right:
            cuts.append((m.start, m))
    for m in _PUNCT_CUT.finditer(sentence):
        at = m.end()
        if len(_WORD.findall(sentence[:at])) >= MIN_CLAUSE_WORDS and len(_WORD.findall(sentence[at:])) >= MIN_CLAUSE_WORDS:
            if not any(c[0] == at for c in cuts):
                cuts.append((at, None))
    cuts.sort(key=lambda c: c[0])
    head_end = cuts[0][0] if cuts else len(sentence)
    first = _opener(sentence[:head_end], [m for m in markers if m.end <= head_end])
    joins: Optional[Marker] = None
    if first is not None and first.start == 0 and first.connective.subordinate and not cuts:
        comma = _clause_end(sentence, first.end)
        if comma is not None:
            joins = first
            cuts.append((comma, None))
    bounds = [(0, first)] + cuts
    for i, (begin, opener) in enumerate(bounds):
        end = bounds[i + 1][0] if i + 1 < len(bounds) else len(sentence)
        text = sentence[begin:end]
        lead = len(text) - len(text.lstrip())
        trail = len(text) - len(text.rstrip())
        yield a + begin + lead, a + end - trail, _shift(opener, a), _shift(joins, a) if i == 0 else None


def _list_item(before: str) -> bool:
    """Whether the text before ``, and`` ends in a short list item (``…, Serbia,``)."""
    parts = before.rstrip().rstrip(",;").rsplit(",", 1)
    return len(parts) == 2 and len(_WORD.findall(parts[1])) <= 2


def _shift(m: Optional[Marker], by: int) -> Optional[Marker]:
    return Marker(m.connective, m.start + by, m.end + by) if m is not None else None


def _opener(text: str, markers: list[Marker]) -> Optional[Marker]:
    """The connective that opens ``text``: within the first words, or a result adverb anywhere early."""
    for m in markers:
        before = len(_WORD.findall(text[: m.start]))
        if before == 0 and m.connective.inferential or before == 0 and m.connective.cls in ("addition", "temporal", "similarity"):
            return m
        if before <= OPENER_WINDOW and m.connective.cls in ("conclusion", "contrast", "concession") and not m.connective.split:
            return m
        if m.connective.cls == "conclusion" and not m.connective.split or m.connective.words in _ADVERBS:
            return m  # "Higher fines are therefore the right measure": the adverb marks the whole clause
        if before <= OPENER_WINDOW and m.connective.words in ("however", "nevertheless", "also", "moreover", "furthermore"):
            return m
    return None


def _clause_end(sentence: str, after: int) -> Optional[int]:
    """Where a sentence-opening subordinate clause ends: its first comma with a full clause after it."""
    for m in re.finditer(r",\s+", sentence[after:]):
        at = after + m.start() + 1
        if len(_WORD.findall(sentence[after:at])) >= 2 and len(_WORD.findall(sentence[at:])) >= MIN_CLAUSE_WORDS:
            return at
    return None
