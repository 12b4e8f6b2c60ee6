"""ARG305 unattributed-quotation: quoted statements need a speaker."""

from __future__ import annotations

from .helpers import audit_text, codes, only


def test_statement_needs_a_speaker(tmp_path):
    text = "argmap: 1\nevidence:\n  - id: e\n    kind: statement\n    quote: We are partners.\n    citation: TV, 2023\n"
    assert codes(audit_text(tmp_path, text, config=only("ARG305"))) == [("ARG305", "e")]
    assert audit_text(tmp_path, text + "    by: The minister\n", config=only("ARG305")) == []
    document = text.replace("kind: statement", "kind: document")
    assert audit_text(tmp_path, document, config=only("ARG305")) == []
