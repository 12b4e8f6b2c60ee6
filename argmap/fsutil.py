"""Atomic file writes: a temp file in the same folder, fsync, then rename.

A failure or a kill during the write leaves the previous file intact.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> atomic_write(p, "hello")
>>> p.read_text()
'hello'
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Union

__all__ = ["atomic_write", "backup"]


def atomic_write(path: Union[str, Path], data: Union[str, bytes], *, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never a part."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode(encoding)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            try:
                shutil.copymode(path, tmp)
            except OSError:
                pass
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
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
    """Copy ``path`` to ``path.bak`` (atomically) before it is rewritten."""
    path = Path(path)
    bak = path.with_name(path.name + ".bak")
    atomic_write(bak, path.read_bytes())
    return bak


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
