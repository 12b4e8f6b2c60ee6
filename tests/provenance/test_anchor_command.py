"""`argmap anchor`: report states, `--fix` rewrites only anchors (golden file), keeps a backup."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def commented(tmp_path) -> Path:
    """A temp copy of the commented map and its article."""
    for name in ("commented.yaml", "article.txt"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    return tmp_path / "commented.yaml"


def test_report_lists_every_quote_with_its_state(run_cli, commented):
    result = run_cli("anchor", commented)
    assert result.exit_code == 1  # one quote is orphaned
    lines = result.stdout.splitlines()
    assert f"{commented}:15:12: exact claim 'partnership' at 12-48" in lines
    assert any(line.startswith(f"{commented}:34:12: orphaned claim 'gone'") for line in lines)
    assert lines[-1] == "6 quotes: 5 exact, 1 orphaned"


def test_json_report(run_cli, commented):
    result = run_cli("anchor", commented, "--format", "json")
    doc = json.loads(result.stdout)
    states = {q["id"]: q["state"] for q in doc["quotes"]}
    assert states == {
        "partnership": "exact",
        "signing": "exact",
        "unusual": "exact",
        "yeltsin": "exact",
        "gone": "orphaned",
        "rapid": "exact",
    }
    assert doc["summary"] == {"exact": 5, "orphaned": 1}
    assert doc["fixed"] is None


def test_fix_keeps_comments_and_formatting_golden(run_cli, commented):
    before = commented.read_text(encoding="utf-8")
    result = run_cli("anchor", commented, "--fix")
    assert result.exit_code == 1  # the orphaned quote is still reported
    assert commented.read_text(encoding="utf-8") == (FIXTURES / "commented.fixed.yaml").read_text(encoding="utf-8")
    assert commented.with_name("commented.yaml.bak").read_text(encoding="utf-8") == before
    assert "wrote 5 anchors, source.sha256" in result.stderr
    # A second run finds everything anchored and writes nothing.
    again = run_cli("anchor", commented, "--fix", "--no-backup")
    assert "nothing written" in again.stderr
    assert commented.read_text(encoding="utf-8") == (FIXTURES / "commented.fixed.yaml").read_text(encoding="utf-8")


def test_fix_after_the_source_moved_updates_positions(run_cli, commented):
    run_cli("anchor", commented, "--fix", "--no-backup")
    article = commented.with_name("article.txt")
    article.write_text("Furniture line.\n\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    validate = run_cli("validate", commented)
    assert "the source text changed since the map was anchored" in validate.stderr
    report = json.loads(run_cli("anchor", commented, "--format", "json").stdout)
    assert {q["state"] for q in report["quotes"] if q["id"] != "gone"} == {"moved"}
    run_cli("anchor", commented, "--fix", "--no-backup")
    fixed = json.loads(run_cli("anchor", commented, "--format", "json").stdout)
    assert {q["state"] for q in fixed["quotes"] if q["id"] != "gone"} == {"exact"}
    assert "source text changed" not in run_cli("validate", commented).stderr
    assert not commented.with_name("commented.yaml.bak").exists()


def test_fuzzy_quote_rewritten_only_when_accepted(run_cli, commented):
    article = commented.with_name("article.txt")
    article.write_text(article.read_text(encoding="utf-8").replace("This partnership is unusual", "The partnership is unusual"), encoding="utf-8")
    plain = run_cli("anchor", commented, "--fix", "--no-backup")
    assert "fuzzy claim 'unusual'" in plain.stdout
    text = commented.read_text(encoding="utf-8")
    assert "quote: 'This partnership is unusual'  # single-quoted on purpose\n  - id" not in text
    assert "quote: 'This partnership is unusual'  # single-quoted on purpose\n\n" in text  # no anchor added
    accepted = run_cli("anchor", commented, "--fix", "--accept-fuzzy", "--no-backup")
    assert "1 quote updated (unusual)" in accepted.stderr
    text = commented.read_text(encoding="utf-8")
    assert re.search(r"quote: 'The partnership is unusual' +# single-quoted on purpose\n    anchor:\n", text)
    assert "quote: \"This sentence is not in the article at all, not even nearly.\"" in text  # orphan untouched
    after = json.loads(run_cli("anchor", commented, "--format", "json").stdout)
    assert {q["id"]: q["state"] for q in after["quotes"]}["unusual"] == "exact"


def test_map_without_source_text_is_a_located_error(run_cli, write_map):
    path = write_map("argmap: 1\nclaims:\n  - id: a\n    text: A.\n    quote: words\n")
    result = run_cli("anchor", path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"argmap: error: {path}:1:1: the map names no source text")


def test_fix_refuses_non_yaml_maps(run_cli, tmp_path):
    (tmp_path / "s.txt").write_text("Alpha beta.", encoding="utf-8")
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"argmap": 1, "source": {"text": "s.txt"}, "claims": [{"id": "a", "text": "A.", "quote": "Alpha"}]}))
    before = path.read_bytes()
    result = run_cli("anchor", path, "--fix")
    assert result.exit_code == 1
    assert "--fix rewrites YAML maps only" in result.stderr
    assert path.read_bytes() == before


def test_fix_keeps_crlf_flow_style_and_scalar_styles(run_cli, tmp_path):
    (tmp_path / "s.txt").write_bytes("A {brace} text. Serbia signed a plan.\r\nOther line: \"q\" here.\r\n".encode())
    path = tmp_path / "m.yaml"
    path.write_bytes(
        b"argmap: 1\r\nsource: {text: s.txt}   # flow style\r\nclaims:\r\n"
        b"  - id: a\r\n    text: A.\r\n    quote: \"Serbia signed a plan\"\r\n"
        b"  - id: b\r\n    text: B.\r\n    quote: >-\r\n      Other line:\r\n      \"q\" here\r\n\r\n"
        b"    # trailing comment\r\n    kind: fact\r\n"
    )
    assert run_cli("anchor", path, "--fix", "--no-backup").exit_code == 0
    text = path.read_bytes().decode()
    assert "\n" not in text.replace("\r\n", "")  # every line ending is still CRLF
    assert text.startswith("argmap: 1\r\nsource: {text: s.txt, sha256: ")
    assert '      prefix: "A {brace} text. "\r\n' in text
    assert "      suffix: \".\"\r\n\r\n    # trailing comment\r\n    kind: fact\r\n" in text
    # The source is edited: both quotes become fuzzy; accepted, each keeps its scalar style.
    (tmp_path / "s.txt").write_bytes("A {brace} text. Serbia signd a plan.\r\nOther line: \"q\" hero.\r\n".encode())
    result = run_cli("anchor", path, "--fix", "--accept-fuzzy", "--no-backup")
    assert result.exit_code == 0, result.output
    text = path.read_bytes().decode()
    assert '    quote: "Serbia signd a plan"\r\n    anchor:\r\n      start: 16\r\n      end: 35\r\n' in text
    assert '    quote: >-\r\n      Other line: "q" hero\r\n    anchor:\r\n' in text
    assert run_cli("validate", path).exit_code == 0


def test_fix_refuses_files_it_cannot_edit_safely(run_cli, tmp_path):
    """A YAML alias shares one anchor node between two claims: writing into it would change both."""
    (tmp_path / "s.txt").write_text("Alpha beta gamma.", encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text(
        "argmap: 1\nsource:\n  text: s.txt\nclaims:\n"
        "  - id: a\n    text: A.\n    quote: beta\n"
        '    anchor: &shared {start: 0, end: 1, prefix: "", suffix: ""}\n'
        "  - id: b\n    text: B.\n    quote: gamma\n    anchor: *shared\n",
        encoding="utf-8",
    )
    before = path.read_bytes()
    result = run_cli("anchor", path, "--fix")
    assert result.exit_code == 1
    assert result.stdout.count(" moved ") == 2
    assert result.stderr.startswith(f"argmap: error: {path}:1:1: writing the anchors here would change more")
    assert "nothing was written" in result.stderr and "Traceback" not in result.output
    assert path.read_bytes() == before and not path.with_name("m.yaml.bak").exists()
