"""What looks like an attribution but is no one's words: bylines, contact lines and subheadings.

``labels.py`` reads "Name: content" paragraphs as attributions, and a reporting verb can sit in an
author's bio. Three shapes are not quotes at all:

- contact and bio lines ("Follow X on Twitter: @handle. Reach him directly at x@example.com"):
  they carry an e-mail address, "reach/contact him" or "follow X on Twitter", and the colon's
  "speaker" would be a platform (a bare @handle is not enough: tweets are quoted with them);
- subheadings ("Little Relief for Refugees: The refugee crisis is ..."): a Title Case line of
  three words or more that names no one the report mentions elsewhere; a speaker is a person,
  an organisation the report names beyond the label, or a description, never a section title;
- the same attribution found twice (a label read from two line starts): one row per
  (start, end, kind).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from crosswire.analyze.speakers import MentionIndex
from crosswire.model import Quote

_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+"  # an e-mail address
    r"|\b(?:reach|contact|e-?mail|write to)\s+(?:him|her|them|me|us)\s+(?:directly\s+)?at\b"
    r"|\bfollow\b[^.:\n]{0,60}\bon\s+(?:twitter|facebook|instagram)\b",
    re.IGNORECASE,
)
_FUNCTION_WORDS = frozenset("a an and the of for on in at to with by from as or vs".split())
_MIN_HEADING_WORDS = 3


def is_contact(text: str) -> bool:
    """Whether ``text`` (a paragraph) is an author's bio or contact line rather than reporting."""
    return _CONTACT.search(text) is not None


def is_heading(label: Span, index: MentionIndex) -> bool:
    """Whether a "label:" is a section title, not a speaker.

    A title is Title Case (every word capitalised save short function words, not ALL CAPS as a
    transcript's "SMITH:"), three words or more, and names no person and no party the report
    mentions anywhere else ("Department of Justice:" stays a speaker when the report names the
    department again; a title spaCy took for an ORG is mentioned only there).
    """
    words = label.text.split()
    if len(words) < _MIN_HEADING_WORDS or label.text.isupper():
        return False
    if not all(w[:1].isupper() or w.lower() in _FUNCTION_WORDS for w in words):
        return False
    for token in label:
        entity = index.covering(token.idx)
        if entity is None:
            continue
        if entity.kind == "PERSON":
            return False
        if any(not (label.start_char <= m.start < label.end_char) for m in entity.mentions):
            return False
    return True


def unique(quotes: Sequence[Quote]) -> list[Quote]:
    """``quotes`` with one row per (start, end, kind), the first kept."""
    seen: set[tuple[int, int, str]] = set()
    out: list[Quote] = []
    for q in quotes:
        key = (q.start, q.end, q.kind)
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out
