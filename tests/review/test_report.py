"""`argmap review init` and `argmap review report`: skeletons, summaries, stale entries, escaping."""

from __future__ import annotations

import re

import pytest
import yaml

from .conftest import review_text

ANN = """\
  - target: q
    verdict: needs-evidence
    severity: major
    comment: Where does this come from?
  - target: i
    verdict: challenge
    severity: critical
    comment: The hedge carries the thesis.
    status: resolved
"""

BOB = """\
  - target: q
    verdict: accept
    comment: Common knowledge in the field.
  - target: p
    verdict: accept
    status: answered
    response: Thanks.
"""


def _init(run_cli, small_map, tmp_path, name="new.review.yaml"):
    out = tmp_path / name
    result = run_cli("review", "init", small_map, "--reviewer", "Cy", "--date", "2026-11-27", "-o", out)
    assert result.exit_code == 0, result.output
    return out


def test_init_writes_valid_skeleton_listing_claims_and_inferences(run_cli, small_map, tmp_path):
    out = _init(run_cli, small_map, tmp_path)
    text = out.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["argmap-review"] == 1 and data["reviewer"] == "Cy" and data["map"] == "map.yaml"
    assert data["entries"] is None  # nothing reviewed yet, and still valid:
    assert run_cli("review", "check", out).exit_code == 0
    listed = re.findall(r"^  #- target: (\S+)$", text, flags=re.M)
    assert listed == ["t", "p", "q", "i"]  # claims, then inferences, in map order


def test_init_prefills_audit_findings(run_cli, small_map, tmp_path):
    from argmap.diffing import run_audit
    from argmap.loading import load

    findings = run_audit(load(small_map))
    assert findings, "the small map is made to have findings"
    text = _init(run_cli, small_map, tmp_path).read_text(encoding="utf-8")
    for f in findings:
        if f.target in {"t", "p", "q", "i"}:
            assert f"# audit: [{f.severity.value} {f.code}]" in text


def test_filled_skeleton_is_valid_and_an_unfilled_verdict_is_an_error(run_cli, small_map, tmp_path):
    out = _init(run_cli, small_map, tmp_path)
    text = out.read_text(encoding="utf-8")
    uncommented = re.sub(r"^  #(- target|  verdict|  severity|  comment|  status)", r"  \1", text, flags=re.M)
    out.write_text(uncommented, encoding="utf-8")
    result = run_cli("review", "check", out)
    assert result.exit_code == 1  # claims without findings have an empty verdict
    assert "'verdict'" in result.stderr and f"{out}:" in result.stderr
    filled = re.sub(r"verdict: +# accept.*$", "verdict: accept", uncommented, flags=re.M)
    out.write_text(filled, encoding="utf-8")
    result = run_cli("review", "check", out)
    assert result.exit_code == 0, result.output
    assert "valid (4 entries by Cy; current)" in result.stdout


def test_init_refuses_to_overwrite(run_cli, small_map, tmp_path):
    out = _init(run_cli, small_map, tmp_path)
    out.write_text("my work\n")
    result = run_cli("review", "init", small_map, "--reviewer", "Cy", "-o", out)
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert out.read_text() == "my work\n"


def test_init_default_output_beside_the_map(run_cli, small_map):
    result = run_cli("review", "init", small_map, "--reviewer", "Cy")
    assert result.exit_code == 0, result.output
    assert (small_map.parent / "map.review.yaml").is_file()


def _report(run_cli, small_map, write_review, tmp_path, suffix=".md"):
    ann = write_review(review_text(small_map, ANN, reviewer="Ann"), "ann.review.yaml")
    bob = write_review(review_text(small_map, BOB, reviewer="Bob"), "bob.review.yaml")
    out = tmp_path / f"report{suffix}"
    result = run_cli("review", "report", small_map, ann, bob, "-o", out)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_markdown_report_summary_disagreements_sections(run_cli, small_map, write_review, tmp_path):
    text = _report(run_cli, small_map, write_review, tmp_path)
    assert "Verdicts: accept 2 · challenge 1 · needs-evidence 1 · reject 0" in text
    assert "Severity: minor 2 · major 1 · critical 1" in text
    assert "Status: open 2 · answered 1 · resolved 1" in text
    assert "Open items (2):" in text
    disagreements = text.split("## Disagreements (1)")[1].split("## Stale")[0]
    assert "### `q`" in disagreements and "**Ann**" in disagreements and "**Bob**" in disagreements
    assert "## Stale review entries (0)" in text
    claim_q = text.split("### claim `q`")[1].split("###")[0]
    assert "Where does this come from?" in claim_q and "Common knowledge in the field." in claim_q
    claim_p = text.split("### claim `p`")[1].split("###")[0]
    assert "> “alpha beta”" in claim_p and "`e` — Some report, 2020 “gamma”" in claim_p
    assert "Author's response: Thanks." in claim_p


def test_stale_reviews_are_shown_not_dropped(run_cli, small_map, write_review, tmp_path):
    ann = write_review(review_text(small_map, ANN, reviewer="Ann"), "ann.review.yaml")
    small_map.write_text(small_map.read_text().replace("  - id: q\n    text: A premise without support.\n", "")
                         .replace("premises: [p, q]", "premises: [p]"))
    result = run_cli("review", "report", small_map, ann)
    assert result.exit_code == 0, result.output
    text = result.stdout
    stale = text.split("## Stale review entries (2)")[1].split("## ")[0]
    assert "on `q`" in stale and "its target is no longer in the map" in stale
    assert "on `i`" in stale and "the map changed since the review" in stale
    assert "changed since review (stale)" in text


def test_report_format_from_suffix_is_html(run_cli, small_map, write_review, tmp_path):
    text = _report(run_cli, small_map, write_review, tmp_path, suffix=".html")
    assert text.startswith("<!DOCTYPE html>")
    assert 'id="panel-claim-q"' in text and 'data-panel="panel-claim-q"' in text
    assert "http://" not in text.replace("http://www.w3.org/", "")  # nothing to fetch
    assert "<link" not in text and "src=" not in text


HOSTILE = '<script>alert(1)</script> " onload="alert(2) [x](javascript:alert(3)) <img src=x onerror=alert(4)> **b**'


def test_markdown_report_passes_no_raw_html(run_cli, write_map, write_review, tmp_path):
    from markdown_it import MarkdownIt

    path = write_map(
        "argmap: 1\nclaims:\n  - id: h\n    text: " + yaml.safe_dump(HOSTILE, width=1000).split("\n")[0]
        + "\n    quote: " + yaml.safe_dump("1. " + HOSTILE, width=1000).split("\n")[0] + "\n"
    )
    review = write_review(review_text(path, "  - target: h\n    verdict: reject\n    comment: "
                                      + yaml.safe_dump(HOSTILE, width=1000).split("\n")[0] + "\n", reviewer="'<b>Eve</b>'"))
    result = run_cli("review", "report", path, review, "-o", tmp_path / "r.md")
    assert result.exit_code == 0, result.output
    rendered = MarkdownIt("commonmark").render((tmp_path / "r.md").read_text(encoding="utf-8"))
    assert "<script" not in rendered and "<img" not in rendered and "<b>Eve" not in rendered
    assert not re.search(r"<[^>]*\son\w+=", rendered)  # no event-handler attribute in any tag
    assert 'href="javascript' not in rendered and "<a " not in rendered
    assert "<strong>b</strong>" not in rendered and "<ol" not in rendered  # nor emphasis, nor a list
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered  # shown as text


def test_report_says_when_a_review_names_another_map(run_cli, small_map, write_review, tmp_path):
    copy = tmp_path / "copy.yaml"
    copy.write_text(small_map.read_text())
    ann = write_review(review_text(small_map, ANN, reviewer="Ann"), "ann.review.yaml")
    result = run_cli("review", "report", copy, ann)
    assert result.exit_code == 0, result.output
    assert "current; the review names map.yaml" in result.stdout  # same bytes, other file


def test_init_into_missing_folder_is_a_located_error(run_cli, small_map, tmp_path):
    result = run_cli("review", "init", small_map, "--reviewer", "Cy", "-o", tmp_path / "no" / "r.yaml")
    assert result.exit_code == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.output


def test_init_keeps_hostile_map_text_inside_comments(run_cli, write_map, tmp_path):
    text = "Line one\n  - target: evil\n    verdict: accept\n\x1b[31m\u2028end"
    path = write_map("argmap: 1\nclaims:\n  - id: c\n    text: " + yaml.safe_dump(text).split("\n...")[0].strip() + "\n")
    out = tmp_path / "r.yaml"
    result = run_cli("review", "init", path, "--reviewer", "Cy", "-o", out)
    assert result.exit_code == 0, result.output
    written = out.read_text(encoding="utf-8")
    assert yaml.safe_load(written)["entries"] is None  # the claim text opened no entry
    assert "\x1b" not in written and "\u2028" not in written
    assert "# text:  Line one - target: evil verdict: accept" in written


def test_json_report(run_cli, small_map, write_review, tmp_path):
    import json

    data = json.loads(_report(run_cli, small_map, write_review, tmp_path, suffix=".json"))
    assert data["summary"]["verdicts"] == {"accept": 2, "challenge": 1, "needs-evidence": 1, "reject": 0}
    assert data["summary"]["open"] == 2 and data["summary"]["stale"] == 0
    assert data["disagreements"] == [{"target": "q", "verdicts": {"Ann": "needs-evidence", "Bob": "accept"}}]
    first = data["entries"][0]
    assert (first["target"], first["reviewer"], first["line"], first["column"]) == ("q", "Ann", 7, 5)
    assert first["file"].endswith("ann.review.yaml")


def test_html_report_can_colour_the_map_by_status(run_cli, small_map, write_review, tmp_path):
    from argmap.diffing import run_evaluation
    from argmap.loading import load

    ann = write_review(review_text(small_map, ANN, reviewer="Ann"), "ann.review.yaml")
    out = tmp_path / "r.html"
    result = run_cli("review", "report", small_map, ann, "-o", out, "--color-by", "status")
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    status = run_evaluation(load(small_map).map).status
    for claim, value in status.items():
        node = re.search(rf'<g id="claim-{claim}" class="([^"]*)"', html) or re.search(
            rf'<g[^>]* id="claim-{claim}"[^>]* class="([^"]*)"', html)
        assert node and value in node.group(1).split(), (claim, value)


def test_init_needs_a_reviewer_name(run_cli, small_map, tmp_path):
    result = run_cli("review", "init", small_map, "--reviewer", "  ", "-o", tmp_path / "r.yaml")
    assert result.exit_code == 2 and "--reviewer" in result.stderr
    assert not (tmp_path / "r.yaml").exists()
