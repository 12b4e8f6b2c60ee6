"""Evidence quality tiers: unattributed quotation < attributed statement < cited document < archived source.

Hand-made maps, one per tier and the mixtures that matter: an unattributed fragment alone never
makes a claim supported, any better record does, and the best record of a claim counts."""

from __future__ import annotations

import pytest

from argmap.evaluation.evaluate import evaluate, explain, to_dict

RECORDS = {
    "unattributed": {"id": "r", "kind": "statement", "quote": "“full-scale war”"},
    "attributed": {"id": "r", "kind": "statement", "quote": "“illegal”", "by": "Boris Yeltsin"},
    "cited": {"id": "r", "kind": "document", "citation": "ICC press release, 2024"},
    "cited-by-url": {"id": "r", "kind": "document", "url": "https://example.org/report"},
    "archived": {"id": "r", "kind": "document", "url": "https://example.org/report",
                 "archived_url": "https://web.archive.org/web/2024/https://example.org/report"},
}


def one_claim_map(make_map, record: dict, extra: str = "") -> object:
    lines = [f"    {k}: {v!r}" if k != "id" else f"  - id: {v}" for k, v in record.items()]
    text = (
        "argmap: 1\nthesis: t\nclaims:\n  - id: t\n    text: T.\n  - id: p\n    text: P.\n    evidence: [r]\n"
        + extra
        + "evidence:\n" + "\n".join(lines) + "\n"
        + "inferences:\n  - id: i\n    premises: [p]\n    conclusion: t\n    warrant: w\n"
    )
    return make_map(text)


@pytest.mark.parametrize("name, tier, status", [
    ("unattributed", "unattributed", "weak"),
    ("attributed", "attributed", "supported"),
    ("cited", "cited", "supported"),
    ("cited-by-url", "cited", "supported"),
    ("archived", "archived", "supported"),
])
def test_each_tier_and_its_status(make_map, name, tier, status):
    m = one_claim_map(make_map, RECORDS[name])
    ev = evaluate(m)
    assert ev.status["p"] == status
    assert ev.status["t"] == status  # a sound step passes the premise's status on
    data = {c["id"]: c for c in to_dict(m, ev)["claims"]}
    assert data["p"]["evidence_tier"] == tier
    assert data["t"]["evidence_tier"] is None


def test_unattributed_fragment_is_the_weakest_link(make_map):
    m = one_claim_map(make_map, RECORDS["unattributed"])
    ev = evaluate(m)
    assert ev.weakest_link["p"] == "p" and ev.weakest_link["t"] == "p"
    # and the thesis's critical step is that claim: a better source would raise it
    assert ev.critical_step == "p"


def test_best_record_counts(make_map):
    text = (
        "argmap: 1\nclaims:\n  - id: p\n    text: P.\n    evidence: [u, a]\n"
        "evidence:\n  - id: u\n    kind: statement\n    quote: words\n"
        "  - id: a\n    kind: statement\n    quote: words\n    by: A. Speaker\n"
    )
    ev = evaluate(make_map(text))
    assert ev.status["p"] == "supported" and ev.structure.claims["p"].tier == "attributed"


def test_assumption_beats_an_unattributed_fragment(make_map):
    m = one_claim_map(make_map, RECORDS["unattributed"], extra="    assumption: true\n")
    assert evaluate(m).status["p"] == "assumed"


def test_common_knowledge_counts_like_an_assumption(make_map):
    text = "argmap: 1\nclaims:\n  - id: p\n    text: Serbia is Orthodox.\n    common_knowledge: true\n"
    m = make_map(text)
    ev = evaluate(m)
    assert ev.status["p"] == "assumed"
    lines = explain(m, ev, "p").lines
    assert [(line.kind, line.note) for line in lines[1:]] == [("assumption", "common knowledge")]


def test_explain_names_each_records_tier(make_map):
    m = one_claim_map(make_map, RECORDS["attributed"])
    x = explain(m, evaluate(m), "p")
    assert [(line.kind, line.note) for line in x.lines if line.kind == "evidence"] == [("evidence", "attributed")]
