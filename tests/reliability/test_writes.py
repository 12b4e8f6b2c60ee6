"""Promise: writes. No file outside the output is touched; nothing the user had is lost.

* a ``MAP.bak`` planted as a symlink (git stores symlinks) is never written through;
* a backup is never overwritten: each ``--fix`` adds one, holding the bytes it read;
* concurrent ``--fix`` runs: the loser writes nothing (no backup of a half-fixed map);
* temp files left by a killed run are removed by the next write of the same file;
* devices and FIFOs given as ``-o`` are written in place, not replaced by a regular file;
* an output that is one of the command's inputs is refused unless ``--force``;
* a review whose ``map:`` is a FIFO does not hang ``review check``.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.util.fs import atomic_write, backup

from tests.maps import ONE_CLAIM

from .test_atomic_writes import MAP, SOURCE, project  # noqa: F401 - project is a fixture

ARGMAP = [sys.executable, "-m", "argmap"]


def _fix(project: Path):
    return CliRunner().invoke(cli, ["anchor", str(project / "map.yaml"), "--fix"])


def test_planted_backup_symlink_is_not_written_through(project):
    victim = project / "home" / ".bashrc"
    victim.parent.mkdir()
    victim.write_text("echo safe\n")
    (project / "map.yaml.bak").symlink_to("home/.bashrc")
    result = _fix(project)
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "echo safe\n"
    assert os.readlink(project / "map.yaml.bak") == "home/.bashrc"
    assert (project / "map.yaml.bak.1").read_text() == MAP
    assert "backup in" in result.stderr and "map.yaml.bak.1" in result.stderr


def test_planted_temp_file_symlink_is_not_written_through(tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("keep")
    target = tmp_path / "out.txt"
    for n in range(50):  # whatever name the temp file gets, a link there is never followed
        (tmp_path / f".out.txt.{os.getpid()}-{n:08x}.tmp").symlink_to(victim)
    atomic_write(target, "new")
    assert victim.read_text() == "keep" and target.read_text() == "new"


def test_repeated_fix_keeps_the_true_original(project):
    assert _fix(project).exit_code == 0
    first_fixed = (project / "map.yaml").read_text()
    (project / "source.txt").write_text("Intro. " + SOURCE)  # the quotes move: a second fix rewrites again
    assert _fix(project).exit_code == 0
    assert (project / "map.yaml.bak").read_text() == MAP  # never overwritten
    assert (project / "map.yaml.bak.1").read_text() == first_fixed
    assert (project / "map.yaml").read_text() != first_fixed


def test_backups_are_numbered_and_never_overwritten(tmp_path):
    target = tmp_path / "m.yaml"
    for n in range(3):
        target.write_text(f"version {n}")
        backup(target)
    assert [(tmp_path / name).read_text() for name in ("m.yaml.bak", "m.yaml.bak.1", "m.yaml.bak.2")] == [
        "version 0", "version 1", "version 2"]


def test_concurrent_fix_runs_never_back_up_a_fixed_map(project):
    """Eight processes fix the same map at once: the map is fixed once, and the one
    backup holds the original (a run that lost the race writes nothing)."""
    script = "import sys; from argmap.cli import run; sys.argv=['argmap','anchor',sys.argv[1],'--fix']; run()"
    procs = [subprocess.Popen([sys.executable, "-c", script, str(project / "map.yaml")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(8)]
    errors = [p.communicate(timeout=120)[1].decode() for p in procs]
    backups = sorted(project.glob("map.yaml.bak*"))
    assert backups, errors
    assert all(b.read_text() == MAP for b in backups), errors
    assert len(backups) == 1, errors  # one run fixed it; the others found it changed, or nothing to fix
    assert "anchor:" in (project / "map.yaml").read_text()


def test_stale_temp_files_of_a_killed_run_are_removed(tmp_path):
    target = tmp_path / "out.txt"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".out.txt.{dead.stdout.strip()}-0badc0de.tmp"
    stale.write_text("half a file")
    live = tmp_path / f".out.txt.{os.getpid()}-12345678.tmp"  # a write still running: kept
    live.write_text("in progress")
    other = tmp_path / ".other.txt.1-0badc0de.tmp"  # another file's: kept
    other.write_text("x")
    atomic_write(target, "new")
    assert not stale.exists() and live.exists() and other.exists()


def test_sigkill_then_rerun_leaves_no_temp_file(tmp_path):
    """A write killed half-way leaves a temp file; the next write of the same file removes it."""
    out = tmp_path / "big.out"
    writer = "import sys; from argmap.util.fs import atomic_write; atomic_write(sys.argv[1], b'x' * 400_000_000)"
    proc = subprocess.Popen([sys.executable, "-c", writer, str(out)])
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".big.out.*.tmp")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    proc.kill()
    proc.wait()
    assert list(tmp_path.glob(".big.out.*.tmp")), "the write never started"
    atomic_write(out, "done")
    assert list(tmp_path.glob(".big.out.*.tmp")) == [] and out.read_text() == "done"


@pytest.fixture
def null_device(tmp_path) -> Path:
    """A private null device (never the system's /dev/null: a failing run would replace it)."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        os.close(os.open(device, os.O_WRONLY))
    except (PermissionError, AttributeError) as exc:  # not root, or a nodev file system
        pytest.skip(f"cannot make a device node: {exc}")
    return device


def test_output_to_a_device_stays_a_device(project, null_device):
    before = os.stat(null_device)
    result = CliRunner().invoke(cli, ["render", str(project / "map.yaml"), "--format", "dot", "-o", str(null_device)])
    assert result.exit_code == 0, result.output
    after = os.stat(null_device)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_output_to_a_fifo_reaches_its_reader(project):
    fifo = project / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = subprocess.run([*ARGMAP, "export", str(project / "map.yaml"), "-o", str(fifo)], timeout=60)
    reader.join(10)
    assert result.returncode == 0
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert got and got[0].startswith(b"{") and b'"claims"' in got[0]


WRITERS = {  # the format named, so that a .yaml or .txt output name is taken as meant
    "render": ["render", "{map}", "--format", "dot", "-o", "{out}"],
    "export": ["export", "{map}", "--to", "json", "-o", "{out}"],
    "import": ["import", "{map}", "-o", "{out}"],
    "coverage": ["coverage", "{map}", "--format", "text", "-o", "{out}"],
    "sources": ["sources", "{map}", "--format", "text", "-o", "{out}"],
    "diff": ["diff", "{map}", "{other}", "--format", "text", "-o", "{out}"],
    "review-report": ["review", "report", "{map}", "{review}", "--format", "markdown", "-o", "{out}"],
    "audit": ["audit", "{map}", "--format", "text", "-o", "{out}"],
    "view": ["view", "{map}", "-o", "{out}"],
}


@pytest.mark.parametrize("name", sorted(WRITERS))
@pytest.mark.parametrize("which", ["map", "source", "other", "review", "hardlink", "symlink"])
def test_output_equal_to_an_input_is_refused_unless_forced(project, name, which):
    (project / "other.yaml").write_text(MAP)
    runner = CliRunner()
    init = runner.invoke(cli, ["review", "init", str(project / "map.yaml"), "--reviewer", "R"])
    assert init.exit_code == 0, init.output
    review = project / "map.review.yaml"
    os.link(project / "map.yaml", project / "hard.yaml")
    (project / "link.yaml").symlink_to("map.yaml")
    victim = {"map": project / "map.yaml", "source": project / "source.txt", "other": project / "other.yaml",
              "review": review, "hardlink": project / "hard.yaml", "symlink": project / "link.yaml"}[which]
    args = [a.format(map=project / "map.yaml", other=project / "other.yaml", review=review, out=victim)
            for a in WRITERS[name]]
    reads = {"map", "hardlink", "symlink"}
    if name not in ("import", "sources"):  # these read no source text
        reads.add("source")
    if name == "diff":
        reads.add("other")
    if name == "review-report":
        reads.add("review")
    before = victim.read_bytes()
    result = runner.invoke(cli, args)
    if name == "view" and victim.suffix == ".yaml":  # only HTML: the name alone is refused, nothing written
        assert result.exit_code == 2 and "not a .yaml file" in result.output, result.output
        assert victim.read_bytes() == before
        return
    if which in reads:
        assert result.exit_code == 2, result.output
        assert "is an input of this command" in result.stderr and "--force" in result.stderr
        assert victim.read_bytes() == before
        forced = runner.invoke(cli, [*args, "--force"])
        assert forced.exit_code in (0, 1), forced.output
        assert victim.read_bytes() != before
    else:
        assert result.exit_code in (0, 1), result.output
        assert "is an input" not in result.stderr


def test_review_check_does_not_hang_on_a_fifo_map(project):
    init = CliRunner().invoke(cli, ["review", "init", str(project / "map.yaml"), "--reviewer", "R"])
    assert init.exit_code == 0
    review = project / "map.review.yaml"
    (project / "map.yaml").unlink()
    os.mkfifo(project / "map.yaml")
    result = subprocess.run([*ARGMAP, "review", "check", str(review)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "map.yaml:1:1: is not a regular file" in result.stderr


def test_a_fifo_named_on_the_command_line_is_read(tmp_path):
    """Process substitution (``argmap validate <(cat m.yaml)``) passes a pipe: that still works."""
    (tmp_path / "m.yaml").write_text(ONE_CLAIM)
    result = subprocess.run(["bash", "-c", f"{sys.executable} -m argmap validate <(cat {tmp_path / 'm.yaml'})"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
