"""Canonical entities of one report, and links between the entities of several reports.

spaCy's NER finds name spans; this module decides which spans name the same thing. Within a report
"Prime Minister Benjamin Netanyahu", "Netanyahu", "the prime minister" and a later "he" are one
person: titles are stripped from names into ``attributes``, a bare surname joins the full name it
shortens, a definite role description ("the prime minister", "the X party leader") joins the person
whose title it repeats or, failing that, the person the sentences before are about (their subject)
or the titled person just introduced, and third-person pronouns join a person whose gender fits
(``pronouns``, with genders learned in ``gender``). Every such span becomes a ``Mention`` so later
stages (quotes, events) can look a token up by its offsets.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.clusters import (
    Cluster,
    gender_from_titles,
    merge_acronyms,
    merge_bare_names,
    merge_namesakes,
    same_person,
)
from crosswire.analyze.demonyms import is_group_name
from crosswire.analyze.names import (
    MEDIA_NOUNS,
    NAME_KINDS,
    ROLE_NOUNS,
    clean_name,
    is_title_token,
    slug,
)
from crosswire.analyze.pronouns import main_subject, resolve_pronouns
from crosswire.analyze.spans import cut_inner_possessive, is_junk, strip_epithets
from crosswire.model import Entity, Mention


def canonical_entities(doc: Doc) -> list[Entity]:
    """Entities of one parsed report with every mention (names, role descriptions, pronouns)."""
    clusters: list[Cluster] = []
    by_key: dict[tuple[str, str], Cluster] = {}
    persons: list[Cluster] = []
    taken: set[int] = set()  # token indices already part of a mention or a title

    ents = _named_groups_only([e for e in doc.ents if e.label_ in NAME_KINDS])
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
        attrs = attrs + _attributes_before(doc, span, title_tokens)
        key = _key(name, kind, attrs)
        cluster = by_key.get(key) or _find_cluster(name, kind, persons)
        if cluster is None:
            cluster = Cluster(kind=kind)
            clusters.append(cluster)
            if kind == "PERSON":
                persons.append(cluster)
        if name not in cluster.names:  # the written forms, once each (a long report repeats them)
            cluster.names.append(name)
        cluster.add_attributes(attrs)
        cluster.spans.append((span.start_char, span.end_char, span.text))
        by_key[key] = cluster
        taken.update(range(span.start, span.end))

    merge_acronyms(clusters)
    merge_bare_names(clusters)
    merge_namesakes(clusters)
    persons = [c for c in clusters if c.kind == "PERSON"]
    _resolve_descriptions(doc, persons, taken)
    resolve_pronouns(doc, persons, taken)
    return _freeze(clusters)


def _named_groups_only(ents: list[Span]) -> list[Span]:
    """NER's NORP spans that name a nationality, religious or political group (``is_group_name``);
    a capitalised word with a nationality's ending counts only away from a sentence's start (every
    word is capitalised there). A NORP that is a word of a person's name in the report ("Crist" of
    "Charlie Crist") is kept so it joins that person."""
    person_words = {w.lower() for e in ents if e.label_ == "PERSON" for w in e.text.split()}
    return [
        e
        for e in ents
        if e.label_ != "NORP"
        or is_group_name(e.text, loose=not e[0].is_sent_start)
        or (len(e) == 1 and e.text.lower() in person_words)
    ]


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
    """Drop a leading "the", titles ("Prime Minister"), epithets ("billionaire") and possessives
    (trailing, or running into what follows) from a name span; None when what is left is no name."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and (doc[end - 1].text in {"'s", "’s", "'", "’"} or doc[end - 1].is_punct):
        end -= 1
    attrs: list[str] = []
    if start >= end:
        return None, attrs
    span = cut_inner_possessive(doc[start:end])
    start, end = span.start, span.end
    if ent.label_ == "PERSON":
        t0 = start
        while start < end - 1 and is_title_token(doc[start].text):
            start += 1
        if start > t0:
            attrs.append(doc[t0:start].text)
        # "[Donald] Trump": editorial brackets are part of how the name was written, not of it.
        if start < end:
            stripped, epithets = strip_epithets(doc[start:end])
            start, attrs = stripped.start, attrs + epithets
    if start >= end or is_junk(doc[start:end], ent.label_):
        return None, attrs
    return doc[start:end], attrs


def _key(name: str, kind: str, attrs: list[str]) -> tuple[str, str]:
    """Mentions with one key are one cluster while reading. A bare person name keeps the gender its
    title gives apart ("Mrs. Obama" is not "Mr. Obama"); which full name it is waits for the end."""
    if kind == "PERSON" and len(name.split()) == 1:
        return kind, f"{name.lower()}|{gender_from_titles(attrs) or ''}"
    return kind, name.lower()


def _find_cluster(name: str, kind: str, persons: list[Cluster]) -> Cluster | None:
    """A person already seen under another full form ("Donald J. Trump" after "Donald Trump").

    One-word names never join here: "Obama" before "Michelle Obama" is not yet known to be her.
    """
    if kind != "PERSON" or len(name.split()) == 1:
        return None
    for cluster in reversed(persons):
        if len(cluster.name.split()) > 1 and same_person(name, cluster):
            return cluster
    return None


def _resolve_descriptions(doc: Doc, persons: list[Cluster], taken: set[int]) -> None:
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


def _person_starts(persons: list[Cluster]) -> list[tuple[int, Cluster]]:
    return sorted(((s, c) for c in persons for s, _, _ in c.spans), key=lambda x: x[0])


def _first_start(persons: list[Cluster]) -> int:
    return min((s for c in persons for s, _, _ in c.spans), default=10**12)


def _match_attribute(span: Span, persons: list[Cluster], starts: list[tuple[int, Cluster]]) -> Cluster | None:
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


def _recent_titled(span: Span, persons: list[Cluster], starts: list[tuple[int, Cluster]]) -> Cluster | None:
    """ "The Yisrael Beiteinu party leader" right after "Defense Minister Avigdor Lieberman ..." is him."""
    sent_start = span.sent.start_char
    prev_sents = [s for s in span.doc.sents if s.end_char <= sent_start][-2:]
    window_start = prev_sents[0].start_char if prev_sents else sent_start
    recent = [(s, c) for s, c in starts if window_start <= s < span.start_char]
    if span.root.dep_ in {"nsubj", "nsubjpass"}:
        # "Mike Pence says ... . The nominee was speaking hours after Trump shamed former Miss
        # Universe Alicia Machado. The Indiana governor said ...": a description that is a
        # sentence's subject carries on the person the sentences before were about, not the
        # one named last in passing
        topic = [c for s, c in recent if _main_subject_at(span.doc, s)]
        if topic:
            return topic[-1]
    if recent:
        c = recent[-1][1]
        return c if c.attributes else None
    return None


def _main_subject_at(doc: Doc, offset: int) -> bool:
    """Whether the name starting at ``offset`` is its sentence's subject ("Mike Pence says ...")."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and main_subject(span[0])


def _freeze(clusters: list[Cluster]) -> list[Entity]:
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
        kind = c.kind
        if eid in out:  # same slug, different kinds (NER disagreed): keep one entity, of the kind named more
            prev = out[eid]
            if len(prev.mentions) >= len(c.spans):
                kind = prev.kind
            mentions = tuple(sorted(set(prev.mentions) | set(mentions), key=lambda m: m.start))
            aliases = tuple(sorted(set(prev.aliases) | set(aliases)))
            c.attributes = list(prev.attributes) + [a for a in c.attributes if a not in prev.attributes]
        out[eid] = Entity(
            id=eid,
            name=name,
            kind=kind,
            aliases=aliases,
            attributes=tuple(c.attributes),
            mentions=mentions,
        )
    return sorted(out.values(), key=lambda e: e.mentions[0].start if e.mentions else 0)


def link_across(groups: Sequence[Sequence[Entity]]) -> dict[str, str]:
    """Map every entity id of several reports of one story to a story-level id.

    A person named only by surname in one report ("netanyahu") takes the id of the fullest form
    another report gives ("benjamin-netanyahu"), if exactly one full form has that surname. A full
    name with a middle name, initial or epithet ("donald-j-trump") takes the plain full name's id
    when another report writes it ("donald-trump").
    """
    everything = [e for group in groups for e in group]
    ids = {e.id for e in everything if e.kind == "PERSON"}
    plain: dict[str, str] = {}
    for e in everything:
        words = e.name.split()
        if e.kind == "PERSON" and len(words) > 2:
            shorter = [s for s in (slug(f"{words[0]} {words[-1]}"), slug(" ".join(words[-2:]))) if s in ids]
            if shorter and shorter[0] != e.id:
                plain[e.id] = shorter[0]
    full: dict[tuple[str, str], set[str]] = {}
    for e in everything:
        words = e.name.split()
        if len(words) > 1 and e.kind == "PERSON":
            full.setdefault((e.kind, words[-1].lower()), set()).add(plain.get(e.id, e.id))
    out: dict[str, str] = {}
    for e in everything:
        words = e.name.split()
        target = plain.get(e.id, e.id)
        candidates = full.get((e.kind, words[-1].lower()), set())
        if len(words) == 1 and len(candidates) == 1:
            target = next(iter(candidates))
        # Two full forms of one surname: "Benjamin Netanyahu" and "Binyamin Netanyahu" stay apart.
        out[e.id] = target
    return out
