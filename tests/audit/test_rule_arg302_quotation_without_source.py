"""ARG302 quotation-without-source: quotation marks, apostrophes, and where the source is looked for."""

from __future__ import annotations

import pytest

from argmap.audit.quotation_without_source import quotes_someone

from tests.maps import EVIDENCE_QUOTE

from .helpers import audit_text, codes, only


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Russia\u2019s tacit approval", False),
        ("the Serbs\u2019 and the Croats\u2019 land", False),
        ("the Serbs' and the Croats' land", False),
        ("it's the 'nineties", False),
        ("condemned it as \u201cillegal\u201d", True),
        ('condemned it as "illegal"', True),
        ("Armenia\u2019s perceived \u2018betrayal\u2019 of Russia", False),  # scare quote: one word
        ("condemned it as 'illegal aggression', then", False),  # two words in single quotes: scare quote
        ("condemned it as \u2018an illegal aggression\u2019.", True),
        ("condemned it as 'an illegal aggression', then", True),
        ("\u00abnon\u00bb", True),
    ],
)
def test_quotation_marks_versus_apostrophes(text, expected):
    assert quotes_someone(text) is expected


CLAIM_QUOTING = """\
argmap: 1
claims:
  - id: c
    text: C.
    quote: 'called it "open aggression"'
{evidence}
"""


def test_claim_quoting_with_no_evidence_record(tmp_path):
    found = audit_text(tmp_path, CLAIM_QUOTING.format(evidence=""), config=only("ARG302"))
    assert codes(found) == [("ARG302", "c")]
    assert (found[0].location.line, found[0].location.column) == (5, 12)


@pytest.mark.parametrize(
    "record,expected",
    [
        ("    kind: document\n    quote: '\"open aggression\"'\n", [("ARG302", "e")]),
        ("    kind: document\n    quote: '\"open aggression\"'\n    citation: TASS, 1999\n", []),
        ("    kind: report\n    quote: '\"open aggression\"'\n    url: https://example.org/x\n", []),
        ("    kind: media\n    quote: '\"open aggression\"'\n    by: Boris Yeltsin\n", []),
        # a statement with no speaker is reported by unattributed-quotation (ARG305) instead
        ("    kind: statement\n    quote: '\"open aggression\"'\n", [("ARG305", "e")]),
    ],
)
def test_claim_quoting_is_checked_on_its_evidence_record(tmp_path, record, expected):
    text = CLAIM_QUOTING.format(evidence="    evidence: [e]\nevidence:\n  - id: e\n" + record)
    assert codes(audit_text(tmp_path, text, config=only("ARG302", "ARG305"))) == expected


def test_claim_with_apostrophe_only_is_not_a_quotation(tmp_path):
    text = "argmap: 1\nclaims:\n  - id: c\n    text: C.\n    quote: \"with Russia\u2019s tacit approval\"\n"
    assert audit_text(tmp_path, text, config=only("ARG302")) == []


def test_unsourced_quotation_in_evidence_is_reported_once(tmp_path):
    # Tuning on the bundled article: an unattributed quoted statement ("developing rapidly")
    # was reported three times (claim, record as ARG302, record as ARG305).
    text = EVIDENCE_QUOTE.format(quote="'called it \"open aggression\"'", who="author", extra="")
    no_claim_uses_it = only("ARG3").override(ignore=["unused-evidence"])
    assert codes(audit_text(tmp_path, text, config=no_claim_uses_it)) == [("ARG302", "e")]
    statement = text + "    kind: statement\n"
    claim = "claims:\n  - id: c\n    text: C.\n    quote: 'it is \"open aggression\"'\n    evidence: [e]\n"
    assert codes(audit_text(tmp_path, statement.replace("evidence:\n", claim + "evidence:\n"), config=only("ARG3"))) == [
        ("ARG305", "e")
    ]


def test_scare_quote_in_the_bundled_map_is_not_a_quotation(tmp_path):
    """Regression: the article's "Armenia's perceived ‘betrayal’" was reported as an unsourced quotation."""
    from pathlib import Path

    from argmap.audit import run
    from argmap.loading import load

    claims = Path(__file__).resolve().parents[2] / "claims"
    loaded = load(claims / "serbia-azerbaijan.yaml")
    assert "\u2018betrayal\u2019" in loaded.map.claim("ties-reaction-to-betrayal").quote
    flagged = {f.target for f in run(loaded) if f.code == "ARG302"}
    assert "ties-reaction-to-betrayal" not in flagged
