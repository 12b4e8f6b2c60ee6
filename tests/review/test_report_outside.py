"""`review report` applies `review check`'s rule: a review's `map:` stays in its folder."""

from __future__ import annotations

import hashlib

MAP = "argmap: 1\ntitle: M\nclaims:\n  - id: a\n    text: A.\n"


def _review(path, ref: str, digest: str) -> None:
    path.write_text(
        f"argmap-review: 1\nmap: {ref}\nmap_sha256: '{digest}'\nreviewer: R\ndate: '2026-01-01'\n"
        "entries:\n  - target: a\n    verdict: accept\n"
    )


def _layout(tmp_path):
    given = tmp_path / "maps" / "map.yaml"
    given.parent.mkdir()
    given.write_text(MAP)
    elsewhere = tmp_path / "secret" / "other.yaml"
    elsewhere.parent.mkdir()
    elsewhere.write_text(MAP)
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    return given, reviews, hashlib.sha256(MAP.encode()).hexdigest()


def test_report_refuses_a_review_naming_a_map_outside_its_folder(run_cli, tmp_path):
    given, reviews, digest = _layout(tmp_path)
    review = reviews / "r.yaml"
    _review(review, "../secret/other.yaml", digest)
    result = run_cli("review", "report", given, review)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"argmap: error: {review}:2:6: the reviewed map '../secret/other.yaml' is outside the review's folder;"
    ), result.stderr
    allowed = run_cli("review", "report", "--allow-outside", given, review)
    assert allowed.exit_code == 0, allowed.output


def test_report_accepts_the_map_given_on_the_command_line(run_cli, tmp_path):
    given, reviews, digest = _layout(tmp_path)
    review = reviews / "r.yaml"
    _review(review, "../maps/map.yaml", digest)  # outside, but the very map the user named
    result = run_cli("review", "report", given, review)
    assert result.exit_code == 0, result.output
    inside = reviews / "m.yaml"
    inside.write_text(MAP)
    _review(review, "m.yaml", digest)  # another map, inside the review's folder: reported as such
    result = run_cli("review", "report", given, review)
    assert result.exit_code == 0, result.output


def test_check_keeps_its_message(run_cli, tmp_path):
    given, reviews, digest = _layout(tmp_path)
    review = reviews / "r.yaml"
    _review(review, "../secret/other.yaml", digest)
    result = run_cli("review", "check", review)
    assert result.exit_code == 1
    assert result.stderr == (
        f"argmap: error: {review}:2:6: the reviewed map '../secret/other.yaml' is outside the review's folder;"
        " pass --allow-outside or --map to read it\n"
    )
