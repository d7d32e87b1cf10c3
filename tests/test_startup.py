"""Start-up and exit of the command: `main()` exits with run()'s code, after the exit handlers."""
from __future__ import annotations

import subprocess


def _command(code: str) -> subprocess.CompletedProcess[str]:
    import sys

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_the_command_exits_with_its_code_after_the_exit_handlers():
    done = _command("import atexit, sys, dyadwatch.cli.main as m; atexit.register(lambda: print('handler ran')); "
                    "sys.argv = ['dyadwatch', '--help']; m.main()")
    assert done.returncode == 0
    assert "ingest" in done.stdout and done.stdout.rstrip().endswith("handler ran")


def test_a_usage_error_keeps_its_exit_status():
    done = _command("import sys, dyadwatch.cli.main as m; sys.argv = ['dyadwatch', 'no-such-command']; m.main()")
    assert done.returncode == 2 and "no-such-command" in done.stderr


def test_exit_now_mirrors_sys_exit_codes():
    assert _command("import dyadwatch.cli.main as m; m.exit_now(None)").returncode == 0
    assert _command("import dyadwatch.cli.main as m; m.exit_now(3)").returncode == 3
    message = _command("import dyadwatch.cli.main as m; m.exit_now('stopped')")
    assert message.returncode == 1 and message.stderr.strip() == "stopped"
