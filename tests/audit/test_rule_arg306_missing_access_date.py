"""ARG306 missing-access-date."""

from __future__ import annotations

from tests.maps import BOOK

from .helpers import audit_text, only


PAGE = "argmap: 1\nevidence:\n  - id: e\n    citation: Page.\n    url: https://example.org/p\n"


def test_url_without_access_date(tmp_path):
    found = audit_text(tmp_path, PAGE, config=only("ARG306"))
    assert [(f.code, f.severity.value, f.location.line) for f in found] == [("ARG306", "warning", 5)]


def test_url_with_access_date_or_no_url(tmp_path):
    assert audit_text(tmp_path, PAGE + "    accessed: '2024-01-02'\n", config=only("ARG306")) == []
    assert audit_text(tmp_path, BOOK, config=only("ARG306")) == []
