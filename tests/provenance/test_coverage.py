"""`argmap coverage`: sentences no claim quotes, ignore patterns, JSON and escaped HTML."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from argmap.provenance.coverage import coverage
from argmap.loading import load

SOURCE = """\
top of page

A Heading Without A Full Stop

Serbia signed a plan with Azerbaijan. The plan is unusual. Russia stayed silent.

Yeltsin called it "open aggression". The U.S. did not comment. Serbia signed a plan.

bottom of page
"""

MAP = """\
argmap: 1
title: Coverage test
source:
  text: source.txt
  ignore: ['^(top|bottom) of page$', '^A Heading']
claims:
  - id: plan
    text: Serbia signed a plan.
    quote: Serbia signed a plan with Azerbaijan
  - id: unusual
    text: The plan is unusual.
    quote: The plan is unusual.
  - id: yeltsin
    text: Yeltsin condemned it.
    quote: Yeltsin called it "open aggression"
  - id: twice
    text: Serbia signed.
    quote: Serbia signed a plan
"""


def test_uncovered_sentences_and_percentage(write_map):
    cov = coverage(load(write_map(MAP, source=SOURCE)))
    texts = [s.text for s in cov.sentences]
    assert texts == [
        "Serbia signed a plan with Azerbaijan.",
        "The plan is unusual.",
        "Russia stayed silent.",
        'Yeltsin called it "open aggression".',
        "The U.S. did not comment.",
        "Serbia signed a plan.",
    ]
    assert [s.text for s in cov.uncovered] == ["Russia stayed silent.", "The U.S. did not comment.", "Serbia signed a plan."]
    assert cov.covered == 3 and cov.total == 6 and round(cov.percent, 1) == 50.0
    # "Serbia signed a plan" occurs twice: an ambiguous quote covers nothing, and is said so.
    assert cov.unplaced == {"twice": "ambiguous"}
    assert [n for n, _ in cov.ignored] == [1, 3, 9]
    assert cov.sentences[0].claims == ["plan"]


def test_text_report_names_source_lines(run_cli, write_map):
    path = write_map(MAP, source=SOURCE)
    result = run_cli("coverage", path)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"{path}: 3 of 6 sentences covered (50.0%); 3 lines ignored"
    assert any(line.endswith("source.txt:5:60: not quoted by any claim: Russia stayed silent.") for line in lines)
    assert "claim 'twice' covers nothing: its quote is ambiguous" in result.stdout
    assert run_cli("coverage", path, "--min", "60").exit_code == 1


def test_json_report(run_cli, write_map):
    doc = json.loads(run_cli("coverage", write_map(MAP, source=SOURCE), "--format", "json").stdout)
    assert (doc["sentences"], doc["covered"], doc["percent"]) == (6, 3, 50.0)
    assert [u["line"] for u in doc["uncovered"]] == [5, 7, 7]
    assert doc["items"][3]["claims"] == ["yeltsin"]


def test_bad_ignore_pattern_is_a_located_error(run_cli, write_map):
    path = write_map(MAP.replace("'^A Heading'", "'^(unclosed'"), source=SOURCE)
    result = run_cli("coverage", path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"argmap: error: {path}:5:")
    assert "not a valid regular expression" in result.stderr


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.ids, self.hrefs, self.titles = [], set(), [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a":
            self.hrefs.append(a["href"])
            self.titles.append(a.get("title", ""))


def test_html_is_self_contained_escaped_and_linked(run_cli, write_map):
    hostile_source = SOURCE.replace("Russia stayed silent.", "Russia <script>alert(1)</script> stayed silent.")
    hostile_map = MAP.replace("text: Serbia signed a plan.", "text: 'Serbia <img src=x onerror=alert(1)> signed \" onload=x'")
    page = run_cli("coverage", write_map(hostile_map, source=hostile_source), "--format", "html").stdout
    parser = _Collect()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not any(h.startswith(("http:", "https:", "javascript:")) for h in parser.hrefs)
    assert "<link" not in page and "src=" not in page.replace("&lt;img src=x", "")
    # Every highlighted quote links to its claim, and the claim is on the page.
    assert {"#claim-plan", "#claim-unusual", "#claim-yeltsin"} == {h for h in parser.hrefs if h.startswith("#claim-")}
    assert {"#quote-plan", "#quote-unusual", "#quote-yeltsin"} == {h for h in parser.hrefs if h.startswith("#quote-")}
    assert all(h[1:] in parser.ids for h in parser.hrefs)
    assert any('<img src=x onerror=alert(1)> signed " onload=x' in t for t in parser.titles)
    assert 'class="uncovered"' in page and 'class="furniture"' in page


def test_map_without_source_text(run_cli, write_map):
    result = run_cli("coverage", write_map("argmap: 1\nclaims: []\n"))
    assert result.exit_code == 1
    assert "names no source text" in result.stderr
