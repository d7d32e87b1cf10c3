"""The Dask engine on a real LocalCluster of two worker processes gives the local engine's events."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.model
SAMPLE = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "data" / "sample"


@pytest.mark.slow
def test_dask_localcluster_stores_what_the_local_engine_stores(tmp_path):
    from distributed import LocalCluster

    from dyadwatch.runner import ingest_paths
    from dyadwatch.store import Store

    lines = [line for path in sorted(SAMPLE.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]
    articles = tmp_path / "some.jsonl"
    articles.write_text("\n".join(lines[:8]) + "\n", encoding="utf-8")

    def stored(db: Path, **engine) -> list[str]:
        with Store(db) as store:
            report = ingest_paths([articles], store, **engine)
            assert report.stored == 8 and not report.rejected
            return sorted(json.dumps(e.to_dict(), sort_keys=True) for e in store.events())

    local = stored(tmp_path / "local.duckdb")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert len(cluster.workers) == 2
        on_cluster = stored(tmp_path / "dask.duckdb", engine="dask", scheduler=cluster.scheduler_address)
    assert local and on_cluster == local


def test_the_cli_refuses_a_scheduler_without_the_dask_engine(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "dyadwatch.cli.main", "--db", str(tmp_path / "x.duckdb"), "ingest",
                             str(SAMPLE), "--scheduler", "tcp://127.0.0.1:8786"], capture_output=True, text=True)
    assert result.returncode == 2 and "--scheduler needs --engine dask" in result.stderr
    assert "Traceback" not in result.stderr
