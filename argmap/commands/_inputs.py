"""What the path arguments of a command name: files, folders, globs and ``-``.

As linters do it: a file is taken as given; a folder is searched recursively
(hidden folders and virtual environments left out) and a file in it counts
when it is recognised by suffix and content, as a map or as a review file;
the rest is skipped and counted. A pattern with ``*``, ``?`` or ``[`` that
names no file is expanded as a glob (``**`` spans folders). ``-`` is
standard input.

>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "m.yaml").write_text("argmap: 1\\n")
>>> _ = (d / "m.review.yaml").write_text("argmap-review: 1\\n")
>>> _ = (d / "m.txt").write_text("The source.\\n")
>>> found = expand([str(d)])
>>> [p.name for p in found.maps], [p.name for p in found.reviews], found.skipped
(['m.yaml'], ['m.review.yaml'], 1)
"""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from argmap.diagnostics import Diagnostic
from argmap.locations import Location

__all__ = ["Inputs", "expand", "kind_of", "STDIN", "SKIP_FOLDERS"]

STDIN = "-"
"""The path argument that means standard input."""

SKIP_FOLDERS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})
"""Folders a recursive search never enters (besides hidden ones such as ``.git`` and ``.venv``)."""

_MAP_SUFFIXES = {".yaml", ".yml", ".json", ".argdown", ".ad"}
_HEAD = 65536  # bytes read to recognise a file by content
# Blanks within one line ([^\S\n]) before the key, and no two runs of blanks side by side:
# ``^\s*\{?\s*`` crossed lines and split each run of blanks every way, so a head of 64 KB of line
# breaks or of spaces cost 2 * 10**9 steps per pattern (validate on such a file ran for minutes).
# A key on the line after "{" is still found, on its own line.
_REVIEW_KEY = re.compile(r'^(?:argmap-review\s*:|[^\S\n]*(?:\{[^\S\n]*)?"argmap-review"\s*:)', re.MULTILINE)
_MAP_KEY = re.compile(r'^(?:argmap\s*:|[^\S\n]*(?:\{[^\S\n]*)?"argmap"\s*:)', re.MULTILINE)
_AIF = re.compile(r'"(?:nodes|AIF)"\s*:')


@dataclass
class Inputs:
    """Map files and review files to check, in the order given, and how many files were skipped."""

    files: list[tuple[Path, str]] = field(default_factory=list)  # (path, "map" | "review")
    skipped: int = 0
    errors: list[Diagnostic] = field(default_factory=list)  # a glob that matches nothing

    @property
    def maps(self) -> list[Path]:
        return [p for p, kind in self.files if kind == "map"]

    @property
    def reviews(self) -> list[Path]:
        return [p for p, kind in self.files if kind == "review"]


def _head(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            return fh.read(_HEAD).decode("utf-8", "replace")
    except OSError:
        return ""


def kind_of(path: Path, head: Optional[str] = None) -> Optional[str]:
    """``"map"``, ``"review"`` or None (not an argmap file), by suffix and content.

    >>> kind_of(Path("a.argdown"), ""), kind_of(Path("r.yaml"), "argmap-review: 1\\n")
    ('map', 'review')
    >>> kind_of(Path("ci.yaml"), "on: push\\n"), kind_of(Path("aif.json"), '{"nodes": []}')
    (None, 'map')
    """
    suffix = path.suffix.lower()
    if suffix in (".argdown", ".ad"):
        return "map"
    if suffix not in _MAP_SUFFIXES:
        return None
    text = _head(path) if head is None else head
    if _REVIEW_KEY.search(text):
        return "review"
    if _MAP_KEY.search(text) or (suffix == ".json" and _AIF.search(text)):
        return "map"
    return None


def is_review(path: Path) -> bool:
    """Whether a file named on the command line is a review file (by its content)."""
    if str(path) == STDIN or path.suffix.lower() not in (".yaml", ".yml", ".json"):
        return False
    try:
        if not path.is_file():
            return False
    except OSError:
        return False
    return kind_of(path) == "review"


def _walk(folder: Path) -> Iterable[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_FOLDERS)
        for name in sorted(files):
            yield Path(root) / name


def _is_glob(arg: str) -> bool:
    return any(ch in arg for ch in "*?[")


def expand(args: Iterable[str], reviews: bool = True) -> Inputs:
    """The files that ``args`` name; see the module docstring.

    ``reviews=False`` treats review files found in folders as skipped (for
    commands that read maps only).
    """
    out = Inputs()
    seen: set = set()

    def add(path: Path, kind: str) -> None:
        key = os.path.normpath(str(path))
        if key in seen and str(path) != STDIN:
            return
        seen.add(key)
        out.files.append((path, kind))

    for arg in args:
        arg = str(arg)
        path = Path(arg)
        if arg == STDIN:
            add(path, "map")
        elif path.is_dir():
            for file in _walk(path):
                kind = kind_of(file)
                if kind is None or (kind == "review" and not reviews):
                    out.skipped += 1
                else:
                    add(file, kind)
        elif _is_glob(arg) and not path.exists():
            matched = sorted(glob.glob(arg, recursive=True))
            if not matched:
                out.errors.append(Diagnostic(Location(arg, 0, 0), "matches no file"))
            for name in matched:
                file = Path(name)
                if file.is_dir():
                    continue
                add(file, "review" if reviews and is_review(file) else "map")
        else:
            add(path, "review" if reviews and is_review(path) else "map")
    return out
