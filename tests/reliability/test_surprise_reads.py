"""No surprise reads: file references stay inside the map's folder, URLs are never fetched."""

from __future__ import annotations

import hashlib
import http.server
import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from tests.maps import ONE_CLAIM, quoted

def _validate(path: Path, *extra: str):
    return CliRunner().invoke(cli, ["validate", *extra, str(path)])


@pytest.fixture
def layout(tmp_path):
    """tmp/outside.txt next to tmp/maps/ (the map's folder)."""
    (tmp_path / "outside.txt").write_text("alpha secret\n")
    maps = tmp_path / "maps"
    (maps / "sub").mkdir(parents=True)
    (maps / "sub" / "inside.txt").write_text("alpha inside\n")
    return maps


def _map(folder: Path, ref: str) -> Path:
    path = folder / "map.yaml"
    path.write_text(quoted("alpha", source=ref))
    return path


def test_relative_path_inside_is_read(layout):
    result = _validate(_map(layout, "sub/inside.txt"))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("ref", ["../outside.txt", "sub/../../outside.txt", "{abs}"])
def test_paths_outside_are_refused_unless_allowed(layout, ref):
    ref = ref.format(abs=layout.parent / "outside.txt")
    path = _map(layout, ref)
    refused = _validate(path)
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"argmap: error: {path}:3:9: source text '{ref}' is outside the map's folder")
    assert "--allow-outside" in refused.stderr
    allowed = _validate(path, "--allow-outside")
    assert allowed.exit_code == 0, allowed.output


def test_symlink_leading_outside_is_refused(layout):
    os.symlink(layout.parent / "outside.txt", layout / "link.txt")
    path = _map(layout, "link.txt")
    result = _validate(path)
    assert result.exit_code == 1 and "outside the map's folder" in result.stderr
    assert _validate(path, "--allow-outside").exit_code == 0


def test_symlinked_folder_leading_outside_is_refused(layout):
    os.symlink(layout.parent, layout / "up")
    result = _validate(_map(layout, "up/outside.txt"))
    assert result.exit_code == 1 and "outside the map's folder" in result.stderr


def test_symlink_inside_is_fine(layout):
    os.symlink(layout / "sub" / "inside.txt", layout / "link.txt")
    assert _validate(_map(layout, "link.txt")).exit_code == 0


@pytest.mark.parametrize(
    "ref,fragment",
    [
        ("https://example.org/article.txt", "URLs are never fetched"),
        ("file:///etc/passwd", "URLs are never fetched"),
        ('"a\\0b"', "cannot be used"),
        ("loop.txt", ""),
        ("x" * 5000, ""),
    ],
    ids=["https", "file-url", "nul-byte", "symlink-loop", "name-too-long"],
)
def test_odd_references_are_located_errors(layout, ref, fragment):
    if ref == "loop.txt":
        os.symlink(layout / "loop.txt", layout / "loop.txt")
    path = _map(layout, ref)
    result = _validate(path)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"argmap: error: {path}:3:"), result.stderr
    assert fragment in result.stderr
    assert "internal error" not in result.stderr


def test_review_naming_a_map_outside_its_folder_is_refused(tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(ONE_CLAIM)
    folder = tmp_path / "reviews"
    folder.mkdir()
    review = folder / "r.yaml"
    digest = hashlib.sha256(outside.read_bytes()).hexdigest()
    review.write_text(
        f"argmap-review: 1\nmap: ../elsewhere.yaml\nmap_sha256: '{digest}'\nreviewer: R\ndate: '2026-01-01'\n"
        "entries:\n  - target: a\n    verdict: accept\n"
    )
    refused = CliRunner().invoke(cli, ["review", "check", str(review)])
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"argmap: error: {review}:2:6: the reviewed map '../elsewhere.yaml' is outside")
    allowed = CliRunner().invoke(cli, ["review", "check", "--allow-outside", str(review)])
    assert allowed.exit_code == 0, allowed.output


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list = []

    def do_GET(self):  # noqa: N802 - http.server's name
        _Recorder.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"alpha")

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


def test_urls_in_a_map_are_never_fetched(tmp_path):
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        (tmp_path / "s.txt").write_text("alpha beta\n")
        path = tmp_path / "map.yaml"
        path.write_text(
            f"argmap: 1\nsource:\n  url: {url}/source\n  text: s.txt\nthesis: a\nclaims:\n  - id: a\n    text: A.\n"
            f"    quote: alpha\n    evidence: [e]\nevidence:\n  - id: e\n    url: {url}/evidence\n"
            f"    archived_url: {url}/archive\n    citation: C\n"
        )
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        review = tmp_path / "r.yaml"
        review.write_text(
            f"argmap-review: 1\nmap: map.yaml\nmap_sha256: '{digest}'\nreviewer: R\ndate: '2026-01-01'\n"
            f"entries:\n  - target: a\n    verdict: challenge\n    requested_source: {url}/requested\n"
        )
        commands = [
            ["validate"], ["audit", "--fail-on", "never"], ["evaluate"], ["anchor"], ["coverage"], ["sources"],
            ["export", "--to", "json"], ["render", "-o", str(tmp_path / "m.svg")],
            ["coverage", "--format", "html", "-o", str(tmp_path / "c.html")],
        ]
        for command in commands:
            result = CliRunner().invoke(cli, [command[0], str(path), *command[1:]])
            assert result.exit_code in (0, 1), (command, result.output)
        result = CliRunner().invoke(cli, ["review", "report", str(path), str(review), "-o", str(tmp_path / "r.html")])
        assert result.exit_code == 0, result.output
        assert _Recorder.requests == [], f"argmap fetched {_Recorder.requests}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("ref", ['"a\\0b"', "loop.yaml"], ids=["nul-byte", "symlink-loop"])
@pytest.mark.parametrize("command", ["check", "report"])
def test_odd_reviewed_map_paths_are_located_errors(tmp_path, ref, command):
    (tmp_path / "map.yaml").write_text(ONE_CLAIM)
    os.symlink(tmp_path / "loop.yaml", tmp_path / "loop.yaml")
    review = tmp_path / "r.yaml"
    review.write_text(f"argmap-review: 1\nmap: {ref}\nmap_sha256: '{'0' * 64}'\nreviewer: R\ndate: '2026-01-01'\nentries: []\n")
    args = ["review", "check", str(review)] if command == "check" else ["review", "report", str(tmp_path / "map.yaml"), str(review)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"argmap: error: {review}:2:6: the reviewed map path cannot be used"), result.stderr
