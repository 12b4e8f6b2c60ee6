"""ARG301 quote-not-found: quotes must be the source's words."""

from __future__ import annotations

import pytest

from argmap.provenance.anchoring import fold, normalise

from .helpers import audit_text, codes, only


SOURCE = "Azerbaijan, with Russia\u2019s tacit\n  approval, violated the agreement \u2014 twice. Yeltsin called it \u201copen aggression\u201d.\n"


def quote_map(quote: str, where: str = "claims") -> str:
    head = "argmap: 1\nsource:\n  text: source.txt\n"
    if where == "claims":
        return head + f"claims:\n  - id: c\n    text: C.\n    quote: {quote}\n"
    if where == "inferences":
        return head + (
            "claims:\n  - id: a\n    text: A.\n  - id: b\n    text: B.\n"
            f"inferences:\n  - id: i\n    premises: [a]\n    conclusion: b\n    quote: {quote}\n"
        )
    return head + f"evidence:\n  - id: e\n    quote: {quote}\n    added_by: {where}\n"


@pytest.mark.parametrize(
    "quote",
    [
        "\"with Russia's tacit approval\"",  # straight apostrophe vs curly; line break in the source
        "\"violated the agreement - twice\"",  # hyphen vs em dash
        "'called it \"open aggression\"'",  # straight vs curly double quotes
    ],
)
def test_quote_found_after_normalising(tmp_path, quote):
    for where in ("claims", "inferences", "author"):
        assert audit_text(tmp_path, quote_map(quote, where), SOURCE, only("ARG301")) == []


def test_quote_not_found_is_located_at_the_quote(tmp_path):
    found = audit_text(tmp_path, quote_map("Russia openly condemned the blockade"), SOURCE, only("ARG301"))
    assert codes(found) == [("ARG301", "c")]
    assert (found[0].location.line, found[0].location.column) == (7, 12)
    assert found[0].severity.value == "error"


def test_analyst_evidence_is_not_checked_against_the_article(tmp_path):
    assert audit_text(tmp_path, quote_map("words from elsewhere", "analyst"), SOURCE, only("ARG301")) == []
    assert codes(audit_text(tmp_path, quote_map("words from elsewhere", "author"), SOURCE, only("ARG301"))) == [
        ("ARG301", "e")
    ]


def test_no_source_text_no_check(tmp_path):
    text = "argmap: 1\nclaims:\n  - id: c\n    text: C.\n    quote: anything at all\n"
    assert audit_text(tmp_path, text, config=only("ARG301")) == []


def test_quotes_are_matched_as_anchoring_normalises_and_folds_them():
    assert fold(normalise(" a\u00a0\u2018b\u2019\u2013c ")) == "a 'b'-c"
