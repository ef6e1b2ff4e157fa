"""Which sentences may stand in a brief as its lead, or as a fact at all.

A reader meets the lead first: it must name its subject ("he revisits his promises" names no one) and
stand on its own ("And then Trump went fully on the attack" needs the sentence before). A summary
states facts: a writer's own "X should cut ties with Y" (a reader's letter, an op-ed line) is no fact.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
_PARAGRAPH = re.compile(r"\n\s*\n")
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]?")


_PRONOUN = re.compile(r"(?i)^(?:he|she|they|his|her|their|him|them)\b")
# a dateline opens the story proper ("DES MOINES — She is ..."): the subject comes after it
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+)*|[A-Z][a-z]+(?: [A-Z][a-z]+)*\s*\([A-Z][A-Za-z]*\))"
    r"\s*[-–—]+\s"
)
_OPENERS = frozenset(
    "after although as at because before despite during for from if in on once since still then "
    "though until when while with within without yet".split()
)


def unresolved_pronoun(text: str) -> bool:
    """Whether the sentence's subject is a pronoun with nothing before it to name: it opens on
    "he"/"she"/"they" (or "his", "their"), or does so right after a short opening phrase that names
    no one ("At convention, he revisits his promises"). A longer opening may name the person after
    its pronoun ("For someone who said she is no natural politician, Clinton had a good night")."""
    text = _DATELINE.sub("", text.lstrip("\"'“‘( "), count=1)  # "DES MOINES — She is ..."
    if _PRONOUN.match(text):
        return True
    head, comma, rest = text.partition(",")
    if not comma:
        return False
    opening = _WORD.findall(head)
    if not opening or len(opening) > 6 or opening[0].lower() not in _OPENERS:
        return False
    return bool(_PRONOUN.match(rest.lstrip("\"'“‘( ")))


# Discourse connectives that continue the sentence before ("And then Trump went fully on the
# attack", "But he said", "That drew criticism"): a lead opening on one reads as a fragment.
_CONNECTIVE = re.compile(
    r"(?i)^(?:and|but|or|nor|then|so|also|too|yet|still|however|meanwhile|moreover|furthermore|besides|"
    r"instead|nevertheless|nonetheless|otherwise|thus|therefore|hence|likewise|similarly|indeed)\b"
    r"(?!\s+far\b)"  # "So far, 20 states have voted" stands on its own
)
# "This", "That", "These", "Those" point back ("That drew criticism", "This is the third time"),
# unless a time noun follows ("This week, the senator ...", "That night ...").
_DEMONSTRATIVE = re.compile(
    r"(?i)^(?:this|that|these|those)\b(?!\s+(?:morning|afternoon|evening|night|week|weekend|month|"
    r"year|spring|summer|fall|autumn|winter|season|time|day|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b)"
)


def leans_back(text: str) -> bool:
    """Whether the sentence opens on a word that needs the sentence before it (a connective or a
    pointing "this"/"that"), after any dateline: no lead for a brief (trial 8, finding 7)."""
    text = _DATELINE.sub("", text.lstrip("\"'“‘( "), count=1)
    return bool(_CONNECTIVE.match(text) or _DEMONSTRATIVE.match(text))


# a deontic modal outside quotation marks ("Clinton should cut ties with Abedin", "he needs to go")
_MODAL = re.compile(r"(?i)\b(?:should(?:n't| not)?|ought to|must(?:n't| not)?|needs? to)\b")
# a reporting verb or source that makes the view someone's ("Ryan said Trump should apologise")
_ATTRIBUTED = re.compile(
    r"(?i)\b(?:said|says|say|told|tells|according to|argued|argues|wrote|writes|believes?|thinks?|"
    r"insisted|insists|urged|urges|called|calls|asked|asks|warned|warns|added|adds|contended|"
    r"contends|suggested|suggests|declared|declares|demanded|demands|stated|states)\b"
)


# a section label on its own line at the top of a body: the page is readers' letters or opinion
_OPINION_LABEL = re.compile(
    r"(?im)^\s*(?:letters?(?: to the editor)?|readers'? (?:letters|views|respond)|your say|opinion|"
    r"editorial|commentary|op-ed|column)\s*[.:]?\s*$"
)


def opinion_page(body: str) -> bool:
    """Whether the report is readers' letters or an opinion piece by its section label in its first
    paragraphs ("LETTERS."): every line of it is someone's view, none a fact to brief."""
    head = "\n\n".join(_PARAGRAPH.split(body, maxsplit=3)[:3])
    return bool(_OPINION_LABEL.search(head))


def opinion(text: str) -> bool:
    """Whether the sentence is its writer's unattributed opinion: a deontic modal outside any
    quotation and no reporting verb or source that makes it someone's reported view."""
    bare = _QUOTED.sub(" ", text)
    return bool(_MODAL.search(bare)) and not _ATTRIBUTED.search(bare)
