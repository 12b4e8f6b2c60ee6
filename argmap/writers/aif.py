"""Write a map as AIF JSON in the AIFdb/OVA shape: nodes, edges, locutions, schemefulfillments.

* each claim → an I-node; each support inference → an RA-node (text: its
  scheme, or ``Default Inference``); each attack → a CA-node (``Default
  Conflict``) from the attackers to the claim; each undercut → a CA-node
  pointing at the RA/CA node of the inference it targets. Edges run premise →
  S-node → conclusion, as AIF requires.
* a claim's verbatim ``quote`` is the source's locution: an L-node
  ``"<author>: <quote>"`` asserting the I-node through a YA-node
  (``Asserting``), with a ``locutions`` record and the author as participant.
* ``schemefulfillments`` name AIFdb's scheme ids for the default schemes
  (Default Inference 72, Default Conflict 71, Asserting 74); named schemes are
  written by name only, as AIF databases number schemes differently.
* node ids are ``"1", "2", ...``; a top-level ``argmap`` key keeps the native
  ids and every field AIF has no place for, so :mod:`argmap.readers.aif`
  restores the map exactly. AIF tools ignore the extra key.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"argmap": 1, "claims": [{"id": "a", "text": "A."},
...     {"id": "b", "text": "B."}], "inferences": [{"id": "i", "premises": ["b"], "conclusion": "a"}]})
>>> d = to_aif(m)
>>> [(n["nodeID"], n["type"], n["text"]) for n in d["nodes"]]
[('1', 'I', 'A.'), ('2', 'I', 'B.'), ('3', 'RA', 'Default Inference')]
>>> [(e["fromID"], e["toID"]) for e in d["edges"]]
[('2', '3'), ('3', '1')]
"""

from __future__ import annotations

from argmap.util import jsontext
from typing import Any

from argmap.writers.interop import map_extras
from argmap.model import ArgumentMap, InferenceKind

__all__ = ["to_aif", "write", "SCHEME_IDS"]

SCHEME_IDS = {"Default Inference": "72", "Default Conflict": "71", "Asserting": "74"}
"""AIFdb's ids of the default schemes, as OVA writes them."""


def to_aif(m: ArgumentMap) -> dict:
    """The map as an AIF JSON object (bare AIFdb form)."""
    nodes: list[dict] = []
    edges: list[dict] = []
    locutions: list[dict] = []
    fulfil: list[dict] = []
    node_of: dict[str, str] = {}
    native: dict[str, str] = {}

    def node(kind: str, text: str, element_id: str | None = None, **extra: Any) -> str:
        nid = str(len(nodes) + 1)
        nodes.append({"nodeID": nid, "text": text, "type": kind, **extra})
        if element_id is not None:
            node_of[element_id] = nid
            native[nid] = element_id
        if text in SCHEME_IDS and kind in ("RA", "CA", "YA"):
            fulfil.append({"nodeID": nid, "schemeID": SCHEME_IDS[text]})
        return nid

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": len(edges) + 1, "fromID": a, "toID": b, "formEdgeID": None})

    for c in m.claims:
        node("I", c.text, c.id)
    for inf in m.inferences:
        if inf.kind is InferenceKind.support:
            text = inf.scheme or "Default Inference"
            extra = {"scheme": inf.scheme} if inf.scheme else {}
            node("RA", text, inf.id, **extra)
        else:
            node("CA", "Default Conflict", inf.id)
    for inf in m.inferences:
        s = node_of[inf.id]
        for p in dict.fromkeys(inf.premises):
            edge(node_of[p], s)
        edge(s, node_of[inf.conclusion])

    speaker = (m.source.author or "Author").strip() or "Author"
    participants = []
    for c in m.claims:
        if c.quote:
            if not participants:
                first, _, rest = speaker.partition(" ")
                participants.append({"participantID": "1", "firstname": first, "surname": rest})
            loc = node("L", f"{speaker}: {c.quote}")
            ya = node("YA", "Asserting")
            edge(loc, ya)
            edge(ya, node_of[c.id])
            locutions.append({"nodeID": loc, "personID": "1", "start": None, "end": None, "source": m.source.url})

    extension: dict[str, Any] = {"ids": native}
    claims = {}
    for c in m.claims:
        fields = c.model_dump(mode="json", exclude={"id", "text"})
        if c.text != c.text.strip():
            fields["text"] = c.text
        claims[c.id] = fields
    extension["claims"] = claims
    inferences = {}
    for i in m.inferences:
        fields = i.model_dump(mode="json", exclude={"id", "premises", "conclusion"})
        if len(set(i.premises)) != len(i.premises):
            fields["premises"] = list(i.premises)  # AIF has one edge per premise node
        inferences[i.id] = fields
    extension["inferences"] = inferences
    if m.title is not None:
        extension["title"] = m.title
    extension.update(map_extras(m))
    return {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": participants,
        "schemefulfillments": fulfil,
        "argmap": extension,
    }


def write(loaded: Any) -> str:
    """Writer entry point (registered in :data:`argmap.formats.FORMATS`)."""
    return jsontext.dumps(to_aif(loaded.map), indent=1, ensure_ascii=False) + "\n"
