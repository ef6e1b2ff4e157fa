"""Whether a described source can stand behind words or a view: a bill, an election or a punch cannot.

A cue's subject is its source only when someone could hold the words: a named party, a person or
body described ("a senior official", "the ministry"), or a document someone wrote ("the report",
"the ad"). The parser also hands the role to things: "legislation that would allow families to
sue", "a series of big rights backed the challenger", "the Council's starkest failure ... as
France and Britain support rebel groups". Mostly under stance and belief cues, which need a mind:
there a nominalisation ("failure", "legislation", "impact") is no source, save the few that name a
body of people ("the administration", "the opposition") or a written finding ("the investigation").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.analyze.cues import REPORT_NOUNS, SPEECH
from crosswire.analyze.names import ANONYMOUS_NOUNS

# Things that hold no words under any cue: laws, contests, blows in a fight, programmes, effects.
_THINGS = frozenset(
    """
    legislation law bill amendment guideline regulation loophole provision clause election primary
    punch jab hook uppercut blow combination series impact effect advice program programme episode
    con
    """.split()
)
# Things written or shown that speak for whoever made them ("the ad says", "the poll shows"): never
# another name for the person who spoke last.
WRITTEN = (
    frozenset(
        """
    ad advert advertisement commercial video footage spot clip letter memo email tweet post poll
    survey study book documentary film message note filing document
    """.split()
    )
    | REPORT_NOUNS
)
# "a series of big rights", "a number of officials": the quantity is not the source, its noun is.
_QUANTITIES = frozenset(
    "series number couple handful lot dozen host range pair set string bunch slew".split()
)
_ABSTRACT = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ure", "ism")
# Nominalisations that name a body of people or a written finding, so may take a stance.
_BODIES = frozenset(
    """
    administration opposition organization organisation coalition federation association nation
    population generation delegation congregation corporation institution foundation commission
    convention publication station prosecution investigation resolution declaration constitution
    petition statement announcement majority minority authority community university city party
    presidency management leadership government department parliament establishment movement
    audience conference legislature electorate intelligence resistance celebrity personality
    fraternity sorority ministry agency committee embassy
    """.split()
)


def mindless(subject: Span, attribution: str) -> bool:
    """Whether ``subject`` (a description, no entity behind it) is a thing that cannot be a source
    for a cue of this ``attribution`` (``speech``, ``belief``, ``stance``)."""
    head = _core(subject.root)
    if head.pos_ in {"PROPN", "PRON"}:
        return False
    lemma = head.lemma_.lower()
    if lemma in _THINGS or lemma == "right" and head.tag_ == "NNS":  # "big rights": punches
        return True
    if attribution == SPEECH:
        return False  # "the statement said": something written speaks for its writer
    if lemma in _BODIES or lemma in ANONYMOUS_NOUNS or lemma in REPORT_NOUNS:
        return False
    return lemma.endswith(_ABSTRACT)


def _core(head: Token) -> Token:
    """The noun a quantity counts ("a series of big rights" -> rights), else ``head`` itself."""
    if head.lemma_.lower() not in _QUANTITIES:
        return head
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj if obj is not None else head
