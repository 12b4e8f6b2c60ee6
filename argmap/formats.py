"""Every output format of every command, in one registry: name → ``module:function`` and kind.

A command's ``--format`` choices come from here (:func:`choices`), its formatter is
imported only when it runs (:func:`load`), and what it writes goes through
:func:`argmap.commands._common.emit` with the format's **kind**, which decides the
cleaning: ``text`` and ``markdown`` never carry terminal control sequences or bidi
overrides (wherever they are written); the data formats keep the map's text, escaped
as their syntax requires (``json`` escapes every control itself); ``html`` and ``svg``
escape user text; anything written to a terminal is cleaned.
The escaping tests iterate over this registry, so a new format is tested with no
extra line. Importing this module imports nothing of argmap.

>>> choices("diff")
['text', 'json', 'html']
>>> get("sources", "markdown").kind
'markdown'
>>> load("evaluate", "json").__name__
'format_json'
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable, Optional

__all__ = ["KINDS", "CLEANED_KINDS", "Format", "FORMATS", "FILE_TYPES", "GENERIC", "choices", "get", "load", "by_suffix", "pick"]

KINDS = ("text", "markdown", "json", "yaml", "argdown", "dot", "html", "svg", "binary")
"""What a format's output is. Text and Markdown are for people: :data:`CLEANED_KINDS` are cleaned
of terminal controls and bidi overrides. The data formats (JSON, YAML, Argdown, DOT) and the pages
(HTML, SVG) keep the map's text as it is, escaped as their syntax requires."""

CLEANED_KINDS = frozenset({"text", "markdown"})


@dataclass(frozen=True)
class Format:
    """One output format: the function that writes it, what it writes, and the file suffixes that pick it."""

    target: str
    kind: str
    suffixes: tuple[str, ...] = ()
    """Suffixes that pick this format when ``--format`` is not given (``-o report.html``)."""
    styled: bool = False
    """The formatter cleans user text itself and adds terminal styles of its own
    (``click.style``), which ``click.echo`` removes where no terminal reads them."""
    accepts: tuple[str, ...] = ()
    """Further suffixes this format may be written to when asked for by name (SARIF is JSON)."""

    def load(self) -> Callable:
        """The formatter itself, imported now."""
        module, _, attr = self.target.partition(":")
        return getattr(importlib.import_module(module), attr)


def _f(target: str, kind: str, *suffixes: str, styled: bool = False, accepts: tuple[str, ...] = ()) -> Format:
    assert kind in KINDS, kind
    return Format(target, kind, suffixes, styled, accepts)


FORMATS: dict[str, dict[str, Format]] = {
    # argmap audit: report(findings, files) -> str
    "audit": {
        "github": _f("argmap.reports.audit_github:report", "text", accepts=(".txt", ".log")),
        "json": _f("argmap.reports.audit_json:report", "json", ".json"),
        "sarif": _f("argmap.reports.audit_sarif:report", "json", ".sarif", accepts=(".json",)),
        "text": _f("argmap.reports.audit_text:report", "text", ".txt", ".log", styled=True),
    },
    # argmap anchor: (AnchorReport, FixResult | None) -> str
    "anchor": {
        "text": _f("argmap.reports.anchors:to_text", "text", ".txt"),
        "json": _f("argmap.reports.anchors:to_json", "json", ".json"),
    },
    # argmap coverage: (Coverage, file, title) -> str
    "coverage": {
        "text": _f("argmap.reports.coverage:to_text", "text", ".txt"),
        "json": _f("argmap.reports.coverage:to_json", "json", ".json"),
        "html": _f("argmap.reports.coverage:to_html", "html", ".html", ".htm"),
    },
    # argmap diff: (MapDiff, old file, new file) -> str
    "diff": {
        "text": _f("argmap.reports.diff:to_text", "text", ".txt"),
        "json": _f("argmap.reports.diff:to_json", "json", ".json"),
        "html": _f("argmap.reports.diff:to_html", "html", ".html", ".htm"),
    },
    # argmap evaluate: (the evaluation document) -> str
    "evaluate": {
        "json": _f("argmap.reports.evaluation:format_json", "json", ".json"),
        "text": _f("argmap.reports.evaluation:format_table", "text", ".txt"),
    },
    # argmap explain: (Explanation) -> str
    "explain": {
        "text": _f("argmap.reports.explanation:format_explanation", "text", ".txt"),
    },
    # argmap export --to: write(loaded) -> str | bytes
    "export": {
        "aif": _f("argmap.writers.aif:write", "json", accepts=(".json",)),
        "annotations": _f("argmap.writers.annotations:write", "json", accepts=(".json", ".jsonld")),
        "argdown": _f("argmap.writers.argdown:write", "argdown", ".argdown", ".ad"),
        "claimreview": _f("argmap.writers.claimreview:write", "json", ".jsonld", accepts=(".json",)),
        "dot": _f("argmap.writers.dot:write", "dot", ".dot", ".gv"),
        "json": _f("argmap.writers.json:write", "json", ".json"),
    },
    # argmap render: the diagram drawn (argmap.rendering.diagram.draw), then converted to this format
    "render": {
        "svg": _f("argmap.rendering.diagram:convert", "svg", ".svg"),
        "png": _f("argmap.rendering.diagram:convert", "binary", ".png"),
        "pdf": _f("argmap.rendering.diagram:convert", "binary", ".pdf"),
        "dot": _f("argmap.rendering.diagram:convert", "dot", ".dot", ".gv"),
    },
    # argmap view: write(ViewerPage) -> str
    "view": {
        "html": _f("argmap.reports.viewer:write", "html", ".html", ".htm"),
    },
    # argmap review report: write(ReviewReport) -> str
    "review": {
        "html": _f("argmap.reports.review_html:write", "html", ".html", ".htm"),
        "json": _f("argmap.reports.review_json:write", "json", ".json"),
        "markdown": _f("argmap.reports.review_markdown:write", "markdown", ".md", ".markdown"),
    },
    # argmap sources: (bibliography entries, file, title) -> str
    "sources": {
        "text": _f("argmap.reports.sources:to_text", "text", ".txt"),
        "json": _f("argmap.reports.sources:to_json", "json", ".json"),
        "markdown": _f("argmap.reports.sources:to_markdown", "markdown", ".md", ".markdown"),
    },
}
"""Command → format name → :class:`Format`, in the order ``--help`` lists them."""


def choices(command: str) -> list[str]:
    """The format names of ``command``, for ``click.Choice``."""
    return list(FORMATS[command])


def get(command: str, name: str) -> Format:
    """The :class:`Format` ``name`` of ``command``."""
    return FORMATS[command][name]


def load(command: str, name: str) -> Callable:
    """The formatter of ``command``'s format ``name``, imported on first use."""
    return FORMATS[command][name].load()


FILE_TYPES = frozenset({
    ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".ico", ".eps", ".ps", ".emf", ".wmf",
    ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".csv", ".tsv", ".xml", ".yaml", ".yml", ".toml",
    ".zip", ".gz", ".tex", ".epub", ".py", ".js",
})
"""Suffixes that name a file type no format writes (besides the formats' own suffixes): an output
name ending so is refused rather than filled with something else."""

GENERIC = frozenset({".txt", ".log", ".out"})
"""Suffixes of no particular format: any format may be written to them."""


def pick(command: str, fmt: Optional[str], suffix: str, default: str) -> str:
    """The format to write: ``fmt`` if given, else the one ``suffix`` picks, else ``default``.

    Raises ``ValueError`` (with a message for the user) when, without ``fmt``, the suffix
    names a file type that no format of the command writes (``render -o x.jpg``,
    ``review report -o r.pdf``), or when it picks another format than ``fmt`` (``--format
    png -o x.svg``). A suffix that names no particular type (``.out``, ``.txt``) is no
    objection, nor is any suffix when ``fmt`` is given and the command has no format for it.

    >>> pick("coverage", None, ".html", "text"), pick("coverage", None, ".out", "text"), pick("audit", "sarif", ".json", "text")
    ('html', 'text', 'sarif')
    >>> pick("render", "dot", ".yaml", "svg")
    'dot'
    >>> pick("render", None, ".jpg", "svg")
    Traceback (most recent call last):
    ...
    ValueError: writes svg, png, pdf or dot (.svg, .png, .pdf, .dot, .gv), not a .jpg file; choose one of those suffixes
    """
    suffix = suffix.lower()
    picked = by_suffix(command, suffix) if suffix else None
    if fmt is None and picked is not None:
        return picked
    chosen = fmt or default
    if not suffix or picked == chosen or suffix in FORMATS[command][chosen].accepts or suffix in GENERIC:
        return chosen
    if fmt is not None and picked is None:
        return chosen  # asked for by name: the user knows what the file is for
    known = suffix in FILE_TYPES or any(suffix in f.suffixes or suffix in f.accepts
                                        for formats in FORMATS.values() for f in formats.values())
    if not known:
        return chosen
    if fmt is not None:
        raise ValueError(f"--format {fmt} does not write a {suffix} file; name the output with "
                         f"{_or(FORMATS[command][fmt].suffixes + FORMATS[command][fmt].accepts) or 'another suffix'}, "
                         f"or leave out --format")
    names = list(FORMATS[command])
    suffixes = [s for f in FORMATS[command].values() for s in f.suffixes]
    raise ValueError(f"writes {_or(names)} ({', '.join(suffixes)}), not a {suffix} file; "
                     f"choose one of those suffixes")


def _or(words) -> str:
    words = list(dict.fromkeys(words))
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " or " + words[-1]


def by_suffix(command: str, suffix: str) -> Optional[str]:
    """The format of ``command`` that a file suffix (``.md``) picks, if any.

    >>> by_suffix("review", ".HTM"), by_suffix("render", ".gv"), by_suffix("render", ".txt")
    ('html', 'dot', None)
    """
    suffix = suffix.lower()
    return next((name for name, f in FORMATS[command].items() if suffix in f.suffixes), None)
