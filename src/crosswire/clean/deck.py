"""Headline and deck (standfirst) lines at the top of a report's body, found but left in place.

A print archive or a scrape keeps the page's headline material in the body, above the lede:
"States set records; GOP's close contest helps bring them out." (USA Today), "At convention, he
revisits his promises and rallies Democrats for Clinton." (NYT). Such a line reads as a sentence (a
full stop) but says what the headline says, in headline grammar, and names no one: it is no fact a
report carries alone (compare) and no summary sentence (brief). The body is not changed, so no
stored offset moves: ``deck_lines`` gives spans, and the pipeline hands them to the later stages
(stage packages never import one another).
"""

from __future__ import annotations

import itertools
import re

from crosswire.model import Report

Span = tuple[int, int]

_WORD = re.compile(r"\w+")
_DECK_WORDS = 25
_DECK_TOP = 4  # paragraphs at the top of the body where a deck can sit
_LABEL_WORDS = 4  # a shorter top line is a label or a fragment, no deck and no lede
_BARE_WORDS = 16  # a line this short with no article is headlinese ("Email inquiry bruises ...")
_ARTICLES = frozenset({"a", "an", "the"})
_TITLE_SHARE = 0.9  # a lede retells the headline in more words ("The Senate passed ... on Saturday")
_STOP = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been it its this that he "
    "she they we i you his her their our not has have had will would said says".split()
)
_PRONOUN = re.compile(r"(?i)^(?:he|she|they|his|her|their|him|them)\b")
# a dateline opens the story proper ("CHARLOTTE - The wife…", "Philadelphia (AFP) – US President…"):
# a short line above it is headline material, and the line itself is the lede
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+)*|[A-Z][a-z]+(?: [A-Z][a-z]+)*\s*\([A-Z][A-Za-z]*\))"
    r"\s*[-–—]+\s"
)
_SAID = re.compile(r"\b(?:said|says|told|tells|according to)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_OPENERS = frozenset(
    "after although as at because before despite during for from if in on once since still then "
    "though until when while with within without yet".split()
)
# Subjects that need no article in full grammar: personal pronouns, and a name of two or more
# capitalised words ("Donald Trump", "Ruth Bader Ginsburg"). One capitalised word may be a name or a
# headline's bare noun ("Campaign criticizes…", "Senator presses…"), so it proves nothing.
_CLAUSE_PRONOUNS = frozenset("i we you he she it they there this that these those".split())
# a finite verb right after the subject: an auxiliary or modal (maybe with n't), a contracted one
# ("It's", "they're"), or a present or past tense form ("regrets", "said")
_FINITE = re.compile(
    r"^(?:(?:is|are|was|were|has|have|had|does|do|did|will|would|can|could|may|might|must|should|shall)"
    r"(?:n[’']t)?|(?:is|are|was|were|has|have|had|does|do|did|ca|wo|could|would|should)n[’']t|"
    r"[a-z]+(?:s|ed))$"
)
_CONTRACTED = re.compile(r"^[A-Za-z]+[’'](?:s|re|ve|ll|d|m)\b")
# words a line may open on that are no bare noun: determiners, quantifiers, adverbs, wh-words
_NOT_NOUNS = (
    _STOP
    | _OPENERS
    | _CLAUSE_PRONOUNS
    | frozenset(
        "all any both each every few many more most much no none only other same several some such "
        "also again even here how just maybe now perhaps so than too very what where which who why "
        "new first last next one two three four five best neither either whether nor".split()
    )
)
_PLACE_PREPOSITIONS = frozenset("from of in at for on".split())
_AUXILIARIES = frozenset("have had are were will would can could may might must should do did".split())

# words ending in "s" that are no verb in the present tense ("Turnout was high" is full grammar: a
# headline writes the present)
_NOT_VERBS = frozenset(
    "is was has does as his hers its this thus us yes always perhaps whereas unless across news "
    "its ours theirs yours".split()
)


def deck_lines(report: Report) -> tuple[Span, ...]:
    """The headline and deck (standfirst) paragraphs above a report's lede, as body spans.

    Each is a paragraph of one short line, and they run from the top of the body until the first
    paragraph that is none (the lede); a label between them ("ABSTRACT.", a fragment) is skipped. A
    line is headline material when the title runs on into it (a title ending in a semicolon:
    "Ginsburg apologizes for Trump comments;"), it stands above the dateline that opens the story
    proper, repeats the title's words, joins fragments with a semicolon, is in title case, is written
    without articles ("Justice vows to be 'more circumspect' with her opinions.") unless it is a full
    clause whose subject needs none ("Donald Trump isn't saying much about debate preparation, with
    one notable exception." is a lede), puts a bare singular noun as its subject ("Senator from Texas
    says he cannot allow…", "After a pause in N.H., senator seems ready for…"), or opens on a pronoun
    nothing before it names ("At convention, he revisits his promises"). A lede is a paragraph of one
    sentence too, but it is longer and written in full grammar; a line that opens on a dateline is
    the story proper."""
    body = report.body
    found = re.finditer(r"\S[^\n]*(?:\n(?![^\S\n]*\n)[^\n]*)*", body)
    paragraphs = [m.span() for m in itertools.islice(found, _DECK_TOP + 1)]
    top = paragraphs[:_DECK_TOP]
    runs_on = bool(report.title and report.title.rstrip().endswith((";", ":")))
    out: list[Span] = []
    for i, (a, b) in enumerate(top):
        line = body[a:b].strip()
        words = _WORD.findall(line)
        if len(words) < _LABEL_WORDS:
            continue  # a label ("ABSTRACT.", "FULL TEXT.") or a fragment between the decks
        if len(words) > _DECK_WORDS or len(_sentences(line)) > 1 or i + 1 >= len(paragraphs):
            break
        if _DATELINE.match(line):
            break  # "DES MOINES — She is the campaign's antidote…" opens the story proper
        first = not out and all(len(_WORD.findall(body[x:y])) < _LABEL_WORDS for x, y in top[:i])
        if not (
            (first and runs_on)
            or (first and _opens_on_pronoun(line))
            or any(x > a and _DATELINE.match(body[x:y]) for x, y in top)
            or _headline_like(line, words, report.title)
            or _bare_subject(line, body)
        ):
            break
        out.append((a, b))
    return tuple(out)


def _headline_like(line: str, words: list[str], title: str | None) -> bool:
    """Headline grammar or headline words: the title again, fragments joined by a semicolon, title
    case, or a short line with no article that is no full clause."""
    mine = _content(line)
    if title and mine and len(mine & _content(title)) / len(mine) >= _TITLE_SHARE:
        return True
    if re.search(r"\w;\s+\w", line) and not _SAID.search(line):
        return True
    # title case capitalises the verbs and often the little words too ("Read Live Updates On The
    # Iowa Caucuses"); a sentence crowded with names still has its verb and particles in lower case
    rest = [w for w in words[1:] if not w[0].isdigit()]
    if len(rest) >= 4 and sum(w[0].isupper() for w in rest) / len(rest) >= 0.75:
        return True
    bare = len(words) <= _BARE_WORDS and not any(w.lower() in _ARTICLES for w in words)
    return bare and not _full_clause(line)


def _full_clause(line: str) -> bool:
    """A sentence in full grammar whose subject needs no article: a pronoun or a name of two or more
    words, then a finite verb, and a full stop ("It's game time.", "Donald Trump isn't saying much
    about debate preparation, with one notable exception."). Headlines drop articles before common
    nouns ("Campaign criticizes spy agencies"); a name or a pronoun never takes one, so the missing
    article says nothing about such a line."""
    if not line.rstrip("\"'”’)").endswith("."):
        return False
    tokens = line.split()
    if not tokens:
        return False
    if _CONTRACTED.match(tokens[0]) and tokens[0][0].isupper():
        head = re.split(r"[’']", tokens[0])[0].lower()
        return head in _CLAUSE_PRONOUNS
    if tokens[0].lower() in _CLAUSE_PRONOUNS:
        return len(tokens) > 1 and bool(_FINITE.match(tokens[1].strip(",;:")))
    name = 0
    while name < len(tokens) and tokens[name][:1].isupper() and tokens[name].isalpha():
        name += 1
    return 2 <= name < len(tokens) and bool(_FINITE.match(tokens[name].strip(",;:")))


def _bare_subject(line: str, body: str) -> bool:
    """Whether the line's subject is a singular common noun with no determiner, as headlines write
    it: "Senator from Texas says he cannot allow…", "After a pause in N.H., senator seems ready…".
    The subject is the first word, or the first after a short opening phrase ending in a comma; it
    is a common noun when the body writes it in lower case too (a name never is), singular when it
    does not end in "s", and the subject when a verb in the present tense ("says", "seems") follows
    it, maybe after one more noun ("Email inquiry bruises") or a place ("Senator from Texas says").
    Full grammar puts "the" or "a" before such a noun; a headline drops it."""
    text = line.lstrip("\"'“‘( ")
    head, comma, rest = text.partition(",")
    opening = _WORD.findall(head)
    if comma and opening and len(opening) <= 6 and opening[0].lower() in _OPENERS:
        text = rest.lstrip()
    tokens = [t.strip(",;:") for t in text.split()]
    if len(tokens) < 3:
        return False
    noun = tokens[0].lower()
    if not _common_singular(noun) or not re.search(rf"\b{noun}\b", body):  # case-sensitive: not a name
        return False
    i = 1
    if tokens[i] in _PLACE_PREPOSITIONS:  # "Senator from Texas"
        i += 1
        while i < len(tokens) and tokens[i][:1].isupper():
            i += 1
    elif _common_singular(tokens[i]) and not _present(tokens[i]):  # "Email inquiry"
        i += 1
    if i + 1 >= len(tokens) or not _present(tokens[i]):
        return False
    # "Border agents apprehended", "profits declining": a plural noun before the verb, not a verb
    after = tokens[i + 1].lower()
    return not (after.endswith(("ed", "ing")) or after in _AUXILIARIES)


def _common_singular(word: str) -> bool:
    """A word that can be a singular common noun: no function word, plural, participle or adverb."""
    low = word.lower()
    return (
        word.isalpha()
        and len(low) >= 3
        and low not in _NOT_NOUNS
        and not low.endswith(("s", "ed", "ing", "ly"))
    )


def _present(word: str) -> bool:
    """A verb in the third person present ("says", "seems", "criticizes"), by its form."""
    return (
        word.isalpha()
        and word.islower()
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word not in _NOT_VERBS
    )


def _opens_on_pronoun(text: str) -> bool:
    """Opens on "he"/"she"/"they" (or "his", "their"), or does so right after a short opening
    phrase that names no one ("At convention, he revisits his promises")."""
    text = text.lstrip("\"'“‘( ")
    if _PRONOUN.match(text):
        return True
    head, comma, rest = text.partition(",")
    if not comma:
        return False
    opening = _WORD.findall(head)
    if not opening or len(opening) > 6 or opening[0].lower() not in _OPENERS:
        return False
    return bool(_PRONOUN.match(rest.lstrip("\"'“‘( ")))


def _sentences(line: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(line) if s.strip()]


def _content(text: str) -> set[str]:
    """Lowercase words that carry content, for the share of the title a line repeats."""
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}
