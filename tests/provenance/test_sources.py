"""`argmap sources`: outside sources grouped, with the claims that cite and rely on them."""

from __future__ import annotations

import json

from argmap.loading import load
from argmap.provenance.sources import bibliography

MAP = """\
argmap: 1
title: Sources test
thesis: t
claims:
  - id: t
    text: The thesis.
  - id: mid
    text: A step.
  - id: p
    text: A premise.
    evidence: [icc-page, icc-page-again]
  - id: q
    text: Another premise.
    evidence: [yeltsin]
  - id: objection
    text: An objection.
    evidence: [report]
evidence:
  - id: icc-page
    kind: document
    title: Armenia joins the Rome Statute
    url: https://example.org/icc/armenia/
    accessed: "2024-02-01"
    added_by: analyst
  - id: icc-page-again
    kind: document
    url: HTTPS://example.org/icc/armenia
    added_by: analyst
  - id: yeltsin
    kind: statement
    quote: open aggression
    by: Boris Yeltsin
  - id: report
    kind: report
    citation: "A *report*, [2020](javascript:alert(1)) <b>bold</b>"
inferences:
  - id: i1
    premises: [p]
    conclusion: mid
  - id: i2
    premises: [mid, q]
    conclusion: t
  - id: i3
    kind: attack
    premises: [objection]
    conclusion: t
"""


def test_grouping_and_dependency(write_map):
    entries = {s.label: s for s in bibliography(load(write_map(MAP)).map)}
    icc = entries["Armenia joins the Rome Statute, https://example.org/icc/armenia/"]
    assert [e.id for e in icc.evidence] == ["icc-page", "icc-page-again"]  # the same URL is one source
    assert icc.cited_by == ["p"] and icc.relied_on_by == ["mid", "t"] and icc.thesis_relies
    yeltsin = entries["Boris Yeltsin (statement; no citation given)"]
    assert yeltsin.cited_by == ["q"] and yeltsin.relied_on_by == ["t"]
    report = next(s for s in entries.values() if s.evidence[0].id == "report")
    assert report.cited_by == ["objection"] and report.relied_on_by == [] and not report.thesis_relies  # attacks carry no reliance
    order = [s.evidence[0].id for s in bibliography(load(write_map(MAP)).map)]
    assert order[0] == "icc-page"  # most depended on first


def test_text_json_markdown(run_cli, write_map):
    path = write_map(MAP)
    text = run_cli("sources", path).stdout
    assert text.splitlines()[0] == f"{path}: 3 outside sources"
    assert "relied on by: mid, t" in text
    doc = json.loads(run_cli("sources", path, "--format", "json").stdout)
    assert [len(s["evidence"]) for s in doc["sources"]] == [2, 1, 1]
    md = run_cli("sources", path, "--format", "markdown").stdout
    assert "<b>" not in md and "&lt;b&gt;" in md
    assert "](javascript" not in md and "\\[2020\\]\\(javascript" in md


def test_no_evidence(run_cli, write_map):
    result = run_cli("sources", write_map("argmap: 1\nclaims: []\n"))
    assert result.exit_code == 0
    assert "no outside sources" in result.stdout
