"""Any text in any field gives a diagram that Graphviz lays out and XML parses."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.loading import LoadedMap
from argmap.locations import SourceMap
from argmap.model import ArgumentMap
from argmap.rendering.diagram import render_svg

from .conftest import SVG, finding, nodes

NASTY = st.sampled_from(['"', "\\", "\\l", "\\N", "{", "}", "|", "<", ">", "&", "<b>", "]]>", "-->", "'", "\n", "\t", "\x00"])
TEXT = st.lists(st.one_of(st.text(max_size=12), NASTY), min_size=1, max_size=8).map("".join)


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, text=TEXT, quote=TEXT, section=TEXT, warrant=TEXT, message=TEXT)
def test_any_text_renders(title, text, quote, section, warrant, message):
    m = ArgumentMap.model_validate({
        "argmap": 1, "title": title, "thesis": "t",
        "claims": [
            {"id": "t", "text": text or "x", "quote": quote, "section": section},
            {"id": "p", "text": quote or "y", "section": section},
        ],
        "inferences": [{"id": "i", "premises": ["p"], "conclusion": "t", "warrant": warrant}],
    })
    loaded = LoadedMap(path=None, map=m, sourcemap=SourceMap("fuzz.yaml", {}))
    svg = render_svg(loaded, [finding("t", message=message), finding(None, message=message)], cluster=True)
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    assert {"claim-t", "claim-p"} <= set(nodes(root))
