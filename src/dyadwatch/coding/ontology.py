"""The CAMEO ontology: code names, Goldstein intensity, quad class and the CAMEO→PLOVER map."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dyadwatch.resources import read_text

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# CAMEO 02 (appeal) has no row in the 2021 table; PLOVER folds appeals into REQUEST.
_EXTRA_PLOVER = {"02": "REQUEST"}
# Two rows of the 2021 table contradict PLOVER's own type definitions, and the PLOVER gold standard codes
# them by the definitions: imposing sanctions or an embargo is SANCTION (the table says COERCE), and
# destroying property is COERCE like the rest of its "seize" mode (the table says ASSAULT).
_PLOVER_CORRECTIONS = {"163": "SANCTION", "1712": "COERCE"}


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with everything the event record needs from the ontology."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None


def quad_class(code: str) -> int:
    """CAMEO quad class from the root: 01-05 verbal cooperation, 06-08 material cooperation,
    09-13 verbal conflict, 14-20 material conflict."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    rows = read_text("ontology", "CAMEO.eventcodes.txt").splitlines()[1:]
    return {code.strip(): name.strip() for code, name in (r.split("\t", 1) for r in rows if "\t" in r)}


@lru_cache(maxsize=1)
def _goldstein() -> dict[str, float]:
    rows = read_text("ontology", "CAMEO.goldsteinscale.txt").splitlines()[1:]
    return {code.strip(): float(val) for code, val in (r.split("\t", 1) for r in rows if "\t" in r)}


@lru_cache(maxsize=1)
def _plover_table() -> dict[str, str]:
    table: dict[str, str] = {**_EXTRA_PLOVER, **_PLOVER_CORRECTIONS}
    line_re = re.compile(r"^(\d{2,4}):\s*([A-Z]+)")
    for line in read_text("ontology", "CAMEO2PLOVER-2021.txt").splitlines():
        m = line_re.match(line)
        # Two-digit headers repeat (08 is both CONCEDE and RETREAT); the first one is the root's type.
        if m and m.group(1) not in table:
            table[m.group(1)] = m.group(2)
    return table


def plover_type(code: str) -> str | None:
    """PLOVER type for a CAMEO code: the longest prefix present in the table."""
    table = _plover_table()
    for length in range(len(code), 1, -1):
        hit = table.get(code[:length])
        if hit:
            return hit
    return None


def goldstein(code: str) -> float:
    """Goldstein value of a code, falling back to its parent codes."""
    values = _goldstein()
    for length in range(len(code), 1, -1):
        if code[:length] in values:
            return values[code[:length]]
    raise KeyError(f"no Goldstein value for CAMEO code {code!r}")


def is_known(code: str) -> bool:
    return code in _names()


@lru_cache(maxsize=512)
def lookup(code: str) -> CameoCode:
    """Everything about one CAMEO code; KeyError for codes not in the codebook."""
    names = _names()
    if code not in names:
        raise KeyError(f"unknown CAMEO code {code!r}")
    return CameoCode(code, names[code], goldstein(code), quad_class(code), plover_type(code))
