"""`argmap evaluate` and `argmap explain` on real files."""

from __future__ import annotations

import json

MAP = """\
argmap: 1
thesis: t
claims:
  - id: t
    text: The thesis.
  - id: p
    text: P has evidence.
    evidence: [e]
  - id: q
    text: Q is assumed.
    assumption: true
  - id: x
    text: X objects to the thesis.
  - id: r
    text: R rebuts the objection.
    evidence: [e]
evidence:
  - id: e
    citation: A report, 2020
inferences:
  - id: i
    premises: [p, q]
    conclusion: t
    warrant: P and Q together give T.
  - id: a
    kind: attack
    premises: [x]
    conclusion: t
  - id: b
    kind: attack
    premises: [r]
    conclusion: x
"""


def test_evaluate_json_shape(run_cli, write_map):
    result = run_cli("evaluate", write_map(MAP), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"claims", "thesis"}
    assert [c["id"] for c in data["claims"]] == ["t", "p", "q", "x", "r"]
    for c in data["claims"]:
        assert set(c) == {"id", "text", "status", "label", "weakest_link", "evidence_tier"}
    by_id = {c["id"]: c for c in data["claims"]}
    assert by_id["t"]["status"] == "assumed"  # rests on the assumption q through a sound step
    assert by_id["x"]["label"] == "out" and by_id["t"]["label"] == "in"  # reinstated
    assert data["thesis"] == {"id": "t", "status": "assumed", "label": "in", "critical_step": "q"}


def test_evaluate_text_table(run_cli, write_map):
    result = run_cli("evaluate", write_map(MAP))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "status", "label", "weakest", "link", "text"]
    assert any(line.split()[:3] == ["x", "unsupported", "out"] for line in lines)
    assert "thesis t: assumed, in; critical step: q" in result.stdout


def test_evaluate_bad_file_is_located_error(run_cli, write_map):
    result = run_cli("evaluate", write_map(MAP.replace("premises: [p, q]", "premises: [p, z]")))
    assert result.exit_code == 1
    assert "'z' is not the id of a claim" in result.stderr
    assert "Traceback" not in result.output


def test_explain_thesis_prints_a_followable_chain(run_cli, write_map):
    result = run_cli("explain", write_map(MAP), "t")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    tree = lines[: lines.index("")]
    # the thesis first, then its step, the step's premises, each down to its basis; the attack last
    firsts = [line.split()[1] if line.startswith("*") else line.split()[0] for line in tree]
    assert firsts[:7] == ["t:", "<+", "p:", "evidence", "q:", "declared", "<-"]
    assert tree[0].startswith("* t: The thesis.  [assumed, in]")
    assert "<+ support i  [assumed, in]" in tree[1]
    assert tree[4].endswith("<< weakest link") and "q: Q is assumed." in tree[4]
    indent = [len(line[1:]) - len(line[1:].lstrip()) for line in tree]
    assert indent[:6] == [1, 5, 9, 13, 9, 13]
    assert "premise x is out" in tree[6]
    assert "x: X objects to the thesis.  [unsupported, out]  - attacked by b, which is in" in tree[7]
    assert "weakest link: q" in lines
    assert "attackers in: none" in lines
    assert "critical step: claim q - without it the thesis would be unsupported and in" in lines


def test_explain_lists_attackers_that_are_in(run_cli, write_map):
    text = MAP.replace("    evidence: [e]\nevidence:", "evidence:")  # r loses its evidence ...
    text += "  - id: c\n    kind: attack\n    premises: [p]\n    conclusion: r\n"  # ... and is attacked
    result = run_cli("explain", write_map(text), "t")
    assert result.exit_code == 0, result.output
    assert "t is assumed and out (attacked by a, which is in)." in result.stdout
    assert "attackers in: a" in result.stdout


def test_explain_unknown_id_is_a_located_error(run_cli, write_map):
    path = write_map(MAP)
    result = run_cli("explain", path, "tt")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"argmap: error: {path}:1:1: no claim or step with id 'tt' (did you mean 't'?)")


def test_explain_and_evaluate_strip_terminal_escapes(run_cli, write_map):
    path = write_map(MAP.replace("text: The thesis.", 'text: "The \\e[31mred\\e[0m thesis.\\a"'))
    for args in (("explain", path, "t"), ("evaluate", path)):
        result = run_cli(*args)
        assert result.exit_code == 0, result.output
        assert "The red thesis." in result.stdout
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_explain_with_the_arguments_swapped_says_which_comes_first(run_cli, write_map):
    path = write_map(MAP)
    result = run_cli("explain", "t", path)
    assert result.exit_code == 2
    assert f"the map file comes first: argmap explain {path} t" in result.stderr
