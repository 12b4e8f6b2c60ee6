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

__all__ = ["follow", "inputs", "DEBOUNCE_MS"]

DEBOUNCE_MS = 120
"""Changes closer together than this are one change (a save that writes twice)."""


def _stamps(paths: set[Path]) -> dict[Path, Optional[tuple[int, int]]]:
    out: dict[Path, Optional[tuple[int, int]]] = {}
    for p in paths:
        try:
            st = p.stat()
            out[p] = (st.st_mtime_ns, st.st_size)
        except OSError:
            out[p] = None
    return out


def follow(files: Callable[[], Iterable[Path]], on_change: Callable[[set[Path]], None],
           stop: Optional[threading.Event] = None) -> None:
    """Call ``on_change(changed paths)`` after each change to one of ``files()``.

    ``files`` is asked again after every change: a file it names anew (a map
    may name another source text now) is followed from then on; files are
    never dropped, so a map that fails to load does not lose its source text.
    Between two watches nothing is missed: the files' times and sizes are
    compared. Returns when ``stop`` is set; Ctrl-C raises KeyboardInterrupt.
    """
    import watchfiles

    stop = stop or threading.Event()
    wanted = {Path(p).resolve() for p in files()}
    seen = _stamps(wanted)
    while not stop.is_set():
        folders = sorted({p.parent for p in wanted if p.parent.is_dir()})
        if not folders:
            stop.wait(0.5)
            continue

        def keep(_change: object, path: str) -> bool:
            return Path(path) in wanted

        for changes in watchfiles.watch(*folders, watch_filter=keep, debounce=DEBOUNCE_MS, step=30,
                                        stop_event=stop, recursive=False, raise_interrupt=True):
            seen = _stamps(wanted)  # before the work: a change made during it is noticed below
            on_change({Path(p) for _, p in changes})
            new = {Path(p).resolve() for p in files()}
            if not new <= wanted:
                wanted |= new
                break  # watch the new files' folders too
        else:
            return
        now = _stamps(wanted)
        if now != seen:  # changed while no watch was running
            changed = {p for p in wanted if now.get(p) != seen.get(p)}
            seen = now
            on_change(changed)


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
