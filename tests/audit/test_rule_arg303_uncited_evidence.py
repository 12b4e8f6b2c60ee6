"""ARG303 uncited-evidence: evidence the analyst adds must say where it is from."""

from __future__ import annotations

from tests.maps import EVIDENCE_QUOTE

from .helpers import audit_text, only


def test_analyst_evidence_without_citation_is_a_warning(tmp_path):
    found = audit_text(tmp_path, EVIDENCE_QUOTE.format(quote="Trade grew.", who="analyst", extra=""), config=only("ARG303", "ARG304"))
    assert [(f.code, f.target, f.severity.value) for f in found] == [("ARG303", "e", "warning")]


def test_citation_or_url_passes(tmp_path):
    for extra in ("    citation: Stats office, 2023.\n", "    url: https://example.org/trade\n"):
        text = EVIDENCE_QUOTE.format(quote="Trade grew.", who="analyst", extra=extra)
        assert audit_text(tmp_path, text, config=only("ARG303")) == []
