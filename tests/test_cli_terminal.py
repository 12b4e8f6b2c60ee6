"""What a person at a terminal gets: colour that follows --color and NO_COLOR, text that fits
the width, and shell completion of commands and element ids (issue #19, done-when 6).

Colour is checked on a real pseudo-terminal: ``auto`` means "on a terminal", which a pipe
is not."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys

import pytest

from tests.conftest import CLAIMS

MAP = CLAIMS / "serbia-azerbaijan.yaml"
ESC = "\x1b["


def _on_a_terminal(*args: str, env: dict | None = None) -> str:
    """Standard output of ``argmap ARGS`` written to a pseudo-terminal."""
    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")} | (env or {})
    proc = subprocess.Popen([sys.executable, "-m", "argmap", *args], stdout=follower, stderr=subprocess.DEVNULL,
                            env=environment)
    os.close(follower)
    out = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(leader)
    return out.decode("utf-8", "replace")


def _piped(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")} | (env or {})
    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True, env=environment,
                          timeout=120)


def test_audit_is_coloured_on_a_terminal_by_default():
    assert ESC in _on_a_terminal("audit", str(MAP))


@pytest.mark.parametrize(("args", "env"), [
    (["audit", str(MAP)], {"NO_COLOR": "1"}),
    (["--color", "never", "audit", str(MAP)], None),
    (["--no-color", "audit", str(MAP)], None),
    (["audit", "--color", "never", str(MAP)], None),
    (["audit", "--no-color", str(MAP)], None),
])
def test_colour_turned_off_on_a_terminal(args, env):
    out = _on_a_terminal(*args, env=env)
    assert "ARG105" in out and ESC not in out


def test_an_empty_no_color_changes_nothing():
    assert ESC in _on_a_terminal("audit", str(MAP), env={"NO_COLOR": ""})


def test_color_always_reaches_a_pipe_and_never_a_file(tmp_path):
    assert ESC in _piped("--color", "always", "audit", str(MAP)).stdout
    assert ESC in _piped("audit", "--color", "always", str(MAP), env={"NO_COLOR": "1"}).stdout  # asked for
    assert ESC not in _piped("audit", str(MAP)).stdout
    out = tmp_path / "report.txt"
    _piped("audit", "--color", "always", str(MAP), "-o", str(out))
    assert "ARG105" in out.read_text(encoding="utf-8") and ESC not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "columns"), [
    (["rules"], 70),
    (["explain", str(MAP), "partnership-is-about-russia"], 80),
    (["evaluate", str(MAP)], 130),
])
def test_text_for_people_fits_the_width(args, columns):
    out = _piped(*args, env={"COLUMNS": str(columns)}).stdout
    lines = out.splitlines()
    assert len(lines) > 10
    too_long = [line for line in lines if len(line) > columns and " " in line.strip()]
    assert not too_long, too_long[:3]


def test_without_a_terminal_nothing_is_folded():
    wide = _piped("explain", str(MAP), "partnership-is-about-russia").stdout
    assert max(len(line) for line in wide.splitlines()) > 120  # one line per tree node, as before
    assert len(_piped("rules").stdout.splitlines()) == len(_piped("rules", env={"COLUMNS": "500"}).stdout.splitlines())


def test_audit_records_are_never_folded():
    out = _piped("audit", str(MAP), env={"COLUMNS": "40"}).stdout
    assert all(line.startswith(str(MAP)) for line in out.splitlines()[:-1])


def _complete(words: str, cword: int, shell: str = "bash") -> list[str]:
    env = {"_ARGMAP_COMPLETE": f"{shell}_complete", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    done = _piped(env=env)
    assert done.returncode == 0, done.stderr
    return [line for line in done.stdout.splitlines() if line]


def test_completion_of_commands():
    assert _complete("argmap ex", 1) == ["plain,explain", "plain,export"]


def test_completion_of_ids_for_explain_and_focus():
    assert _complete(f"argmap explain {MAP} serbia-r", 3) == [
        "plain,serbia-russia-relationship-evolved", "plain,serbia-reads-green-light"]
    focus = _complete(f"argmap render {MAP} --focus green-l", 4)
    assert focus == ["plain,green-light", "plain,green-light-supports-thesis"]
    assert "plain,developing-rapidly-quote" in _complete(f"argmap render {MAP} --focus dev", 4)  # evidence too
    assert "plain,developing-rapidly-quote" not in _complete(f"argmap explain {MAP} dev", 3)


def test_completion_from_a_broken_or_missing_map_is_empty(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("argmap: 1\nclaims: [\n", encoding="utf-8")
    assert _complete(f"argmap explain {broken} a", 3) == []
    assert _complete(f"argmap explain {tmp_path / 'none.yaml'} a", 3) == []


def test_completion_scripts_exist_for_three_shells():
    for shell in ("bash", "zsh", "fish"):
        script = _piped(env={"_ARGMAP_COMPLETE": f"{shell}_source"}).stdout
        assert "_ARGMAP_COMPLETE" in script, shell
