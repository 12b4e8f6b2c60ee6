"""Helpers for review tests: a small map on disk and review files written beside it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.maps import REVIEW_TARGET


@pytest.fixture
def small_map(tmp_path) -> Path:
    """A valid three-claim map at tmp_path/map.yaml."""
    path = tmp_path / "map.yaml"
    path.write_text(REVIEW_TARGET, encoding="utf-8")
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def review_text(map_path: Path, entries: str, reviewer: str = "Ann Reviewer", digest: str | None = None) -> str:
    """A review file's text for ``map_path`` with ``entries`` (YAML list items, 2-space indent)."""
    return (
        "argmap-review: 1\n"
        f"map: {map_path.name}\n"
        f"map_sha256: '{digest or sha(map_path)}'\n"
        f"reviewer: {reviewer}\n"
        "date: 2026-11-27\n"
        "entries:\n" + entries
    )


@pytest.fixture
def write_review(tmp_path):
    """Write a review file into tmp_path; returns its path."""

    def write(text: str, name: str = "map.review.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
