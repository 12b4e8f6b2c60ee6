"""Suites that read ../shared/corpus skip in a clone without it, and fail under CI."""

from __future__ import annotations

import pytest

from tests.conftest import require_corpus


def test_missing_corpus_skips_outside_ci(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        require_corpus(tmp_path / "absent")


def test_missing_corpus_fails_under_ci(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="must run in CI"):
        require_corpus(tmp_path / "absent")


def test_present_corpus_is_given(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert require_corpus(tmp_path) == tmp_path
