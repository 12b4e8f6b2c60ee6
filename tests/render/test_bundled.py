"""The bundled article map renders whole and around its green-light step."""

from __future__ import annotations

import pytest

from argmap.audit import run
from argmap.loading import load
from argmap.rendering.diagram import render_svg

from pathlib import Path

from .conftest import nodes, parse_svg

MAP = Path(__file__).resolve().parents[2] / "claims" / "serbia-azerbaijan.yaml"


@pytest.fixture(scope="module")
def bundled():
    loaded = load(MAP)
    return loaded, run(loaded)


def test_whole_map_shows_every_claim_and_finding(bundled):
    loaded, findings = bundled
    found = nodes(parse_svg(render_svg(loaded, findings, rankdir="LR")))
    claims = {k[len("claim-"):] for k in found if k.startswith("claim-")}
    assert claims == {c.id for c in loaded.map.claims}
    flagged_claims = {f.target for f in findings if loaded.map.claim(f.target or "") is not None}
    for target in flagged_claims:
        assert "flagged" in found[f"claim-{target}"].get("class").split(), target
    thesis = found[f"claim-{loaded.map.thesis}"]
    assert "thesis" in thesis.get("class").split()


def test_focus_on_the_green_light_step(bundled):
    loaded, findings = bundled
    step = loaded.map.inference("green-light")
    assert step is not None, "the bundled map's green-light step"
    svg = render_svg(loaded, findings, focus="green-light", depth=1)
    found = nodes(parse_svg(svg))
    shown = {k[len("claim-"):] for k in found if k.startswith("claim-")}
    assert set(step.premises) | {step.conclusion} <= shown
    assert len(shown) < len(loaded.map.claims)
    junction = found.get("inference-green-light")
    assert junction is not None and "focus" in junction.get("class").split()
