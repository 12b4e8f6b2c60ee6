"""The command line as a linter user meets it: output names that say what they hold, options
that do what they say or refuse, messages that name what to do (issue #19)."""

from __future__ import annotations

import json

import pytest

MAP = """\
argmap: 1
thesis: t
source:
  text: source.txt
claims:
  - id: t
    text: The thesis.
    kind: interpretation
    quote: The thesis holds
  - id: p
    text: A premise.
    evidence: [e]
    quote: A premise is true
evidence:
  - id: e
    kind: document
    citation: A report (2020)
inferences:
  - id: step
    premises: [p]
    conclusion: t
    qualifier: may
    warrant: Premises like this support theses like that.
"""
SOURCE = "The thesis holds, they say. A premise is true, and with the majority Muslim country it is so.\n"


@pytest.fixture
def mapped(write_map):
    return write_map(MAP, source=SOURCE)


# ------------------------------------------------------------ output names


@pytest.mark.parametrize("name", ["x.jpg", "x.gif", "x.JPEG", "x.tiff", "x.yaml"])
def test_render_refuses_an_output_name_of_a_type_it_does_not_write(run_cli, mapped, name):
    out = mapped.parent / name
    result = run_cli("render", mapped, "-o", out)
    assert result.exit_code == 2
    assert f"not a {out.suffix.lower()} file" in result.stderr and ".svg, .png, .pdf" in result.stderr
    assert not out.exists()


def test_render_refuses_a_format_its_output_name_contradicts(run_cli, mapped):
    out = mapped.parent / "x.svg"
    result = run_cli("render", mapped, "-f", "png", "-o", out)
    assert result.exit_code == 2 and "-f png does not write a .svg file" in result.stderr
    assert not out.exists()


def test_an_output_name_of_no_particular_type_gets_the_default_format(run_cli, mapped):
    out = mapped.parent / "diagram.out"
    assert run_cli("render", mapped, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))


def test_review_report_refuses_pdf_and_picks_html_by_name(run_cli, mapped):
    review = mapped.with_name("map.review.yaml")
    assert run_cli("review", "init", mapped, "--reviewer", "R", "-o", review).exit_code == 0
    pdf = mapped.parent / "r.pdf"
    refused = run_cli("review", "report", mapped, review, "-o", pdf)
    assert refused.exit_code == 2 and "not a .pdf file" in refused.stderr and not pdf.exists()
    html = mapped.parent / "r.html"
    assert run_cli("review", "report", mapped, review, "-o", html).exit_code == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("args", "name", "check"), [
    (["coverage"], "c.html", lambda text: text.startswith("<!DOCTYPE html>")),
    (["coverage"], "c.json", lambda text: "covered" in json.loads(text)),
    (["audit"], "a.sarif", lambda text: json.loads(text)["version"] == "2.1.0"),
    (["audit"], "a.json", lambda text: isinstance(json.loads(text), (dict, list))),
    (["sources"], "s.md", lambda text: text.startswith("#")),
    (["export"], "e.argdown", lambda text: "[t]" in text or "[The thesis" in text),
    (["export"], "e.dot", lambda text: text.lstrip().startswith(("digraph", "strict digraph"))),
])
def test_the_output_suffix_picks_the_format(run_cli, mapped, args, name, check):
    out = mapped.parent / name
    result = run_cli(*args, mapped, "-o", out)
    assert result.exit_code in (0, 1), result.output
    assert check(out.read_text(encoding="utf-8"))


def test_a_named_format_may_go_to_an_output_of_another_command_s_type(run_cli, mapped):
    out = mapped.parent / "report.yaml"
    assert run_cli("audit", mapped, "--format", "json", "-o", out).exit_code in (0, 1)
    json.loads(out.read_text(encoding="utf-8"))


def test_view_writes_html_only(run_cli, mapped):
    out = mapped.parent / "v.png"
    result = run_cli("view", mapped, "-o", out)
    assert result.exit_code == 2 and "view writes html" in result.stderr and not out.exists()


# ------------------------------------------------------------ options that refuse


def test_render_depth_without_focus_is_a_usage_error(run_cli, mapped):
    result = run_cli("render", mapped, "--depth", "1", "-f", "dot")
    assert result.exit_code == 2 and "--focus" in result.stderr
    assert run_cli("render", mapped, "--focus", "p", "--depth", "1", "-f", "dot").exit_code == 0


@pytest.mark.parametrize(("args"), [
    ["coverage", "{map}", "--min", "nan"],
    ["coverage", "{map}", "--min", "NaN"],
    ["coverage", "{map}", "--min", "inf"],
    ["render", "{map}", "--time-limit", "nan", "-f", "dot"],
    ["render", "{map}", "--scale", "nan", "-f", "dot"],
])
def test_not_a_number_is_refused(run_cli, mapped, args):
    result = run_cli(*[mapped if a == "{map}" else a for a in args])
    assert result.exit_code == 2, result.output


def test_coverage_min_still_fails_below_the_share(run_cli, write_map):
    mapped = write_map(MAP, source=SOURCE + "A sentence that no claim quotes.\n")
    assert run_cli("coverage", mapped, "--min", "100").exit_code == 1
    assert run_cli("coverage", mapped, "--min", "0").exit_code == 0


# ------------------------------------------------------------ explain and rules


def test_explain_a_step_explains_its_conclusion(run_cli, mapped):
    result = run_cli("explain", mapped, "step")
    assert result.exit_code == 0, result.output
    assert "'step' is a support step; explaining its conclusion 't'" in result.stderr
    assert "t: The thesis." in result.stdout.splitlines()[0]


def test_explain_an_evidence_record_says_what_it_supports(run_cli, mapped):
    result = run_cli("explain", mapped, "e")
    assert result.exit_code == 1
    assert "'e' is an evidence record, not a claim; it supports 'p'" in result.stderr


def test_rules_suggests_the_name_meant(run_cli):
    result = run_cli("rules", "unsuported-step")
    assert result.exit_code == 2 and "did you mean 'unsupported-step'?" in result.stderr


def test_rules_lists_a_family(run_cli):
    result = run_cli("rules", "ARG1")
    assert result.exit_code == 0, result.output
    codes = [line.split()[0] for line in result.stdout.splitlines() if line.startswith("ARG")]
    assert codes and all(c.startswith("ARG1") for c in codes) and "ARG101" in codes


def test_off_by_default_is_said_once(run_cli):
    for line in run_cli("rules").stdout.splitlines():
        assert line.count("off by default") <= 1, line
    assert run_cli("rules", "ARG313").stdout.count("off by default") == 1


# ------------------------------------------------------------ counted words


def test_one_of_a_thing_is_singular(run_cli, mapped):
    assert "1 outside source\n" in run_cli("sources", mapped).stdout
    anchored = run_cli("anchor", mapped)
    assert "2 quotes:" in anchored.stdout
    review = mapped.with_name("map.review.yaml")
    run_cli("review", "init", mapped, "--reviewer", "R", "-o", review)
    report = run_cli("review", "report", mapped, review).stdout
    assert " 1 findings" not in report and " 1 entries" not in report


# ------------------------------------------------------------ messages


def test_long_user_values_are_shortened(run_cli, write_map):
    long = "x" * 3000
    path = write_map(f"argmap: 1\nclaims:\n  - id: a\n    text: A.\n    kind: {long}\n    {long[:500]}: 1\n")
    result = run_cli("validate", path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines and all(len(line) < 400 for line in lines), [len(line) for line in lines]
    assert "(3000 characters)" in result.stderr and "(500 characters)" in result.stderr


def test_utf16_without_a_byte_order_mark_is_named(run_cli, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_bytes("argmap: 1\nclaims: []\n".encode("utf-16-le"))
    result = run_cli("validate", path)
    assert result.exit_code == 2 and "UTF-16" in result.stderr and "save it as UTF-8" in result.stderr


def test_a_control_character_is_placed_where_it_is(run_cli, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_bytes(b"argmap: 1\nclaims:\n  - id: a\n    text: A\x01.\n")
    result = run_cli("validate", path)
    assert result.exit_code == 1
    assert f"{path}:4:12: invalid YAML: control character U+0001 is not allowed in YAML" in result.stderr
    assert "<unicode string>" not in result.stderr


def test_reference_errors_come_with_schema_errors_in_one_run(run_cli, write_map):
    path = write_map(
        "argmap: 1\nclaims:\n  - id: t\n    text: T.\n    kind: intepretation\n"
        "inferences:\n  - id: i\n    premises: [q]\n    conclusion: t\n"
    )
    result = run_cli("validate", path)
    assert result.exit_code == 1
    assert f"{path}:5:11:" in result.stderr and "did you mean 'interpretation'" in result.stderr
    assert f"{path}:8:16: 'q' is not the id of a claim" in result.stderr


def test_hints_are_worded_for_the_input_format(run_cli, tmp_path):
    argdown = tmp_path / "m.argdown"
    argdown.write_text("[a]: A.\n  + [b]: B.\n", encoding="utf-8")
    text = run_cli("audit", argdown).stdout
    assert "'thesis' under 'argmap:' in the front matter" in text and "'thesis:'" not in text
    native = tmp_path / "m.json"
    native.write_text(json.dumps({"argmap": 1, "claims": [{"id": "a", "text": "A."}]}), encoding="utf-8")
    assert 'set "thesis" to' in run_cli("audit", native).stdout


def test_accepted_fuzzy_quotes_are_whole_words(run_cli, write_map):
    path = write_map(MAP.replace("quote: A premise is true", "quote: h a majorty Muslim country"), source=SOURCE)
    result = run_cli("anchor", "--fix", "--accept-fuzzy", path)
    assert result.exit_code == 0, result.output
    assert 'quote: "the majority Muslim country"' in path.read_text(encoding="utf-8")


def test_whole_words_leaves_scripts_without_spaces_and_endless_words_alone():
    from argmap.provenance.anchoring import Source, whole_words

    cjk = Source.from_text("塞尔维亚与阿塞拜疆的伙伴关系很不寻常")
    assert whole_words(cjk, 3, 9) == (3, 9)
    long = Source.from_text("x" * 100 + " tail")
    assert whole_words(long, 50, 104) == (50, 105)  # the left edge is 50 letters into a word: kept
    short = Source.from_text("one wordy sentence")
    assert whole_words(short, 5, 12) == (4, 18)


def test_review_check_given_the_map_says_how_to_name_it(run_cli, mapped):
    review = mapped.with_name("map.review.yaml")
    run_cli("review", "init", mapped, "--reviewer", "R", "-o", review)
    result = run_cli("review", "check", mapped, review)
    assert result.exit_code == 1
    assert f"argmap review check --map {mapped} REVIEW..." in result.stderr
