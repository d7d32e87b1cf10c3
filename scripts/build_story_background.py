"""Build `data/stories/background_df.tsv`: in how many background passages each content stem occurs.

The background is the project's own text: the training sentences (`data/training/triggers`) and the
paragraphs of the bundled sample corpus (`data/sample/articles.jsonl`). Stories weigh a document's
words by how rare they are in this background (inverse document frequency), so "talks" or "military"
say less about which story a document tells than "grain" or a place name. The table is frozen (run
this script again to refresh it) so that a document's profile never changes after it is stored.

    .venv/bin/python scripts/build_story_background.py
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from dyadwatch.stories.text import content_stems

DATA = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "data"
OUT = DATA / "stories" / "background_df.tsv"
MIN_DF = 2  # stems seen once say nothing a missing stem does not (both get the top weight)


def passages() -> list[str]:
    found = []
    for path in sorted((DATA / "training" / "triggers").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.append(json.loads(line)["text"])
    for line in (DATA / "sample" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            found.extend(p for p in json.loads(line).get("text", "").split("\n") if p.strip())
    return found


def main() -> None:
    texts = passages()
    df: Counter[str] = Counter()
    for text in texts:
        df.update(content_stems(text))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    rows = sorted((s, n) for s, n in df.items() if n >= MIN_DF)
    lines = [f"# passages\t{len(texts)}", *(f"{s}\t{n}" for s, n in rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} stems from {len(texts)} passages")


if __name__ == "__main__":
    main()
