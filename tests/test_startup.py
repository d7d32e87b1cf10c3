"""Start-up helpers: the collector pause around pipeline building leaves the collector as it found it."""
from __future__ import annotations

import gc

import pytest

from dyadwatch.pipeline import collector_paused


def test_the_collector_is_paused_inside_and_enabled_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failure_inside_still_enables_it_again():
    with pytest.raises(ValueError):
        with collector_paused():
            raise ValueError("model missing")
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
