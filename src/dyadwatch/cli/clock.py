"""The command's own clock: seconds since this process started, as the wall clock counts them.

The end-of-run figures and the live rates count from the moment the operating system started the
process, so start-up (interpreter, libraries, the model) is inside them and a rate printed is the rate
a stopwatch around the whole command would give. On Linux the start is the process's start time in
/proc (clock ticks since boot) against the boot-time clock, exact to a tick; psutil's create_time() adds
the boot time, which /proc/stat gives in whole seconds, and so can be up to a second off. Elsewhere
the clock starts when this module is first imported (the command's first import).
"""
from __future__ import annotations

import os
import time
from pathlib import Path


def _seconds_since_start_linux() -> float | None:
    try:
        stat = Path("/proc/self/stat").read_text()
        ticks = int(stat.rsplit(")", 1)[1].split()[19])  # field 22, starttime; the name in (...) may hold spaces
        return time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


_STARTED = time.perf_counter() - max(0.0, _seconds_since_start_linux() or 0.0)


def since_process_start() -> float:
    """Seconds of wall-clock time since this process started."""
    return time.perf_counter() - _STARTED
