"""The AIF reader: counts on the real corpus, every AraucariaDB nodeset, and the quirks of real files."""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest

from argmap.diagnostics import ArgmapError
from argmap.loading import load
from argmap.readers.aif import EMPTY_TEXT, read_text

FIXTURES = Path(__file__).parent / "fixtures"


def readme_counts(corpus: Path) -> dict[str, dict[str, int]]:
    """Per-file node-type counts from the corpus README's table ("I:4 RA:1")."""
    counts = {}
    for line in (corpus / "aif" / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 5 and cells[0].endswith(".json") and re.fullmatch(r"(\w+:\d+ ?)+", cells[4]):
            counts[cells[0]] = {k: int(v) for k, v in (p.split(":") for p in cells[4].split())}
    return counts


def test_readme_table_is_read(corpus):
    counts = readme_counts(corpus)
    assert len(counts) == 16
    assert counts["00_araucaria_nodeset10_minimal.json"] == {"I": 4, "RA": 1}


def _raw_aif(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("AIF", data)


def _attackless_ca(aif: dict) -> int:
    """CA nodes no I-node points into: they cannot become an inference."""
    types = {str(n["nodeID"]): n["type"] for n in aif["nodes"]}
    attacked_by = collections.defaultdict(list)
    for e in aif["edges"]:
        attacked_by[str(e["toID"])].append(types.get(str(e["fromID"])))
    return sum(1 for nid, t in types.items() if t == "CA" and "I" not in attacked_by[nid])


@pytest.mark.parametrize("index", range(16))
def test_counts_match_corpus_readme(corpus, index):
    counts = readme_counts(corpus)
    name = sorted(counts)[index]
    path = corpus / "aif" / "aif-json" / name
    m = load(path).map
    expected = counts[name]
    kinds = collections.Counter(i.kind.value for i in m.inferences)
    assert len(m.claims) == expected.get("I", 0)
    assert kinds["support"] == expected.get("RA", 0)
    skipped = _attackless_ca(_raw_aif(path))
    assert kinds["attack"] + kinds["undercut"] + skipped == expected.get("CA", 0)
    if skipped:  # the malformed CA is reported on the claim it points at
        assert any("names no attacker" in (c.note or "") for c in m.claims)


def test_undercuts_in_the_corpus(corpus):
    m = load(corpus / "aif" / "aif-json" / "01_ova3_rebut_undercut.json").map
    undercut = [i for i in m.inferences if i.kind.value == "undercut"]
    assert len(undercut) == 1 and m.inference(undercut[0].conclusion).kind.value == "support"
    m = load(corpus / "aif" / "aif-json" / "10_aifdb_covidorigins_evidence_to_hypothesis.json").map
    assert sum(1 for i in m.inferences if i.kind.value == "undercut") == 6
    assert {i.scheme for i in m.inferences if i.kind.value == "support"} == {"Evidence to Hypothesis"}


def test_schemes_are_matched_by_name(corpus):
    araucaria = load(corpus / "aif" / "aif-json" / "13_araucaria_nodeset213.json").map
    ova = load(corpus / "aif" / "aif-json" / "11_xaif_rtmoon_walton_schemes.json").map
    names_a = {i.scheme for i in araucaria.inferences}
    names_o = {i.scheme for i in ova.inferences}
    # AraucariaDB's "CauseToEffect" key and OVA's "Cause To Effect" text are one scheme
    assert {"Expert Opinion", "Cause To Effect", "Practical Reasoning"} <= names_a & names_o


def test_every_araucaria_nodeset_imports_validates_and_renders(corpus, run_cli):
    from argmap.audit import run
    from argmap.rendering.diagram import to_dot

    files = sorted((corpus / "aif" / "araucaria").glob("*.json"))
    assert len(files) == 661
    totals = collections.Counter()
    for path in files:
        loaded = load(path)
        aif = _raw_aif(path)
        types = collections.Counter(n["type"] for n in aif["nodes"])
        assert len(loaded.map.claims) == types["I"], path.name
        totals["claims"] += len(loaded.map.claims)
        dot = to_dot(loaded, run(loaded))
        assert dot.startswith("digraph") and dot.rstrip().endswith("}"), path.name
    assert totals["claims"] > 3000
    result = run_cli("validate", "-q", *files[:50])
    assert result.exit_code == 0, result.output


def test_quirks_of_real_files():
    path = FIXTURES / "quirks.json"
    m, sourcemap = read_text(path.read_text(encoding="utf-8"), str(path))
    ids = [c.id for c in m.claims]
    assert ids == ["n1", "n2", "n4", "n8", "n15"]  # integer and string ids; a repeated id keeps the first node
    assert m.claim("n1").text == "Taxes should rise."
    assert m.claim("n8").text == EMPTY_TEXT and "has no text" in m.claim("n8").note
    ra = m.inference("n3")
    assert (ra.premises, ra.conclusion, ra.scheme) == (["n2"], "n1", "Practical Reasoning")
    assert (m.inference("n5").kind.value, m.inference("n5").conclusion) == ("attack", "n1")
    assert (m.inference("n6").kind.value, m.inference("n6").conclusion) == ("undercut", "n3")
    assert m.inference("n7") is None and "names no attacker" in m.claim("n2").note
    assert m.inference("n9") is None and "no conclusion" in m.claim("n8").note
    said = m.claim("n1").note
    assert "Said: Ann Lee, «Ann: taxes should rise» (Asserting)" in said
    assert "Said: Bob Ray, «Bob: growth will suffer»" in m.claim("n4").note
    assert "YA_" not in m.claim("n4").note  # hashed illocution names are left out
    assert "In reply to: «Ann: taxes should rise»" in m.claim("n4").note
    assert "Rephrases n1" in m.claim("n15").note
    assert str(sourcemap.find(("claims", 1))) == f"{path}:4:4"  # the node's "nodeID" in the file


@pytest.mark.parametrize(
    "text,where,fragment",
    [
        ('{"nodes": [\n  {"nodeID": 1,, }]}', "2:16", "invalid JSON"),
        ('[1, 2]', "1:1", "not an AIF file"),
        ('{"nodes": [{"text": "x", "type": "I"}], "edges": []}', "1:1", "has no nodeID"),
        ('{"nodes": [], "edges": {}}', "1:1", "must be a list"),
        ("[" * 100000, "1:1", "nesting deeper than 200"),
    ],
)
def test_broken_aif_gives_located_error(text, where, fragment):
    with pytest.raises(ArgmapError) as info:
        read_text(text, "x.json")
    message = str(info.value.diagnostics[0])
    assert message.startswith(f"x.json:{where}"), message
    assert fragment in message


def test_audit_and_render_take_aif(corpus, run_cli, tmp_path):
    path = corpus / "aif" / "aif-json" / "04_aifdb_nodeset19393_ff.json"
    audit = run_cli("audit", path)
    assert audit.exit_code in (0, 1), audit.output
    assert f"{path}:" in audit.stdout
    out = tmp_path / "map.svg"
    render = run_cli("render", path, "-o", out)
    assert render.exit_code == 0, render.output
    assert "<svg" in out.read_text(encoding="utf-8")


def test_aif_wrapper_with_metadata_and_top_level_nodes(tmp_path, run_cli):
    """``{"AIF": {"version": ...}, "nodes": [...]}``: the nodes beside the wrapper are read."""
    path = tmp_path / "m.json"
    path.write_text(json.dumps({
        "AIF": {"version": "1.0"},
        "nodes": [{"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "B", "type": "I"}, {"nodeID": "3", "text": "RA", "type": "RA"}],
        "edges": [{"edgeID": "1", "fromID": "2", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "1"}],
    }), encoding="utf-8")
    result = run_cli("import", path)
    assert result.exit_code == 0, result.output
    m = load(path).map
    assert [(i.premises, i.conclusion) for i in m.inferences] == [(["n2"], "n1")]


def test_aif_parts_not_imported_are_located_notes(tmp_path, run_cli):
    nodes = [{"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "B", "type": "I"},
             {"nodeID": "3", "text": "RA", "type": "RA"}, {"nodeID": "1", "text": "again", "type": "I"},
             {"nodeID": "4", "text": "?", "type": "PA"}]
    edges = [{"edgeID": "e1", "fromID": "2", "toID": "1"}, {"edgeID": "e2", "fromID": "3", "toID": "1"},
             {"edgeID": "e3", "fromID": "2", "toID": "9"}, "junk", {"edgeID": "e5", "fromID": "4", "toID": "1"}]
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"nodes": nodes, "edges": edges}, indent=1), encoding="utf-8")
    result = run_cli("import", path)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith(f"argmap: warning: {path}:")]
    text = "\n".join(warnings)
    for words in ["AIF edge e1 from I-node 2 to I-node 1", "RA n3 (RA): it names no premise", "its nodeID 1 is taken",
                  "AIF edge e3 from 2 to 9: there is no node 9", "AIF edge 4 is not an object", "AIF PA node 4"]:
        assert words in text, text
    assert all(re.match(rf"argmap: warning: {re.escape(str(path))}:\d+:\d+: not imported: ", w) for w in warnings)
    lines = path.read_text(encoding="utf-8").splitlines()
    edge_line = int(next(w for w in warnings if "edge e1" in w).split(f"{path}:")[1].split(":")[0])
    assert '"e1"' in lines[edge_line - 1]  # located at the edge itself
    m = load(path).map
    assert m.note.startswith("Import notes:\n") and "I-node 2 to I-node 1" in m.note
    assert m.inferences == []
