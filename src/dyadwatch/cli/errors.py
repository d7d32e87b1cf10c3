"""How the `dyadwatch` command ends on an error: one line on stderr, exit 2 for the user's errors.

`run()` in main.py calls `handle` for anything a command raised. Usage errors (bad options, click's
own and `UserError`), store errors (not a DuckDB file, a database busy after retries, an unknown
schema) and missing input files are the user's: one line, exit 2. Anything else is a bug: one line,
a pointer to `--debug`, exit 1. With `--debug` the traceback is shown instead.
"""
from __future__ import annotations

import sys

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError  # Typer 0.29 ships its own click

from dyadwatch.store import StoreError

USER_OS_ERRORS = (FileNotFoundError, IsADirectoryError, NotADirectoryError)


class UserError(ClickException):
    """Something the user asked for cannot be done as asked (exit 2, one line)."""

    exit_code = 2


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def _say(message: str) -> None:
    sys.stderr.write(f"error: {one_line(message)}\n")
    sys.stderr.flush()


def handle(exc: BaseException, *, debug: bool) -> int:
    """Print `exc` the way the CLI reports errors and return the exit code (re-raise under --debug)."""
    if isinstance(exc, typer.Abort):
        _say("aborted")
        return 130
    if isinstance(exc, NoArgsIsHelpError):  # `dyadwatch` alone: the help was printed, nothing went wrong
        if exc.format_message().strip():
            sys.stderr.write(exc.format_message() + "\n")
        return exc.exit_code
    if isinstance(exc, ClickException):
        if debug and not isinstance(exc, UsageError):
            raise exc
        hint = f" (see {exc.ctx.command_path} --help)" if isinstance(exc, UsageError) and exc.ctx else ""
        _say(exc.format_message() + hint)
        return exc.exit_code
    if debug:
        raise exc
    if isinstance(exc, StoreError):
        _say(str(exc))
        return 2
    if isinstance(exc, USER_OS_ERRORS):
        name = getattr(exc, "filename", None)
        _say(f"{exc.strerror or exc}: {name}" if name else str(exc))
        return 2
    _say(f"unexpected {type(exc).__name__}: {exc}; run with --debug for the traceback")
    return 1
