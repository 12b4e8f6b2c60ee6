"""Small helpers that know nothing of maps: atomic file writes (:mod:`.fs`), JSON text
safe to print (:mod:`.jsontext`), terminal-safe text (:mod:`.terminal`).

May import: the core (:mod:`argmap.diagnostics`, :mod:`argmap.locations`) and the
standard library.
"""

__all__: list[str] = []
