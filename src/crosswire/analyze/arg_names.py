"""Naming the arguments of an event: which canonical entity, party or description a token stands for.

Split from ``event_args`` (which finds the argument tokens of a trigger: subjects, objects, places):
naming is its own problem. The head of a phrase may be an entity ("Netanyahu" -> "Benjamin
Netanyahu" through its mention), a group described by entity modifiers ("the Palestinian
leadership"), or a body whose leader is named ("the delegation headed by ..., Nikolai Patrushev").
As a target, a generic noun for a party's people or assets whose modifiers all name parties stands
for those parties ("Iranian and Hezbollah targets" -> Iran, Hezbollah); actors keep their
description (see ``ArgumentNames.targets``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.demonyms import country_of
from crosswire.model import Entity

NOT_ACTOR_LABELS = frozenset(["DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"])
RELATIVE = frozenset(["who", "whom", "which", "that"])
_LEADER_VERBS = frozenset({"head", "lead", "chair"})
# Heads (lemmas) that stand for a party's people, forces or assets: an act against "Iranian targets"
# or "Syrian positions" is one against Iran / Syria. Bodies with a voice of their own
# ("leadership", "delegation", "opposition") and people in general are left as descriptions.
_STATE_HEADS = frozenset(
    """
    target position force troop soldier army military navy airforce marine commando unit battalion
    brigade convoy patrol warplane jet aircraft plane drone helicopter warship ship vessel tank
    artillery site facility base installation outpost post depot headquarters interest asset embassy
    consulate official diplomat negotiator envoy government authority regime administration ministry
    police policeman
    """.split()
)
# Heads for armed groups that are not the state: "Rwandan rebels" fight Rwanda, so only an
# organisation's name stands for them ("Hezbollah fighters" -> Hezbollah), never a demonym or place.
_GROUP_HEADS = frozenset("rebel guerrilla militant insurgent militia militiaman fighter gunman".split())
_PARTY_LABELS = frozenset({"NORP", "GPE", "ORG"})
_PARTY_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})
_HYPHENS = frozenset({"-", "–", "—"})


def _has_verb(span: Span) -> bool:
    """The span holds a finite or clausal verb ("Trump accused Holt of being a"): the tagger ran a
    name on into the clause, and an argument is a noun phrase, never a clause (trial 8, finding 10).
    A participle inside a name ("the Affordable Care Act", "United" in a name) is tagged as such."""
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in span)


def _clausal(name: str) -> bool:
    """A canonical name with a lower-case word other than a particle reads as a clause, not a name."""
    return any(w[:1].islower() and w not in _NAME_PARTICLES for w in name.split())


_NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "del",
        "della",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "bin",
        "al",
        "y",
        "of",
        "the",
        "and",
    }
)


def unique(names: list[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return seen


class ArgumentNames:
    """Resolves argument tokens of one ``Doc`` to names, using the report's canonical entities."""

    def __init__(self, doc: Doc, entities: list[Entity], voices: dict[int, str] | None = None) -> None:
        """``voices``: token index -> speaker for "I"/"we" inside a quote, the one pronoun that
        names someone for sure (``speech_events.first_person_voices``)."""
        self.doc = doc
        self._voices = voices or {}
        self._by_token: dict[int, str] = {}
        surnames: dict[str, set[str]] = {}
        for entity in entities:
            if entity.kind == "PERSON" and len(entity.name.split()) > 1 and not _clausal(entity.name):
                surnames.setdefault(entity.name.split()[-1], set()).add(entity.name)
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None or _has_verb(span):
                    continue
                for token in span:
                    self._by_token.setdefault(token.i, entity.name)
        self._surnames = {k: next(iter(v)) for k, v in surnames.items() if len(v) == 1}

    # -- naming -------------------------------------------------------------------------------
    def entity_name(self, token: Token) -> str | None:
        """Canonical name of the entity ``token`` belongs to (a mention, else a spaCy entity)."""
        if token.ent_type_ in NOT_ACTOR_LABELS:
            return None
        if token.i in self._by_token:
            return self._by_token[token.i]
        if token.ent_type_:
            ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
            if ent is not None and not _has_verb(ent):
                for t in ent:
                    if t.i in self._by_token:
                        return self._by_token[t.i]
                return self._surnames.get(ent.text, ent.text)
        if token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN"):
            # a surname whose mention the tagger ran into a clause ("Trump accused Holt" as one ORG)
            return self._surnames.get(token.text)
        return None

    def _leader(self, token: Token, depth: int = 0) -> list[str]:
        """A named person standing for a described body: an appositive, or "headed/led by X"."""
        if depth > 2:
            return []
        for child in token.children:
            if child.dep_ == "appos":
                name = self.entity_name(child)
                if name:
                    return [name]
            if child.dep_ == "acl" and child.lemma_.lower() in _LEADER_VERBS:
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            if pobj.dep_ == "pobj":
                                return self._one(pobj, strong=True, depth=depth + 1)
            if child.dep_ == "prep" and child.lower_ == "of" and depth > 0:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self._leader(pobj, depth + 1)
                        if found:
                            return found
        return []

    def _phrase(self, token: Token) -> tuple[str, bool]:
        """Text of a descriptive phrase and whether it names an entity ("Palestinian leadership")."""
        keep: list[Token] = []
        strong = False
        for child in token.children:
            if child.i > token.i or child.dep_ not in ("compound", "amod", "nmod", "poss"):
                continue
            named = self.entity_name(child) is not None or child.pos_ == "PROPN"
            if child.dep_ == "compound" or named:
                group = [child, *child.conjuncts] if child.dep_ == "amod" else list(child.subtree)
                keep.extend(t for t in group if not t.is_punct)
                keep.extend(t for t in child.children if t.dep_ == "cc")
                strong = strong or named
        tokens = sorted({t.i: t for t in [*keep, token]}.values(), key=lambda t: t.i)
        text = " ".join(t.text for t in tokens).replace(" 's", "'s").replace(" ’s", "’s")
        return text, strong or token.pos_ == "PROPN"

    def _one(self, token: Token, *, strong: bool, depth: int = 0, parties: bool = False) -> list[str]:
        if token.i in self._voices:
            return [self._voices[token.i]]
        if token.pos_ == "PRON" or token.lower_ in RELATIVE or token.ent_type_ in NOT_ACTOR_LABELS:
            return []
        if token.pos_ in ("NUM", "DET", "ADV", "ADJ") and not token.ent_type_:
            return []
        name = self.entity_name(token)
        if name:
            return [name]
        leader = self._leader(token, depth)
        if leader:
            return leader
        named_parties = self._parties(token) if parties else []
        if named_parties:
            return named_parties
        text, named = self._phrase(token)
        return [text] if (named or not strong) else []

    def _parties(self, head: Token) -> list[str]:
        """The named parties a generic head stands for ("Iranian and Hezbollah targets" -> Iran,
        Hezbollah), or nothing. Every named modifier must resolve, else the phrase is kept whole:
        "Kurdish fighters" names no state, "Assad's forces" a person, not a party."""
        lemma = head.lemma_.lower()
        if lemma not in _STATE_HEADS | _GROUP_HEADS or head.ent_type_:
            return []
        parties: list[str] = []
        for child in head.children:
            if child.i > head.i or child.dep_ not in _PARTY_MODIFIERS:
                continue
            for token in (child, *child.conjuncts):
                name = self._party_name(token, state=lemma in _STATE_HEADS)
                if name is None:
                    return []
                parties.extend([name] if name else [])
        return unique(parties)

    def _party_name(self, token: Token, *, state: bool) -> str | None:
        """A modifier as a party: a demonym's country or a GPE's name (``state`` heads only), an
        ORG's name; "" for a modifier naming nothing ("senior", "military"); ``None`` for a name that
        is no party (a person, "Kurdish") or a demonym bound into a hyphened word ("Iranian-backed",
        "pro-Iranian")."""
        if not token.ent_type_ and token.i not in self._by_token:
            return None if token.pos_ == "PROPN" else ""
        doc = self.doc
        bound_after = token.i + 1 < len(doc) and not token.whitespace_ and doc[token.i + 1].text in _HYPHENS
        bound_before = token.i > 0 and doc[token.i - 1].text in _HYPHENS and not doc[token.i - 1].whitespace_
        name = self.entity_name(token)
        if bound_after or bound_before or token.ent_type_ not in _PARTY_LABELS or name is None:
            return None
        if token.ent_type_ == "ORG":
            return name
        if not state:
            return None
        return country_of(name) or country_of(token.text) or (name if token.ent_type_ == "GPE" else None)

    def names(self, token: Token, *, strong: bool = False, parties: bool = False) -> list[str]:
        """Names of ``token`` and its conjuncts ("Netanyahu and Putin"). ``strong``: entities only.
        ``parties``: a generic head stands for the parties modifying it (``_parties``)."""
        found: list[str] = []
        for t in (token, *token.conjuncts):
            found.extend(self._one(t, strong=strong, parties=parties))
        return unique(found)

    def targets(self, token: Token, *, strong: bool = False) -> list[str]:
        """Names of a target: "Iranian and Hezbollah targets" are Iran and Hezbollah. Actors keep
        their description ("Israeli forces"): resolving them too was measured on the PLOVER bench
        and gained nothing there, while splitting one misparsed subject into two wrong actors."""
        return self.names(token, strong=strong, parties=True)
