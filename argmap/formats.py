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

__all__ = ["KINDS", "CLEANED_KINDS", "Format", "FORMATS", "choices", "get", "load", "by_suffix"]

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
    styled: bool = False
    """The formatter cleans user text itself and adds terminal styles of its own
    (``click.style``), which ``click.echo`` removes where no terminal reads them."""

    def load(self) -> Callable:
        """The formatter itself, imported now."""
        module, _, attr = self.target.partition(":")
        return getattr(importlib.import_module(module), attr)


def _f(target: str, kind: str, *suffixes: str, styled: bool = False) -> Format:
    assert kind in KINDS, kind
    return Format(target, kind, suffixes, styled)


FORMATS: dict[str, dict[str, Format]] = {
    # argmap audit: report(findings, files) -> str
    "audit": {
        "github": _f("argmap.reports.audit_github:report", "text"),
        "json": _f("argmap.reports.audit_json:report", "json"),
        "sarif": _f("argmap.reports.audit_sarif:report", "json"),
        "text": _f("argmap.reports.audit_text:report", "text", styled=True),
    },
    # argmap anchor: (AnchorReport, FixResult | None) -> str
    "anchor": {
        "text": _f("argmap.reports.anchors:to_text", "text"),
        "json": _f("argmap.reports.anchors:to_json", "json"),
    },
    # argmap coverage: (Coverage, file, title) -> str
    "coverage": {
        "text": _f("argmap.reports.coverage:to_text", "text"),
        "json": _f("argmap.reports.coverage:to_json", "json"),
        "html": _f("argmap.reports.coverage:to_html", "html"),
    },
    # argmap diff: (MapDiff, old file, new file) -> str
    "diff": {
        "text": _f("argmap.reports.diff:to_text", "text"),
        "json": _f("argmap.reports.diff:to_json", "json"),
        "html": _f("argmap.reports.diff:to_html", "html"),
    },
    # argmap evaluate: (the evaluation document) -> str
    "evaluate": {
        "json": _f("argmap.reports.evaluation:format_json", "json"),
        "text": _f("argmap.reports.evaluation:format_table", "text"),
    },
    # argmap explain: (Explanation) -> str
    "explain": {
        "text": _f("argmap.reports.explanation:format_explanation", "text"),
    },
    # argmap export --to: write(loaded) -> str | bytes
    "export": {
        "aif": _f("argmap.writers.aif:write", "json"),
        "annotations": _f("argmap.writers.annotations:write", "json"),
        "argdown": _f("argmap.writers.argdown:write", "argdown"),
        "claimreview": _f("argmap.writers.claimreview:write", "json"),
        "dot": _f("argmap.writers.dot:write", "dot"),
        "json": _f("argmap.writers.json:write", "json"),
    },
    # argmap render: the diagram drawn (argmap.rendering.diagram.draw), then converted to this format
    "render": {
        "svg": _f("argmap.rendering.diagram:convert", "svg", ".svg"),
        "png": _f("argmap.rendering.diagram:convert", "binary", ".png"),
        "pdf": _f("argmap.rendering.diagram:convert", "binary", ".pdf"),
        "dot": _f("argmap.rendering.diagram:convert", "dot", ".dot", ".gv"),
    },
    # argmap review report: write(ReviewReport) -> str
    "review": {
        "html": _f("argmap.reports.review_html:write", "html", ".html", ".htm"),
        "json": _f("argmap.reports.review_json:write", "json", ".json"),
        "markdown": _f("argmap.reports.review_markdown:write", "markdown", ".md", ".markdown"),
    },
    # argmap sources: (bibliography entries, file, title) -> str
    "sources": {
        "text": _f("argmap.reports.sources:to_text", "text"),
        "json": _f("argmap.reports.sources:to_json", "json"),
        "markdown": _f("argmap.reports.sources:to_markdown", "markdown"),
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


def by_suffix(command: str, suffix: str) -> Optional[str]:
    """The format of ``command`` that a file suffix (``.md``) picks, if any.

    >>> by_suffix("review", ".HTM"), by_suffix("render", ".gv"), by_suffix("render", ".txt")
    ('html', 'dot', None)
    """
    suffix = suffix.lower()
    return next((name for name, f in FORMATS[command].items() if suffix in f.suffixes), None)
