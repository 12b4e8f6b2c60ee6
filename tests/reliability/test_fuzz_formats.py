"""Fuzzing the formats the other fuzz tests do not reach, and exact round trips.

Hypothesis (derandomized: CI runs the same inputs every time) writes microtext
XML, ``argmap.toml`` configurations, review files and native JSON maps, mostly
right and with hostile text, and runs them through the real commands
in-process: each must exit 0, 1 or 2 (never 3, never a traceback), within
5 s. They run in a child pytest process whose peak memory (``os.wait4``) must
stay within 300 MB over all of them, so no input can have taken more. Valid
maps round-trip exactly: JSON → ``export --to json`` (and ``--to argdown``) → read back, and
``import`` (YAML out) → read back, give the same model. :func:`test_fuzz_run`
runs these tests with those of test_fuzz_structured.py and
test_fuzz_mutation.py in one measured child process, which counts the inputs
each format really got (at least 2,000 in all, 100 of each format);
tests/reliability/fuzz_atheris.py is the long-run, coverage-guided target.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import cli
from argmap.loading import load
from tests.conftest import CORPUS

from ._fuzzing import CHILD, COUNTS_FILE, FORMATS, HOSTILE_TEXTS, count, in_child, watchdog
from ._hostile import _GO_BETWEEN

MEMORY_MB = 300
AT_LEAST = 2000
"""Inputs a run must really try, all formats together (counted in the child, not assumed
from the max_examples settings: hypothesis may stop early)."""
EACH_AT_LEAST = 100
"""Inputs each format of :data:`FORMATS` must get."""
FUZZ_FILES = ["test_fuzz_formats.py", "test_fuzz_structured.py", "test_fuzz_mutation.py"]


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, derandomize=True, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


texts = st.one_of(st.sampled_from(HOSTILE_TEXTS), st.text(max_size=40))
ids = st.one_of(st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True), st.sampled_from(["", "1", "a b", "a\nb", "é"]))


def _run(files: dict, args: list[str], fmt: str) -> int:
    count(fmt)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        with watchdog():
            result = CliRunner().invoke(cli, [a.format(dir=folder) for a in args])
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output, result.exception)
    assert "internal error" not in result.output and "Traceback" not in result.output
    return result.exit_code


@st.composite
def microtext(draw) -> str:
    n = draw(st.integers(0, 6))
    parts = ['<arggraph id="%s">' % draw(ids)]
    for i in range(n):
        parts.append(f'<edu id="e{i}">{_xml(draw(texts))}</edu>')
        kind = draw(st.sampled_from(["pro", "opp", "", "x"]))
        parts.append(draw(st.sampled_from([f'<adu id="a{i}" type="{kind}"/>', "<adu/>", f'<adu id="{_xml(draw(ids))}"/>'])))
        parts.append(f'<edge id="s{i}" src="e{i}" trg="a{i}" type="seg"/>')
    for k in range(draw(st.integers(0, 6))):
        src, trg = draw(st.integers(0, n + 1)), draw(st.integers(0, n + 1))
        kind = draw(st.sampled_from(["sup", "exa", "reb", "und", "add", "seg", "zzz"]))
        target = draw(st.sampled_from([f"a{trg}", f"c{trg}", f"s{trg}"]))
        parts.append(f'<edge id="c{k}" src="a{src}" trg="{target}" type="{kind}"/>')
    parts.append("</arggraph>")
    text = "".join(parts)
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.sampled_from(["", "<", "&", "<!DOCTYPE x>", "]]>", "\x00"])) + text[cut:]
    return text


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


@in_child
@fuzz(300)
@given(microtext())
def test_microtext_import(text):
    _run({"m.xml": text}, ["import", "{dir}/m.xml"], "microtext")


CONFIG_KEYS = ["select", "extend-select", "ignore", "fail-on", "per-file-ignores", "severity", "selct"]
config_values = st.one_of(
    st.lists(st.sampled_from(["ARG1", "ARG102", "ARG999", "uncited-fact", "", "*", "[", "ALL"]), max_size=4).map(json.dumps),
    st.sampled_from(['"error"', '"warning"', '"nope"', "1", "true", "{}", '{ "ARG102" = "error" }',
                     '{ "*.yaml" = ["ARG102"] }', "[[[[]]]]", '"\\u0000"']),
)


@st.composite
def config(draw) -> str:
    lines = [f"{draw(st.sampled_from(CONFIG_KEYS))} = {draw(config_values)}" for _ in range(draw(st.integers(0, 4)))]
    text = "\n".join(lines) + "\n"
    if draw(st.booleans()):
        text = draw(st.sampled_from(["[tool.argmap\n", "[severity]\n", "[[x]]\n", "= 1\n", ""])) + text
    return text


MAP = "argmap: 1\nthesis: a\nclaims:\n  - id: a\n    text: A.\n  - id: b\n    text: B.\ninferences:\n  - id: i\n    premises: [b]\n    conclusion: a\n"


@in_child
@fuzz(300)
@given(config())
def test_config_files(text):
    _run({"argmap.toml": text, "m.yaml": MAP}, ["audit", "{dir}/m.yaml", "--config", "{dir}/argmap.toml"], "config")


@st.composite
def review(draw) -> str:
    lines = [draw(st.sampled_from(["argmap-review: 1", "argmap-review: 2", "argmap: 1", ""])),
             "map: " + draw(st.sampled_from(["m.yaml", "missing.yaml", "../m.yaml", "/etc/passwd", "''"])),
             "reviewer: " + json.dumps(draw(texts))]
    if draw(st.booleans()):
        lines.append("map_sha256: " + draw(st.sampled_from(["abc", "0" * 64, "''"])))
    lines.append("entries:")
    for _ in range(draw(st.integers(0, 4))):
        lines.append("  - target: " + json.dumps(draw(st.sampled_from(["a", "b", "i", "zz", ""]))))
        lines.append("    verdict: " + draw(st.sampled_from(["accept", "challenge", "needs-evidence", "reject", "maybe"])))
        lines.append("    comment: " + json.dumps(draw(texts)))
    return "\n".join(lines) + "\n"


@in_child
@fuzz(300)
@given(review(), st.sampled_from(["check", "report"]))
def test_review_files(text, command):
    args = ["review", "check", "{dir}/m.review.yaml"] if command == "check" else \
        ["review", "report", "{dir}/m.yaml", "{dir}/m.review.yaml"]
    _run({"m.yaml": MAP, "m.review.yaml": text}, args, "review")


@st.composite
def valid_map(draw) -> dict:
    n = draw(st.integers(1, 5))
    claims = [{"id": f"c{i}", "text": draw(texts.filter(lambda t: t.strip()))} for i in range(n)]
    for c in claims:
        if draw(st.booleans()):
            c["note"] = draw(texts)
    inferences = [{"id": f"i{k}", "premises": [f"c{draw(st.integers(1, n - 1))}"], "conclusion": "c0",
                   "kind": draw(st.sampled_from(["support", "attack"]))} for k in range(n - 1)]
    doc = {"argmap": 1, "title": draw(texts), "thesis": "c0", "claims": claims}
    if inferences:
        doc["inferences"] = inferences
    return doc


@in_child
@fuzz(300)
@given(valid_map(), st.booleans())
def test_valid_maps_round_trip_exactly(doc, ensure_ascii):
    count("json")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "m.json"
        source.write_text(json.dumps(doc, ensure_ascii=ensure_ascii), encoding="utf-8")
        try:
            original = load(source, read_source=False).map
        except Exception as exc:  # noqa: BLE001 - text the model refuses (a NUL, a lone surrogate) is fine
            assert type(exc).__name__ == "ArgmapError", exc
            return
        runner = CliRunner()
        exported = runner.invoke(cli, ["export", str(source), "--to", "json", "-o", str(folder / "back.json")])
        assert exported.exit_code == 0, exported.output
        assert load(folder / "back.json", read_source=False).map.model_dump() == original.model_dump()
        imported = runner.invoke(cli, ["import", str(source), "-o", str(folder / "back.yaml")])
        assert imported.exit_code == 0, imported.output
        assert load(folder / "back.yaml", read_source=False).map.model_dump() == original.model_dump()
        argdown = runner.invoke(cli, ["export", str(source), "--to", "argdown", "-o", str(folder / "back.argdown")])
        assert argdown.exit_code == 0, argdown.output
        assert load(folder / "back.argdown", read_source=False).map.model_dump() == original.model_dump()


def test_fuzz_run():
    """Every fuzz test (this file, test_fuzz_structured.py, test_fuzz_mutation.py) in one child
    process measured with ``os.wait4`` (started from a small go-between, whose own size is all
    the child starts with): all pass, the child's peak memory stays within the budget, and the
    inputs it really ran, counted by format, reach the totals."""
    if os.environ.get(CHILD):
        pytest.skip("this is the child")
    here = Path(__file__).parent
    with tempfile.TemporaryDirectory() as tmp:
        report, counts = Path(tmp) / "usage.json", Path(tmp) / "counts.json"
        proc = subprocess.run(
            [sys.executable, "-c", _GO_BETWEEN, str(report),
             sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", *(str(here / f) for f in FUZZ_FILES)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, CHILD: "1", COUNTS_FILE: str(counts)},
            cwd=Path(__file__).parents[2], timeout=1500,
        )
        returncode, cpu_seconds, max_rss_kb = json.loads(report.read_text())
        ran = json.loads(counts.read_text()) if counts.exists() else {}
    out = proc.stdout.decode("utf-8", "replace")
    assert returncode == 0, out[-4000:]
    total = sum(ran.values())
    print(f"fuzz child: {total} inputs ({', '.join(f'{k} {ran.get(k, 0)}' for k in FORMATS)}), "
          f"{cpu_seconds:.0f} s CPU, peak memory {max_rss_kb / 1024:.0f} MB")
    assert max_rss_kb / 1024 <= MEMORY_MB, f"{max_rss_kb / 1024:.0f} MB"
    assert total >= AT_LEAST, ran
    # without the corpus (outside CI: its tests skip) Argdown and AIF inputs come from it alone
    expected = FORMATS if CORPUS.is_dir() else tuple(f for f in FORMATS if f not in ("argdown", "aif"))
    thin = {f: ran.get(f, 0) for f in expected if ran.get(f, 0) < EACH_AT_LEAST}
    assert not thin, f"formats fuzzed with fewer than {EACH_AT_LEAST} inputs: {thin}"
