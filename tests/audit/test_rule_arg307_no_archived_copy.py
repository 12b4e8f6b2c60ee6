"""ARG307 no-archived-copy."""

from __future__ import annotations

from tests.maps import BOOK

from .helpers import audit_text, only


PAGE = "argmap: 1\nevidence:\n  - id: e\n    citation: Page.\n    url: https://example.org/p\n    accessed: '2024-01-02'\n"


def test_url_without_archived_copy_is_info(tmp_path):
    found = audit_text(tmp_path, PAGE, config=only("ARG307"))
    assert [(f.code, f.severity.value, f.location.line) for f in found] == [("ARG307", "info", 5)]


def test_archived_copy_or_no_url(tmp_path):
    assert audit_text(tmp_path, PAGE + "    archived_url: https://web.archive.org/x\n", config=only("ARG307")) == []
    assert audit_text(tmp_path, BOOK, config=only("ARG307")) == []
