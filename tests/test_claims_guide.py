"""claims/README.md's diagram guide says what the renderer draws (real DOT of the bundled map)."""

from __future__ import annotations

import re
from pathlib import Path

from argmap.rendering import style

CLAIMS = Path(__file__).resolve().parents[1] / "claims"
COLOR_WORDS = {"warning": "orange", "info": "blue", "error": "red"}


def _guide() -> str:
    text = (CLAIMS / "README.md").read_text(encoding="utf-8")
    start = text.index("## Reading the diagram")
    return " ".join(text[start : text.index("\n## ", start + 1)].split())


def _statement(dot: str, element_id: str) -> str:
    found = re.search(r'^\t"[^"]+" \[[^\n]*id="' + re.escape(element_id) + r'"[^\n]*\]$', dot, re.M)
    assert found, element_id
    return found.group(0)


def _focus_dot(run_cli) -> str:
    result = run_cli(
        "render", CLAIMS / "serbia-azerbaijan.yaml", "--focus", "serbia-reads-green-light", "--depth", "2", "--format", "dot"
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_line_styles_in_the_guide_are_the_renderers():
    guide = _guide()
    assert style.SEVERITY_DASH["info"] == "dotted" and style.SEVERITY_DASH["warning"] == "dashed"
    assert "**dotted** instead of dashed" in guide and "in blue" in guide
    assert "dashed blue" not in guide.lower() and "dotted orange" not in guide.lower()


def test_the_green_light_example_is_drawn_as_described(run_cli):
    dot = _focus_dot(run_cli)
    junction = _statement(dot, "inference-green-light")
    assert 'style="filled"' in junction and f'fillcolor="{style.SEVERITY_COLOR["warning"]}"' in junction
    premise = _statement(dot, "claim-russia-tacit-approval")
    assert "dashed" in premise and style.SEVERITY_COLOR["warning"] in premise
    assert style.SEVERITY_TINT["warning"] in premise
    guide = _guide()
    # a dot is filled, never dashed: its lines are
    assert not re.search(r"dashed \w+ dot", guide), "the guide calls a junction dot dashed"
    assert "larger orange dot whose lines are dashed orange" in guide
    assert "`russia-tacit-approval`, is a dashed orange box" in guide
