"""The Argdown reader agrees with the reference Argdown CLI (1.7.5) on the corpus fixtures.

For each fixture the CLI's JSON export (../shared/corpus/argdown/json/) is the
reference: statement titles and texts, arguments with their premises and
conclusions, and relations (type, source, target) are compared after
normalising white space. Then the same file is checked through
``argmap.loading.load``: every statement is a claim, every inference step an
inference, every relation an inference of the matching kind.
"""

from __future__ import annotations

import json
import re

import pytest

from argmap.readers.argdown import build, make_id

FIXTURES = [
    "core-intro",
    "core-lexer-links-and-tags",
    "core-model-escaped-chars",
    "core-parser-arguments",
    "core-parser-mix",
    "docs-expanded-inference-yaml",
    "docs-strict-relations",
    "docs-undercut-inference",
    "example-argdown-primer",
    "example-state-censorship",
]


def _norm(text) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _kind(kind: str) -> str:
    return "statement" if kind == "equivalence-class" else kind


def _reference(data: dict) -> tuple[dict, dict, set]:
    statements = {
        title: sorted({_norm(m.get("text")) for m in ec["members"]} - {""}) for title, ec in data["statements"].items()
    }
    arguments = {title: [(s["title"], s["role"]) for s in a["pcs"]] for title, a in data["arguments"].items()}
    relations = {
        (r["relationType"], r["from"], _kind(r["fromType"]), r["to"], _kind(r["toType"])) for r in data["relations"]
    }
    return statements, arguments, relations


def _ours(model) -> tuple[dict, dict, set]:
    statements = {title: sorted({_norm(m.text) for m in st.members} - {""}) for title, st in model.statements.items()}
    arguments = {title: [(e.title, e.role) for e in a.pcs] for title, a in model.arguments.items()}

    def end(ref):
        kind, key = ref
        return (key[0] if kind == "inference" else key), kind

    relations = set()
    for r in model.relations:
        (src, skind), (dst, dkind) = end(r.source), end(r.target)
        relations.add((r.type, src, skind, dst, dkind))
    return statements, arguments, relations


@pytest.mark.parametrize("name", FIXTURES)
def test_model_agrees_with_argdown_cli(corpus, name):
    folder = corpus / "argdown"
    reference = json.loads((folder / "json" / f"{name}.json").read_text(encoding="utf-8"))
    model = build((folder / f"{name}.argdown").read_text(encoding="utf-8"), name)
    ref_statements, ref_arguments, ref_relations = _reference(reference)
    statements, arguments, relations = _ours(model)
    assert statements == ref_statements
    assert arguments == ref_arguments
    assert relations == ref_relations


@pytest.mark.parametrize("name", FIXTURES)
def test_argument_map_keeps_every_statement_argument_and_relation(corpus, name):
    from argmap.loading import load

    folder = corpus / "argdown"
    reference = json.loads((folder / "json" / f"{name}.json").read_text(encoding="utf-8"))
    m = load(folder / f"{name}.argdown").map
    used: set = set()
    claim_ids = {make_id(title, used) for title in reference["statements"]}
    in_structure = {s["title"] for a in reference["arguments"].values() for s in a["pcs"]}
    prose = {  # untitled, in no relation nor argument: Argdown's map leaves them out, and so do we
        make_id(title, set()) for title, ec in reference["statements"].items()
        if title.startswith("Untitled ") and not ec.get("relations") and title not in in_structure
    }
    assert claim_ids - prose <= {c.id for c in m.claims}
    assert not prose & {c.id for c in m.claims}
    unreconstructed = [t for t, a in reference["arguments"].items() if not a["pcs"]]
    assert len(m.claims) == len(reference["statements"]) - len(prose) + len(unreconstructed)
    steps = sum(1 for a in reference["arguments"].values() for s in a["pcs"] if "inference" in s)
    # one inference per step, one per relation (two for a contradiction between statements)
    extra = sum(1 for r in reference["relations"] if r["relationType"] == "contradictory" and r["toType"] != "argument")
    assert len(m.inferences) == steps + len(reference["relations"]) + extra
    for arg in reference["arguments"].values():
        for s in arg["pcs"]:
            if "inference" in s:
                conclusion = m.claim(make_id(s["title"], set()))
                assert conclusion is not None and m.inferences_into(conclusion.id)


def test_invalid_file_rejected_with_located_error(corpus, run_cli):
    path = corpus / "argdown" / "errors" / "core-lexer-argument.argdown"
    result = run_cli("validate", path)
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    # the bad {data} is on line 3; Argdown's own message points into it too
    assert first.startswith(f"argmap: error: {path}:3:"), first
    assert "invalid YAML data" in first
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", ["example-state-censorship", "core-parser-mix"])
def test_audit_and_render_take_argdown(corpus, run_cli, tmp_path, name):
    path = corpus / "argdown" / f"{name}.argdown"
    audit = run_cli("audit", path)
    assert audit.exit_code in (0, 1), audit.output
    lines = path.read_text(encoding="utf-8").splitlines()
    places = re.findall(rf"^{re.escape(str(path))}:(\d+):(\d+):", audit.stdout, re.M)
    assert places, audit.stdout  # findings point into the .argdown file ...
    for line, column in places:  # ... at real lines, past the front matter
        assert 1 <= int(line) <= len(lines)
    out = tmp_path / "map.svg"
    render = run_cli("render", path, "-o", out)
    assert render.exit_code == 0, render.output
    assert out.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
