"""Review files: a reviewer's verdicts on a map, kept apart from the map itself.

A review is a YAML file with its own format version key, ``argmap-review: 1``.
It names the map it reviews (``map``, a path relative to the review file, and
``map_sha256``, the sha256 of the map file's bytes when the review was
written), the ``reviewer``, a ``date`` and ``entries``. Each entry targets a
claim, evidence record or inference by id:

``verdict``
    ``accept`` | ``challenge`` | ``needs-evidence`` | ``reject``.
``severity``
    the reviewer's judgement of how much the point matters for the argument:
    ``minor`` | ``major`` | ``critical``. These words are kept apart on purpose
    from the audit's ``info``/``warning``/``error``, which grade machine
    findings, so a report never mixes the two scales.
``status``
    ``open`` (the default) | ``answered`` (the author wrote a ``response``) |
    ``resolved`` (the reviewer is satisfied).

>>> r = Review.model_validate({
...     "argmap-review": 1, "map": "m.yaml", "map_sha256": "0" * 64,
...     "reviewer": "R. Viewer", "date": "2026-11-27",
...     "entries": [{"target": "a", "verdict": "needs-evidence", "severity": "major",
...                  "comment": "Source?"}],
... })
>>> r.entries[0].verdict.value, r.entries[0].status.value
('needs-evidence', 'open')

The model does no I/O; :func:`load_review` reads a file with located errors.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.locations import SourceMap
from argmap.model import ArgumentMap, Id

__all__ = [
    "REVIEW_VERSION",
    "check_review",
    "VERSION_KEY",
    "Verdict",
    "ReviewSeverity",
    "EntryStatus",
    "ReviewEntry",
    "Review",
    "LoadedReview",
    "load_review",
    "validate_review",
    "sha256_file",
    "target_kind",
    "check_targets",
]

REVIEW_VERSION = 1
VERSION_KEY = "argmap-review"


class Verdict(str, enum.Enum):
    """What the reviewer says about one element."""

    accept = "accept"
    challenge = "challenge"
    needs_evidence = "needs-evidence"
    reject = "reject"


class ReviewSeverity(str, enum.Enum):
    """How much a reviewer's point matters: ``minor`` < ``major`` < ``critical``.

    >>> ReviewSeverity.minor.rank < ReviewSeverity.critical.rank
    True
    """

    minor = "minor"
    major = "major"
    critical = "critical"

    @property
    def rank(self) -> int:
        return {"minor": 0, "major": 1, "critical": 2}[self.value]


class EntryStatus(str, enum.Enum):
    """Where the conversation on one entry stands."""

    open = "open"
    answered = "answered"
    resolved = "resolved"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=False)


class ReviewEntry(_Strict):
    """One reviewer point on one element of the map."""

    target: Id = Field(description="Id of the claim, evidence record or inference reviewed.")
    verdict: Verdict
    severity: ReviewSeverity = ReviewSeverity.minor
    comment: str = Field(default="", description="The reviewer's reasoning.")
    requested_source: Optional[str] = Field(default=None, description="A source the reviewer asks the author to cite.")
    proposed_text: Optional[str] = Field(default=None, description="A rewording the reviewer proposes.")
    status: EntryStatus = EntryStatus.open
    response: Optional[str] = Field(default=None, description="The author's answer.")


class Review(_Strict):
    """A review file: who reviewed which map version, and the entries."""

    version: Literal[1] = Field(alias=VERSION_KEY, description="Review format version.")
    map: str = Field(description="Path of the reviewed map, relative to the review file.")
    map_sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the map file's bytes when reviewed.")
    reviewer: str = Field(min_length=1)
    date: str = Field(min_length=1, description="When the review was written (YYYY-MM-DD).")
    entries: list[ReviewEntry] = Field(default_factory=list)

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, value: Any) -> Any:
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()
        return value

    @field_validator("entries", mode="before")
    @classmethod
    def _no_entries_yet(cls, value: Any) -> Any:
        # A fresh skeleton has ``entries:`` with only commented-out entries below it.
        return [] if value is None else value


@dataclass
class LoadedReview:
    """A validated review file and where each of its parts sits."""

    path: Path
    review: Review
    sourcemap: SourceMap

    @property
    def file(self) -> str:
        return self.sourcemap.file

    def map_path(self) -> Path:
        """The map the review names, resolved against the review file's folder."""
        try:
            return (self.path.parent / self.review.map).resolve()
        except (OSError, ValueError, RuntimeError) as exc:  # NUL byte, name too long, symlink loop
            raise ArgmapError(Diagnostic(self.sourcemap.find(("map",)), f"the reviewed map path cannot be used: {exc}")) from None

    def map_inside(self, hint: str = "pass --allow-outside to read it") -> Path:
        """:meth:`map_path`, refused with a located error when it leads outside the review's folder.

        The no-surprise-reads rule: a review file alone never makes argmap look at
        files elsewhere; the user opts in (``--allow-outside``, or by naming the map).
        """
        target = self.map_path()
        if self.path.resolve().parent not in target.parents:
            raise ArgmapError(Diagnostic(
                self.sourcemap.find(("map",)), f"the reviewed map '{self.review.map}' is outside the review's folder; {hint}"
            ))
        return target

    def entry_location(self, index: int, key: Optional[str] = None):
        path = ("entries", index) + ((key,) if key else ())
        return self.sourcemap.find(path)


def sha256_file(path: Path | str, regular_only: bool = False) -> str:
    """sha256 of a file's bytes, as the review's ``map_sha256`` records it (read as a map is)."""
    from argmap.limits import Limits
    from argmap.loading.files import read_bytes

    return hashlib.sha256(read_bytes(Path(path), Limits(), regular_only=regular_only)).hexdigest()


def load_review(path: Path | str) -> LoadedReview:
    """Read and validate a review file; every problem is a located :class:`ArgmapError`."""
    from argmap.limits import Limits
    from argmap.loading.files import read_file
    from argmap.loading.located import parse_yaml

    path = Path(path)
    text = read_file(path, Limits())
    data, sourcemap = parse_yaml(text, str(path))
    return validate_review(data, sourcemap, path)


def validate_review(data: Any, sourcemap: SourceMap, path: Path) -> LoadedReview:
    """A parsed review file checked: its version, then the schema (errors name the entry)."""
    from argmap.validation import validate_data

    if isinstance(data, dict):
        _check_version(data, sourcemap)
    try:
        review = validate_data(data, sourcemap, model=Review)
    except ArgmapError as exc:
        raise ArgmapError([_name_entry(d, data, sourcemap) for d in exc.diagnostics]) from None
    return LoadedReview(path=path, review=review, sourcemap=sourcemap)


def _name_entry(diag: Diagnostic, data: Any, sourcemap: SourceMap) -> Diagnostic:
    """``entries: ...`` becomes ``entry 3 ('target'): ...``, found by the error's line."""
    entries = data.get("entries") if isinstance(data, dict) else None
    if not diag.message.startswith("entries: ") or not isinstance(entries, list):
        return diag
    index = None
    for i in range(len(entries)):
        if sourcemap.find(("entries", i)).line <= diag.location.line:
            index = i
    if index is None:
        return diag
    target = entries[index].get("target") if isinstance(entries[index], dict) else None
    name = f"entry {index + 1}" + (f" ('{target}')" if isinstance(target, str) else "")
    return Diagnostic(diag.location, name + diag.message[len("entries"):])


def _check_version(data: dict, sourcemap: SourceMap) -> None:
    if VERSION_KEY not in data:
        hint = ""
        if "argmap" in data:
            hint = (" (this looks like a map file, not a review; to check reviews against it: "
                    f"argmap review check --map {sourcemap.file} REVIEW...)")
        raise ArgmapError(
            Diagnostic(sourcemap.find(()), f"missing '{VERSION_KEY}: {REVIEW_VERSION}' (the review format version) at the top level{hint}")
        )
    value = data[VERSION_KEY]
    if value != REVIEW_VERSION or isinstance(value, bool):
        raise ArgmapError(
            Diagnostic(
                sourcemap.find((VERSION_KEY,)),
                f"unsupported review format version {value!r}; this argmap reads version {REVIEW_VERSION}",
            )
        )


def target_kind(m: ArgumentMap, target: str) -> Optional[str]:
    """``"claim"``, ``"evidence"`` or ``"inference"`` for an id of ``m``; None if absent.

    >>> m = ArgumentMap.model_validate({"argmap": 1, "claims": [{"id": "a", "text": "A."}]})
    >>> target_kind(m, "a"), target_kind(m, "b")
    ('claim', None)
    """
    if m.claim(target) is not None:
        return "claim"
    if m.evidence_record(target) is not None:
        return "evidence"
    if m.inference(target) is not None:
        return "inference"
    return None


def check_targets(loaded: LoadedReview, m: ArgumentMap, map_sha256: str) -> list[Diagnostic]:
    """Targets that are not in ``m``, as errors — but only when the review is of this exact map.

    When the map changed since the review (``map_sha256`` differs) a vanished
    target is not a typo but a stale entry: reports show it, so it is no error.
    """
    if loaded.review.map_sha256 != map_sha256:
        return []
    ids = sorted({c.id for c in m.claims} | {e.id for e in m.evidence} | {i.id for i in m.inferences})
    diags = []
    for index, entry in enumerate(loaded.review.entries):
        if target_kind(m, entry.target) is None:
            close = difflib.get_close_matches(entry.target, ids, n=1, cutoff=0.75)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            diags.append(
                Diagnostic(
                    loaded.entry_location(index, "target"),
                    f"entry {index + 1}: '{entry.target}' is not the id of a claim, evidence record"
                    f" or inference in {loaded.review.map}{hint}",
                )
            )
    return diags


def check_review(path: Path, map_path: Optional[Path] = None, allow_outside: bool = False) -> str:
    """Check one review file against its map; the line to print when it is valid.

    Raises :class:`ArgmapError` with every located problem (targets that are not
    in the map it was written for, a map that does not load).
    """
    from argmap.loading import load

    loaded = load_review(path)
    if map_path is not None:
        target = map_path
    elif allow_outside:
        target = loaded.map_path()
    else:
        target = loaded.map_inside("pass --allow-outside or --map to read it")
    named = map_path is None  # named inside the review: a regular file only (a FIFO would hang)
    m = load(target, allow_outside=allow_outside, read_source=False, regular_only=named).map
    digest = sha256_file(target, regular_only=named)
    diags = check_targets(loaded, m, digest)
    if diags:
        raise ArgmapError(diags)
    state = "current" if loaded.review.map_sha256 == digest else "stale: the map changed since the review"
    n = len(loaded.review.entries)
    return f"valid ({n} {'entry' if n == 1 else 'entries'} by {loaded.review.reviewer}; {state})"


# ------------------------------------------------------------------ skeleton


def _suggested_verdict(code: str) -> str:
    """ARG1xx findings are about support (ask for evidence); the others challenge."""
    return "needs-evidence" if code.startswith("ARG1") else "challenge"

_SUGGESTED_SEVERITY = {"error": "critical", "warning": "major", "info": "minor"}


def _one_line(text: Optional[str], limit: int = 160) -> str:
    """User text made safe for a YAML comment: one line, no control characters."""
    from argmap.util.terminal import clean

    flat = " ".join(clean(text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _scalar(value: str) -> str:
    """A YAML scalar for ``value`` on one line, quoted as needed.

    >>> _scalar("plain"), _scalar("a: b"), _scalar("2026-11-27")
    ('plain', "'a: b'", "'2026-11-27'")
    """
    import json

    import yaml

    dumped = yaml.safe_dump(value, allow_unicode=True, width=1 << 30, default_style=None)
    dumped = dumped.removesuffix("\n...\n").removesuffix("\n")
    # PyYAML chose a multi-line form, or wrote NEL, LS or PS raw (read back as line breaks):
    # JSON is valid one-line YAML
    if "\n" in dumped or any(ch in value for ch in "\x85\u2028\u2029"):
        return json.dumps(value)
    return dumped


def skeleton(
    m: ArgumentMap,
    map_ref: str,
    map_sha256: str,
    reviewer: str,
    date: str,
    findings: list,
) -> str:
    """A review file listing every claim and inference as a commented-out entry.

    The file is valid as written (no entries yet). To review an element the
    reviewer deletes the ``# `` in front of its entry and chooses a verdict;
    an entry left with an empty verdict is a located error, so nothing is
    accepted by accident. Audit findings are pre-filled as suggestions.

    >>> m = ArgumentMap.model_validate({"argmap": 1, "claims": [{"id": "a", "text": "A."}]})
    >>> text = skeleton(m, "m.yaml", "0" * 64, "Rev", "2026-11-27", [])
    >>> Review.model_validate(__import__("yaml").safe_load(text)).entries
    []
    >>> "#- target: a" in text
    True
    """
    by_target: dict[str, list] = {}
    for f in findings:
        by_target.setdefault(f.target, []).append(f)
    out = [
        "# argmap review. Verdicts: accept | challenge | needs-evidence | reject.",
        "# Severity (how much the point matters): minor | major | critical.",
        "# Status: open | answered | resolved; the author answers in 'response'.",
        "# To review an element, delete the '#' in front of each line of its entry and",
        "# fill in the verdict. Optional keys: requested_source, proposed_text, response.",
        f"{VERSION_KEY}: {REVIEW_VERSION}",
        f"map: {_scalar(map_ref)}",
        f"map_sha256: {_scalar(map_sha256)}",
        f"reviewer: {_scalar(reviewer)}",
        f"date: {_scalar(date)}",
        "entries:",
    ]
    elements = [("claim", c) for c in m.claims] + [("inference", i) for i in m.inferences]
    for kind, el in elements:
        out.append("")
        title = f"{kind} {el.id}"
        if el.id == m.thesis:
            title += " (thesis)"
        out.append(f"  # ---- {title}")
        if kind == "claim":
            out.append(f"  # text:  {_one_line(el.text)}")
            if el.quote:
                out.append(f"  # quote: {_one_line(el.quote)}")
        else:
            step = f"{', '.join(el.premises)} -> {el.conclusion} ({el.kind.value}"
            step += f", {el.qualifier.value})" if el.qualifier else ")"
            out.append(f"  # step:  {_one_line(step)}")
            if el.quote:
                out.append(f"  # quote: {_one_line(el.quote)}")
        found = by_target.get(el.id, [])
        for f in found:
            out.append(f"  # audit: [{f.severity.value} {f.code}] {_one_line(f.message)}")
        out.append(f"  #- target: {el.id}")
        if found:
            worst = max(found, key=lambda f: f.severity.rank)
            out.append(f"  #  verdict: {_suggested_verdict(worst.code)}  # suggested by the audit")
            out.append(f"  #  severity: {_SUGGESTED_SEVERITY[worst.severity.value]}")
            out.append(f"  #  comment: {_scalar(_one_line(f'{worst.code}: {worst.message}', 400))}")
        else:
            out.append("  #  verdict:     # accept | challenge | needs-evidence | reject")
            out.append("  #  severity: minor")
            out.append("  #  comment: ''")
        out.append("  #  status: open")
    return "\n".join(out) + "\n"
