"""Who a cue's subject is: a canonical entity, an anonymous description, or a relay ("the report").

The subject span comes from the parse (``nsubj`` of the reporting verb, the object of "according
to", or the subject of the clause a participle like "saying" hangs from). It is then looked up in
the report's entity mentions, which already include resolved pronouns and role descriptions, so
"he", "the prime minister" and "Netanyahu" all come back as Benjamin Netanyahu.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.clauses import according_subject
from crosswire.analyze.cues import REPORT_NOUNS
from crosswire.analyze.gender import gender_of_word, pronoun_gender
from crosswire.analyze.names import ANONYMOUS_NOUNS, fix_casing
from crosswire.model import Entity

_SUBJECTS = {"nsubj"}  # not nsubjpass: "Netanyahu was asked" names the one asked; csubj: ``voiceless``
_CLIMB = {"advcl", "xcomp", "conj", "acl", "pcomp", "relcl", "ccomp", "acomp"}  # acomp: "was critical of"
_GROUPS = {"ORG", "NORP", "GPE"}
_PLURAL = {"they", "them", "their", "theirs", "themselves"}
_DETERMINERS = {"a", "an", "the", "some", "several", "two", "three", "many", "other", "another"}


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: ``name`` canonical (or the description), ``entity`` its id if named."""

    name: str
    entity: str | None = None
    anonymous: bool = False
    kind: str | None = None
    head: str = ""


class MentionIndex:
    """Entity mentions by character offset, for "which entity is this token?" lookups."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        items = sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[0])
        self._starts = [s for s, _, _ in items]
        self._items = items
        self._genders = {e.id: g for e in entities if (g := _pronouns_say(e)) is not None}
        surnames: dict[str, list[Entity]] = {}
        for e in entities:
            if e.kind == "PERSON" and len(e.name.split()) > 1:
                surnames.setdefault(e.name.split()[-1], []).append(e)
        self._surnames = {k: v[0] for k, v in surnames.items() if len(v) == 1}

    def by_surname(self, word: str) -> Entity | None:
        """The one person of the report whose full name ends in ``word`` ("Trump"), if just one."""
        return self._surnames.get(word)

    def at(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Mentions lying inside ``[start, end)``."""
        i = bisect_right(self._starts, end)
        return [it for it in self._items[max(0, i - 200) : i] if it[0] >= start and it[1] <= end]

    def gender(self, entity_id: str) -> str | None:
        """ "m"/"f" for a person most of whose pronoun mentions are "he" or "she", else None."""
        return self._genders.get(entity_id)

    def covering(self, offset: int) -> Entity | None:
        i = bisect_right(self._starts, offset)
        for s, e, ent in reversed(self._items[max(0, i - 50) : i]):
            if s <= offset < e:
                return ent
        return None


def _pronouns_say(entity: Entity) -> str | None:
    """The gender an entity's resolved pronouns give it (``pronouns`` joined only fitting ones)."""
    count = Counter(g for m in entity.mentions if (g := gender_of_word(m.text)) is not None)
    if not count or count["m"] == count["f"]:
        return None
    return "m" if count["m"] > count["f"] else "f"


def subject_of(cue: Token) -> Span | None:
    """The words that name who is speaking for this cue, trimmed of clauses after the head."""
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        if to is None and cue.i + 1 < len(cue.doc) and cue.nbor(1).lower_ == "to":
            to = cue.nbor(1)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        return _trim(obj) if obj is not None else None
    fronted = according_subject(cue)  # "According to polls, majorities of voters say": misparsed
    if fronted is not None:
        return _trim(fronted)
    tok = cue
    for _ in range(3):
        for c in _nearest_subject_first(tok):
            if c.dep_ == "csubj":
                return None  # "That she got up spoke of ...": a clause, no one (``voiceless``)
            if c.dep_ in _SUBJECTS and c.lower_ in _EXPLETIVES and tok.lemma_ == "be" or c.dep_ == "expl":
                return None  # "it would be a stretch to say", "it is fair to say": the clause's own, no one
            if c.dep_ in _SUBJECTS and c.lower_ not in _EXPLETIVES and c.tag_ not in {"WDT", "WP"}:
                return _trim(_past_dateline(c))
            if c.dep_ == "agent":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return _trim(obj)
        if tok.dep_ == "relcl" and _infinitive(tok):
            # "it would be a stretch to say ...", "he was the first to say ...": the noun an
            # infinitive qualifies is no one who speaks; the subject of the "be" it follows may be
            if tok.head.dep_ != "attr" or tok.head.head.i == tok.head.i:
                return None
            tok = tok.head.head
            continue
        own = next((c for c in tok.children if c.dep_ in _SUBJECTS and c.lower_ in _EXPLETIVES), None)
        if tok.dep_ == "relcl" and own is not None and own.i < tok.i and tok.lemma_ != "be":
            return _trim(own)  # "the impact it said Smith would have": "it" said it, not the impact
        if tok.dep_ == "relcl" and tok.head.pos_ in {"PROPN", "NOUN"}:
            # "the official who said ..." names the official; "on Monday, where the two are
            # reported to ..." names a time or place, not a source
            if tok.head.ent_type_ in {"DATE", "TIME"} or any(
                t.lower_ in {"where", "when"} for t in _between(tok.head, tok)
            ):
                return None
            return _trim(tok.head)
        if tok.dep_ not in _CLIMB or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _nearest_subject_first(tok: Token) -> list[Token]:
    """``tok``'s children, a subject nearer the verb before one further off.

    A verb with two subjects is a misparse of "“…, Full panic mode,” said Leslie Wimes" or "“My
    reaction, …,” the strategist said": the far one is words of the quote, the near one the speaker.
    """
    kids = list(tok.children)
    subjects = sorted((c for c in kids if c.dep_ in _SUBJECTS), key=lambda c: abs(c.i - tok.i))
    if len(subjects) < 2:
        return kids
    return subjects + [c for c in kids if c.dep_ not in _SUBJECTS]


_DATELINE_DASHES = {"--", "—", "–", "-"}


def _past_dateline(subject: Token) -> Token:
    """ "WASHINGTON -- President Obama, ..., said": the parser makes the dateline the subject and
    the speaker its apposition; the dateline (a capitalised place opening the report, then a
    dash) is where the report was filed, so the apposition speaks."""
    nxt = subject.nbor(1) if subject.i + 1 < len(subject.doc) else None
    if not subject.text.isupper() or nxt is None or nxt.text not in _DATELINE_DASHES:
        return subject
    if subject.i > 0 and "\n" not in subject.doc[subject.i - 1].text:
        return subject
    appos = next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i), None)
    return appos if appos is not None else subject


# Verbs whose subject is what is judged, not who judges ("no blow appeared to hurt him").
_RAISING = frozenset({"seem", "appear"})
_EXPLETIVES = {"it", "there"}
_SOMEONE = {"PERSON", "ORG", "NORP", "GPE"}
# Head nouns of institutions: a described source ("the ministry said"), never a named person's
# elegant variation ("the former secretary of state said").
INSTITUTIONS = frozenset(
    """
    government administration ministry department agency company campaign committee court party
    police military army council board office commission state city country group organization
    organisation team firm bank union panel house senate congress parliament cabinet embassy service
    authority authorities regime coalition network channel newspaper foundation institute
    university school hospital club league federation association
    """.split()
)


def voiceless(cue: Token) -> bool:
    """Whether no one is said to speak through ``cue``: the words are the writer's own.

    - a clause for a subject ("That she got up spoke of her will to win"): a fact, not a source;
    - an infinitive that nobody governs ("it would be a stretch to say that ...", "it is fair to
      say ...", "needless to say"): the writer's hedge, no one's saying.
    """
    if subject_of(cue) is not None:
        return False
    first = next((t for t in cue.sent if not t.is_space and not t.is_punct), cue)
    if first.lower_ in {"that", "whether"} and first.pos_ == "SCONJ":
        return True  # the parser does not always see "That she got up showed ..." as a clausal subject
    tok = cue
    for _ in range(4):
        if any(c.dep_ == "csubj" for c in tok.children):
            return True
        if tok.dep_ not in _CLIMB or tok.head.i == tok.i or any(c.dep_ == "nsubjpass" for c in tok.children):
            break
        tok = tok.head
    if not _infinitive(cue):
        return False
    tok = cue
    for _ in range(4):  # up to the verb the infinitive hangs from: an expletive or no subject at all
        subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
        if subjects:
            return all(c.lower_ in _EXPLETIVES or c.dep_ == "expl" for c in subjects)
        if tok.head.i == tok.i:
            return True
        tok = tok.head
    return False


def judged(cue: Token, subject: Span | None, index: MentionIndex) -> bool:
    """ "No single blow appeared to do damage": the subject of "seem"/"appear" is what is judged,
    a source only when it is someone ("Smith appeared to concede ...": a person, a party, a
    pronoun), never a thing."""
    if subject is None or cue.lemma_.lower() not in _RAISING:
        return False
    head = subject.root
    if head.pos_ in {"PRON", "PROPN"} or any(t.ent_type_ in _SOMEONE for t in subject):
        return False
    return not any(e.kind in _SOMEONE for _, _, e in index.at(subject.start_char, subject.end_char))


def _infinitive(tok: Token) -> bool:
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _between(head: Token, clause: Token) -> list[Token]:
    """The words between a relative clause's head and its verb ("Monday, where the two are")."""
    return list(head.doc[head.i + 1 : clause.i])


def _trim(head: Token) -> Span:
    """The noun phrase up to its head's first clause or aside: "a woman who said" is "a woman"."""
    doc = head.doc
    start = head.left_edge.i
    end = head.i + 1
    # where a relative or infinitive clause opens ("who", "that", "to"); a clause with no such
    # word keeps its subject ("according to a speech Mrs. Clinton delivered": her speech)
    opens = {
        t.i
        for c in head.children
        if c.i > head.i and (c.dep_ == "relcl" or c.dep_ == "acl" and _infinitive(c))
        for t in c.subtree
        if t.tag_ in {"WDT", "WP", "WP$", "WRB"} or t.lower_ == "that" or t.lower_ == "to" and t.dep_ == "aux"
    }
    for t in doc[head.i + 1 : head.right_edge.i + 1]:
        if t.is_punct and t.text in {",", ";", "(", "—", "–"} or t.dep_ in {"relcl", "appos"} or t.i in opens:
            break
        if t.head.i == head.i and _when(t):
            break  # "Trump at the time said": when he said it, not part of who
        end = t.i + 1
    return doc[_after_dateline(doc, start, head.i) : end]


_TIME_NOUNS = frozenset(
    """
    time times moment point day days week weeks month months year years night morning afternoon
    evening weekend era period hour hours minute minutes
    """.split()
)


def _when(tok: Token) -> bool:
    """A temporal adjunct the parser hung on the subject ("Trump at the time", "Smith on Tuesday",
    "Jones last week", "Obama in 2004"): when the words were said, never part of the speaker's name."""
    if tok.ent_type_ in {"DATE", "TIME"} and tok.dep_ in {"npadvmod", "advmod", "nmod", "compound"}:
        return True
    if tok.dep_ != "prep" or tok.lower_ not in {
        "at",
        "on",
        "in",
        "during",
        "since",
        "until",
        "after",
        "before",
    }:
        return False
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in {"DATE", "TIME"} or obj.lower_ in _TIME_NOUNS)


def _after_dateline(doc: Doc, start: int, head: int) -> int:
    """Where a subject starts once a dateline opening its paragraph is cut off: in "BRUSSELS -
    European leaders gathered ..." the parser makes the place a modifier of the subject."""
    first = doc[start]
    if not (first.is_alpha and first.text.isupper() and len(first.text) > 1):
        return start
    if start > 0 and "\n" not in doc[start - 1].text:
        return start
    depth = 0
    for t in doc[start:head]:
        depth += t.text == "("
        depth -= t.text == ")"
        if t.text in _DATELINE_DASHES and depth == 0:
            return t.i + 1
        if depth == 0 and any(ch.islower() for ch in t.text):
            return start  # "SMITH, the minister": not a dateline
    return start


def resolve(
    span: Span,
    index: MentionIndex,
    history: Sequence[tuple[Speaker, int]],
) -> Speaker | None:
    """Turn a subject span into a ``Speaker``; ``history`` is earlier speakers with their offsets."""
    head = span.root
    named = _named(span, head, index)
    if named is not None:
        return named
    low = head.lower_
    if head.pos_ == "PRON":
        return _earlier_speaker(head, index, [(p, at) for p, at in history if span.start_char - at < 600])
    words = [t.lower_ for t in span]
    if (low in REPORT_NOUNS or head.lemma_.lower() in REPORT_NOUNS) and words[0] in {"the", "that", "this"}:
        for prev, _ in reversed(history):
            if prev.kind == "ORG" or prev.head in REPORT_NOUNS or prev.head == "medium":
                return prev
    if "same" in words:
        for prev, _ in reversed(history):
            if prev.anonymous and prev.head == head.lemma_.lower():
                return prev
    description = _describe(span)
    if not description:
        return None
    anonymous = low in ANONYMOUS_NOUNS or head.lemma_.lower() in ANONYMOUS_NOUNS
    return Speaker(name=description, anonymous=anonymous, head=head.lemma_.lower())


def _earlier_speaker(
    pronoun: Token, index: MentionIndex, recent: Sequence[tuple[Speaker, int]]
) -> Speaker | None:
    """ "They also noted ...": the speaker of the attribution just before, if close by, and one the
    pronoun can stand for. "He"/"she" skip a speaker known to be of the other gender; "they" skips a
    single named person when a group or a described source spoke in between (a plural "they" is
    one named person only when no one else fits)."""
    gender = pronoun_gender(pronoun)
    plural = pronoun.lower_ in _PLURAL
    fits = [
        prev
        for prev, _ in reversed(recent)
        if not (gender and prev.entity and index.gender(prev.entity) not in (None, gender))
    ]
    if plural:  # a named group or unnamed sources ("officials") before a person spoken of last
        return next((p for p in fits if p.kind in _GROUPS or p.anonymous), fits[0] if fits else None)
    return fits[0] if fits else None


def _named(span: Span, head: Token, index: MentionIndex) -> Speaker | None:
    ent = index.covering(head.idx)
    if ent is None:
        # A name made of several tokens whose parse head lies outside the NER span ("[Donald] Trump").
        inside = [e for s, e_, e in index.at(span.start_char, span.end_char) if e.kind == "PERSON"]
        ent = inside[-1] if inside and head.pos_ == "PROPN" else None
    if ent is None:
        # "its owner Mira Kastel said": a role noun in apposition with the name that ends the subject
        # (not "the spokesman for Mira Kastel", where a preposition makes the name someone else).
        last = index.covering(span[-1].idx)
        if last is not None and last.kind == "PERSON" and not any(t.pos_ == "ADP" for t in span):
            ent = last
    if ent is None:
        # "the National Seismic Service and local officials said": a named party coordinated with
        # unnamed ones is on the record, whichever conjunct the parser made the head.
        cut = next((t.i for t in span if t.lower_ == "and"), None)
        named = [index.covering(t.idx) for t in span if cut is not None and t.i < cut]
        ent = next((e for e in named if e is not None and e.kind in {"ORG", "PERSON", "GPE"}), None)
    if ent is None and len(span) == 1 and head.text[:1].isupper() and head.pos_ in {"NOUN", "PROPN"}:
        # "Trump at the time said": a surname the tagger took for a common noun and NER missed
        ent = index.by_surname(head.text)
    if ent is None or (ent.kind == "PERSON" and _only_in_names(ent, span.doc)):
        return None
    medium = any(a.split()[-1].lower() in REPORT_NOUNS for a in ent.attributes if a.split())
    return Speaker(
        name=ent.name,
        entity=ent.id,
        kind=ent.kind,
        head="medium" if medium else ent.kind.lower(),
    )


# Common nouns that end a facility's or award's name after a person's ("the James S. Brady briefing
# room", "the Ronald Reagan airport")
_NAMED_PLACES = frozenset(
    "room building center centre hall library airport bridge school university college street avenue "
    "boulevard highway foundation institute stadium arena park memorial hospital museum award prize "
    "tower house theater theatre auditorium plaza square station base courthouse".split()
)


def _only_in_names(entity: Entity, doc: Doc) -> bool:
    """Every name mention of the person modifies a place's or body's name ("the White House James S.
    Brady briefing room"): the name is part of that name, and a pronoun resolved to it is someone
    else (trial 8: Obama's remarks were given to "James S. Brady")."""
    names = 0
    for m in entity.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span[0].pos_ == "PRON" or not span.text[:1].isupper():
            continue
        names += 1
        last = span[-1]
        head = last.head
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        inside = last.dep_ == "compound" and head.i > last.i
        if not (inside and (head.pos_ == "PROPN" or head.lemma_.lower() in _NAMED_PLACES)):
            return False
    return names > 0


def _describe(span: Span) -> str:
    text = " ".join(span.text.split())
    first = span[0]
    if first.lower_ in _DETERMINERS and text:
        text = first.lower_ + text[len(first.text) :]
    return fix_casing(text)
