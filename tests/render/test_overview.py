"""render --overview: sections (or connected parts) with counts and the steps between them."""

from __future__ import annotations

from pathlib import Path

from argmap.rendering.diagram import build_overview
from argmap.rendering.overview import overview
from tests.maps import ATTACK, CHAIN
from tests.render.conftest import SVG, finding, nodes, parse_svg

BUNDLED = Path(__file__).resolve().parents[2] / "claims" / "serbia-azerbaijan.yaml"


def _labels(svg: str) -> dict[str, list[str]]:
    return {k: ["".join(t.itertext()) for t in g.iter(f"{SVG}text")] for k, g in nodes(parse_svg(svg)).items()}


def test_bundled_overview_counts_every_claim(run_cli):
    from argmap.loading import load

    m = load(BUNDLED).map
    result = run_cli("render", BUNDLED, "--overview")
    assert result.exit_code == 0, result.stderr
    labels = _labels(result.stdout)
    sections = {c.section for c in m.claims}
    assert len(labels) == len(sections)
    total = 0
    for lines in labels.values():
        tally = next(line for line in lines if " claim" in line and "inside" in line)
        total += int(tally.split()[0])
    assert total == len(m.claims)
    thesis = [lines for lines in labels.values() if lines[0] == f"thesis: {m.thesis}"]
    assert len(thesis) == 1
    edges = [g for g in parse_svg(result.stdout).iter(f"{SVG}g") if "link" in (g.get("class") or "").split()]
    assert edges and all("edge" in g.get("class").split() for g in edges)


def test_links_count_steps_between_sections(load_map):
    groups, links = overview(load_map(ATTACK).map)
    titles = [g.title for g in groups]
    assert titles == ["(no section)", "Objections"]  # the thesis's group first
    # x attacks t, and u undercuts s (whose conclusion is t): both from Objections into the thesis's group
    assert {(titles[k.tail], titles[k.head], k.kind, k.count) for k in links} == {
        ("Objections", "(no section)", "attack", 1), ("Objections", "(no section)", "undercut", 1)}
    assert groups[0].steps == 1  # s: p -> t, inside


def test_without_sections_the_groups_are_connected_parts(load_map):
    text = CHAIN.replace("  - id: side\n", "  - id: lone\n    text: Alone.\n  - id: side\n")
    groups, links = overview(load_map(text).map)
    assert [(g.title, len(g.claims)) for g in groups] == [("around c4", 6), ("unconnected claims", 1)]
    assert links == []


def test_overview_marks_findings_by_severity(load_map):
    loaded = load_map(ATTACK)
    diagram = build_overview(loaded, [finding("x", severity="error"), finding("t", severity="info")],
                             min_severity="warning")
    source = diagram.graph.source
    assert "1 error" in source and "note" not in source
    assert diagram.legend.hidden == {"info": 1}
    assert "flag-error" in diagram.legend.keys and "group" in diagram.legend.keys


def test_overview_is_automatic_on_big_maps(run_cli, write_map):
    claims = "\n".join(f"  - {{id: c{n}, text: Claim {n}., section: S{n % 3}}}" for n in range(310))
    steps = "\n".join(f"  - {{id: i{n}, premises: [c{n + 1}], conclusion: c{n}}}" for n in range(309))
    path = write_map(f"argmap: 1\nthesis: c0\nclaims:\n{claims}\ninferences:\n{steps}\n")
    result = run_cli("render", path)
    assert result.exit_code == 0, result.stderr
    assert "argmap: 310 claims: drawing the overview" in result.stderr and "--no-overview" in result.stderr
    assert len(_labels(result.stdout)) == 3
    full = run_cli("render", path, "--no-overview", "-f", "dot")
    assert full.exit_code == 0 and full.stderr == "" and full.stdout.count('class="claim') == 310
    focused = run_cli("render", path, "--focus", "c5", "--depth", "1")
    assert focused.exit_code == 0 and "overview" not in focused.stderr


def test_overview_with_focus_is_a_usage_error(run_cli, write_map):
    result = run_cli("render", write_map(ATTACK), "--overview", "--focus", "t")
    assert result.exit_code == 2 and "--overview draws the whole map" in result.stderr
