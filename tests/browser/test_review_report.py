"""The HTML review report in headless Chromium: nodes open their panel, and hostile text runs nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import strip_csp

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
BUNDLED_MAP = ROOT / "claims" / "serbia-azerbaijan.yaml"
BUNDLED_REVIEW = ROOT / "claims" / "serbia-azerbaijan.review.yaml"


def _report(run_cli, map_path: Path, reviews: list[Path], out: Path) -> Path:
    result = run_cli("review", "report", map_path, *reviews, "-o", out)
    assert result.exit_code == 0, result.output
    return out


def _click_element(page, selector: str) -> None:
    """Click a node, or for an edge (a one-premise step) a point on its line, as a reader would."""
    node = page.locator(selector)
    if "edge" not in (node.get_attribute("class") or "").split():
        node.click()
        return
    node.scroll_into_view_if_needed()
    x, y = node.evaluate(
        "g => { const p = g.querySelector('path'); const pt = p.getPointAtLength(p.getTotalLength() / 2);"
        " const m = p.getScreenCTM(); return [m.a * pt.x + m.c * pt.y + m.e, m.b * pt.x + m.d * pt.y + m.f]; }"
    )
    page.mouse.click(x, y)


def _open_and_check_clean(page, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    assert page.page_errors == []
    assert page.blocked_requests == []


def test_bundled_report_node_click_shows_panel(run_cli, page, tmp_path):
    if not BUNDLED_REVIEW.is_file():
        pytest.fail(f"the worked example review {BUNDLED_REVIEW} is missing")
    from argmap.loading import load
    from argmap.review.files import load_review

    m = load(BUNDLED_MAP).map
    entries = load_review(BUNDLED_REVIEW).review.entries
    reviewed = next(e for e in entries if m.claim(e.target) is not None)
    claim = m.claim(reviewed.target)
    html = _report(run_cli, BUNDLED_MAP, [BUNDLED_REVIEW], tmp_path / "report.html")
    _open_and_check_clean(page, html)

    panel_id = f"panel-claim-{claim.id}"
    assert not page.is_visible(f"[id='{panel_id}']")
    node = page.locator(f"#map [data-panel='{panel_id}']")
    assert node.count() == 1
    node.click()
    panel = page.locator(f"[id='{panel_id}']")
    assert panel.is_visible()
    text = panel.inner_text()
    assert " ".join(claim.text.split()) in " ".join(text.split())
    if claim.quote:
        assert " ".join(claim.quote.split()) in " ".join(text.split())
    assert " ".join(reviewed.comment.split())[:60] in " ".join(text.split())
    assert page.locator(".element:visible").count() == 1  # only the clicked one
    assert "selected" in (node.get_attribute("class") or "")

    # A finding in the findings list links back to the map: its element's panel opens, its node is selected.
    link = page.locator("ul.findings li a[data-panel]").first
    target = link.get_attribute("data-panel")
    link.click()
    assert page.locator(f"[id='{target}']").is_visible()
    if page.locator(f"#map [data-panel='{target}']").count():
        assert "selected" in (page.locator(f"#map [data-panel='{target}']").get_attribute("class") or "")
    assert page.page_errors == [] and page.dialogs == []


def test_every_claim_node_is_clickable(run_cli, page, tmp_path):
    from argmap.loading import load

    m = load(BUNDLED_MAP).map
    reviews = [BUNDLED_REVIEW] if BUNDLED_REVIEW.is_file() else []
    if not reviews:
        pytest.fail(f"the worked example review {BUNDLED_REVIEW} is missing")
    html = _report(run_cli, BUNDLED_MAP, reviews, tmp_path / "report.html")
    _open_and_check_clean(page, html)
    tagged = page.eval_on_selector_all("#map [data-panel^='panel-claim-']", "els => els.map(e => e.getAttribute('data-panel'))")
    assert sorted(tagged) == sorted(f"panel-claim-{c.id}" for c in m.claims)


HOSTILE = [
    '<script>window.__pwned = "script"</script>',
    '" onload="window.__pwned = \'onload\'" x="',
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "<svg onload=\"window.__pwned = 'svg'\"></svg>",
    "</title><script>window.__pwned = 'title'</script>",
    "]]><script>window.__pwned = 'cdata'</script>",
    "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
    "' onmouseover='window.__pwned = 1' '",
    "javascript:window.__pwned='js'",
    "<a href=\"javascript:window.__pwned='link'\">click</a>",
    "{{constructor.constructor('window.__pwned=1')()}}",
    "alert('x')",
]


def _hostile_files(tmp_path: Path) -> tuple[Path, Path]:
    claims = [{"id": f"h{k}", "text": text, "quote": text, "note": text} for k, text in enumerate(HOSTILE)]
    claims[0]["evidence"] = ["ev"]
    data = {
        "argmap": 1,
        "title": HOSTILE[0],
        "thesis": "h0",
        "claims": claims,
        "evidence": [{"id": "ev", "citation": HOSTILE[1], "by": HOSTILE[2], "quote": HOSTILE[3],
                      "url": "javascript:window.__pwned='evidence-url'"}],
        "inferences": [{"id": f"s{k}", "premises": [f"h{k}"], "conclusion": "h0", "warrant": HOSTILE[k]}
                       for k in range(1, len(HOSTILE))],
    }
    map_path = tmp_path / "hostile.yaml"
    map_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    import hashlib

    review = {
        "argmap-review": 1,
        "map": "hostile.yaml",
        "map_sha256": hashlib.sha256(map_path.read_bytes()).hexdigest(),
        "reviewer": HOSTILE[2],
        "date": HOSTILE[1],
        "entries": [{"target": f"h{k}", "verdict": "reject", "comment": text, "requested_source": text,
                     "proposed_text": text, "response": text} for k, text in enumerate(HOSTILE)],
    }
    review_path = tmp_path / "hostile.review.yaml"
    review_path.write_text(yaml.safe_dump(review, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return map_path, review_path


def _assert_nothing_ran(page) -> None:
    assert page.evaluate("() => window.__pwned") is None
    assert page.dialogs == []
    assert page.page_errors == []
    assert page.evaluate("() => document.querySelectorAll('script').length") == 1  # the report's own
    assert page.evaluate("() => document.querySelectorAll('iframe, img, object, embed, foreignObject').length") == 0
    handlers = page.evaluate(
        "() => Array.from(document.querySelectorAll('*')).flatMap(el => Array.from(el.attributes)"
        ".filter(a => /^on/i.test(a.name)).map(a => el.tagName + ' ' + a.name))"
    )
    assert handlers == []
    links = page.evaluate(
        "() => Array.from(document.querySelectorAll('a[href], [*|href]')).map(a => a.getAttribute('href')"
        " || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href'))"
    )
    assert not [h for h in links if h and re.sub(r"\s", "", h).lower().startswith("javascript:")]


@pytest.mark.parametrize("with_csp", [True, False], ids=["as-written", "without-csp"])
def test_hostile_text_runs_no_script(run_cli, page, tmp_path, with_csp):
    """Escaping alone must hold: the second run strips the report's Content-Security-Policy first."""
    map_path, review_path = _hostile_files(tmp_path)
    html = _report(run_cli, map_path, [review_path], tmp_path / "report.html")
    if not with_csp:
        strip_csp(html)
    _open_and_check_clean(page, html)
    _assert_nothing_ran(page)
    for k in range(len(HOSTILE)):
        node = page.locator(f"#map [data-panel='panel-claim-h{k}']")
        assert node.count() == 1
        node.click()
        panel = page.locator(f"[id='panel-claim-h{k}']")
        assert panel.is_visible()
        assert HOSTILE[k] in panel.inner_text()  # shown as text, literally
        node.hover()
    page.locator("#map [data-panel='panel-claim-h0']").click()
    page.locator("[id='panel-claim-h0'] a[data-panel='panel-evidence-ev']").click()
    assert page.locator("[id='panel-evidence-ev']").is_visible()
    _assert_nothing_ran(page)
    assert page.locator("a.url").count() == 0  # the javascript: evidence URL is text, not a link
    assert "javascript:window.__pwned='evidence-url'" in page.locator("[id='panel-evidence-ev']").inner_text()


def test_ids_with_dots_and_colons_open_their_panels(run_cli, page, tmp_path):
    map_path = tmp_path / "ids.yaml"
    map_path.write_text(
        "argmap: 1\nthesis: 'ns:t.1'\nclaims:\n  - id: 'ns:t.1'\n    text: Thesis.\n  - id: p_2-x\n    text: Premise.\n"
        "    evidence: [ev.1]\nevidence:\n  - id: ev.1\n    citation: A source\n"
        "inferences:\n  - id: 'step:1'\n    premises: [p_2-x]\n    conclusion: 'ns:t.1'\n",
        encoding="utf-8",
    )
    import hashlib

    review = tmp_path / "ids.review.yaml"
    review.write_text(
        f"argmap-review: 1\nmap: ids.yaml\nmap_sha256: '{hashlib.sha256(map_path.read_bytes()).hexdigest()}'\n"
        "reviewer: R\ndate: '2026-11-27'\nentries:\n  - target: 'step:1'\n    verdict: challenge\n    comment: Why?\n",
        encoding="utf-8",
    )
    html = _report(run_cli, map_path, [review], tmp_path / "ids.html")
    _open_and_check_clean(page, html)
    for panel in ("panel-claim-ns:t.1", "panel-claim-p_2-x", "panel-inference-step:1", "panel-evidence-ev.1"):
        _click_element(page, f"#map [data-panel='{panel}']")
        assert page.locator(f"[id='{panel}']").is_visible(), panel
    assert "Why?" in page.locator("[id='panel-inference-step:1']").inner_text()
    assert page.page_errors == []


def test_an_id_link_far_down_the_page_brings_map_and_panel_into_view(run_cli, page, tmp_path):
    if not BUNDLED_REVIEW.is_file():
        pytest.fail(f"the worked example review {BUNDLED_REVIEW} is missing")
    html = _report(run_cli, BUNDLED_MAP, [BUNDLED_REVIEW], tmp_path / "report.html")
    _open_and_check_clean(page, html)
    link = page.locator("ul.toc a[data-panel]").last
    link.scroll_into_view_if_needed()
    target = link.get_attribute("data-panel")
    link.click()
    panel = page.locator(f"[id='{target}']")
    assert panel.is_visible()
    assert panel.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
