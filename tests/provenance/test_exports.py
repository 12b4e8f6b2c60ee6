"""`argmap export --to annotations|claimreview`: W3C Web Annotation and schema.org ClaimReview JSON-LD."""

from __future__ import annotations

import json

import pytest

from argmap.provenance.anchoring import Source
from argmap.loading import load
from argmap.writers.annotations import CONTEXT
from argmap.writers.claimreview import ReviewedClaim, claim_reviews

SOURCE = "Intro line.\n\nSerbia signed a plan with Azerbaijan. The partnership is \u201cdeveloping rapidly\u201d.\n"

MAP = """\
argmap: 1
title: Export test
source:
  author: Martin Wirkus
  title: The Curious Partnership
  text: source.txt
  accessed: "2024-03-01"
claims:
  - id: plan
    text: Serbia signed a plan.
    quote: Serbia signed a plan with Azerbaijan
    evidence: [rapid, page]
  - id: rapid-claim
    text: The partnership grows fast.
    quote: The partnership is "developing rapidly"
  - id: lost
    text: Not in the text.
    quote: words that are nowhere in the source at all
evidence:
  - id: rapid
    kind: statement
    quote: developing rapidly
  - id: page
    kind: document
    title: A page
    url: https://example.org/page
    archived_url: https://web.archive.org/web/2024/https://example.org/page
    accessed: "2024-02-02"
    added_by: analyst
    added: "2024-02-03"
"""


def _terms(node, found: set) -> set:
    """Every key and every type/motivation/purpose value used in a JSON-LD node."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "@context":
                continue
            found.add(k)
            if k in ("type", "motivation", "purpose"):
                found.update(v if isinstance(v, list) else [v])
            _terms(v, found)
    elif isinstance(node, list):
        for item in node:
            _terms(item, found)
    return found


@pytest.fixture
def exported(run_cli, write_map):
    path = write_map(MAP, source=SOURCE)
    result = run_cli("export", path, "--to", "annotations")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_one_annotation_per_anchored_claim_and_per_evidence_link(exported):
    items = exported["first"]["items"]
    assert [(a["motivation"], a["id"].rsplit(":", 2)[-2:]) for a in items] == [
        ("describing", ["claim", "plan"]),
        ("assessing", ["plan", "rapid"]),
        ("assessing", ["plan", "page"]),
        ("describing", ["claim", "rapid-claim"]),
    ]
    assert exported["total"] == 4  # the orphaned claim gets none


def test_selectors_point_at_the_quote_in_the_normalised_source(exported):
    text = Source.from_text(SOURCE).text
    for a in exported["first"]["items"]:
        quote_sel, pos_sel = a["target"]["selector"]
        assert quote_sel["type"] == "TextQuoteSelector" and pos_sel["type"] == "TextPositionSelector"
        assert text[pos_sel["start"] : pos_sel["end"]] == quote_sel["exact"]
        assert text[: pos_sel["start"]].endswith(quote_sel["prefix"])
        assert text[pos_sel["end"] :].startswith(quote_sel["suffix"])
    rapid = exported["first"]["items"][3]
    assert rapid["target"]["selector"][0]["exact"] == "The partnership is \u201cdeveloping rapidly\u201d"


def test_time_state_creator_created(exported):
    items = exported["first"]["items"]
    assert items[0]["target"]["state"] == {"type": "TimeState", "sourceDate": "2024-03-01"}
    page = items[2]
    link = next(b for b in page["body"] if b["type"] == "SpecificResource")
    assert link["source"] == "https://example.org/page"
    assert link["state"] == {
        "type": "TimeState",
        "sourceDate": "2024-02-02",
        "cached": "https://web.archive.org/web/2024/https://example.org/page",
    }
    assert page["creator"] == {"type": "Person", "nickname": "analyst"} and page["created"] == "2024-02-03"
    assert items[1]["creator"] == {"type": "Person", "name": "Martin Wirkus"}


def test_context_is_inline_and_defines_every_term(exported):
    assert isinstance(exported["@context"], dict)  # nothing to fetch
    assert not any(isinstance(v, str) and v.endswith(".jsonld") for v in exported["@context"].values())
    assert _terms(exported, set()) <= set(CONTEXT)


def test_stored_anchors_are_used_without_source_text(write_map):
    from argmap.writers.annotations import annotations

    loaded = load(write_map(MAP, source=SOURCE), read_source=False)
    assert annotations(loaded.map, None)["total"] == 0  # no anchors stored, no text: nothing placed
    loaded.map.claims[0].anchor = Source.from_text(SOURCE).anchor_for(13, 49)
    doc = annotations(loaded.map, None)
    assert doc["first"]["items"][0]["target"]["selector"][1] == {"type": "TextPositionSelector", "start": 13, "end": 49}


def test_claimreview_from_hand_made_verdicts(write_map):
    m = load(write_map(MAP, source=SOURCE)).map
    doc = claim_reviews(
        m,
        [
            ReviewedClaim("plan", "accept", "R. One", "2026-11-27", "Matches the record."),
            ReviewedClaim("rapid-claim", "needs-evidence", "R. Two", None, ""),
            ReviewedClaim("not-a-claim", "reject", "R. Two"),
        ],
    )
    assert doc["@context"] == {"@vocab": "https://schema.org/"}
    first, second = doc["@graph"]
    assert first["@type"] == "ClaimReview" and first["claimReviewed"] == "Serbia signed a plan."
    assert first["itemReviewed"]["text"] == "Serbia signed a plan with Azerbaijan"
    assert first["itemReviewed"]["author"] == {"@type": "Person", "name": "Martin Wirkus"}
    assert first["reviewRating"] == {
        "@type": "Rating", "ratingValue": 4, "bestRating": 4, "worstRating": 1, "alternateName": "Accepted",
    }
    assert first["datePublished"] == "2026-11-27" and first["reviewBody"] == "Matches the record."
    assert second["reviewRating"]["alternateName"] == "Needs evidence" and "datePublished" not in second


def test_claimreview_without_reviews_says_how_to_add_one(run_cli, write_map):
    path = write_map(MAP, source=SOURCE)
    result = run_cli("export", path, "--to", "claimreview")
    assert result.exit_code == 1
    assert "argmap review init" in result.stderr and "--reviewer NAME" in result.stderr
    assert "Traceback" not in result.output


def test_claimreview_from_a_review_file(run_cli, write_map, tmp_path):
    from argmap.review import files as review
    path = write_map(MAP, source=SOURCE)
    (tmp_path / "map.review.yaml").write_text(
        "argmap-review: 1\n"
        "map: map.yaml\n"
        f"map_sha256: {review.sha256_file(path)}\n"
        "reviewer: R. Viewer\n"
        "date: '2026-11-27'\n"
        "entries:\n"
        "  - target: plan\n    verdict: challenge\n    severity: major\n    comment: Which plan exactly?\n",
        encoding="utf-8",
    )
    result = run_cli("export", path, "--to", "claimreview")
    assert result.exit_code == 0, result.output
    graph = json.loads(result.stdout)["@graph"]
    assert [(g["claimReviewed"], g["reviewRating"]["alternateName"], g["author"]["name"]) for g in graph] == [
        ("Serbia signed a plan.", "Challenged", "R. Viewer")
    ]
