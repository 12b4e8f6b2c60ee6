"""The rule registry: rule code → module, and each rule as the catalogue shows it.

The explicit list :data:`RULES` is the only place a rule is registered; a rule's
module is imported when the rule is first asked for. The engine
(:func:`argmap.audit.run`) and the configuration (:mod:`argmap.audit.config`)
both read the rules from here.

>>> rule("ARG101").name, find_rule("unsupported-claim").code
('unsupported-claim', 'ARG101')
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Iterable, Optional

from argmap.diagnostics import Finding, Severity

if TYPE_CHECKING:  # pragma: no cover
    from argmap.audit import AuditContext

__all__ = ["RULES", "Rule", "rule", "rules", "find_rule"]

RULES: dict[str, str] = {
    # ARG1xx: support of claims and steps
    "ARG101": "argmap.audit.unsupported_claim",
    "ARG102": "argmap.audit.uncited_fact",
    "ARG103": "argmap.audit.unsupported_step",
    "ARG104": "argmap.audit.speculative_step",
    "ARG105": "argmap.audit.qualifier_escalation",
    "ARG106": "argmap.audit.unstated_warrant",
    "ARG107": "argmap.audit.anachronistic_step",
    "ARG108": "argmap.audit.non_inferential_marker",
    # ARG2xx: structure of the argument
    "ARG201": "argmap.audit.missing_thesis",
    "ARG202": "argmap.audit.thesis_not_a_claim",
    "ARG203": "argmap.audit.circular_support",
    "ARG204": "argmap.audit.unreachable_claim",
    "ARG205": "argmap.audit.standing_objection",
    # ARG3xx: provenance of quotes and evidence records (ARG31x: anchoring)
    "ARG301": "argmap.audit.quote_not_found",
    "ARG302": "argmap.audit.quotation_without_source",
    "ARG303": "argmap.audit.uncited_evidence",
    "ARG304": "argmap.audit.uncited_author_evidence",
    "ARG305": "argmap.audit.unattributed_quotation",
    "ARG306": "argmap.audit.missing_access_date",
    "ARG307": "argmap.audit.no_archived_copy",
    "ARG308": "argmap.audit.unused_evidence",
    "ARG311": "argmap.audit.quote_fuzzy",
    "ARG312": "argmap.audit.quote_ambiguous",
    "ARG313": "argmap.audit.uncovered_sentence",
    # ARG4xx: the state of the map itself
    "ARG401": "argmap.audit.unused_suppression",
    "ARG402": "argmap.audit.draft_unreviewed",
}
"""Rule code → module. Add a rule with one line here; never renumber."""


@dataclass(frozen=True)
class Rule:
    """One audit rule as the catalogue shows it."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    enabled: bool
    module: ModuleType = field(repr=False, compare=False)
    repair: Optional[str] = None
    """What fixing a finding does to its target (:data:`argmap.audit.impact.REPAIRS`), or None."""

    def check(self, ctx: "AuditContext") -> Iterable[Finding]:
        return self.module.check(ctx)

    @property
    def help(self) -> str:
        """The documentation as plain text, for terminals and SARIF viewers.

        >>> "``" in rule("ARG105").help or ":attr:" in rule("ARG105").help
        False
        """
        text = re.sub(r":[a-z]+:`~?([^`]+)`", r"\1", self.doc)
        text = re.sub(r"``([^`]+)``", r"'\1'", text)
        return re.sub(r"::\n", ":\n", text)


_CACHE: dict[str, Rule] = {}


def rule(code: str) -> Rule:
    """The rule registered under ``code`` (imports its module on first use)."""
    if code not in _CACHE:
        mod = importlib.import_module(RULES[code])
        _CACHE[code] = Rule(
            code=mod.CODE,
            name=mod.NAME,
            severity=mod.SEVERITY,
            summary=mod.SUMMARY,
            doc=(mod.__doc__ or "").strip(),
            enabled=getattr(mod, "ENABLED", True),
            module=mod,
            repair=getattr(mod, "REPAIR", None),
        )
    return _CACHE[code]


def rules() -> list[Rule]:
    """Every registered rule, by code."""
    return [rule(code) for code in sorted(RULES)]


def find_rule(key: str) -> Optional[Rule]:
    """A rule by code (any case) or name."""
    key = key.strip()
    if key.upper() in RULES:
        return rule(key.upper())
    for r in rules():
        if r.name == key.lower():
            return r
    return None
