#!/usr/bin/env python3
"""Check (and with --write, sort) the officials table, src/dyadwatch/data/actors/officials.tsv.

The table is compiled by the project from public knowledge: heads of state and government, foreign
and defence ministers, spokespeople, 2015-2026. This script does not invent rows; it catches the
mistakes a hand-compiled table collects:

  - a row without 7 cells, a country that is neither in countries.tsv nor IGO, an unknown sector
  - a date that does not parse, or a spell that ends before it starts
  - two spells of one person that overlap with different countries (one person acts for one state)
  - two people holding the same single-holder office (head of government, foreign or defence
    minister) of one country on the same day: one of the dates is wrong
  - the same spell listed in officials.tsv and leaders.tsv (keep it in one file)

Usage: python scripts/check_officials.py [--write]   (exit 1 when a check fails)
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "dyadwatch" / "data" / "actors"
SECTORS = {"GOV", "MIL", "OPP", "REB", "SPY", "LEG", "JUD", "COP", "ELI", ""}
# Offices only one person holds at a time in a country (acting holders are listed as such and skipped).
SINGLE_OFFICES = ("Prime minister", "Foreign minister", "Defence minister", "Chancellor", "Secretary of State",
                  "Secretary of Defense", "Foreign secretary", "Defence secretary")


@dataclass(frozen=True)
class Row:
    line: int
    name: str
    aliases: str
    country: str
    sector: str
    role: str
    start: date | None
    end: date | None


def data_lines(path: Path) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if line.strip() and not line.startswith("#")]


def parse(path: Path, problems: list[str]) -> list[Row]:
    rows = []
    for n, line in data_lines(path):
        cells = line.split("\t")
        if len(cells) != 7:
            problems.append(f"{path.name}:{n}: {len(cells)} cells, want 7")
            continue
        try:
            start, end = (date.fromisoformat(c) if c.strip() else None for c in cells[5:7])
        except ValueError as exc:
            problems.append(f"{path.name}:{n}: bad date ({exc})")
            continue
        rows.append(Row(n, cells[0], cells[1], cells[2], cells[3], cells[4], start, end))
    return rows


def overlaps(a: Row, b: Row) -> bool:
    a_end, b_end = a.end or date.max, b.end or date.max
    return (a.start or date.min) < b_end and (b.start or date.min) < a_end


def check(rows: list[Row], leaders: list[Row], countries: set[str]) -> list[str]:
    problems = []
    for row in rows:
        where = f"officials.tsv:{row.line} {row.name}"
        if row.country not in countries and row.country != "IGO":
            problems.append(f"{where}: unknown country {row.country}")
        if row.sector not in SECTORS:
            problems.append(f"{where}: unknown sector {row.sector}")
        if row.start and row.end and row.end <= row.start:
            problems.append(f"{where}: ends before it starts")
    by_name: dict[str, list[Row]] = {}
    for row in rows + leaders:
        by_name.setdefault(row.name, []).append(row)
    for name, spells in by_name.items():
        for i, a in enumerate(spells):
            for b in spells[i + 1:]:
                if overlaps(a, b) and a.country != b.country and "IGO" not in (a.country, b.country):
                    problems.append(f"{name}: spells for {a.country} and {b.country} overlap")
                if (a.country, a.start, a.end, a.sector) == (b.country, b.start, b.end, b.sector) and a is not b:
                    problems.append(f"{name}: the same spell is listed twice (lines {a.line}, {b.line})")
    problems += single_office_clashes(rows + leaders)
    return problems


def single_office_clashes(rows: list[Row]) -> list[str]:
    problems = []
    for office in SINGLE_OFFICES:
        holders = [r for r in rows if r.role == office]
        for i, a in enumerate(holders):
            for b in holders[i + 1:]:
                if a.country == b.country and a.name != b.name and overlaps(a, b) and a.end and b.end is None:
                    continue  # a former holder and the current one: the earlier end date decides
                if a.country == b.country and a.name != b.name and overlaps(a, b):
                    problems.append(f"{a.country} {office}: {a.name} and {b.name} overlap")
    return problems


def write_sorted(path: Path) -> None:
    text = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in text if line.startswith("#")]
    body = [line for line in text if line.strip() and not line.startswith("#")]
    body.sort(key=lambda line: (line.split("\t")[2], line.split("\t")[0], line.split("\t")[5]))
    path.write_text("\n".join(header + body) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="sort the rows by country, name and start")
    args = parser.parse_args()
    problems: list[str] = []
    rows = parse(DATA / "officials.tsv", problems)
    leaders = parse(DATA / "leaders.tsv", problems)
    countries = {line.split("\t")[0] for _, line in data_lines(DATA / "countries.tsv")}
    problems += check(rows, leaders, countries)
    for problem in problems:
        print(problem, file=sys.stderr)
    if args.write and not problems:
        write_sorted(DATA / "officials.tsv")
    print(f"{len(rows)} officials rows, {len({r.name for r in rows})} people, "
          f"{len({r.country for r in rows})} countries; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
