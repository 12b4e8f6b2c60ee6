"""SVG made by the real embedded Graphviz, parsed with xml.etree."""

from __future__ import annotations

import shutil

import pytest

from argmap.rendering.diagram import render, render_svg, to_dot

from tests.maps import ATTACK, HOSTILE, HOSTILE_TEXT, LINKED
from .conftest import SVG, finding, nodes, parse_svg

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _all_text(root) -> str:
    return "\n".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def _titles(root) -> str:
    """Tooltips: Graphviz writes them as xlink:title of the node's <a>."""
    key = "{http://www.w3.org/1999/xlink}title"
    return "\n".join(a.get(key) or "" for a in root.iter(f"{SVG}a"))


def test_svg_has_one_node_per_element(load_map):
    loaded = load_map(LINKED)
    root = parse_svg(render_svg(loaded, []))
    found = nodes(root)
    claims = [k for k in found if k.startswith("claim-")]
    assert sorted(claims) == ["claim-p1", "claim-p2", "claim-t"]
    assert "evidence-e1" in found and "inference-step" in found
    assert "claim" in found["claim-t"].get("class").split()
    assert "thesis" in found["claim-t"].get("class").split()


def test_flagged_classes_and_colours(load_map):
    loaded = load_map(LINKED)
    svg = render_svg(loaded, [finding("p1", severity="warning"), finding("step", "ARG106", "unstated-warrant", "error")])
    found = nodes(parse_svg(svg))
    p1 = found["claim-p1"]
    assert p1.get("class").split() == ["node", "claim", "flagged", "warning", "unsupported-claim"]
    outline = p1.find(f".//{SVG}path") if p1.find(f".//{SVG}path") is not None else p1.find(f".//{SVG}polygon")
    assert outline.get("stroke") == "#e66100"
    assert outline.get("stroke-dasharray")  # dashed outline
    step = found["inference-step"]
    assert "flagged" in step.get("class") and "error" in step.get("class")
    assert 'stroke="#b2182b" stroke-dasharray' in svg  # the flagged step's edges: error colour, dashed
    assert "flagged" not in found["claim-p2"].get("class")


def test_tooltips_carry_quote_and_findings(load_map):
    loaded = load_map(LINKED)
    root = parse_svg(render_svg(loaded, [finding("p1", message="fact 'p1' has no evidence")]))
    titles = _titles(root)
    assert "Quote: “with Russia's tacit approval”" in titles
    assert "[warning] ARG101 unsupported-claim: fact 'p1' has no evidence" in titles
    assert "Warrant: unstated" in titles


def test_hostile_text_is_escaped(load_map):
    loaded = load_map(HOSTILE)
    svg = render_svg(loaded, [finding("h", message="<script>alert(8)</script>")], cluster=True)
    root = parse_svg(svg)  # well-formed XML
    tags = {el.tag.split("}")[-1] for el in root.iter()}
    assert "script" not in tags and "img" not in tags
    for el in root.iter():
        for attr in el.attrib:
            assert not attr.lower().startswith("on"), attr
            assert "javascript:" not in el.attrib[attr] or attr.endswith("title"), (attr, el.attrib[attr])
        assert not el.tag.endswith("}a") or not any(k.endswith("href") for k in el.attrib)
    text = _all_text(root).replace("\n", " ")
    # the text shows literally, backslash sequences included, wrapped over lines
    for piece in ("<script>alert(1)</script>", '" onload="alert(2)"', "\\l \\N {x|y} <b>bold</b> &", "<<b>html</b>>"):
        assert piece in text, piece
    assert "Quote: “\" onload=\"alert(4)”" in _titles(root)
    assert '<script>alert(3)</script> "quoted" \\' in text  # the title, as text
    assert '</text><script>alert(5)</script> \\" {' in text  # a section label (cluster)
    assert HOSTILE_TEXT.split()[0] in text


def test_hostile_dot_keeps_its_structure(load_map):
    loaded = load_map(HOSTILE)
    dot = to_dot(loaded, [])
    assert "digraph x" not in dot.replace('\\"; } digraph x {', "")  # only inside a quoted string
    found = nodes(parse_svg(render_svg(loaded, [])))
    assert sorted(k for k in found if not k.startswith("legend-")) == [
        "claim-h", "claim-k", "claim-ns:a.b", "evidence-ev"
    ]  # nothing injected, nothing lost
    assert parse_svg(render_svg(loaded, [])).find(f".//{SVG}g[@id='inference-i']") is not None
    assert '\\\\l \\\\N' in dot  # backslashes doubled: Graphviz shows them, never interprets them


def test_png_from_embedded_svg(load_map):
    data = render(load_map(ATTACK), [], "png")
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 1000


def test_dot_format_is_the_source(load_map):
    loaded = load_map(ATTACK)
    assert render(loaded, [], "dot").decode() == to_dot(loaded, [])


@pytest.mark.skipif(shutil.which("dot") is None, reason="the Graphviz program 'dot' is not installed (apt-get install graphviz)")
def test_system_engine_svg_and_pdf(load_map):
    loaded = load_map(LINKED)
    root = parse_svg(render_svg(loaded, [finding("p1")], engine="system"))
    assert "claim-p1" in nodes(root)
    assert render(loaded, [], "pdf").startswith(b"%PDF")


def _pdf_pages(data: bytes) -> bytes:
    """The page content streams of a ReportLab PDF (ASCII85 over Flate), decoded."""
    import base64
    import re
    import zlib

    out = b""
    for m in re.finditer(rb"/ASCII85Decode /FlateDecode \] /Length \d+\s*>>\s*stream\r?\n(.*?)endstream", data, re.S):
        raw = m.group(1).strip()
        out += zlib.decompress(base64.a85decode(raw[:-2] if raw.endswith(b"~>") else raw))
    return out


def test_pdf_without_dot_has_the_small_grey_id_line(load_map, tmp_path, monkeypatch):
    """PDF is drawn from the finished SVG, so it has the id line in 8 pt grey like SVG and PNG."""
    import re

    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without the Graphviz program
    data = render(load_map(LINKED), [], "pdf")
    assert data.startswith(b"%PDF")
    pages = _pdf_pages(data)
    ids = re.findall(rb"\.4 \.4 \.4 rg\s+BT [^\n]*? 8 Tf [^\n]*?\(([\w-]+)[ )]", pages)
    assert sorted(ids) == [b"e1", b"p1", b"p2", b"thesis"], pages[:300]  # "thesis · t · fact"


def test_id_line_in_small_type(load_map):
    found = nodes(parse_svg(render_svg(load_map(LINKED), [])))
    texts = list(found["claim-p2"].iter(f"{SVG}text"))
    assert "".join(texts[-1].itertext()) == "p2 · fact"
    assert float(texts[-1].get("font-size")) < float(texts[0].get("font-size"))
    assert "".join(texts[0].itertext()) == "Russia rewards Azerbaijan."


def test_lone_surrogates_and_control_characters(load_map):
    """Readers of JSON can hand over text UTF-8 cannot encode; the diagram still renders."""
    loaded = load_map(LINKED)
    loaded.map.claim("p1").text = "bad \ud800 surrogate \x1b[31m and \x00 nul"
    loaded.map.claim("p1").quote = "\udfff"
    found = nodes(parse_svg(render_svg(loaded, [finding("p1", message="msg \ud83d")])))
    text = "".join(found["claim-p1"].itertext())
    assert "bad" in text and "surrogate" in text and "\x1b" not in text
