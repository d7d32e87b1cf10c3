"""Scaling benchmark: does the cost of coding grow linearly with the size of the input?

For each case the input size doubles three times (four sizes); each size is timed on the real
path (cleaning + validation via `prepare`, then `code_documents` of the full pipeline; cleaning
only for the spaceless word) and the growth factor per doubling is printed: ~2.0 is linear, ~4.0
quadratic. Usage:

    .venv/bin/python bench/scaling.py [--cases names,sentence,paragraphs,word,repetitive] [--scale 1.0]

The inputs are generated (`generate(case, size)`), never taken from the evaluation data.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inputs import BASE_SIZES, CASES, generate  # noqa: E402

from dyadwatch.ingest import prepare  # noqa: E402
from dyadwatch.ingest.clean import clean_text  # noqa: E402
from dyadwatch.pipeline import build_pipeline, code_documents  # noqa: E402
from dyadwatch.records import Article, Document, Rejection  # noqa: E402


def code_once(nlp, text: str, n: int) -> float:
    """Seconds to prepare and code one generated article."""
    start = time.perf_counter()
    raw = Article(origin=f"bench-{n}", id=f"bench-{n}", text=text, published="2024-06-20")
    document = prepare(raw)
    if isinstance(document, Rejection):
        raise SystemExit(f"generated input rejected: {document.reason} ({document.detail})")
    assert isinstance(document, Document)
    list(code_documents([document], nlp))
    return time.perf_counter() - start


def clean_once(text: str) -> float:
    start = time.perf_counter()
    clean_text(text)
    return time.perf_counter() - start


def run_case(case: str, nlp, scale: float) -> dict:
    base = max(1, int(BASE_SIZES[case] * scale))
    sizes = [base * 2 ** k for k in range(4)]
    times = []
    for n in sizes:
        text = generate(case, n, random.Random(n))
        times.append(clean_once(text) if case == "word" else code_once(nlp, text, n))
    growth = [round(b / a, 2) if a > 0 else None for a, b in zip(times, times[1:])]
    return {"case": case, "sizes": sizes, "chars": [len(generate(case, n, random.Random(n))) for n in sizes],
            "seconds": [round(t, 3) for t in times], "growth_per_doubling": growth}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated cases")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    args = parser.parse_args()
    nlp = build_pipeline()
    code_once(nlp, generate("names", 5, random.Random(0)), 0)  # warm up the model
    for case in args.cases.split(","):
        print(json.dumps(run_case(case.strip(), nlp, args.scale)), flush=True)


if __name__ == "__main__":
    main()
