"""What the language server knows about one document, computed from its text alone.

:func:`analyse` takes the text the editor holds (never the file on disk) and
returns an :class:`Analysis`: the document's kind (map, Argdown map, review),
its load errors and audit findings as LSP diagnostics with exact ranges, and
every place an id is defined or used. The editor features (hover, definition,
references, completion, rename, symbols, code actions) in
:mod:`argmap.lsp.features` are plain functions of an analysis, so they are
tested without a server.

>>> a = analyse("file:///m.yaml", "argmap: 1\\nthesis: t\\nclaims:\\n  - id: t\\n    text: T.\\n    kind: causal\\n")
>>> a.kind, [(d.code, d.range.start.line, d.range.start.character, d.range.end.character) for d in a.diagnostics]
('map', [('ARG101', 3, 4, 6)])
>>> [(o.id, o.role, o.field) for o in a.occurrences]
[('t', 'reference', 'thesis'), ('t', 'definition', 'id')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional
from urllib.parse import unquote, urlparse

from lsprotocol import types as T

__all__ = ["Occurrence", "Analysis", "analyse", "uri_to_path", "path_to_uri", "document_kind", "beyond_bmp", "REFERENCE_FIELDS"]

REFERENCE_FIELDS = {
    ("inferences", "premises"): "premises",
    ("inferences", "conclusion"): "conclusion",
    ("claims", "evidence"): "evidence",
}
"""Keys whose values are ids of other elements (besides ``thesis`` and review ``target``)."""

SECTIONS = ("claims", "evidence", "inferences")

_SEVERITY = {"error": T.DiagnosticSeverity.Error, "warning": T.DiagnosticSeverity.Warning, "info": T.DiagnosticSeverity.Information}
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_TOKEN_END = re.compile(r"""[^\s,:\[\]{}#]+""")


def uri_to_path(uri: str) -> Path:
    """The file path of a ``file:`` URI (other schemes: the path part as it is)."""
    parsed = urlparse(uri)
    return Path(unquote(parsed.path)) if parsed.scheme in ("file", "") else Path(unquote(parsed.path or uri))


def path_to_uri(path: Path) -> str:
    return Path(path).resolve().as_uri()


def document_kind(path: Path, text: str) -> Optional[str]:
    """``argdown``, ``review``, ``map`` or None (a YAML file that is neither: left alone)."""
    if path.suffix.lower() in (".argdown", ".ad"):
        return "argdown"
    head = text[:20000]
    if re.search(r"^argmap-review\s*:", head, re.MULTILINE) or path.name.endswith(".review.yaml"):
        return "review"
    if re.search(r"^argmap\s*:", head, re.MULTILINE) or re.search(r"^(claims|inferences)\s*:", head, re.MULTILINE):
        return "map"
    return None


@dataclass
class Occurrence:
    """One place an id stands in the document: where it is defined, or where it is used.

    ``line``, ``start`` and ``end`` are 0-based (end exclusive), as LSP counts.
    """

    id: str
    line: int
    start: int
    end: int
    role: str
    """``definition`` or ``reference``."""
    field: str
    """The key it stands under: ``id``, ``premises``, ``conclusion``, ``evidence``, ``thesis``, ``target``."""
    section: Optional[str] = None
    index: Optional[int] = None

    @property
    def range(self) -> T.Range:
        return T.Range(start=T.Position(line=self.line, character=self.start), end=T.Position(line=self.line, character=self.end))


@dataclass
class Analysis:
    uri: str
    path: Path
    text: str
    kind: Optional[str]
    version: Optional[int] = None
    diagnostics: list[T.Diagnostic] = field(default_factory=list)
    loaded: Any = None
    """The loaded map (:class:`argmap.loading.LoadedMap`) when the document is a valid map."""
    review: Any = None
    """The loaded review when the document is a valid review file."""
    reviewed_map: Any = None
    """For a review: the map it names, when it is inside the review's folder and loads."""
    findings: list = field(default_factory=list)
    data: Any = None
    sourcemap: Any = None
    _evaluation: Any = None

    _index: Any = None
    """How to list the occurrences, run on first use: diagnostics never wait for it."""
    _occurrences: Optional[list] = None

    def __post_init__(self) -> None:
        self.lines: list[str] = self.text.split("\n")

    @functools.cached_property
    def beyond_bmp(self) -> bool:
        """:func:`beyond_bmp` of the text, looked for once per analysis."""
        return beyond_bmp(self.text)

    @property
    def occurrences(self) -> list[Occurrence]:
        """Every place an id is defined or used (listed on first use)."""
        if self._occurrences is None:
            self._occurrences = []
            if self._index is not None:
                build, self._index = self._index, None
                build()
        return self._occurrences

    def evaluation(self):
        """The map's evaluation (computed on first use)."""
        if self._evaluation is None and self.loaded is not None:
            from argmap.evaluation.evaluate import evaluate

            self._evaluation = evaluate(self.loaded.map)
        return self._evaluation

    def occurrence_at(self, line: int, character: int) -> Optional[Occurrence]:
        for o in self.occurrences:
            if o.line == line and o.start <= character <= o.end:
                return o
        return None


def beyond_bmp(text: str) -> bool:
    """Whether a character of ``text`` lies beyond the Basic Multilingual Plane: the only case
    where a column in UTF-16 code units (what LSP clients count) differs from one in code points."""
    return not text.isascii() and _ASTRAL.search(text) is not None


def _pos(line1: int, col1: int) -> T.Position:
    return T.Position(line=max(line1 - 1, 0), character=max(col1 - 1, 0))


def token_range(lines: list[str], line1: int, col1: int, length: Optional[int] = None) -> T.Range:
    """The range of the token at 1-based ``line1``/``col1``: ``length`` characters, a quoted
    scalar, or a run of characters up to white space or YAML punctuation."""
    start = _pos(line1, col1)
    text = lines[start.line] if start.line < len(lines) else ""
    c = start.character
    if length is not None:
        if c < len(text) and text[c] in "\"'":
            c += 1  # a quoted id: the range is the id itself
        return T.Range(start=T.Position(line=start.line, character=c), end=T.Position(line=start.line, character=c + length))
    if c < len(text) and text[c] in "\"'":
        close = text.find(text[c], c + 1)
        end = close + 1 if close > c else len(text)
    else:
        if text[c : c + 2] == "- ":
            c += 2
            start = T.Position(line=start.line, character=c)
        m = _TOKEN_END.match(text, c)
        end = m.end() if m else min(c + 1, len(text))
    return T.Range(start=start, end=T.Position(line=start.line, character=max(end, start.character)))


def _diagnostic(lines: list[str], line: int, col: int, message: str, severity, code: Optional[str] = None, href: Optional[str] = None, data: Any = None) -> T.Diagnostic:
    if line <= 0:
        line, col = 1, 1
    return T.Diagnostic(
        range=token_range(lines, line, col),
        message=message,
        severity=severity,
        source="argmap",
        code=code,
        code_description=T.CodeDescription(href=href) if href else None,
        data=data,
    )


@functools.lru_cache(maxsize=None)
def _rule_href(code: str) -> Optional[str]:
    """A link to the rule's documentation: its module, whose docstring documents it."""
    try:
        from argmap.audit import RULES, rule

        if code not in RULES:
            return None
        return Path(rule(code).module.__file__).resolve().as_uri()
    except Exception:  # noqa: BLE001 - a link is a nicety, never a reason to fail
        return None


def _errors(analysis: Analysis, exc) -> None:
    for d in exc.diagnostics:
        loc = d.location
        analysis.diagnostics.append(_diagnostic(analysis.lines, loc.line, loc.column, d.message, T.DiagnosticSeverity.Error, "load"))


def _get(el: Any, key: str) -> Any:
    return el.get(key) if isinstance(el, dict) else getattr(el, key, None)


def _index_map(analysis: Analysis, data: Any, sourcemap) -> None:
    """Definitions and references of ids, with exact ranges. ``data`` is the map's raw data or
    the validated model; positions missing from a quick sourcemap are found in the text."""
    lines = analysis.lines
    occ = analysis._occurrences if analysis._occurrences is not None else analysis.occurrences
    positions = sourcemap.positions if sourcemap.exact else _KeyScan(lines, data, sourcemap.positions)

    def add_at(value: str, line: int, col: int, role: str, fld: str, section=None, index=None) -> None:
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        c = col - 1
        if c < len(text) and text[c] in "\"'":
            c += 1  # a quoted id: the range is the id itself
        occ.append(Occurrence(value, line - 1, c, c + len(value), role, fld, section, index))

    def fallback(path: tuple) -> Optional[tuple[int, int]]:
        """Where to look for a value the quick scan did not place: from its element's start."""
        if len(path) >= 3 and not sourcemap.exact:
            start = sourcemap.positions.get(path[:2])
            if start is not None:
                return start[0] - 1, start[1] - 1
        return None

    def add(value: Any, path: tuple, role: str, fld: str, section=None, index=None) -> None:
        if not isinstance(value, str):
            return
        pos = positions.get(path)
        if pos is None:
            cursor = fallback(path)
            found = _find_after(lines, cursor, value, 50) if cursor else None
            if found is not None:
                add_at(value, found[0] + 1, found[1] + 1, role, fld, section, index)
            return
        add_at(value, pos[0], pos[1], role, fld, section, index)

    def add_items(values: list, path: tuple, fld: str, section: str, index: int) -> None:
        start = positions.get(path)
        cursor = (start[0] - 1, start[1] - 1) if start else fallback(path)
        if start is None and cursor is not None:  # find the key first, then the items after it
            cursor = _find_key(lines, cursor, path[-1])
        for j, v in enumerate(values):
            if not isinstance(v, str):
                continue
            pos = positions.get(path + (j,)) if sourcemap.exact else None
            if pos is not None:
                add_at(v, pos[0], pos[1], "reference", fld, section, index)
            elif cursor is not None:
                found = _find_after(lines, cursor, v)
                if found is None:
                    return
                add_at(v, found[0] + 1, found[1] + 1, "reference", fld, section, index)
                cursor = (found[0], found[1] + len(v))

    thesis = _get(data, "thesis")
    add(thesis, ("thesis",), "reference", "thesis")
    for section in SECTIONS:
        items = _get(data, section)
        if not isinstance(items, list):
            continue
        for i, el in enumerate(items):
            if not isinstance(el, dict) and isinstance(data, dict):
                continue
            add(_get(el, "id"), (section, i, "id"), "definition", "id", section, i)
            for (sec, key), fld in REFERENCE_FIELDS.items():
                if sec != section:
                    continue
                value = _get(el, key)
                if isinstance(value, list):
                    add_items(value, (section, i, key), fld, section, i)
                else:
                    add(value, (section, i, key), "reference", fld, section, i)


_KEY_LINE = re.compile(r"^([ \t]*)(-[ \t]+)?(id|premises|conclusion|evidence)[ \t]*:[ \t]*")
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:")


class _KeyScan:
    """Positions of the reference keys' values of every element, found in one pass over the lines
    (a quick sourcemap locates elements, not the keys inside them, until asked one by one)."""

    def __init__(self, lines: list[str], data: Any, positions) -> None:
        import bisect

        self.positions = positions
        self.found: dict[tuple, tuple[int, int]] = {}
        starts = {}
        for section in SECTIONS:
            items = _get(data, section)
            rows = []
            for i in range(len(items) if isinstance(items, list) else 0):
                pos = positions.get((section, i))
                if pos is not None:
                    rows.append((pos[0], i))
            starts[section] = rows
        section = None
        for n, text in enumerate(lines, start=1):
            if not text or text[0] == "#":
                continue
            if text[0] not in " \t-":
                top = _TOP_KEY.match(text)
                section = top.group(1) if top else None
                continue
            if section not in starts or ":" not in text:
                continue
            m = _KEY_LINE.match(text)
            if m is None:
                continue
            rows = starts[section]
            k = bisect.bisect_right(rows, (n, float("inf"))) - 1
            if k >= 0:
                self.found.setdefault((section, rows[k][1], m.group(3)), (n, m.end() + 1))

    def get(self, path: tuple, default: Any = None) -> Any:
        if len(path) == 3 and path[0] in SECTIONS:
            return self.found.get(path, default)
        return self.positions.get(path, default)


_ID_CHAR = re.compile(r"[A-Za-z0-9_.:\-]")


def _find_key(lines: list[str], cursor: tuple[int, int], key: str, max_lines: int = 50) -> Optional[tuple[int, int]]:
    """Just past the next ``key:`` at or after ``cursor`` (0-based line and column)."""
    pattern = re.compile(r"(?<![\w-])" + re.escape(key) + r"\s*:")
    line, col = cursor
    for n in range(line, min(len(lines), line + max_lines)):
        m = pattern.search(lines[n], col if n == line else 0)
        if m:
            return n, m.end()
    return None


def _find_after(lines: list[str], cursor: tuple[int, int], value: str, max_lines: int = 200) -> Optional[tuple[int, int]]:
    """The next whole-token occurrence of ``value`` at or after ``cursor`` (line, column; 0-based)."""
    line, col = cursor
    for n in range(line, min(len(lines), line + max_lines)):
        text = lines[n]
        at = text.find(value, col if n == line else 0)
        while at != -1:
            before = text[at - 1] if at > 0 else " "
            after = text[at + len(value)] if at + len(value) < len(text) else " "
            if not _ID_CHAR.match(before) and not _ID_CHAR.match(after):
                return n, at
            at = text.find(value, at + 1)
    return None


def _index_review(analysis: Analysis, data: Any, sourcemap) -> None:
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        return
    for i, entry in enumerate(data["entries"]):
        if isinstance(entry, dict) and isinstance(entry.get("target"), str):
            path = ("entries", i, "target")
            if path in sourcemap.positions:
                line, col = sourcemap.positions[path]
                r = token_range(analysis.lines, line, col, len(entry["target"]))
                analysis.occurrences.append(Occurrence(entry["target"], r.start.line, r.start.character, r.end.character, "reference", "target", "entries", i))


def _index_argdown(analysis: Analysis) -> None:
    """Argdown titles: the first ``[Title]:`` / ``<Title>:`` is the definition, the rest references."""
    seen: set[str] = set()
    for n, line in enumerate(analysis.lines):
        for m in re.finditer(r"(?<![\\\w])([\[<])([^\]\[<>\n]+)([\]>])(:?)", line):
            title = m.group(2).strip()
            if not title or (m.group(1) == "[" and m.group(3) != "]") or (m.group(1) == "<" and m.group(3) != ">"):
                continue
            role = "definition" if m.group(4) and title not in seen else "reference"
            seen.add(title)
            start = m.start(2) + (len(m.group(2)) - len(m.group(2).lstrip()))
            analysis.occurrences.append(Occurrence(title, n, start, start + len(title), role, "title"))


def _findings(analysis: Analysis, loaded) -> None:
    from argmap.audit import run
    from argmap.audit.config import discover
    from argmap.diagnostics import ArgmapError

    try:
        config = discover(analysis.path)
    except ArgmapError as exc:
        _errors(analysis, exc)
        from argmap.audit.config import Config

        config = Config()
    findings = run(loaded, config, impact=False)  # diagnostics show where a finding is, not its rank
    analysis.findings = findings
    for f in findings:
        loc = f.location
        same_file = loc is None or loc.file in (loaded.file, str(analysis.path))
        line, col = (loc.line, loc.column) if loc is not None and same_file else (1, 1)
        analysis.diagnostics.append(
            _diagnostic(
                analysis.lines,
                line,
                col,
                f.message,
                _SEVERITY[f.severity.value],
                f.code,
                _rule_href(f.code),
                {"rule": f.rule, "target": f.target},
            )
        )


def _read_source(loaded, analysis: Analysis) -> None:
    """Read the map's source text as the command line does; a problem is a warning, not a stop."""
    from argmap.diagnostics import ArgmapError
    from argmap.limits import Limits
    from argmap.loading.files import read_source_text

    try:
        read_source_text(loaded, False, Limits())
    except ArgmapError as exc:
        loaded.source_error = exc.diagnostics[0]
        for d in exc.diagnostics:
            analysis.diagnostics.append(
                _diagnostic(analysis.lines, d.location.line, d.location.column, d.message, T.DiagnosticSeverity.Warning, "source")
            )


def analyse(uri: str, text: str, version: Optional[int] = None, open_text=None) -> Analysis:
    """Everything the server reports about the document ``uri`` holding ``text``.

    ``open_text(path)`` gives the editor's text of another document (a review's map), or None.
    """
    from argmap.diagnostics import ArgmapError

    path = uri_to_path(uri)
    analysis = Analysis(uri=uri, path=path, text=text, kind=document_kind(path, text), version=version)
    if analysis.kind is None:
        return analysis
    try:
        if analysis.kind == "argdown":
            _analyse_argdown(analysis)
        elif analysis.kind == "review":
            _analyse_review(analysis, open_text)
        else:
            _analyse_map(analysis)
    except ArgmapError as exc:
        _errors(analysis, exc)
    except RecursionError:
        analysis.diagnostics.append(_diagnostic(analysis.lines, 1, 1, "nested too deeply to read", T.DiagnosticSeverity.Error, "load"))
    return analysis


def _parse(analysis: Analysis):
    """The document's YAML data and positions: the quick parser when it can, else the located one."""
    from argmap.loading.fast import fast_parse
    from argmap.limits import flow_depth
    from argmap.loading import Limits, parse_yaml

    limits = Limits()
    parsed = fast_parse(analysis.text, str(analysis.path)) if flow_depth(analysis.text) <= limits.max_depth else None
    if parsed is None:
        parsed = parse_yaml(analysis.text, str(analysis.path), limits)
    analysis.data, analysis.sourcemap = parsed
    return parsed


def _analyse_map(analysis: Analysis) -> None:
    from argmap.diagnostics import ArgmapError
    from argmap.loading import LoadedMap, load_text

    try:
        m, sourcemap, fmt = load_text(analysis.text, analysis.path, "yaml")
    except ArgmapError as exc:
        _errors(analysis, exc)
        data, sourcemap = _parse(analysis)  # the ids of a map that does not validate (yet)
        analysis._index = lambda: _index_map(analysis, data, sourcemap)
        return
    analysis.sourcemap = sourcemap
    analysis._index = lambda: _index_map(analysis, m, sourcemap)
    loaded = LoadedMap(path=analysis.path, map=m, sourcemap=sourcemap, format=fmt)
    _read_source(loaded, analysis)
    analysis.loaded = loaded
    _findings(analysis, loaded)


def _analyse_argdown(analysis: Analysis) -> None:
    from argmap.diagnostics import ArgmapError
    from argmap.loading import LoadedMap, load_text

    _index_argdown(analysis)
    try:
        m, sourcemap, fmt = load_text(analysis.text, analysis.path, "argdown")
    except ArgmapError as exc:
        _errors(analysis, exc)
        return
    analysis.sourcemap = sourcemap
    loaded = LoadedMap(path=analysis.path, map=m, sourcemap=sourcemap, format=fmt)
    _read_source(loaded, analysis)
    analysis.loaded = loaded
    _findings(analysis, loaded)


def _analyse_review(analysis: Analysis, open_text) -> None:
    from argmap.diagnostics import ArgmapError
    from argmap.review.files import check_targets, validate_review

    data, sourcemap = _parse(analysis)
    _index_review(analysis, data, sourcemap)
    loaded = validate_review(data, sourcemap, analysis.path)
    review = loaded.review
    analysis.review = loaded
    try:
        map_path = loaded.map_inside("the language server reads only maps inside the review's folder")
    except ArgmapError as exc:
        for d in exc.diagnostics:
            analysis.diagnostics.append(_diagnostic(analysis.lines, d.location.line, d.location.column, d.message, T.DiagnosticSeverity.Warning, "review"))
        return
    text = open_text(map_path) if open_text else None
    try:
        from argmap.loading import LoadedMap, load, load_text

        if text is None:
            reviewed = load(map_path, read_source=False)
            raw = map_path.read_bytes()
        else:
            m, sm, fmt = load_text(text, map_path)
            reviewed = LoadedMap(path=map_path, map=m, sourcemap=sm, format=fmt)
            raw = text.encode("utf-8")
    except ArgmapError:
        analysis.diagnostics.append(
            _diagnostic(analysis.lines, *_where(sourcemap, ("map",)), f"the reviewed map '{review.map}' does not load; open it to see why", T.DiagnosticSeverity.Warning, "review")
        )
        return
    except OSError as exc:
        analysis.diagnostics.append(_diagnostic(analysis.lines, *_where(sourcemap, ("map",)), f"cannot read the reviewed map: {exc.strerror}", T.DiagnosticSeverity.Warning, "review"))
        return
    analysis.reviewed_map = reviewed
    import hashlib

    for d in check_targets(loaded, reviewed.map, hashlib.sha256(raw).hexdigest()):
        analysis.diagnostics.append(_diagnostic(analysis.lines, d.location.line, d.location.column, d.message, T.DiagnosticSeverity.Error, "review"))


def _where(sourcemap, path: tuple) -> tuple[int, int]:
    loc = sourcemap.find(path)
    return loc.line, loc.column
