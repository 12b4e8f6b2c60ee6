"""Review files: the model, located errors for every kind of mistake, and `review check`."""

from __future__ import annotations

import pytest

from argmap.review.files import EntryStatus, ReviewSeverity, Verdict, load_review

from .conftest import review_text, sha

ENTRIES = """\
  - target: q
    verdict: needs-evidence
    severity: major
    comment: Where does this come from?
    requested_source: The 2020 report itself.
  - target: i
    verdict: challenge
    comment: The hedge 'may' carries the whole thesis.
    proposed_text: The thesis may hold.
    status: answered
    response: Reworded.
"""


def test_valid_review_loads(small_map, write_review):
    path = write_review(review_text(small_map, ENTRIES))
    loaded = load_review(path)
    r = loaded.review
    assert (r.reviewer, r.date, r.map, r.map_sha256) == ("Ann Reviewer", "2026-11-27", "map.yaml", sha(small_map))
    first, second = r.entries
    assert (first.verdict, first.severity, first.status) == (Verdict.needs_evidence, ReviewSeverity.major, EntryStatus.open)
    assert first.requested_source == "The 2020 report itself."
    assert (second.verdict, second.severity, second.status) == (Verdict.challenge, ReviewSeverity.minor, EntryStatus.answered)
    assert second.response == "Reworded."
    assert loaded.map_path() == small_map.resolve()
    assert loaded.entry_location(1, "verdict").line == 13


def test_review_check_command(run_cli, small_map, write_review):
    path = write_review(review_text(small_map, ENTRIES))
    result = run_cli("review", "check", path)
    assert result.exit_code == 0, result.output
    assert "valid (2 entries by Ann Reviewer; current)" in result.stdout


def test_review_check_reports_stale(run_cli, small_map, write_review):
    path = write_review(review_text(small_map, ENTRIES))
    small_map.write_text(small_map.read_text() + "# edited\n")
    result = run_cli("review", "check", path)
    assert result.exit_code == 0, result.output
    assert "stale: the map changed since the review" in result.stdout


CASES = [
    # (name, edit of the good review text, expected line:col, message fragment)
    ("bad-yaml", lambda t: t.replace("    severity: major\n", "    severity: [major\n"), "10:", "invalid YAML"),
    ("unknown-key", lambda t: t.replace("    comment: Where", "    coment: Where"), "10:5", "unknown key 'coment' (did you mean 'comment'?)"),
    ("bad-verdict", lambda t: t.replace("verdict: challenge", "verdict: challange"), "13:14", "entry 2 ('i'): 'verdict' must be one of 'accept', 'challenge', 'needs-evidence' or 'reject', not 'challange' (did you mean 'challenge'?)"),
    ("missing-target", lambda t: t.replace("  - target: q\n    verdict", "  - verdict"), "7:5", "entry 1: missing required key 'target'"),
    ("target-not-in-map", lambda t: t.replace("target: q", "target: qq"), "7:13", "'qq' is not the id of a claim, evidence record or inference in map.yaml"),
    ("wrong-version", lambda t: t.replace("argmap-review: 1", "argmap-review: 2"), "1:16", "unsupported review format version 2"),
    ("missing-version", lambda t: t.replace("argmap-review: 1\n", ""), "1:1", "missing 'argmap-review: 1'"),
    ("bad-severity", lambda t: t.replace("severity: major", "severity: warning"), "9:15", "'severity' must be one of 'minor', 'major' or 'critical'"),
    ("bad-status", lambda t: t.replace("status: answered", "status: done"), "16:13", "'status' must be one of"),
    ("bad-hash", lambda t: t.replace("map_sha256: '", "map_sha256: 'zz"), "3:13", "map_sha256"),
    ("duplicate-key", lambda t: t.replace("    severity: major\n", "    severity: major\n    severity: minor\n"), "10:5", "duplicate key 'severity'"),
]


@pytest.mark.parametrize("name,edit,where,fragment", CASES, ids=[c[0] for c in CASES])
def test_broken_review_gives_located_error(run_cli, small_map, write_review, name, edit, where, fragment):
    path = write_review(edit(review_text(small_map, ENTRIES)))
    before = path.read_bytes()
    result = run_cli("review", "check", path)
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line]
    assert lines, result.output
    assert lines[0].startswith(f"argmap: error: {path}:{where}"), lines[0]
    assert fragment in result.stderr
    assert "Traceback" not in result.output
    assert path.read_bytes() == before


def test_target_of_changed_map_is_stale_not_an_error(run_cli, small_map, write_review):
    """A target that vanished after the map changed is a stale entry, reported but not an error."""
    path = write_review(review_text(small_map, ENTRIES.replace("target: q", "target: gone")))
    assert run_cli("review", "check", path).exit_code == 1  # same map version: a typo
    small_map.write_text(small_map.read_text() + "# revised\n")
    result = run_cli("review", "check", path)
    assert result.exit_code == 0, result.output
    assert "stale" in result.stdout
