"""References inside a map: duplicate ids, and ids that name nothing (with a did-you-mean hint)."""

from __future__ import annotations

import difflib

from argmap.diagnostics import MAX_PER_FILE, Diagnostic, omitted
from argmap.locations import SourceMap
from argmap.model import ArgumentMap, InferenceKind
from argmap.validation import ELEMENT_NAMES

__all__ = ["check_references"]


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
        diags.append(Diagnostic(sourcemap.find(path), f"'{ref}' is not {what}"))

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
    shown = []
    for k in order[:MAX_PER_FILE]:
        d = diags[k]
        ref = unresolved.get(k)
        if ref is not None and budget >= len(alive):
            budget -= len(alive)
            close = difflib.get_close_matches(ref, alive, n=1, cutoff=0.75)
            d = Diagnostic(d.location, f"{d.message} (did you mean '{close[0]}'?)") if close else d
        shown.append(d)
    if len(diags) > len(shown):
        shown.append(omitted(diags[order[MAX_PER_FILE]].location, len(diags) - MAX_PER_FILE))
    return shown


_HINT_BUDGET = 200_000
