"""Helpers for evaluation tests: build maps from compact YAML written in the tests."""

from __future__ import annotations

import pytest
import yaml

from argmap.model import ArgumentMap


@pytest.fixture
def make_map():
    """Parse a YAML map text (real YAML, validated by the real model)."""

    def make(text: str) -> ArgumentMap:
        return ArgumentMap.model_validate(yaml.safe_load(text))

    return make
