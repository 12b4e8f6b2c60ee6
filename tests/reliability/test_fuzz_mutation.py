"""Mutation fuzzing of real files: the bundled map, the Argdown and AIF corpora.

Each seed file is damaged in the ways real files get damaged — flipped bytes,
truncation, deleted, duplicated and swapped lines, inserted syntax — and read
back. Every input must load or fail with :class:`ArgmapError` within 5 s; a
sample also goes through the CLI in-process (exit 0 or 1, never 3). The random
generator is seeded, so every run tries the same inputs. The tests run in the
measured child process of ``test_fuzz_formats.test_fuzz_run``.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.loading import load

from ._fuzzing import Harness, in_child, watchdog
from ._fuzzing import count as count_input

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "claims" / "serbia-azerbaijan.yaml"

TOKENS = [b"[", b"]", b"{", b"}", b"&a ", b"*a", b"<<: *a", b"!!python/object ", b"\t", b"\x00", b"- ", b": ",
          b"\"", b"'", b"#", b"---\n", b"\xff\xfe", b"\xc3", b"\\", b"+>", b"<-", b"_>", b"><", b"[[", b"]]", b"<", b">",
          b"{\"nodeID\": ", b"null", b"-1", b"1e999", b"\xe2\x80\x99", b"\r", b"\n\n", b"    "]


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One random damage to ``data``: (description, damaged bytes)."""
    lines = data.splitlines(keepends=True) or [b""]
    kind = rng.randrange(9)
    if kind == 0 and data:
        i = rng.randrange(len(data))
        return f"flip byte {i}", data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1 :]
    if kind == 1:
        i = rng.randrange(len(data) + 1)
        return f"truncate at {i}", data[:i]
    if kind == 2:
        i = rng.randrange(len(lines))
        return f"delete line {i + 1}", b"".join(lines[:i] + lines[i + 1 :])
    if kind == 3:
        i = rng.randrange(len(lines))
        return f"duplicate line {i + 1}", b"".join(lines[: i + 1] + lines[i:])
    if kind == 4:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return f"swap lines {i + 1} and {j + 1}", b"".join(lines)
    if kind == 5:
        i = rng.randrange(len(data) + 1)
        token = rng.choice(TOKENS)
        return f"insert {token!r} at {i}", data[:i] + token + data[i:]
    if kind == 6 and data:
        i = rng.randrange(len(data))
        n = rng.randrange(1, 40)
        return f"delete {n} bytes at {i}", data[:i] + data[i + n :]
    if kind == 7:
        i = rng.randrange(len(lines))
        j = rng.randrange(len(lines))
        return f"line {j + 1} copied over line {i + 1}", b"".join(lines[:i] + [lines[j]] + lines[i + 1 :])
    n = rng.randrange(1, 4)
    out = data
    for _ in range(n):
        _, out = mutate(out, rng)
    return f"{n} damages", out


def fuzz_files(seeds: list[Path], count: int, harness: Harness, folder: Path, seed: int, extra: list[Path] = ()) -> None:
    """Write ``count`` mutants of the seed files into ``folder`` (next to copies of
    ``extra`` files such as a source text) and load each one."""
    rng = random.Random(seed)
    for f in extra:
        shutil.copy(f, folder / f.name)
    originals = {p: p.read_bytes() for p in seeds}
    for n in range(count):
        seed_path = seeds[n % len(seeds)]
        label, data = mutate(originals[seed_path], rng)
        target = folder / seed_path.name
        target.write_bytes(data)
        harness.check(f"{seed_path.name}: {label}", data, lambda: load(target))


def cli_sample(seeds: list[Path], count: int, folder: Path, seed: int, extra: list[Path] = ()) -> list[str]:
    """Run the main commands in-process on ``count`` mutants; return any bad exits."""
    rng = random.Random(seed)
    for f in extra:
        shutil.copy(f, folder / f.name)
    problems = []
    commands = [["validate"], ["audit", "--fail-on", "never"], ["export", "--to", "json"], ["render", "--format", "dot"]]
    for n in range(count):
        seed_path = seeds[n % len(seeds)]
        label, data = mutate(seed_path.read_bytes(), rng)
        target = folder / seed_path.name
        target.write_bytes(data)
        count_input({".yaml": "yaml", ".argdown": "argdown"}.get(seed_path.suffix, "aif"))
        for command in commands:
            with watchdog():
                result = CliRunner().invoke(cli, [*command, str(target)])
            if result.exit_code not in (0, 1) or "Traceback" in result.output:
                saved = folder / f"cli-{n}-{seed_path.name}"
                saved.write_bytes(data)
                problems.append(f"{' '.join(command)} {seed_path.name} ({label}) → exit {result.exit_code}: "
                                f"{result.output.strip().splitlines()[-1:] if result.output.strip() else ''} [{saved}]")
    return problems


@in_child
def test_bundled_map_mutations(tmp_path):
    assert BUNDLED.is_file(), "the bundled map claims/serbia-azerbaijan.yaml is missing"
    harness = Harness("bundled", tmp_path / "failures")
    work = tmp_path / "work"
    work.mkdir()
    source = BUNDLED.with_suffix(".txt")
    fuzz_files([BUNDLED], 450, harness, work, seed=1, extra=[source])
    harness.assert_clean(at_least=450)


@in_child
def test_bundled_map_mutations_through_cli(tmp_path):
    source = BUNDLED.with_suffix(".txt")
    problems = cli_sample([BUNDLED], 40, tmp_path, seed=2, extra=[source])
    assert not problems, "\n".join(problems)


@in_child
def test_argdown_corpus_mutations(corpus, tmp_path):
    seeds = sorted((corpus / "argdown").glob("*.argdown")) + sorted((corpus / "argdown" / "errors").glob("*.argdown"))
    assert seeds
    harness = Harness("argdown", tmp_path / "failures", fmt="argdown")
    work = tmp_path / "work"
    work.mkdir()
    fuzz_files(seeds, 700, harness, work, seed=3)
    harness.assert_clean(at_least=700)


@in_child
def test_aif_corpus_mutations(corpus, tmp_path):
    seeds = sorted((corpus / "aif" / "aif-json").glob("*.json"))
    seeds += sorted((corpus / "aif" / "araucaria").glob("*.json"))[::60]  # a spread of AraucariaDB files
    assert seeds
    harness = Harness("aif", tmp_path / "failures", fmt="aif")
    work = tmp_path / "work"
    work.mkdir()
    fuzz_files(seeds, 600, harness, work, seed=4)
    harness.assert_clean(at_least=600)


@in_child
@pytest.mark.parametrize("kind", ["argdown", "aif"])
def test_corpus_mutations_through_cli(corpus, tmp_path, kind):
    if kind == "argdown":
        seeds = sorted((corpus / "argdown").glob("*.argdown"))
    else:
        seeds = sorted((corpus / "aif" / "aif-json").glob("*.json"))
    problems = cli_sample(seeds, 25, tmp_path, seed=5)
    assert not problems, "\n".join(problems)
