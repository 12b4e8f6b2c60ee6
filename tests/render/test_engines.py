"""The embedded engine and the rasteriser, on real Graphviz and real resvg."""

from __future__ import annotations

import struct
import threading

from argmap.rendering import engines


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])  # IHDR width, height


def test_png_size_follows_svg_size_in_px():
    svg = engines.layout_embedded('digraph { a [shape=box width=2 height=1 fixedsize=true] }')
    w_px, h_px = engines.svg_size_px(svg)
    width, height = _png_size(engines.svg_to_png(svg, zoom=1.0))
    assert abs(width - w_px) <= 1 and abs(height - h_px) <= 1
    width2, _ = _png_size(engines.svg_to_png(svg, zoom=2.0))
    assert abs(width2 - 2 * w_px) <= 2


def test_layout_without_a_deep_stack_thread(monkeypatch):
    """Where the system refuses a thread with a big stack, the layout still runs."""
    real_start = threading.Thread.start

    def refuse(self):
        if self.name == "argmap-layout":
            raise RuntimeError("can't start new thread")
        return real_start(self)

    monkeypatch.setattr(threading.Thread, "start", refuse)
    svg = engines.layout_embedded("digraph { a -> b }")
    assert b"<svg" in svg and b"<title>a&#45;&gt;b</title>" in svg
