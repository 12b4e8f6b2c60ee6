"""Audit configuration: ``argmap.toml`` or ``[tool.argmap]`` in ``pyproject.toml``.

Found as linters do: from the map's folder upwards, the first folder with an
``argmap.toml`` (keys at its top level) or a ``pyproject.toml`` that has a
``[tool.argmap]`` table. Keys:

- ``select``: rule codes, code prefixes (``ARG1``), rule names or ``ALL``;
  only these rules run (default: every rule that is on by default);
- ``extend-select``: the same kinds of selector; these rules run as well
  (e.g. a rule that is off by default);
- ``ignore``: the same kinds of selector; these rules never run;
- ``fail-on``: ``error`` (default), ``warning``, ``info`` or ``never``;
- ``[severity]`` table: rule code or name → ``info``/``warning``/``error``;
- ``lexicon``: files of connectives and hedges added to the drafting lexicon
  (paths relative to the configuration file; see ``argmap/data/lexicon.yaml``).
- ``[per-file-ignores]`` table: glob → selectors; these rules never run on the
  map files the glob matches (relative to the configuration file's folder; a
  glob without ``/`` matches the file name in any folder).

Options given on the command line win over the file.

>>> cfg = parse_config('select = ["ARG1"]\\nignore = ["unstated-warrant"]\\n'
...                    'fail-on = "warning"\\n[severity]\\nARG102 = "warning"\\n', "argmap.toml")
>>> cfg.select, cfg.ignore, cfg.fail_on, cfg.severity
(['ARG1'], ['unstated-warrant'], 'warning', {'ARG102': <Severity.warning: 'warning'>})
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Optional

from argmap.diagnostics import ArgmapError, Diagnostic, Severity
from argmap.locations import Location

__all__ = ["Config", "FAIL_ON", "matches", "parse_config", "load_config", "discover", "fails"]

FAIL_ON = ("error", "warning", "info", "never")
"""Values of ``fail-on``: the least severity that makes ``argmap audit`` exit 1."""

_KEYS = ("select", "extend-select", "ignore", "fail-on", "severity", "lexicon", "per-file-ignores")


@dataclass
class Config:
    """Which rules run, at which severity, and when the audit fails."""

    select: Optional[list[str]] = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: str = "error"
    lexicon: list[Path] = field(default_factory=list)
    path: Optional[Path] = None
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)

    def for_file(self, file: Path | str) -> "Config":
        """This configuration for one map file: its ``per-file-ignores`` added to ``ignore``.

        >>> cfg = Config(per_file_ignores={"drafts/*.yaml": ["ARG1"], "old-*.yaml": ["ARG3"]}, path=Path("/r/argmap.toml"))
        >>> cfg.for_file("/r/drafts/a.yaml").ignore, cfg.for_file("/r/x/old-b.yaml").ignore, cfg.for_file("/r/a.yaml").ignore
        (['ARG1'], ['ARG3'], [])
        """
        if not self.per_file_ignores:
            return self
        import fnmatch
        import os

        base = self.path.parent if self.path is not None else Path.cwd()
        try:
            rel = Path(os.path.relpath(Path(file).absolute(), base.absolute())).as_posix()
        except ValueError:  # another drive
            rel = Path(file).as_posix()
        name = Path(file).name
        extra = [
            s for pattern, selectors in self.per_file_ignores.items()
            if fnmatch.fnmatchcase(rel, pattern) or ("/" not in pattern and fnmatch.fnmatchcase(name, pattern))
            for s in selectors
        ]
        return replace(self, ignore=[*self.ignore, *extra]) if extra else self

    def selects(self, rule: Any) -> bool:
        """Whether ``rule`` (an :class:`argmap.audit.Rule`) runs under this configuration."""
        if any(matches(s, rule) for s in self.ignore):
            return False
        if any(matches(s, rule) for s in self.extend_select):
            return True
        if self.select is None:
            return bool(rule.enabled)
        return any(matches(s, rule) for s in self.select)

    def severity_of(self, rule: Any) -> Severity:
        """The rule's configured severity, else its default.

        Keys may be codes, code prefixes or names; the most specific key wins.

        >>> from argmap.audit.registry import rule
        >>> cfg = Config(severity={"ARG1": Severity.error, "ARG102": Severity.warning})
        >>> cfg.severity_of(rule("ARG101")).value, cfg.severity_of(rule("ARG102")).value
        ('error', 'warning')
        """
        best: Optional[tuple[int, Severity]] = None
        for key, value in self.severity.items():
            if matches(key, rule):
                rank = 1000 if key.lower() == rule.name else len(key)
                if best is None or rank > best[0]:
                    best = (rank, value)
        return best[1] if best else rule.severity

    def override(
        self,
        select: Optional[list[str]] = None,
        ignore: Optional[list[str]] = None,
        fail_on: Optional[str] = None,
        extend_select: Optional[list[str]] = None,
    ) -> "Config":
        """A copy with command-line options applied (given options replace the file's)."""
        new = replace(self, severity=dict(self.severity))
        if select is not None:
            new.select = list(select)
        if extend_select is not None:
            new.extend_select = list(extend_select)
        if ignore is not None:
            new.ignore = list(ignore)
        if fail_on is not None:
            new.fail_on = fail_on
        new.check_selectors(Location(str(self.path or "<command line>"), 0, 0))
        return new

    def check_selectors(self, where: Location) -> None:
        """Every selector must match some rule (catches typos such as ``ARG1O1``)."""
        from argmap.audit.registry import rules

        known = rules()
        names = [r.code for r in known] + [r.name for r in known]
        per_file = [s for selectors in self.per_file_ignores.values() for s in selectors]
        for s in [*(self.select or []), *self.extend_select, *self.ignore, *self.severity, *per_file]:
            if not any(matches(s, r) for r in known):
                from argmap.util.terminal import one_line, shorten

                hint = _hint(s, names)
                raise ArgmapError(Diagnostic(where, f"'{shorten(one_line(s))}' matches no audit rule{hint}; see 'argmap rules'"))


def matches(selector: str, rule: Any) -> bool:
    """Whether a selector (code, code prefix, rule name or ``ALL``) picks ``rule``.

    >>> from argmap.audit.registry import rule
    >>> [matches(s, rule("ARG103")) for s in ("ARG103", "arg1", "unsupported-step", "ALL", "ARG2", "ARG")]
    [True, True, True, True, False, True]
    """
    s = selector.strip()
    if s.upper() == "ALL":
        return True
    if s.lower() == rule.name:
        return True
    return bool(s) and rule.code.startswith(s.upper()) and s.upper().startswith("ARG")


def _hint(word: str, names: list[str]) -> str:
    import difflib

    if len(word) > 64:  # no rule name is that long
        return ""

    close = difflib.get_close_matches(word, names, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def fails(findings: list, fail_on: str) -> bool:
    """Whether findings at or above ``fail_on`` exist.

    >>> from argmap.diagnostics import Finding
    >>> fs = [Finding("a", "m", severity=Severity.warning)]
    >>> fails(fs, "error"), fails(fs, "warning"), fails(fs, "never")
    (False, True, False)
    """
    if fail_on == "never":
        return False
    least = Severity(fail_on).rank
    return any(f.severity.rank >= least for f in findings)


# ------------------------------------------------------------------ parsing


def _line_of(text: str, key: str) -> tuple[int, int]:
    """Best-effort line and column of ``key = ...`` (else of the first mention of ``key``) in TOML text.

    tomllib keeps no positions, so configuration errors are located by search.

    >>> _line_of('a = 1\\nignore = ["ARG9"]', "ignore"), _line_of('ignore = ["ARG9"]', "ARG9")
    ((2, 1), (1, 11))
    """
    if len(key) > 200:  # a pattern of a long key costs more than the search (a 48 MB key took 6 GB)
        at = text.find(key[:200])
        if at < 0:
            return (1, 1)
        return (text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1)
    pattern = re.compile(rf"^([^\S\n]*)[\"']?{re.escape(key)}[\"']?[^\S\n]*=", re.MULTILINE)  # one line each
    m = pattern.search(text)
    if m:
        return (text.count("\n", 0, m.start()) + 1, len(m.group(1)) + 1)
    m = re.search(rf"^[ \t]*\[[^\]\n]*[.\"']{re.escape(key)}[\"']?\s*\]", text, re.MULTILINE)  # a table header
    if m:
        return (text.count("\n", 0, m.start()) + 1, 1)
    m = re.search(rf"[\"']{re.escape(key)}[\"']", text)
    if m:
        start = text.rfind("\n", 0, m.start()) + 1
        return (text.count("\n", 0, m.start()) + 1, m.start() - start + 1)
    return (1, 1)


def parse_config(text: str, file: str, table: Optional[str] = None) -> Config:
    """Parse configuration TOML; ``table`` is ``"tool.argmap"`` for pyproject.toml.

    Errors are located ``FILE:LINE:COL`` as well as TOML allows.
    """
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    from argmap.limits import Limits, flow_depth

    limits = Limits()
    if len(text) > limits.max_config:
        raise ArgmapError(Diagnostic(Location(file, 1, 1), f"the configuration is {len(text)} characters, over the limit"
                                     f" of {limits.max_config}; raise ARGMAP_MAX_CONFIG to allow it"))
    depth = limits.max_depth
    if flow_depth(text) > depth:  # tomllib recurses per bracket: 5000 of them was an internal error
        raise ArgmapError(Diagnostic(Location(file, 1, 1), f"invalid TOML: nested deeper than {depth} levels"))
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise ArgmapError(Diagnostic(Location(file, 1, 1), "invalid TOML: nested too deeply")) from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+), column (\d+)", str(exc))
        if m:
            line, col = int(m.group(1)), int(m.group(2))
        elif "end of document" in str(exc):
            line, col = text.count("\n") + 1, len(text.rsplit("\n", 1)[-1]) + 1
        else:
            line, col = 1, 1
        msg = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        raise ArgmapError(Diagnostic(Location(file, line, col), f"invalid TOML: {msg}")) from None
    if table:
        for part in table.split("."):
            data = data.get(part, {}) if isinstance(data, dict) else {}
    return _from_data(data, text, file)


def _from_data(data: dict, text: str, file: str) -> Config:
    def err(key: str, message: str) -> ArgmapError:
        return ArgmapError(Diagnostic(Location(file, *_line_of(text, key)), message))

    cfg = Config(path=Path(file))
    for key, value in data.items():
        if key not in _KEYS:
            what = "table" if isinstance(value, dict) else "setting"
            raise err(key, f"unknown argmap {what} '{key}'{_hint(key, list(_KEYS))}")
    for key in ("select", "extend-select", "ignore"):
        if key in data:
            value = data[key]
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise err(key, f"'{key}' must be a list of rule codes or names")
            if key == "select":
                cfg.select = value
            elif key == "extend-select":
                cfg.extend_select = value
            else:
                cfg.ignore = value
    if "lexicon" in data:
        value = data["lexicon"]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise err("lexicon", "'lexicon' must be a list of file paths")
        cfg.lexicon = [Path(file).parent / v for v in value]
    if "fail-on" in data:
        if data["fail-on"] not in FAIL_ON:
            raise err("fail-on", f"'fail-on' must be one of {', '.join(FAIL_ON)}, not {data['fail-on']!r}")
        cfg.fail_on = data["fail-on"]
    sev = data.get("severity", {})
    if not isinstance(sev, dict):
        raise err("severity", "'severity' must be a table of rule = \"info\" | \"warning\" | \"error\"")
    for key, value in sev.items():
        if value not in ("info", "warning", "error"):
            raise err(key, f"severity of '{key}' must be info, warning or error, not {value!r}")
        cfg.severity[key] = Severity(value)
    ignores = data.get("per-file-ignores", {})
    if not isinstance(ignores, dict):
        raise err("per-file-ignores", "'per-file-ignores' must be a table of \"glob\" = [rule codes or names]")
    for pattern, value in ignores.items():
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise err(pattern, f"per-file-ignores of '{pattern}' must be a list of rule codes or names")
        cfg.per_file_ignores[pattern] = value
    try:
        cfg.check_selectors(Location(file, 1, 1))
    except ArgmapError as exc:
        bad = re.search(r"'([^']*)'", exc.diagnostics[0].message)
        raise err(bad.group(1) if bad else "select", exc.diagnostics[0].message) from None
    return cfg


def load_config(path: Path | str) -> Config:
    """Read an ``argmap.toml`` or a ``pyproject.toml`` (its ``[tool.argmap]`` table)."""
    from argmap.limits import Limits
    from argmap.loading.files import read_bytes

    path = Path(path)
    limits = Limits()
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read_bytes says what is wrong
    if size > limits.max_config:  # before reading: TOML costs about 100 MB per MB at worst
        raise ArgmapError(Diagnostic(Location(str(path), 1, 1), f"the configuration file is {size} bytes, over the"
                                     f" limit of {limits.max_config}; raise ARGMAP_MAX_CONFIG to allow it"))
    raw = read_bytes(path, limits, regular_only=True)  # bounded; a planted FIFO would hang
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArgmapError(Diagnostic(Location(str(path), 1, 1), f"cannot read configuration: {exc}")) from None
    table = "tool.argmap" if path.name == "pyproject.toml" else None
    return parse_config(text, str(path), table)


def discover(start: Path | str) -> Config:
    """The configuration that applies to a map file or folder; defaults when none is found."""
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        own = folder / "argmap.toml"
        if own.is_file():
            return load_config(own)
        py = folder / "pyproject.toml"
        if py.is_file():
            from argmap.limits import Limits
            from argmap.loading.files import read_bytes

            try:  # bounded (ARGMAP_MAX_BYTES); parse_config then holds a [tool.argmap] one to ARGMAP_MAX_CONFIG
                text = read_bytes(py, Limits(), regular_only=True).decode("utf-8")
            except UnicodeDecodeError:
                continue
            except ArgmapError as exc:
                if exc.exit_code == 2:  # unreadable (not over a limit): not a configuration, as before
                    continue
                raise
            # any header that starts a tool.argmap table, malformed ones included: TOML then says what is wrong
            # blanks within one line only ([^\S\n]): \s* crossed lines, quadratic in blank lines
            if re.search(r"^[^\S\n]*\[+[^\S\n]*[\"']?tool[\"']?[^\S\n]*\.[^\S\n]*[\"']?argmap(?![\w-])", text,
                         re.MULTILINE):
                return parse_config(text, str(py), "tool.argmap")
    return Config()
