"""The review report as JSON, for other tools (dashboards, CI checks).

>>> import json
>>> from argmap.review.report import ReviewReport
>>> empty = ReviewReport("m.yaml", None, "0" * 64, [], [], [], [], None, False)
>>> json.loads(write(empty))["summary"]["open"]
0
"""

from __future__ import annotations

from typing import Any

from argmap.util import jsontext
from argmap.review.report import EntryView, ReviewReport

__all__ = ["write"]


def _entry(e: EntryView) -> dict[str, Any]:
    en = e.entry
    return {
        "target": e.target,
        "kind": e.kind,
        "reviewer": e.reviewer,
        "date": e.date,
        "verdict": en.verdict.value,
        "severity": en.severity.value,
        "status": en.status.value,
        "comment": en.comment,
        "requested_source": en.requested_source,
        "proposed_text": en.proposed_text,
        "response": en.response,
        "stale": e.stale,
        "file": e.location.file,
        "line": e.location.line,
        "column": e.location.column,
    }


def write(report: ReviewReport) -> str:
    """Summary, reviews, entries (with stale reasons), disagreements and per-element findings."""
    data = {
        "map": report.map_file,
        "title": report.title,
        "map_sha256": report.map_sha256,
        "audited": report.findings is not None,
        "evaluated": report.evaluated,
        "summary": {
            "verdicts": report.verdict_counts(),
            "severity": report.severity_counts(),
            "status": report.status_counts(),
            "open": len(report.open_entries),
            "stale": len(report.stale),
        },
        "reviews": [
            {"file": r.file, "reviewer": r.reviewer, "date": r.date, "entries": r.entries,
             "map_changed": r.map_changed, "reviewed_sha256": r.reviewed_sha256, "names_map": r.names_map}
            for r in report.reviews
        ],
        "entries": [_entry(e) for e in report.entries],
        "disagreements": [
            {"target": d.target, "verdicts": {e.reviewer: e.entry.verdict.value for e in d.entries}}
            for d in report.disagreements()
        ],
        "elements": [
            {"id": v.id, "kind": v.kind, "thesis": v.thesis, "status": v.status, "label": v.label,
             "findings": [f.to_dict() for f in v.findings], "reviews": len(v.entries)}
            for v in report.elements
            if v.findings or v.entries
        ],
        "map_findings": [f.to_dict() for f in report.map_findings],
    }
    return jsontext.dumps(data, indent=2, ensure_ascii=False) + "\n"
