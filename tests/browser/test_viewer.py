"""The viewer (`argmap view`) in headless Chromium: text and diagram kept in step, safe with hostile maps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import strip_csp

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
BUNDLED_MAP = ROOT / "claims" / "serbia-azerbaijan.yaml"
GOLDEN = Path(__file__).resolve().parent / "golden"
DATA = Path(__file__).resolve().parent / "data"


def _view(run_cli, map_path: Path, out: Path, *extra) -> Path:
    result = run_cli("view", map_path, *extra, "-o", out)
    assert result.exit_code == 0, result.output
    return out


def _open(page, path: Path, width: int = 1600, height: int = 900) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(path.as_uri())
    page.wait_for_function("() => window.argmapViewer !== undefined")
    _settle(page)
    assert page.page_errors == [] and page.blocked_requests == []


def _settle(page) -> None:
    """Let svg-pan-zoom apply its transform (it does so on the next animation frame)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def _box(page, selector: str) -> dict:
    return page.locator(selector).first.evaluate(
        "el => { const r = el.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; }")


def _inside(inner: dict, outer: dict, slack: float = 1) -> bool:
    return (inner["x"] >= outer["x"] - slack and inner["y"] >= outer["y"] - slack
            and inner["x"] + inner["w"] <= outer["x"] + outer["w"] + slack
            and inner["y"] + inner["h"] <= outer["y"] + outer["h"] + slack)


def _centre(b: dict) -> tuple[float, float]:
    return b["x"] + b["w"] / 2, b["y"] + b["h"] / 2


@pytest.fixture
def bundled_view(run_cli, tmp_path) -> Path:
    return _view(run_cli, BUNDLED_MAP, tmp_path / "view.html")


def test_opens_fitted_on_the_thesis(page, bundled_view):
    from argmap.loading import load

    thesis = load(BUNDLED_MAP).map.thesis
    _open(page, bundled_view)
    pane = _box(page, "#map")
    node = _box(page, f"#map [data-panel='panel-claim-{thesis}']")
    assert _inside(node, pane), "the thesis is in view"
    cx, cy = _centre(node)
    px, py = _centre(pane)
    assert abs(cx - px) < pane["w"] * 0.1 and abs(cy - py) < pane["h"] * 0.1, "... near the middle"
    assert node["h"] >= 25, "... at a size where its text can be read"
    visible = page.evaluate(
        """() => { const p = document.getElementById('map').getBoundingClientRect();
        return Array.from(document.querySelectorAll('#map [data-panel^="panel-claim-"]')).filter(n => {
          const r = n.getBoundingClientRect();
          return r.left >= p.left && r.right <= p.right && r.top >= p.top && r.bottom <= p.bottom; }).length; }""")
    assert visible >= 5, "its nearest steps are in view too"


def test_click_node_shows_its_quote_marked_and_the_panel(page, bundled_view):
    from argmap.loading import load

    m = load(BUNDLED_MAP).map
    _open(page, bundled_view)
    in_view = page.evaluate(
        """() => { const p = document.getElementById('map').getBoundingClientRect();
        return Array.from(document.querySelectorAll('#map [data-panel^="panel-claim-"]')).filter(n => {
          const r = n.getBoundingClientRect();
          return r.left >= p.left && r.right <= p.right && r.top >= p.top + 40 && r.bottom <= p.bottom; })
          .map(n => n.getAttribute('data-panel')); }""")
    quoted = [key for key in in_view if m.claim(key.removeprefix("panel-claim-")).quote]
    # the one furthest down the text, so that the source pane must scroll to show it
    key = max(quoted, key=lambda k: page.evaluate(
        "k => { const q = document.querySelector(`#source mark[data-ids~='${k}']`); return q ? q.offsetTop : -1; }", k))
    claim = m.claim(key.removeprefix("panel-claim-"))
    page.locator(f"#map [data-panel='{key}']").click()
    _settle(page)
    assert "selected" in page.locator(f"#map [data-panel='{key}']").get_attribute("class")
    marks = page.locator(f"#source mark.q[data-ids~='{key}']")
    assert marks.count() >= 1
    assert all("marked" in marks.nth(i).get_attribute("class") for i in range(marks.count()))
    assert page.locator("#source mark.marked").count() == marks.count(), "only this quote is marked"
    assert _inside(_box(page, f"#source mark.q[data-ids~='{key}']"), _box(page, "#source")), "the quote scrolled into view"
    panel = " ".join(page.locator("#panel").inner_text().split())
    for part in (claim.text, claim.quote, claim.kind.value, "findings"):
        assert " ".join(part.split()).lower() in panel.lower()
    assert re.search(r"\b(supported|unsupported|weak|assumed)\b", panel), "status shown"
    assert page.page_errors == []


def test_click_quote_centres_and_selects_its_node(page, bundled_view):
    _open(page, bundled_view)
    mark = page.locator("#source mark.q[data-ids^='panel-claim-']").last  # the end of the article: far from the thesis
    key = mark.get_attribute("data-ids").split()[0]
    mark.click()
    _settle(page)
    node = f"#map [data-panel='{key}']"
    assert "selected" in page.locator(node).get_attribute("class")
    nx, ny = _centre(_box(page, node))
    px, py = _centre(_box(page, "#map"))
    assert abs(nx - px) < 3 and abs(ny - py) < 3, (nx, ny, px, py)
    assert key.removeprefix("panel-claim-") in page.locator("#panel").inner_text()


def test_unquoted_sentences_and_furniture_are_marked(page, run_cli, tmp_path):
    (tmp_path / "s.txt").write_text("Header line\nAlpha is true. Beta is false.\n", encoding="utf-8")
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\nthesis: a\nsource:\n  text: s.txt\n  ignore: ['^Header line$']\n"
        "claims:\n  - id: a\n    text: Alpha.\n    quote: Alpha is true\n", encoding="utf-8")
    _open(page, _view(run_cli, tmp_path / "m.yaml", tmp_path / "v.html"))
    assert page.locator("#source-body .unmapped").inner_text() == "Beta is false."
    assert page.locator("#source-body .furniture").inner_text() == "Header line"
    assert page.locator("#source-body mark.q").inner_text() == "Alpha is true"
    colour = page.locator("#source-body .unmapped").evaluate("el => getComputedStyle(el).backgroundImage")
    assert colour != "none", "un-mapped text is visibly marked"


def test_colour_toggle_switches_between_findings_and_status(page, bundled_view):
    _open(page, bundled_view)
    mark = page.locator("#source mark.q.st-unsupported").first
    before = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    page.locator("[data-colour=status]").click()
    assert page.locator("[data-colour=status]").get_attribute("aria-pressed") == "true"
    after = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert after == "rgb(255, 215, 213)" and before != after
    assert page.locator(".legend-status").is_visible() and not page.locator(".legend-findings").is_visible()


def test_findings_filter_search_and_keyboard(page, bundled_view):
    _open(page, bundled_view)
    total = page.locator("#findings li").count()
    page.select_option("#filter-severity", "warning")
    items = page.locator("#findings li")
    assert 0 < items.count() < total
    assert all(" warning " in f" {items.nth(i).inner_text()} " for i in range(items.count()))
    code = page.locator("#filter-rule option").nth(1).get_attribute("value")
    page.select_option("#filter-severity", "")
    page.select_option("#filter-rule", code)
    assert all(code in page.locator("#findings li").nth(i).inner_text() for i in range(page.locator("#findings li").count()))
    page.locator("#findings li").first.click()
    assert page.locator("#panel h2").is_visible() and code in page.locator("#panel").inner_text()

    page.keyboard.press("Escape")
    page.locator("body").press("/")
    assert page.evaluate("() => document.activeElement.id") == "search"
    page.keyboard.type("green-light")
    assert page.locator("#search-results li[data-key]").count() >= 1
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    selected = page.evaluate("() => window.argmapViewer.selected()")
    assert selected and "green-light" in selected

    page.locator("#search").blur()
    page.keyboard.press("n")
    first = page.evaluate("() => window.argmapViewer.selected()")
    page.keyboard.press("n")
    second = page.evaluate("() => window.argmapViewer.selected()")
    assert first and second and first != second, "n walks the quotes in text order"
    page.locator(f"#map [data-panel='{second}']").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.getAttribute('data-panel')")
    assert focused and focused.startswith("panel-")
    page.keyboard.press("Enter")
    assert page.evaluate("() => window.argmapViewer.selected()") == focused
    assert page.page_errors == []


def test_a_map_without_source_text_opens(page, run_cli, tmp_path):
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\nthesis: t\nclaims:\n  - id: t\n    text: Thesis.\n  - id: p\n    text: Premise.\n"
        "inferences:\n  - id: s\n    premises: [p]\n    conclusion: t\n", encoding="utf-8")
    _open(page, _view(run_cli, tmp_path / "m.yaml", tmp_path / "v.html"))
    assert "names no source text" in page.locator("#source").inner_text()
    page.locator("#map [data-panel='panel-claim-p']").click()
    assert "Premise." in page.locator("#panel").inner_text()
    assert "selected" in page.locator("#map [data-panel='panel-claim-p']").get_attribute("class")
    assert page.page_errors == []


@pytest.mark.parametrize("width", [420, 1000])
def test_narrow_windows_stack_the_panes(page, bundled_view, width):
    _open(page, bundled_view, width=width, height=900)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width, "no sideways scrolling"
    mp = _box(page, "#map")
    assert mp["w"] >= width - 20 if width == 420 else mp["w"] > 400
    assert mp["h"] >= 300, "the map pane keeps a usable height"
    if width == 420:
        side, source = _box(page, "#side"), _box(page, "#source")
        assert side["y"] >= mp["y"] + mp["h"] - 1 and source["y"] >= side["y"] + side["h"] - 1, "map, panel, text"


def _big_map(path: Path, claims: int = 1100) -> Path:
    """A tree of claims, each supporting the one a third of its number: over argmap.reports.viewer.BIG
    elements, so that the page lays out text lazily."""
    lines = ["argmap: 1", "thesis: c0", "claims:"]
    lines += [f"  - id: c{k}\n    text: Claim {k} says something long enough to wrap onto a second line." for k in range(claims)]
    lines.append("inferences:")
    lines += [f"  - id: i{k}\n    premises: [c{k}]\n    conclusion: c{(k - 1) // 3}" for k in range(1, claims)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _laid_out_texts(page) -> dict:
    return page.evaluate(
        """() => { const shown = n => Array.from(n.querySelectorAll('text')).some(t => getComputedStyle(t).display !== 'none');
        const nodes = Array.from(document.querySelectorAll('#map-svg [data-panel^="panel-claim-"]'));
        return {total: nodes.length, shown: nodes.filter(shown).map(n => n.getAttribute('data-panel'))}; }""")


def test_a_big_map_lays_out_the_text_of_the_nodes_in_view_only(page, run_cli, tmp_path):
    """Laying out the text of thousands of nodes cost Chromium seconds at every zoom step: a big
    map's page shows the text of the nodes in and near the view, and follows pan and zoom."""
    from argmap.reports.viewer import BIG

    claims = 1100
    assert claims + claims - 1 > BIG
    out = _view(run_cli, _big_map(tmp_path / "big.yaml", claims), tmp_path / "big.html")
    _open(page, out)
    assert page.locator("#map-svg.lazy.ready").count() == 1
    first = _laid_out_texts(page)
    assert first["total"] == claims
    assert "panel-claim-c0" in first["shown"], "the thesis, in view, has its text"
    assert 5 <= len(first["shown"]) < claims / 4, len(first["shown"])
    pane = _box(page, "#map")
    for key in first["shown"][:3]:
        text = _box(page, f"#map [data-panel='{key}'] text")
        assert text["w"] > 20 and text["h"] > 5, "laid out at a readable size"
    far = f"panel-claim-c{claims - 1}"
    assert far not in first["shown"]

    page.evaluate("k => window.argmapViewer.select(k, 'list')", far)
    _settle(page)
    after = _laid_out_texts(page)
    assert far in after["shown"] and "panel-claim-c0" not in after["shown"], "the text follows the view"
    assert _inside(_box(page, f"#map [data-panel='{far}'] text"), pane)

    page.locator("#map [data-map-tool=fit]").click()  # the whole map: too small to read
    _settle(page)
    assert _laid_out_texts(page)["shown"] == []
    page.locator("#map [data-map-tool=focus]").click()
    _settle(page)
    assert "panel-claim-c0" in _laid_out_texts(page)["shown"]
    assert page.page_errors == []


def _pixels_differing(a: Path, b: Path) -> float:
    from PIL import Image, ImageChops

    x, y = Image.open(a).convert("RGB"), Image.open(b).convert("RGB")
    if x.size != y.size:
        return 1.0
    diff = ImageChops.difference(x, y).convert("L").point(lambda v: 255 if v > 48 else 0)
    return diff.histogram()[255] / (x.size[0] * x.size[1])


@pytest.mark.parametrize("name, width, height", [("viewer-wide", 1600, 900), ("viewer-narrow", 420, 900)])
def test_screenshots_match_the_reviewed_golden_images(page, run_cli, tmp_path, name, width, height):
    """The page's layout at both ends of its range, on a small fixed map (tests/browser/data).

    Reviewed by eye; ``ARGMAP_UPDATE_GOLDEN=1`` rewrites them (then look at them again). The
    drawing inside the map pane is masked: the diagram's own look is the render tests' business.
    """
    import os

    out = _view(run_cli, DATA / "viewer.yaml", tmp_path / "v.html")
    _open(page, out, width=width, height=height)
    narrow = width < 760
    if not narrow:
        page.locator("#source mark.q[data-ids~='panel-claim-repairs-costly']").first.click()
    else:  # the whole stacked page: map, then panel and findings, then the text
        page.evaluate("() => window.argmapViewer.select('panel-claim-repairs-costly', 'map')")
    _settle(page)
    shot = tmp_path / f"{name}.png"
    page.screenshot(path=str(shot), full_page=narrow, mask=[page.locator("#map-svg")], mask_color="#d0d7de")
    golden = GOLDEN / f"{name}.png"
    if os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(shot.read_bytes())
    assert golden.is_file(), f"no golden image {golden}: run with ARGMAP_UPDATE_GOLDEN=1 and review it"
    share = _pixels_differing(shot, golden)
    assert share <= 0.01, f"{share:.1%} of the pixels differ from {golden.name} (see {shot})"


README_SHOT = ROOT / "claims" / "serbia-azerbaijan.viewer.png"
README_CLAIM = "serbia-reads-green-light"


def test_the_readme_screenshot_shows_the_current_bundled_map(page, bundled_view, tmp_path):
    """claims/serbia-azerbaijan.viewer.png (the README's picture of the viewer) is this page: the
    bundled map with the green-light claim's quote clicked. A map that changed more than a little
    fails here; ``ARGMAP_UPDATE_GOLDEN=1`` takes the picture again (then look at it)."""
    import os

    _open(page, bundled_view, width=1440, height=860)
    page.locator(f"#source mark.q[data-ids~='panel-claim-{README_CLAIM}']").first.click()
    _settle(page)
    assert page.evaluate("() => window.argmapViewer.selected()") == f"panel-claim-{README_CLAIM}"
    for _ in range(2):  # closer, so that the diagram's text can be read in the picture
        page.locator("#map [data-map-tool=in]").click()
    page.evaluate("() => document.activeElement.blur()")
    page.mouse.move(720, 840)  # off the button: no hover outline in the picture
    _settle(page)
    shot = tmp_path / README_SHOT.name
    page.screenshot(path=str(shot))
    if os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1":
        README_SHOT.write_bytes(shot.read_bytes())
    share = _pixels_differing(shot, README_SHOT)
    assert share <= 0.01, f"{share:.1%} of the pixels differ from {README_SHOT.name}: the map changed? (see {shot})"


HOSTILE = [
    '<script>window.__pwned = "script"</script>',
    '" onload="window.__pwned = \'onload\'" x="',
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "<svg onload=\"window.__pwned = 'svg'\"></svg>",
    "</script><script>window.__pwned = 'json'</script>",
    "]]><script>window.__pwned = 'cdata'</script>",
    "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
    "' onmouseover='window.__pwned = 1' '",
    "javascript:window.__pwned='js'",
    "<a href=\"javascript:window.__pwned='link'\">click</a>",
    "\u2028</script><img src=http://127.0.0.1:9/x onerror=window.__pwned=2>",
    "<link rel=stylesheet href=http://127.0.0.1:9/x.css><style>@import 'http://127.0.0.1:9/y.css'</style>",
]


def _hostile_map(tmp_path: Path) -> Path:
    text = " ".join(f"Sentence {k} says {h}." for k, h in enumerate(HOSTILE))
    (tmp_path / "s.txt").write_text(text + "\n", encoding="utf-8")
    claims = [{"id": f"h{k}", "text": h, "quote": f"Sentence {k} says {h}", "note": h, "section": h}
              for k, h in enumerate(HOSTILE)]
    claims[0]["evidence"] = ["ev", "ev2"]
    data = {
        "argmap": 1, "title": HOSTILE[4], "thesis": "h0", "source": {"text": "s.txt", "title": HOSTILE[0]},
        "claims": claims,
        "evidence": [
            {"id": "ev", "citation": HOSTILE[1], "by": HOSTILE[2], "quote": HOSTILE[3],
             "url": "javascript:window.__pwned='evidence-url'", "archived_url": "data:text/html,<script>x</script>"},
            {"id": "ev2", "citation": "ok", "url": "http://127.0.0.1:9/never-fetched"},
        ],
        "inferences": [{"id": f"s{k}", "premises": [f"h{k}"], "conclusion": "h0", "warrant": HOSTILE[k]}
                       for k in range(1, len(HOSTILE))],
    }
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _nothing_ran(page) -> None:
    assert page.evaluate("() => window.__pwned") is None
    assert page.dialogs == [] and page.page_errors == [] and page.blocked_requests == []
    scripts = page.evaluate("() => Array.from(document.scripts).map(s => s.type || 'js')")
    assert sorted(scripts) == ["application/json", "js"], scripts
    assert page.evaluate("() => document.querySelectorAll('iframe, img, object, embed, link, foreignObject, image').length") == 0
    assert page.evaluate("() => document.querySelectorAll('style').length") == 1
    handlers = page.evaluate(
        "() => Array.from(document.querySelectorAll('*')).flatMap(el => Array.from(el.attributes)"
        ".filter(a => /^on/i.test(a.name)).map(a => el.tagName + ' ' + a.name))")
    assert handlers == []
    links = page.evaluate(
        "() => Array.from(document.querySelectorAll('a[href], [*|href]')).map(a => a.getAttribute('href')"
        " || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href'))")
    assert all(h.startswith("#") or re.match(r"https?://", h) for h in links if h), links


@pytest.mark.parametrize("with_csp", [True, False], ids=["as-written", "without-csp"])
def test_hostile_text_quotes_and_urls_run_nothing_and_load_nothing(page, run_cli, tmp_path, with_csp):
    out = _view(run_cli, _hostile_map(tmp_path), tmp_path / "hostile.html")
    if not with_csp:
        strip_csp(out)
    _open(page, out)
    _nothing_ran(page)
    for k, h in enumerate(HOSTILE):
        page.evaluate("k => window.argmapViewer.select(k, 'list')", f"panel-claim-h{k}")
        _settle(page)
        node = page.locator(f"#map [data-panel='panel-claim-h{k}']")
        node.click()
        node.hover()
        assert h.replace("\u2028", "") in page.locator("#panel").inner_text().replace("\u2028", ""), k
        page.locator(f"#source mark.q[data-ids~='panel-claim-h{k}']").first.click()
    page.fill("#search", HOSTILE[0])
    assert page.locator("#search-results li[data-key]").count() >= 1
    page.evaluate("() => window.argmapViewer.select('panel-evidence-ev', 'list')")
    panel = page.locator("#panel")
    assert "javascript:window.__pwned='evidence-url'" in panel.inner_text()
    assert panel.locator("a.url").count() == 0, "a javascript: or data: URL is text, not a link"
    page.evaluate("() => window.argmapViewer.select('panel-evidence-ev2', 'list')")
    link = panel.locator("a.url")
    assert link.get_attribute("rel") == "noopener noreferrer nofollow" and link.get_attribute("target") == "_blank"
    _nothing_ran(page)
