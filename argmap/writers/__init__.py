"""Export formats: one module per format, each with ``write(loaded) -> str | bytes``;
:mod:`.interop` holds what several of them (and ``argmap import``) share.

``WRITERS`` is the registry; it also feeds the choices of ``argmap export --to``.

May import: :mod:`argmap.rendering` and everything below it (analysis layer,
loading, readers, core). Not reports or commands.
"""

from __future__ import annotations

import importlib
from typing import Callable

__all__ = ["WRITERS", "get_writer"]

WRITERS: dict[str, str] = {
    "json": "argmap.writers.json:write",
    "annotations": "argmap.writers.annotations:write",
    "claimreview": "argmap.writers.claimreview:write",
    "argdown": "argmap.writers.argdown:write",
    "aif": "argmap.writers.aif:write",
    "dot": "argmap.writers.dot:write",
}
"""Format name → ``module:function``."""


def get_writer(name: str) -> Callable:
    module, _, attr = WRITERS[name].partition(":")
    return getattr(importlib.import_module(module), attr)
