"""`dyadwatch eval` agrees with the project's referee (shared/eval/score.py) on small fixtures."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyadwatch.evaluation import score_gold, score_gsr, score_stories

REFEREE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"


def ev(doc, src, tgt, plover, text, status="asserted", date=None):
    actor = (lambda c: {"text": c, "code": c, "country": c, "sector": None} if c else None)
    return {"event_id": f"e-{doc}-{plover}-{src}-{tgt}", "doc_id": doc, "source": actor(src), "target": actor(tgt),
            "plover": plover, "status": status, "date": date, "evidence": {"text": text, "start": 0, "end": len(text)}}


GOLD = {
    "documents": [{"id": "d1"}, {"id": "d2"}],
    "events": [
        {"id": "g1", "doc": "d1", "key": True, "source": "FRA", "target": "DEU", "plover": ["CONSULT"],
         "date": "2023-05", "evidence": "French and German ministers met in Aachen in May"},
        {"id": "g2", "doc": "d1", "key": True, "source": "DEU", "target": "UKR", "plover": ["AID"],
         "date": None, "evidence": "Berlin sent tanks to Kyiv"},
        {"id": "g3", "doc": "d2", "key": True, "source": "IND", "target": "PAK", "symmetric": True,
         "plover": ["ACCUSE", "REJECT"], "date": "2023", "evidence": "Delhi and Islamabad traded accusations"},
        {"id": "g4", "doc": "d2", "key": False, "source": "IND", "target": None, "plover": ["MOBILIZE"],
         "date": None, "evidence": "troops were moved to the border"},
    ],
    "forbidden": [{"doc": "d2", "source": "PAK", "target": "IND", "plover": ["CONSULT"], "date": None,
                   "why": "talks were called off", "evidence": "the planned talks were called off"}],
}
EVENTS = [
    ev("d1", "FRA", "DEU", "CONSULT", "French and German ministers met in Aachen in May", date="2023-05-04"),
    ev("d1", "DEU", "UKR", "COOPERATE", "Berlin sent tanks to Kyiv"),
    ev("d1", "DEU", "POL", "CONSULT", "an unrelated sentence"),
    ev("d2", "PAK", "IND", "ACCUSE", "Delhi and Islamabad traded accusations", date="2022"),
    ev("d2", "IND", None, "MOBILIZE", "troops were moved to the border"),
    ev("d2", "PAK", "IND", "CONSULT", "the planned talks were called off"),
    ev("d2", "PAK", "IND", "CONSULT", "the planned talks were called off", status="hypothetical"),
]


def referee(tmp_path: Path, *args: str) -> dict:
    out = subprocess.run([sys.executable, str(REFEREE), *args, "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_seeds_format_scores_are_the_referees(tmp_path):
    ours = score_gold(GOLD, EVENTS)
    assert (ours.totals["found"], ours.totals["key"]) == (2, 3)
    assert ours.forbidden == 1 and ours.dated_recall == 0.5
    if not REFEREE.exists():
        pytest.skip("shared/eval/score.py is not beside the project")
    gold_path, events_path = tmp_path / "gold.json", tmp_path / "events.jsonl"
    gold_path.write_text(json.dumps(GOLD))
    events_path.write_text("\n".join(json.dumps(e) for e in EVENTS))
    theirs = referee(tmp_path, "score", str(gold_path), str(events_path))
    for key in ("precision", "recall", "f1", "dated_recall", "forbidden"):
        assert ours.__dict__[key] == pytest.approx(theirs[key]), key


GSR = [
    {"id": "s1", "event": "DEMAND", "text": "x", "source": [{"code": "USA"}], "target": [{"code": "IRN"}]},
    {"id": "s2", "event": "FIGHT", "text": "y", "source": [{"code": "RUS"}], "target": ""},
    {"id": "s3", "event": "AGREE", "text": "z", "source": [{"code": "JAP"}], "target": [{"code": "KOR"}]},
]
GSR_EVENTS = [ev("s1", "USA", "IRN", "REQUEST", "x"), ev("s1", "USA", "IRN", "ACCUSE", "x"),
              ev("s2", "UKR", "RUS", "ASSAULT", "y"), ev("s3", "JPN", "KOR", "AGREE", "z", status="hypothetical")]


def test_gsr_scores_are_the_referees(tmp_path):
    ours = score_gsr(GSR, GSR_EVENTS)
    assert ours.type_recall == pytest.approx(2 / 3) and ours.tuple_recall == pytest.approx(1 / 3)
    if not REFEREE.exists():
        pytest.skip("shared/eval/score.py is not beside the project")
    gsr_path, events_path = tmp_path / "gsr.json", tmp_path / "events.jsonl"
    gsr_path.write_text(json.dumps(GSR))
    events_path.write_text("\n".join(json.dumps(e) for e in GSR_EVENTS))
    theirs = referee(tmp_path, "score-gsr", str(gsr_path), str(events_path))
    for key in ("type_recall", "tuple_recall", "type_precision", "first_event_type_accuracy"):
        assert getattr(ours, key) == pytest.approx(theirs[key]), key


STORY_GOLD = {
    "documents": [{"id": "a", "story": "s"}, {"id": "b", "story": "s"}, {"id": "c", "story": "t"}],
    "events": [
        {"id": "a1", "doc": "a", "cluster": "talks", "source": "FRA", "target": "DEU", "symmetric": True,
         "plover": ["CONSULT"], "evidence": "Macron met Scholz in Aachen"},
        {"id": "a2", "doc": "a", "cluster": "tanks", "source": "DEU", "target": "UKR", "plover": ["AID"],
         "evidence": "Scholz pledged tanks to Kyiv"},
        {"id": "b1", "doc": "b", "cluster": "talks", "source": "DEU", "target": "FRA", "symmetric": True,
         "plover": ["CONSULT"], "evidence": "Scholz and Macron held talks"},
        {"id": "b2", "doc": "b", "cluster": "tanks", "source": "DEU", "target": "UKR", "plover": ["AID"],
         "evidence": "Germany will send tanks"},
        {"id": "b3", "doc": "b", "cluster": "loans", "source": "DEU", "target": "UKR", "plover": ["AID"],
         "evidence": "Scholz pledged loans to Kyiv"},
    ],
    "corroboration": [{"cluster": "talks", "docs": ["a", "b"], "independent_origins": 2},
                      {"cluster": "tanks", "docs": ["a", "b"]}],
}


def clustered(event: dict, cluster: str) -> dict:
    return {**event, "cluster_id": cluster}


STORY_EVENTS = [
    clustered(ev("a", "FRA", "DEU", "CONSULT", "Macron met Scholz in Aachen"), "c1"),
    clustered(ev("a", "DEU", "UKR", "AID", "Scholz pledged tanks to Kyiv"), "c2"),
    clustered(ev("b", "DEU", "FRA", "CONSULT", "Scholz and Macron held talks"), "c1"),
    # one sentence holding half the words of both gold AID events: the referee calls c3 mixed
    clustered(ev("b", "DEU", "UKR", "AID", "Germany will send tanks, Scholz pledged to Kyiv"), "c3"),
]
STORIES = [{"story_id": "s-1", "doc_ids": ["a", "b"],
            "clusters": [{"cluster_id": "c1", "independent_origins": 2}, {"cluster_id": "c3"}]},
           {"story_id": "s-2", "doc_ids": ["c"], "clusters": []}]


def test_story_scores_are_the_referees(tmp_path):
    ours = score_stories(STORY_GOLD, STORY_EVENTS, STORIES)
    assert [c.joined for c in ours.corroborated] == [True, False]
    assert ours.mixed_clusters == ["c3"] and ours.mixed_best_match == []
    assert ours.corroborated[0].origins == 2 and ours.story_f1 == 1.0
    if not REFEREE.exists():
        pytest.skip("shared/eval/score.py is not beside the project")
    paths = {name: tmp_path / name for name in ("gold.json", "events.jsonl", "stories.jsonl")}
    paths["gold.json"].write_text(json.dumps(STORY_GOLD))
    paths["events.jsonl"].write_text("\n".join(json.dumps(e) for e in STORY_EVENTS))
    paths["stories.jsonl"].write_text("\n".join(json.dumps(s) for s in STORIES))
    theirs = referee(tmp_path, "score-stories", *(str(p) for p in paths.values()))
    assert ours.story_f1 == pytest.approx(theirs["story_f1"])
    assert ours.corroborated_joined == theirs["corroborated_joined"]
    assert len(ours.mixed_clusters) == theirs["mixed_clusters"]


def test_best_match_mixing_counts_only_clusters_joining_different_events():
    events = STORY_EVENTS + [clustered(ev("a", "DEU", "UKR", "AID", "Scholz pledged tanks to Kyiv"), "c1")]
    ours = score_stories(STORY_GOLD, events, STORIES)
    assert "c1" in ours.mixed_best_match  # talks and tanks in one cluster
    assert "c3" not in ours.mixed_best_match
