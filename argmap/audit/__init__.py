"""The audit engine: run every selected rule over a loaded map, like a linter.

Each rule is one module in this package with

- ``CODE`` (``ARG101`` …), ``NAME`` (``unsupported-claim``), ``SEVERITY``
  (its default :class:`~argmap.diagnostics.Severity`), ``SUMMARY`` (one line),
  optionally ``ENABLED = False`` for rules that run only when selected, and
  ``REPAIR`` (a key of :data:`argmap.audit.impact.REPAIRS`) for rules whose
  findings can change the thesis;
- a docstring that explains the rule, with a ``Failing example::`` and a
  ``Passing example::`` (complete map files, tested by the catalogue test);
- ``check(ctx: AuditContext) -> Iterator[Finding]`` yielding plain findings
  (``target``, ``message``, ``location``). The engine stamps ``code``,
  ``rule`` and ``severity``.

Codes are grouped by family and never reused: ``ARG1xx`` support of claims
and steps, ``ARG2xx`` structure of the argument, ``ARG3xx`` provenance of
quotes and evidence records, ``ARG4xx`` the state of the map itself (its
suppressions, its drafts). :mod:`.config` reads the rule selection and
severities from ``argmap.toml`` / ``pyproject.toml``. A finding about an
element whose ``ignore:`` names its rule is dropped
(:mod:`argmap.audit.suppression`); ``per-file-ignores`` in the configuration
turn rules off for the files their globs match.

May import: :mod:`argmap.provenance`, :mod:`argmap.evaluation`, :mod:`argmap.drafting`
(its lexicon of connectives), :mod:`argmap.loading`, :mod:`argmap.readers`, the core.

>>> import pathlib, tempfile
>>> from argmap.loading import load
>>> from argmap.audit.config import Config
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "m.yaml").write_text(
...     "argmap: 1\\nthesis: t\\nclaims:\\n  - id: t\\n    text: T.\\n    kind: causal\\n")
>>> [(f.code, f.target, f.severity.value) for f in run(load(d / "m.yaml"), Config())]
[('ARG101', 't', 'warning')]
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Iterator, Optional

from argmap.audit.registry import RULES, Rule, find_rule, rule, rules
from argmap.diagnostics import Finding
from argmap.locations import Location

if TYPE_CHECKING:  # pragma: no cover
    from argmap.audit.config import Config
    from argmap.graph import ArgumentGraph
    from argmap.loading import LoadedMap
    from argmap.provenance.anchoring import Quoted

__all__ = ["RULES", "SORTS", "Rule", "AuditContext", "rule", "rules", "find_rule", "run", "sort_findings"]

class AuditContext:
    """What a rule may look at: the loaded map, its graph, and located lookups."""

    def __init__(self, loaded: "LoadedMap", config: Optional["Config"] = None) -> None:
        self.loaded = loaded
        self.config = config
        self.map = loaded.map
        self.source_text: Optional[str] = loaded.source_text
        self.anchor_matches: Optional[dict] = None
        """Element id → its anchored quote, filled once by :func:`argmap.provenance.anchors.audit_matches`."""
        self.suppressions = None  # the engine's Suppressions: which ignore: entries dropped a finding
        self._paths = self.map.index.places  # id → (section, position): the map's one index

    @cached_property
    def graph(self) -> "ArgumentGraph":
        from argmap.graph import ArgumentGraph

        return ArgumentGraph(self.map)

    @cached_property
    def lexicon(self):
        """The drafting lexicon: shipped entries plus the configuration's ``lexicon`` files."""
        from argmap.drafting.lexicon import load_lexicon

        return load_lexicon(self.config.lexicon if self.config is not None else ())

    @cached_property
    def evidence(self) -> dict:
        """Evidence records by id."""
        return self.map.index.evidence

    def key(self, name: str, where: str = "element") -> str:
        """How the user writes the argmap key ``name`` in this map's format, for a message:
        ``'by'`` in YAML, ``"by"`` in JSON; in Argdown, where argmap's keys go (the front
        matter's ``argmap:`` for ``where="map"`` and ``"evidence"``, else the element's
        ``{argmap: {...}}`` data); AIF has no place for them.

        >>> from argmap.loading import load_text, LoadedMap
        >>> m, sm, fmt = load_text("[a]: A.\\n", "m.argdown")
        >>> AuditContext(LoadedMap(path=None, map=m, sourcemap=sm, format=fmt)).key("thesis", "map")
        "'thesis' under 'argmap:' in the front matter"
        """
        fmt = self.loaded.format
        if fmt == "json":
            return f'"{name}"'
        if fmt == "argdown":
            if where == "map":
                return f"'{name}' under 'argmap:' in the front matter"
            if where == "evidence":
                return f"'{name}' in its record under 'argmap: evidence:' in the front matter"
            return f"'{name}' in the element's {{argmap: {{...}}}} data"
        if fmt == "aif":
            return f"'{name}' in a YAML copy of it (argmap import; AIF has no such field)"
        return f"'{name}'"

    def locate(self, element_id: Optional[str], *sub: object) -> Location:
        """Where an element (or one of its keys, e.g. ``"quote"``) is in the map file."""
        path = self._paths.get(element_id) if element_id is not None else None
        if path is None:
            return self.loaded.sourcemap.find(sub)
        return self.loaded.sourcemap.find(path + sub)

    def finding(self, target: Optional[str], message: str, *sub: object, related: Optional[list] = None) -> Finding:
        """A finding about ``target``, located at the element (or its key ``sub``)."""
        return Finding(target=target, message=message, location=self.locate(target, *sub), related=related or [])

    def quotes(self, state: str) -> Iterator[tuple[str, "Quoted"]]:
        """Element id and anchored quote of each quote that ended in ``state`` (``fuzzy``,
        ``orphaned`` ...: :class:`argmap.provenance.anchoring.State`); none without a source text,
        which then needs no anchoring (nor its import)."""
        if self.source_text is None:
            return
        from argmap.provenance.anchors import audit_matches

        for element_id, q in audit_matches(self).items():
            if q.match.state.value == state:
                yield element_id, q

    def thesis_claim(self):
        """The thesis claim, or None when there is none or it is not a claim."""
        t = self.map.thesis
        return self.graph.claims.get(t) if t is not None else None  # the graph's index: no second one


def run(loaded: "LoadedMap", config: Optional["Config"] = None, *, impact: bool = True) -> list[Finding]:
    """Audit one loaded map; findings sorted by position in the map file.

    Each finding also says whether it lies on the thesis's path and whether
    fixing it would change the thesis's status (:mod:`argmap.audit.impact`);
    :func:`sort_findings` ranks them by that.

    ``config`` None means: the configuration found from the map's folder
    upwards (``argmap.toml`` or ``[tool.argmap]`` in ``pyproject.toml``),
    or the defaults when there is none. ``impact=False`` leaves the impact
    fields unset (the language server, which shows findings where they are,
    saves the evaluation that rates them).
    """
    from argmap.audit.config import discover
    from argmap.audit.suppression import Suppressions

    if config is None:
        config = discover(loaded.path)
    from argmap.audit.impact import annotate

    config = config.for_file(loaded.path)
    ctx = AuditContext(loaded, config)
    ctx.suppressions = suppressions = Suppressions(loaded)
    findings: list[Finding] = []
    repairs: dict[str, Optional[str]] = {}
    for r in rules():
        selected = config.selects(r)
        if not selected and not (suppressions and suppressions.names(r)):
            continue  # a rule an ignore: entry names runs to tell whether the entry is used
        repairs[r.code] = r.repair
        severity = config.severity_of(r)
        for f in r.check(ctx):
            f.code = r.code
            f.rule = r.name
            f.severity = severity
            if f.location is None:
                f.location = Location(loaded.file, 1, 1)
            if suppressions and suppressions.suppresses(f, r) or not selected:
                continue
            findings.append(f)
    findings.sort(key=_position)
    if impact:
        annotate(findings, loaded.map, repairs)
    return findings


def _position(f: Finding) -> tuple:
    loc = f.location
    return (loc.file if loc else "", loc.line if loc else 0, loc.column if loc else 0, f.code, f.target or "")


def _impact(f: Finding) -> tuple:
    from argmap.audit.impact import impact_order

    return impact_order(f)


SORTS = {"impact": _impact, "file": _position}
"""``--sort`` choices → sort key: ``impact`` (the default) ranks by what a finding does to the
thesis (:func:`argmap.audit.impact.impact_order`); ``file`` is by file, line and column."""


def sort_findings(findings: list[Finding], how: str = "impact") -> list[Finding]:
    """The findings in the order ``how`` names (a key of :data:`SORTS`)."""
    return sorted(findings, key=SORTS[how])
