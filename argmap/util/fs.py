"""Atomic file writes: a temp file in the same folder, fsync, then rename.

A failure or a kill during the write leaves the previous file intact: readers
see the old content or the complete new content, never a part. A symlinked
target is written through (the link stays a link). A write that fails for a
reason the user can fix (missing folder, no permission, disk full) raises
:class:`~argmap.diagnostics.ArgmapError` naming the file.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> atomic_write(p, "hello")
>>> p.read_text()
'hello'
>>> try:
...     atomic_write(p.parent / "no" / "such" / "out.txt", "x")
... except ArgmapError as exc:
...     print(exc.diagnostics[0].message)
cannot write: No such file or directory
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Union

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.locations import Location

__all__ = ["atomic_write", "backup"]


def _cannot(path: Path, verb: str, exc: OSError) -> ArgmapError:
    reason = exc.strerror or type(exc).__name__
    return ArgmapError(Diagnostic(Location(str(path)), f"cannot {verb}: {reason}"))


def atomic_write(path: Union[str, Path], data: Union[str, bytes], *, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never a part."""
    shown = Path(path)
    path = Path(os.path.realpath(shown)) if shown.is_symlink() else shown
    if isinstance(data, str):
        data = data.encode(encoding)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ArgmapError(Diagnostic(Location(str(shown)), "cannot write: is a folder"))
    import tempfile  # here, not at import: it costs 8 ms that commands writing to stdout need not pay

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _cannot(shown, "write", exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = os.stat(path).st_mode & 0o7777
        except OSError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _cannot(shown, "write", exc) from None
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def backup(path: Union[str, Path]) -> Path:
    """Copy ``path`` to ``path.bak`` (atomically) before it is rewritten; returns the copy."""
    path = Path(path)
    bak = path.with_name(path.name + ".bak")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _cannot(path, "read", exc) from None
    atomic_write(bak, data)
    return bak


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
