"""`argmap serve` in headless Chromium: edits show within 2 s, broken edits show their error, Ctrl-C ends it."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from tests.test_live import start_argmap, stop_argmap

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


def _local_page(browser):
    """A page that may talk to the server on 127.0.0.1 (and nothing else)."""
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.elsewhere = []

    def route(r):
        if r.request.url.startswith("http://127.0.0.1:"):
            r.continue_()
        else:
            page.elsewhere.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return context, page


def test_serve_updates_in_place_and_shows_a_broken_edit(browser, tmp_path):
    for name in ("serbia-azerbaijan.yaml", "serbia-azerbaijan.txt"):
        shutil.copy(ROOT / "claims" / name, tmp_path / name)
    map_path = tmp_path / "serbia-azerbaijan.yaml"
    original = map_path.read_text(encoding="utf-8")
    proc, url = start_argmap(["serve", map_path.name, "--port", "0"], tmp_path)
    context, page = _local_page(browser)
    try:
        page.set_viewport_size({"width": 1400, "height": 900})
        page.goto(url)
        page.wait_for_function("() => window.argmapViewer !== undefined")
        key = "panel-claim-russia-tacit-approval"
        page.evaluate("k => window.argmapViewer.select(k, 'list')", key)
        page.locator("[data-map-tool=in]").click()
        before = page.evaluate("() => window.argmapViewer.pane().state()")

        edited = original.replace("Russia tacitly approved Azerbaijan's", "Russia EDITED-IN-PLACE approved Azerbaijan's", 1)
        assert edited != original
        start = time.monotonic()
        map_path.write_text(edited, encoding="utf-8")
        page.wait_for_function("() => document.getElementById('panel').innerText.includes('EDITED-IN-PLACE')",
                               timeout=2000)
        took = time.monotonic() - start
        assert took <= 2.0
        assert "EDITED-IN-PLACE" in page.locator("#map").inner_text(), "the diagram changed too"
        assert page.evaluate("() => window.argmapViewer.selected()") == key, "the selection stays"
        after = page.evaluate("() => window.argmapViewer.pane().state()")
        assert after["zoom"] == pytest.approx(before["zoom"]) and after["pan"] == pytest.approx(before["pan"]), "zoom stays"
        assert "selected" in page.locator(f"#map [data-panel='{key}']").get_attribute("class")

        map_path.write_text(edited + "claims: [\n", encoding="utf-8")
        page.wait_for_selector("#live-error:not([hidden])", timeout=6000)
        error = page.locator("#live-error").inner_text()
        assert re.search(r"serbia-azerbaijan\.yaml:\d+:\d+: ", error), error
        assert "EDITED-IN-PLACE" in page.locator("#map").inner_text(), "the last good map stays"

        map_path.write_text(original, encoding="utf-8")
        page.wait_for_selector("#live-error", state="hidden", timeout=6000)
        page.wait_for_function("() => !document.getElementById('map').innerText.includes('EDITED-IN-PLACE')", timeout=6000)
        assert page.errors == [] and page.elsewhere == []
    finally:
        context.close()
        code = stop_argmap(proc)
    assert code in (0, 130)
    assert "Traceback" not in proc.stderr.read()
