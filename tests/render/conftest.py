"""Small maps for the renderer's tests, and helpers to load them and parse SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import yaml

from argmap.diagnostics import Finding, Severity

SVG = "{http://www.w3.org/2000/svg}"

LINKED = """\
argmap: 1
title: Linked premises
thesis: t
claims:
  - id: t
    text: The partnership is about Russia.
    quote: about Russia
    kind: interpretation
  - id: p1
    text: Russia tacitly approved the blockade.
    quote: with Russia's tacit approval
  - id: p2
    text: Russia rewards Azerbaijan.
    evidence: [e1]
evidence:
  - id: e1
    quote: rewarded
    citation: Some report, 2020
inferences:
  - id: step
    premises: [p1, p2]
    conclusion: t
    qualifier: may
"""

ATTACK = """\
argmap: 1
title: An attack and an undercut
thesis: t
claims:
  - id: t
    text: Armenia's moves answer Russia's failure.
  - id: p
    text: Russia failed to protect Armenia.
  - id: x
    text: Armenia wants to join NATO.
    section: Objections
  - id: u
    text: Failure need not cause realignment.
    section: Objections
inferences:
  - id: s
    premises: [p]
    conclusion: t
  - id: a
    premises: [x]
    conclusion: t
    kind: attack
  - id: cut
    premises: [u]
    conclusion: s
    kind: undercut
"""

CHAIN = """\
argmap: 1
title: A chain
thesis: c4
claims:
  - id: c0
    text: Zero.
  - id: c1
    text: One.
  - id: c2
    text: Two.
  - id: c3
    text: Three.
  - id: c4
    text: Four.
  - id: side
    text: Side premise.
inferences:
  - id: i1
    premises: [c0]
    conclusion: c1
  - id: i2
    premises: [c1, side]
    conclusion: c2
  - id: i3
    premises: [c2]
    conclusion: c3
  - id: i4
    premises: [c3]
    conclusion: c4
"""

HOSTILE_TEXT = '<script>alert(1)</script> " onload="alert(2)" \\l \\N {x|y} <b>bold</b> & \\'
HOSTILE_DATA = {
    "argmap": 1,
    "title": '<script>alert(3)</script> "quoted" \\',
    "source": {"title": "x"},
    "thesis": "h",
    "claims": [
        {"id": "h", "text": HOSTILE_TEXT, "quote": '" onload="alert(4)'},
        {"id": "k", "text": "<<b>html</b>>", "section": '</text><script>alert(5)</script> \\" {', "evidence": ["ev"]},
        {"id": "ns:a.b", "text": "An id with a colon.", "section": "Other"},
    ],
    "evidence": [{"id": "ev", "quote": "<img src=x onerror=alert(6)>", "url": "javascript:alert(7)"}],
    "inferences": [{"id": "i", "premises": ["k"], "conclusion": "h", "warrant": '"; } digraph x {'}],
}
HOSTILE = yaml.safe_dump(HOSTILE_DATA, sort_keys=False, allow_unicode=True)


def finding(target, code="ARG101", rule="unsupported-claim", severity="warning", message="no support"):
    """A hand-made audit finding (the renderer must not depend on the audit's wording)."""
    return Finding(target=target, message=message, code=code, rule=rule, severity=Severity(severity))


@pytest.fixture
def load_map(write_map):
    """Write map text to a temp folder and load it."""
    from argmap.loading import load

    def load_text(text: str):
        return load(write_map(text))

    return load_text


def parse_svg(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def nodes(root: ET.Element) -> dict[str, ET.Element]:
    """SVG ``<g class="node ...">`` groups by their id."""
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if "node" in (g.get("class") or "").split()}
