"""Nothing lost: every write is atomic; a failure or a kill mid-write leaves the old file.

* injected failures (the rename, the fsync) leave the previous file intact and no temp file;
* every command that writes a file (``-o``, ``anchor --fix``, ``review init``) goes through
  :func:`argmap.util.fs.atomic_write` — proven by making the rename fail under each one;
* ``kill -9`` of a process in the middle of writing a large output leaves either the old
  content or the complete new content, never a part;
* ``anchor --fix`` keeps ``MAP.bak`` (unless ``--no-backup``).
"""

from __future__ import annotations

import errno
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.diagnostics import ArgmapError
from argmap.util.fs import atomic_write, backup

OLD = b"the previous content\n"


def _no_temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def _fail(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("where", ["os.replace", "os.fsync"])
def test_injected_failure_keeps_the_old_file(tmp_path, monkeypatch, where):
    target = tmp_path / "out.txt"
    target.write_bytes(OLD)
    monkeypatch.setattr(where, _fail)
    with pytest.raises(ArgmapError) as info:
        atomic_write(target, "new content " * 1000)
    monkeypatch.undo()
    assert str(info.value) == f"{target}:1:1: cannot write: No space left on device"
    assert target.read_bytes() == OLD
    assert _no_temp_files(tmp_path) == []


def test_interrupted_write_keeps_the_old_file(tmp_path, monkeypatch):
    """Ctrl-C (KeyboardInterrupt) during the write: old file kept, temp removed, interrupt re-raised."""
    target = tmp_path / "out.txt"
    target.write_bytes(OLD)

    def interrupt(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr("os.fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == OLD and _no_temp_files(tmp_path) == []


def test_mode_kept_and_symlink_written_through(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(OLD)
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert real.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("make", ["missing-folder", "folder-as-target", "read-only-folder"])
def test_unwritable_targets_are_located_errors(tmp_path, make):
    if make == "missing-folder":
        target = tmp_path / "no" / "out.txt"
    elif make == "folder-as-target":
        target = tmp_path / "dir"
        target.mkdir()
    else:
        if os.geteuid() == 0:
            pytest.skip("root can write into a read-only folder")
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        target = folder / "out.txt"
    with pytest.raises(ArgmapError) as info:
        atomic_write(target, b"x")
    assert str(info.value).startswith(f"{target}:1:1: cannot write")


def test_backup_copies_exactly(tmp_path):
    target = tmp_path / "map.yaml"
    target.write_bytes(OLD)
    bak = backup(target)
    assert bak == tmp_path / "map.yaml.bak" and bak.read_bytes() == OLD


# ------------------------------------------------------------ every command

SOURCE = "Alpha beta gamma. Delta epsilon.\n"
MAP = """\
argmap: 1
# a comment that must survive
source:
  text: source.txt
thesis: a
claims:
  - id: a
    text: A.
    quote: Alpha beta
  - id: b
    text: B.
    quote: Delta epsilon
inferences:
  - id: i
    premises: [b]
    conclusion: a
"""


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "source.txt").write_text(SOURCE)
    (tmp_path / "map.yaml").write_text(MAP)
    (tmp_path / "in.argdown").write_text("[A]: A holds.\n  + [B]: B holds.\n")
    return tmp_path


WRITING_COMMANDS = {
    "export": ["export", "{map}", "--to", "json", "-o", "{out}"],
    "schema": ["schema", "-o", "{out}"],
    "render": ["render", "{map}", "--format", "dot", "-o", "{out}"],
    "coverage": ["coverage", "{map}", "--format", "html", "-o", "{out}"],
    "sources": ["sources", "{map}", "-o", "{out}"],
    "diff": ["diff", "{map}", "{map}", "-o", "{out}"],
    "import": ["import", "{argdown}", "-o", "{out}"],
    "review-init": ["review", "init", "{map}", "--reviewer", "R", "-o", "{fresh}"],
    "anchor-fix": ["anchor", "{map}", "--fix", "--no-backup"],
}


@pytest.mark.parametrize("name", sorted(WRITING_COMMANDS))
def test_every_writing_command_is_atomic(project, monkeypatch, name):
    """Make the final rename fail: a command that writes through atomic_write reports a
    located error and leaves its target as it was; one that writes directly would not."""
    out = project / "out.txt"
    out.write_bytes(OLD)
    fresh = project / "fresh.review.yaml"
    target = {"review-init": fresh, "anchor-fix": project / "map.yaml"}.get(name, out)
    before = target.read_bytes() if target.exists() else None
    args = [a.format(map=project / "map.yaml", out=out, fresh=fresh, argdown=project / "in.argdown")
            for a in WRITING_COMMANDS[name]]
    monkeypatch.setattr("os.replace", _fail)
    result = CliRunner().invoke(cli, args)
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    assert "cannot write: No space left on device" in result.stderr, result.output
    assert (target.read_bytes() if target.exists() else None) == before
    assert _no_temp_files(project) == []
    ok = CliRunner().invoke(cli, args)  # and without the failure it writes
    assert ok.exit_code == 0, ok.output
    assert target.exists() and target.read_bytes() != before


def test_anchor_fix_keeps_a_backup(project):
    map_path = project / "map.yaml"
    result = CliRunner().invoke(cli, ["anchor", str(map_path), "--fix"])
    assert result.exit_code == 0, result.output
    bak = project / "map.yaml.bak"
    assert bak.read_text() == MAP
    new = map_path.read_text()
    assert new != MAP and "# a comment that must survive" in new and "anchor:" in new


# ------------------------------------------------------------- kill -9

WRITER = """
import sys
from argmap.util.fs import atomic_write
size = int(sys.argv[2])
atomic_write(sys.argv[1], bytes([65 + int(sys.argv[3]) % 26]) * size)
"""


def test_kill_9_mid_write_leaves_old_or_complete_new(tmp_path):
    """SIGKILL a process writing 40 MB at random moments: the target is never partial."""
    target = tmp_path / "big.out"
    size = 40 * 1024 * 1024
    target.write_bytes(OLD)
    versions = {hashlib.sha256(OLD).hexdigest()}
    start = time.perf_counter()  # one full run, to spread the kills over its whole length
    subprocess.run([sys.executable, "-c", WRITER, str(tmp_path / "timing.out"), str(size), "0"], check=True)
    whole = time.perf_counter() - start
    rng = random.Random(9)
    outcomes = {"old": 0, "new": 0}
    for attempt in range(1, 9):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(size), str(attempt)])
        time.sleep(rng.uniform(0.3, 1.1) * whole)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = target.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest in versions:
            outcomes["old"] += 1
        else:
            assert len(data) == size and data == data[:1] * size, f"partial file after kill ({len(data)} bytes)"
            outcomes["new"] += 1
            versions.add(digest)
    leftovers = list(tmp_path.glob(".big.out.*.tmp"))  # a writer killed mid-write cannot clean up
    print(f"kill -9 outcomes: {outcomes}, killed mid-write {len(leftovers)} times")
    assert sum(outcomes.values()) == 8


def test_kill_9_of_the_cli_writing_an_export(tmp_path):
    claims = "".join(f"  - id: c{i}\n    text: Claim {i} {'x' * 200}\n" for i in range(20000))
    src = tmp_path / "big.yaml"
    src.write_text("argmap: 1\nclaims:\n" + claims)
    out = tmp_path / "out.json"
    out.write_bytes(OLD)
    complete = CliRunner().invoke(cli, ["export", str(src), "-o", str(tmp_path / "full.json")])
    assert complete.exit_code == 0
    full = (tmp_path / "full.json").read_bytes()
    rng = random.Random(3)
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-m", "argmap", "export", str(src), "-o", str(out)])
        time.sleep(rng.uniform(0.3, 2.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert out.read_bytes() in (OLD, full)
