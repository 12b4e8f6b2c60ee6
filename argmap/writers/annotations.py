"""W3C Web Annotations (JSON-LD) for a map: one per anchored claim and per evidence link.

* a **claim** annotation (``motivation: describing``) targets the claim's
  quote in the source with a TextQuoteSelector and a TextPositionSelector;
  its bodies are the analyst's paraphrase (purpose ``describing``) and the
  claim's kind (purpose ``classifying``);
* an **evidence link** annotation (``motivation: assessing``) targets the
  same quote; its bodies say which evidence supports it, and link the
  evidence URL with a TimeState (``sourceDate`` = access date, ``cached`` =
  archived copy). ``creator`` and ``created`` come from the evidence record
  (who added it: the article's author or the analyst; when).

Quotes are anchored afresh when the source text is at hand (see
:mod:`argmap.provenance.anchoring`), else the stored anchors are used; a claim whose
quote cannot be placed gets no annotation. The JSON-LD context is written
inline — nothing is fetched — and maps every term to the Web Annotation
vocabulary (``oa:``), Dublin Core, Activity Streams and FOAF.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"argmap": 1, "source": {"url": "https://example.org/a"},
...     "claims": [{"id": "c", "text": "C.", "quote": "alpha",
...                 "anchor": {"start": 0, "end": 5, "prefix": "", "suffix": " beta"}}]})
>>> doc = annotations(m, None, name="m")
>>> a = doc["first"]["items"][0]
>>> a["motivation"], [s["type"] for s in a["target"]["selector"]]
('describing', ['TextQuoteSelector', 'TextPositionSelector'])
"""

from __future__ import annotations

from argmap.util import jsontext
from typing import Optional
from urllib.parse import quote as urlquote

from argmap.provenance.anchoring import State, anchor_all, selectors
from argmap.model import AddedBy, Anchor, ArgumentMap

__all__ = ["CONTEXT", "annotations", "write"]

_OA = "http://www.w3.org/ns/oa#"
CONTEXT: dict = {
    "oa": _OA,
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "as": "https://www.w3.org/ns/activitystreams#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "id": "@id",
    "type": "@type",
    "Annotation": "oa:Annotation",
    "AnnotationCollection": "as:OrderedCollection",
    "AnnotationPage": "as:OrderedCollectionPage",
    "TextualBody": "oa:TextualBody",
    "SpecificResource": "oa:SpecificResource",
    "TextQuoteSelector": "oa:TextQuoteSelector",
    "TextPositionSelector": "oa:TextPositionSelector",
    "TimeState": "oa:TimeState",
    "Person": "foaf:Person",
    "Software": "as:Application",
    "describing": "oa:describing",
    "assessing": "oa:assessing",
    "classifying": "oa:classifying",
    "linking": "oa:linking",
    "motivation": {"@id": "oa:motivatedBy", "@type": "@vocab"},
    "purpose": {"@id": "oa:hasPurpose", "@type": "@vocab"},
    "body": {"@id": "oa:hasBody", "@type": "@id"},
    "target": {"@id": "oa:hasTarget", "@type": "@id"},
    "source": {"@id": "oa:hasSource", "@type": "@id"},
    "selector": {"@id": "oa:hasSelector", "@type": "@id"},
    "state": {"@id": "oa:hasState", "@type": "@id"},
    "exact": "oa:exact",
    "prefix": "oa:prefix",
    "suffix": "oa:suffix",
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
    "sourceDate": {"@id": "oa:sourceDate", "@type": "xsd:dateTime"},
    "cached": {"@id": "oa:cachedSource", "@type": "@id"},
    "value": "rdf:value",
    "format": "dc:format",
    "creator": {"@id": "dcterms:creator", "@type": "@id"},
    "created": {"@id": "dcterms:created", "@type": "xsd:dateTime"},
    "generator": {"@id": "as:generator", "@type": "@id"},
    "name": "foaf:name",
    "nickname": "foaf:nick",
    "label": "rdfs:label",
    "total": {"@id": "as:totalItems", "@type": "xsd:nonNegativeInteger"},
    "first": {"@id": "as:first", "@type": "@id"},
    "items": {"@id": "as:items", "@container": "@list"},
}
"""The JSON-LD context, inline: the subset of the W3C Web Annotation context these documents use."""


def _creator(m: ArgumentMap, added_by: AddedBy) -> Optional[dict]:
    if added_by is AddedBy.author:
        return {"type": "Person", "name": m.source.author} if m.source.author else {"type": "Person", "nickname": "author"}
    return {"type": "Person", "nickname": "analyst"}


def _time_state(date: Optional[str], cached: Optional[str]) -> Optional[dict]:
    if not (date or cached):
        return None
    state: dict = {"type": "TimeState"}
    if date:
        state["sourceDate"] = date
    if cached:
        state["cached"] = cached
    return state


def _placed(m: ArgumentMap, source_text: Optional[str]) -> dict[str, tuple[Anchor, str]]:
    """Claim id → (anchor, words at the anchor): found afresh in the source text, else as stored."""
    if source_text is None:
        return {c.id: (c.anchor, c.quote) for c in m.claims if c.quote and c.anchor is not None}
    src, quotes = anchor_all(m, source_text)
    out = {}
    for q in quotes:
        if q.section == "claims" and q.match.state in (State.exact, State.moved, State.fuzzy):
            anchor = q.new_anchor(src)
            out[q.id] = (anchor, src.text[anchor.start : anchor.end])  # type: ignore[union-attr]
    return out


def annotations(m: ArgumentMap, source_text: Optional[str], name: str = "map") -> dict:
    """The annotation collection of map ``m`` as a JSON-LD document (a dict)."""
    from argmap import __version__

    base = f"urn:argmap:{urlquote(name, safe='')}"
    source_iri = m.source.url or (m.source.text and urlquote(m.source.text, safe="/")) or base + ":source"
    generator = {"type": "Software", "name": f"argmap {__version__}"}
    placed = _placed(m, source_text)
    items = []
    for claim in m.claims:
        if claim.id not in placed:
            continue
        anchor, exact = placed[claim.id]
        target: dict = {"type": "SpecificResource", "source": source_iri, "selector": selectors(exact, anchor)}
        state = _time_state(m.source.accessed, None)
        if state:
            target["state"] = state
        items.append(
            {
                "id": f"{base}:claim:{urlquote(claim.id, safe='')}",
                "type": "Annotation",
                "motivation": "describing",
                "generator": generator,
                "body": [
                    {"type": "TextualBody", "value": claim.text, "format": "text/plain", "purpose": "describing"},
                    {"type": "TextualBody", "value": claim.kind.value, "purpose": "classifying"},
                ],
                "target": target,
            }
        )
        for ref in claim.evidence:
            ev = m.evidence_record(ref)
            if ev is None:
                continue
            items.append(_evidence_link(m, base, claim.id, ev, target, generator))
    return {
        "@context": CONTEXT,
        "id": base,
        "type": "AnnotationCollection",
        "label": m.title or name,
        "total": len(items),
        "first": {"id": base + ":page:1", "type": "AnnotationPage", "items": items},
    }


def _evidence_link(m: ArgumentMap, base: str, claim_id: str, ev, target: dict, generator: dict) -> dict:
    from argmap.provenance.sources import describe

    bodies: list[dict] = [
        {
            "type": "TextualBody",
            "value": f"Supported by evidence '{ev.id}' ({ev.kind.value}): {describe(ev)}",
            "format": "text/plain",
            "purpose": "assessing",
        }
    ]
    if ev.quote:
        bodies.append({"type": "TextualBody", "value": ev.quote, "format": "text/plain", "purpose": "describing"})
    if ev.url:
        link: dict = {"type": "SpecificResource", "source": ev.url, "purpose": "linking"}
        state = _time_state(ev.accessed, ev.archived_url)
        if state:
            link["state"] = state
        bodies.append(link)
    anno = {
        "id": f"{base}:evidence:{urlquote(claim_id, safe='')}:{urlquote(ev.id, safe='')}",
        "type": "Annotation",
        "motivation": "assessing",
        "creator": _creator(m, ev.added_by),
        "generator": generator,
        "body": bodies,
        "target": target,
    }
    if ev.added:
        anno["created"] = ev.added
    return anno


def write(loaded) -> str:
    """``argmap export --to annotations``."""
    from pathlib import Path

    doc = annotations(loaded.map, loaded.source_text, name=Path(loaded.path).stem)
    return jsontext.dumps(doc, indent=2, ensure_ascii=False) + "\n"
