"""ARG3xx rules: quotes in the source, quotations and evidence records."""

from __future__ import annotations

import pytest

from argmap.audit.quotation_without_source import quotes_someone
from argmap.audit.quote_not_found import normalise
from argmap.config import Config

from .helpers import audit_text, codes

SOURCE = "Azerbaijan, with Russia\u2019s tacit\n  approval, violated the agreement \u2014 twice. Yeltsin called it \u201copen aggression\u201d.\n"


def only(*code: str) -> Config:
    return Config(select=list(code))


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


# ARG301 quote-not-found


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


def test_normalise_is_one_small_function():
    assert normalise(" a\u00a0\u2018b\u2019\u2013c ") == "a 'b'-c"


# ARG302 quotation-without-source


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Russia\u2019s tacit approval", False),
        ("the Serbs\u2019 and the Croats\u2019 land", False),
        ("the Serbs' and the Croats' land", False),
        ("it's the 'nineties", False),
        ("condemned it as \u201cillegal\u201d", True),
        ('condemned it as "illegal"', True),
        ("condemned it as \u2018illegal\u2019.", True),
        ("condemned it as 'illegal aggression', then", True),
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


# ARG303 / ARG304: evidence without citation, by who added it


EVIDENCE = "argmap: 1\nevidence:\n  - id: e\n    quote: {quote}\n    added_by: {who}\n{extra}"


def test_uncited_evidence_by_who_added_it(tmp_path):
    analyst = audit_text(tmp_path, EVIDENCE.format(quote="Trade grew.", who="analyst", extra=""), config=only("ARG3"))
    author = audit_text(tmp_path, EVIDENCE.format(quote="Trade grew.", who="author", extra=""), config=only("ARG3"))
    assert [(f.code, f.severity.value) for f in analyst] == [("ARG303", "warning")]
    assert [(f.code, f.severity.value) for f in author] == [("ARG304", "info")]
    cited = EVIDENCE.format(quote="Trade grew.", who="analyst", extra="    citation: Stats office.\n")
    assert audit_text(tmp_path, cited, config=only("ARG3")) == []


def test_unsourced_quotation_in_evidence_is_reported_once(tmp_path):
    # Tuning on the bundled article: an unattributed quoted statement ("developing rapidly")
    # was reported three times (claim, record as ARG302, record as ARG305).
    text = EVIDENCE.format(quote="'called it \"open aggression\"'", who="author", extra="")
    assert codes(audit_text(tmp_path, text, config=only("ARG3"))) == [("ARG302", "e")]
    statement = text + "    kind: statement\n"
    claim = "claims:\n  - id: c\n    text: C.\n    quote: 'it is \"open aggression\"'\n    evidence: [e]\n"
    assert codes(audit_text(tmp_path, statement.replace("evidence:\n", claim + "evidence:\n"), config=only("ARG3"))) == [
        ("ARG305", "e")
    ]


# ARG305-ARG307: attribution, access date, archived copy


def test_statement_needs_a_speaker(tmp_path):
    text = "argmap: 1\nevidence:\n  - id: e\n    kind: statement\n    quote: We are partners.\n    citation: TV, 2023\n"
    assert codes(audit_text(tmp_path, text, config=only("ARG305"))) == [("ARG305", "e")]
    assert audit_text(tmp_path, text + "    by: The minister\n", config=only("ARG305")) == []
    document = text.replace("kind: statement", "kind: document")
    assert audit_text(tmp_path, document, config=only("ARG305")) == []


def test_url_needs_access_date_and_archive(tmp_path):
    text = "argmap: 1\nevidence:\n  - id: e\n    citation: Page.\n    url: https://example.org/p\n"
    found = audit_text(tmp_path, text, config=only("ARG306", "ARG307"))
    assert [(f.code, f.severity.value, f.location.line) for f in found] == [
        ("ARG306", "warning", 5),
        ("ARG307", "info", 5),
    ]
    complete = text + "    accessed: '2024-01-02'\n    archived_url: https://web.archive.org/x\n"
    assert audit_text(tmp_path, complete, config=only("ARG306", "ARG307")) == []
    no_url = "argmap: 1\nevidence:\n  - id: e\n    citation: Book.\n"
    assert audit_text(tmp_path, no_url, config=only("ARG306", "ARG307")) == []
