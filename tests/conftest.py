"""Shared fixtures (the full pipeline is built once per test process, model tests only) and the order
in which pytest-xdist hands files to its workers: files with tests marked `slow` first, the longest first
(by the sum of their `slow(seconds=N)` estimates, 5 s for a bare `slow`), so that the long ones start
early and the workers finish together instead of one waiting on a late long file."""
from __future__ import annotations

import pytest


SLOW_DEFAULT_SECONDS = 5.0


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    estimate: dict = {}
    for item in items:
        marker = item.get_closest_marker("slow")
        if marker is not None:
            estimate[item.path] = estimate.get(item.path, 0.0) + marker.kwargs.get("seconds", SLOW_DEFAULT_SECONDS)
    items.sort(key=lambda item: -estimate.get(item.path, 0.0))  # stable: collection order otherwise


@pytest.fixture(scope="session")
def nlp():
    """The pipeline `ingest` uses in this process (shared_pipeline), so it is loaded once, not twice."""
    from dyadwatch.pipeline import shared_pipeline

    return shared_pipeline()


@pytest.fixture(scope="session")
def base_nlp():
    from dyadwatch.nlp import load_base_model

    return load_base_model()


@pytest.fixture(scope="session")
def time_nlp():
    """The spaCy model with the time component alone (the time tests)."""
    import spacy

    import dyadwatch.time.component  # noqa: F401  (registers dyadwatch_time)
    from dyadwatch.nlp import MODEL_NAME

    pipeline = spacy.load(MODEL_NAME)
    pipeline.add_pipe("dyadwatch_time")
    return pipeline
