"""Anchor reports for a loaded map, and writing the anchors back (``argmap anchor``).

>>> import pathlib, tempfile
>>> from argmap.loading import load
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "s.txt").write_text("Alpha  beta.\\nGamma delta.\\n")
>>> _ = (d / "m.yaml").write_text(
...     "argmap: 1\\nsource:\\n  text: s.txt\\nclaims:\\n  - id: a\\n    text: A.\\n    quote: Gamma delta\\n")
>>> report = anchor_report(load(d / "m.yaml"))
>>> report.counts()
{'exact': 1}
>>> report.quotes[0].match.start, report.quotes[0].match.end
(12, 23)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from argmap.util.words import count
from argmap.provenance.anchoring import KINDS, Quoted, Source, State, anchor_all
from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.util.terminal import one_line

__all__ = ["AnchorReport", "FixResult", "anchor_report", "fix_map", "require_source", "audit_matches"]


def require_source(loaded) -> str:
    """The map's source text, or a located error saying why there is none."""
    if loaded.source_error is not None:
        raise ArgmapError(loaded.source_error)
    if loaded.source_text is None:
        raise ArgmapError(
            Diagnostic(
                loaded.sourcemap.find(("source",)),
                "the map names no source text to anchor quotes to; add 'source: {text: FILE}'",
            )
        )
    return loaded.source_text


@dataclass
class AnchorReport:
    """Every quote of a map and its :class:`~argmap.provenance.anchoring.State`."""

    loaded: object
    source: Source
    quotes: list[Quoted]

    def counts(self) -> dict[str, int]:
        found = Counter(q.match.state.value for q in self.quotes)
        return {s.value: found[s.value] for s in State if found[s.value]}

    def location(self, q: Quoted):
        return self.loaded.sourcemap.find((q.section, q.index, "quote"))  # type: ignore[attr-defined]

    def needs_attention(self, accept_fuzzy: bool = False) -> bool:
        bad = {State.ambiguous, State.orphaned} | (set() if accept_fuzzy else {State.fuzzy})
        return any(q.match.state in bad for q in self.quotes)

    def to_dict(self) -> dict:
        items = []
        for q in self.quotes:
            loc = self.location(q)
            items.append({**q.to_dict(), "file": loc.file, "line": loc.line, "column": loc.column})
        return {
            "file": str(self.loaded.path),  # type: ignore[attr-defined]
            "sha256": self.source.digest,
            "quotes": items,
            "summary": self.counts(),
        }


def anchor_report(loaded) -> AnchorReport:
    """Locate every claim and evidence quote of ``loaded`` in its source text."""
    src, quotes = anchor_all(loaded.map, require_source(loaded))
    return AnchorReport(loaded, src, quotes)


@dataclass
class FixResult:
    """What ``--fix`` wrote."""

    path: Path
    anchored: list[str]
    requoted: list[str]
    sha256_written: bool
    backup: Optional[Path]

    def message(self) -> str:
        if not (self.anchored or self.requoted or self.sha256_written):
            return one_line(f"{self.path}: anchors already up to date; nothing written")
        what = count(len(self.anchored), "anchor")
        if self.requoted:
            what += f", {count(len(self.requoted), 'quote')} updated ({', '.join(self.requoted)})"
        if self.sha256_written:
            what += ", source.sha256"
        extra = f"; backup in {self.backup}" if self.backup else ""
        return one_line(f"{self.path}: wrote {what}{extra}")

    def to_dict(self) -> dict:
        return {
            "path": str(self.path),
            "anchored": self.anchored,
            "requoted": self.requoted,
            "sha256_written": self.sha256_written,
            "backup": str(self.backup) if self.backup else None,
        }


def fix_map(loaded, report: AnchorReport, *, accept_fuzzy: bool = False, backup: bool = True) -> FixResult:
    """Rewrite the map file with the report's anchors (only those spans change).

    Atomic, under a lock, and only if the file still holds what was read; the
    backup (``MAP.bak``, or the next free ``MAP.bak.N``) holds those bytes.
    """
    from argmap.limits import Limits
    from argmap.loading import load_text
    from argmap.loading.files import read_bytes
    from argmap.provenance.fix import UnsafeEdit, rewrite
    from argmap.util.fs import rewrite_in_place

    path = Path(loaded.path)
    if loaded.format != "yaml":
        raise ArgmapError(
            Diagnostic(loaded.sourcemap.find(()), f"--fix rewrites YAML maps only; this map was read as {loaded.format}")
        )
    raw = read_bytes(path, Limits(), regular_only=True)
    bom = raw.startswith(b"\xef\xbb\xbf")
    original = raw.decode("utf-8-sig")  # line endings kept as they are
    try:
        result = rewrite(original, report.quotes, report.source, accept_fuzzy=accept_fuzzy)
    except UnsafeEdit as exc:
        raise ArgmapError(Diagnostic(loaded.sourcemap.find(()), f"{exc}; nothing was written")) from None
    bak = None
    if result.changed:
        load_text(result.text, path)  # the rewritten map must still be a valid map
        new = (("\ufeff" if bom else "") + result.text).encode("utf-8")
        bak = rewrite_in_place(path, raw, new, keep_backup=backup)
    return FixResult(path, result.anchored, result.requoted, result.sha256_written, bak)


def audit_matches(ctx) -> dict[str, Quoted]:
    """Element id → its anchored quote, computed once per audit (shared by the quote rules)."""
    if ctx.anchor_matches is None:
        quotes = anchor_all(ctx.map, ctx.source_text)[1] if ctx.source_text is not None else []
        ctx.anchor_matches = {q.id: q for q in quotes}
    return ctx.anchor_matches
