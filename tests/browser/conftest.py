"""Headless Chromium for tests that must see a page as a reader does.

Fixtures:

``browser``
    A Playwright ``Browser`` running the system Chromium (Debian's ``chromium``
    package; ``.ci/run`` installs it). Session-scoped. Where Chromium or the
    ``playwright`` package is missing the test is skipped with the reason —
    except under CI (``CI=true``), where a missing browser is a failure, so the
    browser tests can never silently stop running there.

``page``
    A fresh page in its own context, offline: any request that is not
    ``file:``, ``data:``, ``blob:`` or ``about:`` is aborted and recorded in
    ``page.blocked_requests``. JavaScript dialogs (``alert``, ``confirm``...)
    are dismissed and recorded in ``page.dialogs``; page errors in
    ``page.page_errors``.

Tests in another folder can use them by importing both names from this module
(``from tests.browser.conftest import browser, page  # noqa: F401``), which
works because the README's test command runs from the repository root.

Set ``ARGMAP_CHROMIUM`` to use a browser binary other than the first of
``chromium``, ``chromium-browser``, ``google-chrome`` found on ``PATH``.
"""

from __future__ import annotations

import os
import shutil
import sys
import types
from typing import Iterator, Optional

import pytest

__all__ = ["browser", "page", "chromium_executable", "CHROMIUM_ARGS", "strip_csp"]

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
"""Command-line flags for a quiet, offline, root-friendly headless Chromium."""

_LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def chromium_executable() -> Optional[str]:
    """Path of the Chromium binary to drive, or None when there is none."""
    explicit = os.environ.get("ARGMAP_CHROMIUM")
    if explicit:
        return explicit if os.path.exists(explicit) else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests must run in CI, but {reason}", pytrace=False)
    pytest.skip(reason)


def _shared() -> dict:
    """One Playwright and one browser per test process, whichever copy of this module asks.

    Playwright's sync API cannot run twice at once in one thread, and this
    module may be loaded twice (as the conftest, and imported by another test
    module), so the state lives in one process-wide place.
    """
    holder = sys.modules.get(_SHARED)
    if holder is None:
        holder = types.ModuleType(_SHARED)
        holder.state = {"users": 0}
        sys.modules[_SHARED] = holder
    return holder.state


_SHARED = "_argmap_tests_shared_browser"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless system Chromium driven by Playwright (skips where none is installed)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the 'playwright' package is not installed (pip install -e '.[test]')")
    executable = chromium_executable()
    if executable is None:
        _unavailable("no Chromium found (apt-get install chromium, or set ARGMAP_CHROMIUM)")
    state = _shared()
    if "browser" not in state:
        manager = sync_playwright().start()
        try:
            state["browser"] = manager.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        except Exception as exc:  # noqa: BLE001 - report why the browser would not start
            manager.stop()
            _unavailable(f"Chromium at {executable} did not start: {str(exc).splitlines()[0]}")
        state["manager"] = manager
    state["users"] += 1
    try:
        yield state["browser"]
    finally:
        state["users"] -= 1
        if state["users"] == 0:
            state.pop("browser").close()
            state.pop("manager").stop()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh offline page that records dialogs, page errors and blocked requests."""
    context = browser.new_context(java_script_enabled=True, service_workers="block")
    context.set_default_timeout(10_000)
    new_page = context.new_page()
    new_page.dialogs = []
    new_page.page_errors = []
    new_page.blocked_requests = []

    def on_dialog(dialog) -> None:
        new_page.dialogs.append((dialog.type, dialog.message))
        dialog.dismiss()

    def on_route(route) -> None:
        url = route.request.url
        if url.startswith(_LOCAL_SCHEMES):
            route.continue_()
        else:
            new_page.blocked_requests.append(url)
            route.abort()

    new_page.on("dialog", on_dialog)
    new_page.on("pageerror", lambda err: new_page.page_errors.append(str(err)))
    new_page.route("**/*", on_route)
    try:
        yield new_page
    finally:
        context.close()


def strip_csp(path) -> None:
    """Remove a page's Content-Security-Policy, so that a test sees escaping hold on its own."""
    import re

    text = path.read_text(encoding="utf-8")
    stripped = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    assert stripped != text, "the page has no policy to strip"
    path.write_text(stripped, encoding="utf-8")
