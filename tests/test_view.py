"""`argmap view`: one self-contained page under a strict policy, and clear errors."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from tests.maps import MISSPELLED_KEY

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "claims" / "serbia-azerbaijan.yaml"


def _data(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', html, re.S).group(1))


def test_one_self_contained_file_under_a_strict_policy(run_cli, tmp_path):
    out = tmp_path / "v.html"
    result = run_cli("view", BUNDLED, BUNDLED.with_name("serbia-azerbaijan.review.yaml"), "-o", out)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"<(link|img|iframe|object|embed)\b|\ssrc=", html), "nothing to load"
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    code = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(code) == 1, "one script, the page's own"
    digest = base64.b64encode(hashlib.sha256(code[0].encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
    assert "connect-src" not in policy and "'unsafe-inline'" not in policy
    assert "Copyright 2009-2010 Andrea Leofreddi" in code[0], "the vendored library keeps its licence"
    data = _data(html)
    from argmap.loading import load

    m = load(BUNDLED).map
    assert {f"panel-claim-{c.id}" for c in m.claims} <= set(data["elements"])
    thesis = data["elements"][f"panel-claim-{m.thesis}"]
    assert thesis["thesis"] and thesis["status"] and thesis["label"] and thesis["why"]
    assert any(e["reviews"] for e in data["elements"].values()), "review comments travel along"
    assert data["rules"] and all(r["doc"] for r in data["rules"].values()), "rule docs for every rule found"
    marks = re.findall(r'<mark class="q [^"]*" tabindex="0" data-ids="([^"]*)"', html)
    assert {k for ids in marks for k in ids.split()} >= {f"panel-claim-{c.id}" for c in m.claims if c.quote}


def test_explain_and_the_panel_give_the_same_reason(run_cli, tmp_path):
    from argmap.evaluation.evaluate import evaluate
    from argmap.evaluation.explanation import explain
    from argmap.loading import load

    m = load(BUNDLED).map
    x = explain(m, evaluate(m), m.thesis)
    result = run_cli("view", BUNDLED, "-o", tmp_path / "v.html")
    assert result.exit_code == 0
    shown = _data((tmp_path / "v.html").read_text(encoding="utf-8"))["elements"][f"panel-claim-{m.thesis}"]
    assert (shown["status"], shown["label"], shown["why"]) == (x.status, x.label, x.label_reason)


def test_standard_output_and_a_map_without_source(run_cli, tmp_path):
    (tmp_path / "m.yaml").write_text("argmap: 1\nclaims:\n  - id: a\n    text: <b>A</b>.\n", encoding="utf-8")
    result = run_cli("view", tmp_path / "m.yaml")
    assert result.exit_code == 0
    assert result.output.startswith("<!DOCTYPE html>") and "names no source text" in result.output
    assert "<b>A</b>" not in result.output.split('id="argmap-data"')[0]


def test_a_broken_map_is_a_located_error(run_cli, tmp_path):
    bad = tmp_path / "m.yaml"
    bad.write_text(MISSPELLED_KEY, encoding="utf-8")
    out = tmp_path / "v.html"
    result = run_cli("view", bad, "-o", out)
    assert result.exit_code == 1
    assert re.search(r"m\.yaml:4:5: ", result.output)
    assert not out.exists()
