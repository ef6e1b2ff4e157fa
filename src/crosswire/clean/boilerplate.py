"""Tell the words a reporter wrote from the page furniture around them.

Scraped text carries subscription pitches, related-article links, comment forms, share buttons,
photo credits and copyright lines. Left in, they become fake quotes, fake entities ("Akismet") and
false similarity between unrelated reports of one outlet. Every rule here describes a *kind* of
line (its shape and its stock phrases), never one outlet's wording, and each only fires on short
lines: a real paragraph that happens to say "subscribe" is long, or attributes it to someone.

Removed lines are kept (``Report.boilerplate``) so a user can see what was dropped, and photo
captions are kept apart (``Report.captions``): they are not the report's prose, but they are
evidence (a caption's date tells when the report was written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_QUOTE_MARKS = re.compile(r"[\"“”„«»]")
_REPORTING = re.compile(r"\b(?:said|says|told|tells|according to|announced|reported|added)\b", re.I)

_SUBSCRIBE = re.compile(
    r"\bsubscri(?:be|ption)\b|\bsign up\b.*\bnewsletter|\bnewsletter\b.*\bsign up\b"
    r"|\bbecome an? (?:member|subscriber|supporter)\b|\bsupport (?:our|independent|quality) journalism\b"
    r"|\bget (?:our|the) \w+ newsletter\b|\bunlimited (?:digital )?access\b",
    re.I,
)

_RELATED = re.compile(
    r"^(?:>>(?!>)|»\s|›{2})"
    r"|^(?:read more|read also|also read|see also|related(?: \w+)?|recommended(?: for you)?"
    r"|more on this(?: story| topic)?|further reading|don'?t miss|you may also like"
    r"|you might also like|most read|more from \w+(?: \w+)?)\s*[:|>»\-–—]",
    re.I,
)
_RELATED_CAPS = re.compile(r"^(?:RELATED|READ MORE|SEE ALSO|ALSO READ|MORE|WATCH|LISTEN)\b")

_SOURCE = re.compile(
    r"^sources?\s*[:\-–—]?\s*(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+\S*$"
    r"|^sources?\s*:\s*\S.{0,80}$"
    r"|^(?:originally|first) published (?:at|on|by|in)\b",
    re.I,
)

_COMMENT = re.compile(
    r"^(?:be the first to comment|write your comment|leave a (?:reply|comment)"
    r"|post (?:a |your )?comment|add (?:a |your )?comment|comments?\s*(?:\(\d+\))?$|\d+ comments?$"
    r"|no comments?(?: yet)?\b|this site uses akismet|your email address will not be published"
    r"|required fields are marked|notify me of (?:follow-up comments|new posts|new comments)"
    r"|save my name, email|you must be logged in to (?:post|comment)|cancel reply"
    r"|join the (?:conversation|discussion)|(?:show|view|load) (?:all )?comments"
    r"|comments? (?:are|is) closed|log ?in to comment|(?:name|e-?mail|website)\s*\*?$)",
    re.I,
)

_FOOTER = re.compile(
    r"^(?:share this(?: article| story| post| page)?\s*:?|share (?:on|via) \w+|click to (?:share|email|print)"
    r"|follow us\b|follow (?:@\w+|\w+ on (?:twitter|facebook|instagram|x))\b|like this:?$|loading\W*$"
    r"|advertisement$|story continues below|continue reading\W*$|we use cookies|this (?:web)?site uses cookies"
    r"|by (?:continuing to use|using) (?:this|our) (?:web)?site|accept (?:all )?cookies"
    r"|(?:facebook|twitter|whatsapp|linkedin|e-?mail|print|reddit|pinterest|telegram|share|tweet|copy link)$"
    r"|tags?\s*:|topics?\s*:|filed under\b)",
    re.I,
)

_AGENCY = r"(?:getty images|ap photo|afp|reuters|epa(?:-efe)?|shutterstock|xinhua|anadolu|sipa|alamy|ap|efe)"
_CREDIT_PREFIX = re.compile(
    r"^[\(\[]?(?:photo(?:graph)?|image|picture|video)s?(?: credit)?\s*(?:by\b|:|/)\s*", re.I
)
_CREDIT_WORD = re.compile(r"^(?:credit|photo credit|image credit|courtesy(?: of)?)\s*[:\-–]?\s*\S", re.I)
_CREDIT_PARENS = re.compile(rf"^[\(\[][^()\[\]]*\b{_AGENCY}\b[^()\[\]]*[\)\]]\.?$", re.I)
_CREDIT_SLASH = re.compile(rf"\b{_AGENCY}\s*/\s*\w|\w\s*/\s*{_AGENCY}\b", re.I)
_CREDIT_ALONE = re.compile(rf"^(?:[A-Z][\w.'-]*\s+){{0,3}}(?:via\s+)?{_AGENCY}\.?$", re.I)

_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b", re.I)

_CAPTION_PREFIX = re.compile(r"^(?:file )?(?:photo|picture|image|pictured|caption)\s*:\s*", re.I)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_TRAILING_CREDIT = re.compile(
    rf"(?:\b{_AGENCY}\s*/.*|[\(\[](?:photo|credit|image)[^)\]]*[\)\]]|\b(?:photo|credit)\s*:.*)$", re.I
)
# A sentence end inside the text: a lowercase word (not "Gen.", "U.S.") + stop + a capital.
_SENTENCE_BREAK = re.compile(r"[a-z]{3,}[.!?]\s+[A-Z]")
_ENDS_WITH_DATE = re.compile(
    rf"(?P<prev>\S+)\s+(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})\.?\s*$"
)


def _words(line: str) -> int:
    return len(line.split())


def boilerplate_kind(line: str) -> str | None:
    """The family of page furniture a single line belongs to, or None if it is prose.

    Families: subscription, related, source, comment, footer, credit, copyright.
    """
    text = line.strip()
    if not text:
        return None
    n = _words(text)
    prose_like = bool(_QUOTE_MARKS.search(text) or _REPORTING.search(text))
    if n <= 25 and not prose_like and _SUBSCRIBE.search(text):
        return "subscription"
    if n <= 40 and (_RELATED.search(text) or _RELATED_CAPS.search(text) and n <= 25):
        return "related"
    if n <= 20 and _SOURCE.search(text):
        return "source"
    if n <= 30 and _COMMENT.search(text):
        return "comment"
    if n <= 30 and _FOOTER.search(text):
        return "footer"
    if _is_credit(text, n):
        return "credit"
    if n <= 30 and _COPYRIGHT.search(text) and (not prose_like or _COPYRIGHT.match(text)):
        return "copyright"
    return None


def _is_credit(text: str, n: int) -> bool:
    prefix = _CREDIT_PREFIX.match(text)
    if prefix:
        return _words(text[prefix.end() :]) <= 6
    if n <= 10 and _CREDIT_WORD.match(text):
        return True
    return n <= 8 and bool(
        _CREDIT_PARENS.match(text) or _CREDIT_SLASH.search(text) or _CREDIT_ALONE.match(text)
    )


def is_caption(paragraph: str) -> bool:
    """A photo caption: "Photo: …"/"Pictured: …", or a short, quote-free line ending in a full date.

    Wire captions end with place and date ("… in Moscow, Russia January 29, 2018."), often with a
    credit after. A sentence of prose that ends in a date reaches it through a preposition ("due
    on March 3, 2019"), so the word before the date must be a name, a comma-ended place or a
    weekday, never a lowercase word.
    """
    text = paragraph.strip()
    if not text or _QUOTE_MARKS.search(text):
        return False
    if _CAPTION_PREFIX.match(text):
        return True
    if _words(text) > 45:
        return False
    credit = _TRAILING_CREDIT.search(text)
    core = text[: credit.start()].rstrip() if credit else text
    if _SENTENCE_BREAK.search(core):  # a caption is one sentence; a dek or prose may run on
        return False
    match = _ENDS_WITH_DATE.search(core)
    if not match or match.start() == 0:
        return False
    prev = match.group("prev")
    return prev[0].isupper() or prev.endswith(",")


@dataclass
class Split:
    """A report's paragraphs sorted into prose, page furniture and captions (all in input order)."""

    body: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


def split_paragraphs(paragraphs: list[list[str]]) -> Split:
    """Sort paragraphs (each a list of its lines) into body, boilerplate lines and captions.

    Boilerplate is judged line by line (a footer is often glued to the last paragraph by a single
    newline); what remains of a paragraph is rejoined with spaces. Whitespace-only lines vanish.
    """
    out = Split()
    for lines in paragraphs:
        kept = []
        for raw in lines:
            line = raw.strip()
            if not line:
                continue
            if boilerplate_kind(line):
                out.boilerplate.append(line)
            else:
                kept.append(line)
        if not kept:
            continue
        paragraph = " ".join(kept)
        if is_caption(paragraph):
            out.captions.append(paragraph)
        else:
            out.body.append(paragraph)
    return out
