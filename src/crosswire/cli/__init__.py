"""Command-line interface (Typer + rich). ``crosswire.cli.main:run`` is the entry point."""
