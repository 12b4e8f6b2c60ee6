"""The HTML and SVG outputs of a hostile map, opened in headless Chromium: no script of
the map's runs — not on load, not on hover, not on click of any node or link.

Every payload in ``_payloads`` sets ``window.__pwned`` (or opens a dialog); the
test loads each report, fires mouseover and click on every element, and then
checks the flag is still unset and no dialog appeared. Skips only where
Chromium or playwright is missing (and fails under CI=true, as the fixture does).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from argmap.cli import cli
from tests.browser.conftest import browser, page  # noqa: F401 - fixtures

from ._payloads import SCRIPT, write_hostile

pytestmark = pytest.mark.browser

POKE_EVERYTHING = """
() => {
  const all = Array.from(document.querySelectorAll('*'));
  for (const el of all) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'click']) {
      try { el.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true})); } catch (e) {}
    }
  }
  for (const a of Array.from(document.querySelectorAll('a'))) {
    try { a.click(); } catch (e) {}
  }
  return all.length;
}
"""


def _make(kind: str, folder: Path) -> Path:
    map_path, review = write_hostile(folder)
    out = folder / ("out.svg" if kind == "svg" else "out.html")
    args = {
        "review": ["review", "report", map_path, review, "-o", out],
        "coverage": ["coverage", map_path, "--format", "html", "-o", out],
        "svg": ["render", map_path, "-o", out],
    }
    if kind == "diff":
        data = yaml.safe_load(map_path.read_text(encoding="utf-8"))
        data["claims"][0]["text"] += f" {SCRIPT} <img src=x onerror=\"window.__pwned='diff'\">"
        new = folder / "new.yaml"
        new.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        args["diff"] = ["diff", map_path, new, "--format", "html", "-o", out]
    result = CliRunner().invoke(cli, [str(a) for a in args[kind]])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("kind", ["review", "coverage", "diff", "svg"])
def test_no_map_script_runs_in_the_browser(page, tmp_path, kind):  # noqa: F811 - fixture
    out = _make(kind, tmp_path)
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    poked = page.evaluate(POKE_EVERYTHING)
    assert poked > 10
    page.wait_for_timeout(200)
    if page.url != out.as_uri():  # a click navigated (a javascript: URL would not)
        page.goto(out.as_uri())
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert page.blocked_requests == [], "the report tried to fetch something"
    if kind != "svg":
        assert SCRIPT in page.inner_text("body"), "the hostile text is shown, as text"


def test_the_check_catches_an_unescaped_payload(page, tmp_path):  # noqa: F811 - fixture
    """Control: the same steps on a page that does NOT escape set the flag."""
    unsafe = tmp_path / "unsafe.html"
    unsafe.write_text(f"<html><body><p>{SCRIPT}</p><span onmouseover=\"window.__pwned='attr'\">x</span></body></html>")
    page.goto(unsafe.as_uri())
    page.evaluate(POKE_EVERYTHING)
    assert page.evaluate("() => window.__pwned") in ("script", "attr")
