"""What looks like an attribution but is no one's words: bylines, contact lines and subheadings.

``labels.py`` reads "Name: content" paragraphs as attributions, and a reporting verb can sit in an
author's bio. Three shapes are not quotes at all:

- contact and bio lines ("Follow X on Twitter: @handle. Reach him directly at x@example.com"):
  they carry an e-mail address, "reach/contact him" or "follow X on Twitter", and the colon's
  "speaker" would be a platform (a bare @handle is not enough: tweets are quoted with them);
- subheadings ("Little Relief for Refugees: The refugee crisis is ..."): a Title Case line of
  three words or more that names no one the report mentions elsewhere; a speaker is a person,
  an organisation the report names beyond the label, or a description, never a section title;
- titles in quotation marks ("told ABC's “Good Morning America”"): a programme, book or film is
  named, no one's words are quoted;
- the same attribution found twice (a label read from two line starts): one row per
  (start, end, kind).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from crosswire.analyze.cues import OPENERS
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


_TITLE_HOLDERS = {"pobj", "poss", "appos", "compound", "nmod"}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "sen", "gov", "rep", "president", "senator", "governor"}
_BEFORE_TITLE = {"’s", "'s", "’", "on", "in", "of"}


def is_title(doc: Doc, start: int, end: int) -> bool:
    """Whether the quoted words ``doc.text[start:end]`` are a title, not speech: a short Title Case
    name with no verb of its own ("On ABC's “Good Morning America” Tuesday, he said", "in his book
    “The Art of the Deal”") that a possessive or a preposition introduces, or that the sentence
    uses as a noun. What a verb takes as its object ("repeat “Law and Order”", "called her
    “Crooked Hillary”") stays an attributed quote; "told “Meet the Press”" names whom it was told."""
    span = doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in span if t.is_alpha] if span is not None else []
    if not words or len(words) > 8 or doc.text[start:end].rstrip(",").endswith((".", "!", "?", ";")):
        return False
    if not words[0].text[:1].isupper() or any(
        not t.text[:1].isupper() and t.lower_ not in _FUNCTION_WORDS for t in words
    ):
        return False
    if any(t.pos_ in {"VERB", "AUX"} and not t.text[:1].isupper() for t in words):
        return False
    if all(t.ent_type_ == "PERSON" or t.lower_ in _HONORIFICS for t in words):
        return False  # a person's name said ("“Ted Cruz,” he answered"; "“Mr. Trump,” she began")
    root = span.root
    if root.dep_ in {"dobj", "attr", "oprd"}:
        # what a verb takes ("repeat “Law and Order”") stays quoted words; "told “Meet the Press”"
        # names whom it was told
        return root.head.lemma_.lower() == "tell"
    k = span.start - 1
    while k >= 0 and (doc[k].is_space or doc[k].text in OPENERS):
        k -= 1
    if k >= 0 and (doc[k].tag_ == "POS" or doc[k].lower_ in _BEFORE_TITLE):
        return True  # "ABC's “Good Morning America”", "Fox News' “Hannity”", "on “This Week”"
    # a noun's: the object of a preposition, a possessor, or a name beside a noun ("the show
    # “Hannity”"), not beside another quote ("repeat “Peace Through Strength,” “Law and Order”")
    head = root.head
    quoted_head = head.left_edge.i > 0 and doc[head.left_edge.i - 1].text in OPENERS
    return root.dep_ in {"pobj", "poss"} or (
        root.dep_ in _TITLE_HOLDERS and head.pos_ in {"NOUN", "PROPN"} and not quoted_head
    )
