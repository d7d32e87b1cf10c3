"""Throughput benchmark: the whole `dyadwatch ingest` versus bare `nlp.pipe` of the same model.

On the same texts, in one run: bare `nlp.pipe` of the spaCy model in this process (loaded and warmed
first, one process), then the real `dyadwatch ingest` command as a subprocess into a fresh database
(reading, validation, coding, storing and stories, start-up included) with `--jobs 1` and `--jobs 2`.
Prints documents per second for each, the ratios bare time / ingest time, and peak memory. Usage:

    .venv/bin/python bench/throughput.py [--repeat N] [--jobs 1,2] [FILE.jsonl ...]

Without files it uses the bundled sample corpus. With --repeat N each document appears N times,
under N distinct ids.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from importlib.resources import as_file
from pathlib import Path

from dyadwatch.ingest import prepare, read_inputs
from dyadwatch.nlp import load_base_model
from dyadwatch.records import Document
from dyadwatch.resources import data_file


def load_documents(paths: list[Path]) -> list[Document]:
    docs = []
    for item in read_inputs(paths):
        result = prepare(item) if not hasattr(item, "reason") else item
        if isinstance(result, Document):
            docs.append(result)
    return docs


def write_articles(docs: list[Document], repeat: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for copy in range(repeat):
            for d in docs:
                handle.write(json.dumps({"id": f"{d.doc_id}~{copy}", "text": d.text, "title": d.title,
                                         "outlet": d.outlet, "url": d.url,
                                         "published": d.published.isoformat() if d.published else None}) + "\n")


def time_ingest(articles: Path, jobs: int, folder: Path) -> float:
    db = folder / f"jobs{jobs}.duckdb"
    command = [sys.executable, "-m", "dyadwatch.cli.main", "--db", str(db), "ingest", str(articles), "--jobs", str(jobs)]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="how many times the corpus is repeated")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to time")
    args = parser.parse_args()
    with as_file(data_file("sample")) as sample:
        docs = load_documents(args.files or [sample])
    texts = [d.text for d in docs] * args.repeat
    words = sum(len(t.split()) for t in texts)
    bare = load_base_model()
    list(bare.pipe(texts[:4]))  # warm-up: model loading and first calls are not measured
    started = time.perf_counter()
    list(bare.pipe(texts, batch_size=16))
    t_bare = time.perf_counter() - started
    result = {"documents": len(texts), "words": words, "bare_seconds": round(t_bare, 2),
              "bare_docs_per_s": round(len(texts) / t_bare, 2)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        articles = folder / "articles.jsonl"
        write_articles(docs, args.repeat, articles)
        for jobs in (int(j) for j in args.jobs.split(",")):
            t_ingest = time_ingest(articles, jobs, folder)
            result[f"ingest_jobs{jobs}_seconds"] = round(t_ingest, 2)
            result[f"ingest_jobs{jobs}_docs_per_s"] = round(len(texts) / t_ingest, 2)
            result[f"ratio_jobs{jobs}"] = round(t_bare / t_ingest, 3)
    result["peak_rss_mb_bench"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    result["peak_rss_mb_ingest"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
