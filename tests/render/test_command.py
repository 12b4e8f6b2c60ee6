"""`argmap render` end to end: real files, real audit, real Graphviz."""

from __future__ import annotations

import shutil

import pytest

from tests.maps import ATTACK, LINKED
from .conftest import SVG, nodes, parse_svg

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_render_to_svg_file(run_cli, write_map, tmp_path):
    path = write_map(LINKED)
    out = tmp_path / "out.svg"
    result = run_cli("render", path, "-o", out)
    assert result.exit_code == 0, result.output
    found = nodes(parse_svg(out.read_text(encoding="utf-8")))
    assert {"claim-t", "claim-p1", "claim-p2", "evidence-e1", "inference-step"} <= set(found)
    # the real audit ran: p1 is a fact given without evidence, a note: listed in its tooltip,
    # marked only with --min-severity info (the default marks warnings and errors)
    assert "flagged" not in found["claim-p1"].get("class").split()
    assert "uncited-fact" in "".join(found["claim-p1"].itertext()) or "ARG102" in out.read_text(encoding="utf-8")
    assert "flagged" in found["claim-t"].get("class").split()  # a warning: the thesis rests on a hedged step
    assert not list(tmp_path.glob(".out.svg.*"))  # no temp file left behind
    assert run_cli("render", path, "-o", out, "--min-severity", "info").exit_code == 0
    found = nodes(parse_svg(out.read_text(encoding="utf-8")))
    assert "flagged" in found["claim-p1"].get("class").split()


def test_format_follows_suffix(run_cli, write_map, tmp_path):
    path = write_map(ATTACK)
    for name, start in (("out.png", PNG_SIGNATURE), ("out.dot", b"digraph argmap {"), ("out.gv", b"digraph argmap {")):
        result = run_cli("render", path, "-o", tmp_path / name)
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).read_bytes().startswith(start), name


def test_svg_and_dot_to_stdout(run_cli, write_map):
    path = write_map(ATTACK)
    svg = run_cli("render", path)
    assert svg.exit_code == 0
    assert parse_svg(svg.stdout).tag == f"{SVG}svg"
    dot = run_cli("render", path, "--format", "dot", "--rankdir", "LR", "--cluster")
    assert "rankdir=LR" in dot.stdout and "subgraph cluster_section0" in dot.stdout


def test_focus_and_depth(run_cli, write_map):
    path = write_map(ATTACK)
    result = run_cli("render", path, "-f", "dot", "--focus", "x", "--depth", "1")
    assert result.exit_code == 0, result.output
    assert 'id="claim-x"' in result.stdout and 'id="claim-t"' in result.stdout
    assert 'id="claim-p"' not in result.stdout  # two steps away


def test_unknown_focus_is_a_located_error(run_cli, write_map):
    path = write_map(ATTACK)
    result = run_cli("render", path, "--focus", "cutt")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"argmap: error: {path}:1:1: --focus: no claim, evidence or inference with id 'cutt' (did you mean 'cut'?)"
    )


def test_color_by_status_and_label(run_cli, write_map):
    path = write_map(LINKED)
    result = run_cli("render", path, "-f", "svg", "--color-by", "status", "--legend", "full")
    assert result.exit_code == 0, result.output
    assert "Status: " in result.stdout and ">supported: evidence or supported steps beneath<" in result.stdout
    result = run_cli("render", path, "-f", "svg", "--color-by", "label", "--legend", "full")
    assert result.exit_code == 0, result.output
    assert ">in: accepted (every attacker is out)<" in result.stdout


def test_broken_map_gives_located_error(run_cli, write_map, tmp_path):
    path = write_map(LINKED.replace("premises: [p1, p2]", "premises: [p1, p3]"))
    out = tmp_path / "out.svg"
    result = run_cli("render", path, "-o", out)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"argmap: error: {path}:")
    assert "Traceback" not in result.output
    assert not out.exists()


def test_bad_option_is_usage_error(run_cli, write_map):
    path = write_map(LINKED)
    assert run_cli("render", path, "--format", "gif").exit_code == 2
    assert run_cli("render", path, "--depth", "-1").exit_code == 2


def test_pdf_without_graphviz(run_cli, write_map, tmp_path, monkeypatch):
    """PDF is drawn from the embedded engine's SVG: no Graphviz program needed."""
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without the Graphviz program
    result = run_cli("render", write_map(LINKED), "-o", tmp_path / "out.pdf")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")


def test_system_engine_without_graphviz(run_cli, write_map, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without the Graphviz program
    result = run_cli("render", write_map(LINKED), "--engine", "system")
    assert result.exit_code == 1
    assert "apt-get install graphviz" in result.stderr


def test_render_as_a_process(run_process, write_map, tmp_path):
    out = tmp_path / "map.svg"
    result = run_process("render", write_map(ATTACK), "-o", out)
    assert result.returncode == 0, result.stderr
    assert "claim-x" in nodes(parse_svg(out.read_text(encoding="utf-8")))
