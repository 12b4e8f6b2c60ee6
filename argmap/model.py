"""The argument map: pydantic models, strict, with no I/O.

A map describes one source document and the argument in it: **claims**
anchored by verbatim quotes, **evidence** records for outside support, and
**inferences** linking premises to a conclusion.

>>> m = ArgumentMap.model_validate({
...     "argmap": 1, "title": "t", "thesis": "a",
...     "claims": [{"id": "a", "text": "A."}, {"id": "b", "text": "B."}],
...     "inferences": [{"id": "i", "premises": ["b"], "conclusion": "a"}],
... })
>>> m.claim("a").text
'A.'
>>> [i.id for i in m.inferences_into("a")]
['i']

Every element keeps where it came from (:meth:`ArgumentMap.location`); the
loader sets it, the model never reads a file.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Annotated, Literal, Optional

import calendar
import datetime
import re

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, StringConstraints, model_validator

from argmap.locations import Location, SourceMap

__all__ = [
    "FORMAT_VERSION",
    "Id",
    "ClaimKind",
    "EvidenceKind",
    "InferenceKind",
    "Qualifier",
    "AddedBy",
    "When",
    "parse_when",
    "Anchor",
    "Source",
    "Claim",
    "Evidence",
    "Inference",
    "ArgumentMap",
    "MapIndex",
    "Element",
]

FORMAT_VERSION = 1

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.:\-]*$", min_length=1, max_length=200),
]
"""An element id: letters, digits, ``_ . : -``; unique across the map."""

Text = Annotated[str, StringConstraints(min_length=1)]


class ClaimKind(str, enum.Enum):
    """What sort of assertion a claim is; decides what support it needs."""

    fact = "fact"
    interpretation = "interpretation"
    causal = "causal"
    prediction = "prediction"
    evaluation = "evaluation"


class EvidenceKind(str, enum.Enum):
    """What an evidence record points at."""

    document = "document"
    statement = "statement"
    data = "data"
    report = "report"
    media = "media"
    other = "other"


class InferenceKind(str, enum.Enum):
    """``support`` and ``attack`` target a claim; ``undercut`` targets an inference."""

    support = "support"
    attack = "attack"
    undercut = "undercut"


class Qualifier(str, enum.Enum):
    """The author's hedge, on an ordered scale (see :attr:`strength`).

    >>> Qualifier.may.strength < Qualifier.likely.strength < Qualifier.should.strength
    True
    """

    might = "might"
    may = "may"
    could = "could"
    can = "can"
    possibly = "possibly"
    arguably = "arguably"
    plausibly = "plausibly"
    likely = "likely"
    probably = "probably"
    should = "should"
    presumably = "presumably"
    certainly = "certainly"
    must = "must"

    @property
    def strength(self) -> int:
        """Rank on the scale: 1 (possibility) … 4 (should); an unhedged assertion is 5."""
        return _STRENGTH[self]


_STRENGTH = {
    Qualifier.might: 1,
    Qualifier.may: 1,
    Qualifier.could: 1,
    Qualifier.possibly: 1,
    Qualifier.can: 2,
    Qualifier.arguably: 2,
    Qualifier.plausibly: 2,
    Qualifier.likely: 3,
    Qualifier.probably: 3,
    Qualifier.should: 4,
    Qualifier.presumably: 4,
    Qualifier.certainly: 5,
    Qualifier.must: 5,
}

UNHEDGED_STRENGTH = 5


def strength(qualifier: Optional[Qualifier]) -> int:
    """Strength of a possibly missing qualifier; no hedge counts as a plain assertion.

    >>> strength(None), strength(Qualifier.could)
    (5, 1)
    """
    return UNHEDGED_STRENGTH if qualifier is None else qualifier.strength


class AddedBy(str, enum.Enum):
    """Who put an element in the map: the article's author, or the analyst.

    On evidence: who gives the record. On an inference: ``analyst`` says the
    step is the analyst's reconstruction (no marker in the text carries it).
    """

    author = "author"
    analyst = "analyst"


_WHEN_PART = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_WHEN_RE = re.compile(rf"^({_WHEN_PART})(?:/({_WHEN_PART}))?$")


def _day_span(text: str) -> tuple[datetime.date, datetime.date]:
    """First and last day of an ISO 8601 date given to year, month or day precision."""
    parts = [int(p) for p in text.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    month = parts[1]
    if len(parts) == 2:
        if not 1 <= month <= 12:
            raise ValueError(f"month {month:02d} out of range")
        return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
    day = datetime.date(year, month, parts[2])  # raises ValueError for 2023-02-30
    return day, day


def parse_when(text: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day a ``when`` value can mean.

    ISO 8601 as precise as the source is: a year, a month or a day, or an
    interval of two of them (``start/end``).

    >>> parse_when("2023-09")
    (datetime.date(2023, 9, 1), datetime.date(2023, 9, 30))
    >>> parse_when("1988-02/1994-05")[1]
    datetime.date(1994, 5, 31)
    >>> parse_when("2023-13")
    Traceback (most recent call last):
    ...
    ValueError: month 13 out of range
    """
    found = _WHEN_RE.match(text)
    if found is None:
        raise ValueError("use an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD, or an interval START/END")
    first = _day_span(found.group(1))
    last = _day_span(found.group(2)) if found.group(2) else first
    if last[1] < first[0]:
        raise ValueError("the interval ends before it starts")
    return first[0], last[1]


def _check_when(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"  # a bare year in YAML is a number
    elif isinstance(value, datetime.date):
        value = value.isoformat()
    if isinstance(value, str):
        parse_when(value)
    return value


When = Annotated[str, BeforeValidator(_check_when)]
"""When something happened: ISO 8601 to the precision the source gives (``2023``, ``2023-09``,
``2023-09-19``), or an interval ``START/END``."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, use_enum_values=False)


class Element(_Strict):
    """Base of everything that has an id and a place in the map file.

    Where an element came from is kept by its map (:meth:`ArgumentMap.location`),
    not on the element: a private attribute per element would double pydantic's
    per-element work on large maps.
    """

    id: Id
    ignore: list[str] = Field(
        default_factory=list,
        description="Audit rules not to report for this element: codes, families (ARG1) or names, as --ignore takes them.",
    )


class Anchor(_Strict):
    """Where a quote sits in the source text (W3C Web Annotation selectors).

    ``start``/``end`` are code-point offsets into the normalised source text
    (end exclusive); ``prefix``/``suffix`` are the text around the quote.
    """

    start: int = Field(ge=0, strict=True)
    end: int = Field(ge=0, strict=True)
    prefix: str = ""
    suffix: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> "Anchor":
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Source(_Strict):
    """The document being mapped."""

    title: Optional[str] = None
    author: Optional[str] = None
    publisher: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None
    accessed: Optional[str] = None
    text: Optional[str] = Field(
        default=None, description="Plain-text copy of the source, path relative to the map file."
    )
    sha256: Optional[str] = Field(
        default=None, description="sha256 of the normalised source text when the map was anchored."
    )
    ignore: list[str] = Field(
        default_factory=list,
        description="Regular expressions for lines of the source that are page furniture, not argument.",
    )


class Claim(Element):
    """One assertion of the source, as the analyst reads it."""

    text: Text = Field(description="The analyst's neutral paraphrase.")
    quote: Optional[str] = Field(default=None, description="Verbatim words from the source.")
    anchor: Optional[Anchor] = None
    kind: ClaimKind = ClaimKind.fact
    qualifier: Optional[Qualifier] = None
    assumption: bool = Field(default=False, description="Accepted without support on purpose.")
    evidence: list[Id] = Field(default_factory=list, description="Ids of evidence records.")
    section: Optional[str] = None
    tags: list[str] = Field(default_factory=list)
    common_knowledge: bool = Field(
        default=False,
        description="Background knowledge no reader would ask a source for: no uncited-fact note; evaluated like an assumption.",
    )
    when: Optional[When] = Field(default=None, description="When what it asserts happened (ISO 8601, as precise as the source).")
    note: Optional[str] = None
    draft: bool = Field(default=False, description="Written by 'argmap draft' and not yet reviewed: remove it once the analyst has checked the element.")


class Evidence(Element):
    """Where outside support comes from."""

    kind: EvidenceKind = EvidenceKind.document
    quote: Optional[str] = None
    anchor: Optional[Anchor] = None
    citation: Optional[str] = Field(default=None, description="Citation of the outside source; null = none given.")
    by: Optional[str] = Field(default=None, description="Who said or published it.")
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    archived_url: Optional[str] = None
    accessed: Optional[str] = None
    sha256: Optional[str] = None
    added_by: AddedBy = AddedBy.author
    added: Optional[str] = None
    when: Optional[When] = Field(default=None, description="When the statement was made or the record dates from (ISO 8601).")
    note: Optional[str] = None
    draft: bool = Field(default=False, description="Written by 'argmap draft' and not yet reviewed: remove it once the analyst has checked the element.")


class Inference(Element):
    """A step from premises to a conclusion.

    Premises are linked: they support (or attack) the conclusion jointly.
    ``conclusion`` is a claim id, or an inference id for an ``undercut``.
    """

    premises: list[Id] = Field(min_length=1)
    conclusion: Id
    kind: InferenceKind = InferenceKind.support
    warrant: Optional[str] = Field(default=None, description="What licenses the step; null = unstated.")
    qualifier: Optional[Qualifier] = None
    scheme: Optional[str] = Field(default=None, description="Argumentation scheme name, if any.")
    quote: Optional[str] = Field(default=None, description="The source's words that mark the step.")
    anchor: Optional[Anchor] = Field(default=None, description="Where the quote sits in the source (set by argmap anchor --fix).")
    added_by: AddedBy = Field(
        default=AddedBy.author,
        description="analyst: the step is the analyst's reconstruction, not marked by the author's words.",
    )
    note: Optional[str] = None
    draft: bool = Field(default=False, description="Written by 'argmap draft' and not yet reviewed: remove it once the analyst has checked the element.")


class ArgumentMap(_Strict):
    """One argument map: a source, its claims, evidence and inferences."""

    argmap: Literal[1] = Field(description="Format version.")
    title: Optional[str] = None
    source: Source = Field(default_factory=Source)
    thesis: Optional[Id] = None
    note: Optional[str] = Field(default=None, description="A note on the whole map, e.g. what an import from Argdown or AIF left out, and where.")
    claims: list[Claim] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    inferences: list[Inference] = Field(default_factory=list)

    _index: Optional["MapIndex"] = PrivateAttr(default=None)
    _sourcemap: Optional[SourceMap] = PrivateAttr(default=None)

    def set_sourcemap(self, sourcemap: Optional[SourceMap]) -> None:
        """Remember where the map's elements are in its file (the loader calls this)."""
        self._sourcemap = sourcemap

    def location(self, id: str) -> Optional[Location]:
        """Where the element ``id`` starts in the map's file, if the map was loaded from one.

        >>> m = ArgumentMap.model_validate({"argmap": 1, "claims": [{"id": "a", "text": "A."}]})
        >>> m.set_sourcemap(SourceMap("m.yaml", {("claims", 0): (3, 5)}))
        >>> str(m.location("a"))
        'm.yaml:3:5'
        """
        if self._sourcemap is None:
            return None
        place = self.index.places.get(id)
        return self._sourcemap.find(place) if place is not None else None

    @property
    def index(self) -> "MapIndex":
        """The map's ids and edges (:class:`MapIndex`), built once on first use."""
        if self._index is None:
            self._index = MapIndex.of(self)
        return self._index

    def reindex(self) -> None:
        """Forget the index after the map was changed in place."""
        self._index = None

    def claim(self, id: str) -> Optional[Claim]:
        return self.index.claims.get(id)

    def evidence_record(self, id: str) -> Optional[Evidence]:
        return self.index.evidence.get(id)

    def inference(self, id: str) -> Optional[Inference]:
        return self.index.inferences.get(id)

    def element(self, id: str) -> Optional[Element]:
        ix = self.index
        return ix.claims.get(id) or ix.evidence.get(id) or ix.inferences.get(id)

    def inferences_into(self, id: str) -> list[Inference]:
        """Inferences whose conclusion is ``id`` (a claim, or an inference for undercuts)."""
        return self.index.into.get(id, [])

    def inferences_from(self, id: str) -> list[Inference]:
        """Inferences that use ``id`` as a premise (once each, however often they name it)."""
        return self.index.out_of.get(id, [])


@dataclass(frozen=True)
class MapIndex:
    """The ids and edges of one map: the one index that the model's lookups, the audit
    (:class:`argmap.audit.AuditContext`), the graph queries (:class:`argmap.graph.ArgumentGraph`)
    and evaluation (:class:`argmap.evaluation.structure.Structure`) share. Built once per map
    (:attr:`ArgumentMap.index`) in one pass over its elements.

    ``places``: id → ``(section, position)``, the first of a duplicate id winning (claims before
    evidence before inferences); ``into``: conclusion id → the inferences into it, and per kind
    ``support``/``attack``/``undercut``; ``premises``: inference id → its distinct premise ids;
    ``out_of``: claim id → the inferences that use it as a premise.

    >>> m = ArgumentMap.model_validate({"argmap": 1,
    ...     "claims": [{"id": "a", "text": "A."}, {"id": "b", "text": "B."}],
    ...     "inferences": [{"id": "i", "premises": ["b", "b"], "conclusion": "a"},
    ...                    {"id": "u", "premises": ["a"], "conclusion": "i", "kind": "undercut"}]})
    >>> ix = m.index
    >>> ix.places["i"], ix.premises["i"], [s.id for s in ix.out_of["b"]], [u.id for u in ix.undercut["i"]]
    (('inferences', 0), ('b',), ['i'], ['u'])
    """

    claims: dict[str, Claim]
    evidence: dict[str, Evidence]
    inferences: dict[str, Inference]
    places: dict[str, tuple[str, int]]
    into: dict[str, list[Inference]]
    support: dict[str, list[Inference]]
    attack: dict[str, list[Inference]]
    undercut: dict[str, list[Inference]]
    premises: dict[str, tuple[str, ...]]
    out_of: dict[str, list[Inference]]

    @classmethod
    def of(cls, m: ArgumentMap) -> "MapIndex":
        """Build the index of ``m``."""
        claims: dict[str, Claim] = {}
        evidence: dict[str, Evidence] = {}
        inferences: dict[str, Inference] = {}
        places: dict[str, tuple[str, int]] = {}
        for section, table in (("claims", claims), ("evidence", evidence), ("inferences", inferences)):
            for k, el in enumerate(getattr(m, section)):
                table.setdefault(el.id, el)
                places.setdefault(el.id, (section, k))
        into: dict[str, list[Inference]] = {}
        by_kind: dict[InferenceKind, dict[str, list[Inference]]] = {kind: {} for kind in InferenceKind}
        premises: dict[str, tuple[str, ...]] = {}
        out_of: dict[str, list[Inference]] = {}
        for inf in m.inferences:
            into.setdefault(inf.conclusion, []).append(inf)
            by_kind[inf.kind].setdefault(inf.conclusion, []).append(inf)
            distinct = tuple(dict.fromkeys(inf.premises)) if len(inf.premises) > 1 else tuple(inf.premises)
            premises.setdefault(inf.id, distinct)
            for p in distinct:
                out_of.setdefault(p, []).append(inf)
        return cls(claims, evidence, inferences, places, into, by_kind[InferenceKind.support],
                   by_kind[InferenceKind.attack], by_kind[InferenceKind.undercut], premises, out_of)
