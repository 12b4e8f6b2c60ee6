"""PNG size: --scale and --dpi, the pixel cap (refused before any drawing), progress notes on stderr."""

from __future__ import annotations

from pathlib import Path

from tests.maps import LINKED
from tests.render.pixels import image

BUNDLED = Path(__file__).resolve().parents[2] / "claims" / "serbia-azerbaijan.yaml"


def _size(path: Path) -> tuple[int, int]:
    return image(path.read_bytes()).size


def test_scale_and_dpi(run_cli, write_map, tmp_path):
    path = write_map(LINKED)
    sizes = {}
    for name, args in {"s1": ["--scale", "1"], "s2": ["--scale", "2"], "d192": ["--dpi", "192"], "default": []}.items():
        out = tmp_path / f"{name}.png"
        result = run_cli("render", path, "-o", out, *args)
        assert result.exit_code == 0, result.stderr
        sizes[name] = _size(out)
    w1, h1 = sizes["s1"]
    assert abs(sizes["s2"][0] - 2 * w1) <= 2 and abs(sizes["s2"][1] - 2 * h1) <= 2
    assert sizes["d192"] == sizes["s2"]  # CSS has 96 dots per inch
    assert abs(sizes["default"][0] - 1.5 * w1) <= 2


def test_scale_and_dpi_together_is_a_usage_error(run_cli, write_map, tmp_path):
    result = run_cli("render", write_map(LINKED), "-o", tmp_path / "x.png", "--scale", "2", "--dpi", "100")
    assert result.exit_code == 2 and "--scale or --dpi" in result.stderr


def test_pixel_cap_refuses_with_advice_and_writes_nothing(run_cli, tmp_path):
    """The bundled map at 3x would be about 90 megapixels: over the default cap of 40."""
    out = tmp_path / "big.png"
    result = run_cli("render", BUNDLED, "-o", out, "--scale", "3")
    assert result.exit_code == 1
    message = result.stderr.strip()
    assert message.startswith(f"argmap: error: {BUNDLED}:1:1: the PNG would be "), message
    assert "megapixels, over the limit of 40" in message
    for advice in ("--format svg", "--focus ID --depth N", "--max-pixels"):
        assert advice in message
    assert "Traceback" not in result.output and not out.exists()
    assert run_cli("render", BUNDLED, "-o", out, "--scale", "0.5", "--max-pixels", "1000").exit_code == 1
    result = run_cli("render", BUNDLED, "-o", out, "--scale", "0.3")
    assert result.exit_code == 0 and _size(out)[0] > 1000


def test_no_cap_with_zero(run_cli, write_map, tmp_path):
    out = tmp_path / "x.png"
    assert run_cli("render", write_map(LINKED), "-o", out, "--max-pixels", "0").exit_code == 0
    assert run_cli("render", write_map(LINKED), "-o", out, "--max-pixels", "100").exit_code == 1


def test_progress_notes_for_a_slow_render(run_cli, write_map, tmp_path, monkeypatch):
    """A render past the threshold (here 0 s) says what it is doing, then how long it took."""
    from argmap.commands import render as command

    monkeypatch.setattr(command._Progress, "AFTER", 0.0)
    result = run_cli("render", write_map(LINKED), "-o", tmp_path / "x.png")
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "argmap: laying out 3 claims and 1 step with Graphviz ..."
    assert lines[1].startswith("argmap: drawing a ") and lines[1].endswith(" px PNG ...")
    assert lines[-1].startswith("argmap: rendered in ")


def test_slow_whole_map_render_suggests_the_overview(run_cli, tmp_path, monkeypatch):
    """On a big map (here: over 2 claims) the first note of a slow render says how to
    draw less: the overview of the sections, or one part with --focus."""
    from argmap.commands import render as command

    monkeypatch.setattr(command._Progress, "AFTER", 0.0)
    monkeypatch.setattr(command, "BIG_MAP", 2)
    result = run_cli("render", BUNDLED, "--no-overview", "-o", tmp_path / "x.svg")
    assert result.exit_code == 0, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("argmap: laying out ") and "--overview" in first and "--focus ID --depth 2" in first
    result = run_cli("render", BUNDLED, "--overview", "-o", tmp_path / "o.svg")  # already the overview
    assert result.exit_code == 0, result.stderr
    notes = result.stderr.splitlines()
    assert notes[0].startswith("argmap: laying out the overview of ") and "--overview" not in notes[0]
    assert "--focus ID --depth 2" in notes[0]


def test_quick_render_is_quiet(run_cli, write_map, tmp_path):
    result = run_cli("render", write_map(LINKED), "-o", tmp_path / "x.svg")
    assert result.exit_code == 0 and result.stderr == ""
