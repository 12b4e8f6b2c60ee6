"""``argmap lsp``: run the language server for editors, over standard input and output."""

from __future__ import annotations

import click

__all__ = ["lsp"]


@click.command()
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default and only transport; accepted for editors that pass it).")
def lsp(stdio: bool) -> None:
    """Run the Language Server Protocol server for maps, Argdown files and review files.

    Diagnostics (validation errors and audit findings) as you type, hover, go to
    definition, find references, completion, rename, document symbols and quick
    fixes. See README.md, "Editor integration", for VS Code, Neovim and Helix.
    """
    from argmap.lsp.server import serve

    serve()
