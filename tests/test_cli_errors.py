"""The real `dyadwatch` entry point on user errors: exit 2, one line on stderr, never a traceback;
`--debug` shows the traceback; unknown errors say so and exit 1. Also the date validator itself."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyadwatch.cli.options import parse_date_bound
from dyadwatch.store import Store
from test_relations_data import build_store

SRC = Path(__file__).resolve().parents[1] / "src"


def dyadwatch(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(SRC), **(env or {})}
    return subprocess.run([sys.executable, "-m", "dyadwatch.cli.main", *args], capture_output=True, text=True,
                          env=full_env, timeout=timeout)


def invoke(capsys, *args: str) -> subprocess.CompletedProcess:
    """`run()` in this process (fast), answered like a subprocess."""
    from dyadwatch.cli import main as cli_main

    with pytest.raises(SystemExit) as stop:
        cli_main.run(list(args))
    captured = capsys.readouterr()
    return subprocess.CompletedProcess(args, stop.value.code, captured.out, captured.err)


def assert_user_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("cli-errors") / "errors.duckdb")


@pytest.mark.parametrize("value", ["2024-13-45", "yesterday", "2024-02-30", "24-07", "2024-7"])
@pytest.mark.parametrize("command", [["events"], ["relations", "PRK", "CHN"], ["report", "PRK", "CHN"]])
def test_bad_dates_name_the_option_and_the_accepted_forms(db, tmp_path, capsys, command, value):
    for option in ("--since", "--until"):
        extra = ["--out", str(tmp_path / "r.html")] if command[0] == "report" else []
        result = invoke(capsys, "--db", str(db), *command, *extra, option, value)
        assert_user_error(result, option, value, "YYYY, YYYY-MM or YYYY-MM-DD")
    assert not (tmp_path / "r.html").exists()


def test_the_real_entry_point_reports_a_bad_date_in_one_line(db):
    assert_user_error(dyadwatch("--db", str(db), "events", "--since", "yesterday"), "--since", "YYYY-MM-DD")


def test_since_after_until_is_refused(db, capsys):
    assert_user_error(invoke(capsys, "--db", str(db), "relations", "PRK", "CHN", "--since", "2024-05",
                             "--until", "2023-12"), "--since", "after --until")


def test_good_dates_pass(db, capsys):
    result = invoke(capsys, "--db", str(db), "relations", "PRK", "CHN", "--since", "2024", "--until", "2024-06-30",
                    "--format", "json")
    assert result.returncode == 0, result.stderr


def test_missing_and_broken_gold_files(db, tmp_path, capsys):
    assert_user_error(dyadwatch("--db", str(db), "eval", str(tmp_path / "no-such-gold.json")), "gold file not found")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert_user_error(invoke(capsys, "--db", str(db), "eval", str(broken)), "not valid JSON")
    assert_user_error(invoke(capsys, "--db", str(db), "eval", str(tmp_path)), "folder")


@pytest.mark.parametrize("command", [["events"], ["dyads"], ["relations", "PRK", "CHN"], ["stories"],
                                     ["stories", "--update"], ["rejections"]])
def test_a_db_that_is_not_duckdb(tmp_path, capsys, command):
    fake = tmp_path / "notes.duckdb"
    fake.write_text("shopping list: rice, tea\n", encoding="utf-8")
    assert_user_error(invoke(capsys, "--db", str(fake), *command), "not a DuckDB database")


def test_the_real_entry_point_refuses_a_db_that_is_not_duckdb(tmp_path):
    fake = tmp_path / "notes.duckdb"
    fake.write_text("shopping list: rice, tea\n", encoding="utf-8")
    assert_user_error(dyadwatch("--db", str(fake), "events"), "not a DuckDB database")


def test_bad_choices_and_unknown_commands_are_one_line(db, capsys):
    assert_user_error(invoke(capsys, "--db", str(db), "relations", "PRK", "CHN", "--by", "fortnight"), "--by")
    assert_user_error(invoke(capsys, "--db", str(db), "events", "--format", "xml"), "--format")
    assert_user_error(invoke(capsys, "--db", str(db), "frobnicate"), "frobnicate")


def test_debug_shows_the_traceback(tmp_path):
    fake = tmp_path / "fake.duckdb"
    fake.write_text("not a database", encoding="utf-8")
    result = dyadwatch("--debug", "--db", str(fake), "events")
    assert result.returncode != 0 and "Traceback" in result.stderr and "NotADatabase" in result.stderr


def test_an_unexpected_error_points_to_debug(monkeypatch, capsys, db):
    from dyadwatch.cli import main as cli_main

    def broken(*args, **kwargs):
        raise ZeroDivisionError("the bug")

    monkeypatch.setattr(Store, "events", broken)
    with pytest.raises(SystemExit) as stop:
        cli_main.run(["--db", str(db), "events"])
    assert stop.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "ZeroDivisionError" in err[0] and "--debug" in err[0]


def test_a_writer_waits_for_a_reader_then_gives_up_with_one_line(db, tmp_path):
    """Another process holds the file read-only: a writing command retries, says so, then exits 2."""
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, duckdb; con = duckdb.connect(sys.argv[1], read_only=True); "
        "print('held', flush=True); sys.stdin.readline()"), str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # holds the file until the test is done
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        result = dyadwatch("--db", str(db), "stories", "--update", env={"DYADWATCH_BUSY_TIMEOUT": "1"})
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("database busy (held by another process), retrying")
    assert len(lines) == 2 and lines[1].startswith("error: ") and "busy" in lines[1]
    assert waited >= 1.0


def test_a_reader_waits_until_the_writer_is_done(db):
    """Another process writes: `events` says it is waiting, and answers in full once the writer lets go."""
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, duckdb; con = duckdb.connect(sys.argv[1]); print('held', flush=True); "
        "sys.stdin.readline(); con.close()"), str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    reader = None
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        reader = subprocess.Popen([sys.executable, "-m", "dyadwatch.cli.main", "--db", str(db), "events",
                                   "--format", "jsonl"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  env={**os.environ, "PYTHONPATH": str(SRC)})
        assert reader.stderr is not None
        notice = reader.stderr.readline()
        assert notice.startswith("database busy (held by another process), retrying")
        holder.communicate("release\n", timeout=30)
        out, rest = reader.communicate(timeout=60)
    finally:
        for proc in (holder, reader):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
    assert reader.returncode == 0 and "Traceback" not in rest, rest
    with Store(db, read_only=True) as store:
        assert out.count("\n") == store.counts()["events"] > 0


@pytest.mark.parametrize("good", ["2024", "2024-07", "2024-07-15", "2024-02-29"])
def test_date_bounds_accept_the_three_precisions(good):
    assert parse_date_bound(good) == good


@pytest.mark.parametrize("bad", ["2023-02-29", "2024-00", "2024-13", "2024-07-32", "2024/07", "july", "", "20240"])
def test_date_bounds_refuse_everything_else(bad):
    with pytest.raises(ValueError):
        parse_date_bound(bad)
