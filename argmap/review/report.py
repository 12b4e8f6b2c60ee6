"""The review report as data: audit, evaluation and every review merged per element.

``file → load → model → audit/evaluate → report``: :func:`gather` loads the
map and the reviews and runs the audit and the evaluation; :func:`build`
(no I/O) merges them into a :class:`ReviewReport` that the Markdown and HTML
writers only format.

An entry is **stale** when its review was written against another version of
the map (``map_sha256`` differs from the map's bytes now) or its target is no
longer in the map; stale entries stay in the report, marked with the reason.
Two reviewers **disagree** on a target when they give it different verdicts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from argmap.diagnostics import ArgmapError, Finding
from argmap.locations import Location
from argmap.review.files import (
    EntryStatus,
    LoadedReview,
    ReviewEntry,
    ReviewSeverity,
    Verdict,
    check_targets,
    load_review,
    sha256_file,
    target_kind,
)

__all__ = ["EntryView", "ReviewInfo", "ElementView", "Disagreement", "ReviewReport", "build", "gather"]


@dataclass
class ReviewInfo:
    """One review file as the report lists it."""

    file: str
    reviewer: str
    date: str
    entries: int
    map_changed: bool
    reviewed_sha256: str
    names_map: str
    other_map: bool = False
    """True when the review names a different map file than the one reported on."""


@dataclass
class EntryView:
    """One review entry, with who wrote it and whether it is stale."""

    entry: ReviewEntry
    reviewer: str
    date: str
    location: Location
    kind: Optional[str]
    stale: list[str] = field(default_factory=list)

    @property
    def target(self) -> str:
        return self.entry.target

    def details(self) -> list[tuple[str, str, str]]:
        """The entry's optional parts that are present, as ``(kind, label, text)`` in report order."""
        en = self.entry
        parts = [
            ("meta", "Requested source", en.requested_source),
            ("meta", "Proposed text", en.proposed_text),
            ("response", "Author's response", en.response),
            ("stale", "Stale", "; ".join(self.stale)),
        ]
        return [(kind, label, text) for kind, label, text in parts if text]


@dataclass
class ElementView:
    """A claim, inference or evidence record with everything said about it."""

    kind: str
    id: str
    element: Any
    findings: list[Finding] = field(default_factory=list)
    entries: list[EntryView] = field(default_factory=list)
    status: Optional[str] = None
    label: Optional[str] = None
    thesis: bool = False

    @property
    def text(self) -> str:
        """A one-line description: a claim's text, an inference's step, an evidence citation."""
        el = self.element
        if self.kind == "claim":
            return el.text
        if self.kind == "inference":
            hedge = f" ({el.qualifier.value})" if el.qualifier else ""
            return f"{el.kind.value}: {', '.join(el.premises)} → {el.conclusion}{hedge}"
        return el.title or el.citation or el.quote or el.id


@dataclass
class Disagreement:
    """Reviewers who gave one target different verdicts."""

    target: str
    entries: list[EntryView]


@dataclass
class ReviewReport:
    """Everything a review report shows, in display order."""

    map_file: str
    title: Optional[str]
    map_sha256: str
    reviews: list[ReviewInfo]
    elements: list[ElementView]
    entries: list[EntryView]
    map_findings: list[Finding]
    findings: Optional[list[Finding]]
    evaluated: bool
    loaded: Any = None
    evaluation: Any = None
    color_by: str = "findings"
    """How the HTML report's map fills claims: findings | status | label (see ``argmap render``)."""

    def element(self, ident: str) -> Optional[ElementView]:
        return next((e for e in self.elements if e.id == ident), None)

    @property
    def stale(self) -> list[EntryView]:
        return [e for e in self.entries if e.stale]

    @property
    def open_entries(self) -> list[EntryView]:
        return [e for e in self.entries if e.entry.status is EntryStatus.open]

    def verdict_counts(self) -> dict[str, int]:
        counts = Counter(e.entry.verdict.value for e in self.entries)
        return {v.value: counts.get(v.value, 0) for v in Verdict}

    def severity_counts(self) -> dict[str, int]:
        counts = Counter(e.entry.severity.value for e in self.entries)
        return {s.value: counts.get(s.value, 0) for s in ReviewSeverity}

    def status_counts(self) -> dict[str, int]:
        counts = Counter(e.entry.status.value for e in self.entries)
        return {s.value: counts.get(s.value, 0) for s in EntryStatus}

    def disagreements(self) -> list[Disagreement]:
        by_target: dict[str, list[EntryView]] = {}
        for e in self.entries:
            by_target.setdefault(e.target, []).append(e)
        out = []
        for target, views in by_target.items():
            if len({v.reviewer for v in views}) > 1 and len({v.entry.verdict for v in views}) > 1:
                out.append(Disagreement(target, views))
        return out


def build(
    loaded: Any,
    reviews: list[LoadedReview],
    map_sha256: str,
    findings: Optional[list[Finding]] = None,
    evaluation: Any = None,
) -> ReviewReport:
    """Merge a loaded map, its reviews, findings and evaluation into a report.

    Raises :class:`ArgmapError` for an entry whose target is not in the map
    when its review is of this very map version (a typo, not staleness).
    """
    m = loaded.map
    problems = [d for r in reviews for d in check_targets(r, m, map_sha256)]
    if problems:
        raise ArgmapError(problems)
    status = dict(getattr(evaluation, "status", {}) or {})
    label = dict(getattr(evaluation, "label", {}) or {})

    elements: dict[str, ElementView] = {}
    for kind, items in (("claim", m.claims), ("inference", m.inferences), ("evidence", m.evidence)):
        for el in items:
            elements[el.id] = ElementView(
                kind, el.id, el, status=_plain(status.get(el.id)), label=_plain(label.get(el.id)), thesis=el.id == m.thesis
            )
    map_findings = []
    for f in findings or []:
        if f.target in elements:
            elements[f.target].findings.append(f)
        else:
            map_findings.append(f)

    infos, entries = [], []
    for r in reviews:
        rev = r.review
        changed = rev.map_sha256 != map_sha256
        other = r.map_path() != Path(loaded.path).resolve()
        infos.append(ReviewInfo(r.file, rev.reviewer, rev.date, len(rev.entries), changed, rev.map_sha256, rev.map, other))
        for index, entry in enumerate(rev.entries):
            kind = target_kind(m, entry.target)
            stale = []
            if kind is None:
                stale.append("its target is no longer in the map")
            if changed:
                stale.append(f"the map changed since the review (reviewed {rev.map_sha256[:12]}, now {map_sha256[:12]})")
            view = EntryView(entry, rev.reviewer, rev.date, r.entry_location(index), kind, stale)
            entries.append(view)
            if kind is not None:
                elements[entry.target].entries.append(view)

    shown = list(elements.values())
    return ReviewReport(
        map_file=loaded.file,
        title=m.title,
        map_sha256=map_sha256,
        reviews=infos,
        elements=shown,
        entries=entries,
        map_findings=map_findings,
        findings=findings,
        evaluated=evaluation is not None,
        loaded=loaded,
        evaluation=evaluation,
    )


def _plain(value: Any) -> Optional[str]:
    return None if value is None else str(getattr(value, "value", value))


def gather(map_path: Path, review_paths: list[Path], allow_outside: bool = False, color_by: str = "findings") -> ReviewReport:
    """Load the map and reviews, run the audit and evaluation, and :func:`build` the report."""
    from argmap.diffing import run_audit, run_evaluation
    from argmap.loading import load

    loaded = load(map_path, allow_outside=allow_outside)
    reviews = [load_review(p) for p in review_paths]
    given = Path(map_path).resolve()
    for r in reviews:  # a review naming some map outside its folder: refused, as by `review check`
        if not allow_outside and r.map_path() != given:
            r.map_inside("pass --allow-outside to accept it, or give that map on the command line")
    findings = run_audit(loaded)
    evaluation = run_evaluation(loaded.map)
    report = build(loaded, reviews, sha256_file(map_path), findings, evaluation)
    report.color_by = color_by if evaluation is not None else "findings"
    return report
