"""One writing convention for people-facing output (CLI tables, the HTML report, the dashboard).

A dyad is written with the ASCII hyphen the `--dyad` option and the API's `dyad` parameter take
("PRK-CHN"), a directed one with an arrow ("PRK→CHN"); a missing value (no date, no named actor,
no mean) is an em dash. Machine formats keep their own: null in JSON, an empty cell in CSV.
The dashboard's JavaScript mirrors these constants (static/dashboard.js).
"""
from __future__ import annotations

DYAD_SEP = "-"
DIRECTED_SEP = "\u2192"
MISSING = "\u2014"


def dyad_label(a: str, b: str, directed: bool = False) -> str:
    return f"{a}{DIRECTED_SEP if directed else DYAD_SEP}{b}"


def shown(value: object, fmt: str = "{}") -> str:
    """`value` formatted with `fmt`, or MISSING for None and the empty string."""
    return MISSING if value is None or value == "" else fmt.format(value)
