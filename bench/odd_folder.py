"""Odd-folder benchmark: the real `dyadwatch ingest` on a folder of 100 odd documents.

Generates long, repetitive, name-heavy and long-sentence articles, one 2 MB text, deeply nested
JSON, binary files, odd encodings and a spaceless word; runs `python -m dyadwatch.cli.main ingest`
on the folder as a subprocess and prints wall time, the child's peak RSS, the exit code and how
many documents were stored or rejected, by reason. Issue target: under 60 s and 1 GB on 2 cores.

    .venv/bin/python bench/odd_folder.py [--keep DIR] [--skip deep] [--skip two]

`--skip deep` leaves out the deeply nested JSON files, `--skip two` the 2 MB text (file names
start with the kind: names, sentence, paragraphs, repetitive, word, two, deep, binary, encoding, page).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inputs import actor_sentence, generate  # noqa: E402

TWO_MB = 2_000_000


def write_folder(folder: Path, rng: random.Random, skip: set[str]) -> int:
    """Write the 100 odd documents (less the kinds in `skip`); returns how many files were written."""
    files: dict[str, bytes | str] = {}
    for i in range(20):
        files[f"names-{i:02}.txt"] = generate("names", 200 + 20 * i, rng)
    for i in range(15):
        files[f"sentence-{i:02}.txt"] = generate("sentence", 100 + 20 * i, rng)
    for i in range(15):
        files[f"paragraphs-{i:02}.txt"] = generate("paragraphs", 40 + 4 * i, rng)
    for i in range(15):
        files[f"repetitive-{i:02}.txt"] = generate("repetitive", 100 + 10 * i, rng)
    for i in range(5):
        files[f"word-{i}.txt"] = "The talks ended. " + generate("word", 100_000, rng)
    base = generate("paragraphs", 10, rng)
    files["two-mb.txt"] = (base + "\n\n") * (TWO_MB // (len(base) + 2)) + actor_sentence(rng)
    files["two-mb.txt"] = files["two-mb.txt"][:TWO_MB - 100]
    for i in range(5):
        depth = 10 ** (i + 1)
        nested = "[" * depth + "]" * depth
        files[f"deep-{i}.jsonl"] = json.dumps({"id": f"deep-{i}", "text": actor_sentence(rng)})[:-1] + \
            f', "extra": {nested}}}\n'
    for i in range(10):
        files[f"binary-{i}.txt"] = bytes(rng.randrange(256) for _ in range(20_000))
    text = " ".join(actor_sentence(rng) for _ in range(30))
    encodings = ("utf-16", "utf-16-le", "latin-1", "cp1252", "utf-8-sig", "shift_jis", "koi8-r", "gb18030",
                 "utf-32", "mac_roman")
    for i, encoding in enumerate(encodings):
        files[f"encoding-{i}-{encoding}.txt"] = (text + " Café, naïve, Zürich.").encode(encoding, "replace")
    for i in range(4):
        body = "".join(f"<p>{actor_sentence(rng)}</p>" for _ in range(50 * (i + 1)))
        files[f"page-{i}.html"] = f"<html><head><title>Page {i}</title></head><body>{'<div>' * 200}{body}</body></html>"
    files = {name: content for name, content in files.items() if name.split("-")[0] not in skip}
    for name, content in files.items():
        path = folder / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="write the folder and database here and keep them")
    parser.add_argument("--skip", action="append", default=[], metavar="KIND",
                        help="leave out one kind of file (deep, two, binary, encoding, word, ...); repeatable")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="odd-folder-"))
    folder = work / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    count = write_folder(folder, random.Random(13), set(args.skip))
    db = work / "odd.duckdb"
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "dyadwatch.cli.main", "--db", str(db), "ingest", str(folder)],
                         capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result = {"files": count, "exit_code": run.returncode, "wall_s": round(wall, 1), "peak_rss_mb": round(peak_mb)}
    result["summary"] = next((line for line in (run.stdout + run.stderr).splitlines() if line.startswith("stored")), "")
    if run.returncode != 0:
        result["stderr_tail"] = run.stderr.strip().splitlines()[-5:]
    if db.exists():
        result.update(_stored_and_rejected(db))
    print(json.dumps(result, indent=1))


def _stored_and_rejected(db: Path) -> dict:
    """Documents stored and rejections by reason, read from the database the run left."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        reasons = con.execute("SELECT reason, count(*) FROM rejections GROUP BY reason ORDER BY 2 DESC").fetchall()
    return {"stored": stored, "rejected_by_reason": dict(reasons)}


if __name__ == "__main__":
    main()
