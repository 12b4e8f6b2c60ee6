"""Propose inferences between drafted units from the author's connectives.

Each unit is related to the one before it by the connective that opens it
(see :mod:`argmap.drafting.segment`), by the class the lexicon gives it:

* ``premise`` / ``example`` (because, since, for example): the unit supports the one before;
* ``conclusion`` (therefore, so): the unit before (the head of its chain) supports this one;
* ``contrast`` (however, but): the unit attacks the one before;
* ``concession`` (admittedly, of course): the unit attacks the thesis candidate;
* ``addition`` (moreover, and): the unit makes the same step as the one before;
* a sentence-opening subordinate clause (``Because A, B``; ``Although A, B``)
  supports or attacks the clause it opens.

A unit with no such link, or a ``temporal``/``similarity`` one, is attached to
the thesis candidate as a support, with no marker: the analyst's first guess,
said so in the step's note. Arrows always run from premise to conclusion.

>>> from argmap.drafting.segment import split_units
>>> units = split_units("We should act now. Prices rose sharply last year, because demand grew in every region.").units
>>> [(l.premise, l.target, l.kind, l.marker.connective.words if l.marker else None) for l in propose(units, 0)]
[(1, 0, 'support', None), (2, 1, 'support', 'because')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from argmap.drafting.lexicon import Marker
from argmap.drafting.segment import Unit

__all__ = ["Link", "propose", "thesis_candidate"]


@dataclass
class Link:
    """A proposed step: unit ``premise`` supports or attacks unit ``target``; an ``undercut``
    targets the step that leads out of unit ``target``."""

    premise: int
    target: int
    kind: str
    marker: Optional[Marker]
    reason: str


def _opens_sentence(units: list[Unit], i: int) -> bool:
    return i == 0 or units[i - 1].sentence != units[i].sentence or units[i - 1].joins_next is not None


def thesis_candidate(units: list[Unit], lexicon) -> Optional[int]:
    """The unit most like a thesis: a main clause the author concludes (``therefore``,
    ``that's why``), else the first main clause that recommends or judges (an
    ``evaluation`` cue), else the first unit."""
    if not units:
        return None
    main = [i for i in range(len(units)) if _opens_sentence(units, i) or units[i].opener is None]
    concluded = [
        i for i in main
        if units[i].opener is not None and units[i].opener.connective.cls == "conclusion" and units[i].joins_next is None
        and not (units[i].opener.connective.split and units[i].opener.start > units[i].start and not _opens_sentence(units, i))
    ]
    judged = [i for i in concluded if lexicon.kind_of(units[i].text) == "evaluation"]
    if judged or concluded:
        return (judged or concluded)[-1]
    plain = [i for i in main if units[i].joins_next is None and not (units[i].opener and units[i].opener.connective.cls in _NOT_THESIS)]
    for i in plain:
        if lexicon.kind_of(units[i].text) == "evaluation":
            return i
    for i in main:  # "Nevertheless, everybody should contribute …": the author's answer to a concession
        u = units[i]
        if u.joins_next is None and u.opener and u.opener.connective.cls == "contrast" and lexicon.kind_of(u.text) == "evaluation":
            return i
    return plain[0] if plain else 0


_NOT_THESIS = frozenset({"premise", "concession", "contrast", "example"})


def _head(links: dict[int, Link], i: int, paragraph: int, units: list[Unit]) -> int:
    """Follow support links from ``i`` to the unit its chain argues for, within one paragraph."""
    seen = {i}
    while i in links and links[i].kind == "support" and units[links[i].target].paragraph == paragraph:
        nxt = links[i].target
        if nxt in seen or nxt > i:
            break
        seen.add(nxt)
        i = nxt
    return i


def _lead(units: list[Unit], i: int) -> Optional[int]:
    """The first unit of ``i``'s paragraph, when that is not ``i`` itself."""
    j = i
    while j > 0 and units[j - 1].paragraph == units[i].paragraph:
        j -= 1
    return j if j != i else None


def propose(units: list[Unit], thesis: Optional[int]) -> list[Link]:
    """The candidate steps for ``units``, with ``thesis`` the index of the thesis candidate."""
    out: dict[int, Link] = {}
    parallel: set[int] = set()
    for i, u in enumerate(units):
        prev = i - 1 if i > 0 else None
        if prev is not None and units[prev].joins_next is not None and prev not in out:
            m = units[prev].joins_next
            kind = "support" if m.connective.supporting else "attack"
            out[prev] = Link(prev, i, kind, m, f"'{m.connective.words}' opens a clause that {'gives a reason for' if kind == 'support' else 'concedes a point against'} the rest of the sentence")
        op = u.opener
        if op is None or u.joins_next is not None:
            continue
        cls, words = op.connective.cls, op.connective.words
        if cls in ("premise", "example") and prev is not None and i != thesis:
            out[i] = Link(i, prev, "support", op, f"'{words}' introduces {'a reason' if cls == 'premise' else 'an example'} for the unit before")
        elif cls == "conclusion" and prev is not None:
            head = _head(out, prev, units[prev].paragraph, units)
            src = head if head not in out else (prev if prev not in out else None)
            if src is not None:
                out[src] = Link(src, i, "support", op, f"'{words}' draws this unit as a conclusion from the one before")
        elif cls == "contrast" and prev is not None and i != thesis:
            if prev not in out and prev != thesis and thesis is not None:
                out[prev] = Link(prev, thesis, "attack", None, f"the next unit answers it with '{words}': read as a point conceded against the thesis candidate")
            if prev in out and out[prev].kind == "attack":
                out[i] = Link(i, prev, "undercut", op, f"'{words}' answers the objection before: it denies that the objection tells against its target")
            else:
                out[i] = Link(i, prev, "attack", op, f"'{words}' sets this unit against the one before")
        elif cls == "concession" and thesis is not None and i != thesis:
            out[i] = Link(i, thesis, "attack", op, f"'{words}' concedes a point against the thesis candidate")
        elif cls == "addition" and prev is not None and not _opens_sentence(units, i):
            parallel.add(i)  # "…, and …": the second clause makes the first one's step
    links: list[Link] = []
    for i in range(len(units)):
        if i == thesis:
            if i in out:
                links.append(out[i])
            continue
        if i not in out and i in parallel and (i - 1) in out:
            before = out[i - 1]
            out[i] = Link(i, before.target, before.kind, units[i].opener, f"'{units[i].opener.connective.words}' adds a point beside the unit before, making the same step")  # type: ignore[union-attr]
        if i not in out and thesis is not None:
            lead = _lead(units, i)
            if lead is None or units[thesis].paragraph == units[i].paragraph:
                out[i] = Link(i, thesis, "support", None, "no connective relates this unit to another: attached to the thesis candidate as a first guess")
            else:
                out[i] = Link(i, lead, "support", None, "no connective relates this unit to another: attached to its paragraph's first unit as a first guess")
        if i in out:
            links.append(out[i])
    return links
