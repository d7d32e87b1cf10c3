"""Hostile-input probes: each runs the real `dyadwatch` command on a generated input and prints its exit
code, wall time, whether a traceback escaped, and its last line of output.

    .venv/bin/python bench/probes.py
"""
import json, subprocess, sys, tempfile, time
from pathlib import Path
DW = [sys.executable, "-m", "dyadwatch.cli.main"]
root = Path(tempfile.mkdtemp(prefix="dyadwatch-probes-"))
def run(args, db="x.duckdb", **kw):
    t = time.perf_counter()
    r = subprocess.run(DW + ["--db", str(root / db)] + args, capture_output=True, text=True, **kw)
    return r, time.perf_counter() - t
def show(name, r, dt, extra=""):
    tb = "Traceback" in r.stderr
    last = (r.stderr.strip().splitlines() or [""])[-1][:150]
    print(f"{name:42} exit {r.returncode} {dt:6.1f}s traceback={tb} {extra} | {last}")
good = "Seoul, June 3 - South Korea's foreign minister met Japan's foreign minister in Tokyo on Monday and both sides agreed to resume regular security talks next month, officials said."
folder = root / "f1"; folder.mkdir()
para = "\n\n".join(f"Paragraph {i}: officials in capital {i} said that the committee number {i} reviewed budget item {i} and talks continued on schedule." for i in range(9000))
(folder / "long.txt").write_text(para[:1_270_000]); (folder / "ok.txt").write_text(good)
r, dt = run(["ingest", str(folder)], db="long.duckdb"); show("1.27 MB text + good file", r, dt)
deep = root / "deep.json"; deep.write_text("[" * 5000 + "]" * 5000)
r, dt = run(["ingest", str(deep)], db="deep.duckdb"); show("deep JSON", r, dt)
for name, pub, text in [("published 99999", "99999-01-01", good), ("published epoch", "99999999999999", good),
                        ("0001-01-01 + on Wednesday", "0001-01-01", "South Korea's president met Japan's prime minister in Seoul on Wednesday to discuss trade."),
                        ("9999-12-31 + next Monday", "9999-12-31", "South Korea's president will meet Japan's prime minister in Seoul next Monday.")]:
    f = root / f"{name.replace(' ', '_')}.jsonl"; f.write_text(json.dumps({"id": name, "text": text, "published": pub}) + "\n")
    r, dt = run(["ingest", str(f)], db=f"{name[:4]}.duckdb"); show(name, r, dt)
f = root / "sur.jsonl"; f.write_text('{"id": "\\udfff", "title": "\\udfff", "outlet": "\\udfff", "text": "' + good + '"}\n')
r, dt = run(["ingest", str(f)], db="sur.duckdb"); show("lone surrogate in id/title/outlet", r, dt)
for n in (10_000, 80_000, 2_000_000):
    f = root / f"word{n}.txt"; f.write_text(good + " " + "a" * n + "@b" * 10 + ". " + good)
    r, dt = run(["ingest", str(f)], db=f"w{n}.duckdb"); show(f"one {n}-char word", r, dt)
r, dt = run(["ingest", str(root / "missing.jsonl")], db="m.duckdb"); show("ingest missing path", r, dt)
allbad = root / "bad.jsonl"; allbad.write_text("not json\n")
r, dt = run(["ingest", str(allbad), "--fail-on-reject"], db="b.duckdb"); show("all rejected --fail-on-reject", r, dt)
r, dt = run(["eval", str(root / "nogold.json")], db="long.duckdb"); show("eval missing gold", r, dt)
notdb = root / "notdb.duckdb"; notdb.write_text("hello")
r, dt = run(["events"], db="notdb.duckdb"); show("--db non-DuckDB file", r, dt)
cp = root / "cp1252.txt"; cp.write_bytes(("Venezuelan President Hugo Ch\u00e1vez accused Colombia of \u201cprovocations\u201d on the border on Monday, officials said.").encode("cp1252"))
r, dt = run(["ingest", str(cp)], db="cp.duckdb"); show("Windows-1252 text", r, dt)
u16 = root / "u16.txt"; u16.write_bytes(good.encode("utf-16"))
r, dt = run(["ingest", str(u16)], db="u16.duckdb"); show("UTF-16 text", r, dt)
brief = root / "brief.txt"; brief.write_text("Seoul protested on Monday.")
r, dt = run(["ingest", str(brief), "--published", "2024-06-20"], db="brief.duckdb"); show("one-line brief", r, dt)
r2 = subprocess.run(DW + ["--db", str(root / "brief.duckdb"), "events", "--format", "jsonl"], capture_output=True, text=True)
print("   brief events:", r2.stdout.count("\n"), [json.loads(l)["date"] for l in r2.stdout.splitlines()][:2])
for since in ("2024-13-45", "yesterday"):
    r, dt = run(["events", "--since", since], db="cp.duckdb"); show(f"events --since {since}", r, dt)
sample = Path(__file__).resolve().parents[1] / "src/dyadwatch/data/sample/articles.jsonl"
r, dt = run(["ingest", str(sample)], db="rate.duckdb")
took = next((line for line in r.stderr.splitlines() if line.startswith("took")), "")
show("printed time vs wall clock (sample corpus)", r, dt, f"wall {dt:.1f}s printed '{took[:60]}'")
