"""ARG304 uncited-author-evidence: an info note on the author's uncited evidence."""

from __future__ import annotations

from tests.maps import EVIDENCE_QUOTE

from .helpers import audit_text, only


def test_author_evidence_without_citation_is_info(tmp_path):
    found = audit_text(tmp_path, EVIDENCE_QUOTE.format(quote="Trade grew.", who="author", extra=""), config=only("ARG303", "ARG304"))
    assert [(f.code, f.target, f.severity.value) for f in found] == [("ARG304", "e", "info")]


def test_author_evidence_with_citation_passes(tmp_path):
    text = EVIDENCE_QUOTE.format(quote="Trade grew.", who="author", extra="    citation: Stats office, 2023.\n")
    assert audit_text(tmp_path, text, config=only("ARG304")) == []
