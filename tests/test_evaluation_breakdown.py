"""Per-story figures and the kinds of errors `dyadwatch eval` prints for a seeds-format gold set."""
from __future__ import annotations

from dyadwatch.evaluation.breakdown import breakdown, miss_kind, split_scores


def ev(doc, src, tgt, plover, text, status="asserted"):
    actor = (lambda c: {"text": c, "code": c, "country": c, "sector": None} if c else None)
    return {"doc_id": doc, "source": actor(src), "target": actor(tgt), "plover": plover, "status": status,
            "date": None, "evidence": {"text": text, "start": 0, "end": len(text)}}


def gold_event(doc, src, tgt, plover, evidence, key=True):
    return {"id": f"{doc}-{plover}", "doc": doc, "key": key, "source": src, "target": tgt, "plover": [plover],
            "date": None, "evidence": evidence}


GOLD = {
    "documents": [{"id": "a1", "story": "alpha"}, {"id": "a2", "story": "alpha"}, {"id": "b1", "story": "beta"}],
    "events": [
        gold_event("a1", "FRA", "DEU", "CONSULT", "French and German ministers met in Aachen"),
        gold_event("a1", "DEU", "UKR", "AID", "Berlin sent tanks to Kyiv"),
        gold_event("a2", "IND", "PAK", "ACCUSE", "Delhi accused Islamabad of shelling villages"),
        gold_event("b1", "CHN", "TWN", "MOBILIZE", "Beijing moved warships towards the island"),
    ],
}


def test_each_miss_gets_the_kind_its_sentence_shows():
    aid, accuse, mobilize = GOLD["events"][1], GOLD["events"][2], GOLD["events"][3]
    assert miss_kind(aid, [ev("a1", "DEU", "UKR", "COOPERATE", "Berlin sent tanks to Kyiv")]) == "wrong_type"
    assert miss_kind(accuse, [ev("a2", "IND", "CHN", "ACCUSE", "Delhi accused Islamabad of shelling villages")]) \
        == "wrong_actors"
    assert miss_kind(accuse, [ev("a2", "IND", "PAK", "ACCUSE", "Delhi accused Islamabad of shelling villages",
                                 status="negated")]) == "not_asserted"
    assert miss_kind(mobilize, [ev("b1", "CHN", "TWN", "MOBILIZE", "an unrelated line about trade")]) == "no_event"


def test_breakdown_scores_every_story_and_counts_error_kinds():
    events = [
        ev("a1", "FRA", "DEU", "CONSULT", "French and German ministers met in Aachen"),
        ev("a2", "IND", "CHN", "ACCUSE", "Delhi accused Islamabad of shelling villages"),
        ev("b1", "CHN", "TWN", "MOBILIZE", "Beijing moved warships towards the island"),
        ev("b1", "CHN", "JPN", "ASSAULT", "Beijing moved warships towards the island"),
    ]
    result = breakdown(GOLD, events)
    by_name = {g.name: g for g in result.groups}
    assert set(by_name) == {"alpha", "beta"}
    assert by_name["alpha"].documents == 2 and round(by_name["alpha"].recall, 3) == round(1 / 3, 3)
    assert by_name["beta"].recall == 1.0 and by_name["beta"].precision == 0.5
    assert result.miss_kinds == {"no_event": 1, "wrong_actors": 1}
    assert result.spurious_kinds == {"wrong_actors": 1, "wrong_type": 1}


def test_split_separates_the_stories_worked_from():
    events = [ev("b1", "CHN", "TWN", "MOBILIZE", "Beijing moved warships towards the island")]
    worked, others = split_scores(GOLD, events, {"beta"})
    assert (worked.documents, worked.recall) == (1, 1.0)
    assert (others.documents, others.recall) == (2, 0.0)


def test_only_keeps_the_named_stories():
    from dyadwatch.evaluation.breakdown import stories_subset

    part = stories_subset(GOLD, {"beta"})
    assert [d["id"] for d in part["documents"]] == ["b1"]
    assert [g["doc"] for g in part["events"]] == ["b1"]


def test_eval_with_split_lists_only_the_errors_of_the_stories_worked_from(tmp_path):
    import json

    from typer.testing import CliRunner

    from dyadwatch.cli.main import app

    gold = dict(GOLD, forbidden=[{"doc": "a1", "plover": "ASSAULT", "why": "alpha's forbidden note"}])
    (tmp_path / "gold.json").write_text(json.dumps(gold))
    events = [ev("b1", "CHN", "JPN", "ASSAULT", "Beijing moved warships towards the island"),
              ev("a1", "FRA", "UKR", "ASSAULT", "French and German ministers met in Aachen")]
    (tmp_path / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events))
    args = ["--db", str(tmp_path / "x.duckdb"), "eval", str(tmp_path / "gold.json"),
            "--events", str(tmp_path / "events.jsonl")]
    everything = CliRunner().invoke(app, args).output
    split = CliRunner().invoke(app, [*args, "--split", "beta"]).output
    assert "Aachen" in everything and "Kyiv" in everything
    assert "Beijing moved warships" in split  # beta's miss and spurious event are listed
    assert "Aachen" not in split and "Kyiv" not in split and "Islamabad" not in split
    assert "alpha's forbidden note" not in split
