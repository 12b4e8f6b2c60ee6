"""Read the Potsdam argumentative microtext corpus format (``arggraph`` XML).

An arggraph has elementary discourse units (``edu``, the text), argumentative
discourse units (``adu``, ``type`` pro or opp) and typed edges:

* ``seg`` EDU → ADU: the ADU's text (EDUs joined in document order);
* ``sup`` / ``exa`` ADU → ADU: a support inference (``exa``: scheme ``Example``);
* ``reb`` ADU → ADU: an attack;
* ``und`` ADU → edge: an undercut of that edge's inference;
* ``add`` ADU → edge: one more, linked premise of that edge's inference.

Each ADU becomes a claim with the ADU's id, each edge an inference with the
edge's id; the thesis is the ADU that argues for nothing else (the central
claim). An opponent's ADU (``type="opp"``) says so in its note. Lines and
columns point at the element's ``id="..."`` in the file. Documents with a
DOCTYPE are refused: the format needs none, and entities are an attack surface.

>>> m, _ = read_text('<arggraph id="x"><edu id="e1">A.</edu><edu id="e2">B.</edu>'
...     '<adu id="a1" type="pro"/><adu id="a2" type="pro"/><edge id="c1" src="e1" trg="a1" type="seg"/>'
...     '<edge id="c2" src="e2" trg="a2" type="seg"/><edge id="c3" src="a2" trg="a1" type="sup"/></arggraph>')
>>> m.thesis, [(i.id, i.premises, i.conclusion) for i in m.inferences]
('a1', [('c3', ['a2'], 'a1')])
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.locations import Location, SourceMap

__all__ = ["read", "read_text"]

_KINDS = {"sup": "support", "exa": "support", "reb": "attack", "und": "undercut"}


_ID = re.compile(r'\bid="([^"]*)"')


def _id_positions(text: str) -> dict[str, tuple[int, int]]:
    """Line and column of the first ``id="..."`` of each id, in one pass over the file.

    >>> _id_positions('<a id="x"/>\\n  <b id="y"/><c id="x"/>')
    {'x': (1, 4), 'y': (2, 6)}
    """
    found: dict[str, tuple[int, int]] = {}
    line, line_start, last = 1, 0, 0
    for m in _ID.finditer(text):
        breaks = text.count("\n", last, m.start())
        if breaks:
            line += breaks
            line_start = text.rfind("\n", 0, m.start()) + 1
        last = m.start()
        found.setdefault(m.group(1), (line, m.start() - line_start + 1))
    return found


def _check_ids(root: Any, text: str, file: str) -> None:
    """Every edu, adu and edge has an ``id`` (the claims and inferences are named by it)."""
    for tag in ("edu", "adu", "edge"):
        for element in root.iter(tag):
            if element.get("id") is None:
                m = re.search(rf"<{tag}\b(?![^>]*\bid=)", text)
                line, col = (1, 1)
                if m:
                    line = text.count("\n", 0, m.start()) + 1
                    col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
                raise ArgmapError(Diagnostic(Location(file, line, col), f"an <{tag}> element has no id"))


def _check_strings(root: Any, where: dict, file: str, longest: int) -> None:
    """Refuse an element whose text or attribute is longer than ``longest`` characters
    (ARGMAP_MAX_STRING), located at the element's id where it has one."""
    for element in root.iter():
        for value in (element.text, element.tail, *element.attrib.values()):
            if value is not None and len(value) > longest:
                line, col = where.get(element.get("id"), (1, 1))
                raise ArgmapError(Diagnostic(
                    Location(file, line, col),
                    f"a text of {len(value)} characters in <{element.tag}> is longer than the limit of {longest};"
                    " raise ARGMAP_MAX_STRING to allow it",
                ))


def read_text(text: str, file: str = "<microtext>", limits: Any = None) -> tuple[Any, SourceMap]:
    """arggraph XML text → ``(ArgumentMap, SourceMap)``."""
    import xml.etree.ElementTree as ET

    from argmap.limits import Limits, check_markup
    from argmap.validation import validate_data

    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise ArgmapError(Diagnostic(Location(file, 1, 1), "XML with a DOCTYPE or entities is not read"))
    check_markup(text, file, limits if limits is not None else Limits())
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, col = exc.position
        raise ArgmapError(Diagnostic(Location(file, line, col + 1), f"invalid XML: {exc}")) from None
    if root.tag != "arggraph":
        raise ArgmapError(Diagnostic(Location(file, 1, 1), f"not an arggraph file (root element <{root.tag}>)"))
    _check_ids(root, text, file)
    where = _id_positions(text)
    limits = limits if limits is not None else Limits()
    if len(text) > limits.max_string:  # no text can be longer than the file
        _check_strings(root, where, file, limits.max_string)
    edus = {e.get("id"): (e.text or "").strip() for e in root.iter("edu")}
    adus = {a.get("id"): a.get("type") for a in root.iter("adu")}
    edges = [(e.get("id"), e.get("src"), e.get("trg"), e.get("type")) for e in root.iter("edge")]
    segments: dict[str, list[str]] = {a: [] for a in adus}
    for _, src, trg, kind in edges:
        if kind == "seg" and trg in segments and src in edus:
            segments[trg].append(src)
    edu_order = {e: k for k, e in enumerate(edus)}
    positions: dict = {}
    claims = []
    for k, (adu, stance) in enumerate(adus.items()):
        parts = sorted(segments[adu], key=edu_order.get)
        body = " ".join(edus[p] for p in parts if edus[p]) or f"(ADU {adu} has no text)"
        claim: dict = {"id": adu, "text": body}
        if stance == "opp":
            claim["note"] = "Opponent's view (microtext ADU type opp)"
        positions[("claims", k)] = where.get(adu, (1, 1))
        claims.append(claim)
    inferences: dict[str, dict] = {}
    for eid, src, trg, kind in edges:
        if kind in _KINDS and src in adus:
            inf = {"id": eid, "premises": [src], "conclusion": trg, "kind": _KINDS[kind]}
            if kind == "exa":
                inf["scheme"] = "Example"
            inferences[eid] = inf
    for eid, src, trg, kind in edges:
        if kind == "add" and src in adus and trg in inferences and src not in inferences[trg]["premises"]:
            inferences[trg]["premises"].append(src)
    # Drop steps whose target is neither an ADU nor an imported step.
    changed = True
    while changed:
        changed = False
        for eid, inf in list(inferences.items()):
            ok = inf["conclusion"] in inferences if inf["kind"] == "undercut" else inf["conclusion"] in adus
            if not ok:
                del inferences[eid]
                changed = True
    arguing = {p for inf in inferences.values() for p in inf["premises"]}
    roots = [a for a in adus if a not in arguing]
    data: dict = {"argmap": 1, "title": root.get("topic_id") or root.get("id"), "claims": claims}
    if len(roots) == 1:
        data["thesis"] = roots[0]
    data["inferences"] = list(inferences.values())
    for k, inf in enumerate(data["inferences"]):
        positions[("inferences", k)] = where.get(inf["id"], (1, 1))
    sourcemap = SourceMap(file, positions)
    return validate_data(data, sourcemap), sourcemap


def read(path: Path, text: str, limits) -> tuple:
    """Reader entry point, same signature as :data:`argmap.loading.READERS` readers."""
    return read_text(text, str(path), limits)
