"""Round trips native → AIF → native and native → Argdown → native keep the whole map.

Checked on the bundled map, on every corpus file (read, written, read again),
and on random maps generated with hypothesis (odd texts, ids, tags, sections,
undercuts, circular steps). The exported AIF is also checked against the shape
OVA and AIFdb expect.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.loading import load, load_text
from argmap.model import ArgumentMap
from argmap.writers.aif import to_aif
from argmap.writers.argdown import to_argdown
from tests.interop.argdown_tool import argdown_json

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "claims" / "serbia-azerbaijan.yaml"


def via_argdown(m: ArgumentMap) -> ArgumentMap:
    return load_text(to_argdown(m), "roundtrip.argdown")[0]


def via_aif(m: ArgumentMap) -> ArgumentMap:
    return load_text(json.dumps(to_aif(m), ensure_ascii=False), "roundtrip.json")[0]


def check_aif_shape(data: dict) -> None:
    """What OVA/AIFdb need: typed nodes, edges between them, S-nodes wired premise → S → target."""
    assert list(data)[:3] == ["nodes", "edges", "locutions"]
    types = {}
    for node in data["nodes"]:
        assert set(node) >= {"nodeID", "text", "type"}
        assert isinstance(node["nodeID"], str) and isinstance(node["text"], str)
        assert node["type"] in {"I", "RA", "CA", "MA", "L", "YA", "TA"}
        assert node["nodeID"] not in types
        types[node["nodeID"]] = node["type"]
    into: dict = {n: [] for n in types}
    out: dict = {n: [] for n in types}
    edge_ids = set()
    for e in data["edges"]:
        assert e["fromID"] in types and e["toID"] in types
        assert e["edgeID"] not in edge_ids
        edge_ids.add(e["edgeID"])
        out[e["fromID"]].append(types[e["toID"]])
        into[e["toID"]].append(types[e["fromID"]])
    for nid, t in types.items():
        if t in ("RA", "CA"):
            assert "I" in into[nid] and len(out[nid]) == 1 and out[nid][0] in ("I", "RA", "CA")
        if t == "I":
            assert "I" not in out[nid]
        if t == "YA":
            assert into[nid] == ["L"] and out[nid] == ["I"]
    for loc in data["locutions"]:
        assert types[loc["nodeID"]] == "L"
    for f in data["schemefulfillments"]:
        assert types[f["nodeID"]] in ("RA", "CA", "YA")


def bundled() -> ArgumentMap:
    return load(BUNDLED, read_source=False).map


@pytest.mark.parametrize("through", [via_argdown, via_aif], ids=["argdown", "aif"])
def test_bundled_map_survives(through):
    m = bundled()
    back = through(m)
    assert back.model_dump() == m.model_dump()
    assert len(back.claims) == len(m.claims) > 20


def test_bundled_map_exports_valid_aif():
    m = bundled()
    data = to_aif(m)
    check_aif_shape(data)
    quoted = sum(1 for c in m.claims if c.quote)
    assert len(data["locutions"]) == quoted > 0


def test_corpus_maps_survive(corpus):
    files = sorted((corpus / "argdown").glob("*.argdown")) + sorted((corpus / "aif" / "aif-json").glob("*.json"))
    for path in files:
        m = load(path).map
        for through in (via_argdown, via_aif):
            assert through(m).model_dump() == m.model_dump(), (path.name, through.__name__)
        check_aif_shape(to_aif(m))


# ---------------------------------------------------------------- generated

ids = st.from_regex(r"[A-Za-z0-9_][A-Za-z0-9_.:\-]{0,12}", fullmatch=True)
TRICKY = [
    "https://x.org/a?b=c#d", "http://y//z", "// not a comment", "/* no */", "<!-- no -->", "[a]", "[a]:", "<b>",
    "<b>:", "@[a]", "#tag", "#(a tag)", "# heading", "**bold**", "*i*", "_u_", "__", "***", ":happy:", ".~.", "a.b.A.",
    "{k: v}", "}", "{", "===", "---", "--", "- <X>: y", "(1)", "1.", "* item", "+ x", "<+ y", "_ z", "><", '"', "'",
    "\\", "\\[", "\n", "\n\n", "\r\n", "\t", " ", "é", "\u2028", "@include(x)", "x>:", "]: ", "),",
]
"""Fragments that mean something in Argdown, YAML, JSON or Markdown."""
texts = st.one_of(
    st.text(min_size=1, max_size=40),
    st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=6)), min_size=1, max_size=6).map("".join).filter(bool),
)
plain = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=15),
    st.lists(st.sampled_from(TRICKY), min_size=1, max_size=3).map("".join),
)
QUALIFIERS = ["might", "could", "likely", "should", "must", None]
KINDS = ["fact", "interpretation", "causal", "prediction", "evaluation"]


@st.composite
def maps(draw) -> ArgumentMap:
    all_ids = draw(st.lists(ids, min_size=1, max_size=14, unique=True))
    n_claims = draw(st.integers(1, len(all_ids)))
    claim_ids, rest = all_ids[:n_claims], all_ids[n_claims:]
    n_evidence = draw(st.integers(0, min(2, len(rest))))
    evidence_ids, inference_ids = rest[:n_evidence], rest[n_evidence:]
    sections = draw(st.lists(st.one_of(st.none(), plain), min_size=1, max_size=3))
    claims = []
    for cid in claim_ids:
        claim = {"id": cid, "text": draw(texts)}
        if draw(st.booleans()):
            claim["quote"] = draw(texts)
            start = draw(st.integers(0, 500))
            claim["anchor"] = {"start": start, "end": start + len(claim["quote"]), "prefix": draw(plain), "suffix": ""}
        claim["kind"] = draw(st.sampled_from(KINDS))
        claim["qualifier"] = draw(st.sampled_from(QUALIFIERS))
        claim["section"] = draw(st.sampled_from(sections))
        claim["tags"] = draw(st.lists(plain, max_size=3, unique=True))
        claim["note"] = draw(st.one_of(st.none(), texts))
        claim["assumption"] = draw(st.booleans())
        claim["evidence"] = draw(st.lists(st.sampled_from(evidence_ids), max_size=2, unique=True)) if evidence_ids else []
        claims.append(claim)
    inferences = []
    for k, iid in enumerate(inference_ids):
        kind = draw(st.sampled_from(["support", "attack", "undercut"])) if k else draw(st.sampled_from(["support", "attack"]))
        premises = draw(st.lists(st.sampled_from(claim_ids), min_size=1, max_size=3))
        if kind == "undercut":
            conclusion = draw(st.sampled_from(inference_ids[:k]))
        else:
            conclusion = draw(st.sampled_from(claim_ids))
        inf = {"id": iid, "premises": premises, "conclusion": conclusion, "kind": kind}
        inf["scheme"] = draw(st.one_of(st.none(), plain))
        inf["warrant"] = draw(st.one_of(st.none(), texts))
        inf["qualifier"] = draw(st.sampled_from(QUALIFIERS))
        inf["quote"] = draw(st.one_of(st.none(), texts))
        inf["note"] = draw(st.one_of(st.none(), texts))
        inferences.append(inf)
    data = {
        "argmap": 1,
        "title": draw(st.one_of(st.none(), texts)),
        "source": {"author": draw(st.one_of(st.none(), plain)), "url": draw(st.one_of(st.none(), st.just("https://example.org/a?b=c"), texts))},
        "thesis": draw(st.one_of(st.none(), st.sampled_from(claim_ids))),
        "note": draw(st.one_of(st.none(), texts)),
        "claims": claims,
        "evidence": [{"id": e, "citation": draw(texts), "quote": draw(st.one_of(st.none(), texts)), "url": draw(st.one_of(st.none(), texts))} for e in evidence_ids],
        "inferences": inferences,
    }
    return ArgumentMap.model_validate(data)


SETTINGS = settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(maps())
def test_generated_maps_survive_argdown(m):
    assert via_argdown(m).model_dump() == m.model_dump()


@SETTINGS
@given(maps())
def test_generated_maps_survive_aif(m):
    data = to_aif(m)
    check_aif_shape(data)
    assert via_aif(m).model_dump() == m.model_dump()


@settings(max_examples=6, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(maps(), min_size=8, max_size=8))
def test_argdown_cli_reads_generated_exports_with_one_statement_per_claim(argdown_cli, tmp_path_factory, batch):
    """The reference Argdown CLI accepts argmap's export of each map, with one statement per
    claim (titled by its id) and one argument per inference: 48 maps, six runs of the CLI."""
    check_cli_reads(argdown_cli, {f"m{k}": m for k, m in enumerate(batch)}, tmp_path_factory.mktemp("maps"))


def check_cli_reads(cli: str, maps_: dict, folder: Path) -> None:
    """The CLI reads each map's export with one statement per claim and one argument per inference."""
    texts = {name: to_argdown(m) for name, m in maps_.items()}
    for name, (kind, data) in argdown_json(cli, texts, folder).items():
        assert kind == "json", (texts[name], data)
        m = maps_[name]
        assert sorted(data["statements"]) == sorted(c.id for c in m.claims), texts[name]
        assert sorted(t.lstrip("\\") for t in data["arguments"]) == sorted(i.id for i in m.inferences), texts[name]


EXPORT_CASES = {
    "url-in-title": {"title": "See https://x.org/a//b", "claims": [{"id": "a", "text": "A."}]},
    "url-tag": {"claims": [{"id": "a", "text": "A.", "tags": ["https://x.org/t", "#(x)"]}]},
    "scheme-with-syntax": {"claims": [{"id": "a", "text": "A."}, {"id": "b", "text": "B."}],
                           "inferences": [{"id": "i", "premises": ["b"], "conclusion": "a", "scheme": "- <X>: y"}]},
    "empty-map": {},
    "title-only": {"title": "T"},
    "front-matter-marks": {"claims": [{"id": "a", "text": "x === y", "section": "== s =="}]},
    "include-in-texts": {"title": "@include(t)", "claims": [{"id": "a", "text": "@include(x)", "tags": ["@include(y)"], "note": "@include(z)"}]},
    "blank-text": {"claims": [{"id": "a", "text": "\x01 \t"}]},
    "undercut-of-underscore-id": {"claims": [{"id": "a", "text": "A."}, {"id": "b", "text": "B."}],
                                  "inferences": [{"id": "_s", "premises": ["b"], "conclusion": "a"},
                                                 {"id": "u", "premises": ["a"], "conclusion": "_s", "kind": "undercut"}]},
    "comment-marks-everywhere": {"title": "// t /* u */", "note": "<!-- n -->",
                                 "claims": [{"id": "a", "text": "http://x // y", "section": "http://s//t", "note": "// z"}]},
}
"""Maps whose export the Argdown readers (argmap's and the CLI's) used to misread."""


@pytest.mark.parametrize("name", list(EXPORT_CASES))
def test_export_cases_read_back(name):
    m = ArgumentMap.model_validate({"argmap": 1, **EXPORT_CASES[name]})
    text = to_argdown(m)
    back, sourcemap, _ = load_text(text, "x.argdown")
    assert back.model_dump() == m.model_dump(), text
    assert not sourcemap.notes


def test_export_cases_are_read_by_the_argdown_cli(argdown_cli, tmp_path):
    check_cli_reads(argdown_cli, {name: ArgumentMap.model_validate({"argmap": 1, **data}) for name, data in EXPORT_CASES.items()}, tmp_path)
