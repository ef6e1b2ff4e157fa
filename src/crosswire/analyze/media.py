"""Whether the one told is a news medium: "X told Reuters that ..." passes X's words through Reuters.

A report that writes "a senior official told Reuters" or "Lavrov told the state news agency TASS"
did not hear the words itself: they reached it through that medium, so the medium belongs in the
quote's relay chain before the reporting outlet (the chain an OSINT reader follows back to the
first-hand source). "Netanyahu told Putin" tells a person, not a medium, and relays nothing.

The analyze stage cannot read the clean stage's outlet list (stages never import one another), so a
medium is recognised by its own words: a well-known wire or broadcaster, a name built like a
publication's ("... News", "... Times", "... Post"), or a description naming a medium ("the state
news agency TASS", "the Saudi daily Asharq Al-Awsat").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from crosswire.analyze.cues import REPORT_NOUNS
from crosswire.analyze.speakers import MentionIndex

_WIRES = frozenset(
    """
    reuters ap afp tass xinhua yonhap interfax bloomberg cnn bbc msnbc nbc cbs abc npr pbs fox
    axios politico ria anadolu kyodo efe ansa dpa irna isna wafa sana mena bernama pti ani aljazeera
    """.split()
)
_MEDIUM_NAME = re.compile(
    r"\b(?:news|times|post|journal|herald|tribune|gazette|daily|radio|tv|television|press|telegraph|"
    r"guardian|observer|chronicle|independent|magazine|agency|network|broadcasting|channel|al-awsat|"
    r"haaretz|izvestia|kommersant|pravda|le monde|der spiegel|el pa[ií]s)\b",
    re.IGNORECASE,
)
_MEDIUM_NOUNS = REPORT_NOUNS | {
    "agency",
    "network",
    "broadcaster",
    "channel",
    "magazine",
    "radio",
    "television",
}
_TELL = {"tell"}


def told_medium(cue: Token, index: MentionIndex) -> str | None:
    """The news medium a "told" cue names as the one told ("told Reuters"), else None."""
    if cue.lemma_.lower() not in _TELL:
        return None
    told = next(
        (c for c in cue.children if c.dep_ in {"dative", "dobj"} and c.pos_ in {"PROPN", "NOUN"}), None
    )
    if told is None:
        return None
    words = cue.doc[told.left_edge.i : told.i + 1]
    # "the state news agency TASS": the description is the object, the name its apposition
    named = next((c for c in told.children if c.dep_ == "appos" and c.pos_ == "PROPN"), told)
    ent = index.covering(named.idx)
    name = ent.name if ent is not None else " ".join(t.text for t in words if t.pos_ == "PROPN")
    if not name or ent is not None and ent.kind not in {"ORG", "PRODUCT", "WORK_OF_ART", "GPE", "NORP"}:
        return None  # a person told is a listener, not a medium
    first = re.sub(r"^the\s+", "", name.lower()).replace(" ", "")
    described = any(t.lemma_.lower() in _MEDIUM_NOUNS for t in words if t.pos_ == "NOUN")
    if first in _WIRES or name.lower().split()[-1] in _WIRES or _MEDIUM_NAME.search(name) or described:
        return name
    return None


def is_medium(name: str) -> bool:
    """A well-known wire or broadcaster ("CNN", "Fox News") or a name built like a publication's."""
    words = re.sub(r"^the\s+", "", name.strip().lower())
    return (
        words.replace(" ", "") in _WIRES
        or (words.split() or [""])[-1] in _WIRES
        or bool(_MEDIUM_NAME.search(name))
    )


def same_medium(a: str, b: str) -> bool:
    """ "The New York Times" and "New York Times" (or "nyt"-style file outlets aside) are one medium."""

    def norm(x: str) -> str:
        return re.sub(r"^the\s+", "", x.strip().lower())

    return norm(a) == norm(b)
