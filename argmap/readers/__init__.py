"""Readers of other tools' map formats: Argdown (:mod:`.argdown`, a package: lexer,
syntax, Argdown's model, the single-pass reader), AIF JSON (:mod:`.aif`) and Potsdam
microtext XML (:mod:`.microtext`, for ``argmap import`` only).

Each reader is ``read(path, text, limits) -> (ArgumentMap, SourceMap)``; the
Argdown and AIF readers are registered by format name in
:data:`argmap.loading.READERS`, so every command that loads a map accepts
``.argdown``/``.ad`` and AIF ``.json`` files.

May import: the core only (model, locations, diagnostics, limits, validation, util).
"""

__all__: list[str] = []
