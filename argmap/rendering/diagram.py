"""The argument diagram: build it as a Graphviz graph, lay it out, write SVG/PNG/PDF/DOT.

This is the only module of argmap that imports ``graphviz``. Building the
graph never needs the Graphviz program (DOT is just text); laying it out uses
the embedded WebAssembly Graphviz by default, or the system ``dot``.

Claims are boxes (wrapped paraphrase, then ``id · kind · qualifier`` on the
last line; the thesis has a double outline), evidence records are notes, and
every inference is a small junction dot where its (linked) premises meet
before one arrow goes on to the conclusion. Attacks and undercuts are red with
a bar arrowhead; an undercut ends at the junction of the step it denies.
Audit findings colour an element's outline or edges by severity and dash
them, and the legend explains exactly the marks a diagram uses.

>>> import pathlib, tempfile
>>> from argmap.loading import load
>>> path = pathlib.Path(tempfile.mkdtemp()) / "m.yaml"
>>> _ = path.write_text("argmap: 1\\nclaims:\\n  - id: a\\n    text: A <b>.\\n")
>>> loaded = load(path)
>>> print(to_dot(loaded, []).splitlines()[0])
digraph argmap {
>>> 'id="claim-a"' in to_dot(loaded, [])
True
"""

from __future__ import annotations

import math
import shutil
import subprocess
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Iterable, Iterator, Optional

import graphviz

from argmap.util.words import count
from argmap.diagnostics import ArgmapError, Diagnostic, Finding, Severity
from argmap.locations import Location
from argmap.rendering import COLOR_BY, ENGINES, FORMATS, RANKDIRS, style
from argmap.rendering.dot import edge_stmt, node_name, node_stmt
from argmap.rendering.engines import (
    MAX_PIXELS, ZOOM, EngineUnavailable, LayoutFailed, LayoutTimeout, TooBig, layout_embedded, svg_to_pdf, svg_to_png,
)
from argmap.rendering.fonts import fontconfig_env
from argmap.rendering.focus import closest_ids, neighbourhood
from argmap.rendering.labels import css_class, dot_text, lines_label, shorten, wrap
from argmap.rendering.layered import plan_layers
from argmap.rendering.legend import MODES as LEGEND_MODES
from argmap.rendering.legend import Legend, add_legend
from argmap.rendering.overview import conclusion_claim as overview_claim
from argmap.rendering.overview import overview
from argmap.rendering.placement import FIRST_PASS, pinned_statements, rank_statements
from argmap.rendering.svgpost import THESIS_FONT_SIZE, finish

__all__ = [
    "FORMATS", "ENGINES", "RANKDIRS", "COLOR_BY", "TIME_LIMIT", "Diagram", "build_diagram", "build_graph", "to_dot",
    "render", "render_svg", "layout", "layout_svg", "convert", "draw",
]

CLAIM_WRAP = 30
SECTION_WRAP = 36
"""Characters of a claim's section line: measured at the label's size, drawn smaller."""
EVIDENCE_WRAP = 28
EVIDENCE_LINES = 5
TOOLTIP_QUOTE = 600
BIG_GRAPH = 400
"""Nodes above which the layout trades polish for speed (see :func:`_speed_attrs`)."""
NOT_LAYOUT = frozenset({"tooltip", "class", "id"})
"""Node attributes that change neither a node's size nor its place: the layered layout's
first pass, which only places the nodes, is given the nodes without them (pass two, which
draws the picture, has them all). Tooltips are most of a big diagram's DOT text."""


def _label(lines: Iterable[str], align: str = "center") -> str:
    return graphviz.nohtml(lines_label(lines, align=align))


def _tip(lines: Iterable[str]) -> str:
    return graphviz.nohtml(lines_label((shorten(x, TOOLTIP_QUOTE) for x in lines if x), align="center"))


def _worst(fs: list[Finding]) -> str:
    return max(fs, key=lambda f: Severity(f.severity).rank).severity.value if fs else ""


def _finding_lines(fs: list[Finding]) -> list[str]:
    return [f"[{f.severity.value}] {f.code} {f.rule}: {f.message}".replace("  ", " ") for f in fs]


def _classes(*words: str) -> str:
    return " ".join(c for c in (css_class(w) for w in words if w) if c)


class _Builder:
    """Builds one Digraph; remembers the marks it used for the legend."""

    def __init__(self, loaded: Any, findings: list[Finding], *, color_by: str, evaluation: Any, changes: Optional[dict],
                 min_severity: str = "info", critical: Optional[str] = None):
        self.loaded = loaded
        self.m = loaded.map
        self.by_target: dict[str, list[Finding]] = defaultdict(list)
        """Findings marked on the diagram (at least ``min_severity``), by target."""
        self.all_by_target: dict[str, list[Finding]] = defaultdict(list)
        """Every finding, by target: tooltips list them all."""
        self.hidden: dict[str, int] = {}
        self.critical = critical
        least = Severity(min_severity).rank
        known = set()
        for c in self.m.claims:
            known.add(c.id)
        for e in self.m.evidence:
            known.add(e.id)
        for i in self.m.inferences:
            known.add(i.id)
        self.loose: list[Finding] = []
        for f in findings:
            marked = Severity(f.severity).rank >= least
            if not marked and f.target not in known:
                self._hide(f)
            if f.target in known:
                self.all_by_target[f.target].append(f)
                if marked:
                    self.by_target[f.target].append(f)
            elif marked:
                self.loose.append(f)
        self.color_by = "change" if changes is not None else color_by
        self.evaluation = evaluation
        self.changes = changes or {}
        self.used: list[str] = []
        self.junctions = 0
        self.flip = False
        self.focus: Optional[str] = None
        self.sections = False
        self.nodes: list[str] = []
        self.edges: list[tuple[str, str, int]] = []
        self.for_layout: dict[str, str] = {}
        self.concluded: Optional[set[str]] = None
        """Ids that some inference concludes (an inference among them is undercut)."""
        """Node statement (unindented) → the same without what cannot move it (see :data:`NOT_LAYOUT`)."""

    def node(self, g: graphviz.Digraph, name: str, label: Optional[str], **attrs: str) -> None:
        """Add a node of the diagram; values must be escaped already (see :mod:`argmap.rendering.dot`)."""
        self.nodes.append(name)
        statement = node_stmt(name, label, attrs, indent="")
        g.body.append("\t" + statement)
        shape = {k: v for k, v in attrs.items() if k not in NOT_LAYOUT}
        self.for_layout[statement] = node_stmt(name, label, shape, indent="")

    def edge(self, g: graphviz.Digraph, tail: str, head: str, **attrs: str) -> None:
        """Add an edge of the diagram (to the top-level graph), remembering where its statement is."""
        self.edges.append((tail, head, len(g.body)))
        g.body.append(edge_stmt(tail, head, attrs))

    def _hide(self, f: Finding) -> None:
        self.hidden[f.severity.value] = self.hidden.get(f.severity.value, 0) + 1

    def tip_findings(self, element_id: str) -> list[Finding]:
        """Every finding on a drawn element, for its tooltip; counts those not marked for the legend."""
        fs = self.all_by_target.get(element_id, [])
        marked = self.by_target.get(element_id, [])
        for f in fs:
            if f not in marked:
                self._hide(f)
        return fs

    def use(self, key: str) -> None:
        if key not in self.used:
            self.used.append(key)

    # ------------------------------------------------------------- nodes

    def _fill(self, element_id: str) -> tuple[str, str]:
        """(fill colour, class word) of a claim under the current colour scheme."""
        if self.color_by == "change":
            value = self.changes.get(element_id, "unchanged")
        elif self.color_by in ("status", "label") and self.evaluation is not None:
            value = getattr(self.evaluation, self.color_by).get(element_id, "")
        else:
            return "", ""
        colour = style.FILL_BY[self.color_by].get(value, "")
        if colour:
            self.use(f"{self.color_by}-{value}")
        word = f"label-{value}" if self.color_by == "label" else value
        return colour, word

    def claim(self, g: graphviz.Digraph, c: Any) -> None:
        fs = self.by_target.get(c.id, [])
        worst = _worst(fs)
        thesis = c.id == self.m.thesis
        critical = c.id == self.critical
        meta = (["thesis"] if thesis else []) + [c.id, c.kind.value]
        if c.qualifier is not None:
            meta.append(c.qualifier.value)
        if c.assumption:
            meta.append("assumption")
        section = [f"§ {shorten(c.section, SECTION_WRAP)}"] if self.sections and c.section else []
        lines = section + wrap(c.text, CLAIM_WRAP) + [" · ".join(meta)]
        attrs = {"id": f"claim-{c.id}", "tooltip": self._claim_tip(c, self.tip_findings(c.id))}
        fill, word = self._fill(c.id)
        styles = ["rounded", "filled"]
        if worst:
            self.use(f"flag-{worst}")
            styles.append(style.SEVERITY_DASH[worst])
            attrs.update(color=style.SEVERITY_COLOR[worst], penwidth="2")
            if not fill:
                fill = style.SEVERITY_TINT[worst]
        if thesis:
            self.use("thesis")
            attrs.update(peripheries="2", fontsize=THESIS_FONT_SIZE)
            attrs.setdefault("penwidth", "1.5")
        elif c.assumption:
            self.use("assumption")
            styles.append("diagonals")
        else:
            self.use("claim")
        if fill:
            attrs["fillcolor"] = fill
        if critical:
            self.use("critical")
            attrs.update(color=style.CRITICAL, penwidth="3")
        if c.id == self.focus:
            attrs["penwidth"] = "3"
        attrs["style"] = ",".join(styles)
        rules = sorted({f.rule for f in fs if f.rule})
        attrs["class"] = _classes(
            "claim", "focus" if c.id == self.focus else "", "thesis" if thesis else "", "critical" if critical else "",
            "sectioned" if section else "",
            "assumption" if c.assumption else "",
            "flagged" if fs else "", worst, word, *rules,
        )
        self.node(g, node_name(c.id), _label(lines), **attrs)

    def _claim_tip(self, c: Any, fs: list[Finding]) -> str:
        lines = [c.text]
        if c.quote:
            lines.append(f"Quote: “{c.quote}”")
        if c.note:
            lines.append(f"Note: {c.note}")
        if self.evaluation is not None:
            st = self.evaluation.status.get(c.id)
            lb = self.evaluation.label.get(c.id)
            if st or lb:
                lines.append(f"Status: {st or '?'}; label: {lb or '?'}")
        return _tip(lines + _finding_lines(fs))

    def evidence(self, g: graphviz.Digraph, e: Any) -> None:
        fs = self.by_target.get(e.id, [])
        worst = _worst(fs)
        head = e.title or e.citation or e.quote or e.id
        lines = wrap(head, EVIDENCE_WRAP, max_lines=EVIDENCE_LINES) + [e.id]
        attrs = {
            "id": f"evidence-{e.id}",
            "shape": "note",
            "style": "filled",
            "fillcolor": style.EVIDENCE_FILL,
            "fontsize": "9",
        }
        if worst:
            self.use(f"flag-{worst}")
            attrs.update(style=f"filled,{style.SEVERITY_DASH[worst]}", color=style.SEVERITY_COLOR[worst], penwidth="2")
        change = ""
        if self.color_by == "change":  # a diff view: evidence is coloured by change like claims
            fill, change = self._fill(e.id)
            if change != "unchanged":
                attrs["fillcolor"] = fill
        self.use("evidence")
        tip = [f"Evidence {e.id}"]
        if e.quote:
            tip.append(f"Quote: “{e.quote}”")
        tip.append(f"Citation: {e.citation}" if e.citation else "Citation: none given")
        if e.by:
            tip.append(f"By: {e.by}")
        if e.url:
            tip.append(f"URL: {e.url}")  # shown as text only, never a link
        attrs["tooltip"] = _tip(tip + _finding_lines(self.tip_findings(e.id)))
        attrs["class"] = _classes("evidence", "flagged" if fs else "", worst, change, *sorted({f.rule for f in fs if f.rule}))
        self.node(g, node_name(e.id), _label(lines), **attrs)

    def inference(self, g: graphviz.Digraph, i: Any, shown: Optional[set]) -> None:
        fs = self.by_target.get(i.id, [])
        worst = _worst(fs)
        kind = i.kind.value
        self.use(kind)
        base = style.ATTACK if kind in ("attack", "undercut") else style.INK
        line = style.SEVERITY_COLOR[worst] if worst and kind == "support" else base
        dashed = style.SEVERITY_DASH[worst] if worst else "solid"
        critical = i.id == self.critical
        if critical:
            self.use("critical")
            line = style.CRITICAL
        if worst:
            self.use(f"flag-{worst}")
            self.use("flag-step")
        tip = [f"Inference {i.id} ({kind}): {' + '.join(i.premises)} → {i.conclusion}"]
        tip.append(f"Warrant: {i.warrant}" if i.warrant else "Warrant: unstated")
        if i.qualifier is not None:
            tip.append(f"Qualifier: {i.qualifier.value}")
        if i.quote:
            tip.append(f"Quote: “{i.quote}”")
        if i.id == self.critical:
            tip.append(_CRITICAL_TIP)
        tip = _tip(tip + _finding_lines(self.tip_findings(i.id)))
        rules = sorted({f.rule for f in fs if f.rule})
        change = self.changes.get(i.id, "") if self.color_by == "change" else ""
        if change and change != "unchanged":
            self.use(f"change-{change}")
        focused = "focus" if i.id == self.focus else ""
        classes = _classes("inference", focused, kind, "critical" if critical else "", "flagged" if fs else "", worst,
                           change, *rules)
        arrow = {"support": "normal", "attack": "tee", "undercut": "teetee"}[kind]
        tail_attrs = {"arrowhead": arrow, "color": line, "style": dashed, "tooltip": tip}
        if i.qualifier is not None:
            tail_attrs.update(label=graphviz.nohtml(dot_text(i.qualifier.value)), fontcolor=line)
        if kind == "undercut":
            tail_attrs["penwidth"] = "1.5"
        if critical:
            tail_attrs["penwidth"] = "3"
        target = i.conclusion
        target_shown = shown is None or target in shown
        if not self._needs_junction(i):
            # One premise: a single arrow is the step (its id and classes are the inference's).
            if target_shown and (shown is None or i.premises[0] in shown):
                self.edge(g, node_name(i.premises[0]), node_name(target), id=f"inference-{i.id}",
                          **tail_attrs, **{"class": classes})
            return
        self.use("junction")
        self.junctions += 1
        fill = style.SEVERITY_COLOR[worst] if worst else (style.ATTACK if kind != "support" else style.JUNCTION_FILL)
        if critical:
            fill = style.CRITICAL
        self.node(
            g, node_name(i.id), "",
            id=f"inference-{i.id}", shape="circle", width="0.2" if focused or critical else "0.14" if worst else "0.1",
            fixedsize="true",
            style="filled", fillcolor=fill, color=fill if not change or change == "unchanged" else "#1a9850",
            tooltip=tip, **{"class": classes},
        )
        edge_class = _classes(kind, "critical" if critical else "", "flagged" if fs else "", worst)
        width = {"penwidth": "3"} if critical else {}
        for p in i.premises:
            if shown is None or p in shown:
                self.edge(g, node_name(p), node_name(i.id), arrowhead="none", color=line, style=dashed,
                          tooltip=tip, **width, **{"class": edge_class + " premise"})
        if target_shown:
            self.edge(g, node_name(i.id), node_name(target), **tail_attrs, **{"class": edge_class + " conclusion"})

    def _needs_junction(self, i: Any) -> bool:
        """Linked premises meet at a junction; so does a step that an undercut targets."""
        if self.concluded is None:
            self.concluded = {j.conclusion for j in self.m.inferences}
        return len(i.premises) > 1 or i.id in self.concluded

    def legend(self, mode: str, min_severity: str) -> Legend:
        """What the legend drawn under the diagram explains (see :mod:`argmap.rendering.legend`)."""
        loose = [(f.severity.value, line) for f, line in zip(self.loose, _finding_lines(self.loose))]
        return Legend(list(self.used), loose, dict(self.hidden), min_severity=min_severity, mode=mode)


_CRITICAL_TIP = "Critical step: the thesis's single point of failure (remove it and the thesis is weaker)"


@dataclass
class Diagram:
    """A built diagram: the Graphviz graph, and the names of its nodes and edges
    (tail, head, index of the edge's statement in ``graph.body``) for the layered layout."""

    graph: graphviz.Digraph
    nodes: list[str]
    edges: list[tuple[str, str, int]]
    legend: Legend = field(default_factory=lambda: Legend([]))
    """Drawn under the laid-out diagram, never part of its layout."""
    for_layout: dict[str, str] = field(default_factory=dict)
    """Node statement (unindented) → the statement the layered layout's first pass gets instead."""
    overview: bool = False
    """The overview of the map's sections (:func:`build_overview`), not its claims."""

    def layout_line(self, line: str) -> str:
        """A line of ``graph.body`` as the first pass of the layered layout needs it: a node's
        statement without the attributes of :data:`NOT_LAYOUT`, any other line as it is."""
        text = line.lstrip("\t")
        slim = self.for_layout.get(text)
        return line if slim is None else line[: len(line) - len(text)] + slim


def build_graph(loaded: Any, findings: list[Finding], **build_options: Any) -> graphviz.Digraph:
    """The diagram of ``loaded`` as a Digraph (see :func:`build_diagram`)."""
    return build_diagram(loaded, findings, **build_options).graph


def build_diagram(
    loaded: Any,
    findings: list[Finding],
    *,
    focus: Optional[str] = None,
    depth: int = 2,
    rankdir: str = "TB",
    color_by: str = "findings",
    evaluation: Any = None,
    changes: Optional[dict] = None,
    cluster: bool = False,
    legend: str = "compact",
    min_severity: str = "info",
    critical: Optional[str] = None,
    sections: Optional[bool] = None,
) -> Diagram:
    """The diagram of ``loaded`` (a :class:`~argmap.loading.LoadedMap`) as a Digraph.

    ``findings`` are audit findings (by ``target`` id). ``focus``/``depth``
    keep only the neighbourhood of one element; ``color_by`` fills claims by
    ``findings`` (default), ``status`` or ``label`` (needs ``evaluation``);
    ``changes`` (id → added|changed|unchanged) colours by change instead.
    ``legend`` is a mode of :data:`~argmap.rendering.legend.MODES`; findings
    below ``min_severity`` are not marked (tooltips still list them);
    ``critical`` is the id of the thesis's critical step (thick purple);
    ``sections`` puts each claim's section on its first line (default: when
    the map has sections and ``cluster`` is off).
    """
    m = loaded.map
    if legend not in LEGEND_MODES:
        raise ValueError(f"legend must be one of {LEGEND_MODES}")
    if rankdir not in RANKDIRS:
        raise ValueError(f"rankdir must be one of {RANKDIRS}")
    if color_by not in COLOR_BY:
        raise ValueError(f"color_by must be one of {COLOR_BY}")
    shown: Optional[set] = None
    if focus is not None:
        shown = neighbourhood(m, focus, depth)
        if shown is None:
            hint = closest_ids(m, focus)
            more = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise ArgmapError(
                Diagnostic(Location(loaded.file, 1, 1), f"--focus: no claim, evidence or inference with id '{focus}'{more}")
            )
    b = _Builder(loaded, findings, color_by=color_by, evaluation=evaluation, changes=changes,
                 min_severity=min_severity, critical=critical)
    b.sections = (not cluster and any(c.section for c in m.claims)) if sections is None else sections
    b.flip = rankdir == "LR"
    b.focus = focus
    g = graphviz.Digraph("argmap")
    title = m.title or (m.source.title if m.source else None) or PurePath(loaded.file).name
    view = f"around {focus} ({depth} step{'s' if depth != 1 else ''})" if focus is not None else ""
    label = _title(title, view)
    if view:
        title = f"{title} — {view}"
    g.attr(
        rankdir=rankdir, label=label, labelloc="t", fontsize="16",
        fontname=style.FONT, nodesep="0.25", ranksep="0.35", tooltip=graphviz.nohtml(dot_text(title)),
        id="argmap",
    )
    g.attr("node", shape="box", fontname=style.FONT, fontsize="10", color=style.INK, fillcolor="white",
           margin="0.12,0.06")
    g.attr("edge", color=style.INK, arrowsize="0.7", fontname=style.FONT, fontsize="9")

    claims = [c for c in m.claims if shown is None or c.id in shown]
    if cluster:
        sections: dict[str, list] = {}
        loose_claims = []
        for c in claims:
            if c.section:
                sections.setdefault(c.section, []).append(c)
            else:
                loose_claims.append(c)
        for n, (section, members) in enumerate(sections.items()):
            with g.subgraph(name=f"cluster_section{n}") as sg:
                sg.attr(label=graphviz.nohtml(dot_text(shorten(section, 80))), style="rounded",
                        color=style.MUTED, fontsize="11", id=f"section-{n}", **{"class": "section"})
                for c in members:
                    b.claim(sg, c)
        for c in loose_claims:
            b.claim(g, c)
    else:
        for c in claims:
            b.claim(g, c)

    cited = {e for c in claims for e in c.evidence}
    for e in m.evidence:
        if (shown is None or e.id in shown) and (shown is None or e.id in cited):
            b.evidence(g, e)
    for c in claims:
        for e in c.evidence:
            b.use("evidence-link")
            b.edge(g, node_name(e), node_name(c.id), color=style.MUTED, arrowhead="empty", **{"class": "evidence-link"})
    for i in m.inferences:
        if shown is None or i.id in shown:
            b.inference(g, i, shown)
    size = len(claims) + b.junctions + len(cited)
    if size > BIG_GRAPH:
        g.attr(**_speed_attrs(size))
    return Diagram(g, b.nodes, b.edges, b.legend(legend, min_severity), b.for_layout)


def _speed_attrs(size: int) -> dict:
    """Graphviz limits that keep ``dot`` near-linear on big maps.

    Unlimited crossing minimisation and network-simplex positioning take
    minutes on a 1000-claim map; capped, the layout takes about a second
    (edges are then drawn straight). Ranking is left unlimited (no
    ``nslimit1``): capped, it crashed Graphviz on maps with section clusters,
    and it saved no time.
    """
    return {
        "mclimit": "0.0001", "nslimit": "0.001", "remincross": "false", "searchsize": "1", "splines": "line",
    }


OVERVIEW_WRAP = 26


def build_overview(
    loaded: Any,
    findings: list[Finding],
    *,
    rankdir: str = "TB",
    legend: str = "compact",
    min_severity: str = "info",
) -> Diagram:
    """The overview of ``loaded``: one box per section (or connected part) with its counts, and
    arrows for the steps between them (see :mod:`argmap.rendering.overview`)."""
    m = loaded.map
    if rankdir not in RANKDIRS:
        raise ValueError(f"rankdir must be one of {RANKDIRS}")
    groups, links = overview(m)
    group_of = {cid: k for k, grp in enumerate(groups) for cid in grp.claims}
    for e in m.evidence:  # evidence counts with the first claim that cites it
        for c in m.claims:
            if e.id in c.evidence:
                group_of.setdefault(e.id, group_of[c.id])
                break
    for i in m.inferences:
        claim = overview_claim(m, i.id)
        if claim is not None:
            group_of[i.id] = group_of[claim]
    least = Severity(min_severity).rank
    counts: list[dict[str, int]] = [{} for _ in groups]
    hidden: dict[str, int] = {}
    loose: list[Finding] = []
    for f in findings:
        sev = f.severity.value
        if Severity(f.severity).rank < least:
            hidden[sev] = hidden.get(sev, 0) + 1
        elif f.target in group_of:
            counts[group_of[f.target]][sev] = counts[group_of[f.target]].get(sev, 0) + 1
        else:
            loose.append(f)
    sectioned = any(c.section for c in m.claims)
    b = _Builder(loaded, [], color_by="findings", evaluation=None, changes=None)
    g = graphviz.Digraph("argmap")
    title = m.title or (m.source.title if m.source else None) or PurePath(loaded.file).name
    what = "section" if sectioned else "connected part"
    view = f"overview: {count(len(m.claims), 'claim')} in {count(len(groups), what)}"
    label = _title(title, view)
    title = f"{title} — {view}"
    g.attr(rankdir=rankdir, label=label, labelloc="t", fontsize="16",
           fontname=style.FONT, nodesep="0.3", ranksep="0.5", tooltip=graphviz.nohtml(dot_text(title)), id="argmap")
    g.attr("node", shape="box", fontname=style.FONT, fontsize="11", color=style.INK, fillcolor="white",
           margin="0.15,0.08")
    g.attr("edge", color=style.INK, arrowsize="0.8", fontname=style.FONT, fontsize="10")
    b.use("group")
    for k, grp in enumerate(groups):
        found = counts[k]
        worst = next((sev for sev in ("error", "warning", "info") if found.get(sev)), "")
        tally = [f"{count(len(grp.claims), 'claim')} · {count(grp.steps, 'step')} inside"]
        flags = [f"{count(found[sev], 'note' if sev == 'info' else sev)}" for sev in ("error", "warning", "info")
                 if found.get(sev)]
        if flags:
            tally.append(" · ".join(flags))
        lines = (["thesis: " + m.thesis] if grp.thesis and m.thesis else []) + wrap(grp.title, OVERVIEW_WRAP, max_lines=3)
        attrs = {"id": f"group-{k}", "style": "rounded,filled", "fillcolor": "white"}
        if worst:
            b.use(f"flag-{worst}")
            attrs.update(color=style.SEVERITY_COLOR[worst], penwidth="2", fillcolor=style.SEVERITY_TINT[worst],
                         style=f"rounded,filled,{style.SEVERITY_DASH[worst]}")
        if grp.thesis:
            b.use("thesis")
            attrs.update(peripheries="2")
        first = [m.claim(cid) for cid in grp.claims[:8]]
        tip = [grp.title, *tally] + [f"{c.id}: {c.text}" for c in first]
        if len(grp.claims) > len(first):
            tip.append(f"… and {len(grp.claims) - len(first)} more")
        tip.append(f"Detail: argmap render {PurePath(loaded.file).name} --focus {grp.claims[0]} --depth 2")
        attrs["tooltip"] = _tip(tip)
        attrs["class"] = _classes("group", "thesis" if grp.thesis else "", "flagged" if worst else "", worst)
        b.node(g, f"group{k}", _label(lines + tally), **attrs)
    for link in links:
        b.use(link.kind)
        color = style.INK if link.kind == "support" else style.ATTACK
        arrow = {"support": "normal", "attack": "tee", "undercut": "teetee"}[link.kind]
        width = f"{min(6.0, 1.0 + math.log2(link.count)):.1f}"
        label = graphviz.nohtml(str(link.count)) if link.count > 1 else None
        b.edge(g, f"group{link.tail}", f"group{link.head}", color=color, arrowhead=arrow, penwidth=width,
               label=label, fontcolor=color if label else None,
               tooltip=graphviz.nohtml(dot_text(f"{count(link.count, link.kind + ' step')} from "
                                                f"{shorten(groups[link.tail].title, 60)} to {shorten(groups[link.head].title, 60)}")),
               **{"class": f"link {link.kind}"})
    b.loose, b.hidden = loose, hidden
    return Diagram(g, b.nodes, b.edges, b.legend(legend, min_severity), b.for_layout, overview=True)


TITLE_WRAP = 64
"""Characters per line of the diagram's title (16 pt): a long title must not set the canvas width."""


def _title(title: str, view: str = "") -> str:
    """The title in at most two lines, then what part of the map this is."""
    return _label(wrap(title, TITLE_WRAP, max_lines=2) + ([shorten(view, TITLE_WRAP + 20)] if view else []))


def to_dot(loaded: Any, findings: list[Finding], **build_options: Any) -> str:
    """The diagram as DOT text (no Graphviz program needed)."""
    return build_graph(loaded, findings, **build_options).source


TIME_LIMIT = 60.0
"""Seconds a layout may take before it is stopped with advice (``render --time-limit``)."""

LAYERED = 1000
"""Work above which a diagram is laid out in layers computed here
(:mod:`argmap.rendering.layered`) rather than by dot alone: nodes plus edges
plus the virtual nodes dot would add along edges that cross layers. Below it
dot alone is quick on any shape, and its curved edges keep clear of the boxes."""


def layout(
    dot_source: str, fmt: str = "svg", engine: str = "embedded", *, file: str = "<map>",
    time_limit: Optional[float] = TIME_LIMIT, **png: Any
) -> bytes:
    """Lay out DOT text with dot and produce ``fmt`` bytes with the chosen engine.

    Every format is drawn from one SVG (see :func:`convert`); ``png`` takes
    :func:`convert`'s options. Raises ArgmapError (one line saying what to
    install, why the PNG is refused, or what to do when the layout takes more
    than ``time_limit`` seconds) when the format cannot be made here.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    if fmt == "dot":
        return dot_source.encode("utf-8")
    svg = layout_svg(dot_source, engine, file=file, time_limit=time_limit)
    return convert(svg, fmt, file=file, dot_source=dot_source, **png)


def layout_svg(dot_source: str, engine: str = "embedded", *, file: str = "<map>",
               time_limit: Optional[float] = TIME_LIMIT) -> bytes:
    """The laid-out diagram as SVG, finished (see :mod:`argmap.rendering.svgpost`)."""
    with _errors_located(file, time_limit):
        return _finish_svg(_run(dot_source, "svg", engine, "dot", _deadline(time_limit)))


def draw(
    diagram: Diagram, fmt: str = "svg", engine: str = "embedded", *, file: str = "<map>",
    time_limit: Optional[float] = TIME_LIMIT, layered: Optional[bool] = None, **png: Any
) -> bytes:
    """Lay out a built diagram: as :func:`layout`, but a big diagram is laid out in layers.

    Pass one gives dot the layers of :func:`~argmap.rendering.layered.plan_layers`
    and only the edges between adjacent layers; pass two pins every node where
    dot put it and draws all the edges, as built, with ``nop2`` (see
    :mod:`argmap.rendering.placement`). Both passes share ``time_limit``.
    ``layered`` forces one way or the other; by default it depends on :data:`LAYERED`.
    """
    g = diagram.graph
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    if fmt == "dot":
        return g.source.encode("utf-8")
    plan = plan_layers(diagram.nodes, [(tail, head) for tail, head, _ in diagram.edges])
    if layered is None:
        layered = len(diagram.nodes) + len(diagram.edges) + plan.virtual_nodes() > LAYERED
    if not layered:
        with _errors_located(file, time_limit, overview=diagram.overview):
            svg = _finish_svg(_run(g.source, "svg", engine, "dot", _deadline(time_limit)))
        return convert(add_legend(svg, diagram.legend), fmt, file=file, dot_source=g.source, **png)
    deadline = _deadline(time_limit)
    with _errors_located(file, time_limit, overview=diagram.overview):
        statements = {k for _, _, k in diagram.edges}
        first = g.copy()
        first.body = [diagram.layout_line(line) for k, line in enumerate(g.body) if k not in statements]
        first.body += rank_statements(plan)
        first.attr(**FIRST_PASS)
        placed = _run(first.source, "json0", engine, "dot", deadline)
        second = g.copy()
        second.body = g.body + pinned_statements(placed)
        second.attr(splines="line")
        svg = _finish_svg(_run(second.source, "svg", engine, "nop2", deadline))
    svg = add_legend(svg, diagram.legend)
    return convert(svg, fmt, file=file, **png)


def _deadline(time_limit: Optional[float]) -> Optional[float]:
    return None if time_limit is None else time.monotonic() + time_limit


@contextmanager
def _errors_located(file: str, time_limit: Optional[float], overview: bool = False) -> Iterator[None]:
    """Engine errors as located ArgmapErrors; a timeout says what to do instead (the
    overview of the sections, unless that is what took too long, or one part of the map)."""
    try:
        yield
    except LayoutTimeout:
        smaller = "" if overview else "draw the sections and the steps between them with --overview, or "
        raise ArgmapError(Diagnostic(Location(file, 1, 1), (
            f"the layout took more than {time_limit:g} s and was stopped; {smaller}draw part of the map with"
            " --focus ID --depth N, or allow more time with --time-limit SECONDS"
        ))) from None
    except (EngineUnavailable, LayoutFailed) as exc:
        raise ArgmapError(Diagnostic(Location(file, 1, 1), str(exc))) from None


def _run(source: str, fmt: str, engine: str, program: str, deadline: Optional[float]) -> bytes:
    """Graphviz ``program`` on ``source``, writing ``fmt`` (``svg`` or ``json0``)."""
    if engine == "system":
        return _layout_system(source, fmt, program, deadline)
    if engine != "embedded":
        raise ValueError(f"engine must be one of {ENGINES}")
    return layout_embedded(source, fmt, program=program, deadline=deadline)


def convert(
    svg: bytes,
    fmt: str,
    *,
    file: str = "<map>",
    dot_source: Optional[str] = None,
    zoom: float = ZOOM,
    max_pixels: int = MAX_PIXELS,
    system_fonts: bool = True,
) -> bytes:
    """SVG as ``fmt``: itself, PNG (resvg, ``zoom`` pixels per CSS pixel, at most
    ``max_pixels``; 0 = no cap) or PDF (svglib), in the bundled font.

    Where the converter is missing and ``dot_source`` is given, the Graphviz
    program draws the format instead (without the finishing touches).
    """
    if fmt == "svg":
        return svg
    try:
        try:
            if fmt == "png":
                return svg_to_png(svg, zoom=zoom, max_pixels=max_pixels, system_fonts=system_fonts)
            return svg_to_pdf(svg)
        except EngineUnavailable:
            if dot_source is None or shutil.which("dot") is None:
                raise
            return _layout_system(dot_source, fmt)
    except (EngineUnavailable, LayoutFailed, TooBig) as exc:
        raise ArgmapError(Diagnostic(Location(file, 1, 1), str(exc))) from None


def _finish_svg(svg: bytes) -> bytes:
    """Type touches and font names (see :mod:`argmap.rendering.svgpost`)."""
    return finish(svg)


def _layout_system(dot_source: str, fmt: str, program: str = "dot", deadline: Optional[float] = None) -> bytes:
    """The Graphviz program, measuring text in the bundled font (see :func:`~argmap.rendering.fonts.fontconfig_env`)."""
    if shutil.which("dot") is None:
        raise EngineUnavailable("--engine system needs the Graphviz program: apt-get install graphviz, or use --engine embedded")
    timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
    with fontconfig_env() as env:
        try:
            done = subprocess.run(["dot", f"-K{program}", f"-T{fmt}"], input=dot_source.encode("utf-8"),
                                  capture_output=True, env=env, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise LayoutTimeout("the layout ran out of time") from None
        except OSError:
            raise EngineUnavailable("the Graphviz program 'dot' could not be run: apt-get install graphviz") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise LayoutFailed(f"Graphviz failed: {message[0] if message else 'exit status ' + str(done.returncode)}")
    return done.stdout


def render(loaded: Any, findings: list[Finding], fmt: str = "svg", engine: str = "embedded", **build_options: Any) -> bytes:
    """Build the diagram and lay it out: SVG, PNG or PDF bytes (DOT text for ``dot``)."""
    return draw(build_diagram(loaded, findings, **build_options), fmt, engine, file=loaded.file)


def render_svg(loaded: Any, findings: list[Finding], engine: str = "embedded", **build_options: Any) -> str:
    """The diagram as SVG text. Claim nodes are ``<g id="claim-ID" class="node claim ...">``."""
    return render(loaded, findings, "svg", engine, **build_options).decode("utf-8")
