"""The Argdown parser on small files of our own: nesting, strict mode, comments, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.diagnostics import ArgmapError
from argmap.readers.argdown import build, read_text

FIXTURES = Path(__file__).parent / "fixtures"


def relations(model) -> set:
    def end(ref):
        return ref[1][0] + "#" + str(ref[1][1]) if ref[0] == "inference" else ref[1]

    return {(r.type, end(r.source), end(r.target)) for r in model.relations}


def test_relation_tree_nests_by_indentation_like_argdown():
    # G is less indented than D, E, F but more than B and C: Argdown pops back
    # to the level of B and C, so G hangs from A.
    text = "A\n  + B\n  - C\n      <+ D\n        <- E\n          +> F\n    -> G\n"
    model = build(text)
    titles = {st.members[0].text: t for t, st in model.statements.items()}
    a, b, c, d, e, f, g = (titles[x] for x in "ABCDEFG")
    assert relations(model) == {
        ("support", b, a), ("attack", c, a), ("support", d, c),
        ("attack", e, d), ("support", e, f), ("attack", a, g),
    }
    assert [titles[x] for x in "ABCDEFG"] == [f"Untitled {n}" for n in range(1, 8)]


def test_strict_mode_relations():
    text = "===\nmodel:\n    mode: strict\n===\n\n[a]\n  +> [b]\n  -> [c]\n  <- [e]\n  >< [f]\n  - [c]\n"
    model = build(text)
    assert relations(model) == {("entails", "a", "b"), ("contrary", "a", "c"), ("contrary", "e", "a"), ("contradictory", "a", "f")}
    m, _ = read_text(text)
    kinds = {(i.premises[0], i.kind.value, i.conclusion) for i in m.inferences}
    assert kinds == {("a", "support", "b"), ("a", "attack", "c"), ("e", "attack", "a"), ("a", "attack", "f"), ("f", "attack", "a")}


def test_fixture_reads_into_claims_and_inferences():
    path = FIXTURES / "debate.argdown"
    m, sourcemap = read_text(path.read_text(encoding="utf-8"), str(path))
    assert m.title == "A small debate"
    nuclear = m.claim("Nuclear")
    assert nuclear.text == "Nuclear power should be expanded. #policy #(long term)"
    assert nuclear.tags == ["policy", "long term"]
    assert nuclear.section == "Energy"
    assert nuclear.note == "Also stated as: We should build more reactors."
    assert m.claim("Climate").section == "Reconstruction"
    critic = m.claim("Critic")
    assert critic.text == "The figures are disputed, see the report [p. 3]."
    # the comment's relation-looking line made nothing
    assert not any("not a relation" in c.text for c in m.claims)
    step = m.inference("Low-carbon")
    assert step.premises == ["Climate", "Untitled-2"] and step.conclusion == "Nuclear"
    assert step.scheme == "Practical reasoning"
    assert step.note.startswith("Nuclear power emits little CO2.")  # the description
    by_kind = {(i.premises[0], i.kind.value, i.conclusion) for i in m.inferences if i.id != "Low-carbon"}
    assert ("Mining", "attack", "Low-carbon") not in by_kind  # attacks on an argument ...
    assert ("Mining", "undercut", "Low-carbon") in by_kind  # ... undercut its main inference
    assert ("Costs", "undercut", "Low-carbon") in by_kind  # <_ under the conclusion: that step
    assert ("Critic", "undercut", "Low-carbon") in by_kind
    assert ("Waste", "attack", "Nuclear") in by_kind
    assert ("Untitled-1", "support", "Waste") in by_kind
    assert ("Nuclear", "attack", "Phase-out") in by_kind and ("Phase-out", "attack", "Nuclear") in by_kind
    # every claim and inference points back into the file
    lines = path.read_text(encoding="utf-8").splitlines()
    assert str(sourcemap.find(("claims", 0))) == f"{path}:7:1"
    for k, claim in enumerate(m.claims):
        line = sourcemap.find(("claims", k)).line
        assert claim.id.split("-")[0].lower() in lines[line - 1].lower() or claim.id.startswith("Untitled")


def test_pcs_attaches_to_argument_above_and_intermediate_steps():
    text = "<A>: gist\n\n(1) p\n(2) q\n----\n(3) r\n(4) s\n-- Modus ponens --\n(5) t\n"
    m, _ = read_text(text)
    first, last = m.inference("A.1"), m.inference("A")
    assert (first.premises, first.conclusion) == (["Untitled-1", "Untitled-2"], "Untitled-3")
    assert (last.premises, last.conclusion, last.scheme) == (["Untitled-3", "Untitled-4"], "Untitled-5", "Modus ponens")


ERRORS = [
    ("relation after an empty line", "[a]: A\n\n  + [b]\n", "3:3", "has nothing to attach to"),
    ("no conclusion", "(1) p\n(2) q\n", "1:1", "must end with an inference line"),
    ("inference first", "----\n(1) p\n", "1:", "must follow a premise"),
    ("bad data", "[a]: A {x: [1,}\n", "1:", "invalid YAML data"),
    ("bad front matter", "===\ntitle: [\n===\n\n[a]: A\n", "3:", "invalid YAML front matter"),
    ("unclosed inference", "(1) p\n--\n(2) q\n", "2:1", "not closed"),
    ("inference without conclusion", "(1) p\n----\n(2) q\n----\n", "1:1", "must end with an inference line"),
    ("argument as premise", "(1) <A>\n----\n(2) q\n", "1:1", "must hold a statement"),
]


@pytest.mark.parametrize("name,text,where,fragment", ERRORS, ids=[e[0] for e in ERRORS])
def test_errors_are_located(name, text, where, fragment):
    with pytest.raises(ArgmapError) as info:
        read_text(text, "x.argdown")
    message = str(info.value.diagnostics[0])
    assert message.startswith(f"x.argdown:{where}"), message
    assert fragment in message


def test_deep_nesting_is_refused_not_crashed():
    text = "a\n" + "".join(" " * (k + 1) + "+ x\n" for k in range(400))
    with pytest.raises(ArgmapError) as info:
        read_text(text, "deep.argdown", max_depth=200)
    assert "nested deeper than 200" in str(info.value)


def test_heading_with_mention_and_tag():
    m, _ = read_text("# About @[a] #topic\n\n[a]: A\n")
    assert m.claim("a").section == "About @[a] #topic"
