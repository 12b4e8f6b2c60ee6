"""The diagram's font: Liberation Sans, shipped with argmap (SIL Open Font License 1.1).

Liberation Sans has the metrics of Helvetica/Arial, which is what Graphviz
measures labels in when it has no font library (the embedded engine), so
the text the rasteriser draws fits the boxes Graphviz made for it. DOT asks
for :data:`FAMILY`; SVG names :data:`CSS_FAMILIES` (a browser without the
font uses a metric twin or a sans); PNG and PDF are drawn with the bundled
files whether or not the system has any fonts, or another version of the same
family (Debian's ``fonts-liberation`` is 1.x): the rasteriser sees the system's
fonts only for a diagram whose text has a character the bundled files lack
(:func:`covers`). The licence is ``argmap/data/fonts/OFL.txt``.

>>> FAMILY
'Liberation Sans'
>>> [p.rsplit("/", 1)[-1] for p in font_files()]
['LiberationSans-Bold.ttf', 'LiberationSans-Regular.ttf']
>>> covers("Claim § 1 · “quoted” → é…"), covers("\u262f")
(True, False)
"""

from __future__ import annotations

import contextlib
import functools
import os
import struct
from html import escape
from pathlib import Path
from typing import Iterable, Iterator

__all__ = ["FAMILY", "CSS_FAMILIES", "REGULAR", "BOLD", "font_dir", "font_files", "fontconfig_env", "covers", "code_points"]

FAMILY = "Liberation Sans"
"""The family name DOT asks for and every output format uses."""
CSS_FAMILIES = "Liberation Sans,Arial,Helvetica,sans-serif"
"""What the SVG's ``font-family`` says: the font, then its metric twins, then any sans."""
REGULAR = "LiberationSans-Regular.ttf"
BOLD = "LiberationSans-Bold.ttf"

_SYSTEM_CONFIG = "/etc/fonts/fonts.conf"


def font_dir() -> Path:
    """The folder of the bundled font files (package data)."""
    return Path(__file__).resolve().parent.parent / "data" / "fonts"


def font_files() -> list[str]:
    """Paths of the bundled font files, sorted."""
    return sorted(str(p) for p in font_dir().glob("*.ttf"))


def covers(text: Iterable[str]) -> bool:
    """Whether both bundled faces have a glyph for every character of ``text`` (white space aside)."""
    have = _covered()
    return all(ord(ch) in have for ch in set(text) if not ch.isspace())


@functools.lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Code points that every bundled face maps to a glyph."""
    faces = [code_points(Path(f).read_bytes()) for f in font_files()]
    return frozenset.intersection(*faces) if faces else frozenset()


def code_points(font: bytes) -> frozenset[int]:
    """Code points a TrueType/OpenType font maps to a glyph other than .notdef, from its
    Unicode ``cmap`` subtable (format 12, else format 4); empty if it has neither.

    >>> 0x41 in code_points(Path(font_files()[0]).read_bytes())
    True
    """
    tables = {font[12 + 16 * k: 16 + 16 * k]: struct.unpack_from(">I", font, 20 + 16 * k)[0]
              for k in range(struct.unpack_from(">H", font, 4)[0])}
    cmap = tables.get(b"cmap")
    if cmap is None:
        return frozenset()
    subtables = {}
    for k in range(struct.unpack_from(">H", font, cmap + 2)[0]):
        platform, encoding, offset = struct.unpack_from(">HHI", font, cmap + 4 + 8 * k)
        at = cmap + offset
        subtables.setdefault((struct.unpack_from(">H", font, at)[0], platform in (0, 3)), at)
    if (12, True) in subtables:
        at = subtables[(12, True)]
        points = set()
        for g in range(struct.unpack_from(">I", font, at + 12)[0]):
            start, end, glyph = struct.unpack_from(">III", font, at + 16 + 12 * g)
            points.update(c for c in range(start, end + 1) if glyph + c - start)
        return frozenset(points)
    if (4, True) in subtables:
        return frozenset(_format4(font, subtables[(4, True)]))
    return frozenset()


def _format4(font: bytes, at: int) -> Iterator[int]:
    """The mapped code points of a format-4 ``cmap`` subtable at offset ``at``."""
    segments = struct.unpack_from(">H", font, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", font, at + 14)
    starts = struct.unpack_from(f">{segments}H", font, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", font, at + 16 + 4 * segments)
    ranges_at = at + 16 + 6 * segments
    ranges = struct.unpack_from(f">{segments}H", font, ranges_at)
    for k in range(segments):
        for c in range(starts[k], ends[k] + 1):
            if c == 0xFFFF:
                continue
            if ranges[k] == 0:
                glyph = (c + deltas[k]) & 0xFFFF
            else:
                where = ranges_at + 2 * k + ranges[k] + 2 * (c - starts[k])
                glyph = struct.unpack_from(">H", font, where)[0]
                glyph = (glyph + deltas[k]) & 0xFFFF if glyph else 0
            if glyph:
                yield c


@contextlib.contextmanager
def fontconfig_env() -> Iterator[dict[str, str]]:
    """An environment for a program that finds fonts with fontconfig (Graphviz's ``dot``).

    The configuration in force (``FONTCONFIG_FILE``, else the system's) is
    included and the bundled folder added, so ``dot`` measures text in the
    bundled font even where the system has none. The temporary configuration
    is removed on exit.
    """
    import tempfile

    base = os.environ.get("FONTCONFIG_FILE") or _SYSTEM_CONFIG
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">{escape(base, quote=False)}</include>\n'
        f"  <dir>{escape(str(font_dir()), quote=False)}</dir>\n"
        "</fontconfig>\n"
    )
    with tempfile.TemporaryDirectory(prefix="argmap-fonts-") as tmp:
        conf = Path(tmp) / "fonts.conf"
        conf.write_text(text, encoding="utf-8")
        yield {**os.environ, "FONTCONFIG_FILE": str(conf)}
