"""Benchmark (``-m bench``): evaluation and the critical-step search on big random maps."""

from __future__ import annotations

import random
import time

import pytest

from argmap.evaluation.evaluate import evaluate
from argmap.model import ArgumentMap

from .helpers import random_map_data


@pytest.mark.bench
@pytest.mark.parametrize("claims,inferences", [(1000, 2000), (5000, 10000)])
def test_evaluate_big_map(claims, inferences):
    m = ArgumentMap.model_validate(random_map_data(random.Random(1), claims, inferences))
    started = time.perf_counter()
    ev = evaluate(m)
    evaluated = time.perf_counter()
    ev.critical_step
    done = time.perf_counter()
    print(f"\nevaluate {claims} claims / {inferences} inferences: {evaluated - started:.2f} s; "
          f"critical step: {done - evaluated:.2f} s (complete: {ev.critical.complete})")
    assert len(ev.status) == claims
    assert evaluated - started < 5 and done - evaluated < 5
