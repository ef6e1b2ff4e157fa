"""Word lists and string rules for names: titles, role nouns, casing, slugs.

Kept apart from the entity logic so the lists can grow without touching the algorithm, and so
quotes can reuse the same notion of a "role" (an unnamed "official" is anonymous; "the prime
minister" is a known person).
"""

from __future__ import annotations

import re
import unicodedata


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NAME_KINDS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)

# Words that precede a person's name as a title or office, never part of the name itself.
TITLE_WORDS = _words(
    """
    mr mrs ms miss dr prof sir dame lord lady madam rev fr sr jr
    president vice prime minister premier chancellor secretary senator sen rep representative
    governor gov mayor king queen prince princess sheikh emir sultan ayatollah pope cardinal bishop
    rabbi imam judge justice gen general lt col colonel maj major capt captain cmdr admiral adm
    sgt sergeant chief commander director chairman chairwoman speaker ambassador deputy defense
    defence foreign finance education interior health justice attorney state former late
    spokesman spokeswoman spokesperson leader head officer agent coach candidate nominee
    """
)

# Nouns that name an office; "the <...> leader" refers to someone already in the report.
ROLE_NOUNS = _words(
    """
    president premier minister chancellor secretary senator governor mayor king queen prince
    leader chief head chairman chairwoman chair spokesman spokeswoman spokesperson nominee
    candidate commander general ambassador director speaker envoy congressman congresswoman
    """
)

# Head nouns of a source description that leaves the person unnamed ("a senior official").
ANONYMOUS_NOUNS = _words(
    """
    official officials source sources aide aides diplomat diplomats insider insiders person people
    individual individuals adviser advisers advisor advisors staffer staffers officer officers
    spokesman spokeswoman spokesperson representative representatives member members witness
    witnesses resident residents observer observers analyst analysts expert experts someone
    """
)

# A title that makes a "person" a publication ("the Saudi daily X").
MEDIA_NOUNS = _words(
    "daily newspaper paper weekly magazine outlet agency network channel broadcaster website site tabloid"
)

_ODD_CAPS = re.compile(r"\b([A-Z])([A-Z])([a-z]{2,})")


def is_title_token(text: str) -> bool:
    return text.lower().rstrip(".") in TITLE_WORDS


def clean_name(text: str) -> str:
    """One canonical spelling: single spaces, no editorial brackets, no stray case ("ASharq")."""
    text = text.replace("[", "").replace("]", "")
    text = " ".join(text.split()).strip(' "\u201c\u201d\u201e\u00ab\u00bb')  # a quote mark NER took in
    text = re.sub(r"^(the|The)\s+", "", text)
    # a possessive, also with the opening mark some outlets type for it ("Trump‘s")
    text = re.sub(r"(?:'s|’s|‘s|'|’)$", "", text).strip(" ,.;:")
    return fix_casing(text)


def fix_casing(text: str) -> str:
    """A typo's second capital ("ASharq" -> "Asharq"), never an acronym ("IDF", "NYPD")."""
    return _ODD_CAPS.sub(lambda m: m.group(1) + m.group(2).lower() + m.group(3), text)


def initials(name: str) -> str:
    skip = {"of", "the", "and", "for", "de", "la", "du"}
    return "".join(w[0].upper() for w in re.split(r"[\s-]+", name) if w and w.lower() not in skip)


def slug(name: str) -> str:
    """``"Benjamin Netanyahu"`` -> ``"benjamin-netanyahu"``; accents folded so spellings agree."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
