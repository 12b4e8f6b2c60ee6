"""Tests that drive headless Chromium (see conftest.py)."""
