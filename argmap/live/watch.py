"""Follow a set of files and call back on every change, until Ctrl-C or a stop event.

Editors save in many ways (in place, or a new file renamed over the old one),
so the folders holding the files are watched, not the files, and events are
kept for exactly those paths. A file that does not exist yet (a configuration
file still to be written) is followed all the same.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Iterable, Optional

__all__ = ["follow", "inputs", "stamps", "DEBOUNCE_MS", "READY_MS"]

DEBOUNCE_MS = 120
"""Changes closer together than this are one change (a save that writes twice)."""

READY_MS = 150
"""How soon after a watch starts it reports that it runs (and the files are compared once more)."""


def stamps(paths: Iterable[Path]) -> dict[Path, Optional[tuple[int, int]]]:
    """Each file's modification time and size (None when it does not exist): what a change changes."""
    out: dict[Path, Optional[tuple[int, int]]] = {}
    for p in paths:
        try:
            st = Path(p).stat()
            out[Path(p)] = (st.st_mtime_ns, st.st_size)
        except OSError:
            out[Path(p)] = None
    return out


def _differ(paths: set[Path], now: dict, before: dict) -> set[Path]:
    return {p for p in paths if now.get(p) != before.get(p)}


def follow(files: Callable[[], Iterable[Path]], on_change: Callable[[set[Path]], None],
           stop: Optional[threading.Event] = None, *, since: Optional[dict] = None,
           ready: Optional[Callable[[], None]] = None) -> None:
    """Call ``on_change(changed paths)`` after each change to one of ``files()``.

    ``files`` is asked again after every change: a file it names anew (a map
    may name another source text now) is followed from then on; files are
    never dropped, so a map that fails to load does not lose its source text.

    Nothing is missed between the caller's first reading of the files and the
    watch: ``since`` is :func:`stamps` of the files taken before that reading
    (default: when ``follow`` starts), and once a watch runs the files are
    compared with it, as they are after every change and whenever a new
    folder makes the watch start again. ``ready`` is called once, when the
    first watch runs and that comparison is done: from then on every change
    is seen, so that is when a caller may say it is watching. Returns when
    ``stop`` is set; Ctrl-C raises KeyboardInterrupt.
    """
    import watchfiles

    stop = stop or threading.Event()
    wanted = {Path(p).resolve() for p in files()}
    seen = {Path(p): s for p, s in since.items()} if since is not None else stamps(wanted)
    while not stop.is_set():
        folders = sorted({p.parent for p in wanted if p.parent.is_dir()})
        if not folders:  # nothing to watch until a folder appears: no reason to keep the caller waiting
            if ready is not None:
                ready()
                ready = None
            stop.wait(0.5)
            continue

        def keep(_change: object, path: str) -> bool:
            return Path(path) in wanted

        running = False
        for changes in watchfiles.watch(*folders, watch_filter=keep, debounce=DEBOUNCE_MS, step=30,
                                        stop_event=stop, recursive=False, raise_interrupt=True,
                                        rust_timeout=READY_MS, yield_on_timeout=True):
            changed = {Path(p) for _, p in changes}
            if not running:  # the watch runs now: what changed before it began shows in the files
                running = True
                changed |= _differ(wanted, stamps(wanted), seen)
            if changed:
                seen = stamps(wanted)  # before the work: a change made during it is noticed below
                on_change(changed)
            if ready is not None:
                ready()
                ready = None
            if not changed:
                continue  # no change: the watch timed out (yield_on_timeout), it goes on
            new = {Path(p).resolve() for p in files()}
            if not new <= wanted:
                wanted |= new
                break  # watch the new files' folders too; the files are compared when it runs
        else:
            return


def inputs(map_path: Path, reviews: Iterable[Path] = ()) -> set[Path]:
    """The files a view or diagram of ``map_path`` is made from: the map, its source text, the review
    files, and every configuration file that could apply (``argmap.toml``, ``pyproject.toml``
    in the map's folder and above, whether or not it exists yet)."""
    path = Path(map_path).resolve()
    found = {path, *(Path(r).resolve() for r in reviews)}
    for folder in [path.parent, *path.parent.parents][:12]:
        found.update((folder / "argmap.toml", folder / "pyproject.toml"))
    from argmap.diagnostics import ArgmapError
    from argmap.loading import load

    try:
        loaded = load(path, read_source=False)
    except (ArgmapError, OSError):  # a broken map still has these inputs; the command reports the error
        return found
    ref = loaded.map.source.text
    if ref and "://" not in ref:
        found.add((path.parent / ref).resolve())
    return found
