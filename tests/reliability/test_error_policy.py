"""One error policy: exit 1 and one located line for bad input, 2 for usage, 3 for bugs.

No traceback unless ``--debug``; Ctrl-C and a closed pipe end quietly.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from argmap import cli as cli_module
from tests.maps import ONE_CLAIM

ROOT = Path(__file__).resolve().parents[2]


@click.command()
@click.argument("what")
def boom(what: str) -> None:
    """A command with a bug on purpose (registered only inside these tests)."""
    if what == "interrupt":
        raise KeyboardInterrupt
    raise ValueError(f"bug\x1b[31m with {what}\nsecond line")


@pytest.fixture
def with_boom(monkeypatch):
    monkeypatch.setitem(cli_module.COMMANDS, "boom", f"{__name__}:boom")


def invoke(*args: str):
    return CliRunner().invoke(cli_module.cli, list(args))


def test_internal_error_exits_3_with_bug_report_line(with_boom):
    result = invoke("boom", "x")
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert lines[0] == "argmap: internal error: ValueError: bug with x\\nsecond line"
    assert "Please report it with the output of the same command run with --debug" in lines[1]
    assert "Traceback" not in result.output and "\x1b" not in result.output


def test_debug_shows_the_traceback(with_boom):
    result = invoke("--debug", "boom", "x")
    assert isinstance(result.exception, ValueError)  # re-raised: Python prints the traceback


def test_interrupt_exits_130_quietly(with_boom):
    result = invoke("boom", "interrupt")
    assert result.exit_code == 130
    assert result.stderr.strip() == "argmap: interrupted"


@pytest.mark.parametrize(
    "args",
    [["no-such-command"], ["validate"], ["validate", "--no-such-option", "x.yaml"], ["export", "x.yaml", "--to", "nope"]],
    ids=["unknown-command", "missing-argument", "unknown-option", "bad-choice"],
)
def test_usage_errors_exit_2(args):
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_invalid_input_exits_1_with_one_located_line(write_map):
    path = write_map("argmap: 1\nclaims:\n  - id: a\n    text: A\n    \"bad\\nargmap: error: forged\\u001b]0;title\\u0007\": 1\n")
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"argmap: error: {path}:5:5: claim 'a': unknown key 'bad\\nargmap: error: forged")
    assert "\x1b" not in result.stderr


def _subprocess(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args], capture_output=True, text=True, timeout=60, cwd=ROOT
    )


def test_real_process_internal_error_has_no_traceback():
    code = f"""
        import sys
        from argmap import cli
        cli.COMMANDS["boom"] = "tests.reliability.test_error_policy:boom"
        cli.main(sys.argv[1:])
    """
    result = _subprocess(code, "boom", "y")
    assert result.returncode == 3
    assert result.stderr.startswith("argmap: internal error: ValueError: bug with y")
    assert "Traceback" not in result.stderr
    debug = _subprocess(code, "--debug", "boom", "y")
    assert debug.returncode == 1 and "Traceback" in debug.stderr and "ValueError" in debug.stderr


def test_real_process_usage_and_input_errors(run_process, tmp_path):
    assert run_process("frobnicate").returncode == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\nclaims: [\n")
    result = run_process("validate", bad)
    assert result.returncode == 1
    assert result.stderr.startswith(f"argmap: error: {bad}:")
    assert "Traceback" not in result.stderr


def test_closed_pipe_ends_quietly(tmp_path):
    """``argmap export map.yaml | head``: the reader is gone; no traceback, no 'Exception ignored'."""
    path = tmp_path / "map.yaml"
    path.write_text(ONE_CLAIM)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has already gone: every write fails with EPIPE
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "argmap", "export", str(path)], stdout=write_end, stderr=subprocess.PIPE, timeout=60
        )
    finally:
        os.close(write_end)
    assert proc.returncode == 1
    assert proc.stderr.decode() == ""


def test_the_program_writes_all_its_output_before_its_quick_exit(run_process, tmp_path):
    """``argmap`` ends with os._exit once its output is flushed: nothing may be cut off."""
    from tests.benchmarks.generate import generate, to_argdown

    path = tmp_path / "big.argdown"
    path.write_text(to_argdown(generate(1500, 3000, seed=5)), encoding="utf-8")
    result = run_process("audit", "--fail-on", "never", "--format", "json", path)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout) > 128 * 1024  # well over a pipe's buffer (64 KiB)
    report = __import__("json").loads(result.stdout)
    assert report["summary"]["findings"] == len(report["findings"]) > 400
    failing = run_process("audit", "--fail-on", "warning", path)  # the exit code survives the quick exit
    assert failing.returncode == 1 and failing.stdout.rstrip().endswith("in 1 file")


def test_output_that_cannot_be_written_is_an_error_not_silence():
    """A full disk at the last flush: exit 1 and say so (a silent exit 0 would hide a cut-off report)."""
    code = """
        import io, sys
        class Full(io.StringIO):
            def flush(self):
                raise OSError(28, "No space left on device")
        sys.stdout = Full()
        sys.argv = ["argmap", "--version"]
        from argmap.cli import run
        run()
    """
    result = _subprocess(code)
    assert result.returncode == 1
    assert result.stderr == "argmap: error: cannot write the output: [Errno 28] No space left on device\n"


def test_a_full_disk_while_a_command_writes_is_an_error_not_a_bug(monkeypatch, tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text(ONE_CLAIM)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(click, "echo", lambda *a, **k: full() if not k.get("err") else print(a[0], file=sys.stderr))
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    assert "cannot write the output: [Errno 28] No space left on device" in result.stderr
    assert "internal error" not in result.stderr


def test_started_with_standard_output_closed_ends_quietly():
    """``argmap --version >&-``: Python has no sys.stdout; no traceback at the quick exit."""
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "--version"], stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1), timeout=60
    )
    assert proc.returncode == 0
    assert proc.stderr.decode() == ""


def test_main_gives_the_garbage_collector_back():
    """argmap turns the cyclic collector off while it runs; an in-process caller gets it back."""
    import gc

    from argmap.cli import main

    assert gc.isenabled()
    with pytest.raises(SystemExit):
        main(["--version"])
    assert gc.isenabled()
    with pytest.raises(SystemExit):
        main(["validate", "no-such-file.yaml"])
    assert gc.isenabled()
    gc.disable()  # a caller that had it off keeps it off
    try:
        with pytest.raises(SystemExit):
            main(["--version"])
        assert not gc.isenabled()
    finally:
        gc.enable()
