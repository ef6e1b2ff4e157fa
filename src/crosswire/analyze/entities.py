"""Canonical entities of one report, and links between the entities of several reports.

spaCy's NER finds name spans; this module decides which spans name the same thing. Within a report
"Prime Minister Benjamin Netanyahu", "Netanyahu", "the prime minister" and a later "he" are one
person: titles are stripped from names into ``attributes``, a bare surname joins the full name it
shortens, a definite role description ("the prime minister", "the X party leader") joins the person
whose title it repeats or, failing that, the titled person just introduced, and third-person
pronouns join the nearest person before them. Every such span becomes a ``Mention`` so later
stages (quotes, events) can look a token up by its offsets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.names import (
    MEDIA_NOUNS,
    NAME_KINDS,
    ROLE_NOUNS,
    clean_name,
    initials,
    is_title_token,
    slug,
)
from crosswire.model import Entity, Mention

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_QUOTE_MARKS = '"“”„«»'


@dataclass
class _Cluster:
    """A growing entity while the report is read; frozen into an ``Entity`` at the end."""

    kind: str
    names: list[str] = field(default_factory=list)
    attributes: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    gender: str | None = None

    @property
    def name(self) -> str:
        # The fullest form is the canonical one; ties go to the first seen.
        return max(self.names, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))

    def last_token(self) -> str:
        return self.name.split()[-1].lower()


def canonical_entities(doc: Doc) -> list[Entity]:
    """Entities of one parsed report with every mention (names, role descriptions, pronouns)."""
    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, str], _Cluster] = {}
    persons: list[_Cluster] = []
    taken: set[int] = set()  # token indices already part of a mention or a title

    ents = [e for e in doc.ents if e.label_ in NAME_KINDS]
    title_tokens = _title_prefix_tokens(doc, ents)
    for ent in ents:
        if ent.label_ != "PERSON" and any(t.i in title_tokens for t in ent):
            continue  # "Defense" in "Defense Minister Avigdor Lieberman" is a title, not an ORG
        span, attrs = _strip_titles(ent)
        if span is None:
            continue
        name = clean_name(span.text)
        if not name or not any(ch.isalpha() for ch in name):
            continue
        kind = ent.label_
        if kind == "PERSON" and _names_a_medium(attrs + _attributes_before(doc, span, title_tokens)):
            kind = "ORG"  # "the Saudi daily X": NER took the paper for a person
        cluster = _find_cluster(name, kind, persons, by_key, clusters)
        if cluster is None:
            cluster = _Cluster(kind=kind)
            clusters.append(cluster)
            if kind == "PERSON":
                persons.append(cluster)
        cluster.names.append(name)
        for a in attrs + _attributes_before(doc, span, title_tokens):
            if a not in cluster.attributes:
                cluster.attributes.append(a)
        if cluster.gender is None:
            cluster.gender = _gender_from_titles(cluster.attributes)
        cluster.spans.append((span.start_char, span.end_char, span.text))
        by_key[(kind, name.lower())] = cluster
        taken.update(range(span.start, span.end))

    _merge_acronyms(clusters)
    _merge_surnames_across_kinds(clusters)
    _resolve_descriptions(doc, persons, taken)
    _resolve_pronouns(doc, persons, taken)
    return _freeze(clusters)


def _names_a_medium(attributes: list[str]) -> bool:
    return any(a.split()[-1].lower() in MEDIA_NOUNS for a in attributes if a.split())


def _title_prefix_tokens(doc: Doc, ents: list[Span]) -> set[int]:
    """Token indices of the title words written right before person names ("Defense Minister")."""
    out: set[int] = set()
    in_person = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        i = ent.start - 1
        while i >= 0 and i not in in_person and (doc[i].is_space or _is_title_modifier(doc[i], ent)):
            out.add(i)
            i -= 1
    return out


def _is_title_modifier(tok: Token, ent: Span) -> bool:
    if tok.is_punct and tok.text != ".":
        return False
    if tok.dep_ not in {"compound", "amod", "nmod", "punct", "npadvmod"}:
        return False
    if tok.pos_ not in {"PROPN", "NOUN", "ADJ", "PUNCT"}:
        return False
    # It must modify the name (or another title word that does), within a few tokens.
    return ent.start - tok.i <= 6 and (
        tok.head.i >= ent.start and tok.head.i < ent.end or tok.head.i < ent.start
    )


def _attributes_before(doc: Doc, span: Span, title_tokens: set[int]) -> list[str]:
    i = span.start - 1
    while i >= 0 and i in title_tokens:
        i -= 1
    while i + 1 < span.start and (doc[i + 1].is_space or doc[i + 1].is_punct):
        i += 1
    text = " ".join(doc[i + 1 : span.start].text.split())
    return [text] if any(ch.isalpha() for ch in text) else []


def _strip_titles(ent: Span) -> tuple[Span | None, list[str]]:
    """Drop a leading "the", titles ("Prime Minister") and a trailing possessive from a name span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and (doc[end - 1].text in {"'s", "’s", "'", "’"} or doc[end - 1].is_punct):
        end -= 1
    attrs: list[str] = []
    if ent.label_ == "PERSON":
        t0 = start
        while start < end - 1 and is_title_token(doc[start].text):
            start += 1
        if start > t0:
            attrs.append(doc[t0:start].text)
        # "[Donald] Trump": editorial brackets are part of how the name was written, not of it.
    if start >= end:
        return None, attrs
    return doc[start:end], attrs


def _find_cluster(
    name: str,
    kind: str,
    persons: list[_Cluster],
    by_key: dict[tuple[str, str], _Cluster],
    clusters: list[_Cluster],
) -> _Cluster | None:
    same = by_key.get((kind, name.lower()))
    if same is not None:
        return same
    if kind != "PERSON":
        return None
    words = name.split()
    # A longer or shorter form of a person already seen: same surname, compatible forenames.
    for cluster in reversed(persons):
        if cluster.last_token() != words[-1].lower():
            continue
        theirs = cluster.name.split()
        if len(words) == 1 or len(theirs) == 1 or words[0].lower() == theirs[0].lower():
            return cluster
    return None


def _merge_acronyms(clusters: list[_Cluster]) -> None:
    """ "IDF" joins "Israel Defense Forces" when both are in the report."""
    longs = {initials(c.name): c for c in clusters if len(c.name.split()) > 1 and c.kind != "PERSON"}
    for c in list(clusters):
        if len(c.name.split()) == 1 and c.name.isupper() and len(c.name) >= 2:
            target = longs.get(c.name)
            if target is not None and target is not c:
                _absorb(target, c, clusters)


def _merge_surnames_across_kinds(clusters: list[_Cluster]) -> None:
    """NER sometimes calls a surname an ORG or GPE; if a person in the report has it, it is theirs."""
    persons = [c for c in clusters if c.kind == "PERSON" and len(c.name.split()) > 1]
    for c in list(clusters):
        if c.kind == "PERSON" or len(c.name.split()) != 1:
            continue
        owners = [p for p in persons if p.last_token() == c.name.lower()]
        if len(owners) == 1:
            _absorb(owners[0], c, clusters)
    # Two person clusters that ended up with the same canonical name become one.
    seen: dict[str, _Cluster] = {}
    for c in list(clusters):
        if c.kind != "PERSON":
            continue
        key = c.name.lower()
        if key in seen:
            _absorb(seen[key], c, clusters)
        else:
            seen[key] = c


def _absorb(into: _Cluster, other: _Cluster, clusters: list[_Cluster]) -> None:
    into.names.extend(other.names)
    into.spans.extend(other.spans)
    for a in other.attributes:
        if a not in into.attributes:
            into.attributes.append(a)
    into.gender = into.gender or other.gender
    clusters.remove(other)


def _resolve_descriptions(doc: Doc, persons: list[_Cluster], taken: set[int]) -> None:
    """Definite role descriptions ("the prime minister") join the person they describe."""
    starts = _person_starts(persons)
    for tok in doc:
        if tok.lower_ not in ROLE_NOUNS or tok.i in taken or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        left = [t for t in tok.lefts]
        if not left or left[0].lower_ != "the":
            continue
        if any(c.dep_ == "appos" for c in tok.children):
            continue  # "the head of X, Nikolai Patrushev": the name itself is mentioned right there
        if any(t.dep_ == "prep" for t in tok.rights):
            continue  # "the leader of the opposition" names a role in an organisation, not a known person
        span = doc[left[0].i : tok.i + 1]
        if span.start_char < _first_start(persons):
            continue
        target = _match_attribute(span, persons, starts) or _recent_titled(span, persons, starts)
        if target is None:
            continue
        target.spans.append((span.start_char, span.end_char, span.text))
        taken.update(range(span.start, span.end))


def _person_starts(persons: list[_Cluster]) -> list[tuple[int, _Cluster]]:
    return sorted(((s, c) for c in persons for s, _, _ in c.spans), key=lambda x: x[0])


def _first_start(persons: list[_Cluster]) -> int:
    return min((s for c in persons for s, _, _ in c.spans), default=10**12)


def _match_attribute(
    span: Span, persons: list[_Cluster], starts: list[tuple[int, _Cluster]]
) -> _Cluster | None:
    words = " ".join(t.lower_ for t in span[1:])
    fits = [p for p in persons if any(_ends_with(a.lower(), words) for a in p.attributes)]
    if not fits:
        return None
    # Several fit ("the president" with two presidents): the one mentioned last before it.
    for s, c in reversed(starts):
        if s < span.start_char and c in fits:
            return c
    return fits[0]


def _ends_with(attribute: str, words: str) -> bool:
    return attribute == words or attribute.endswith(" " + words)


def _recent_titled(
    span: Span, persons: list[_Cluster], starts: list[tuple[int, _Cluster]]
) -> _Cluster | None:
    """ "The Yisrael Beiteinu party leader" right after "Defense Minister Avigdor Lieberman ..." is him."""
    sent_start = span.sent.start_char
    prev_sents = [s for s in span.doc.sents if s.end_char <= sent_start][-2:]
    window_start = prev_sents[0].start_char if prev_sents else sent_start
    for s, c in reversed(starts):
        if s >= span.start_char:
            continue
        if s < window_start:
            break
        return c if c.attributes else None
    return None


def _resolve_pronouns(doc: Doc, persons: list[_Cluster], taken: set[int]) -> None:
    """He/she/his/her join the nearest compatible person before them (outside quotation marks)."""
    if not persons:
        return
    inside = _inside_quotes(doc.text)
    # Names inside quotation marks are the speaker's words: "I told [Putin]" says nothing of "he added".
    order = sorted(((s, c) for c in persons for s, _, _ in c.spans if not inside(s)), key=lambda x: x[0])
    for tok in doc:
        low = tok.lower_
        if low not in _MALE and low not in _FEMALE or tok.i in taken or inside(tok.idx):
            continue
        gender = "m" if low in _MALE else "f"
        target = None
        for s, c in reversed(order):
            if s >= tok.idx:
                continue
            if c.gender in (None, gender):
                target = c
                break
        if target is None:
            continue
        if target.gender is None:
            target.gender = gender  # later pronouns of the other gender skip past this person
        target.spans.append((tok.idx, tok.idx + len(tok.text), tok.text))
        order.append((tok.idx, target))
        order.sort(key=lambda x: x[0])


def _inside_quotes(text: str):
    """A predicate: is this offset between quotation marks (so "I" and "him" are the speaker's)?"""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        open_at = None
        for m in re.finditer(r"[\"“”„«»]", para.group()):
            ch, pos = m.group(), para.start() + m.start()
            if open_at is None and ch in '"“„«':
                open_at = pos
            elif open_at is not None and ch in '"”»':
                spans.append((open_at, pos))
                open_at = None
        if open_at is not None:
            spans.append((open_at, para.end()))

    def inside(offset: int) -> bool:
        return any(a < offset < b for a, b in spans)

    return inside


def _gender_from_titles(attributes: list[str]) -> str | None:
    words = {w.lower().strip(".") for a in attributes for w in a.split()}
    if words & {"mr", "sir", "king", "prince", "lord"}:
        return "m"
    if words & {"mrs", "ms", "miss", "madam", "queen", "princess", "lady", "dame"}:
        return "f"
    return None


def _freeze(clusters: list[_Cluster]) -> list[Entity]:
    out: dict[str, Entity] = {}
    for c in clusters:
        name = c.name
        eid = slug(name)
        if not eid:
            continue
        mentions = tuple(
            Mention(entity_id=eid, start=s, end=e, text=t)
            for s, e, t in sorted(set(c.spans), key=lambda x: x[0])
        )
        aliases = tuple(sorted({n for n in c.names if n != name}))
        if eid in out:  # same slug, different kinds (NER disagreed): keep one entity
            prev = out[eid]
            mentions = tuple(sorted(set(prev.mentions) | set(mentions), key=lambda m: m.start))
            aliases = tuple(sorted(set(prev.aliases) | set(aliases)))
            c.attributes = list(prev.attributes) + [a for a in c.attributes if a not in prev.attributes]
        out[eid] = Entity(
            id=eid,
            name=name,
            kind=c.kind,
            aliases=aliases,
            attributes=tuple(c.attributes),
            mentions=mentions,
        )
    return sorted(out.values(), key=lambda e: e.mentions[0].start if e.mentions else 0)


def link_across(groups: Sequence[Sequence[Entity]]) -> dict[str, str]:
    """Map every entity id of several reports of one story to a story-level id.

    A person named only by surname in one report ("netanyahu") takes the id of the fullest form
    another report gives ("benjamin-netanyahu"), if exactly one full form has that surname.
    """
    everything = [e for group in groups for e in group]
    full: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for e in everything:
        words = e.name.split()
        if len(words) > 1 and e.kind == "PERSON":
            full.setdefault((e.kind, words[-1].lower()), set()).add((e.id, e.name))
    out: dict[str, str] = {}
    for e in everything:
        words = e.name.split()
        target = e.id
        candidates = full.get((e.kind, words[-1].lower()), set())
        if len(words) == 1 and len(candidates) == 1:
            target = next(iter(candidates))[0]
        elif len(words) > 1:
            # Two full forms of one surname: "Benjamin Netanyahu" and "Binyamin Netanyahu" stay apart.
            target = e.id
        out[e.id] = target
    return out
