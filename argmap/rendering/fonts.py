"""The diagram's font: Liberation Sans, shipped with argmap (SIL Open Font License 1.1).

Liberation Sans has the metrics of Helvetica/Arial, which is what Graphviz
measures labels in when it has no font library (the embedded engine), so
the text the rasteriser draws fits the boxes Graphviz made for it. DOT asks
for :data:`FAMILY`; SVG names :data:`CSS_FAMILIES` (a browser without the
font uses a metric twin or a sans); PNG and PDF are drawn with the bundled
files whether or not the system has any fonts. The licence is
``argmap/data/fonts/OFL.txt``.

>>> FAMILY
'Liberation Sans'
>>> [p.rsplit("/", 1)[-1] for p in font_files()]
['LiberationSans-Bold.ttf', 'LiberationSans-Regular.ttf']
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator
from xml.sax.saxutils import escape

__all__ = ["FAMILY", "CSS_FAMILIES", "REGULAR", "BOLD", "font_dir", "font_files", "fontconfig_env"]

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
        f'  <include ignore_missing="yes">{escape(base)}</include>\n'
        f"  <dir>{escape(str(font_dir()))}</dir>\n"
        "</fontconfig>\n"
    )
    with tempfile.TemporaryDirectory(prefix="argmap-fonts-") as tmp:
        conf = Path(tmp) / "fonts.conf"
        conf.write_text(text, encoding="utf-8")
        yield {**os.environ, "FONTCONFIG_FILE": str(conf)}
