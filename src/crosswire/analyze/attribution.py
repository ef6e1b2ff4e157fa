"""Who an attribution's speaker is, once ``reported``/``quotes`` have found what was said.

A cue's subject names the source, but not always as the reader means it: a pronoun or a role
("the former secretary of state") stands for a person named earlier, a pronoun under another saying
verb is that verb's speaker, a participle trails its sentence's subject, and some subjects are no
source at all (the writer's hedge, a thing that "appeared to"). Kept apart from ``quotes`` so that
finding quotes and naming their speakers can each be read on its own.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.animacy import WRITTEN, mindless
from crosswire.analyze.clauses import put_question
from crosswire.analyze.cues import SPEECH
from crosswire.analyze.reported import Attr
from crosswire.analyze.speakers import (
    INSTITUTIONS,
    MentionIndex,
    Speaker,
    judged,
    resolve,
    subject_of,
    voiceless,
)

_WRITER = {"i", "we", "you"}  # outside quotation marks: the writer (and the reader), no source


def resolve_speakers(
    doc: Doc, attrs: list[Attr], index: MentionIndex, around: Callable[[int], tuple[int, int] | None]
) -> None:
    """Each attribution's speaker: its own subject, else the sentence's, resolved to an entity or a
    described source; the writer's own voice ("it would be a stretch to say", "I don't think") is no one."""
    history: list[tuple[Speaker, int]] = []
    quoted: set[int] = set()  # offsets in ``history`` of cues written inside quotation marks
    by_cue: dict[int, tuple[Speaker | None, bool]] = {}  # a cue's speaker, and whether it is the writer
    text = doc.text  # once: spaCy rebuilds ``doc.text`` on every call (quadratic on a long report)
    for a in sorted(attrs, key=lambda a: a.cue.i):
        if a.cue.i in by_cue:
            a.speaker, writer = by_cue[a.cue.i]
            a.writer = writer and a.who is None
            continue
        a.writer = a.who is None and voiceless(a.cue)
        if a.writer:
            subject = None  # "it would be a stretch to say ...": no one says it
        elif a.who is not None:
            subject = a.who
        elif put_question(a.cue):
            # "Asked if it was over, Smith said ...": Smith was asked; the asker, a reporter, is unnamed
            a.speaker, by_cue[a.cue.i] = None, (None, False)
            continue
        else:
            subject = _shown_speaking(a.cue) or subject_of(a.cue) or _sentence_subject(a.cue)
            if (
                subject is not None
                and subject.root.lower_ in _WRITER
                and around(a.cue.idx) is None
                and around(subject.root.idx) is None
            ):
                # "I don't think they've ruined the sport": the writer's own voice, no one's words to
                # pass on; not the last speaker named. Kept unattributed (PolNeAR annotates the
                # writer's attributions: dropping them costs more recall than it gains precision).
                subject = None
            elif judged(a.cue, subject, index):
                subject = None  # "no single blow appeared to ...": the blow is judged, no one named judges
            elif subject is not None and a.attribution != SPEECH and _after_verb(a.cue, subject):
                # "(think Brexit, for example)": a view is held by a subject before its verb; one
                # after it is an imperative's object misparsed ("said Smith" inverts speech only)
                subject = None
            elif subject is None and a.cue.pos_ == "NOUN" and a.cue.dep_ == "attr":
                pass  # "his right hand was the story of the fight": a predicate noun, no one telling
            elif subject is None and not any(c.dep_ == "auxpass" for c in a.cue.children):
                # ("the two are reported to have ...": a passive cue names no source; guessing one is worse)
                subject = _nearest_person(doc, a.cue, index, around)
        if a.writer:
            a.speaker, by_cue[a.cue.i] = None, (None, True)
            continue
        earlier = _narrated(history, quoted, subject, around)
        a.speaker = resolve(subject, index, earlier) if subject is not None else None
        if a.speaker is not None and a.speaker.entity is None and mindless(subject, a.attribution):
            # "legislation that would allow ...": a thing holds no view; "With 50 days until the
            # election, Dana Rolf, an adviser, called ...": the parser's subject is the thing, the
            # speaker its apposition
            named = _named_apposition(subject)
            a.speaker = resolve(named, index, earlier) if named is not None else None
        a.speaker = _established(text, subject, a.speaker, earlier, index)
        by_cue[a.cue.i] = (a.speaker, False)
        if a.speaker is not None:
            history.append((a.speaker, a.cue.idx))
            if around(a.cue.idx) is not None:
                quoted.add(a.cue.idx)
    _pronouns_of_outer(attrs)


def _narrated(
    history: list[tuple[Speaker, int]],
    quoted: set[int],
    subject: Span | None,
    around: Callable[[int], tuple[int, int] | None],
) -> list[tuple[Speaker, int]]:
    """The earlier speakers a subject written outside quotation marks may stand for: not those of
    attributions inside someone's quote. In "“Mike Brask said he would win,” he said." the inner
    "Mike Brask said" is the outer speaker's words; Brask is who the quote is about, not a person the
    writer has introduced, so the writer's "he" cannot be him (the trial's "…,” he will say." came
    back as the Hillary Clinton the quote spoke of). A subject inside a quote may take any of them."""
    if subject is None or around(subject.start_char) is not None or not quoted:
        return history
    return [(p, at) for p, at in history if at not in quoted]


def _established(
    text: str,
    subject: Span | None,
    speaker: Speaker | None,
    history: list[tuple[Speaker, int]],
    index: MentionIndex,
) -> Speaker | None:
    """A definite role description ("the former secretary of state said") right after a named
    person spoke in the same paragraph, with no other person named in between, is that person:
    the writer's elegant variation, not a new, unnamed source. Anonymous roles ("the spokesman")
    and plural or indefinite ones stay descriptions."""
    if subject is None or speaker is None or speaker.entity is not None or speaker.anonymous:
        return speaker
    head = subject.root
    if subject[0].lower_ != "the" or head.tag_ != "NN" or head.pos_ != "NOUN" or not history:
        return speaker
    if head.lemma_.lower() in INSTITUTIONS or head.lemma_.lower() in WRITTEN:
        return speaker  # "the federal government", "the ad": a body or a text, not the person just named
    prev, at = history[-1]
    lo, hi = at, subject.start_char
    if prev.kind != "PERSON" or hi < lo or "\n" in text[lo:hi] or hi - lo > 600:
        return speaker
    others = {ent.id for _, _, ent in index.at(lo, hi) if ent.kind == "PERSON"} - {prev.entity}
    return speaker if others else prev


def _pronouns_of_outer(attrs: list[Attr]) -> None:
    """ "X said she wanted to speak to ...": a pronoun subject of a cue governed by another
    attribution's cue is that attribution's speaker (the subject of the saying verb), whatever a pronoun
    resolver made of "she"; a resolver may pick the last name read, often someone spoken about."""
    by_cue = {a.cue.i: a for a in attrs}
    for a in attrs:
        subject = subject_of(a.cue) if a.who is None else None
        if subject is None or subject.root.pos_ != "PRON" or subject.root.lower_ in {"i", "we", "you"}:
            continue
        for t in a.cue.ancestors:  # the nearest saying verb above with a subject of its own
            outer = by_cue.get(t.i)
            outer_subject = subject_of(t) if outer is not None and outer.who is None else None
            if outer is None or outer_subject is None or outer_subject.root.i == subject.root.i:
                continue
            if outer_subject.root.pos_ != "PRON" and outer.speaker is not None:
                a.speaker = outer.speaker
            break


def _shown_speaking(cue: Token) -> Span | None:
    """ "The ad uses footage of Mara Quint asking, ...": a participle right after a person named as
    an object of a preposition is that person speaking, whatever the verb it hangs from."""
    if cue.tag_ != "VBG" or cue.i == 0:
        return None
    prev = cue.doc[cue.i - 1]
    if prev.ent_type_ != "PERSON" or prev.dep_ != "pobj":
        return None
    return cue.doc[prev.left_edge.i : prev.i + 1]


def _named_apposition(subject: Span) -> Span | None:
    """A person in apposition with the subject ("the election, Dana Rolf, ..."), if any."""
    appos = next((c for c in subject.root.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    return subject.doc[appos.left_edge.i : appos.i + 1] if appos is not None else None


def _after_verb(cue: Token, subject: Span) -> bool:
    """A subject written after its cue ("think Brexit"), not the agent of a passive ("backed by X")
    nor the subject of the sentence an opening participle trails ("Citing ..., Smith said")."""
    root = subject.root  # the cue's own subject: "Citing X, Smith said" has the sentence's after it
    return root.i > cue.i and root.dep_ == "nsubj" and root.head.i == cue.i


def _nearest_person(
    doc: Doc, cue: Token, index: MentionIndex, around: Callable[[int], tuple[int, int] | None]
) -> Span | None:
    """When the parse gives the cue no subject, the last person named before it in its sentence,
    outside quotation marks unless the cue is inside them: a name in a quote is someone the quote
    speaks of, not who is quoted."""
    own = around(cue.idx)
    people = [
        (s, e)
        for s, e, ent in index.at(cue.sent.start_char, cue.idx)
        if ent.kind == "PERSON" and around(s) == own
    ]
    if not people:
        return None
    s, e = people[-1]
    return doc.char_span(s, e, alignment_mode="expand")


def _sentence_subject(cue: Token) -> Span | None:
    """The subject of the sentence a participle trails ("Clinton spoke, praising ..."), if before it."""
    if cue.tag_ != "VBG" and cue.dep_ not in {"conj", "advcl"}:
        return None
    root = cue.sent.root
    if root.i >= cue.i or root.i == cue.i:
        return None
    head = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < cue.i), None)
    if head is None or head.lower_ in {"it", "there", "this", "that"} or head.tag_ in {"WDT", "WP"}:
        return None
    return cue.doc[head.left_edge.i : head.i + 1]
