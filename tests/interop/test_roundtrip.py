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
    if not BUNDLED.is_file():
        pytest.skip("the bundled map claims/serbia-azerbaijan.yaml is not there")
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
texts = st.text(min_size=1, max_size=40)
plain = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=15)
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
        "source": {"author": draw(st.one_of(st.none(), plain)), "url": draw(st.one_of(st.none(), st.just("https://example.org/a?b=c")))},
        "thesis": draw(st.one_of(st.none(), st.sampled_from(claim_ids))),
        "claims": claims,
        "evidence": [{"id": e, "citation": draw(texts), "quote": draw(st.one_of(st.none(), texts))} for e in evidence_ids],
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
