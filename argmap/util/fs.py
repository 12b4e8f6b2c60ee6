"""Safe file writes: atomic replacement, backups that never follow links, inputs kept.

* :func:`atomic_write` writes a regular file through a temp file in the same
  folder (created with ``O_EXCL``/``O_NOFOLLOW``, so a planted link or file is
  never written through), fsync, then rename: readers see the old content or
  the complete new content, never a part. A target that is a device or a FIFO
  (``/dev/null``, a named pipe) is written in place, never replaced. An
  explicitly named symlinked target is written through (the link stays a link).
* Temp files are named ``.NAME.PID-RANDOM.tmp``; one left by a killed run (its
  process gone) is removed by the next write of the same file.
* :func:`backup` keeps the bytes a run read as ``NAME.bak``, or the first free
  ``NAME.bak.1``, ``NAME.bak.2``, … when that exists: a backup is never
  overwritten and never written through a link, so each run adds one backup
  holding the true original of that run.
* :func:`rewrite_in_place` replaces a file the run read, under a lock, only if
  it is still what was read (a concurrent run cannot make the backup hold an
  already-rewritten file).
* :func:`note_input` / :func:`check_output`: files a command read may not be
  its output unless forced.

A write that fails for a reason the user can fix (missing folder, no
permission, disk full) raises :class:`~argmap.diagnostics.ArgmapError` naming the file.

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

import contextvars
import errno
import os
import stat
from pathlib import Path
from typing import Iterable, Optional, Union

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.locations import Location

__all__ = [
    "atomic_write", "backup", "rewrite_in_place", "note_input", "inputs_read", "reset_inputs",
    "check_output", "MAX_BACKUPS",
]

MAX_BACKUPS = 100
"""Numbered backups ``NAME.bak.1`` … kept beside one file before argmap refuses to add another."""

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC

PathLike = Union[str, Path]


def _cannot(path: Path, verb: str, exc: OSError) -> ArgmapError:
    reason = exc.strerror or type(exc).__name__
    return ArgmapError(Diagnostic(Location(str(path)), f"cannot {verb}: {reason}"))


def _new_temp(folder: Path, name: str) -> tuple[int, Path]:
    """Create ``.NAME.PID-RANDOM.tmp`` in ``folder``, exclusively (never an existing file or link)."""
    import secrets

    for _ in range(100):
        tmp = folder / f".{name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, _NEW_FILE, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temp file name", str(folder))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Remove temp files of earlier writes of ``name`` whose process is gone (a kill -9)."""
    prefix, me = f".{name}.", os.geteuid() if hasattr(os, "geteuid") else None
    try:
        entries = os.scandir(folder)
    except OSError:
        return
    with entries:
        for entry in entries:
            if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
                continue
            pid, dash, rest = entry.name[len(prefix):-4].partition("-")
            if not (dash and pid.isdigit() and len(rest) == 8) or _alive(int(pid)):
                continue
            try:
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(st.st_mode) and (me is None or st.st_uid == me):
                    os.unlink(entry.path)
            except OSError:
                pass


def _write_temp(folder: Path, name: str, data: bytes, shown: Path) -> Path:
    """A complete, fsynced temp file for ``name`` in ``folder`` (stale ones of killed runs removed first)."""
    _remove_stale_temps(folder, name)
    try:
        fd, tmp = _new_temp(folder, name)
    except OSError as exc:
        raise _cannot(shown, "write", exc) from None
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException as exc:
        _discard(tmp, shown, exc)
        raise
    return tmp


def _discard(tmp: Path, shown: Path, exc: BaseException) -> None:
    """Remove the temp file of a write that failed with ``exc``; an OSError becomes a located error."""
    try:
        os.unlink(tmp)
    except OSError:
        pass
    if isinstance(exc, OSError):
        raise _cannot(shown, "write", exc) from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def atomic_write(path: PathLike, data: Union[str, bytes], *, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never a part."""
    shown = Path(path)
    target = Path(os.path.realpath(shown)) if shown.is_symlink() else shown
    if isinstance(data, str):
        data = data.encode(encoding)
    try:
        st: Optional[os.stat_result] = os.stat(target)
    except OSError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise ArgmapError(Diagnostic(Location(str(shown)), "cannot write: is a folder"))
    if st is not None and not stat.S_ISREG(st.st_mode):  # a device or a FIFO: written in place
        try:
            fd = os.open(target, os.O_WRONLY | os.O_NOCTTY | _CLOEXEC)
            try:
                _write_all(fd, data)
            finally:
                os.close(fd)
        except OSError as exc:
            raise _cannot(shown, "write", exc) from None
        return
    folder = target.parent if str(target.parent) else Path(".")
    tmp = _write_temp(folder, target.name, data, shown)
    try:
        os.chmod(tmp, st.st_mode & 0o7777 if st is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        _discard(tmp, shown, exc)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def _backup_names(path: Path) -> Iterable[Path]:
    yield path.with_name(path.name + ".bak")
    for n in range(1, MAX_BACKUPS + 1):
        yield path.with_name(f"{path.name}.bak.{n}")


def backup(path: PathLike, data: Optional[bytes] = None) -> Path:
    """Keep ``data`` (default: the bytes of ``path`` now) beside ``path`` as a new backup.

    The backup appears complete or not at all (a temp file hard-linked to its
    name, which fails on any existing file or link); returns its path.
    """
    path = Path(path)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise _cannot(path, "read", exc) from None
    folder = path.parent if str(path.parent) else Path(".")
    tmp = _write_temp(folder, path.name + ".bak", data, path.with_name(path.name + ".bak"))
    try:
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o777)
        except OSError:
            pass
        for bak in _backup_names(path):
            try:
                os.link(tmp, bak, follow_symlinks=False)
            except FileExistsError:
                continue
            _sync_folder(folder)
            return bak
        raise ArgmapError(
            Diagnostic(
                Location(str(path)),
                f"{MAX_BACKUPS + 1} backups ({path.name}.bak, {path.name}.bak.1 …) exist already;"
                " remove the ones you do not need, or pass --no-backup",
            )
        )
    except OSError as exc:
        raise _cannot(path.with_name(path.name + ".bak"), "write", exc) from None
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def rewrite_in_place(path: PathLike, original: bytes, data: bytes, *, keep_backup: bool = True) -> Optional[Path]:
    """Replace ``path`` (whose bytes were ``original`` when read) with ``data``; returns the backup.

    Holds an exclusive lock on the file meanwhile and refuses when the file no
    longer holds ``original`` (another run rewrote it): nothing is written then.
    """
    import fcntl

    path = Path(path)
    while True:
        try:
            fd = os.open(path, os.O_RDONLY | _CLOEXEC)
        except OSError as exc:
            raise _cannot(path, "read", exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except OSError:
                same = False
            if not same:  # replaced while we waited for the lock: lock the new file
                continue
            with os.fdopen(os.dup(fd), "rb") as fh:
                now = fh.read(len(original) + 1)
            if now != original:
                raise ArgmapError(
                    Diagnostic(
                        Location(str(path)),
                        "changed since argmap read it (another run?); nothing was written: run the command again",
                    )
                )
            bak = backup(path, original) if keep_backup else None
            atomic_write(path, data)
            return bak
        finally:
            os.close(fd)


# ------------------------------------------------------------ inputs kept

_INPUTS: contextvars.ContextVar[tuple] = contextvars.ContextVar("argmap_inputs", default=())


def reset_inputs() -> None:
    """Forget the files read so far (at the start of each command)."""
    _INPUTS.set(())


def note_input(path: PathLike) -> None:
    """Remember that the running command read ``path``."""
    _INPUTS.set(_INPUTS.get() + (Path(path),))


def inputs_read() -> tuple[Path, ...]:
    return _INPUTS.get()


def check_output(output: PathLike, force: bool = False, inputs: Iterable[PathLike] = ()) -> None:
    """Refuse ``output`` when it is (the same file as) one of the files read, unless ``force``.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.yaml"
    >>> _ = p.write_text("argmap: 1")
    >>> try:
    ...     check_output(p, inputs=[p])
    ... except ArgmapError as exc:
    ...     print(exc.diagnostics[0].message)
    is an input of this command; writing it would overwrite the input (pass --force to do so)
    >>> check_output(p, force=True, inputs=[p])
    """
    if force:
        return
    out = Path(output)
    try:
        out_stat: Optional[os.stat_result] = os.stat(out)
    except OSError:
        out_stat = None
    if out_stat is not None and not stat.S_ISREG(out_stat.st_mode):
        return  # /dev/null, a FIFO: writing there replaces nothing
    for read in (*inputs, *inputs_read()):
        try:
            same = os.path.samestat(out_stat, os.stat(read)) if out_stat is not None else False
        except OSError:
            same = False
        if same or os.path.abspath(out) == os.path.abspath(read):
            raise ArgmapError(
                Diagnostic(
                    Location(str(output)),
                    "is an input of this command; writing it would overwrite the input (pass --force to do so)",
                ),
                exit_code=2,
            )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
