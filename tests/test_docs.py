"""Every CLI command and option is documented in the README (the Datasette habit)."""
from __future__ import annotations

import re
from pathlib import Path

import typer.main

from dyadwatch.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    group = typer.main.get_command(app)
    return group, group.commands


def test_every_command_is_in_the_readme():
    _, commands = _commands()
    missing = [name for name in commands if f"dyadwatch {name}" not in README]
    assert not missing, f"commands missing from README: {missing}"


def test_every_option_is_in_the_readme():
    group, commands = _commands()
    missing = []
    for param in group.params:
        missing += [opt for opt in param.opts if opt.startswith("--") and opt not in README]
    for name, command in commands.items():
        for param in command.params:
            missing += [f"{name} {opt}" for opt in param.opts if opt.startswith("--") and opt.split()[-1] not in README]
    assert not missing, f"options missing from README: {missing}"


def test_readme_has_the_two_commands():
    assert "make demo" in README and "make test" in README


def test_the_readme_names_the_command_ci_runs():
    """CI runs `make test`; the README quotes the pytest command that target runs."""
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    recipe = re.search(r"^test:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert recipe, "no test target in the Makefile"
    command = recipe.group(1).strip().splitlines()[-1].strip().replace("$(PY)", ".venv/bin/python")
    assert f"`{command}`" in README, f"the README does not quote {command!r}"
