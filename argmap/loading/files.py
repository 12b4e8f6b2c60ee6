"""Reading files within the limits: the map file itself, and the source text it names."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.limits import Limits
from argmap.locations import Location

__all__ = ["read_bytes", "read_file", "read_source_text"]


def _unreadable(path: Path, message: str, line: int = 0, col: int = 0) -> ArgmapError:
    """An input that cannot be read as text at all: exit 2, like a usage error."""
    return ArgmapError(Diagnostic(Location(str(path), line, col), message), exit_code=2)


_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _decode(path: Path, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        for bom, name in _BOMS:
            if raw.startswith(bom):
                raise _unreadable(path, f"not valid UTF-8 text: the file starts with a {name} byte order mark; "
                                  f"save it as UTF-8", 1, 1) from None
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _unreadable(path, "not valid UTF-8 text", line, col) from None
    head = raw[:4096]
    if b"\x00" in head and head.count(b"\x00") * 3 >= len(head):  # every other (or fourth) byte: UTF-16/32
        order = "little" if head[1:2] == b"\x00" else "big"
        raise _unreadable(path, f"not valid UTF-8 text: it looks like UTF-16 or UTF-32 ({order}-endian, "
                          f"no byte order mark); save it as UTF-8", 1, 1)
    return text


def _read_stdin(limits: Limits) -> str:
    import sys

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise _unreadable(Path("-"), "standard input is closed")
    raw = stream.read(limits.max_bytes + 1)
    if len(raw) > limits.max_bytes:
        raise ArgmapError(Diagnostic(Location("-", 0, 0), f"input is over the limit of {limits.max_bytes} bytes; "
                                     "raise ARGMAP_MAX_BYTES to allow it"))
    return _decode(Path("-"), raw)


def read_bytes(path: Path, limits: Limits, *, regular_only: bool = False) -> bytes:
    """The bytes of ``path``, at most ``limits.max_bytes`` of them (else a located error).

    Never blocks on opening: a FIFO named on the command line is read (process
    substitution, ``<(...)``); with ``regular_only`` (a file named inside another
    file: a source text, a review's map, a configuration) anything but a regular
    file is refused. The path is noted as an input of the running command.
    """
    import stat

    from argmap.util.fs import note_input

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise _unreadable(path, "no such file") from None
    except IsADirectoryError:
        raise _unreadable(path, "is a folder, not a map file") from None
    except OSError as exc:
        raise _unreadable(path, f"cannot read: {exc.strerror}") from None
    with open(fd, "rb", closefd=True) as fh:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise _unreadable(path, "is a folder, not a map file")
        if not stat.S_ISREG(st.st_mode):
            if regular_only:
                raise _unreadable(path, "is not a regular file (a FIFO or a device); refused")
            os.set_blocking(fd, True)
        note_input(path)
        too_big = f"over the limit of {limits.max_bytes} bytes; raise ARGMAP_MAX_BYTES to allow it"
        if st.st_size > limits.max_bytes:  # a limit, as the others: exit 1
            raise ArgmapError(Diagnostic(Location(str(path), 0, 0), f"file is {st.st_size} bytes, {too_big}"))
        try:
            raw = fh.read(limits.max_bytes + 1)  # bounded: pipes and devices report no size
        except OSError as exc:
            raise _unreadable(path, f"cannot read: {exc.strerror}") from None
    if len(raw) > limits.max_bytes:
        raise ArgmapError(Diagnostic(Location(str(path), 0, 0), f"file is {too_big}"))
    return raw


def read_file(path: Path, limits: Limits, *, regular_only: bool = False) -> str:
    if str(path) == "-":
        return _read_stdin(limits)
    return _decode(path, read_bytes(path, limits, regular_only=regular_only))


def read_source_text(
    loaded: Any, allow_outside: bool, limits: Limits
) -> None:
    ref = loaded.map.source.text
    if not ref:
        return
    where = loaded.sourcemap.find(("source", "text"))
    if "://" in ref:
        raise ArgmapError(Diagnostic(where, f"source text must be a local file, not a URL ({ref!r}); URLs are never fetched"))
    try:
        base = loaded.path.resolve().parent
        target = (base / ref).resolve()  # symlinks resolved: a link may not lead outside either
        is_file = target.is_file()
    except (OSError, ValueError, RuntimeError) as exc:  # NUL byte, name too long, symlink loop
        raise ArgmapError(Diagnostic(where, f"source text path {ref!r} cannot be used: {exc}")) from None
    if not allow_outside and base != target and base not in target.parents:
        raise ArgmapError(
            Diagnostic(where, f"source text '{ref}' is outside the map's folder; pass --allow-outside to read it")
        )
    if not is_file:
        raise ArgmapError(Diagnostic(where, f"source text file '{ref}' not found (looked in {base})"))
    text = read_file(target, limits, regular_only=True)
    loaded.source_text = text
    # as the user names it (relative when the map's path is): reports show this path
    loaded.source_path = Path(os.path.normpath(loaded.path.parent / ref))
