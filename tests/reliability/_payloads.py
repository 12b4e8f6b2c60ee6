"""A map whose every user-text field carries an attack, with its source text and a review."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

__all__ = ["SCRIPT", "ATTR", "IMG", "JS_URL", "ANSI", "DOT", "MARKDOWN", "write_hostile"]

SCRIPT = "<script>window.__pwned='script'</script>"
ATTR = "\" onmouseover=\"window.__pwned='attr'\" x=\""
IMG = "<img src=x onerror=\"window.__pwned='img'\">"
SVG_TAG = "<svg onload=\"window.__pwned='svg'\"></svg>"
JS_URL = "javascript:window.__pwned='url'"
ANSI = "\x1b[31mRED\x1b[0m\x1b]0;title\x07\x9b2J\x08\x0d"
DOT = "a\\lb\\Nc\\Gd{e}|f<g>h\"i\\"
MARKDOWN = "[click](javascript:alert(1)) <b>bold</b> ![x](https://evil.example/x.png) <!-- c -->"

QUOTE_1 = f"Alpha says {SCRIPT} plainly"
QUOTE_2 = f"Beta claims {IMG} and {ATTR} loudly"
QUOTE_3 = f"Gamma writes {DOT} and {MARKDOWN} today"


def write_hostile(folder: Path) -> tuple[Path, Path]:
    """Write ``map.yaml``, ``source.txt`` and ``review.yaml`` into ``folder``; return (map, review)."""
    source = f"Hostile article.\n\n{QUOTE_1}. {QUOTE_2}. {QUOTE_3}. A last sentence {SVG_TAG}.\n"
    (folder / "source.txt").write_text(source, encoding="utf-8")
    data = {
        "argmap": 1,
        "title": f"Title {SCRIPT} {ANSI}",
        "source": {"title": f"Src {IMG}", "author": ATTR, "url": JS_URL, "text": "source.txt"},
        "thesis": "c1",
        "claims": [
            {"id": "c1", "text": f"One {SCRIPT} {ANSI} {DOT}", "quote": QUOTE_1, "kind": "evaluation",
             "section": f"Sec {IMG}", "tags": [SCRIPT, ANSI], "note": f"{MARKDOWN} {ANSI}"},
            {"id": "c2", "text": f"Two {ATTR} {MARKDOWN}", "quote": QUOTE_2, "kind": "interpretation",
             "qualifier": "may", "evidence": ["e1"]},
            {"id": "c3", "text": f"Three {SVG_TAG} {ANSI}", "quote": QUOTE_3, "kind": "causal"},
            {"id": "c4", "text": f"Four \u202eevil {ANSI}", "kind": "fact"},
        ],
        "evidence": [
            {"id": "e1", "kind": "statement", "quote": f"Said {SCRIPT}", "by": f"By {ATTR} {ANSI}",
             "citation": f"Cite {IMG}", "url": JS_URL, "archived_url": "data:text/html,<script>alert(1)</script>",
             "title": MARKDOWN, "note": SVG_TAG, "added_by": "analyst"},
        ],
        "inferences": [
            {"id": "i1", "premises": ["c2"], "conclusion": "c1", "warrant": f"W {SCRIPT} {DOT} {ANSI}",
             "qualifier": "may", "scheme": IMG, "quote": MARKDOWN},
            {"id": "i2", "premises": ["c3"], "conclusion": "c1", "kind": "attack", "warrant": None},
            {"id": "i3", "premises": ["c4"], "conclusion": "i1", "kind": "undercut", "note": ATTR},
        ],
    }
    map_path = folder / "map.yaml"
    map_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    review = {
        "argmap-review": 1,
        "map": "map.yaml",
        "map_sha256": hashlib.sha256(map_path.read_bytes()).hexdigest(),
        "reviewer": f"Rev {SCRIPT} {ANSI}",
        "date": "2026-11-27",
        "entries": [
            {"target": "c1", "verdict": "challenge", "severity": "major", "comment": f"{SCRIPT} {ATTR} {ANSI}",
             "requested_source": JS_URL, "proposed_text": IMG, "response": MARKDOWN},
            {"target": "i1", "verdict": "needs-evidence", "comment": f"{SVG_TAG} {DOT}"},
            {"target": "e1", "verdict": "reject", "severity": "critical", "comment": MARKDOWN},
        ],
    }
    review_path = folder / "review.yaml"
    review_path.write_text(yaml.safe_dump(review, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return map_path, review_path
