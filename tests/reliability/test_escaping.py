"""User text is inert everywhere it goes: DOT, SVG, HTML, Markdown and the terminal.

One map (``_payloads.write_hostile``) carries script tags, attribute breakouts,
``javascript:`` URLs, DOT escapes (``\\l``, ``\\N``, braces, quotes,
backslashes), raw Markdown/HTML and terminal escape sequences in every text
field; each output is checked for what could run, and for the text itself
still being there (escaped, not dropped).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from argmap.cli import cli

from ._htmlcheck import MARKER, html_dangers, html_text, svg_dangers
from ._payloads import DOT, SCRIPT, write_hostile

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def run(*args) -> "object":
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code in (0, 1), f"argmap {' '.join(map(str, args))}: exit {result.exit_code}\n{result.output}"
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def hostile(tmp_path) -> tuple[Path, Path]:
    return write_hostile(tmp_path)


def _changed_copy(map_path: Path) -> Path:
    data = yaml.safe_load(map_path.read_text(encoding="utf-8"))
    data["claims"][0]["text"] += " changed <img src=x onerror=\"window.__pwned='diff'\">"
    data["claims"].append({"id": "c5", "text": f"New {SCRIPT}", "kind": "fact"})
    new = map_path.with_name("new.yaml")
    new.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return new


def test_svg_has_no_script_and_keeps_the_text(hostile, tmp_path):
    map_path, _ = hostile
    out = tmp_path / "map.svg"
    run("render", map_path, "-o", out)
    svg = out.read_text(encoding="utf-8")
    assert svg_dangers(svg) == []
    from xml.etree import ElementTree

    root = ElementTree.fromstring(svg)
    texts = " ".join(el.text or "" for el in root.iter() if el.tag.endswith("}text"))
    assert DOT in texts, "DOT escapes (\\l, \\N, \\G, braces, quotes) must reach the diagram as plain text"
    assert SCRIPT in texts
    titles = " ".join(
        [el.text or "" for el in root.iter() if el.tag.endswith("}title")]
        + [v for el in root.iter() for k, v in el.attrib.items() if k.endswith("title")]
    )
    assert "Alpha says" in titles and SCRIPT in titles, "the tooltip carries the quote, escaped"


def test_dot_is_safe_for_graphviz_and_terminal(hostile):
    map_path, _ = hostile
    dot = run("render", map_path, "--format", "dot").stdout
    assert not CONTROL.search(dot.replace("\n", "").replace("\t", ""))
    assert "<script>" not in re.sub(r'"(?:[^"\\]|\\.)*"', '""', dot), "user text outside quoted strings"


def _check_html(html: str) -> None:
    assert html_dangers(html) == []
    assert SCRIPT in html_text(html), "the hostile text is shown as text"


def test_review_html_report(hostile, tmp_path):
    map_path, review = hostile
    out = tmp_path / "review.html"
    run("review", "report", map_path, review, "-o", out)
    _check_html(out.read_text(encoding="utf-8"))


def test_coverage_html_report(hostile, tmp_path):
    map_path, _ = hostile
    out = tmp_path / "coverage.html"
    run("coverage", map_path, "--format", "html", "-o", out)
    _check_html(out.read_text(encoding="utf-8"))


def test_viewer_page(hostile, tmp_path):
    map_path, review = hostile
    out = tmp_path / "view.html"
    run("view", map_path, review, "-o", out)
    html = out.read_text(encoding="utf-8")
    assert html_dangers(html) == []
    data = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', html, re.S).group(1)
    import json

    assert SCRIPT in json.dumps(json.loads(data), ensure_ascii=False), "the hostile text is in the page's data"
    assert SCRIPT in html_text(html), "... and in the source pane, as text"


def test_diff_html_report(hostile, tmp_path):
    map_path, _ = hostile
    out = tmp_path / "diff.html"
    run("diff", map_path, _changed_copy(map_path), "--format", "html", "-o", out)
    html = out.read_text(encoding="utf-8")
    assert html_dangers(html) == []
    assert "window.__pwned='diff'" in html_text(html)


def _markdown_to_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").render(text)  # raw HTML passes through in CommonMark


@pytest.mark.parametrize("which", ["review", "sources"])
def test_markdown_has_no_raw_html_passthrough(hostile, tmp_path, which):
    map_path, review = hostile
    out = tmp_path / "out.md"
    if which == "review":
        run("review", "report", map_path, review, "-o", out)
    else:
        run("sources", map_path, "--format", "markdown", "-o", out)
    html = _markdown_to_html(out.read_text(encoding="utf-8"))
    assert html_dangers(html) == []
    for raw in ("<script", "<img", "<b>", "<svg", "<!--"):
        assert raw not in html, f"{raw} passed through the Markdown as HTML"
    assert not re.search(r"<a [^>]*href=\"(?!https?:|#|mailto:)", html), "a link with a non-web scheme"
    if which == "review":
        assert SCRIPT in html_text(html)


TERMINAL_COMMANDS = [
    ["validate", "{map}"],
    ["audit", "{map}", "--fail-on", "never"],
    ["evaluate", "{map}"],
    ["explain", "{map}", "c1"],
    ["explain", "{map}", "e1"],
    ["anchor", "{map}"],
    ["coverage", "{map}"],
    ["sources", "{map}"],
    ["diff", "{map}", "{new}"],
    ["review", "check", "{review}"],
    ["review", "report", "{map}", "{review}"],
    ["export", "{map}", "--to", "json"],
    ["render", "{map}", "--format", "dot"],
]


@pytest.mark.parametrize("args", TERMINAL_COMMANDS, ids=[" ".join(a[:2]) for a in TERMINAL_COMMANDS])
def test_terminal_output_has_no_escape_sequences(hostile, args):
    map_path, review = hostile
    new = _changed_copy(map_path)
    argv = [a.format(map=map_path, review=review, new=new) for a in args]
    result = run(*argv)
    for stream, text in (("stdout", result.stdout), ("stderr", result.stderr)):
        leftover = CONTROL.findall(text.replace("\n", "").replace("\t", ""))
        assert not leftover, f"argmap {' '.join(args)}: control characters on {stream}: {sorted(set(leftover))}"


def test_errors_quote_user_text_cleanly(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text('argmap: 1\nclaims:\n  - id: a\n    text: A\n    "\\e[31mkey\\nargmap: error: forged": 1\n')
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize("fmt", ["aif", "annotations", "json", "argdown", "dot"])
def test_export_to_a_real_terminal_is_clean(hostile, fmt):
    """stdout on a pseudo-terminal, as when a person runs the command: no escape sequence arrives."""
    import os
    import pty
    import subprocess
    import sys

    map_path, _ = hostile
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", "export", str(map_path), "--to", fmt],
        stdout=follower, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=60) == 0, proc.stderr.read()
    text = b"".join(chunks).decode("utf-8", "replace")
    assert len(text) > 100
    leftover = CONTROL.findall(text.replace("\r\n", "\n").replace("\n", "").replace("\t", ""))
    assert not leftover, sorted(set(leftover))


def test_github_annotations_cannot_be_forged(tmp_path):
    """A quote that is not in the source is echoed in the finding; in GitHub's workflow-command
    format its line breaks must not start a new command."""
    (tmp_path / "s.txt").write_text("Alpha beta.\n")
    path = tmp_path / "map.yaml"
    path.write_text(
        'argmap: 1\nsource:\n  text: s.txt\nthesis: a\nclaims:\n  - id: a\n    text: A.\n'
        '    quote: "gone\\n::error file=x,line=1::forged\\r\\n::add-mask::secret %0A"\n'
    )
    result = CliRunner().invoke(cli, ["audit", str(path), "--format", "github", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(("::warning ", "::error ", "::notice ")) for line in lines), lines
    assert not any(line.startswith(("::error file=x", "::add-mask::")) for line in lines)
    assert "forged" in result.stdout  # still reported, escaped
