"""Docs cannot fall behind the code: every command and every setting is documented."""

from pathlib import Path

import typer

from crosswire.cli.main import app
from crosswire.settings import SETTINGS

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_command_is_in_cli_docs():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name in typer.main.get_command(app).commands:
        assert f"crosswire {name}" in text, name


def test_every_setting_is_documented():
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in text, setting.name
        assert f"CROSSWIRE_{setting.name.upper()}" in text, setting.name
