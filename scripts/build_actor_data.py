#!/usr/bin/env python3
"""Derive compact actor tables from the Phoenix (PETRARCH2) dictionaries; run once, commit the output.

Reads ../shared/dictionaries (or --src) and writes to src/dyadwatch/data/actors/:

  phoenix_countries.tsv      alias → ISO3 country, kind "name" (country names, variants, demonyms)
                             or "institution" (named state bodies with a fixed code, e.g. PLA → CHNMIL)
  phoenix_international.tsv  alias → IGO (intergovernmental bodies), with the block's first name
  phoenix_agents.tsv         agent noun phrase → sector (plurals generated)
  phoenix_nonstate.tsv       alias → primary and sector of armed non-state groups (the TOPS-derived
                             MilNonState list: "Hamas" → PSE REB, "al-Qaeda" → IMG), with the block's
                             first name; groups coded to a region rather than a country are left out

  phoenix_persons.tsv        person name → primary, sector and dates of their latest office, for the
                             heads of state and government and the hand-added people of the 2014 lists
                             (our leaders.tsv overrides them for current officials)

Deliberately left out: the thousands of ministers in the 2014 lists, cities,
provinces and landmarks listed as country aliases (a location is not an actor, and many collide with
person names), NGOs and multinational corporations (thousands of rarely seen names).

Usage: python scripts/build_actor_data.py [--src DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROVENANCE = "# Derived by scripts/build_actor_data.py from the Phoenix dictionaries (MIT, Open Event Data Alliance)."
DEFAULT_SRC = ROOT.parent / "shared" / "dictionaries"
DEFAULT_OUT = ROOT / "src" / "dyadwatch" / "data" / "actors"

CODE_RE = re.compile(r"\[([A-Z~]*)\s*([^\]]*)\]")
# Phoenix uses World Bank "KSV" for Kosovo; we use the common user-assigned ISO code.
COUNTRY_REMAP = {"KSV": "XKX"}
SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "MED", "EDU", "BUS", "CRM", "CVL",
           "ELI", "HLH", "HRI", "LAB", "AGR", "ENV", "DEV", "REF", "REL", "UAF", "IGO", "NGO", "MNC", "IMG",
           "MUS", "CHR", "JEW", "BUD", "HIN", "CTH", "SHI", "SUN", "RAD", "PPL", "MOD", "ATH"}
# When a code carries several sectors, GOV is the generic one: "GOVMIL" → MIL.
GENERIC_SECTOR = "GOV"
LANDMARK_WORDS = {"RIVER", "DESERT", "MOUNT", "MOUNTAINS", "LAKE", "SEA", "GULF", "BAY", "PENINSULA", "CANAL",
                  "PLAIN", "GORGE", "STRAIT", "ISLAND", "ISLANDS", "VALLEY", "PROVINCE", "CITY", "WALL", "OCEAN"}
GENERIC_NAME_WORDS = {"UNITED", "STATES", "STATE", "REPUBLIC", "DEMOCRATIC", "PEOPLE'S", "PEOPLES",
                      "KINGDOM", "ISLANDS", "ISLAND", "FEDERATION", "FEDERAL", "SOUTH", "NORTH", "EAST", "WEST",
                      "CENTRAL", "NEW", "SAINT", "ARAB", "ISLAMIC", "SOCIALIST", "GREAT", "EMIRATES"}
FUNCTION_WORDS = {"of", "the", "and", "de", "du", "la", "le", "el", "des", "da", "do", "y", "et", "for"}
# Offices worth a person entry: government, armed forces, opposition, rebels, courts, legislatures,
# or an international organisation (no sector).
PERSON_SECTORS = {"GOV", "MIL", "OPP", "REB", "JUD", "LEG", "COP", "SPY", ""}
IGO_SECTIONS = ("The United Nations", "NATO", "World Bank and IMF", "The European Union", "Other IGOs")
SUBSTITUTIONS_RE = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
STEMS = {"MINIST": ["MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES"]}


@dataclass
class Block:
    """One dictionary entry: its names (header plus '+' aliases) and the bracketed codes under it."""

    names: list[str] = field(default_factory=list)
    raw_codes: str = ""  # the bracketed code text, dates included: "[USAGOV 890120-930120] [USAELI]"
    person: bool = False  # marked as coming from CountryInfo or the IGO rulers list
    section: str = ""  # the "#####  Heading  #####" it sits under
    country_line: int = 0  # line of the country header the block follows

    @property
    def codes(self) -> list[tuple[str, bool]]:
        """(code, has a date restriction) for each bracketed code."""
        return [(code, bool(dates.strip())) for code, dates in CODE_RE.findall(self.raw_codes)]


def read_blocks(path: Path) -> list[Block]:
    """Parse a TABARI/PETRARCH .actors file into blocks."""
    blocks: list[Block] = []
    current: Block | None = None
    section = ""
    country_line = 0
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        stripped = raw.strip()
        if stripped.startswith("#") or not stripped:
            heading = re.match(r"#{3,}\s*(.+?)\s*#{3,}", stripped)
            if heading:
                section = heading.group(1)
            if current is not None and not current.raw_codes:
                current = None  # a codeless block cut off by a comment or blank line is dropped
            continue
        text = raw.split("#", 1)[0]
        bracketed = " ".join(m.group(0) for m in CODE_RE.finditer(text))
        name = CODE_RE.sub("", text).strip()
        if name.startswith("+") or (raw[:1] in " \t" and not name):
            if current is not None:
                if name:
                    current.names.append(name[1:])
                current.raw_codes += " " + bracketed if bracketed else ""
            continue
        if current is None or current.raw_codes:
            first = CODE_RE.search(text)
            if first and re.fullmatch(r"[A-Z]{3}([A-Z]{3})?", first.group(1)) and not first.group(2).strip():
                country_line = number
            current = Block(section=section, country_line=country_line)
            blocks.append(current)
        current.names.append(name)
        current.raw_codes += " " + bracketed if bracketed else ""
        current.person = current.person or "CountryInfo" in raw or "rulers" in raw
    return [b for b in blocks if b.codes]


def phrase(name: str) -> str:
    """A dictionary name as display text: underscores to spaces, Title Case, function words lower."""
    words = name.replace("_", " ").split()
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        out.append(lower if i and lower in FUNCTION_WORDS else word[:1].upper() + word[1:].lower())
    return " ".join(out)


def similar(alias: str, header: str) -> bool:
    """Whether an alias is a variant of the country's own name (not a city, river or nickname)."""
    alias_words = alias.replace("_", " ").replace(",", " ").split()
    header_words = header.replace("_", " ").split()
    distinctive = [w for w in header_words if len(w) >= 4 and w not in GENERIC_NAME_WORDS]
    for word in alias_words:
        for ref in distinctive:
            if word[:4] == ref[:4] or SequenceMatcher(None, word, ref).ratio() >= 0.75:
                return True
    text = " ".join(alias_words)
    prefixes = [" ".join(header_words[:n]) for n in range(1, len(header_words) + 1)]
    return any(SequenceMatcher(None, text, p).ratio() >= 0.85 for p in prefixes)


def split_code(code: str) -> tuple[str, str]:
    """('CHN', 'LEG') from 'CHNGOVLEG': primary code and one sector (the most specific)."""
    primary = COUNTRY_REMAP.get(code[:3], code[:3])
    sectors = [code[i:i + 3] for i in range(3, len(code), 3) if code[i:i + 3] in SECTORS]
    specific = [s for s in sectors if s != GENERIC_SECTOR]
    return primary, (specific[0] if specific else sectors[0] if sectors else "")


def country_rows(blocks: list[Block]) -> list[tuple[str, str, str]]:
    """(alias, code, kind) rows from the countries file."""
    rows = []
    for block in blocks:
        if block.person or any(dated for _, dated in block.codes):
            continue
        code = block.codes[0][0]
        if not code or code.startswith("~"):
            continue
        names = [n for n in block.names if n]
        if not names:
            continue
        is_country = len(code) in (3, 6) and split_code(code)[1] == "" and code[:3].isalpha()
        if is_country:
            header = names[0]
            primary = split_code(code)[0]
            for alias in names:
                words = set(alias.replace("_", " ").split())
                if words & LANDMARK_WORDS or "(" in alias or not similar(alias, header):
                    continue
                rows.append((phrase(alias), primary, "name"))
        else:
            primary, sector = split_code(code)
            full = primary + sector
            for alias in names:
                rows.append((phrase(alias), full, "institution"))
    return rows


def parse_phoenix_date(text: str) -> str:
    """"090120" → "2009-01-20", "19300415" → "1930-04-15" (two-digit years up to 30 are 20xx)."""
    digits = text.strip("<> ")
    if len(digits) == 6:
        year = int(digits[:2])
        digits = ("20" if year <= 30 else "19") + digits
    if len(digits) != 8 or not digits.isdigit():
        return ""
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"


def person_spell(raw_codes: list[tuple[str, str]]) -> tuple[str, str, str, str] | None:
    """(primary, sector, valid_from, valid_to) of a person's latest office; ELI spells only if no office."""
    spells = []
    for code, dates in raw_codes:
        if not code or code.startswith("~") or len(code) < 3 or not code[:3].isalpha():
            continue
        primary, sector = split_code(code)
        start = end = ""
        if "-" in dates:
            first, last = dates.split("-", 1)
            start, end = parse_phoenix_date(first), parse_phoenix_date(last)
        elif dates.startswith(">"):
            start = parse_phoenix_date(dates)
        elif dates.startswith("<"):
            end = parse_phoenix_date(dates)
        spells.append((primary, sector, start, end))
    offices = [s for s in spells if s[1] not in ("", "ELI")] or spells
    if not offices:
        return None
    return max(offices, key=lambda s: (s[2] or "0000", s[3] or "9999"))


def leading_people(blocks: list[Block]) -> list[Block]:
    """The people worth shipping: hand-added entries, and the heads of state and government that
    CountryInfo lists first in each country, before its alphabetical list of ministers."""
    chosen: list[Block] = []
    sections: dict[int, list[Block]] = {}
    for block in blocks:
        if not any(dated for _, dated in block.codes):
            continue
        if block.person:
            sections.setdefault(block.country_line, []).append(block)
        else:
            chosen.append(block)
    for people in sections.values():
        keys = [p.names[0] for p in people]
        suffix = len(keys) - 1
        while suffix > 0 and keys[suffix - 1] <= keys[suffix]:
            suffix -= 1
        chosen.extend(people[:suffix])
    return chosen


def person_rows(path: Path) -> list[tuple[str, ...]]:
    """(alias, primary, sector, valid_from, valid_to, name) for the leading people of an actors file."""
    rows = []
    for block in leading_people(read_blocks(path)):
        raw = CODE_RE.findall(block.raw_codes)
        if not any(d.strip() for _, d in raw):
            continue
        spell = person_spell(raw)
        if spell is None or spell[1] not in PERSON_SECTORS:
            continue
        for alias in block.names:
            if len(alias.replace("_", " ").split()) < 2:
                continue  # a lone name ("Hassan") is too often someone else's
            rows.append((phrase(alias),) + spell + (phrase(block.names[0]),))
    return rows


def international_rows(blocks: list[Block]) -> list[tuple[str, str, str]]:
    """(alias, code, canonical name) rows for intergovernmental organisations."""
    rows = []
    for block in blocks:
        if block.section not in IGO_SECTIONS or block.person:
            continue
        if any(dated for _, dated in block.codes) or not block.codes[0][0].startswith("IGO"):
            continue
        canonical = phrase(block.names[0])
        for alias in block.names:
            rows.append((phrase(alias), "IGO", canonical))
    return rows


NON_STATE = {"IGO", "NGO", "IMG", "MNC"}
ACRONYM_WORDS = {"YOUTH", "ARMY", "FRONT", "UNION", "PARTY"}


def nonstate_rows(blocks: list[Block], countries: set[str]) -> list[tuple[str, str, str, str]]:
    """(alias, primary, sector, canonical name) rows for armed non-state groups."""
    rows = []
    for block in blocks:
        if not block.codes or any(dated for _, dated in block.codes):
            continue
        primary, sector = split_code(block.codes[0][0])
        if primary not in countries and primary not in NON_STATE:
            continue  # "AFR", "MEA": regions are not actors we can place
        canonical = phrase(block.names[0]).strip()
        for alias in block.names:
            text = phrase(alias).strip()
            if len(text.replace(" ", "")) < 4 and not (alias.strip("_").isupper() and len(alias.strip("_")) >= 3):
                continue
            bare = alias.strip("_")
            acronym = bare.isalpha() and bare.isupper() and 3 <= len(bare) <= 5 and bare not in ACRONYM_WORDS
            if acronym:
                text = bare  # acronyms keep their capitals ("PKK", "RUF")
            elif " " not in text and "-" not in text:
                continue  # one plain word ("Tigers", "Falcon", "Mavericks") names too many other things
            rows.append((text, primary, sector or "REB", canonical))
    return rows


def plural(word: str) -> str:
    """Regular English plural of a lowercase noun."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("person"):
        return word[:-6] + "people"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


def agent_rows(path: Path) -> list[tuple[str, str]]:
    """(phrase, sector) rows from the agents file, substitution sets and stems expanded."""
    substitutions: dict[str, list[str]] = {}
    rows: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        sub = SUBSTITUTIONS_RE.match(text)
        if sub:
            substitutions[sub.group(1)] = [w.strip() for w in sub.group(2).split(",")]
            continue
        match = re.search(r"\[~([A-Z]+)[\]}]", text)
        if not match or "{" in text:
            continue
        sector = split_code("XXX" + match.group(1))[1]
        if not sector:
            continue
        body = text[:match.start()].strip()
        for expanded in expand(body, substitutions):
            words = [w for w in expanded.replace("_", " ").replace(",", " ").lower().split() if w]
            if not words:
                continue
            rows.append((" ".join(words), sector))
            if words[-1] not in {"police", "personnel", "staff", "media", "military", "people", "men", "women",
                                 "ministries", "ministers"} and not words[-1].endswith("s"):
                rows.append((" ".join(words[:-1] + [plural(words[-1])]), sector))
    return rows


def expand(body: str, substitutions: dict[str, list[str]]) -> list[str]:
    """Every spelled-out form of an agent entry ("!MINIST! OF_X" → "MINISTER OF_X", ...)."""
    forms = [body]
    for key, values in substitutions.items():
        forms = [f.replace(key, v, 1) for f in forms for v in values] if any(key in f for f in forms) else forms
        while any(key in f for f in forms):
            forms = [f.replace(key, v, 1) for f in forms for v in values]
    out = []
    for form in forms:
        last = re.split(r"[_\s]", form.rstrip("_ "))[-1]
        if last in STEMS:
            prefix = form.rstrip("_ ")[: -len(last)]
            out.extend(prefix + word for word in STEMS[last])
        else:
            out.append(form)
    return out


def write_tsv(path: Path, header: str, rows: list[tuple[str, ...]]) -> None:
    seen = set()
    unique = []
    for row in rows:
        key = row[0].lower()
        if key in seen:
            continue
        seen.add(key)
        unique.append(row)
    lines = [header] + ["\t".join(row) for row in sorted(unique, key=lambda r: (r[1], r[0].lower()))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path}: {len(unique)} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=DEFAULT_SRC)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    countries_file = args.src / "Phoenix.Countries.actors.txt"
    international_file = args.src / "Phoenix.International.actors.txt"
    tables = {
        "phoenix_countries.tsv": ("alias\tcode\tkind", country_rows(read_blocks(countries_file))),
        "phoenix_international.tsv": ("alias\tcode\tname", international_rows(read_blocks(international_file))),
        "phoenix_persons.tsv": ("alias\tprimary\tsector\tvalid_from\tvalid_to\tname",
                                person_rows(countries_file) + person_rows(international_file)),
        "phoenix_agents.tsv": ("agent phrase\tsector", agent_rows(args.src / "Phoenix.agents.txt")),
    }
    country_codes = {row[1] for row in tables["phoenix_countries.tsv"][1]}
    tables["phoenix_nonstate.tsv"] = ("alias\tprimary\tsector\tname", nonstate_rows(
        read_blocks(args.src / "Phoenix.MilNonState.actors.txt"), country_codes))
    for name, (columns, rows) in tables.items():
        write_tsv(args.out / name, f"{PROVENANCE}\n# {columns}", rows)


if __name__ == "__main__":
    main()
