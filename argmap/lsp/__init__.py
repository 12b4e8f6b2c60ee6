"""The language server (``argmap lsp``): maps, Argdown files and reviews in the editor.

What lives here: :mod:`~argmap.lsp.analysis` (a document's text → diagnostics
and the places its ids stand), :mod:`~argmap.lsp.features` (hover,
definition, references, completion, rename, symbols, code actions, as plain
functions) and :mod:`~argmap.lsp.server` (the pygls wiring). May import
loading, audit, evaluation, provenance and review; nothing imports it but the
command line.
"""
