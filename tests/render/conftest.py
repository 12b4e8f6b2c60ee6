"""Helpers for the renderer's tests: hand-made findings, loading map text, parsing SVG.

The maps they draw are in :mod:`tests.maps`."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from argmap.diagnostics import Finding, Severity

SVG = "{http://www.w3.org/2000/svg}"


def finding(target, code="ARG101", rule="unsupported-claim", severity="warning", message="no support"):
    """A hand-made audit finding (the renderer must not depend on the audit's wording)."""
    return Finding(target=target, message=message, code=code, rule=rule, severity=Severity(severity))


@pytest.fixture
def load_map(write_map):
    """Write map text to a temp folder and load it."""
    from argmap.loading import load

    def load_text(text: str):
        return load(write_map(text))

    return load_text


def parse_svg(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def nodes(root: ET.Element) -> dict[str, ET.Element]:
    """SVG ``<g class="node ...">`` groups by their id."""
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if "node" in (g.get("class") or "").split()}
