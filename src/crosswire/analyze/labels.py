"""Attributions a writer marks with a colon: "Name: what they said" in headlines and transcripts.

Headlines ("Senator X: Plan Is Dead"), interview transcripts ("HOST: Do you think ...") and
reading notes ("More from Jones: ...") put the source before a colon at the start of a paragraph
and the content after it, with no reporting verb. The label must be short, hold no verb, and name
someone (a proper noun, a capitalised word, or a publication/poll noun), so "Watch the full
interview:" or "Here is what we know:" stay out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.cues import REPORT_NOUNS

_MAX_LABEL = 8  # tokens before the colon
_SOURCE_NOUNS = REPORT_NOUNS | {"poll", "survey", "study", "analysis", "memo"}
# Labels of the writer's own apparatus, not of a source.
_APPARATUS = {
    "note",
    "update",
    "correction",
    "clarification",
    "disclosure",
    "transcript",
    "editor",
    "related",
    # page furniture: time stamps ("Last Updated: Jul 07, 2012 8: 44 PM ET"), credits and links
    "updated",
    "posted",
    "published",
    "modified",
    "filed",
    "created",
    "photo",
    "image",
    "video",
    "credit",
    "caption",
    "tags",
    "share",
    "advertisement",
    "read",
    "watch",
    "see",
}
_TIME_WORDS = frozenset(
    """
    am pm a.m a.m. p.m p.m. et est edt ct cst cdt mt pt pst pdt gmt utc bst cet cest ist jst aest hrs
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july
    august september october november december monday tuesday wednesday thursday friday saturday
    sunday mon tue tues wed thu thur thurs fri sat sun today yesterday updated at on
    """.split()
)


@dataclass(frozen=True)
class Labelled:
    """One "label: content" paragraph: the colon, who the label names, the content's offsets."""

    colon: Token
    who: Span
    start: int
    end: int


def labelled(doc: Doc) -> list[Labelled]:
    """Each paragraph that opens with a short source label and a colon; linear in the text."""
    text = doc.text
    out: list[Labelled] = []
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for at in starts:
        span = _label(doc, at)
        if span is None:
            continue
        colon = doc[span.end]
        end = text.find("\n", colon.idx)
        end = len(text) if end < 0 else end
        start = colon.idx + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1] in " \t\r.":
            end -= 1
        if len(text[start:end].split()) >= 3 and not is_timestamp(text[start:end]):
            out.append(Labelled(colon=colon, who=span, start=start, end=end))
    return out


def is_timestamp(content: str) -> bool:
    """Whether a label's content is only a date or time ("Jul 07, 2012 8: 44 PM ET"): no one's words."""
    words = [w.strip(",.:;()|-–—/").lower() for w in content.split()]
    words = [w for w in words if w]
    return bool(words) and all(w.isdigit() or w in _TIME_WORDS or _CLOCK.fullmatch(w) for w in words)


_CLOCK = re.compile(r"\d{1,2}(?::\d{2})?(?:am|pm|a\.m|p\.m)?|\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?")


def label_at(doc: Doc, at: int) -> Span | None:
    """The source label opening the paragraph at character ``at`` ("SMITH", "More from Jones"), if any."""
    return _label(doc, at)


def _label(doc: Doc, at: int) -> Span | None:
    """The label span starting at character ``at`` if a colon follows it closely, else None."""
    first = doc.char_span(at, at + 1, alignment_mode="expand")
    if first is None:
        return None
    i = first.start
    while i < len(doc) and doc[i].is_space:
        i += 1
    for j in range(i, min(len(doc), i + _MAX_LABEL + 1)):
        tok = doc[j]
        if "\n" in tok.text:
            return None
        if tok.text == ":":
            return _named(doc[i:j])
        if tok.pos_ in {"VERB", "AUX"} and not tok.text.isupper() or tok.text in {".", "?", "!"}:
            return None
    return None


def _named(span: Span) -> Span | None:
    if not len(span) or not span[0].text[:1].isupper() or span[-1].is_punct:
        return None
    if any(t.lemma_.lower() in _APPARATUS or t.lower_ in _APPARATUS for t in (span[0], span[-1])):
        return None  # "Note:", "Last Updated:", "Photo credit:"
    for tok in span:
        if tok.pos_ == "PROPN" or tok.text.isupper() and len(tok.text) > 2:
            return span
        if tok.lemma_.lower() in _SOURCE_NOUNS:
            return span
    return None


_DASH_CHARS = "―—–-"
_MAX_SIGNATURE = 6  # tokens of a signer's name


def signed(doc: Doc, c: int) -> tuple[Token, Span] | None:
    """The dash and name that sign a quote whose closing mark is at ``c`` ("“…” ― Carla Sanchez").

    Reader round-ups and listicles put the speaker after the quote with a dash and no verb. The
    name must open with a capital, hold a proper noun, and end its line or be followed by a comma
    (a description: "— Jorge Falcon, a farmer"), so a dash that goes on with the writer's prose
    ("— and then she left") signs nothing.
    """
    text = doc.text
    k = c + 1  # on characters: the tokenizer glues a dash to the mark ("”― Pamela Padilla")
    while k < len(text) and (text[k] in " \t\u00a0.,"):
        k += 1
    if k >= len(text) or text[k] not in _DASH_CHARS:
        return None
    while k < len(text) and (text[k] in _DASH_CHARS or text[k] in " \t\u00a0"):
        k += 1
    first = doc.char_span(k, k + 1, alignment_mode="expand")
    if first is None or first[0].idx != k:
        return None
    dash = doc.char_span(c + 1, k, alignment_mode="expand")
    i = first.start
    dash = dash[-1] if dash is not None and len(dash) else first[0]
    j = i
    while j < len(doc) and j - i < _MAX_SIGNATURE and not doc[j].is_punct and "\n" not in doc[j].text:
        if doc[j].is_space:
            break
        j += 1
    name = doc[i:j]
    if not len(name) or not name[0].text[:1].isupper() or not any(t.pos_ == "PROPN" for t in name):
        return None
    rest = doc[j:]
    end_of_line = not len(rest) or "\n" in rest[0].text or rest[0].text in {".", ","}
    return (dash, name) if end_of_line else None
