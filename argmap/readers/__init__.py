"""Readers of other tools' map formats: Argdown (:mod:`.argdown`) and AIF JSON (:mod:`.aif`).

Each reader is ``read(path, text, limits) -> (ArgumentMap, SourceMap)`` and is
registered by format name in :data:`argmap.loading.READERS`, so every command
that loads a map accepts ``.argdown``/``.ad`` and AIF ``.json`` files.
"""

__all__: list[str] = []
