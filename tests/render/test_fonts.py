"""The bundled font: PNG and PDF have text with or without system fonts, and it fits the SVG's boxes.

System fonts are hidden two ways: in-process by telling resvg to load none
(``system_fonts=False``), and for a whole ``argmap`` process by pointing
fontconfig (which resvg's font loader and Graphviz both read) at a
configuration with no font folder.
"""

from __future__ import annotations

import shutil

import pytest

from argmap.rendering import diagram as renderer
from argmap.rendering import fonts
from tests.maps import ATTACK, LINKED
from tests.render.pixels import bands, image, ink_rows, svg_boxes

PT = 4 / 3  # CSS px per pt
ZOOM = 2.0


@pytest.fixture
def no_system_fonts(tmp_path, monkeypatch):
    """Fontconfig (and resvg's font loader) configured to find no font at all."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?>\n<fontconfig><dir>{tmp_path / "none"}</dir></fontconfig>\n')
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "none"))
    return conf


def _px(v: float, t: float) -> int:
    return round((v + t) * PT * ZOOM)


def _text_bands(img, box, tx, ty):
    """Ink bands in a strip down the middle of a box, between its first and last text line."""
    cx = (box.left + box.right) / 2
    quarter = (box.right - box.left) / 4
    first_y, first_fs, _ = box.lines[0]
    last_y, last_fs, _ = box.lines[-1]
    rows = ink_rows(img, _px(cx - quarter, tx), _px(first_y - first_fs, ty), _px(cx + quarter, tx), _px(last_y + 0.3 * last_fs, ty))
    return bands(rows)


def test_bundled_font_is_package_data_with_its_licence():
    names = sorted(p.rsplit("/", 1)[-1] for p in fonts.font_files())
    assert names == ["LiberationSans-Bold.ttf", "LiberationSans-Regular.ttf"]
    licence = (fonts.font_dir() / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Reserved Font Name Liberation" in licence


def test_png_text_rows_match_the_svg_with_system_fonts_hidden(load_map):
    """Every text line of every claim box is ink in the PNG, on the row the SVG puts it, inside its box."""
    svg = renderer.render(load_map(LINKED), [], "svg")
    boxes, tx, ty = svg_boxes(svg.decode("utf-8"))
    assert len(boxes) == 3
    img = image(renderer.convert(svg, "png", zoom=ZOOM, system_fonts=False))
    for box in boxes:
        found = _text_bands(img, box, tx, ty)
        assert len(found) == len(box.lines), (box.id, found)
        for (y, fs, _), (top, bottom) in zip(box.lines, found):
            middle = _px(y - 0.35 * fs, ty)  # the middle of the x-height, on the SVG's line
            assert top <= middle <= bottom, (box.id, y, top, bottom)
            assert bottom - top >= 0.5 * fs * PT * ZOOM  # letters, not a stray pixel


def test_png_text_fills_the_width_graphviz_measured(load_map):
    """Liberation Sans has Helvetica's widths, so the widest line spans the box less its margins."""
    svg = renderer.render(load_map(ATTACK), [], "svg")
    boxes, tx, ty = svg_boxes(svg.decode("utf-8"))
    img = image(renderer.convert(svg, "png", zoom=ZOOM, system_fonts=False)).point(lambda v: 0 if v < 160 else 255)
    for box in boxes:
        lines = [line for line in box.lines if line[1] >= 9]  # not the small section and id lines
        y, fs, _ = lines[0]
        inset = 3  # pt: inside the outline
        strip = img.crop((_px(box.left + inset, tx), _px(y - 0.7 * fs, ty), _px(box.right - inset, tx), _px(y, ty)))
        data = strip.tobytes()
        cols = [x for x in range(strip.width) if min(data[x::strip.width]) == 0]
        assert cols, box.id
        ink = (cols[-1] - cols[0]) / (PT * ZOOM)
        measured = box.right - box.left - 2 * 0.12 * 72  # the label's width: box less margin=0.12in
        if len(lines) > 1:  # the first of several lines is about as wide as the label
            assert 0.75 * measured <= ink <= measured, (box.id, ink, measured)
        assert cols[0] > 0 and cols[-1] < strip.width - 1, f"{box.id}: text runs into the outline"


def test_cli_png_has_text_with_system_fonts_hidden(run_process, write_map, tmp_path, no_system_fonts):
    out = tmp_path / "map.png"
    result = run_process("render", write_map(LINKED), "-o", out)
    assert result.returncode == 0, result.stderr
    svg = renderer.render(_load(write_map(LINKED)), _audit(write_map(LINKED)), "svg").decode("utf-8")
    boxes, tx, ty = svg_boxes(svg)
    img = image(out.read_bytes())
    scale = img.width / (float(svg.split('width="', 1)[1].split("pt", 1)[0]) * PT)
    for box in boxes:
        y, fs, _ = box.lines[0]
        rows = ink_rows(img, round((box.left + 10 + tx) * PT * scale), round((y - fs + ty) * PT * scale),
                        round((box.right - 10 + tx) * PT * scale), round((y + ty) * PT * scale))
        assert rows, f"{box.id}: no text in the PNG"


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs the Graphviz program")
def test_system_engine_png_uses_the_bundled_font_and_small_ids(load_map, no_system_fonts):
    loaded = load_map(LINKED)
    svg = renderer.render(loaded, [], "svg", "system")
    text = svg.decode("utf-8")
    assert f'font-family="{fonts.CSS_FAMILIES}"' in text and 'font-size="8.00"' in text
    boxes, tx, ty = svg_boxes(text)
    img = image(renderer.convert(svg, "png", zoom=ZOOM, system_fonts=False))
    for box in boxes:
        assert len(_text_bands(img, box, tx, ty)) == len(box.lines), box.id


def test_pdf_embeds_the_bundled_font_without_graphviz(run_cli, write_map, tmp_path, monkeypatch, no_system_fonts):
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without the Graphviz program
    out = tmp_path / "out.pdf"
    result = run_cli("render", write_map(LINKED), "-o", out)
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"+LiberationSans" in data and b"/FontFile2" in data  # embedded TrueType


def test_svg_pdf_png_name_one_family(load_map):
    svg = renderer.render(load_map(LINKED), [], "svg").decode("utf-8")
    families = {part.split('"', 1)[0] for part in svg.split('font-family="')[1:]}
    assert families == {fonts.CSS_FAMILIES}
    dot = renderer.to_dot(load_map(LINKED), [])
    assert "Helvetica" not in dot and f'fontname="{fonts.FAMILY}"' in dot


def _load(path):
    from argmap.loading import load

    return load(path)


def _audit(path):
    from argmap.audit import run

    return run(_load(path))


def _font_conf(tmp_path, name: str, files: list) -> str:
    """A fontconfig configuration whose only font folder holds copies of ``files``."""
    folder = tmp_path / name
    folder.mkdir()
    for f in files:
        shutil.copy(f, folder)
    conf = tmp_path / f"{name}.conf"
    conf.write_text(f'<?xml version="1.0"?>\n<fontconfig><dir>{folder}</dir></fontconfig>\n')
    return str(conf)


def _other_liberation_sans():
    """A system copy of Liberation Sans Regular that is not the bundled file (Debian's 1.x), or None."""
    from pathlib import Path

    bundled = (fonts.font_dir() / fonts.REGULAR).read_bytes()
    for path in sorted(Path("/usr/share/fonts").rglob("LiberationSans-Regular.ttf")):
        if path.read_bytes() != bundled:
            return path
    return None


def test_png_keeps_the_bundled_font_beside_another_version_of_it(run_process, write_map, tmp_path, monkeypatch):
    """A system with Liberation Sans 1.x (fonts-liberation) drew the PNG in that instead of the
    bundled 2.x: with it as the only system font, the PNG is the one drawn with no system fonts."""
    other = _other_liberation_sans()
    if other is None:
        pytest.skip("no other version of Liberation Sans on this system")
    path = write_map(LINKED)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "none"))
    pngs = {}
    for name, files in (("none", []), ("other", [other])):
        monkeypatch.setenv("FONTCONFIG_FILE", _font_conf(tmp_path, name, files))
        out = tmp_path / f"{name}.png"
        result = run_process("render", path, "-o", out)
        assert result.returncode == 0, result.stderr
        pngs[name] = out.read_bytes()
    assert pngs["other"] == pngs["none"]


def test_png_still_takes_a_missing_character_from_the_system(run_process, write_map, tmp_path, monkeypatch):
    """A character the bundled font lacks (U+26AB, a black circle) is drawn from a system font that
    has it: the PNG differs from the one with no system fonts (where it is an empty box)."""
    from pathlib import Path

    dejavu = sorted(Path("/usr/share/fonts").rglob("DejaVuSans.ttf"))
    if not dejavu or 0x26AB not in fonts.code_points(dejavu[0].read_bytes()):
        pytest.skip("no DejaVu Sans with U+26AB on this system")
    assert not fonts.covers("\u26ab") and fonts.covers("The partnership is about Russia.")
    path = write_map(LINKED.replace("The partnership is about Russia.", "The partnership \u26ab is about Russia."))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "none"))
    pngs = {}
    for name, files in (("none", []), ("dejavu", dejavu[:1])):
        monkeypatch.setenv("FONTCONFIG_FILE", _font_conf(tmp_path, name, files))
        out = tmp_path / f"{name}.png"
        result = run_process("render", path, "-o", out)
        assert result.returncode == 0, result.stderr
        pngs[name] = out.read_bytes()
    assert pngs["dejavu"] != pngs["none"]
