"""Train the learned trigger layer from the project's own sentences; reproducible from its config.

    .venv/bin/python scripts/train_triggers.py [--config scripts/train_triggers.cfg]

Reads every JSON Lines file under src/dyadwatch/data/training/triggers/ (sentences written for the
project: {"text", "events": [{"trigger", "cameo", "plover", ...}], "decoys": [...]}), parses them with
the dyadwatch pipeline (up to actors), labels each candidate word with its PLOVER type or NONE,
trains a multinomial logistic model with Adam on a fixed seed, prints held-out figures (a fixed
split by a CRC-32 of the sentence), then refits on every sentence and writes
src/dyadwatch/data/models/triggers.npz and triggers.json.
"""
from __future__ import annotations

import argparse
import configparser
import hashlib
import json
import sys
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dyadwatch.coding.features import actor_tokens, candidates, dense_features, hashed, sparse_features  # noqa: E402
from dyadwatch.coding.learned import NONE_LABEL  # noqa: E402
from dyadwatch.coding.ontology import PLOVER_TYPES, lookup  # noqa: E402
from dyadwatch.pipeline import build_pipeline  # noqa: E402

CORPUS = ROOT / "src" / "dyadwatch" / "data" / "training" / "triggers"
OUT = ROOT / "src" / "dyadwatch" / "data" / "models"
DEFAULT_CONFIG = ROOT / "scripts" / "train_triggers.cfg"


@dataclass
class Example:
    ids: np.ndarray
    dense: np.ndarray
    label: int
    lemma: str
    cameo: str | None
    heldout: bool


def read_corpus(folder: Path) -> list[dict]:
    rows = []
    for path in sorted(folder.rglob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                row = json.loads(line)
                row["_where"] = f"{path.relative_to(folder)}:{number}"
                rows.append(row)
    return rows


def corpus_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.jsonl")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def examples_from(rows: list[dict], labels: list[str], heldout_percent: int) -> tuple[list[Example], Counter]:
    nlp = build_pipeline()
    problems: Counter = Counter()
    examples: list[Example] = []
    texts = [row["text"] for row in rows]
    for row, doc in zip(rows, nlp.pipe(texts, disable=["dyadwatch_events", "dyadwatch_trigger_model"])):
        heldout = zlib.crc32(row["text"].encode("utf-8")) % 100 < heldout_percent
        gold: dict[int, tuple[str, str]] = {}
        for event in row.get("events", []):
            plover = _plover(event)
            if plover not in PLOVER_TYPES:
                problems["unknown type"] += 1
                continue
            tok = _find(doc, event.get("trigger", ""))
            if tok is None:
                problems["trigger not found"] += 1
            else:
                gold.setdefault(tok.i, (plover, str(event.get("cameo") or "")))
        actors = actor_tokens(doc)
        cands = [tok for sent in doc.sents for tok in candidates(sent)]
        problems["gold not a candidate"] += len(set(gold) - {t.i for t in cands})
        for tok in cands:
            plover, cameo = gold.get(tok.i, (NONE_LABEL, None))
            examples.append(Example(hashed(sparse_features(tok, actors)), dense_features(tok), labels.index(plover),
                                    tok.lemma_.lower(), cameo, heldout))
    return examples, problems


def _plover(event: dict) -> str | None:
    """The type our ontology gives the event's CAMEO code (it corrects two rows of the 2021 table:
    sanctions are SANCTION, destroying property COERCE), else the type the sentence's writer gave."""
    code = str(event.get("cameo") or "")
    if _known(code):
        return lookup(code).plover
    return event.get("plover")


def _find(doc, word: str):
    for exact in (True, False):
        for tok in doc:
            if (tok.text == word) if exact else (tok.lower_ == word.lower()):
                return tok
    return None


class Softmax:
    """Multinomial logistic regression over hashed sparse ids plus a dense vector, trained with Adam."""

    def __init__(self, feature_ids: np.ndarray, dense_dim: int, n_labels: int):
        self.feature_ids = feature_ids
        self.sparse = np.zeros((len(feature_ids), n_labels), dtype=np.float64)
        self.dense = np.zeros((dense_dim, n_labels), dtype=np.float64)
        self.bias = np.zeros(n_labels, dtype=np.float64)

    def rows(self, ids: np.ndarray) -> np.ndarray:
        pos = np.minimum(np.searchsorted(self.feature_ids, ids), len(self.feature_ids) - 1)
        return pos[self.feature_ids[pos] == ids]

    def logits(self, batch: list[np.ndarray], dense: np.ndarray) -> np.ndarray:
        out = np.stack([self.sparse[r].sum(axis=0) for r in batch]) + dense @ self.dense + self.bias
        return out

    def fit(self, rows: list[np.ndarray], dense: np.ndarray, y: np.ndarray, weights: np.ndarray, cfg: dict) -> None:
        """Adam; the sparse table is updated lazily, only in the rows a batch touches (its L2 too)."""
        rng = np.random.default_rng(cfg["seed"])
        dense_params = [self.dense, self.bias]
        dense_moments = [(np.zeros_like(p), np.zeros_like(p)) for p in dense_params]
        sparse_m, sparse_v = np.zeros_like(self.sparse), np.zeros_like(self.sparse)
        lr, l2, b1, b2, step = cfg["learning_rate"], cfg["l2"], 0.9, 0.999, 0
        for _epoch in range(cfg["epochs"]):
            order = rng.permutation(len(y))
            for start in range(0, len(y), cfg["batch_size"]):
                idx = order[start:start + cfg["batch_size"]]
                batch = [rows[i] for i in idx]
                probs = _softmax(self.logits(batch, dense[idx]))
                probs[np.arange(len(idx)), y[idx]] -= 1.0
                grad = probs * weights[idx, None] / len(idx)
                step += 1
                correction = np.sqrt(1 - b2 ** step) / (1 - b1 ** step)
                flat = np.concatenate(batch) if batch else np.zeros(0, dtype=np.int64)
                touched, where = np.unique(flat, return_inverse=True)
                g_rows = np.zeros((len(touched), self.sparse.shape[1]))
                np.add.at(g_rows, where, np.repeat(grad, [len(r) for r in batch], axis=0))
                g_rows += l2 * self.sparse[touched]
                sparse_m[touched] = b1 * sparse_m[touched] + (1 - b1) * g_rows
                sparse_v[touched] = b2 * sparse_v[touched] + (1 - b2) * g_rows * g_rows
                self.sparse[touched] -= lr * correction * sparse_m[touched] / (np.sqrt(sparse_v[touched]) + 1e-8)
                grads = [dense[idx].T @ grad + l2 * self.dense, grad.sum(axis=0)]
                for param, g, (m, v) in zip(dense_params, grads, dense_moments):
                    m *= b1
                    m += (1 - b1) * g
                    v *= b2
                    v += (1 - b2) * g * g
                    param -= lr * correction * m / (np.sqrt(v) + 1e-8)

    def predict(self, rows: list[np.ndarray], dense: np.ndarray) -> np.ndarray:
        return _softmax(self.logits(rows, dense))


def _softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def train(examples: list[Example], labels: list[str], cfg: dict) -> tuple[Softmax, np.ndarray, np.ndarray]:
    feature_ids = np.unique(np.concatenate([e.ids for e in examples]))
    dense = np.stack([e.dense for e in examples]).astype(np.float64)
    mean, scale = dense.mean(axis=0), dense.std(axis=0) + 1e-6
    model = Softmax(feature_ids, dense.shape[1], len(labels))
    rows = [model.rows(e.ids) for e in examples]
    y = np.array([e.label for e in examples])
    none = labels.index(NONE_LABEL)
    weights = np.where(y == none, cfg["none_weight"], _class_weights(y, none, cfg["class_power"]))
    model.fit(rows, (dense - mean) / scale, y, weights, cfg)
    return model, mean, scale


def _class_weights(y: np.ndarray, none: int, power: float) -> np.ndarray:
    """Each event type weighted by (largest event class / its size) ** power, so rare types are not drowned."""
    counts = np.bincount(y, minlength=none + 1).astype(np.float64)
    events = np.delete(counts, none)
    biggest = events.max() if events.size and events.max() > 0 else 1.0
    per_class = np.where(counts > 0, (biggest / np.maximum(counts, 1.0)) ** power, 1.0)
    return per_class[y]


def evaluate(model: Softmax, mean, scale, examples: list[Example], labels: list[str]) -> dict:
    none = labels.index(NONE_LABEL)
    rows = [model.rows(e.ids) for e in examples]
    dense = (np.stack([e.dense for e in examples]) - mean) / scale
    pred = model.predict(rows, dense).argmax(axis=1)
    gold = np.array([e.label for e in examples])
    tp = int(((pred != none) & (gold != none)).sum())
    detected_p = tp / max(int((pred != none).sum()), 1)
    detected_r = tp / max(int((gold != none).sum()), 1)
    typed = int(((pred == gold) & (gold != none)).sum())
    return {"candidates": len(examples), "events": int((gold != none).sum()),
            "event_precision": round(detected_p, 3), "event_recall": round(detected_r, 3),
            "typed_precision": round(typed / max(int((pred != none).sum()), 1), 3),
            "typed_recall": round(typed / max(int((gold != none).sum()), 1), 3)}


def code_tables(examples: list[Example], labels: list[str]) -> dict:
    by_lemma: dict[str, Counter] = defaultdict(Counter)
    by_type: dict[str, Counter] = defaultdict(Counter)
    for e in examples:
        plover = labels[e.label]
        if plover == NONE_LABEL or not _known(e.cameo) or lookup(e.cameo).plover != plover:
            continue
        by_lemma[f"{e.lemma}|{plover}"][e.cameo] += 1
        by_type[plover][e.cameo] += 1
    return {"lemma_codes": {k: c.most_common(1)[0][0] for k, c in sorted(by_lemma.items())},
            "type_codes": {k: c.most_common(1)[0][0] for k, c in sorted(by_type.items())}}


def _known(code: str | None) -> bool:
    try:
        return bool(code) and lookup(code) is not None
    except KeyError:
        return False


def read_config(path: Path) -> dict:
    parser = configparser.ConfigParser()
    parser.read(path, encoding="utf-8")
    section = parser["training"]
    return {"seed": section.getint("seed"), "epochs": section.getint("epochs"),
            "batch_size": section.getint("batch_size"), "learning_rate": section.getfloat("learning_rate"),
            "l2": section.getfloat("l2"), "none_weight": section.getfloat("none_weight"),
            "class_power": section.getfloat("class_power", fallback=0.0),
            "heldout_percent": section.getint("heldout_percent")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    cfg = read_config(args.config)
    labels = sorted(PLOVER_TYPES) + [NONE_LABEL]
    rows = read_corpus(args.corpus)
    examples, problems = examples_from(rows, labels, cfg["heldout_percent"])
    print(f"{len(rows)} sentences, {len(examples)} candidates; problems: {dict(problems)}")
    train_part = [e for e in examples if not e.heldout]
    held = [e for e in examples if e.heldout]
    metrics = None
    if held and train_part:
        model, mean, scale = train(train_part, labels, cfg)
        metrics = evaluate(model, mean, scale, held, labels)
        print("held-out:", json.dumps(metrics))
    model, mean, scale = train(examples, labels, cfg)
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "triggers.npz", labels=np.array(labels), feature_ids=model.feature_ids,
                        sparse_weights=model.sparse.astype(np.float16), dense_weights=model.dense.astype(np.float32),
                        bias=model.bias.astype(np.float32), dense_mean=mean.astype(np.float32),
                        dense_scale=scale.astype(np.float32))
    tables = code_tables(examples, labels)
    tables["trained_on"] = {"corpus_sha256": corpus_digest(args.corpus), "sentences": len(rows),
                            "config": cfg, "heldout": metrics}
    (args.out / "triggers.json").write_text(json.dumps(tables, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out / 'triggers.npz'} and triggers.json")


if __name__ == "__main__":
    main()
