"""Structured fuzzing: maps near the schema, through the loader and the CLI.

Hypothesis generates map files that are mostly right, with random keys, wrong
types, dangling and duplicate ids, unicode and huge values in places. Every one
must load or fail with :class:`ArgmapError` — never another exception — within
5 s; through the CLI (in-process) every command must exit 0 or 1, never 3.
Derandomized, so CI runs the same inputs every time. The tests run in the
measured child process of ``test_fuzz_formats.test_fuzz_run`` (peak memory,
inputs counted by format).
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import cli
from argmap.diagnostics import ArgmapError
from argmap.loading import load_text
from argmap.model import ClaimKind, EvidenceKind, InferenceKind, Qualifier

from ._fuzzing import HOSTILE_TEXTS, PER_INPUT_SECONDS, count, in_child, watchdog

LOADER_EXAMPLES = 800
CLI_EXAMPLES = 120

def fuzz(examples: int) -> settings:
    return settings(
    max_examples=examples,
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )

IDS = ["a", "b", "c", "t", "e1", "e2", "i1", "i2"]

texts = st.one_of(
    st.text(max_size=30),
    st.sampled_from(HOSTILE_TEXTS),
    st.integers(0, 3000).map(lambda n: "x" * n),
    st.sampled_from(["", " ", "A claim.", "Russia’s “quote” — dash"]),
)
ids = st.one_of(st.sampled_from(IDS), st.sampled_from(IDS), texts)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), texts)
junk = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3), max_leaves=6
)


def mostly(good: st.SearchStrategy) -> st.SearchStrategy:
    """The right kind of value three times in four, anything at all otherwise."""
    return st.one_of(good, good, good, junk)


def enum_values(enum_cls) -> st.SearchStrategy:
    return st.sampled_from([e.value for e in enum_cls] + ["bogus", "Support", ""])


anchors = st.fixed_dictionaries(
    {"start": st.integers(-3, 200), "end": st.integers(-3, 200)},
    optional={"prefix": texts, "suffix": texts, "extra": junk},
)
id_lists = st.lists(ids, max_size=4)


def element(required: dict, optional: dict) -> st.SearchStrategy:
    base = st.fixed_dictionaries({k: mostly(v) for k, v in required.items()}, optional={k: mostly(v) for k, v in optional.items()})
    extra = st.dictionaries(texts, junk, max_size=1)
    return st.tuples(base, extra, st.booleans()).map(lambda t: {**t[0], **t[1]} if t[2] else t[0])


claims = element(
    {"id": ids, "text": texts},
    {
        "quote": texts,
        "anchor": anchors,
        "kind": enum_values(ClaimKind),
        "qualifier": enum_values(Qualifier),
        "assumption": st.booleans(),
        "evidence": id_lists,
        "section": texts,
        "tags": st.lists(texts, max_size=3),
        "note": texts,
    },
)
evidence = element(
    {"id": ids},
    {
        "kind": enum_values(EvidenceKind),
        "quote": texts,
        "citation": texts,
        "by": texts,
        "url": st.sampled_from(["https://example.org/x", "javascript:alert(1)", "file:///etc/passwd", "//evil"]),
        "accessed": texts,
        "added_by": st.sampled_from(["author", "analyst", "robot"]),
        "anchor": anchors,
    },
)
inferences = element(
    {"id": ids, "premises": id_lists, "conclusion": ids},
    {
        "kind": enum_values(InferenceKind),
        "warrant": st.one_of(st.none(), texts),
        "qualifier": enum_values(Qualifier),
        "scheme": texts,
        "quote": texts,
    },
)
maps = element(
    {"argmap": st.sampled_from([1, 1, 1, 2, "1"])},
    {
        "title": texts,
        "thesis": ids,
        "source": st.fixed_dictionaries({}, optional={"title": texts, "url": texts, "sha256": texts, "ignore": st.lists(texts, max_size=2)}),
        "claims": st.lists(claims, max_size=6),
        "evidence": st.lists(evidence, max_size=3),
        "inferences": st.lists(inferences, max_size=5),
    },
)


safe_texts = texts.filter(lambda t: t.strip() != "")


@st.composite
def valid_maps(draw) -> dict:
    """Maps that validate (unique ids, references that resolve), full of hostile text,
    so that audit, evaluate and render see real structure; sometimes one value is then spoiled."""
    n_claims = draw(st.integers(1, 7))
    claim_ids = [f"c{i}" for i in range(n_claims)]
    evidence_ids = [f"e{i}" for i in range(draw(st.integers(0, 3)))]
    claims = []
    for cid in claim_ids:
        claim = {"id": cid, "text": draw(safe_texts), "kind": draw(st.sampled_from([k.value for k in ClaimKind]))}
        if draw(st.booleans()):
            claim["quote"] = draw(safe_texts)
        if draw(st.booleans()):
            claim["qualifier"] = draw(st.sampled_from([q.value for q in Qualifier]))
        if evidence_ids and draw(st.booleans()):
            claim["evidence"] = draw(st.lists(st.sampled_from(evidence_ids), max_size=2, unique=True))
        claim["assumption"] = draw(st.booleans())
        claim["section"] = draw(st.sampled_from(["Intro", "<b>Body</b>", "\\l"]))
        claims.append(claim)
    evidence = [
        {
            "id": eid,
            "kind": draw(st.sampled_from([k.value for k in EvidenceKind])),
            "quote": draw(safe_texts),
            "by": draw(st.one_of(st.none(), safe_texts)),
            "citation": draw(st.one_of(st.none(), safe_texts)),
            "url": draw(st.sampled_from([None, "https://example.org/x", "javascript:alert(1)", "data:text/html,<script>x</script>"])),
        }
        for eid in evidence_ids
    ]
    inferences = []
    for i in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["support", "support", "attack", "undercut"]))
        target_pool = [f"i{j}" for j in range(i)] if kind == "undercut" else claim_ids
        if not target_pool:
            kind, target_pool = "support", claim_ids
        inferences.append(
            {
                "id": f"i{i}",
                "premises": draw(st.lists(st.sampled_from(claim_ids), min_size=1, max_size=3, unique=True)),
                "conclusion": draw(st.sampled_from(target_pool)),
                "kind": kind,
                "warrant": draw(st.one_of(st.none(), safe_texts)),
                "qualifier": draw(st.one_of(st.none(), st.sampled_from([q.value for q in Qualifier]))),
            }
        )
    data = {
        "argmap": 1,
        "title": draw(safe_texts),
        "thesis": draw(st.sampled_from(claim_ids)),
        "claims": claims,
        "evidence": evidence,
        "inferences": inferences,
    }
    if draw(st.integers(0, 4)) == 0:  # spoil one value
        section = draw(st.sampled_from(["claims", "inferences"]))
        if data[section]:
            item = draw(st.sampled_from(data[section]))
            item[draw(st.sampled_from(sorted(item)))] = draw(junk)
    return data


def serialise(data, as_json: bool) -> str:
    if as_json:
        return json.dumps(data, ensure_ascii=False, default=str)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _load_or_argmap_error(text: str, name: str) -> None:
    count("json" if name.endswith(".json") else "yaml")
    start = time.perf_counter()
    with watchdog():
        try:
            load_text(text, Path("/nonexistent") / name)
        except ArgmapError as exc:
            assert exc.diagnostics, "an ArgmapError must carry at least one located diagnostic"
            for d in exc.diagnostics:
                assert d.location.file.endswith(name)
    assert time.perf_counter() - start <= PER_INPUT_SECONDS


@in_child
@fuzz(LOADER_EXAMPLES)
@given(data=st.one_of(maps, valid_maps()), as_json=st.booleans())
def test_loader_never_raises_anything_but_argmap_error(data, as_json):
    name = "m.json" if as_json else "m.yaml"
    _load_or_argmap_error(serialise(data, as_json), name)


@in_child
@fuzz(300)
@given(data=junk, as_json=st.booleans())
def test_loader_on_arbitrary_documents(data, as_json):
    _load_or_argmap_error(serialise(data, as_json), "m.json" if as_json else "m.yaml")


COMMANDS = [
    ["validate"],
    ["evaluate", "--format", "json"],
    ["audit", "--fail-on", "never"],
    ["export", "--to", "json"],
    ["render", "--format", "dot"],
]


def _run_cli(args: list[str]) -> None:
    start = time.perf_counter()
    with watchdog():
        result = CliRunner().invoke(cli, args)
    elapsed = time.perf_counter() - start
    assert result.exit_code in (0, 1), f"argmap {' '.join(args)} exited {result.exit_code}:\n{result.output[-2000:]}"
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output[-2000:]
    assert elapsed <= PER_INPUT_SECONDS, f"argmap {' '.join(args)} took {elapsed:.1f} s"


@in_child
@fuzz(CLI_EXAMPLES)
@given(data=st.one_of(valid_maps(), valid_maps(), valid_maps(), maps), as_json=st.booleans(), svg=st.integers(0, 4))
def test_cli_commands_exit_0_or_1(data, as_json, svg):
    count("json" if as_json else "yaml")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("m.json" if as_json else "m.yaml")
        path.write_text(serialise(data, as_json), encoding="utf-8", errors="surrogatepass")
        for command in COMMANDS:
            _run_cli([*command, str(path)])
        if svg == 0:  # real Graphviz for one map in five
            _run_cli(["render", str(path), "-o", str(Path(folder) / "out.svg")])
