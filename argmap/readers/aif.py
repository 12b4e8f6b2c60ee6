"""Read AIF JSON (AIFdb, OVA, AraucariaDB, argument-mining output) into an argument map.

Accepted shapes: bare ``{"nodes": [...], "edges": [...], ...}`` and OVA's
wrapped ``{"AIF": {...}, "text": ..., "OVA": ...}``. Node and edge ids may be
strings or integers; ``locutions``, ``timestamp``, ``scheme``, ``schemeID``,
``formEdgeID`` and other keys are optional.

What each node becomes:

* **I-node** → a claim with id ``n<nodeID>`` (made valid as an id). An I-node
  with empty text gets the text ``(empty AIF I-node)`` so nothing is dropped.
  OVA's ``propositionClassifier`` propType ``value``/``policy`` becomes claim
  kind ``evaluation``.
* **RA-node** → a ``support`` inference ``n<nodeID>``: premises are the I-nodes
  with an edge into it, the conclusion the I-node it points to. The scheme is
  kept by *name* (the node text, or its ``scheme`` key when the text is the
  generic ``RA``; CamelCase names such as ``ExpertOpinion`` are spaced to
  ``Expert Opinion`` so names from AraucariaDB and OVA agree); scheme ids are
  ignored because they differ between AIF databases. ``Default Inference``
  means no particular scheme.
* **CA-node** → an ``attack`` inference; a CA pointing at an RA or CA node is
  an ``undercut`` of that inference.
* **MA-node** (rephrase) → no inference (argmap has no rephrase relation): the
  rephrasing claim's ``note`` records ``Rephrases n<ID> (AIF MA ...)``.
* **L, YA, TA nodes** (the dialogue layer) → provenance on the claim's
  ``note``: ``Said: «<locution text>» (<illocution>)`` for each L → YA → I path,
  with the speaker's name from ``participants``/``locutions`` where given, and
  ``In reply to: «...»`` for TA transitions into that locution. YA texts that
  are opaque hashes (``YA_...``) are left out. YA anchoring an RA or CA
  ("Arguing", "Disagreeing") goes on that inference's note.

Malformed parts are imported as far as they go, never crash, and are noted:
an RA or CA with no premise/attacker, or with no target, becomes no inference
and the claims it touches say so in ``note``; edges to unknown nodes are
ignored; a repeated nodeID keeps its first node.

Files written by :mod:`argmap.writers.aif` carry an ``argmap`` key with the
native ids and the fields AIF has no place for; it restores them exactly.

>>> m, _ = read_text('{"nodes": [{"nodeID": 1, "text": "A", "type": "I"},'
...     '{"nodeID": 2, "text": "B", "type": "I"}, {"nodeID": 3, "text": "RA", "type": "RA", "scheme": "ExpertOpinion"}],'
...     '"edges": [{"edgeID": 1, "fromID": 2, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 1}]}')
>>> [(i.id, i.premises, i.conclusion, i.scheme) for i in m.inferences]
[('n3', ['n2'], 'n1', 'Expert Opinion')]
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Optional

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.locations import Location, SourceMap
from argmap.readers.notes import record

__all__ = ["read", "read_text", "load_json", "scheme_name", "EMPTY_TEXT"]

EMPTY_TEXT = "(empty AIF I-node)"
_GENERIC = {"", "RA", "CA", "MA", "PA", "Default Inference", "Default Conflict"}
_ID_BAD = re.compile(r"[^A-Za-z0-9_.:\-]+")


def scheme_name(text: Optional[str]) -> Optional[str]:
    """A scheme's display name: CamelCase spaced, generic names dropped.

    >>> scheme_name("CauseToEffect"), scheme_name("Expert Opinion"), scheme_name("RA")
    ('Cause To Effect', 'Expert Opinion', None)
    """
    if text is None:
        return None
    text = str(text).strip()
    if text in _GENERIC:
        return None
    if " " not in text:
        text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)
    return text


def load_json(text: str, file: str, limits: Any = None) -> Any:
    """The JSON value, within the limits, duplicate keys refused (located errors)."""
    from argmap.util.jsonread import load_json as load

    return load(text, file, limits)


class _Positions:
    """Line and column of each ``"nodeID": X`` and ``"edgeID": X`` in the text (the first one per id)."""

    _ID = re.compile(r'"(nodeID|edgeID)"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)')

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.where: dict[str, tuple[int, int]] = {}
        self.edges: dict[str, tuple[int, int]] = {}
        for m in self._ID.finditer(text):
            raw = m.group(2)
            key = raw[1:-1] if raw.startswith('"') else raw
            table = self.where if m.group(1) == "nodeID" else self.edges
            if key not in table:
                table[key] = self.at(m.start())

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def _key(value: Any) -> Optional[str]:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() else str(value)
    if isinstance(value, str):
        return value
    return None


def _make_id(raw: str, used: set) -> str:
    base = "n" + _ID_BAD.sub("-", raw)
    base = base[:190]
    candidate, n = base, 2
    while candidate in used:
        candidate = f"{base}-{n}"
        n += 1
    used.add(candidate)
    return candidate


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_text(text: str, file: str = "<aif>", limits: Any = None):
    """AIF JSON text → ``(ArgumentMap, SourceMap)``."""
    from argmap.validation import validate_data

    raw = load_json(text, file, limits)
    if isinstance(raw, dict) and isinstance(raw.get("AIF"), dict) and (isinstance(raw["AIF"].get("nodes"), list) or not isinstance(raw.get("nodes"), list)):
        aif = raw["AIF"]
        extension = raw.get("argmap") if isinstance(raw.get("argmap"), dict) else aif.get("argmap")
    else:
        aif = raw
        extension = raw.get("argmap") if isinstance(raw, dict) else None
    if not isinstance(aif, dict) or not isinstance(aif.get("nodes"), list):
        raise ArgmapError(Diagnostic(Location(file, 1, 1), "not an AIF file: expected an object with a \"nodes\" list (or {\"AIF\": {...}})"))
    edges_raw = aif.get("edges", [])
    if not isinstance(edges_raw, list):
        raise ArgmapError(Diagnostic(Location(file, 1, 1), "AIF \"edges\" must be a list"))
    ext = extension if isinstance(extension, dict) else {}
    native_ids = ext.get("ids") if isinstance(ext.get("ids"), dict) else {}
    pos = _Positions(text)

    nodes: dict[str, dict] = {}
    order: list[str] = []
    dropped: list[Diagnostic] = []  # what is not imported, and where: the map's note and stderr

    def drop(where: tuple[int, int], message: str) -> None:
        dropped.append(Diagnostic(Location(file, *where), f"not imported: {message}"))

    for k, node in enumerate(aif["nodes"]):
        if not isinstance(node, dict):
            raise ArgmapError(Diagnostic(Location(file, 1, 1), f"AIF node {k + 1} is not an object"))
        nid = _key(node.get("nodeID"))
        if nid is None:
            raise ArgmapError(Diagnostic(Location(file, 1, 1), f"AIF node {k + 1} has no nodeID"))
        if nid in nodes:
            drop(pos.where.get(nid, (1, 1)), f"AIF node {k + 1}: its nodeID {nid} is taken by an earlier node, which is kept")
            continue
        nodes[nid] = node
        order.append(nid)

    def typ(nid: str) -> str:
        return str(nodes[nid].get("type") or "").strip().upper()

    into: dict[str, list[str]] = defaultdict(list)
    out_of: dict[str, list[str]] = defaultdict(list)
    for k, edge in enumerate(edges_raw):
        if not isinstance(edge, dict):
            drop((1, 1), f"AIF edge {k + 1} is not an object")
            continue
        a, b = _key(edge.get("fromID")), _key(edge.get("toID"))
        eid = _key(edge.get("edgeID"))
        where = pos.edges.get(eid) if eid is not None else None
        where = where or pos.where.get(a or "", (1, 1))
        label = f"AIF edge {eid if eid is not None else k + 1}"
        if a not in nodes or b not in nodes:
            missing = a if a not in nodes else b
            drop(where, f"{label} from {a} to {b}: there is no node {missing}")
        elif typ(a) == "I" and typ(b) == "I":
            drop(where, f"{label} from I-node {a} to I-node {b}: two claims are linked only through an RA, CA or MA node, which says how")
        elif b not in out_of[a]:
            out_of[a].append(b)
            into[b].append(a)

    def text_of(nid: str) -> str:
        value = nodes[nid].get("text")
        return value.strip() if isinstance(value, str) else ("" if value is None else str(value))

    used: set = set(str(v) for v in native_ids.values())
    ids: dict[str, str] = {}
    for nid in order:
        if typ(nid) in ("I", "RA", "CA"):
            native = native_ids.get(nid)
            ids[nid] = str(native) if isinstance(native, str) else _make_id(nid, used)

    notes: dict[str, list[str]] = defaultdict(list)
    # Which S-nodes become inferences: they need premises and a target.
    inference_nodes: dict[str, tuple[list[str], str, str]] = {}
    pending = [n for n in order if typ(n) in ("RA", "CA")]
    for nid in pending:
        sources = [x for x in into[nid] if typ(x) == "I"]
        targets = [x for x in out_of[nid] if typ(x) in ("I", "RA", "CA")]
        label = f"AIF {typ(nid)} {ids[nid]} ({text_of(nid) or typ(nid)})"
        if not sources:
            for t in targets:
                notes[t].append(f"{label} points here but names no {'premise' if typ(nid) == 'RA' else 'attacker'}; not imported as an inference")
            drop(pos.where.get(nid, (1, 1)), f"{label}: it names no {'premise' if typ(nid) == 'RA' else 'attacker'} (no I-node has an edge into it)")
            continue
        if not targets:
            for s in sources:
                notes[s].append(f"{label} uses this claim but has no conclusion; not imported as an inference")
            drop(pos.where.get(nid, (1, 1)), f"{label}: it has no conclusion (no edge from it to an I, RA or CA node)")
            continue
        target = next((t for t in targets if typ(t) == "I"), targets[0])
        inference_nodes[nid] = (sources, target, typ(nid))
    # Undercuts of S-nodes that did not become inferences are dropped too.
    changed = True
    while changed:
        changed = False
        for nid, (sources, target, kind) in list(inference_nodes.items()):
            if typ(target) != "I" and target not in inference_nodes:
                del inference_nodes[nid]
                for s in sources:
                    notes[s].append(f"AIF {kind} {ids[nid]} attacks a step that was not imported; not imported")
                drop(pos.where.get(nid, (1, 1)), f"AIF {kind} {ids[nid]}: the step it attacks was not imported")
                changed = True

    participants = {}
    for p in _list(raw.get("participants") if isinstance(raw, dict) else None) or _list(aif.get("participants")):
        if isinstance(p, dict):
            name = " ".join(str(p.get(k) or "").strip() for k in ("firstname", "surname")).strip()
            if name and _key(p.get("participantID")) is not None:
                participants[_key(p.get("participantID"))] = name
    speaker: dict[str, str] = {}
    for loc in _list(aif.get("locutions")):
        if isinstance(loc, dict):
            lid, person = _key(loc.get("nodeID")), _key(loc.get("personID"))
            if lid and person in participants and lid not in speaker:
                speaker[lid] = participants[person]

    def said(l_node: str, ya: str) -> str:
        force = text_of(ya)
        force = "" if not force or force.startswith("YA_") else f" ({force})"
        who = speaker.get(l_node)
        lead = f"{who}, " if who and who not in text_of(l_node) else ""
        return f"Said: {lead}«{_short(text_of(l_node), 200)}»{force}"

    inference_notes: dict[str, list[str]] = defaultdict(list)
    for nid in order:
        kind = typ(nid)
        if kind == "YA":
            locutions = [x for x in into[nid] if typ(x) == "L"]
            for target in out_of[nid]:
                for l_node in locutions:
                    if typ(target) == "I":
                        notes[target].append(said(l_node, nid))
                        for ta in into[l_node]:
                            if typ(ta) == "TA":
                                for prior in into[ta]:
                                    if typ(prior) == "L":
                                        notes[target].append(f"In reply to: «{_short(text_of(prior), 120)}»")
                    elif target in inference_nodes:
                        inference_notes[target].append(said(l_node, nid))
        elif kind == "MA":
            froms = [x for x in into[nid] if typ(x) == "I"]
            tos = [x for x in out_of[nid] if typ(x) == "I"]
            for a in froms:
                for b in tos:
                    notes[a].append(f"Rephrases {ids[b]} (AIF MA {_make_id(nid, set())}: {text_of(nid) or 'rephrase'})")
        elif kind not in ("I", "RA", "CA", "L", "TA"):
            for x in out_of[nid] + into[nid]:
                if typ(x) == "I":
                    notes[x].append(f"AIF {kind or '?'} node {nid} ({_short(text_of(nid))}) not imported")
            drop(pos.where.get(nid, (1, 1)), f"AIF {kind or 'untyped'} node {nid} ({_short(text_of(nid))}): argmap has no element for this node type")

    kinds = {}
    classifier = raw.get("propositionClassifier") if isinstance(raw, dict) else None
    if isinstance(classifier, dict):
        for entry in _list(classifier.get("nodes")):
            if isinstance(entry, dict) and entry.get("propType") in ("value", "policy"):
                kinds[_key(entry.get("nodeID"))] = "evaluation"

    extras_claims = ext.get("claims") if isinstance(ext.get("claims"), dict) else {}
    extras_inferences = ext.get("inferences") if isinstance(ext.get("inferences"), dict) else {}
    positions: dict = {}
    claims: list[dict] = []
    inferences: list[dict] = []
    for nid in order:
        kind = typ(nid)
        if kind == "I":
            body = text_of(nid)
            claim: dict = {"id": ids[nid], "text": body or EMPTY_TEXT}
            if nid in kinds:
                claim["kind"] = kinds[nid]
            lines = ([] if body else [f"AIF I-node {nid} has no text"]) + _dedupe(notes.get(nid, []))
            if lines:
                claim["note"] = "\n".join(lines)
            extra = extras_claims.get(claim["id"])
            if isinstance(extra, dict):
                claim.update({k: v for k, v in extra.items() if k != "id"})
            positions[("claims", len(claims))] = pos.where.get(nid, (1, 1))
            claims.append(claim)
        elif nid in inference_nodes:
            sources, target, s_kind = inference_nodes[nid]
            inf: dict = {"id": ids[nid], "premises": _dedupe([ids[s] for s in sources]), "conclusion": ids[target]}
            if s_kind == "CA":
                inf["kind"] = "attack" if typ(target) == "I" else "undercut"
            elif typ(target) != "I":
                inf["kind"] = "undercut"  # an RA aimed at a step: read as a challenge to it
            name = scheme_name(text_of(nid)) or scheme_name(nodes[nid].get("scheme") if isinstance(nodes[nid].get("scheme"), str) else None)
            if name and s_kind == "RA":
                inf["scheme"] = name
            elif name and s_kind == "CA":
                inf["note"] = f"AIF conflict scheme: {name}"
            said_lines = _dedupe(inference_notes.get(nid, []))
            if said_lines:
                inf["note"] = "\n".join(([inf["note"]] if "note" in inf else []) + said_lines)
            extra = extras_inferences.get(inf["id"])
            if isinstance(extra, dict):
                inf.update({k: v for k, v in extra.items() if k not in ("id", "conclusion")})
            positions[("inferences", len(inferences))] = pos.where.get(nid, (1, 1))
            inferences.append(inf)

    data: dict = {"argmap": 1}
    for key in ("title", "source", "thesis", "note", "evidence"):
        if key in ext:
            data[key] = ext[key]
    data["claims"] = claims
    data["inferences"] = inferences
    sourcemap = SourceMap(file, positions)
    record(data, sourcemap, dropped)
    return validate_data(data, sourcemap), sourcemap


def _list(value: Any) -> list:
    """``value`` if it is a list, else nothing (optional keys may hold anything)."""
    return value if isinstance(value, list) else []


def _dedupe(items: list) -> list:
    seen: set = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def read(path: Path, text: str, limits) -> tuple:
    """The loader's entry point (see :data:`argmap.loading.READERS`)."""
    return read_text(text, str(path), limits)
