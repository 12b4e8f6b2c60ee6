"""``argmap serve``: the viewer in a browser, re-rendered as the map and its files change."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.commands._common import allow_outside_option
from argmap.commands.view import map_file, rankdir_option, review_files


@click.command()
@map_file
@review_files
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@rankdir_option
@allow_outside_option
def serve(file: Path, reviews: tuple[Path, ...], port: int, open_browser: bool, rankdir: str,
          allow_outside: bool) -> None:
    """Serve the viewer on 127.0.0.1 and keep it up to date while you edit.

    The map, its source text, the review files and the configuration are
    watched; on every change the page updates in place, keeping zoom and
    selection. A broken edit shows its located error in the page, above the
    last good map. Ctrl-C stops.
    """
    from argmap.live.server import LiveState, Server
    from argmap.live.watch import follow, inputs, stamps
    from argmap.reports import viewer

    def files() -> set:
        return inputs(file, reviews)

    since = stamps(files())  # before the first build: an edit made during it is not lost
    state = LiveState(lambda: viewer.view(file, list(reviews), allow_outside=allow_outside, rankdir=rankdir))
    error = state.refresh()
    if error:
        click.echo(error, err=True)
    try:
        server = Server(state, port, lambda: viewer.empty(file))
    except OSError as exc:
        raise click.BadParameter(f"cannot listen on 127.0.0.1:{port} ({exc.strerror or exc}); choose another port, "
                                 "or 0 for any free one", param_hint="--port") from None
    server.serve_in_background()

    def watching() -> None:  # said once the files are watched: from then on no edit is missed
        click.echo(f"argmap: serving {file} at {server.url} (Ctrl-C stops)", err=True)
        if open_browser:
            import webbrowser

            webbrowser.open(server.url)

    def changed(_paths: set) -> None:
        problem = state.refresh()
        click.echo(problem if problem else f"argmap: {file} re-rendered", err=True)

    try:
        follow(files, changed, since=since, ready=watching)
    finally:
        server.shutdown()
        server.server_close()
