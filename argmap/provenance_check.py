"""Checks that tie a loaded map to its source text file."""

from __future__ import annotations

import hashlib
import unicodedata
import re

__all__ = ["source_digest", "source_changed"]


def source_digest(text: str) -> str:
    """sha256 of the source text after NFC and white-space folding.

    >>> source_digest("a  b\\n") == source_digest("a b")
    True
    """
    norm = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def source_changed(loaded) -> list[str]:
    recorded = loaded.map.source.sha256
    if not recorded or loaded.source_text is None:
        return []
    if source_digest(loaded.source_text) != recorded:
        where = loaded.sourcemap.find(("source", "sha256"))
        return [f"{where}: the source text changed since the map was anchored; run 'argmap anchor {loaded.path}'"]
    return []
