"""`argmap serve` without a browser (loopback only, own Host only) and `argmap render --watch`."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

def start_argmap(args: list, cwd: Path) -> tuple[subprocess.Popen, str]:
    """Run ``argmap ARGS`` (serve) and wait for the line that says where it serves: it comes once
    the files are watched, so an edit made from then on is seen."""
    proc = subprocess.Popen([sys.executable, "-m", "argmap", *map(str, args)], cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    line = ""
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        found = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        if found:
            return proc, found.group(1)
        if proc.poll() is not None:
            break
    proc.kill()
    pytest.fail(f"argmap serve did not start: {line!r} {proc.stderr.read() if proc.poll() is not None else ''}")


def stop_argmap(proc: subprocess.Popen) -> int:
    """Ctrl-C, as a person would; the exit code (or -999 when it did not stop within 10 s)."""
    proc.send_signal(signal.SIGINT)
    try:
        return proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return -999



def test_serve_answers_only_its_own_host_and_binds_loopback(tmp_path):
    import http.client

    shutil.copy(ROOT / "claims" / "serbia-azerbaijan.yaml", tmp_path / "m.yaml")
    shutil.copy(ROOT / "claims" / "serbia-azerbaijan.txt", tmp_path / "serbia-azerbaijan.txt")
    proc, url = start_argmap(["serve", "m.yaml", "--port", "0"], tmp_path)
    try:
        port = int(url.rsplit(":", 1)[1].strip("/"))
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/", headers={"Host": f"attacker.example:{port}"})
        assert conn.getresponse().status == 403
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/")
        answer = conn.getresponse()
        body = answer.read().decode("utf-8")
        assert answer.status == 200 and "connect-src 'self'" in body
        if os.path.exists("/proc/net/tcp"):
            listening = [line.split()[1] for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
                         if line.split()[3] == "0A"]
            assert f"0100007F:{port:04X}" in listening and f"00000000:{port:04X}" not in listening
    finally:
        assert stop_argmap(proc) in (0, 130)


def test_render_watch_rewrites_the_output_on_every_change(tmp_path):
    map_path = tmp_path / "m.yaml"
    map_path.write_text("argmap: 1\nclaims:\n  - id: a\n    text: First text.\n", encoding="utf-8")
    out = tmp_path / "m.svg"
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "render", "m.yaml", "-o", "m.svg", "--watch"],
                            cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        deadline = time.monotonic() + 30
        line = ""
        while "argmap: watching" not in line:  # said once the watch runs: no waiting beyond it
            line = proc.stderr.readline()
            assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read() if proc.poll() is not None else ""
        assert "First text." in out.read_text(encoding="utf-8")
        map_path.write_text("argmap: 1\nclaims:\n  - id: a\n    text: Second text.\n", encoding="utf-8")
        deadline = time.monotonic() + 5
        while "Second text." not in out.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "the output was not re-written"
            time.sleep(0.05)
        good = out.read_text(encoding="utf-8")
        map_path.write_text("argmap: 1\nclaims: [\n", encoding="utf-8")
        time.sleep(1.0)
        assert out.read_text(encoding="utf-8") == good, "a broken edit leaves the last good output"
    finally:
        code = stop_argmap(proc)
    err = proc.stderr.read()
    assert code in (0, 130)
    assert re.search(r"m\.yaml:\d+:\d+: ", err), err
    assert "Traceback" not in err


def test_serve_sees_an_edit_made_the_moment_it_says_where_it_serves(tmp_path):
    """It says where it serves only once it watches the files, and an edit made while it built
    the first page is not lost (both were: an edit right after that line was never shown)."""
    import json
    import urllib.request

    shutil.copy(ROOT / "claims" / "serbia-azerbaijan.yaml", tmp_path / "m.yaml")
    shutil.copy(ROOT / "claims" / "serbia-azerbaijan.txt", tmp_path / "serbia-azerbaijan.txt")
    original = (tmp_path / "m.yaml").read_text(encoding="utf-8")
    edited = original.replace("Russia tacitly approved Azerbaijan's", "Russia EDITED-AT-ONCE approved Azerbaijan's", 1)
    assert edited != original
    proc, url = start_argmap(["serve", "m.yaml", "--port", "0"], tmp_path)
    try:
        (tmp_path / "m.yaml").write_text(edited, encoding="utf-8")
        start, seen = time.monotonic(), -1
        while time.monotonic() - start < 2.0:
            with urllib.request.urlopen(f"{url}state?after={seen}&page=-1", timeout=2) as answer:
                state = json.loads(answer.read().decode("utf-8"))
            if "EDITED-AT-ONCE" in json.dumps(state["parts"]["data"]):
                break
            seen = state["version"]
        else:
            pytest.fail("the edit made as serve said where it serves was not shown within 2 s")
    finally:
        assert stop_argmap(proc) in (0, 130)


def test_follow_reports_a_change_made_before_the_watch_ran(tmp_path):
    """``since``: stamps taken before the caller read the files; a change after them is reported
    as soon as the watch runs, before ``ready``; later changes are reported as they come."""
    import threading

    from argmap.live.watch import follow, stamps

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("one", encoding="utf-8")
    b.write_text("one", encoding="utf-8")
    since = stamps({a.resolve(), b.resolve()})
    a.write_text("two, longer", encoding="utf-8")  # while the caller was busy: no watch yet
    events: list = []
    is_ready = threading.Event()
    stop = threading.Event()

    def ready() -> None:
        events.append("ready")
        is_ready.set()

    thread = threading.Thread(target=follow, args=(lambda: {a, b}, events.append, stop),
                              kwargs={"since": since, "ready": ready}, daemon=True)
    thread.start()
    try:
        assert is_ready.wait(10), "the watch never said it runs"
        assert events == [{a.resolve()}, "ready"]
        b.write_text("two, longer", encoding="utf-8")
        deadline = time.monotonic() + 5
        while len(events) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert events[2:] == [{b.resolve()}]
    finally:
        stop.set()
        thread.join(5)
    assert not thread.is_alive()


def test_serve_follows_the_configuration_and_the_source_text(tmp_path):
    import json
    import urllib.request

    (tmp_path / "s.txt").write_text("Alpha is true. Beta is false.\n", encoding="utf-8")
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\nthesis: a\nsource:\n  text: s.txt\nclaims:\n  - id: a\n    text: A.\n    kind: interpretation\n"
        "    quote: Alpha is true\n", encoding="utf-8")
    proc, url = start_argmap(["serve", "m.yaml", "--port", "0"], tmp_path)

    def state(after: int, page: int) -> dict:
        with urllib.request.urlopen(f"{url}state?after={after}&page={page}", timeout=30) as answer:
            return json.loads(answer.read().decode("utf-8"))

    try:
        first = state(-1, -1)
        assert first["parts"]["data"]["findings"], "the interpretation has no support: a finding"
        (tmp_path / "argmap.toml").write_text('ignore = ["ALL"]\n', encoding="utf-8")
        second = state(first["version"], first["page"])
        assert second["parts"]["data"]["findings"] == [], "a new configuration file is read"
        (tmp_path / "s.txt").write_text("Gamma. Alpha is true. Beta is false.\n", encoding="utf-8")
        third = state(second["version"], second["page"])
        assert "Gamma." in third["parts"]["source"], "the source text is followed too"
    finally:
        assert stop_argmap(proc) in (0, 130)
