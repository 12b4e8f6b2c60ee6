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

import difflib
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from pydantic import BaseModel, ValidationError

from argmap.diagnostics import MAX_PER_FILE, ArgmapError, Diagnostic, omitted
from argmap.limits import Limits, check_strings, compose_yaml, flow_depth
from argmap.locations import Location, SourceMap
from argmap.model import ArgumentMap, InferenceKind

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


# --------------------------------------------------------------------- YAML


_LOADER: Optional[type] = None


def _loader_class() -> type:
    """The safe loader; dates stay strings (the model stores dates as written).

    PyYAML is imported on first use: the fast path and the other formats never need it.
    """
    global _LOADER
    if _LOADER is None:
        import yaml

        class _Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
            """Safe loading; dates stay strings."""

        _Loader.yaml_implicit_resolvers = {
            first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
        _LOADER = _Loader
    return _LOADER


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def parse_yaml(text: str, file: str, limits: Optional[Limits] = None) -> tuple[Any, SourceMap]:
    """Parse YAML into plain data and a :class:`SourceMap` of every key and value.

    Duplicate keys, alias bombs and over-deep nesting are errors.

    >>> data, sm = parse_yaml("a:\\n  b: [1, 2]\\n", "x.yaml")
    >>> data, str(sm.find(("a", "b", 1)))
    ({'a': {'b': [1, 2]}}, 'x.yaml:2:10')
    """
    import yaml

    limits = limits if limits is not None else Limits()
    loader = _loader_class()(text)
    try:
        try:
            node = compose_yaml(loader, file, limits)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            problem = exc.problem or exc.context or "invalid YAML"
            if exc.context and exc.problem and exc.context not in problem:
                problem = f"{problem} ({exc.context})"
            raise ArgmapError(Diagnostic(Location(file, line, col), f"invalid YAML: {problem}")) from None
        except yaml.YAMLError as exc:
            raise ArgmapError(Diagnostic(Location(file, 1, 1), f"invalid YAML: {exc}")) from None
        except RecursionError:
            raise ArgmapError(Diagnostic(Location(file, 1, 1), "YAML nested too deeply")) from None
        positions: dict = {}
        if node is None:
            return None, SourceMap(file, positions)
        builder = _Builder(loader, file, positions, limits)
        data = builder.build(node, (), 0)
        return data, SourceMap(file, positions)
    finally:
        loader.dispose()


_CONSTRUCT_ERRORS = (ValueError, TypeError, OverflowError, LookupError)
"""What building one tagged scalar may raise (``!!int x`` raises ValueError), besides YAMLError."""

_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "tag:yaml.org,2002:omap"}


class _Builder:
    def __init__(self, loader: Any, file: str, positions: dict, limits: Limits):
        self.loader = loader
        self.file = file
        self.positions = positions
        self.limits = limits
        self.merged: dict[int, int] = {}  # id(mapping node) → how many of its pairs came from merges
        import yaml

        self.yaml = yaml
        self.errors = (yaml.YAMLError, *_CONSTRUCT_ERRORS)

    def _key(self, key_node: yaml.Node) -> Any:
        key = None
        if isinstance(key_node, self.yaml.ScalarNode):
            try:
                key = self.loader.construct_object(key_node, deep=True)
            except self.errors as exc:
                raise ArgmapError(
                    Diagnostic(Location(self.file, *_mark(key_node)), f"invalid YAML key: {getattr(exc, 'problem', exc)}")
                ) from None
            if isinstance(key, (str, int, float, bool)) or key is None:
                return key
        raise ArgmapError(Diagnostic(Location(self.file, *_mark(key_node)), "a mapping key must be a plain value"))

    def build(self, node: yaml.Node, path: tuple, depth: int) -> Any:
        yaml = self.yaml
        self.positions.setdefault(path, _mark(node))
        if isinstance(node, yaml.ScalarNode):
            try:
                return self.loader.construct_object(node, deep=True)
            except self.errors as exc:
                raise ArgmapError(
                    Diagnostic(Location(self.file, *_mark(node)), f"invalid YAML value: {getattr(exc, 'problem', exc)}")
                ) from None
        if node.tag not in _COLLECTION_TAGS:
            raise ArgmapError(
                Diagnostic(Location(self.file, *_mark(node)), f"invalid YAML value: unsupported tag {node.tag!r}")
            )
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            merged = self.merged.get(id(node))
            if merged is None:  # flatten once: the same node may be reached again through an alias
                own = sum(1 for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge")
                try:
                    self.loader.flatten_mapping(node)
                except yaml.YAMLError as exc:
                    raise ArgmapError(
                        Diagnostic(Location(self.file, *_mark(node)), f"invalid YAML merge: {getattr(exc, 'problem', exc)}")
                    ) from None
                merged = self.merged[id(node)] = len(node.value) - own
            result: dict = {}
            from_merge: set = set()
            for index, (key_node, value_node) in enumerate(node.value):
                key = self._key(key_node)
                if key in result and key not in from_merge:
                    first = self.positions.get(("#key",) + path + (key,))
                    where = f" (first at line {first[0]})" if first else ""
                    raise ArgmapError(
                        Diagnostic(Location(self.file, *_mark(key_node)), f"duplicate key '{key}'{where}")
                    )
                if index < merged:  # merged keys: later ones and the mapping's own keys override them
                    from_merge.add(key)
                else:
                    from_merge.discard(key)
                self.positions[("#key",) + path + (key,)] = _mark(key_node)
                self.positions.pop(path + (key,), None)
                result[key] = self.build(value_node, path + (key,), depth + 1)
            return result
        raise ArgmapError(Diagnostic(Location(self.file, *_mark(node)), "unsupported YAML node"))


# --------------------------------------------------------------- validation

_ELEMENT_NAMES = {"claims": "claim", "evidence": "evidence", "inferences": "inference"}


def _describe(data: Any, loc: tuple) -> str:
    """A human name for the element at ``loc``: ``claim 'x'`` or ``claims[3]``."""
    if len(loc) >= 2 and loc[0] in _ELEMENT_NAMES and isinstance(loc[1], int):
        try:
            ident = data[loc[0]][loc[1]].get("id")
        except Exception:
            ident = None
        name = _ELEMENT_NAMES[loc[0]]
        if isinstance(ident, str):
            return f"{name} '{ident}'"
        return f"{loc[0]}[{loc[1]}]"
    return ".".join(str(p) for p in loc if not isinstance(p, int)) or "map"


def _model_for(loc: tuple, root: type[BaseModel]) -> Optional[type[BaseModel]]:
    """The pydantic model that owns the mapping at ``loc``."""
    model: Any = root
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(model, "model_fields", None)
        if not fields or part not in fields:
            return None
        model = _inner_model(fields[part].annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _data_path(loc: tuple, data: Any, kind: str) -> tuple:
    """The part of a pydantic error ``loc`` that leads through ``data``.

    Pydantic puts the names of union members and validators (``str``, ``Anchor``,
    ``function-after[...]``, ``[key]``) into ``loc``; they are no keys of the file.
    An element is kept when it is a key (or index) of the data reached so far; the
    last one also when pydantic reports it missing.

    >>> _data_path(("claims", 0, "x[1]"), {"claims": [{"x[1]": 3}]}, "extra_forbidden")
    ('claims', 0, 'x[1]')
    >>> _data_path(("anchor", "function-after[f(), str]"), {"anchor": 5}, "string_type")
    ('anchor',)
    >>> _data_path(("claims", 0, "text"), {"claims": [{}]}, "missing")
    ('claims', 0, 'text')
    """
    path: list = []
    node = data
    for k, part in enumerate(loc):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and type(part) is int and 0 <= part < len(node):
            node = node[part]
        elif not (kind == "missing" and k == len(loc) - 1):
            continue  # a union member's or validator's tag
        path.append(part)
    return tuple(path)


@functools.lru_cache(maxsize=4096)
def _closest_field(model: type[BaseModel], name: str) -> Optional[str]:
    """The field of ``model`` that ``name`` probably misspells (remembered per model and name)."""
    close = difflib.get_close_matches(name, list(model.model_fields), n=1, cutoff=0.6)
    return close[0] if close else None


def _error_place(loc: tuple, kind: str) -> tuple[tuple, bool]:
    """``(path, at_key)``: where one error is reported (a missing key: at its mapping)."""
    return (loc[:-1], False) if kind == "missing" else (loc, kind == "extra_forbidden")


def _format_error(err: dict, data: Any, root: type[BaseModel]) -> tuple[tuple, bool, str]:
    """``(path, at_key, message)`` for one pydantic error."""
    loc = _data_path(tuple(err["loc"]), data, err["type"])
    kind = err["type"]
    path, at_key = _error_place(loc, kind)
    where = _describe(data, loc[:-1]) if loc else "map"
    field_name = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        model = _model_for(loc[:-1], root)
        close = _closest_field(model, str(field_name)) if model is not None else None
        hint = f" (did you mean '{close}'?)" if close else ""
        return path, at_key, f"{where}: unknown key '{field_name}'{hint}"
    if kind == "missing":
        return path, at_key, f"{where}: missing required key '{field_name}'"
    if kind == "literal_error" and loc == ("argmap",):
        return loc, False, f"unsupported format version {err.get('input')!r}; this argmap reads version 1"
    if kind == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        value = err.get("input")
        choices = [c.strip(" '") for c in expected.replace(" or ", ",").split(",") if c.strip(" '")]
        close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return loc, False, f"{where}: '{field_name}' must be one of {expected}, not {value!r}{hint}"
    if kind == "string_pattern_mismatch":
        return loc, False, (
            f"{where}: {field_name} {err.get('input')!r} is not a valid id "
            "(letters, digits and _ . : - only)"
        )
    msg = err["msg"]
    if isinstance(field_name, int):
        label = f"{_describe(data, loc[:-2])}: item {field_name + 1} of '{loc[-2]}'" if len(loc) >= 2 else where
    else:
        label = f"{where}: '{field_name}'" if field_name else where
    return loc, False, f"{label}: {msg[0].lower() + msg[1:] if msg else msg}"


def validate_data(data: Any, sourcemap: SourceMap, model: type[BaseModel] = ArgumentMap) -> Any:
    """Validate plain data against ``model``; raise located diagnostics."""
    if not isinstance(data, dict):
        what = "empty" if data is None else f"a {type(data).__name__}"
        raise ArgmapError(Diagnostic(sourcemap.find(()), f"expected a mapping at the top level, found {what}"))
    if model is ArgumentMap and "argmap" not in data:
        raise ArgmapError(
            Diagnostic(sourcemap.find(()), "missing 'argmap: 1' (the format version) at the top level")
        )
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    # Place every error (cheap), then word only the first MAX_PER_FILE (hints cost a lookup each).
    placed = []
    for order, err in enumerate(errors):
        path, at_key = _error_place(_data_path(tuple(err["loc"]), data, err["type"]), err["type"])
        location = sourcemap.key(path) if at_key else sourcemap.find(path)
        placed.append((location.line, location.column, order, location, err))
    placed.sort(key=lambda p: p[:3])
    diags: list[Diagnostic] = []
    seen = set()
    for k, (_, _, _, location, err) in enumerate(placed):
        if len(diags) == MAX_PER_FILE:
            rest = {(p[3], p[4]["type"], tuple(p[4]["loc"])) for p in placed[k:]}
            diags.append(omitted(location, len(rest)))
            break
        message = _format_error(err, data, model)[2]
        if (location, message) not in seen:
            seen.add((location, message))
            diags.append(Diagnostic(location, message))
    raise ArgmapError(diags) from None


def check_references(m: ArgumentMap, sourcemap: SourceMap) -> list[Diagnostic]:
    """Duplicate ids and references that do not resolve."""
    diags: list[Diagnostic] = []
    claims = {c.id for c in m.claims}
    evidence = {e.id for e in m.evidence}
    inferences = {i.id for i in m.inferences}
    if len(claims | evidence | inferences) < len(m.claims) + len(m.evidence) + len(m.inferences):
        seen: dict[str, tuple[str, int]] = {}  # id → where it was first used
        for section in ("claims", "evidence", "inferences"):
            for i, el in enumerate(getattr(m, section)):
                here = (section, i)
                first = seen.setdefault(el.id, here)
                if first is not here:
                    used = f"{_ELEMENT_NAMES[first[0]]} at line {sourcemap.find(first).line}"
                    diags.append(
                        Diagnostic(sourcemap.find((section, i, "id")), f"duplicate id '{el.id}' (already used by {used})")
                    )

    unresolved: dict[int, str] = {}  # index in diags -> the reference, for a did-you-mean hint

    def dangling(path: tuple, ref: str, what: str) -> None:
        unresolved[len(diags)] = ref
        diags.append(Diagnostic(sourcemap.find(path), f"'{ref}' is not {what}"))

    if m.thesis is not None and m.thesis not in claims | evidence | inferences:
        dangling(("thesis",), m.thesis, "the id of a claim")
    for ci, claim in enumerate(m.claims):
        for k, ref in enumerate(claim.evidence):
            if ref not in evidence:
                dangling(("claims", ci, "evidence", k), ref, "the id of an evidence record")
    for ii, inf in enumerate(m.inferences):
        for k, ref in enumerate(inf.premises):
            if ref not in claims:
                dangling(("inferences", ii, "premises", k), ref, "the id of a claim")
        if inf.kind is InferenceKind.undercut:
            if inf.conclusion not in inferences:
                dangling(("inferences", ii, "conclusion"), inf.conclusion, "the id of an inference (an undercut targets an inference)")
        elif inf.conclusion not in claims:
            dangling(("inferences", ii, "conclusion"), inf.conclusion, "the id of a claim")
    if not diags:
        return diags
    order = sorted(range(len(diags)), key=lambda k: (diags[k].location.line, diags[k].location.column))
    alive = sorted(claims | evidence | inferences)
    budget = _HINT_BUDGET  # id comparisons: hints stay cheap when thousands of ids are missing
    shown = []
    for k in order[:MAX_PER_FILE]:
        d = diags[k]
        ref = unresolved.get(k)
        if ref is not None and budget >= len(alive):
            budget -= len(alive)
            close = difflib.get_close_matches(ref, alive, n=1, cutoff=0.75)
            d = Diagnostic(d.location, f"{d.message} (did you mean '{close[0]}'?)") if close else d
        shown.append(d)
    if len(diags) > len(shown):
        shown.append(omitted(diags[order[MAX_PER_FILE]].location, len(diags) - MAX_PER_FILE))
    return shown


_HINT_BUDGET = 200_000


def _attach_locations(m: ArgumentMap, sourcemap: SourceMap) -> None:
    m.set_sourcemap(sourcemap)


# ------------------------------------------------------------------ readers


def _read_yaml(path: Path, text: str, limits: Limits) -> tuple[ArgumentMap, SourceMap]:
    fast = _fast_yaml(path, text, limits)
    if fast is not None:
        return fast
    data, sourcemap = parse_yaml(text, str(path), limits)
    return validate_data(data, sourcemap), sourcemap


def _fast_yaml(path: Path, text: str, limits: Limits) -> Optional[tuple[ArgumentMap, SourceMap]]:
    """A valid block-style map through the fast parser; ``None`` sends it down the
    fully located slow path (which also produces every error message)."""
    from argmap.loading.fast import fast_parse

    if len(text) > 200_000_000 or flow_depth(text) > limits.max_depth:  # that parser is slow on deep nesting
        return None
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
    # JSON is YAML 1.2 flow syntax; the YAML parser gives us positions for free.
    return _read_yaml(path, text, limits)


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
    if re.search(r"^\s*(?:\[[^\]\n]+\]|<[^>\n]+>|#|\(\d+\)|//|<!--)", head, re.MULTILINE):
        return "argdown"
    return "yaml"


def _unreadable(path: Path, message: str, line: int = 0, col: int = 0) -> ArgmapError:
    """An input that cannot be read as text at all: exit 2, like a usage error."""
    return ArgmapError(Diagnostic(Location(str(path), line, col), message), exit_code=2)


_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        for bom, name in _BOMS:
            if raw.startswith(bom):
                raise _unreadable(path, f"not valid UTF-8 text: the file starts with a {name} byte order mark; "
                                  f"save it as UTF-8", 1, 1) from None
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _unreadable(path, "not valid UTF-8 text", line, col) from None


def _read_stdin(limits: Limits) -> str:
    import sys

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise _unreadable(Path("-"), "standard input is closed")
    raw = stream.read(limits.max_bytes + 1)
    if len(raw) > limits.max_bytes:
        raise ArgmapError(Diagnostic(Location("-", 0, 0), f"input is over the limit of {limits.max_bytes} bytes; "
                                     "raise ARGMAP_MAX_BYTES to allow it"))
    return _decode(Path("-"), raw)


def _read_file(path: Path, limits: Limits) -> str:
    if str(path) == "-":
        return _read_stdin(limits)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise _unreadable(path, "no such file") from None
    except OSError as exc:
        raise _unreadable(path, f"cannot read: {exc.strerror}") from None
    if path.is_dir():
        raise _unreadable(path, "is a folder, not a map file")
    too_big = f"over the limit of {limits.max_bytes} bytes; raise ARGMAP_MAX_BYTES to allow it"
    if size > limits.max_bytes:  # a limit, as the others: exit 1
        raise ArgmapError(Diagnostic(Location(str(path), 0, 0), f"file is {size} bytes, {too_big}"))
    try:
        with path.open("rb") as fh:  # bounded: pipes and devices report no size
            raw = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        raise _unreadable(path, f"cannot read: {exc.strerror}") from None
    if len(raw) > limits.max_bytes:
        raise ArgmapError(Diagnostic(Location(str(path), 0, 0), f"file is {too_big}"))
    return _decode(path, raw)


def _read_source_text(
    loaded: LoadedMap, allow_outside: bool, limits: Limits
) -> None:
    ref = loaded.map.source.text
    if not ref:
        return
    where = loaded.sourcemap.find(("source", "text"))
    if "://" in ref:
        raise ArgmapError(Diagnostic(where, f"source text must be a local file, not a URL ({ref!r}); URLs are never fetched"))
    try:
        base = loaded.path.resolve().parent
        target = (base / ref).resolve()  # symlinks resolved: a link may not lead outside either
        is_file = target.is_file()
    except (OSError, ValueError, RuntimeError) as exc:  # NUL byte, name too long, symlink loop
        raise ArgmapError(Diagnostic(where, f"source text path {ref!r} cannot be used: {exc}")) from None
    if not allow_outside and base != target and base not in target.parents:
        raise ArgmapError(
            Diagnostic(where, f"source text '{ref}' is outside the map's folder; pass --allow-outside to read it")
        )
    if not is_file:
        raise ArgmapError(Diagnostic(where, f"source text file '{ref}' not found (looked in {base})"))
    text = _read_file(target, limits)
    loaded.source_text = text
    # as the user names it (relative when the map's path is): reports show this path
    loaded.source_path = Path(os.path.normpath(loaded.path.parent / ref))


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
    if diags and not sourcemap.exact and fmt == "yaml":
        data, sourcemap = parse_yaml(text, str(path), limits)  # precise places for the errors
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
) -> LoadedMap:
    """Read, validate and check one map file; raise :class:`ArgmapError` on any problem.

    A source text that cannot be read is no error here: it is kept in
    :attr:`LoadedMap.source_error`, for the commands that need the text to raise.
    """
    path = Path(path)
    limits = limits if limits is not None else Limits()
    text = _read_file(path, limits)
    m, sourcemap, fmt = load_text(text, path, fmt, limits)
    loaded = LoadedMap(path=path, map=m, sourcemap=sourcemap, format=fmt)
    if read_source:
        try:
            _read_source_text(loaded, allow_outside, limits)
        except ArgmapError as exc:  # most rules and the diagram do without it
            loaded.source_error = exc.diagnostics[0]
    return loaded
