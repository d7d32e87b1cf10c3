"""Validation of the CLI's date and period options: one line naming the option and the accepted forms.

`--since` / `--until` take a date at any precision the store keeps: YYYY, YYYY-MM or YYYY-MM-DD, a
real calendar date ("2024-02-30" and "yesterday" are refused). Use `date_bound` as a Typer option
callback and `check_range` once both bounds are known. `choice` checks a word option (`--by`,
`--format`, ...) against its choices.
"""
from __future__ import annotations

import re
from datetime import date

import typer

DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-07, 2024-07-15)"
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date_bound(value: str) -> str:
    """`value` when it is a valid YYYY, YYYY-MM or YYYY-MM-DD date, else ValueError saying why."""
    text = value.strip()
    m = _DATE_RE.match(text)
    if not m:
        raise ValueError(f"{value!r} is not a date")
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{value!r} has no month {month}")
    if day is not None:
        try:
            date(year, month, day)  # type: ignore[arg-type]
        except ValueError:
            raise ValueError(f"{value!r} is not a day of the calendar") from None
    return text


def _option_name(param: typer.CallbackParam | None, fallback: str) -> str:
    if param is not None and param.opts:
        return max(param.opts, key=len)
    return fallback


def date_bound(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> str | None:
    """Typer callback for --since/--until: the date, or a usage error naming the option."""
    if value is None:
        return None
    try:
        return parse_date_bound(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{exc}; use {DATE_FORMS}", ctx=ctx, param=param,
                                 param_hint=_option_name(param, "date")) from None


def check_range(since: str | None, until: str | None) -> None:
    """A usage error when --since comes after --until (compared at the shorter precision)."""
    if since and until:
        length = min(len(since), len(until))
        if since[:length] > until[:length]:
            raise typer.BadParameter(f"{since} is after --until {until}", param_hint="--since")


def choice(value: str, choices: tuple[str, ...], hint: str) -> str:
    """`value` when it is one of `choices`, else a usage error listing them."""
    if value not in choices:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(choices)}", param_hint=hint)
    return value
