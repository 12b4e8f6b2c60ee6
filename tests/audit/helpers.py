"""Helpers for audit tests: run the audit on map text written to a temp folder."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from argmap.audit import run
from argmap.audit.config import Config
from argmap.loading import load

__all__ = ["audit_text", "codes", "examples", "only", "claims", "steps"]


def audit_text(tmp_path: Path, text: str, source: str | None = None, config: Config | None = None, name: str = "map.yaml"):
    """Write ``text`` (and a source.txt) into ``tmp_path`` and audit it with defaults or ``config``."""
    if source is not None:
        (tmp_path / "source.txt").write_text(source, encoding="utf-8")
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return run(load(path), config or Config())


def codes(findings, code: str | None = None) -> list:
    """(code, target) pairs, optionally only those of one rule."""
    return [(f.code, f.target) for f in findings if code is None or f.code == code]


def examples(doc: str) -> dict[str, str]:
    """The ``Failing example::``, ``Passing example::`` and ``Source text::`` blocks of a rule's docs."""
    found = {}
    for m in re.finditer(r"^(Failing example|Passing example|Source text)::\n\n((?:(?:    .*)?\n)+)", doc + "\n", re.MULTILINE):
        found[m.group(1)] = textwrap.dedent(m.group(2)).strip("\n") + "\n"
    return found


def only(*rule_codes: str) -> Config:
    """A configuration that runs only the given rules."""
    return Config(select=list(rule_codes))


def claims(*ids: str) -> str:
    """YAML for assumption claims with these ids."""
    return "".join(f"  - id: {i}\n    text: {i.upper()}.\n    assumption: true\n" for i in ids)


def steps(*triples: tuple) -> str:
    """YAML ``inferences:`` s0, s1, ... from ``(premises, conclusion, kind)`` triples."""
    out = "inferences:\n"
    for n, (premises, conclusion, kind) in enumerate(triples):
        out += f"  - id: s{n}\n    premises: [{', '.join(premises)}]\n    conclusion: {conclusion}\n    kind: {kind}\n"
    return out
