"""Documentation cannot fall behind the code: every command and every setting is in the README."""

from __future__ import annotations

import argparse

from paths import ROOT

from generator.cli import make_parser
from generator.config import Settings


def _subcommands(parser: argparse.ArgumentParser, prefix: str = "prongsai") -> list[str]:
    names: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                names.append(f"{prefix} {name}")
                names.extend(_subcommands(sub, f"{prefix} {name}"))
    return names


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    missing = [c for c in _subcommands(make_parser()) if f"`{c}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    missing = [k for k in Settings.documented() if f"`{k}`" not in readme]
    assert not missing, f"settings of content/site.yml missing from README.md: {missing}"


def test_every_setting_has_help_text() -> None:
    assert all(len(text) > 20 for text in Settings.documented().values())
