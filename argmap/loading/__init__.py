"""Load a map file into the model, with a location for every element.

``file → load → model``: this module reads the file, picks the reader by file
type, validates against :mod:`argmap.model` and checks references. Every
problem becomes a located :class:`~argmap.diagnostics.Diagnostic`; all of a
file's problems are raised together in one :class:`ArgmapError`.
:mod:`.fast` is the fast path for valid YAML maps.

May import: :mod:`argmap.readers` and the core.

>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "m.yaml").write_text("argmap: 1\\nclaims:\\n  - id: a\\n    text: A.\\n")
>>> loaded = load(d / "m.yaml")
>>> loaded.map.location("a").line
3
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from pydantic import ValidationError

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.limits import Limits, check_strings, check_values, flow_depth, yaml_value_bound
from argmap.loading.files import read_file, read_source_text
from argmap.loading.located import parse_yaml
from argmap.loading.references import check_references, with_references
from argmap.locations import Location, SourceMap
from argmap.model import ArgumentMap
from argmap.validation import validate_data

__all__ = [
    "LoadedMap",
    "Limits",
    "load",
    "load_text",
    "parse_yaml",
    "validate_data",
    "check_references",
    "detect_format",
    "READERS",
]


@dataclass
class LoadedMap:
    """A validated map with everything needed to report on it."""

    path: Path
    map: ArgumentMap
    sourcemap: SourceMap
    source_text: Optional[str] = None
    source_path: Optional[Path] = None
    format: str = "yaml"
    extras: dict = field(default_factory=dict)
    source_error: Optional[Diagnostic] = None
    """Why the source text the map names could not be read; only quote anchoring and coverage need it."""

    @property
    def file(self) -> str:
        return self.sourcemap.file

    def locate(self, path: tuple) -> Location:
        return self.sourcemap.find(path)


def _attach_locations(m: ArgumentMap, sourcemap: SourceMap) -> None:
    m.set_sourcemap(sourcemap)


# ------------------------------------------------------------------ readers


def _read_yaml(path: Path, text: str, limits: Limits) -> tuple[ArgumentMap, SourceMap]:
    check_values(yaml_value_bound(text), str(path), limits)  # before any parser pays for the values
    fast = _fast_yaml(path, text, limits)
    if fast is not None:
        return fast
    data, sourcemap = parse_yaml(text, str(path), limits, bounded=True)
    return _validated(data, sourcemap)


def _validated(data, sourcemap: SourceMap) -> tuple[ArgumentMap, SourceMap]:
    """The map that ``data`` holds; when the schema refuses it, its reference errors are
    reported in the same run."""
    try:
        return validate_data(data, sourcemap), sourcemap
    except ArgmapError as exc:
        raise with_references(exc, data, sourcemap) from None


def _fast_yaml(path: Path, text: str, limits: Limits) -> Optional[tuple[ArgumentMap, SourceMap]]:
    """A valid block-style map through the fast parser; ``None`` sends it down the
    fully located slow path (which also produces every error message)."""
    from argmap.loading.fast import fast_parse

    if len(text) > 200_000_000 or flow_depth(text) > limits.max_depth:  # that parser is slow on deep nesting
        return None
    if len(text) > limits.max_string:
        from argmap.loading.fast import long_block_value, long_line_value

        over = long_line_value(text, limits.max_string)  # before the parser reads the whole file
        at_least = ""
        if over is None:
            over, at_least = long_block_value(text, limits.max_string), "at least "
        if over is not None:
            line, column, length, key = over
            what = (f"'{key}' is {at_least}{length} characters long, over" if key
                    else f"a text value of {at_least}{length} characters is over")
            raise ArgmapError(Diagnostic(Location(str(path), line, column),
                                         f"{what} the limit of {limits.max_string}; raise ARGMAP_MAX_STRING to allow it"))
    parsed = fast_parse(text, str(path))
    if parsed is None:
        return None
    data, sourcemap = parsed
    if "argmap" not in data:
        return None
    try:
        return ArgumentMap.model_validate(data), sourcemap
    except ValidationError:
        return None


def _read_native_json(path: Path, text: str, limits: Limits) -> tuple[ArgumentMap, SourceMap]:
    """A native map in JSON, read by a JSON parser (not as YAML flow syntax, which
    refused surrogate-pair escapes and changed raw U+2028/U+2029/NEL)."""
    from argmap.util.jsonread import parse_json

    data, sourcemap = parse_json(text, str(path), limits)
    return _validated(data, sourcemap)


def _lazy(spec: str) -> Callable:
    def reader(path: Path, text: str, limits: Limits):
        import importlib

        module, _, name = spec.partition(":")
        return getattr(importlib.import_module(module), name)(path, text, limits)

    return reader


READERS: dict[str, Callable[[Path, str, Limits], tuple[ArgumentMap, SourceMap]]] = {
    "yaml": _read_yaml,
    "json": _read_native_json,
    "argdown": _lazy("argmap.readers.argdown:read"),
    "aif": _lazy("argmap.readers.aif:read"),
}
"""Readers by format name: each takes (path, text, limits) and returns (map, sourcemap)."""

SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".argdown": "argdown", ".ad": "argdown", ".json": "json"}


def detect_format(path: Path, text: str) -> str:
    """The reader for a file: by suffix, and for ``.json`` by content (native or AIF).

    Standard input (``-``) and a file without a suffix are told by content; any
    other suffix is an unsupported file type (exit 2).

    >>> detect_format(Path("-"), '{"nodes": []}'), detect_format(Path("-"), "argmap: 1\\n")
    ('aif', 'yaml')
    """
    suffix = path.suffix.lower() if str(path) != "-" else ""
    if suffix and suffix not in SUFFIXES:
        hint = " (Potsdam microtext XML? convert it with 'argmap import --from microtext')" if suffix == ".xml" else ""
        raise ArgmapError(
            Diagnostic(Location(str(path), 0, 0), f"unsupported file type '{suffix}'; argmap reads maps in "
                       f"{', '.join(sorted(SUFFIXES))}{hint}"),
            exit_code=2,
        )
    fmt = SUFFIXES.get(suffix) or _sniff(text)
    if fmt == "json":
        head = text.lstrip()[:4096]
        if '"argmap"' in head and '"nodes"' not in head and '"AIF"' not in head:
            return "json"
        return "aif"
    return fmt


def _sniff(text: str) -> str:
    """The format of text that has no file name: JSON, YAML (with the ``argmap:`` key) or Argdown.

    >>> _sniff("[a]: A.\\n  + [b]: B.\\n"), _sniff("# notes\\nargmap: 1\\n"), _sniff("claims: []\\n")
    ('argdown', 'yaml', 'yaml')
    """
    import re

    head = text.lstrip("\ufeff \t\r\n")[:65536]
    if head.startswith("{"):
        return "json"
    if re.search(r"^argmap\s*:", head, re.MULTILINE):
        return "yaml"
    # [^\S\n]: blanks within one line; \s* crossed lines, so blank lines made the search quadratic
    # (65 KB of line breaks on standard input took 23 s of CPU)
    if re.search(r"^[^\S\n]*(?:\[[^\]\n]+\]|<[^>\n]+>|#|\(\d+\)|//|<!--)", head, re.MULTILINE):
        return "argdown"
    return "yaml"


def load_text(text: str, path: Path | str, fmt: Optional[str] = None, limits: Optional[Limits] = None) -> tuple[ArgumentMap, SourceMap, str]:
    """Parse and validate map text (no source text is read). Returns (map, sourcemap, format)."""
    path = Path(path)
    limits = limits if limits is not None else Limits()
    fmt = fmt or detect_format(path, text)
    try:
        m, sourcemap = READERS[fmt](path, text, limits)
    except RecursionError:
        raise ArgmapError(
            Diagnostic(Location(str(path), 1, 1), f"nested too deeply to read (over {limits.max_depth} levels?)")
        ) from None
    # no value can be longer than the file, nor (YAML fast path) than the span between two elements
    if min(len(text), getattr(sourcemap.positions, "longest_span", len(text))) > limits.max_string:
        check_strings(m, sourcemap, limits)
    diags = check_references(m, sourcemap)
    if diags and not sourcemap.exact and fmt == "yaml" and len(text) <= limits.max_located:
        data, sourcemap = parse_yaml(text, str(path), limits, bounded=True)  # precise places for the errors
        diags = check_references(m, sourcemap)
    if diags:
        raise ArgmapError(diags)
    _attach_locations(m, sourcemap)
    return m, sourcemap, fmt


def load(
    path: Path | str,
    *,
    fmt: Optional[str] = None,
    read_source: bool = True,
    allow_outside: bool = False,
    limits: Optional[Limits] = None,
    regular_only: bool = False,
) -> LoadedMap:
    """Read, validate and check one map file; raise :class:`ArgmapError` on any problem.

    ``regular_only``: the path was named inside another file (a review's ``map:``),
    so only a regular file is read (a FIFO would hang, a device never end).

    A source text that cannot be read is no error here: it is kept in
    :attr:`LoadedMap.source_error`, for the commands that need the text to raise.
    """
    path = Path(path)
    limits = limits if limits is not None else Limits()
    text = read_file(path, limits, regular_only=regular_only)
    m, sourcemap, fmt = load_text(text, path, fmt, limits)
    loaded = LoadedMap(path=path, map=m, sourcemap=sourcemap, format=fmt)
    if read_source:
        try:
            read_source_text(loaded, allow_outside, limits)
        except ArgmapError as exc:  # most rules and the diagram do without it
            loaded.source_error = exc.diagnostics[0]
    return loaded
