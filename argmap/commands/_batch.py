"""Check many files, one result each, in one process or several (``--jobs``).

A file that does not load, or whose configuration does not, still gives a
result: its errors become findings of the pseudo-rules ``load-error``
(``ARG001``) and ``config-error`` (``ARG002``), so machine-readable reports
carry them with their locations. Each result has the exit code its file
calls for: 0 clean, 1 findings at or above ``fail-on`` (or an invalid map),
2 a file that cannot be read or a configuration that is wrong.

>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "m.yaml").write_text("argmap: 1\\nclaims:\\n  - id: a\\n    text: A\\n    kind: nonsense\\n")
>>> result = check_file(str(d / "m.yaml"), "map", Options())
>>> [(f.code, f.rule, f.location.line) for f in result.findings], result.exit_code
([('ARG001', 'load-error', 5)], 1)
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from argmap.util.words import count
from argmap.diagnostics import PSEUDO_RULES, ArgmapError, Finding, Severity

__all__ = ["Options", "FileResult", "check_file", "check_files", "as_findings", "exit_code", "unmatched"]

@dataclass(frozen=True)
class Options:
    """What ``argmap audit`` and ``argmap validate`` were asked for (picklable, for worker processes)."""

    audit: bool = True
    select: Optional[tuple] = None
    extend_select: Optional[tuple] = None
    ignore: Optional[tuple] = None
    fail_on: Optional[str] = None
    config_path: Optional[str] = None
    allow_outside: bool = False


@dataclass
class FileResult:
    """The outcome for one file: findings (load errors included), an exit code, and a line for ``validate``."""

    path: str
    kind: str
    findings: list = field(default_factory=list)
    exit_code: int = 0
    summary: Optional[str] = None
    warnings: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    """What the reader of an Argdown or AIF file left out or read its own way (``FILE:LINE:COL: ...``)."""


def as_findings(exc: ArgmapError, code: str = "ARG001") -> list[Finding]:
    """An error's diagnostics as findings of a pseudo-rule (severity error)."""
    name = PSEUDO_RULES[code][0]
    return [
        Finding(target=None, message=d.message, location=d.location, code=code, rule=name, severity=Severity.error)
        for d in exc.diagnostics
    ]


@functools.lru_cache(maxsize=256)  # one folder's configuration, read once per command
def _config_for(folder: str, config_path: Optional[str]):
    from argmap.audit.config import discover, load_config

    return load_config(config_path) if config_path else discover(folder)


def _config(path: str, options: Options):
    folder = os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
    base = _config_for(folder, options.config_path)
    return base.override(
        select=list(options.select) if options.select is not None else None,
        ignore=list(options.ignore) if options.ignore is not None else None,
        extend_select=list(options.extend_select) if options.extend_select is not None else None,
        fail_on=options.fail_on,
    )


def check_file(path: str, kind: str, options: Options) -> FileResult:
    """Load (and audit) one map, or check one review file."""
    result = FileResult(path, kind)
    if kind == "review":
        from argmap.review.files import check_review

        try:
            result.summary = check_review(Path(path), allow_outside=options.allow_outside)
        except ArgmapError as exc:
            result.findings, result.exit_code = as_findings(exc), exc.exit_code
        return result
    config = None
    if options.audit:
        try:
            config = _config(path, options)
        except ArgmapError as exc:
            result.findings, result.exit_code = as_findings(exc, "ARG002"), 2
            return result
    from argmap.loading import load

    try:
        loaded = load(Path(path), allow_outside=options.allow_outside)
    except ArgmapError as exc:
        result.findings, result.exit_code = as_findings(exc), exc.exit_code
        return result
    from argmap.provenance.anchoring import source_changed
    from argmap.audit.suppression import unknown_selectors

    bad = unknown_selectors(loaded)
    if bad:  # an ignore: entry must name a rule of the catalogue
        result.findings, result.exit_code = as_findings(ArgmapError(bad)), 1
        return result

    result.warnings = source_changed(loaded)
    result.notes = [str(d) for d in loaded.sourcemap.notes]
    if loaded.source_error is not None:  # an error for validate; for the audit, the quote rules go without
        missing = as_findings(ArgmapError(loaded.source_error))
        if config is None:
            result.findings, result.exit_code = missing, 1
            return result
        for f in missing:
            f.severity = Severity.warning
            f.message += "; the rules that anchor quotes were skipped"
    m = loaded.map
    result.summary = f"valid ({count(len(m.claims), 'claim')}, {len(m.evidence)} evidence, " \
                     f"{count(len(m.inferences), 'inference')})"
    if config is not None:
        from argmap.audit import run
        from argmap.audit.config import fails

        result.findings = run(loaded, config)
        if loaded.source_error is not None:
            result.findings[:0] = missing
        result.exit_code = 1 if fails(result.findings, config.fail_on) else 0
    return result


def _check_pair(args: tuple) -> FileResult:
    return check_file(*args)


def check_files(files: Iterable[tuple[str, str]], options: Options, jobs: int = 1) -> Iterator[FileResult]:
    """:func:`check_file` for each ``(path, kind)``, in order; ``jobs`` > 1 spreads them over processes.

    Standard input (``-``) is read in this process, whatever ``jobs`` is.
    """
    files = list(files)
    _config_for.cache_clear()  # configuration files are read afresh by each command
    if jobs <= 1 or len(files) < 2 or any(p == "-" for p, _ in files):
        for path, kind in files:
            yield check_file(path, kind, options)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    if method == "fork":  # imported once here, not once per worker
        import argmap.audit  # noqa: F401
        import argmap.loading  # noqa: F401
        import argmap.provenance.anchoring  # noqa: F401
    chunk = max(1, min(64, len(files) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from pool.map(_check_pair, [(p, k, options) for p, k in files], chunksize=chunk)


def unmatched(errors: Iterable) -> list[FileResult]:
    """Results for path arguments that name no file (a glob that matches nothing): exit 2."""
    return [FileResult(d.location.file, "map", as_findings(ArgmapError(d)), 2) for d in errors]


def exit_code(results: Iterable[FileResult]) -> int:
    """The command's exit code: the gravest of its files' (2 before 1 before 0)."""
    return max((r.exit_code for r in results), default=0)
