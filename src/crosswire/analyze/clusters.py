"""The growing person/thing clusters of one report, and the rules that join short names to full ones.

Kept apart from ``entities`` (which walks the parse) because these rules are about names only: which
written form is the canonical one ("Donald Trump", not "Donald J. Trump" or "Crooked Hillary Clinton"
when the report also writes the plain full name), and which full name a bare "Trump", "Obama" or
"Melania" stands for. A bare name is resolved once every full name of the report is known, so
"President Obama" in the lead is not taken by "Michelle Obama" just because she is named first in full.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crosswire.analyze.names import initials

_GENDER_TITLES = {
    "m": {"mr", "sir", "king", "prince", "lord"},
    "f": {"mrs", "ms", "miss", "madam", "queen", "princess", "lady", "dame"},
}


@dataclass
class Cluster:
    """A growing entity while the report is read; frozen into an ``Entity`` at the end."""

    kind: str
    names: list[str] = field(default_factory=list)
    attributes: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    gender: str | None = None

    @property
    def name(self) -> str:
        """The fullest form not just a longer writing of another form the report also uses.

        "Donald J. Trump" and "Crooked Hillary Clinton" contain "Donald Trump" and "Hillary Clinton"
        word for word (same surname): the plain full name is the person's name, the rest is a middle
        initial or an epithet. Ties go to the first seen.
        """
        plain = [n for n in self.names if not any(_extends(n, other) for other in self.names)]
        pool = plain or self.names
        return max(pool, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))

    def last_token(self) -> str:
        return self.name.split()[-1].lower()

    def first_token(self) -> str:
        return self.name.split()[0].lower()

    def add_attributes(self, attrs: list[str]) -> None:
        for a in attrs:
            if a not in self.attributes:
                self.attributes.append(a)
        if self.gender is None:
            self.gender = gender_from_titles(self.attributes)


def _extends(longer: str, shorter: str) -> bool:
    """``longer`` is ``shorter`` with extra words around or inside it, same surname, 2+ words each."""
    a, b = longer.lower().split(), shorter.lower().split()
    if len(b) < 2 or len(a) <= len(b) or a[-1] != b[-1]:
        return False
    it = iter(a)
    return all(w in it for w in b)  # b is a subsequence of a


def same_person(name: str, cluster: Cluster) -> bool:
    """A full name (2+ words) of a person already in ``cluster``: the same written form up to middle
    names, initials and leading epithets ("Donald J. Trump", "Hillary Rodham Clinton")."""
    words = name.lower().split()
    for other in cluster.names:
        theirs = other.lower().split()
        if len(theirs) < 2 or theirs[-1] != words[-1]:
            continue
        if theirs[0] == words[0] or _extends(name, other) or _extends(other, name):
            return True
    return False


def gender_from_titles(attributes: list[str]) -> str | None:
    words = {w.lower().strip(".") for a in attributes for w in a.split()}
    for gender, titles in _GENDER_TITLES.items():
        if words & titles:
            return gender
    return None


def owner_of_bare(
    name: str, attrs: list[str], persons: list[Cluster], *, before: int | None = None
) -> Cluster | None:
    """The full-name person a one-word name stands for in this report, or None when no one (or no one
    clearly) has it. The surname is tried first, then the first name ("Melania", "Hillary").

    With several candidates ("Barack Obama", "Michelle Obama"): a title of the bare mention that
    contradicts one's gender rules it out ("Mrs. Obama"), a title word they share picks one
    ("President Obama"), and otherwise the person the report names most, then first, is meant.
    """
    low = name.lower()
    full = [p for p in persons if len(p.name.split()) > 1]
    candidates = [p for p in full if p.last_token() == low] or [p for p in full if p.first_token() == low]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    gender = gender_from_titles(attrs)
    if gender:
        candidates = [p for p in candidates if p.gender in (None, gender)] or candidates
    words = _title_words(attrs) - {t for ts in _GENDER_TITLES.values() for t in ts}
    sharing = [p for p in candidates if words & _title_words(p.attributes)]
    if len(sharing) == 1:
        return sharing[0]

    def weight(p: Cluster) -> tuple[int, int]:
        first = min((s for s, _, _ in p.spans), default=10**12)
        return (len(p.spans), -first)

    return max(candidates, key=weight)


def _title_words(attributes: list[str]) -> set[str]:
    return {w.lower().strip(".") for a in attributes for w in a.split()}


def absorb(into: Cluster, other: Cluster, clusters: list[Cluster]) -> None:
    into.names.extend(n for n in other.names if n not in into.names)
    into.spans.extend(other.spans)
    into.add_attributes(other.attributes)
    into.gender = into.gender or other.gender
    clusters.remove(other)


def merge_acronyms(clusters: list[Cluster]) -> None:
    """ "IDF" joins "Israel Defense Forces" when both are in the report."""
    longs = {initials(c.name): c for c in clusters if len(c.name.split()) > 1 and c.kind != "PERSON"}
    for c in list(clusters):
        if len(c.name.split()) == 1 and c.name.isupper() and len(c.name) >= 2:
            target = longs.get(c.name)
            if target is not None and target is not c:
                absorb(target, c, clusters)


def merge_namesakes(clusters: list[Cluster]) -> None:
    """A name NER tagged as a person at least as often as anything else ("Trump" PERSON beside
    "Trump" ORG in a headline or before "campaign") is that person everywhere in the report. A name
    mostly tagged otherwise stays what it mostly is ("Ferguson" the town, once taken for a person).
    An organisation's own name ("Trump Organization") is no person's name, so it stays."""
    people = {c.name.lower(): c for c in clusters if c.kind == "PERSON"}
    others: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.kind != "PERSON" and c.name.lower() in people:
            others.setdefault(c.name.lower(), []).append(c)
    for name, namesakes in others.items():
        person = people[name]
        if len(person.spans) >= sum(len(c.spans) for c in namesakes):
            for c in namesakes:
                absorb(person, c, clusters)


def merge_bare_names(clusters: list[Cluster]) -> None:
    """One-word names join the full name of the report they stand for (``owner_of_bare``), whatever
    kind NER gave them ("Trump" ORG, "Melania" GPE). Person clusters left with one canonical name
    become one."""
    persons = [c for c in clusters if c.kind == "PERSON" and len(c.name.split()) > 1]
    for c in list(clusters):
        if len(c.name.split()) != 1 or c.name.isupper():
            continue
        low = c.name.lower()
        owners = [p for p in persons if p.last_token() == low] or [
            p for p in persons if p.first_token() == low
        ]
        if len(owners) > 1:
            owner = owner_of_bare(c.name, c.attributes, persons)
            owners = [owner] if owner else []
        if len(owners) == 1:
            absorb(owners[0], c, clusters)
    seen: dict[str, Cluster] = {}
    for c in list(clusters):
        if c.kind != "PERSON":
            continue
        key = c.name.lower()
        if key in seen:
            absorb(seen[key], c, clusters)
        else:
            seen[key] = c
