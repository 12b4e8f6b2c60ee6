"""Export formats: one module per format, each with ``write(loaded) -> str | bytes``;
:mod:`.interop` holds what several of them (and ``argmap import``) share.

They are registered, with the kind of text each writes, in :data:`argmap.formats.FORMATS`
(``export``), which also feeds the choices of ``argmap export --to``.

May import: :mod:`argmap.rendering` and everything below it (analysis layer,
loading, readers, core). Not reports or commands.
"""

__all__: list[str] = []
