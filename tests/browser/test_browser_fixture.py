"""The browser fixtures themselves: scripts run, dialogs are caught, the network is cut."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_page_runs_script_and_records_dialogs(page, tmp_path):
    html = tmp_path / "p.html"
    html.write_text(
        "<!doctype html><p id=x>before</p>"
        "<script>document.getElementById('x').textContent = 'after'; alert('hello');</script>",
        encoding="utf-8",
    )
    page.goto(html.as_uri())
    assert page.text_content("#x") == "after"
    assert page.dialogs == [("alert", "hello")]
    assert page.page_errors == []


def test_page_blocks_network(page, tmp_path):
    html = tmp_path / "net.html"
    html.write_text('<!doctype html><img src="http://argmap-test.invalid/x.png"><p>ok</p>', encoding="utf-8")
    page.goto(html.as_uri())
    page.wait_for_load_state("load")
    assert page.blocked_requests == ["http://argmap-test.invalid/x.png"]
