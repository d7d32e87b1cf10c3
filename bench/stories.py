"""Stories benchmark: the cost of adding one document to a store that already holds N documents.

For each size N (default 1k, 10k, 100k, 1M) a store is filled with N synthetic documents over two
years whose story state (signatures, LSH buckets, profiles and their term buckets, stories, event
features, clusters) is generated in bulk, then `--added` new synthetic documents (some of them wire
copies and rewrites of each other, each naming the names of one stored story, all on the same dyads
and dates as the stored ones) are stored and assigned one at a time with
`dyadwatch.stories.assign_stories`. Stored profiles are like real ones: a story's names and a few rare
words weigh most, common words less. Prints milliseconds per added document (median and mean) for
each N. Usage:

    .venv/bin/python bench/stories.py [--sizes 1000,10000,100000,1000000] [--added 40] [--keep DIR]
"""
from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa

from dyadwatch.records import Actor, Document, Event, Evidence
from dyadwatch.store import Store
from dyadwatch.stories import assign_stories
from dyadwatch.stories.signatures import BLOCK_DAYS, BLOCKING_TERMS, term_bucket

COUNTRIES = ["USA", "CHN", "RUS", "PRK", "KOR", "JPN", "UKR", "IRN", "ISR", "PHL", "VNM", "IND", "PAK", "TUR"]
VOCABULARY = [f"w{i}" for i in range(3000)]
EVENTS_PER_DOC = 6
START = date(2023, 1, 1)
DAYS = 730
PLOVER = ["CONSULT", "COERCE", "SANCTION", "AGREE", "ACCUSE", "ASSAULT", "SUPPORT", "REJECT"]


def fill(path: Path, n: int) -> None:
    """N stored documents with their events and story state, generated in SQL (seconds, not hours)."""
    Store(path).close()  # creates the schema
    con = duckdb.connect(str(path))
    con.execute("CREATE TEMP TABLE c AS SELECT unnest(?) AS code, generate_subscripts(?, 1) - 1 AS k",
                [COUNTRIES, COUNTRIES])
    con.execute("CREATE TEMP TABLE p AS SELECT unnest(?) AS plover, generate_subscripts(?, 1) - 1 AS k", [PLOVER, PLOVER])
    con.execute(f"""
        CREATE TEMP TABLE d AS SELECT i, 'stored-' || i AS doc_id, DATE '{START}' + CAST(hash(i) % {DAYS} AS INTEGER) AS pub
        FROM range(?) t(i)""", [n])
    con.execute("""INSERT INTO documents (doc_id, title, outlet, published, text, content_hash, origin)
                   SELECT doc_id, doc_id, 'outlet-' || (i % 50), pub, 'synthetic', md5(doc_id), 'bench' FROM d""")
    nc = len(COUNTRIES)
    con.execute(f"""
        CREATE TEMP TABLE ev AS
        SELECT d.i, j, d.doc_id, d.pub, 'e-' || d.i || '-' || j AS event_id,
               (SELECT code FROM c WHERE k = hash(d.i, j, 1) % {nc}) AS src,
               (SELECT code FROM c WHERE k = (hash(d.i, j, 1) % {nc} + 1 + hash(d.i, j, 2) % {nc - 1}) % {nc}) AS tgt,
               (SELECT plover FROM p WHERE k = hash(d.i, j, 3) % {len(PLOVER)}) AS plover,
               d.pub - CAST(hash(d.i, j, 4) % 20 AS INTEGER) AS day,
               list_transform(range(8), lambda x: 'w' || (hash(d.i, j, x) % {len(VOCABULARY)})) AS words
        FROM d, range({EVENTS_PER_DOC}) r(j)""")
    con.execute("""INSERT INTO events (event_id, doc_id, sentence_index, source_text, source_code, source_country,
                       target_text, target_code, target_country, cameo, plover, goldstein, quad_class, status, "date",
                       date_basis, attribution, evidence_text, evidence_start, evidence_end, cluster_id, "trigger")
                   SELECT event_id, doc_id, j, src, src, src, tgt, tgt, tgt, '010', plover, 0, 1, 'asserted',
                          strftime(day, '%Y-%m-%d'), 'explicit', '[]', array_to_string(words, ' '), 0, 10,
                          'c-' || event_id, words[1] FROM ev""")
    con.execute("""INSERT INTO event_features SELECT event_id, doc_id, least(src, tgt) || '-' || greatest(src, tgt),
                       day, day, false,
                       to_json({event_id: event_id, doc_id: doc_id, sentence: j, "trigger": words[1], source: src,
                                target: tgt, plover: plover, status: 'asserted', "date": strftime(day, '%Y-%m-%d'),
                                stated_date: strftime(day, '%Y-%m-%d'), published: strftime(pub, '%Y-%m-%d'),
                                states: true, words: words, denial: false, attributed: false,
                                answers_sentence: NULL, actor_words: []::VARCHAR[]}), 'c-' || event_id
                   FROM ev""")
    con.execute("""INSERT INTO clusters SELECT 'c-' || event_id, plover, '010', src, tgt, strftime(day, '%Y-%m-%d'),
                       1, 1, 1, 1, '["outlet"]', '[]' FROM ev""")
    con.execute("""INSERT INTO doc_signatures
                   SELECT d.doc_id, pub, 'outlet-' || (i % 50),
                          (SELECT list(DISTINCT least(src, tgt) || '-' || greatest(src, tgt)) FROM ev WHERE ev.i = d.i),
                          from_hex(repeat(md5(doc_id || 'a'), 32)), from_hex(repeat(md5(doc_id || 'b'), 32))
                   FROM d""")
    con.execute("INSERT INTO doc_lsh SELECT (hash(i, b) % 9223372036854775807)::BIGINT, doc_id FROM d, range(25) r(b)")
    fill_profiles(con)
    con.execute("INSERT INTO story_documents SELECT doc_id, 's-' || (i // 3), NULL, NULL, NULL FROM d")
    con.execute("INSERT INTO stories SELECT 's-' || (i // 3), count(*), min(pub), max(pub) FROM d GROUP BY i // 3")
    con.close()


NAMES_PER_STORY = 6
RARE_WORDS = 200_000


def fill_profiles(con: duckdb.DuckDBPyConnection) -> None:
    """Profiles: the story's names, rare words, then common words; term buckets of the heaviest terms."""
    con.execute(f"""
        CREATE TEMP TABLE prof AS SELECT doc_id, pub,
          list_transform(range({NAMES_PER_STORY}), lambda x: 'n' || (i // 3) || 'x' || x)
          || list_transform(range(6), lambda x: 'r' || (hash(i, x, 7) % {RARE_WORDS}))
          || list_transform(range(36), lambda x: 'w' || (hash(i, x, 8) % {len(VOCABULARY)})) AS terms
        FROM d""")
    con.execute(f"""INSERT INTO doc_profiles SELECT doc_id, terms,
          list_transform(range(48), lambda x: CASE WHEN x < {NAMES_PER_STORY} THEN 0.3 WHEN x < 12 THEN 0.15
                                                 ELSE 0.05 END) FROM prof""")
    rows = con.execute(f"SELECT doc_id, pub, terms[1:{BLOCKING_TERMS}] FROM prof").fetchall()
    buckets, docs = [], []
    for doc_id, pub, terms in rows:
        week = pub.toordinal() // BLOCK_DAYS
        buckets.extend(term_bucket(t, week) for t in terms)
        docs.extend([doc_id] * len(terms))
    table = pa.table({"bucket": pa.array(buckets, pa.int64()), "doc_id": pa.array(docs, pa.string())})
    con.register("bench_terms", table)
    con.execute("INSERT INTO doc_terms SELECT bucket, doc_id FROM bench_terms")
    con.unregister("bench_terms")


def new_documents(count: int, seed: int = 7) -> list[tuple[Document, list[Event]]]:
    """Synthetic articles: every third one a wire copy or light rewrite of the one before."""
    rng = random.Random(seed)
    out = []
    previous: list[str] = []
    for n in range(count):
        published = START + timedelta(days=rng.randrange(DAYS))
        if previous and n % 3:
            words = list(previous)
            for i in rng.sample(range(len(words)), 10):
                words[i] = rng.choice(VOCABULARY)
        else:
            story = rng.randrange(300_000)  # a stored story (of the largest store) it is about
            names = [f"n{story}x{j}" for j in range(NAMES_PER_STORY)]
            words = [rng.choice(VOCABULARY) for _ in range(190)] + names * 5
            rng.shuffle(words)
        previous = words
        doc_id = f"added-{n}"
        text = " ".join(words)
        doc = Document(doc_id, text, hashlib.md5(text.encode()).hexdigest(), "bench", outlet=f"outlet-{n % 7}",
                       published=published)
        events = []
        for j in range(EVENTS_PER_DOC):
            src, tgt = rng.sample(COUNTRIES, 2)
            evidence = " ".join(words[j * 12:(j + 1) * 12])
            events.append(Event(f"e-{doc_id}-{j}", doc_id, j, Actor(src, src, src), Actor(tgt, tgt, tgt), "010",
                                rng.choice(PLOVER), 0.0, 1, "asserted", str(published - timedelta(days=rng.randrange(5))),
                                "explicit", Evidence(evidence, 0, len(evidence)), trigger=words[j * 12]))
        out.append((doc, events))
    return out


def measure(path: Path, added: int) -> list[float]:
    times = []
    with Store(path) as store:
        assign_stories(store)  # nothing pending: the generated state is complete
        for doc, events in new_documents(added):
            store.writer.save_document(doc, events)
            start = time.perf_counter()
            assign_stories(store, [doc.doc_id])
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000,1000000", help="comma-separated stored-document counts")
    parser.add_argument("--added", type=int, default=40, help="documents added (and timed) per size")
    parser.add_argument("--keep", type=Path, help="keep the generated databases in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="dyadwatch-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'stored docs':>12} {'fill s':>8} {'ms/added doc (median)':>22} {'mean':>8} {'max':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        path = folder / f"stories-{size}.duckdb"
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        fill(path, size)
        filled = time.perf_counter() - started
        times = [t * 1000 for t in measure(path, args.added)]
        print(f"{size:>12} {filled:>8.1f} {statistics.median(times):>22.1f} {statistics.mean(times):>8.1f} "
              f"{max(times):>8.1f}", flush=True)
        if not args.keep:
            path.unlink()


if __name__ == "__main__":
    main()
