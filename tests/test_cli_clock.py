"""The command's clock counts from the process start: time spent before the first import is inside it."""
from __future__ import annotations

import subprocess
import sys
import time

from dyadwatch.cli.clock import since_process_start


def test_the_clock_includes_time_before_the_module_was_imported():
    started = time.perf_counter()
    code = ("import time; time.sleep(0.6); from dyadwatch.cli.clock import since_process_start; "
            "print(since_process_start())")
    printed = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    wall = time.perf_counter() - started
    assert 0.6 <= printed <= wall


def test_the_clock_runs_forward_with_the_wall_clock():
    before = since_process_start()
    time.sleep(0.05)
    assert 0.05 <= since_process_start() - before < 1.0
