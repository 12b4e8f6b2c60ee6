"""Argdown read as the reference Argdown CLI 1.7.5 reads it: the cases of issue 21, and their kin.

Each case is a small Argdown text and what argmap makes of it. Where the CLI is installed
(``ARGMAP_ARGDOWN_CLI``), every case is also given to ``argdown json``: its statements,
arguments (premise-conclusion structures) and relations must equal argmap's Argdown model,
and where the CLI refuses a file argmap refuses it too, at the same line and column. The
few deliberate differences are listed in ``NOTED`` and print a located warning.
"""

from __future__ import annotations

import pytest

from argmap.diagnostics import ArgmapError
from argmap.readers.argdown import build, read_text

from tests.interop.argdown_tool import argdown_json

from .test_argdown_corpus import _ours, _reference

CASES = {
    # an argument that supports (or attacks) its own main conclusion: Argdown drops the relation
    "own-conclusion-support": "[C]: Claim.\n  <+ <A>\n\n<A>\n\n(1) P.\n----\n(2) [C]\n",
    "own-conclusion-attack": "[C]: Claim.\n  - <A>\n\n<A>\n\n(1) P.\n----\n(2) [C]\n",
    "own-conclusion-outgoing": "<A>\n  +> [C]\n\n<A>\n\n(1) P.\n----\n(2) [C]\n",
    "statement-supports-itself": "[a]: A\n  +> [a]\n",
    # {data} in YAML block form: '{' and a line break
    "block-data": "[A] {\nsources:\n    - x\n}\n",
    "block-data-definition": "[A]: Text. {\n  sources:\n    - x\n    - y\n  year: 2020\n}\n\n[B]: b\n",
    "flow-data-over-lines": "[A]: t {sources: [\n  \"a\",\n  \"b\"]}\n",
    # lists: unordered and ordered, at the margin or indented, with relations
    "unordered-list": "* [A]: one.\n* [B]: two.\n",
    "ordered-list": "1. [A]: one.\n2. [B]: two.\n",
    "indented-list": "  * [A]: one.\n  * [B]: two.\n",
    "list-with-relations": "* [A]: one.\n  + [C]: three.\n* [B]: two.\n",
    # a bare _ is an undercut, as <_ is
    "bare-undercut": "<a>\n    _ <b>\n",
    "bare-undercut-of-inference": "<a>\n\n(1) p\n----\n  _ <b>\n(2) q\n",
    # a reference takes no text; a title cannot stand inside a text
    "reference-then-definition": "[A]\n[B]: Some text.\n<C>\n",
    "reference-then-text": "[A]\nmore text\n",
    "reference-text-same-line": "[A] some text\n",
    "argument-reference-text": "<A> text\n",
    "title-inside-text": "text with [B] inside\n",
    "argument-title-inside-text": "[A]: text <B> more\n",
    "child-reference-text": "[A]: x\n  + [B] text\n",
    "reference-with-tags-and-data": "[A] #tag {k: v}\n",
    "unclosed-brackets": "[a]: a [B\n\n[b]: a <B\n\n[c]: a > b < c\n",
    "contradiction-with-argument": "[C]: Claim.\n  >< <A>\n",
    # headings may be indented
    "indented-heading": "[s]: A.\n\n # A heading\n\n[t]: B.\n",
    # emphasis runs and shortcodes
    "bold-italic-runs": "[a]: ***A*** and ___B___ and __*c*__ and **d** e\n",
    "unclosed-italic": "[a]: snake_case here\n",
    "shortcodes": "[a]: :happy: .~. x :heart: .v_. y :+1: .[]. z a.b.A. :nope:\n",
    "escaped-shortcode": "[a]: \\.A. and .A.\n",
    # uses: in the inference's data, or in the conclusion's
    "uses-in-inference": "<x>\n\n(1) a\n(2) b\n----\n(3) c\n(4) d\n-- {uses: [1,4]} --\n(5) e\n",
    "uses-in-conclusion": "<x>\n\n(1) a\n(2) b\n----\n(3) c\n(4) d\n----\n(5) e {uses: [1,4]}\n",
    # relations whose meaning argmap reads its own way (see NOTED)
    "undercut-of-unreconstructed": "<a>: An argument.\n\n[b]: B.\n  _> <a>\n",
    "undercut-of-statement": "[A]: a\n  <_ [C]\n",
    "attack-on-reconstructed": "<a>\n\n(1) p\n----\n(2) q\n\n[r]: R.\n  -> <a>\n",
    "support-of-reconstructed": "<a>\n\n(1) p\n----\n(2) q\n\n[r]: R.\n  +> <a>\n",
}

NOTED = {
    "unclosed-italic": "_ opens italic text that is never closed: kept as text",
    "own-conclusion-attack": "not imported: attack of [C] by <A>",
    "undercut-of-unreconstructed": "read as an attack",
    "undercut-of-statement": "read as an attack",
    "attack-on-reconstructed": "read as an undercut of <a>'s last inference step",
    "support-of-reconstructed": "read as support of [Untitled 2], the main conclusion of <a>",
    "bare-undercut": "read as an attack",
}
"""Cases argmap reads as the CLI does, but whose map says something the CLI's model does not
(or leaves something out): each prints a warning, and the map's ``note`` keeps it."""


def _read(name: str):
    return read_text(CASES[name], f"{name}.argdown")


def _claims(m) -> dict:
    return {c.id: c.text for c in m.claims}


def _steps(m) -> set:
    return {(i.kind.value, tuple(i.premises), i.conclusion) for i in m.inferences}


def test_argument_supporting_its_own_conclusion_is_no_circular_step():
    m, _ = _read("own-conclusion-support")
    assert _steps(m) == {("support", ("Untitled-1",), "C")}
    assert m.note is None
    m, sourcemap = _read("own-conclusion-attack")
    assert _steps(m) == {("support", ("Untitled-1",), "C")}
    assert [str(d) for d in sourcemap.notes] == ["own-conclusion-attack.argdown:2:3: not imported: attack of [C] by <A>, whose main conclusion it is (Argdown drops it too)"]
    m, _ = read_text(CASES["statement-supports-itself"])
    assert _steps(m) == {("support", ("a",), "a")}  # written so: kept, as Argdown keeps it


def test_block_yaml_data():
    assert build(CASES["block-data"]).statements["A"].data == {"sources": ["x"]}
    m, _ = _read("block-data-definition")
    assert _claims(m) == {"A": "Text.", "B": "b"}
    assert m.claims[0].note == 'data: {"sources": ["x", "y"], "year": 2020}'  # kept, not dropped


def test_block_yaml_error_is_located():
    with pytest.raises(ArgmapError) as err:
        read_text("[A] {\nsources:\n  - x\n bad: [\n}\n", "x.argdown")
    assert str(err.value).startswith("x.argdown:"), str(err.value)
    line = int(str(err.value).split(":")[1])
    assert 2 <= line <= 5


@pytest.mark.parametrize("name", ["unordered-list", "ordered-list", "indented-list"])
def test_list_items_are_statements(name):
    m, _ = _read(name)
    assert _claims(m) == {"A": "one.", "B": "two."}


def test_relations_under_a_list_item():
    m, _ = _read("list-with-relations")
    assert _claims(m) == {"A": "one.", "B": "two.", "C": "three."}
    assert _steps(m) == {("support", ("C",), "A")}


def test_bare_underscore_is_an_undercut():
    model = build(CASES["bare-undercut"])
    assert set(model.arguments) == {"a", "b"}
    assert [(r.type, r.source, r.target) for r in model.relations] == [("undercut", ("argument", "b"), ("argument", "a"))]
    m, sourcemap = _read("bare-undercut")
    assert _steps(m) == {("attack", ("b",), "a")}  # <a> has no inference: noted
    assert sourcemap.notes
    m, _ = _read("bare-undercut-of-inference")
    assert _steps(m) == {("support", ("Untitled-1",), "Untitled-2"), ("undercut", ("b",), "a")}


@pytest.mark.parametrize(
    "name,place,words",
    [
        ("reference-then-definition", "2:1", "text after the reference [A]"),
        ("reference-then-text", "2:1", "text after the reference [A]"),
        ("reference-text-same-line", "1:5", "text after the reference [A]"),
        ("argument-reference-text", "1:5", "text after the reference <A>"),
        ("title-inside-text", "1:11", "[B] inside a text"),
        ("argument-title-inside-text", "1:11", "<B> inside a text"),
        ("child-reference-text", "2:9", "text after the reference [B]"),
        ("contradiction-with-argument", "2:6", "contradiction (><)"),
    ],
)
def test_what_argdown_refuses_is_refused_at_the_same_place(name, place, words, run_cli, tmp_path):
    path = tmp_path / f"{name}.argdown"
    path.write_text(CASES[name], encoding="utf-8")
    result = run_cli("validate", path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"argmap: error: {path}:{place}: "), result.stderr
    assert words in result.stderr


def test_reference_takes_tags_and_data():
    model = build(CASES["reference-with-tags-and-data"])
    assert model.statements["A"].tags == ["tag"] and model.statements["A"].data == {"k": "v"}
    m, _ = _read("unclosed-brackets")
    assert [c.text for c in m.claims] == ["a [B", "a <B", "a > b < c"]


def test_indented_heading_is_a_section():
    m, _ = _read("indented-heading")
    assert [(c.id, c.text, c.section) for c in m.claims] == [("s", "A.", None), ("t", "B.", "A heading")]


def test_emphasis_markers_are_removed():
    m, _ = _read("bold-italic-runs")
    assert m.claims[0].text == "A and B and c and d e"


def test_shortcodes_become_characters():
    m, _ = _read("shortcodes")
    assert m.claims[0].text == "😀 ¬ x ❤ ⊻ y 👍 ◻ z a.b.A. :nope:"
    m, _ = _read("escaped-shortcode")
    assert m.claims[0].text == ".A. and ∀"


@pytest.mark.parametrize("name", ["uses-in-inference", "uses-in-conclusion"])
def test_uses_picks_the_premises(name):
    m, _ = _read(name)
    assert {i.id: i.premises for i in m.inferences} == {"x.1": ["Untitled-1", "Untitled-2"], "x": ["Untitled-1", "Untitled-4"]}


def test_bad_uses_is_noted():
    m, sourcemap = read_text("<x>\n\n(1) a\n(2) b\n-- {uses: [1, 7]} --\n(3) c\n", "x.argdown")
    assert m.inferences[0].premises == ["Untitled-1", "Untitled-2"]
    assert [str(d) for d in sourcemap.notes] == [
        "x.argdown:5:1: {uses: [1, 7]} of <x> ignored: it must list numbers of statements before (3); the statements since the previous inference line are its premises"
    ]


def test_include_is_noted_not_a_claim(run_cli, tmp_path):
    path = tmp_path / "x.argdown"
    path.write_text("@include(other.argdown)\n\n[a]: A.\n", encoding="utf-8")
    result = run_cli("import", path)
    assert result.exit_code == 0
    assert f"argmap: warning: {path}:1:1: not imported: @include(other.argdown)" in result.stderr
    assert "claims:\n- id: a\n  text: A.\n" in result.stdout
    assert "not imported: @include(other.argdown)" in result.stdout  # the map's note


@pytest.mark.parametrize("name", sorted(NOTED))
def test_documented_choices_are_noted(name, run_cli, tmp_path):
    path = tmp_path / f"{name}.argdown"
    path.write_text(CASES[name], encoding="utf-8")
    result = run_cli("import", path)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith(f"argmap: warning: {path}:")]
    assert warnings and NOTED[name] in warnings[0], result.stderr
    m, _ = _read(name)
    assert m.note.startswith("Import notes:\n") and NOTED[name] in m.note


def test_relation_choices_of_the_map():
    assert _steps(_read("undercut-of-statement")[0]) == {("attack", ("C",), "A")}
    assert _steps(_read("attack-on-reconstructed")[0]) == {("support", ("Untitled-1",), "Untitled-2"), ("undercut", ("r",), "a")}
    assert _steps(_read("support-of-reconstructed")[0]) == {("support", ("Untitled-1",), "Untitled-2"), ("support", ("r",), "Untitled-2")}


# ------------------------------------------------------- against the CLI


@pytest.fixture(scope="module")
def cli_results(argdown_cli, tmp_path_factory) -> dict:
    """``argdown json`` on every case in one run: name -> ("json", data) or ("error", "line:col")."""
    results = argdown_json(argdown_cli, CASES, tmp_path_factory.mktemp("cases"))
    assert all(kind != "missing" for kind, _ in results.values()), results
    return results


@pytest.mark.parametrize("name", list(CASES))
def test_case_agrees_with_the_argdown_cli(name, cli_results):
    kind, reference = cli_results[name]
    if kind == "error" and name in NOTED:  # argmap reads on, and says so where the CLI stops
        _, sourcemap = read_text(CASES[name], "x.argdown")
        assert sourcemap.notes and sourcemap.notes[0].location.line == int(reference.split(":")[0])
    elif kind == "error":
        with pytest.raises(ArgmapError) as err:
            read_text(CASES[name], "x.argdown")
        assert str(err.value).startswith(f"x.argdown:{reference}:"), (str(err.value), reference)
    else:
        assert _ours(build(CASES[name])) == _reference(reference)


@pytest.mark.parametrize("command", [("validate",), ("audit",), ("audit", "--jobs", "2"), ("render", "-o")])
def test_every_command_prints_the_import_notes(command, run_cli, tmp_path):
    path = tmp_path / "x.argdown"
    path.write_text("@include(other.argdown)\n\n[a]: A.\n  <_ [b]: B.\n", encoding="utf-8")
    args = [*command, tmp_path / "x.svg"] if command[-1] == "-o" else list(command)
    result = run_cli(*args[:1], path, *args[1:])
    assert result.exit_code in (0, 1), result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("argmap: warning: ")]
    assert warnings == [
        f"argmap: warning: {path}:1:1: not imported: @include(other.argdown) (argmap reads only the file it is given; import the included files separately)",
        f"argmap: warning: {path}:4:3: read as an attack: an undercut needs an inference to aim at, and the statement [a] has none",
    ]
