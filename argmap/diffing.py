"""What changed between two versions of a map, and what followed from it.

:func:`diff_maps` compares the elements of two maps by id: claims, evidence
and inferences added, removed and changed, with text changes word by word.
:func:`compare` adds the consequences: audit findings that appeared or were
fixed (keyed by ``(code, target)``) and evaluation status/label changes.

>>> from argmap.model import ArgumentMap
>>> old = ArgumentMap.model_validate({"argmap": 1, "claims": [
...     {"id": "a", "text": "Serbia signed a plan."}, {"id": "b", "text": "B."}]})
>>> new = ArgumentMap.model_validate({"argmap": 1, "claims": [
...     {"id": "a", "text": "Serbia signed a security plan."}, {"id": "c", "text": "C."}]})
>>> d = diff_maps(old, new)
>>> d.claims.added, d.claims.removed, [c.id for c in d.claims.changed]
(['c'], ['b'], ['a'])
>>> render_words(d.claims.changed[0].fields[0].words)
'Serbia signed a {+security+} plan.'
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from argmap.model import ArgumentMap

__all__ = [
    "SECTIONS",
    "FieldChange",
    "ElementChange",
    "SectionDiff",
    "FindingDelta",
    "ValueChange",
    "MapDiff",
    "word_diff",
    "render_words",
    "diff_maps",
    "diff_findings",
    "diff_evaluations",
    "run_audit",
    "run_evaluation",
    "compare",
]

SECTIONS = (("claims", "claim"), ("evidence", "evidence"), ("inferences", "inference"))
"""Element lists of a map and the name of one element of each."""

_MAP_FIELDS = ("title", "thesis", "source")


@dataclass
class FieldChange:
    """One field whose value differs; ``words`` is set for text on both sides."""

    field: str
    old: Any
    new: Any
    words: Optional[list[tuple[str, str]]] = None

    def to_dict(self) -> dict:
        out = {"field": self.field, "old": self.old, "new": self.new}
        if self.words is not None:
            out["words"] = [list(w) for w in self.words]
        return out


@dataclass
class ElementChange:
    """An element present in both maps whose fields differ."""

    id: str
    kind: str
    fields: list[FieldChange]

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "fields": [f.to_dict() for f in self.fields]}


@dataclass
class SectionDiff:
    """Added, removed and changed ids of one element list."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[ElementChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def to_dict(self) -> dict:
        return {"added": self.added, "removed": self.removed, "changed": [c.to_dict() for c in self.changed]}


@dataclass(frozen=True)
class FindingDelta:
    """An audit finding that appeared in the new map or was fixed since the old."""

    code: str
    target: Optional[str]
    severity: str
    message: str

    def to_dict(self) -> dict:
        return {"code": self.code, "target": self.target, "severity": self.severity, "message": self.message}


@dataclass(frozen=True)
class ValueChange:
    """An evaluation value of one claim before and after (None: claim absent)."""

    id: str
    old: Optional[str]
    new: Optional[str]

    def to_dict(self) -> dict:
        return {"id": self.id, "old": self.old, "new": self.new}


@dataclass
class MapDiff:
    """Every difference between two maps, and its consequences when computed."""

    claims: SectionDiff = field(default_factory=SectionDiff)
    evidence: SectionDiff = field(default_factory=SectionDiff)
    inferences: SectionDiff = field(default_factory=SectionDiff)
    map_fields: list[FieldChange] = field(default_factory=list)
    findings_appeared: list[FindingDelta] = field(default_factory=list)
    findings_fixed: list[FindingDelta] = field(default_factory=list)
    status_changes: list[ValueChange] = field(default_factory=list)
    label_changes: list[ValueChange] = field(default_factory=list)
    audited: bool = False
    evaluated: bool = False

    def section(self, name: str) -> SectionDiff:
        return getattr(self, name)

    def is_empty(self) -> bool:
        """True when the maps have the same content (consequences follow from content)."""
        return not (self.claims or self.evidence or self.inferences or self.map_fields)

    def changes(self) -> dict[str, str]:
        """``id → "added" | "changed"`` for elements of the new map (others are unchanged),
        the form ``argmap render --diff`` colours by."""
        out: dict[str, str] = {}
        for name, _ in SECTIONS:
            sec = self.section(name)
            out.update({i: "added" for i in sec.added})
            out.update({c.id: "changed" for c in sec.changed})
        return out

    def to_dict(self) -> dict:
        out: dict[str, Any] = {name: self.section(name).to_dict() for name, _ in SECTIONS}
        out["map"] = [f.to_dict() for f in self.map_fields]
        if self.audited:
            out["findings"] = {
                "appeared": [f.to_dict() for f in self.findings_appeared],
                "fixed": [f.to_dict() for f in self.findings_fixed],
            }
        if self.evaluated:
            out["status"] = [c.to_dict() for c in self.status_changes]
            out["label"] = [c.to_dict() for c in self.label_changes]
        return out


_WORD = re.compile(r"\S+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level edit of ``old`` into ``new``: ``(op, words)`` with op equal/delete/insert.

    >>> word_diff("a b c", "a x c")
    [('equal', 'a'), ('delete', 'b'), ('insert', 'x'), ('equal', 'c')]
    """
    a, b = _WORD.findall(old), _WORD.findall(new)
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag in ("equal", "delete", "replace") and i1 < i2:
            ops.append(("equal" if tag == "equal" else "delete", " ".join(a[i1:i2])))
        if tag in ("insert", "replace") and j1 < j2:
            ops.append(("insert", " ".join(b[j1:j2])))
    return ops


def render_words(words: list[tuple[str, str]]) -> str:
    """Words as plain text, ``[-deleted-]`` and ``{+inserted+}`` (wdiff style)."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return " ".join(marks[op].format(text) for op, text in words)


def _field_changes(old: dict, new: dict, prefix: str = "") -> list[FieldChange]:
    out = []
    for key in list(old) + [k for k in new if k not in old]:
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        name = f"{prefix}{key}"
        if isinstance(a, dict) and isinstance(b, dict):
            out.extend(_field_changes(a, b, prefix=f"{name}."))
            continue
        words = word_diff(a, b) if isinstance(a, str) and isinstance(b, str) else None
        out.append(FieldChange(name, a, b, words))
    return out


def _diff_section(old: list, new: list, kind: str) -> SectionDiff:
    before = {el.id: el for el in old}
    after = {el.id: el for el in new}
    diff = SectionDiff(
        added=[el.id for el in new if el.id not in before],
        removed=[el.id for el in old if el.id not in after],
    )
    for el in new:
        if el.id in before:
            fields = _field_changes(before[el.id].model_dump(mode="json"), el.model_dump(mode="json"))
            if fields:
                diff.changed.append(ElementChange(el.id, kind, fields))
    return diff


def diff_maps(old: ArgumentMap, new: ArgumentMap) -> MapDiff:
    """Elements added, removed and changed (by id), and changed map-level fields."""
    diff = MapDiff()
    for name, kind in SECTIONS:
        setattr(diff, name, _diff_section(getattr(old, name), getattr(new, name), kind))
    old_top = old.model_dump(mode="json", include=set(_MAP_FIELDS))
    new_top = new.model_dump(mode="json", include=set(_MAP_FIELDS))
    diff.map_fields = _field_changes(old_top, new_top)
    return diff


def diff_findings(old: list, new: list) -> tuple[list[FindingDelta], list[FindingDelta]]:
    """``(appeared, fixed)``: findings keyed by ``(code, target)`` present on one side only."""

    def keyed(findings: list) -> dict:
        out: dict = {}
        for f in findings:
            out.setdefault((f.code, f.target), FindingDelta(f.code, f.target, f.severity.value, f.message))
        return out

    a, b = keyed(old), keyed(new)
    appeared = [b[k] for k in b if k not in a]
    fixed = [a[k] for k in a if k not in b]
    return appeared, fixed


def diff_evaluations(old: Any, new: Any) -> tuple[list[ValueChange], list[ValueChange]]:
    """``(status_changes, label_changes)`` of claims in both evaluations (objects
    with ``.status`` and ``.label`` dicts by claim id)."""

    def changes(a: dict, b: dict) -> list[ValueChange]:
        # Claims added or removed are listed as such; only claims in both maps can change.
        return [ValueChange(i, _plain(a[i]), _plain(b[i])) for i in b if i in a and _plain(a[i]) != _plain(b[i])]

    return changes(dict(old.status), dict(new.status)), changes(dict(old.label), dict(new.label))


def _plain(value: Any) -> Optional[str]:
    if value is None:
        return None
    return str(getattr(value, "value", value))


def run_audit(loaded: Any) -> list:
    """The audit's findings for a loaded map."""
    from argmap.audit import run

    return list(run(loaded))


def run_evaluation(m: ArgumentMap) -> Any:
    """The evaluation of a map (``.status``/``.label``)."""
    from argmap.evaluation.evaluate import evaluate

    return evaluate(m)


def compare(old_loaded: Any, new_loaded: Any, *, consequences: bool = True) -> MapDiff:
    """:func:`diff_maps` of two loaded maps plus finding deltas and evaluation changes."""
    diff = diff_maps(old_loaded.map, new_loaded.map)
    if not consequences:
        return diff
    diff.audited = diff.evaluated = True
    diff.findings_appeared, diff.findings_fixed = diff_findings(run_audit(old_loaded), run_audit(new_loaded))
    diff.status_changes, diff.label_changes = diff_evaluations(
        run_evaluation(old_loaded.map), run_evaluation(new_loaded.map)
    )
    return diff
