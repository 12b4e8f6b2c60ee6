"""Damaged review files never raise anything but a located ArgmapError."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from argmap.diagnostics import ArgmapError
from argmap.review.files import load_review

EXAMPLE = Path(__file__).resolve().parents[2] / "claims" / "serbia-azerbaijan.review.yaml"


def _mutants(text: str, count: int, seed: int = 6) -> list[str]:
    rng = random.Random(seed)
    lines = text.splitlines(keepends=True)
    out = []
    for _ in range(count):
        ls = list(lines)
        k = rng.randrange(len(ls))
        op = rng.choice(("delete", "duplicate", "swap", "truncate", "flip", "indent"))
        if op == "delete":
            del ls[k]
        elif op == "duplicate":
            ls.insert(k, ls[k])
        elif op == "swap":
            j = rng.randrange(len(ls))
            ls[k], ls[j] = ls[j], ls[k]
        elif op == "truncate":
            ls = ls[:k] + [ls[k][: rng.randrange(len(ls[k]) + 1)]]
        elif op == "indent":
            ls[k] = " " * rng.choice((1, 3, 5)) + ls[k]
        else:
            raw = bytearray("".join(ls).encode("utf-8"))
            pos = rng.randrange(len(raw))
            raw[pos] = rng.choice(b":-[]{}'\"#&*!|>%@` \t\n\x00\xff")
            out.append(raw.decode("utf-8", errors="replace"))
            continue
        out.append("".join(ls))
    return out


def test_mutated_example_reviews_fail_cleanly(tmp_path):
    if not EXAMPLE.is_file():
        pytest.fail(f"{EXAMPLE} is missing")
    path = tmp_path / "r.yaml"
    outcomes = {"valid": 0, "error": 0}
    for text in _mutants(EXAMPLE.read_text(encoding="utf-8"), 200):
        path.write_text(text, encoding="utf-8")
        try:
            load_review(path)
            outcomes["valid"] += 1
        except ArgmapError as exc:
            assert exc.diagnostics and all(d.location.file == str(path) for d in exc.diagnostics)
            outcomes["error"] += 1
    assert outcomes["error"] > 0 and outcomes["valid"] > 0  # both kinds of input were exercised
