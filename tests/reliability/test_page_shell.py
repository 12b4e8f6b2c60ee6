"""The page shell: the allow-list SVG sanitiser, the one escaper and URL check, the policy."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from argmap.reports.page import esc, page, safe_url, sanitize_svg
from argmap.reports.page.svg import ATTRIBUTES, ELEMENTS

ROOT = Path(__file__).resolve().parents[2]
NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def _names(svg: str) -> tuple[set[str], set[str]]:
    root = ET.fromstring(svg)
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    attrs = {a for el in root.iter() for a in el.attrib}
    return tags, attrs


def test_a_real_diagram_passes_whole(run_cli, tmp_path):
    """Everything Graphviz writes for the bundled map is on the allow-list: nothing is lost."""
    out = tmp_path / "m.svg"
    assert run_cli("render", ROOT / "claims" / "serbia-azerbaijan.yaml", "--cluster", "-o", out).exit_code == 0
    svg = out.read_text(encoding="utf-8")
    safe = sanitize_svg(svg, {})
    before, after = ET.fromstring(svg), ET.fromstring(safe)
    group = after[0]  # the drawing, in the group the map pane pans and zooms
    assert group.get("class") == "svg-pan-zoom_viewport" and len(after) == 1
    assert sum(1 for _ in before.iter()) + 1 == sum(1 for _ in after.iter())  # + that group
    assert sum(len(e.attrib) for e in before.iter()) + 2 == sum(len(e.attrib) for e in after.iter())  # + id, class
    tags, attrs = _names(svg)
    assert tags <= ELEMENTS and attrs <= ATTRIBUTES


def test_a_big_maps_diagram_loses_its_tooltips_and_their_wrappers_only(run_cli, tmp_path):
    """Without tooltips, the links Graphviz wrote for them (and its a_ groups around them) go;
    every shape and text stays, in order, and the root is marked for lazy text."""
    out = tmp_path / "m.svg"
    assert run_cli("render", ROOT / "claims" / "serbia-azerbaijan.yaml", "-o", out).exit_code == 0
    svg = out.read_text(encoding="utf-8")
    safe = sanitize_svg(svg, {}, tooltips=False, lazy_text=True)
    before, after = ET.fromstring(svg), ET.fromstring(safe)
    assert after.get("class") == "lazy"

    def drawn(root):
        return [(e.tag, e.get("d") or e.get("points") or e.text) for e in root.iter()
                if e.tag.rsplit("}", 1)[-1] in {"path", "polygon", "ellipse", "text"}]

    assert drawn(after) == drawn(before) and len(drawn(before)) > 200
    tags = [e.tag.rsplit("}", 1)[-1] for e in after.iter()]
    assert "a" in {e.tag.rsplit("}", 1)[-1] for e in before.iter()} and "a" not in tags and "title" not in tags
    assert not [e for e in after.iter() if (e.get("id") or "").startswith("a_")]
    assert {e.get("id") for e in after.iter() if (e.get("id") or "").startswith("claim-")} == \
        {e.get("id") for e in before.iter() if (e.get("id") or "").startswith("claim-")}


@pytest.mark.parametrize("hostile, gone", [
    ('<script>alert(1)</script>', "script"),
    ('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>', "foreignObject"),
    ('<image href="http://example.org/x.png" width="9" height="9"/>', "image"),
    ('<animate attributeName="href" to="javascript:alert(1)"/>', "animate"),
    ('<set attributeName="onmouseover" to="alert(1)"/>', "set"),
    ('<use href="http://example.org/s.svg#x"/>', "use"),
    ('<style>@import url(http://example.org/a.css)</style>', "style"),
    ('<x:evil xmlns:x="urn:x">t</x:evil>', "evil"),
    ('<iframe src="http://example.org"/>', "iframe"),
])
def test_elements_off_the_list_are_dropped_with_their_content(hostile, gone):
    safe = sanitize_svg(f'<svg {NS}><g id="claim-a" class="node">{hostile}<text>ok</text></g></svg>', {})
    tags, _ = _names(safe)
    assert gone not in tags and "ok" in safe
    assert "alert" not in safe and "example.org" not in safe


@pytest.mark.parametrize("attr", [
    'onclick="alert(1)"', 'onload="alert(1)"', 'style="background:url(http://example.org/x)"',
    'fill="url(http://example.org/p.svg#g)"', 'filter="url(#f)"', 'data-x="1"', 'xml:base="http://example.org/"',
    'xlink:href="javascript:alert(1)"', 'href="data:text/html,x"', 'target="x" ',
])
def test_attributes_off_the_list_or_with_bad_values_are_dropped(attr):
    safe = sanitize_svg(f'<svg {NS}><a {attr}><text fill="url(#grad)">t</text></a></svg>', {})
    a = ET.fromstring(safe).find(".//{http://www.w3.org/2000/svg}a")
    assert dict(a.attrib) == {}
    assert 'fill="url(#grad)"' in safe  # a paint server of the document itself is fine


def test_links_keep_only_fragments_and_web_urls():
    safe = sanitize_svg(f'<svg {NS}><a xlink:href="#x"/><a xlink:href="https://example.org/a"/>'
                        '<a xlink:href=" javascript:x"/><a href="HTTP://e.org/"/></svg>', {})
    hrefs = re.findall(r'href="([^"]*)"', safe)
    assert hrefs == ["#x", "https://example.org/a", "HTTP://e.org/"]


def test_not_an_svg_is_refused():
    assert sanitize_svg("<svg", {}) is None
    assert sanitize_svg('<html xmlns="http://www.w3.org/1999/xhtml"/>', {}) is None


def test_one_escaper_and_one_url_check():
    assert str(esc("<a href='x'>\x1b[2J\x00</a>")) == "&lt;a href=&#39;x&#39;&gt;[2J&lt;/a&gt;"
    assert str(esc(None)) == ""
    for bad in ("javascript:alert(1)", "data:text/html,x", "https://a b", "//example.org", "http:///x", "ftp://e.org"):
        assert safe_url(bad) is None, bad
    assert safe_url("http://e.org/?q=<x>") == "http://e.org/?q=<x>"


def test_policy_allows_exactly_the_inlined_style_and_script():
    import base64
    import hashlib

    html = page("coverage.html.j2", styles=["coverage.css"], title="t", summary="", parts=[], claims=[])
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy and "script-src 'none'" in policy and "<script" not in html
