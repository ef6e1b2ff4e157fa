"""Which person of a report is "he" and which is "she", learned before any pronoun is resolved.

``pronouns`` joins a pronoun to a person whose gender fits. Without a gender known in advance the
first pronoun decided it: one "she" read after "Donald Trump" (a supporter quoted between two
mentions of him) made him a woman for the rest of the report, so every later "he" skipped him and
every "she" landed on him. The evidence, strongest first:

1. titles and gendered nouns attached to the name ("Mrs.", "Spokeswoman Jessica Ditto", "former
   Miss Universe Alicia Machado", "Ana Ruiz, the congresswoman,", "his wife, Ana");
2. a common first name (``first_names``): "Donald" is a he;
3. the pronouns that follow a person where no one else seems meant: in a sentence naming one
   person only, outside quotation marks, a "he"/"she"/"his"/"herself" in the clauses of the verb
   the name is subject of ("Ana Ruiz said she would ...", "Bo Lind defended his record").

The pronoun votes come last because a person the parser missed makes them wrong: in "..., Warren
told Stumpf after he admitted ..." an untagged "Stumpf" leaves Warren the one person named, and
his "he" votes for her. On PolNeAR dev the votes agree with a listed first name 49 times and
contradict it 4 times (each time wrongly); they decide for 17 persons the list does not know.

"Sen." or "Dr." says nothing, and a person with no evidence keeps ``None`` (any pronoun fits).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from crosswire.analyze.clusters import Cluster, gender_from_titles
from crosswire.analyze.first_names import gender_of_first_name

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})

# Nouns that say a person's sex when written as their title or in apposition with their name.
_NOUNS = {
    "m": frozenset(
        """
        man businessman congressman spokesman chairman councilman assemblyman alderman husband
        father son brother uncle nephew grandfather grandson boyfriend widower king prince
        actor gentleman boy
        """.split()
    ),
    "f": frozenset(
        """
        woman businesswoman congresswoman spokeswoman chairwoman councilwoman assemblywoman
        wife mother daughter sister aunt niece grandmother granddaughter girlfriend widow queen
        princess actress lady girl miss mrs ms madam
        """.split()
    ),
}
# "first lady" is gendered only as a phrase ("first" alone is not).
_PHRASES = {"first lady": "f"}


def gender_of_words(words: Sequence[str]) -> str | None:
    """ "m"/"f" when title or apposition words name one sex only ("the congresswoman", "his
    wife", "former Miss Universe"); None when they say nothing or contradict each other."""
    low = [w.lower().strip(".,'’") for w in words]
    found = {g for g, nouns in _NOUNS.items() if any(w in nouns for w in low)}
    text = " ".join(low)
    found |= {g for phrase, g in _PHRASES.items() if phrase in text}
    return found.pop() if len(found) == 1 else None


def learn_genders(doc: Doc, persons: Sequence[Cluster], inside: Callable[[int], bool]) -> None:
    """Set ``gender`` on each person cluster the report gives evidence for (see the module)."""
    votes = _pronoun_votes(doc, persons, inside)
    for p in persons:
        words = [w for a in p.attributes for w in a.split()] + _appositions(doc, p)
        by_words = gender_from_titles(p.attributes) or gender_of_words(words)
        if by_words is not None:
            p.gender = by_words
            continue
        count = votes.get(id(p), Counter())
        m, f = count["m"], count["f"]
        voted = ("m" if m > f else "f") if m != f and min(m, f) * 3 <= max(m, f) else None
        p.gender = gender_of_first_name(p.name) or voted or p.gender


def pronoun_gender(tok: Token) -> str | None:
    """ "m" for he/him/his/himself, "f" for she/her/hers/herself, else None."""
    return gender_of_word(tok.text)


def gender_of_word(word: str) -> str | None:
    """``pronoun_gender`` of a written word."""
    low = word.lower()
    if low in MALE_PRONOUNS:
        return "m"
    if low in FEMALE_PRONOUNS:
        return "f"
    return None


def _appositions(doc: Doc, person: Cluster) -> list[str]:
    """Words of a noun in apposition with one of the person's names: "Ana Ruiz, the
    congresswoman," (the noun hangs from the name) or "his wife, Ana Ruiz" (the name from it)."""
    out: list[str] = []
    for start, end, _ in person.spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not any(t.pos_ == "PROPN" for t in span):
            continue  # a pronoun or a role description joined to the person says nothing new
        root = span.root
        for c in root.children:
            if c.dep_ == "appos" and c.pos_ == "NOUN":
                out.extend(t.text for t in doc[c.left_edge.i : c.i + 1])
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            head = root.head
            out.extend(t.text for t in doc[head.left_edge.i : head.i + 1])
    return out


def _pronoun_votes(doc: Doc, persons: Sequence[Cluster], inside: Callable[[int], bool]) -> dict[int, Counter]:
    """Per person (by ``id``), the genders of pronouns that can only be theirs: after their name in
    a sentence that names no one else, outside quotation marks. Object "him"/"her" is left out
    ("Bo Lind praised her" is about someone else); possessive "her" counts."""
    at: list[tuple[int, Cluster]] = sorted(
        ((s, p) for p in persons for s, _, _ in p.spans if not inside(s)),
        key=lambda x: x[0],
    )
    votes: dict[int, Counter] = {}
    if not doc.has_annotation("DEP"):
        return votes  # NER only (the story bench's undated reports): no subjects, no sentences to read
    i = 0
    for sent in doc.sents:
        named: list[tuple[int, Cluster]] = []
        while i < len(at) and at[i][0] < sent.end_char:
            if at[i][0] >= sent.start_char:
                named.append(at[i])
            i += 1
        if len({id(p) for _, p in named}) != 1 or any(_gendered_noun(t) for t in sent):
            continue  # two people, or an unnamed "woman" or "husband" a pronoun may stand for
        first, person = named[0]
        verb = _verb_of(doc, first)
        for tok in sent:
            if tok.idx <= first or inside(tok.idx) or not _subject_or_possessive(tok):
                continue
            if verb is None or not _under(tok, verb):
                continue
            gender = pronoun_gender(tok)
            if gender is not None:
                votes.setdefault(id(person), Counter())[gender] += 1
    return votes


def _verb_of(doc: Doc, offset: int) -> Token | None:
    """The verb a name at ``offset`` is the subject of ("Ana Ruiz said ..."), if it is one."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return None
    tok = span[0]
    while tok.dep_ in {"compound", "flat"} and tok.head.i != tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head  # "Ana" of "Ana Ruiz": the name's head
    return tok.head if tok.dep_ in {"nsubj", "nsubjpass"} else None


def _under(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` hangs from ``verb`` through clauses of the person's own ("said she would",
    "defended his record"), not through a clause about some other noun ("the nominee, who began
    his speech")."""
    for t in tok.ancestors:
        if t.i == verb.i:
            return True
        if t.dep_ in {"relcl", "acl", "appos"}:
            return False
    return False


def _gendered_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and any(tok.lower_ in nouns for nouns in _NOUNS.values())


def _subject_or_possessive(tok: Token) -> bool:
    if tok.lower_ in {"him", "hers"}:
        return False
    if tok.lower_ == "her":
        return tok.tag_ == "PRP$"
    return True
