"""The ``argmap`` command line: a click group whose commands load lazily.

Each command lives in its own small module under :mod:`argmap.commands` and is
imported only when it runs (or when ``--help`` lists it), so start-up stays fast.
Errors a user can fix print one line each, ``argmap: error: FILE:LINE:COL: message``,
and exit 1; usage errors exit 2; anything else is an internal error (exit 3).
"""

from __future__ import annotations

import importlib
import sys
from typing import Any, Optional

import click

from argmap import __version__
from argmap.commands._common import color_option, default_color, no_color_option

__all__ = ["main", "run", "cli", "COMMANDS"]

COMMANDS: dict[str, str] = {
    "validate": "argmap.commands.validate:validate",
    "schema": "argmap.commands.schema:schema",
    "export": "argmap.commands.export:export",
    "review": "argmap.commands.review:review",
    "diff": "argmap.commands.diff:diff",
    "audit": "argmap.commands.audit:audit",
    "rules": "argmap.commands.rules:rules",
    "anchor": "argmap.commands.anchor:anchor",
    "coverage": "argmap.commands.coverage:coverage",
    "sources": "argmap.commands.sources:sources",
    "render": "argmap.commands.render:render",
    "evaluate": "argmap.commands.evaluate:evaluate",
    "explain": "argmap.commands.explain:explain",
    "import": "argmap.commands.import_:import_",
    "draft": "argmap.commands.draft:draft",
    "lsp": "argmap.commands.lsp:lsp",
    "view": "argmap.commands.view:view",
    "serve": "argmap.commands.serve:serve",
}
"""Command name → ``module:attribute`` of its click command."""


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> Optional[click.Command]:
        spec = COMMANDS.get(name)
        if spec is None:
            return None
        module, _, attr = spec.partition(":")
        return getattr(importlib.import_module(module), attr)

    def invoke(self, ctx: click.Context) -> Any:
        from argmap.diagnostics import ArgmapError
        from argmap.util.fs import reset_inputs
        from argmap.util.terminal import clean, one_line

        reset_inputs()  # the files this command reads may not become its output (unless --force)
        try:
            return super().invoke(ctx)
        except ArgmapError as exc:
            from argmap.commands._common import echo_errors

            echo_errors(exc)
            ctx.exit(exc.exit_code)
        except click.ClickException as exc:  # usage errors (exit 2) may quote file names
            exc.message = clean(exc.message)
            raise
        except (click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("argmap: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:  # the reader went away (| head): stop quietly
            _silence_stdout()
            ctx.exit(1)
        except Exception as exc:  # noqa: BLE001 - the one place internal errors are reported
            if _no_space(exc):  # the disk is full: not a bug, and the output is cut short
                click.echo(f"argmap: error: cannot write the output: {exc}", err=True)
                _silence_stdout()
                ctx.exit(1)
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(
                f"argmap: internal error: {type(exc).__name__}: {one_line(str(exc))[:300]}\n"
                "This is a bug in argmap. Please report it with the output of the same command run with --debug.",
                err=True,
            )
            ctx.exit(3)


def _no_space(exc: BaseException) -> bool:
    """True for the errors of writing to a full disk or past a file-size limit."""
    import errno

    return isinstance(exc, OSError) and exc.errno in {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _silence_stdout() -> None:
    """Point standard output at /dev/null so the final flush cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file descriptor (e.g. under a test runner)
        pass


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
@click.option("--debug", is_flag=True, help="Show the full traceback of internal errors.")
@color_option
@no_color_option
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Map arguments, audit their support, and render them as diagrams.

    Shell completion (commands, options, and ids for explain and render --focus):
    eval "$(_ARGMAP_COMPLETE=bash_source argmap)" in ~/.bashrc
    (zsh_source in ~/.zshrc; fish: _ARGMAP_COMPLETE=fish_source argmap | source).
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    default_color(ctx)


def main(argv: Optional[list[str]] = None) -> None:
    import gc

    # One short-lived process builds a big map's objects in one go and frees them
    # at exit. The cyclic collector would only rescan those live objects, again
    # and again (a quarter of the time of auditing 50000 claims, 7% on 5000); the
    # model holds no reference cycles, and reference counting frees the rest.
    enabled = gc.isenabled()
    gc.disable()
    try:
        cli.main(args=argv, prog_name="argmap")
    finally:  # an in-process caller gets its collector back
        if enabled:
            gc.enable()


def run() -> None:
    """The ``argmap`` program (and ``python -m argmap``): :func:`main`, then a quick exit.

    Once the output is flushed the process ends with :func:`os._exit`, as mypy's
    does, instead of freeing every object of a big map one by one (30 ms of the
    360 ms that auditing a 5000-claim map takes). Every file argmap writes is
    closed and renamed into place before its command returns, so nothing is
    lost; call :func:`main` to stay in the interpreter.
    """
    import os

    unwritten: Optional[BaseException] = None
    try:
        main()
        code: Any = 0
    except SystemExit as exc:
        code = exc.code
    except OSError as exc:  # writing failed outside a command (--version, --help)
        if not _no_space(exc):
            raise
        unwritten, code = exc, 1
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    try:
        if sys.stdout is not None:  # None when started with standard output closed
            sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (argmap ... | head): nothing more to say
        code = code or 1
    except (OSError, ValueError) as exc:  # a full disk: the output is cut short, so say so
        unwritten, code = unwritten or exc, code or 1
    try:
        if unwritten is not None:
            print(f"argmap: error: cannot write the output: {unwritten}", file=sys.stderr)
        if sys.stderr is not None:
            sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)
