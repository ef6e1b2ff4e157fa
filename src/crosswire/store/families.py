"""The people of one surname (or one given name) in the store, and which of their ids are one person's.

Pure rules over counts, kept apart from ``db`` (which reads and writes the rows): "Donald J. Trump"
is "Donald Trump" once the store writes both, and a bare "Obama" or "Trump" is the one person of
that surname the store names far more than anyone else (``family_links``).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

# A bare surname names the person who holds the most of its full-name mentions when that person
# holds at least DOMINANT_RATIO times as many as the next one (a wife or son named in passing does
# not make "Obama" or "Trump" ambiguous; "Jeb" and "George W. Bush" both often named do), and
# reports that name that person in full mention them MIN_FULL times or more: someone named once
# in full is not every "Jordan" (the country) NER took for a person, nor "Follow Breitbart" (a
# footer) the outlet, nor a delegate "Christopher Harvey" the talk-show host "Harvey".
DOMINANT_RATIO = 5
MIN_FULL = 3
# A bare surname NER never called a person ("Trump" ORG in "the Trump campaign") names that person
# only when the person is named at least this many times as often as it: a company or a town that
# shares the name ("Ford", "Clinton") is written often enough for itself.
OTHER_KIND_RATIO = 10
PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
# Key prefix of a given name's family ("given:hillary"): the people the store names Hillary, and a
# bare "Hillary" a report wrote (campaign coverage calls candidates by their first names).
GIVEN = "given:"
# A given name is shared far more often than a surname ("Tom" in "(then Majority Leader Tom) DeLay"
# is no Tom Cole named four times in one report): only someone named in full this often takes it.
GIVEN_MIN_FULL = 10


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _name_rank(eid: str, name: str) -> tuple[bool, bool, int]:
    return (_slug(name) == eid, not name.isupper(), len(name.split()))


@dataclasses.dataclass
class Member:
    """One entity id of a surname's family in the store: its fullest name and its mentions, those
    in rows NER tagged as a person and those it tagged as a place."""

    name: str
    count: int = 0
    person: int = 0
    place: int = 0

    def add(self, eid: str, name: str, kind: str, count: int) -> None:
        """Count a row of this id. Its name is the form the id was made from, else the fullest, not
        one in capitals: rows rewritten with the store's ids ("Obama" under "barack-obama", a
        headline's "TRUMP") do not rename the person."""
        if _name_rank(eid, name) > _name_rank(eid, self.name):
            self.name = name
        self.count += count
        self.person += count if kind == "PERSON" else 0
        self.place += count if kind in PLACE_KINDS else 0

    def absorb(self, other: Member) -> None:
        """``other``'s mentions join this person's, save those tagged a place (they keep their id)."""
        moved = max(0, other.count - other.place)
        self.count += moved
        self.person += moved


def family_links(members: dict[str, Member]) -> dict[str, str]:
    """{old id: new id} within the people and bare names that share a surname (see
    ``Store._link_name_forms``)."""
    full = {eid: m for eid, m in members.items() if m.person > 0 and len(m.name.split()) > 1 and m.count > 0}
    links: dict[str, str] = {}
    for eid, m in full.items():
        words = m.name.split()
        if len(words) < 3:
            continue
        for shorter in (_slug(f"{words[0]} {words[-1]}"), _slug(" ".join(words[-2:]))):
            if shorter != eid and shorter in full:
                links[eid] = shorter
                break
    weight: dict[str, int] = {}
    for eid, m in full.items():
        target = links.get(eid, eid)
        weight[target] = weight.get(target, 0) + m.count
    if not weight:
        return links
    top, *rest = sorted(weight, key=lambda k: (-weight[k], k))
    if rest and weight[top] < DOMINANT_RATIO * weight[rest[0]]:
        return links
    for eid, m in members.items():
        if len(m.name.split()) != 1 or m.name.isupper() or m.count <= 0:
            continue  # an acronym is no surname
        if m.person * 2 >= m.count:  # what NER called a person at least half the time
            if weight[top] >= MIN_FULL:
                links[eid] = top
        elif m.place * 2 < m.count and weight[top] >= OTHER_KIND_RATIO * m.count:
            links[eid] = top  # "Trump" ORG: no place, and far rarer than the person
    return links
