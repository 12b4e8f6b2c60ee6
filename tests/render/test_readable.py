"""A readable whole map: the legend's modes, --min-severity, the thesis and critical step, sections."""

from __future__ import annotations

from pathlib import Path

from argmap.rendering.diagram import build_diagram, render_svg
from argmap.rendering import style
from tests.maps import ATTACK, LINKED
from tests.render.conftest import SVG, finding, nodes, parse_svg

BUNDLED = Path(__file__).resolve().parents[2] / "claims" / "serbia-azerbaijan.yaml"


def _texts(group) -> list[tuple[str, dict]]:
    return [("".join(t.itertext()), t.attrib) for t in group.iter(f"{SVG}text")]


def test_legend_modes_on_the_command_line(run_cli, write_map):
    path = write_map(ATTACK)
    compact = run_cli("render", path).stdout
    full = run_cli("render", path, "--legend", "full").stdout
    none = run_cli("render", path, "--legend", "none").stdout
    assert 'id="legend"' in compact and ">attack<" in compact and "argue against" not in compact
    assert ">attack: the premises argue against the conclusion<" in full
    assert 'id="legend"' not in none
    height = {name: float(svg.split('height="', 1)[1].split("pt", 1)[0]) for name, svg in
              (("compact", compact), ("full", full), ("none", none))}
    assert height["none"] < height["compact"] <= height["full"]  # the key adds room below, never inside
    root = parse_svg(none)
    assert {k for k in nodes(root)} == {k for k in nodes(parse_svg(compact)) if not k.startswith("legend")}


def test_legend_leaves_the_layout_alone(load_map):
    """The same map with and without a legend has its nodes in the same places."""
    loaded = load_map(ATTACK)
    with_key, without = (parse_svg(render_svg(loaded, [finding("x")], legend=mode)) for mode in ("full", "none"))
    for key, group in nodes(without).items():
        assert [t.attrib for t in group.iter(f"{SVG}text")] == [t.attrib for t in nodes(with_key)[key].iter(f"{SVG}text")]


def test_min_severity_marks_and_tooltips(run_cli, write_map):
    path = write_map(LINKED)
    for level, marked in (("error", set()), ("warning", {"claim-t"}), ("info", {"claim-t", "claim-p1"})):
        svg = run_cli("render", path, "--min-severity", level).stdout
        found = nodes(parse_svg(svg))
        flagged = {k for k, g in found.items() if k.startswith("claim-") and "flagged" in g.get("class").split()}
        assert marked <= flagged and not ({"claim-t", "claim-p1"} - marked) & flagged, (level, flagged)
        assert "ARG102" in svg  # p1's note is in its tooltip at every level
    assert run_cli("render", path, "--min-severity", "loud").exit_code == 2


def test_thesis_stands_out(load_map):
    found = nodes(parse_svg(render_svg(load_map(LINKED), [])))
    texts = _texts(found["claim-t"])
    assert texts[-1][0] == "thesis · t · interpretation"
    assert all(a.get("font-weight") == "bold" for _, a in texts[:-1])
    assert all(a.get("font-weight") is None for _, a in _texts(found["claim-p1"]))
    assert len(list(found["claim-t"].iter(f"{SVG}path"))) == 2  # double outline


SOUND = """\
argmap: 1
thesis: t
claims:
  - {id: t, text: The thesis., kind: interpretation}
  - {id: p, text: A premise., evidence: [e]}
  - {id: q, text: Another premise., evidence: [e]}
  - {id: r, text: A third premise., evidence: [e]}
evidence:
  - {id: e, citation: "A report, 2020", quote: so it was, by: Someone}
inferences:
  - {id: s, premises: [p, q], conclusion: t, warrant: it follows}
  - {id: s2, premises: [r], conclusion: p, warrant: it follows}
"""


def _by_id(root) -> dict:
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}


def test_critical_step_drawn_thick_and_purple(run_cli, write_map, load_map):
    from argmap.evaluation.evaluate import evaluate

    critical = evaluate(load_map(SOUND).map).critical_step
    assert critical == "s"
    svg = run_cli("render", write_map(SOUND)).stdout
    root = parse_svg(svg)
    assert "critical" in nodes(root)["inference-s"].get("class").split()
    edges = [g for g in root.iter(f"{SVG}g") if "edge" in (g.get("class") or "").split()]
    critical_edges = [g for g in edges if "critical" in g.get("class").split()]
    assert len(critical_edges) == 3  # two premises in, one arrow out
    for g in critical_edges:
        path = next(g.iter(f"{SVG}path"))
        assert path.get("stroke") == style.CRITICAL and float(path.get("stroke-width")) == 3
    assert "critical" not in _by_id(root)["inference-s2"].get("class").split()
    assert ">critical step<" in svg  # in the legend


def test_diagrams_critical_step_search_stops_at_its_budget(run_cli, tmp_path):
    """A dense map (100 claims, 1000 steps) has no status-critical element, so the search tries
    every element's removal on the labelling: 1 s with evaluate's budget. The diagram's search
    stops at its own, says so, and marks nothing (evaluate's full search finds nothing either)."""
    from argmap.evaluation.evaluate import evaluate
    from argmap.loading import load
    from tests.render.test_big import _generator

    gen = _generator()
    path = tmp_path / "dense.yaml"
    path.write_text(gen.to_yaml(gen.generate(100, 1000, shape="dense")), encoding="utf-8")
    out = tmp_path / "dense.svg"
    result = run_cli("render", path, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "the search for the thesis's critical step ran out of its budget" in result.stderr
    assert "argmap evaluate searches further" in result.stderr
    root = parse_svg(out.read_text(encoding="utf-8"))
    assert not [g for g in root.iter(f"{SVG}g") if "critical" in (g.get("class") or "").split()]
    full = evaluate(load(path).map).critical
    assert full.complete and full.steps == []


def test_bundled_map_critical_step_is_drawn(run_cli):
    from argmap.evaluation.evaluate import evaluate
    from argmap.loading import load

    critical = evaluate(load(BUNDLED).map).critical_step
    assert critical
    found = _by_id(parse_svg(run_cli("render", BUNDLED).stdout))
    element = found.get(f"inference-{critical}", found.get(f"claim-{critical}"))
    assert "critical" in element.get("class").split()


def test_sections_on_each_claim_or_as_clusters(load_map):
    loaded = load_map(ATTACK)
    found = nodes(parse_svg(render_svg(loaded, [])))
    first, attrs = _texts(found["claim-x"])[0]
    assert first == "§ Objections" and float(attrs["font-size"]) < 10
    assert "sectioned" not in found["claim-t"].get("class").split()  # no section: no line
    clustered = build_diagram(loaded, [], cluster=True).graph.source
    assert "cluster_section0" in clustered and "§ Objections" not in clustered
    assert "§" not in build_diagram(loaded, [], sections=False).graph.source
