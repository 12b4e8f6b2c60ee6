"""References inside a map: duplicate ids, and ids that name nothing (with a did-you-mean hint)."""

from __future__ import annotations

import difflib
import re
from types import SimpleNamespace
from typing import Any

from argmap.diagnostics import MAX_PER_FILE, ArgmapError, Diagnostic, Omitted, omitted
from argmap.locations import SourceMap
from argmap.model import ArgumentMap, InferenceKind
from argmap.util.terminal import shown
from argmap.validation import ELEMENT_NAMES

__all__ = ["check_references", "check_data_references", "with_references"]


def check_references(m: ArgumentMap, sourcemap: SourceMap) -> list[Diagnostic]:
    """Duplicate ids and references that do not resolve."""
    diags: list[Diagnostic] = []
    claims = {c.id for c in m.claims}
    evidence = {e.id for e in m.evidence}
    inferences = {i.id for i in m.inferences}
    if len(claims | evidence | inferences) < len(m.claims) + len(m.evidence) + len(m.inferences):
        seen: dict[str, tuple[str, int]] = {}  # id → where it was first used
        for section in ("claims", "evidence", "inferences"):
            for i, el in enumerate(getattr(m, section)):
                here = (section, i)
                first = seen.setdefault(el.id, here)
                if first is not here:
                    used = f"{ELEMENT_NAMES[first[0]]} at line {sourcemap.find(first).line}"
                    diags.append(
                        Diagnostic(sourcemap.find((section, i, "id")), f"duplicate id '{el.id}' (already used by {used})")
                    )

    unresolved: dict[int, str] = {}  # index in diags -> the reference, for a did-you-mean hint

    def dangling(path: tuple, ref: str, what: str) -> None:
        unresolved[len(diags)] = ref
        diags.append(Diagnostic(sourcemap.find(path), f"{shown(ref)} is not {what}"))

    if m.thesis is not None and m.thesis not in claims | evidence | inferences:
        dangling(("thesis",), m.thesis, "the id of a claim")
    for ci, claim in enumerate(m.claims):
        for k, ref in enumerate(claim.evidence):
            if ref not in evidence:
                dangling(("claims", ci, "evidence", k), ref, "the id of an evidence record")
    for ii, inf in enumerate(m.inferences):
        for k, ref in enumerate(inf.premises):
            if ref not in claims:
                dangling(("inferences", ii, "premises", k), ref, "the id of a claim")
        if inf.kind is InferenceKind.undercut:
            if inf.conclusion not in inferences:
                dangling(("inferences", ii, "conclusion"), inf.conclusion, "the id of an inference (an undercut targets an inference)")
        elif inf.conclusion not in claims:
            dangling(("inferences", ii, "conclusion"), inf.conclusion, "the id of a claim")
    if not diags:
        return diags
    order = sorted(range(len(diags)), key=lambda k: (diags[k].location.line, diags[k].location.column))
    alive = sorted(claims | evidence | inferences)
    budget = _HINT_BUDGET  # id comparisons: hints stay cheap when thousands of ids are missing
    kept = []
    for k in order[:MAX_PER_FILE]:
        d = diags[k]
        ref = unresolved.get(k)
        if ref is not None and budget >= len(alive):
            budget -= len(alive)
            close = difflib.get_close_matches(ref, alive, n=1, cutoff=0.75)
            d = Diagnostic(d.location, f"{d.message} (did you mean '{close[0]}'?)") if close else d
        kept.append(d)
    if len(diags) > len(kept):
        kept.append(omitted(diags[order[MAX_PER_FILE]].location, len(diags) - MAX_PER_FILE))
    return kept


_HINT_BUDGET = 200_000


_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:\-]{0,199}")


def check_data_references(data: Any, sourcemap: SourceMap) -> list[Diagnostic]:
    """:func:`check_references` on plain data that the schema refused, so that one run
    reports every error: elements that are not mappings, and ids and references that are
    not valid ids (errors of the schema already), are left out."""
    if not isinstance(data, dict):
        return []

    def ident(value: Any) -> str:
        return value if isinstance(value, str) and _ID.fullmatch(value) else ""

    def items(section: str) -> list:
        value = data.get(section)
        return [x if isinstance(x, dict) else {} for x in value] if isinstance(value, list) else []

    def refs(value: Any) -> list:
        return [ident(v) for v in value] if isinstance(value, list) else []

    def kind(value: Any) -> InferenceKind:
        try:
            return InferenceKind(value)
        except ValueError:
            return InferenceKind.support

    view = SimpleNamespace(
        thesis=ident(data.get("thesis")) or None,
        claims=[SimpleNamespace(id=ident(c.get("id")), evidence=refs(c.get("evidence"))) for c in items("claims")],
        evidence=[SimpleNamespace(id=ident(e.get("id"))) for e in items("evidence")],
        inferences=[SimpleNamespace(id=ident(i.get("id")), premises=refs(i.get("premises")),
                                    conclusion=ident(i.get("conclusion")), kind=kind(i.get("kind", "support")))
                    for i in items("inferences")],
    )
    return [d for d in check_references(view, sourcemap) if "'' is not" not in d.message
            and "duplicate id ''" not in d.message]  # type: ignore[arg-type]


def with_references(exc: ArgmapError, data: Any, sourcemap: SourceMap) -> ArgmapError:
    """The schema's errors and the reference errors in the same data, in file order, at most
    :data:`MAX_PER_FILE` (one run shows both kinds)."""
    extra = [d for d in check_data_references(data, sourcemap) if not isinstance(d, Omitted)]
    if not extra:
        return exc
    seen = {(d.location.line, d.location.column) for d in exc.diagnostics}
    shown_ = [d for d in exc.diagnostics if not isinstance(d, Omitted)]
    shown_ += [d for d in extra if (d.location.line, d.location.column) not in seen]
    shown_.sort(key=lambda d: (d.location.line, d.location.column))
    counted = [d for d in exc.diagnostics if isinstance(d, Omitted)]
    return ArgmapError(shown_ + counted, exit_code=exc.exit_code)  # capped to MAX_PER_FILE again
