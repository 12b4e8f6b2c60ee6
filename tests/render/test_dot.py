"""DOT text of small maps compared with reviewed golden files.

Regenerate after an intended change with::

    ARGMAP_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_dot.py

then read every changed file under tests/render/golden/ (and render it:
``argmap render`` on the same map) before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.rendering.diagram import build_diagram, render_svg, to_dot

from tests.maps import ATTACK, CHAIN, LINKED
from .conftest import finding

GOLDEN = Path(__file__).parent / "golden"

CASES = {
    # name: (map text, findings, build options)
    "linked-premises": (LINKED, [], {}),
    "flagged-step": (
        LINKED,
        [
            finding("step", "ARG106", "unstated-warrant", "warning", "the step from p1 + p2 to t gives no warrant"),
            finding("p1", "ARG102", "uncited-fact", "info", "fact 'p1' is given without evidence"),
            finding("t", "ARG105", "qualifier-escalation", "error", "concluded unhedged from a 'may' step"),
        ],
        {},
    ),
    "attack-undercut": (ATTACK, [finding("a", "ARG205", "standing-objection", "warning", "never answered")], {}),
    "cluster-lr": (ATTACK, [], {"cluster": True, "rankdir": "LR"}),
    "focus": (CHAIN, [], {"focus": "c2", "depth": 1}),
    "legend-map-findings": (CHAIN, [finding(None, "ARG201", "missing-thesis", "error", "the map names no thesis")], {"focus": "c0", "depth": 0}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_dot_matches_golden(name, load_map):
    text, findings, options = CASES[name]
    dot = to_dot(load_map(text), findings, **options)
    golden = GOLDEN / f"{name}.dot"
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        golden.write_text(dot, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run with ARGMAP_UPDATE_GOLDEN=1 and review it"
    assert dot == golden.read_text(encoding="utf-8")


def test_dot_is_deterministic(load_map):
    loaded = load_map(ATTACK)
    assert to_dot(loaded, []) == to_dot(loaded, [])


def test_linked_premises_meet_at_one_junction(load_map):
    dot = to_dot(load_map(LINKED), [])
    assert '"p1" -> "step" [arrowhead="none"' in dot
    assert '"p2" -> "step" [arrowhead="none"' in dot
    assert '"step" -> "t" [arrowhead="normal" class="support conclusion" color="#333333" fontcolor="#333333" label="may"' in dot
    assert dot.count('-> "t"') == 1  # one arrow into the conclusion, not one per premise


def test_single_premise_step_is_one_arrow(load_map):
    dot = to_dot(load_map(CHAIN), [finding("i1", "ARG106", "unstated-warrant", "warning")])
    assert '"c0" -> "c1" [arrowhead="normal" class="inference support flagged warning unstated-warrant" color="#e66100" id="inference-i1" style="dashed"' in dot
    assert '"i1" [' not in dot  # no junction for a single premise


def test_attack_and_undercut_differ_from_support(load_map):
    dot = to_dot(load_map(ATTACK), [])
    assert '"x" -> "t" [arrowhead="tee" class="inference attack" color="#c0392b"' in dot
    assert '"u" -> "s" [arrowhead="teetee"' in dot  # the undercut ends at the step's junction
    assert '"s" [label="" class="inference support"' in dot  # an undercut step has a junction
    assert '"s" -> "t" [arrowhead="normal"' in dot


def test_legend_explains_only_marks_used(load_map):
    """The legend is drawn under the laid-out diagram, never in the DOT; it lists the marks used."""
    plain = build_diagram(load_map(LINKED), [])
    assert "legend" not in plain.graph.source
    assert sorted(plain.legend.keys) == ["claim", "evidence", "evidence-link", "junction", "support", "thesis"]
    flagged = build_diagram(load_map(ATTACK), [finding("x", severity="error")])
    assert {"attack", "undercut", "flag-error"} <= set(flagged.legend.keys)
    assert "flag-warning" not in flagged.legend.keys and "flag-info" not in flagged.legend.keys
    svg = render_svg(load_map(ATTACK), [finding("x", severity="error")], legend="full")
    for words in ("attack: the premises argue against the conclusion", "undercut: denies that a step follows",
                  "flagged by the audit: error (dashed)"):
        assert f">{words}<" in svg
    assert "flagged by the audit: warning" not in svg
    assert 'id="legend"' not in render_svg(load_map(ATTACK), [], legend="none")


def test_legend_lists_map_findings_and_what_is_not_marked(load_map):
    loose = finding(None, "ARG201", "missing-thesis", "error", "the map names no thesis")
    notes = [finding("c1", severity="info"), finding("c2", severity="info"), finding("c0", severity="warning")]
    diagram = build_diagram(load_map(CHAIN), [loose, *notes], min_severity="warning")
    assert diagram.legend.map_findings == [("error", "[error] ARG201 missing-thesis: the map names no thesis")]
    assert diagram.legend.hidden == {"info": 2}
    assert "flagged" not in diagram.graph.source.split('id="claim-c1"')[0].rsplit("\n", 1)[-1]
    svg = render_svg(load_map(CHAIN), [loose, *notes], min_severity="warning")
    assert ">Findings on the whole map:<" in svg and "the map names no thesis" in svg
    assert ">Not marked: 2 notes (--min-severity info marks them)<" in svg
    focused = build_diagram(load_map(CHAIN), notes, min_severity="warning", focus="c4", depth=0)
    assert focused.legend.hidden == {}  # c1 and c2 are not drawn: nothing hidden on this diagram


def test_focus_keeps_complete_steps(load_map):
    dot = to_dot(load_map(CHAIN), [], focus="c2", depth=1)
    for kept in ("claim-c1", "claim-side", "claim-c2", "claim-c3", "inference-i2", "inference-i3"):
        assert f'id="{kept}"' in dot
    for dropped in ("claim-c0", "claim-c4", "inference-i1", "inference-i4"):
        assert f'id="{dropped}"' not in dot


def test_color_by_status_uses_evaluation(load_map):
    class Evaluation:
        status = {"t": "weak", "p1": "unsupported", "p2": "supported"}
        label = {"t": "in", "p1": "in", "p2": "out"}

    dot = to_dot(load_map(LINKED), [], color_by="status", evaluation=Evaluation())
    assert 'class="claim supported" fillcolor="#cfe8c4"' in dot
    assert "status-weak" in build_diagram(load_map(LINKED), [], color_by="status", evaluation=Evaluation()).legend.keys
    dot = to_dot(load_map(LINKED), [], color_by="label", evaluation=Evaluation())
    assert 'class="claim label-out" fillcolor="#e0e0e0"' in dot


def test_changes_colour_by_change(load_map):
    dot = to_dot(load_map(LINKED), [], changes={"t": "changed", "p1": "added", "p2": "unchanged", "step": "added"})
    assert 'class="claim added" fillcolor="#cfe8c4" id="claim-p1"' in dot
    assert "change-changed" in build_diagram(load_map(LINKED), [], changes={"t": "changed"}).legend.keys
    assert 'class="inference support added"' in dot
    # evidence too: added or changed evidence is filled as such, unchanged keeps its paper colour
    dot = to_dot(load_map(LINKED), [], changes={"e1": "added"})
    assert 'class="evidence added" fillcolor="#cfe8c4" fontsize="9" id="evidence-e1"' in dot
    dot = to_dot(load_map(LINKED), [], changes={})
    assert 'class="evidence unchanged" fillcolor="#f4f1e8"' in dot


def test_focus_on_evidence_and_on_an_undercut_step(load_map):
    from argmap.rendering.focus import neighbourhood

    linked = load_map(LINKED).map
    assert neighbourhood(linked, "e1", 0) == {"e1", "p2"}
    assert neighbourhood(linked, "e1", 1) == {"e1", "p1", "p2", "t", "step"}
    attack = load_map(ATTACK).map
    # the undercut is one hop from the step it targets; its premise comes with it
    assert neighbourhood(attack, "s", 0) == {"s", "p", "t"}
    assert neighbourhood(attack, "s", 1) == {"s", "p", "t", "cut", "u", "a", "x"}
    assert neighbourhood(attack, "nope", 1) is None
