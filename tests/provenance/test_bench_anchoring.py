"""Benchmark: anchoring throughput on a long source (run with `pytest -m bench`)."""

from __future__ import annotations

import random
import time

import pytest

from argmap.provenance.anchoring import Source, State, locate


@pytest.mark.bench
def test_anchoring_throughput(corpus):
    rng = random.Random(7)
    words = (corpus / "serbia-azerbaijan.txt").read_text(encoding="utf-8").split()
    raw = "\n".join(" ".join(rng.choice(words) for _ in range(80)) for _ in range(500))  # ~280 kB
    t0 = time.perf_counter()
    src = Source.from_text(raw)
    t_source = time.perf_counter() - t0
    quotes = []
    for _ in range(300):
        a = rng.randrange(0, len(src.text) - 80)
        quotes.append(src.text[a : a + 60])
    t0 = time.perf_counter()
    exact = [locate(src, q) for q in quotes]
    t_exact = time.perf_counter() - t0
    t0 = time.perf_counter()
    fuzzy = [locate(src, q[:25] + "#" + q[26:]) for q in quotes[:100]]
    t_fuzzy = time.perf_counter() - t0
    t0 = time.perf_counter()
    orphans = [locate(src, f"nothing like this sentence appears anywhere, number {i}") for i in range(50)]
    t_orphan = time.perf_counter() - t0
    print(
        f"\nsource {len(raw)} chars: normalise {t_source * 1000:.0f} ms; "
        f"300 exact {t_exact * 1000:.0f} ms; 100 fuzzy {t_fuzzy * 1000:.0f} ms; 50 orphaned {t_orphan * 1000:.0f} ms"
    )
    assert all(m.state in (State.exact, State.ambiguous) for m in exact)
    assert sum(m.state is State.fuzzy for m in fuzzy) >= 90
    assert all(m.state is State.orphaned for m in orphans)
    assert t_exact + t_fuzzy + t_orphan < 30
