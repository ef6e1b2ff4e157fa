"""Arguments of an event trigger: actors, targets and place, found in the parse.

Kept apart from trigger finding (``events.py``) because finding who acts, on whom and where is its
own problem: subjects inherited through xcomp/conj, passives with their agents, the verb that
carries an event noun ("held talks"), objects and locative phrases. Each argument token is then
named by ``arg_names.ArgumentNames`` (an entity, a party, or a description). Pronouns and time
words are never actors, save "I"/"we" in a quote, which stand for its speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.analyze import plover
from crosswire.analyze.arg_names import RELATIVE, ArgumentNames, unique
from crosswire.analyze.media import is_medium

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE = frozenset(["in", "at", "near", "outside", "inside", "across", "throughout"])
_TARGET_PREPS = frozenset(["with", "against", "on", "to", "toward", "towards", "at", "upon", "into"])
_ACTOR_PREPS = frozenset({"between", "among"})
_PATIENT_NOUN_PREPS = frozenset({"of"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# "their visit came after talks with X": prepositions that place one act beside another.
_SEQUENCE_PREPS = frozenset({"after", "before", "following", "during"})
_THIRD_PERSON = frozenset({"he", "she", "they", "his", "her", "their", "its"})
_REPORTING = frozenset({"say", "tell", "add", "state", "announce", "claim", "note", "report", "explain"})
# Nouns that measure an event noun out ("a round of talks"): the verb governing them carries it.
_MEASURES = frozenset({"hour", "day", "week", "month", "minute", "round", "series"})
# What "on" may name besides a target: the channel an act went through.
_CHANNELS = frozenset(
    "twitter facebook instagram youtube tiktok snapchat reddit linkedin telegram whatsapp television tv radio"
    " air camera phone telephone podcast website blog stage".split()
)


def _channel(token: Token) -> bool:
    """ "thanked Trump on Twitter", "said on CNN", "on television": what an act went through, not at."""
    words = token.doc[token.left_edge.i : token.i + 1].text
    return token.lower_ in _CHANNELS or is_medium(words)


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


class Arguments(ArgumentNames):
    """Finds the argument tokens of triggers in one ``Doc`` and names them (``ArgumentNames``)."""

    # -- structure ------------------------------------------------------------------------------
    def light_verb(self, token: Token) -> Token | None:
        """The verb that carries an event noun ("held talks", "talks were held", "imposed sanctions")."""
        if _is_verb(token):
            return None
        node = token
        if node.dep_ == "conj" and not _is_verb(node.head):
            node = node.head
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in _MEASURES:
            node = node.head.head  # "finished a few hours of talks", "held a round of talks"
        if node.dep_ in ("dobj", "obj", "nsubjpass") and node.head.lemma_.lower() in plover.LIGHT_VERBS:
            return node.head
        return None

    def _subjects(self, verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
        """Subject tokens of ``verb`` (inherited from the governing verb for xcomp/conj) and passivity."""
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if passive:
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            return agents, True
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE and verb.dep_ == "relcl":
                return [verb.head], False
            return [subject], False
        if depth < 3 and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
            return self._subjects(verb.head, depth + 1)[0], False
        if verb.dep_ == "acl":
            return [verb.head], False
        return [], False

    def natural_subject(self, token: Token, light: Token | None) -> bool:
        """Whether the one acting is a force of nature ("a magnitude 6.2 earthquake struck ...",
        "the storm's attack"): a natural-force noun heads the subject or an event noun's possessor,
        or stands among the words before that head ("a magnitude 6.2 earthquake")."""
        verb = light if light is not None else (token if _is_verb(token) else None)
        if verb is not None:
            heads, _ = self._subjects(verb)
            # a parser may split "a magnitude 6.2 earthquake" into two subjects of one verb
            heads += [c for h in heads for c in h.head.children if c.dep_ in _SUBJECTS and c not in heads]
        else:
            heads = [c for c in token.children if c.dep_ in ("poss", "compound") and c.i < token.i]
        for head in heads:
            words = [t for t in head.subtree if t.i <= head.i or t.dep_ == "compound"]
            if any(t.lemma_.lower() in plover.NATURAL_FORCES for t in words):
                return True
        return False

    def _prep_objects(self, holder: Token, preps: frozenset[str]) -> list[Token]:
        return [
            pobj
            for prep in holder.children
            if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps
            for pobj in prep.children
            if pobj.dep_ == "pobj" and not (prep.lower_ == "on" and _channel(pobj))
        ]

    def _place(self, holders: list[Token], kind: str) -> str | None:
        """The GPE/LOC under a locative preposition of the trigger, else of its objects ("an attack
        on targets in Syria and Lebanon"); conjoined places are joined with "; "."""
        preps = _LOCATIVE | ({"to"} if kind == "VISIT" else frozenset())
        objects = [o for h in holders for o in h.children if o.dep_ in ("dobj", "obj")]
        objects += [p for o in [*holders, *objects] for p in self._prep_objects(o, _TARGET_PREPS)]
        if kind == "VISIT":
            for obj in objects[: len(objects)]:
                if obj.ent_type_ in _PLACE_LABELS and obj.dep_ in ("dobj", "obj"):
                    return self.entity_name(obj)
        for holder in [*holders, *objects]:
            for pobj in self._prep_objects(holder, preps):
                if pobj.ent_type_ in _PLACE_LABELS:
                    places = [
                        self.entity_name(p) for p in (pobj, *pobj.conjuncts) if p.ent_type_ in _PLACE_LABELS
                    ]
                    return "; ".join(unique([p for p in places if p]))
        return self._place_in_phrase(holders[0], preps)

    def _place_in_phrase(self, token: Token, preps: frozenset[str]) -> str | None:
        """Fallback when the parser hangs "in Oslo" on an argument ("talks between A and B in Oslo"):
        a locative place anywhere in the trigger's own phrase or clause, not in a nested clause."""
        root = token if _is_verb(token) else token.head if _is_verb(token.head) else token
        for t in root.subtree:
            if t.dep_ == "prep" and t.lower_ in preps and not self._in_nested_clause(t, root):
                for pobj in t.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in _PLACE_LABELS:
                        return self.entity_name(pobj)
        return None

    @staticmethod
    def _in_nested_clause(token: Token, root: Token) -> bool:
        node = token
        while node.i != root.i:
            if _is_verb(node) or node.dep_ in ("relcl", "ccomp", "advcl", "acl"):
                return True
            node = node.head
        return False

    def roles(self, token: Token, kind: str, light: Token | None) -> tuple[list[str], list[str], str | None]:
        """Actors, targets and place of the event triggered by ``token`` (carried by ``light``)."""
        verb = light if light is not None else (token if _is_verb(token) else None)
        actors: list[str] = []
        targets: list[str] = []
        holders = [t for t in (token, verb) if t is not None]
        if verb is not None:
            subjects, passive = self._subjects(verb)
            for subject in subjects:
                actors.extend(self.names(subject))
            if passive and light is None:
                for c in verb.children:
                    if c.dep_ == "nsubjpass":
                        targets.extend(self.targets(c))
            if light is None:
                targets.extend(self._objects(verb, kind))
                if not targets and kind in plover.SPEECH_ACTS:
                    # "threatened to attack Norway": the act spoken of names the target
                    for act in verb.children:
                        if act.dep_ in ("xcomp", "ccomp") and _is_verb(act):
                            targets.extend(self._objects(act, kind))
                            for pobj in self._prep_objects(act, _TARGET_PREPS):
                                targets.extend(self.targets(pobj, strong=True))
        if not _is_verb(token):
            actors.extend(self._noun_actors(token) or self._theirs(token))
            if kind in ("COERCE", "SEIZE", "ASSAULT", "RETREAT", "INVESTIGATE", "SANCTION", "AID"):
                for pobj in self._prep_objects(token, _PATIENT_NOUN_PREPS):
                    targets.extend(self.targets(pobj, strong=True))
        for holder in holders:
            for pobj in self._prep_objects(holder, _TARGET_PREPS):
                if pobj.ent_type_ in _PLACE_LABELS and kind == "VISIT":
                    continue
                targets.extend(self.targets(pobj, strong=True))
        where = self._place(holders + ([token.head] if not _is_verb(token) else []), kind)
        actors = unique(actors)
        targets = [t for t in unique(targets) if t not in actors and t != where]
        return actors, targets, where

    def _objects(self, verb: Token, kind: str) -> list[str]:
        """Targets named by direct (and indirect) objects; an event-noun object lends its own targets."""
        found: list[str] = []
        for obj in verb.children:
            if obj.dep_ not in ("dobj", "obj", "dative"):
                continue
            if obj.lemma_.lower() in plover.NOUNS:
                for pobj in self._prep_objects(obj, _TARGET_PREPS):
                    found.extend(self.targets(pobj, strong=True))
                continue
            if kind == "VISIT" and obj.ent_type_ in _PLACE_LABELS:
                continue
            if kind in ("CONSULT", "AGREE", "REJECT", "SUPPORT", "DEMAND") and not self.names(
                obj, strong=True
            ):
                # "discussed the topic (with X)", "rejected the plan": an issue, not a party
                for pobj in self._prep_objects(obj, frozenset({"with", "between"})):
                    found.extend(self.targets(pobj, strong=True))
                continue
            found.extend(self.targets(obj))
        return found

    def _theirs(self, noun: Token) -> list[str]:
        """ "X said that their visit came after talks with Y": an event noun placed before or after
        something of "theirs" is theirs too, and "they" in what X said is X. Only this shape: a
        third-person pronoun (or possessive) as subject of a clause reported by a named subject."""
        if noun.dep_ != "pobj" or noun.head.lower_ not in _SEQUENCE_PREPS or not _is_verb(noun.head.head):
            return []
        verb = noun.head.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return []
        pronoun = (
            subject
            if subject.pos_ == "PRON"
            else next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        )
        if pronoun is None or pronoun.lower_ not in _THIRD_PERSON:
            return []
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _REPORTING:
            return []
        speakers, _ = self._subjects(verb.head)
        return unique([n for s in speakers for n in self.names(s, strong=True)])

    def _noun_actors(self, noun: Token) -> list[str]:
        """Who acts in an event noun: "Israel's attack", "an Israeli attack", "talks between A and B",
        "an attack by militants"."""
        found: list[str] = []
        for child in noun.children:
            if child.i < noun.i and child.dep_ in ("poss", "amod", "compound", "nmod"):
                name = self.entity_name(child)
                if name:
                    found.append(name)
                    found.extend(n for c in child.conjuncts if (n := self.entity_name(c)))
        for pobj in self._prep_objects(noun, _ACTOR_PREPS | {"by"}):
            found.extend(self.names(pobj, strong=True))
        return unique(found)
