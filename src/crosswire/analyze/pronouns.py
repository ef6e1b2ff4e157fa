"""Which person a "he", "she", "his" or "her" outside quotation marks stands for.

Kept apart from ``entities`` (names and descriptions) because a pronoun carries no name: only its
gender (learned in ``gender`` before any pronoun is read) and where it stands. A pronoun joins a
person whose gender fits, found in this order:

1. for a subject "he"/"she", the subject of the nearest clause above its own that names a fitting
   person before it: "Ana Ruiz faulted Bo Lind until Monday, when she ..." and "He avoided Bo
   Lind until May, when he ..." are the subject's, not the person in object position read last
   (centering: the subject of the governing clause is the most salient referent), while "Ruiz said
   Lind erred when he ..." is Lind, the subject of the nearer clause;
2. else the nearest fitting person named earlier in its own sentence ("Ana Ruiz said she ...");
3. else, in the nearest earlier sentence naming a fitting person, that sentence's subject
   ("Ana Ruiz, who studies tax, said Bo Lind's plan fell short. "I see no details," she said."
   is Ruiz, not the Lind read last); when no subject fits, a person known to be of the pronoun's
   gender before one of unknown gender, then the one named last.

A person with no known gender takes the first pronoun that reaches them, and keeps that gender,
so a later pronoun of the other gender looks further back.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from crosswire.analyze.clusters import Cluster
from crosswire.analyze.gender import learn_genders, pronoun_gender

_SUBJECTS = {"nsubj", "nsubjpass"}
_RELATIVES = {"who", "that", "whom"}


def resolve_pronouns(doc: Doc, persons: list[Cluster], taken: set[int]) -> None:
    """Add each third-person singular pronoun outside quotation marks to the person it stands for."""
    if not persons:
        return
    inside = inside_quotes(doc.text)
    learn_genders(doc, persons, inside)
    # Names inside quotation marks are the speaker's words: "I told [Putin]" says nothing of "he added".
    order = sorted(
        ((s, e, c) for c in persons for s, e, _ in c.spans if not inside(s)),
        key=lambda x: x[0],
    )
    for tok in doc:
        gender = pronoun_gender(tok)
        if gender is None or tok.i in taken or inside(tok.idx):
            continue
        target = _antecedent(doc, tok, gender, order)
        if target is None:
            continue
        if target.gender is None:
            target.gender = gender  # later pronouns of the other gender skip past this person
        target.spans.append((tok.idx, tok.idx + len(tok.text), tok.text))
        order.append((tok.idx, tok.idx + len(tok.text), target))
        order.sort(key=lambda x: x[0])


def _antecedent(doc: Doc, tok: Token, gender: str, order: list[tuple[int, int, Cluster]]) -> Cluster | None:
    """The person ``tok`` stands for (see the module): the nearest fitting one in its own sentence,
    else the subject of the nearest earlier sentence with a fitting person, else the last named."""
    fits = [(s, e, c) for s, e, c in order if s < tok.idx and c.gender in (None, gender)]
    if not fits:
        return None
    s, _, c = fits[-1]
    if not doc.has_annotation("SENT_START"):
        return c  # NER-only docs (the story bench) have no sentences: the nearest fitting person
    if s >= tok.sent.start_char:
        return _governing_subject(tok, fits) or c
    there = doc.char_span(s, s + 1, alignment_mode="expand")
    if there is None:
        return c
    sent = there[0].sent

    def rank(item: tuple[int, int, Cluster]) -> tuple[bool, bool, int]:
        s2, e2, c2 = item
        span = doc.char_span(s2, e2, alignment_mode="expand")
        main = span is not None and main_subject(span.root)
        return (main, c2.gender == gender, s2)

    return max((f for f in fits if f[0] >= sent.start_char), key=rank)[2]


def _governing_subject(tok: Token, fits: list[tuple[int, int, Cluster]]) -> Cluster | None:
    """For a subject pronoun, the fitting person who is the subject of the nearest clause above the
    pronoun's own (climbing through nouns and prepositions: "criticism of X until days, when he");
    a relative clause's "who" stands for the noun it hangs from. None when no clause above has one,
    so the nearest fitting person decides, as before."""
    if tok.dep_ not in _SUBJECTS:
        return None
    node = tok.head
    while node.head.i != node.i:
        below, node = node, node.head
        subjects = [t for t in node.children if t.dep_ in _SUBJECTS and t.i != tok.i]
        if below.dep_ == "relcl":
            subjects += (
                [node] if any(t.lower_ in _RELATIVES for t in below.children if t.dep_ in _SUBJECTS) else []
            )
        for subj in subjects:
            for s, e, c in fits:
                if s <= subj.idx < e:
                    return c
    return None


def main_subject(tok: Token) -> bool:
    """A mention that is its sentence's subject ("Ana Ruiz said ...", "she said"), not the subject
    of a clause inside it ("from Bo Lind being a founder")."""
    while tok.dep_ in {"compound", "flat"} and tok.head.i != tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head  # "Ana" of "Ana Ruiz": the name's head
    if tok.dep_ not in _SUBJECTS:
        return False
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in {"ROOT", "parataxis"}  # parataxis: "Though it went well, he said, ..."


def inside_quotes(text: str) -> Callable[[int], bool]:
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
