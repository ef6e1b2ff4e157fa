"""Events of a report: who did what to whom, where and when, read off the dependency parse.

A trigger is a verb (or phrasal verb, or verb+object) or an event noun from the PLOVER lexicon
(``plover.py``). Actors come from the subject (with its conjuncts; the ``by`` agent when passive),
targets from the object and from ``with / against / on / to`` phrases, the place from a GPE/LOC under
a locative preposition, the date from the resolved time expression of the same clause (else
sentence). Arguments are mapped to canonical entities through their mentions so "Netanyahu" reads
"Benjamin Netanyahu"; a phrase that names no entity ("the Palestinian leadership") is kept as text.
Acts governed by a speech act ("threatened an attack on X") are folded into it, not reported as if
they happened. An event a report tells twice (the dek, then the body) is kept once: the same kind
with the same actors and targets, undated or on the same day, in a compatible place, is one event,
and the dated mention is the one kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from crosswire.analyze import plover
from crosswire.analyze.event_args import Arguments
from crosswire.analyze.history import not_history
from crosswire.analyze.retold import told_once
from crosswire.analyze.speech_events import first_person_voices, speech_events
from crosswire.analyze.time import is_future
from crosswire.model import Entity, Event, Quote, TimeExpression

_REPORTING = frozenset(
    ["say", "tell", "report", "announce", "state", "add", "claim", "note", "quote", "write"]
)
# Verbs and modifiers under which an act has not happened ("tried to prevent a planned attack").
_NON_FACTUAL = frozenset(
    ["prevent", "want", "avoid", "stop", "deter", "consider", "hope", "aim", "fear", "propose", "thwart"]
)
_NON_FACTUAL_MODIFIERS = frozenset(
    ["planned", "possible", "potential", "future", "proposed", "alleged", "prospective"]
)
# "speak/talk/discuss ... with" is a consultation only if a partner is named ("speaking with reporters").
_WEAK_CONSULT = frozenset({"talk", "speak", "discuss", "confer", "discussion"})
# Phrasal triggers that need an object ("broke off talks", not "the call broke off").
_NEEDS_OBJECT = frozenset({("break", "off"), ("cut", "off")})
Ranked = tuple[tuple[int, int, int], Event]


def _trigger_kind(token: Token) -> str | None:
    """The PLOVER kind ``token`` names, if it is a trigger (verb forms and event nouns)."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX"):
        objects = [c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "obj")]
        for obj in objects:
            if (lemma, obj) in plover.VERB_OBJECT:
                return plover.VERB_OBJECT[(lemma, obj)]
        for child in token.children:
            if child.dep_ in ("prt", "prep") and (lemma, child.lower_) in plover.PHRASAL:
                if (lemma, child.lower_) in _NEEDS_OBJECT and not objects:
                    continue
                kind = plover.PHRASAL[(lemma, child.lower_)]
                if kind != "PROTEST" or _protest_object(child):
                    return kind
        blocked = plover.NOT_EVENT_OBJECTS.get(lemma, frozenset())
        # the parser makes "reporting" in "X contributed reporting" a verb complement, not an object
        gerunds = [c.lemma_.lower() for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]
        if any(obj in blocked for obj in (*objects, *gerunds)):
            return None
        needed = plover.ONLY_WITH_OBJECTS.get(lemma)
        if needed is not None and not any(obj in needed for obj in objects):
            return None
        if lemma == "strike":
            return "FIGHT" if objects else "PROTEST"
        if lemma == "ask" and not any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in token.children
        ):
            return None  # "was asked whether ...": a question, not a demand
        return plover.VERBS.get(lemma)
    if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ in ("", "EVENT"):
        if lemma == "call" and not any(c.lower_ in ("for", "on") for c in token.children):
            return None
        return plover.NOUNS.get(lemma)
    return None


def _protest_object(prep: Token) -> bool:
    """ "went on strike", "took to the streets": the phrase names a protest."""
    return any(
        o.lemma_.lower() in ("strike", "street", "hunger") or plover.NOUNS.get(o.lemma_.lower()) == "PROTEST"
        for o in prep.subtree
    )


def _clause_head(token: Token) -> Token:
    """The verb whose clause contains ``token`` (``token`` itself for a verb)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def _clause_span(token: Token) -> tuple[int, int]:
    """Character span of ``token``'s clause: its verb's subtree without coordinated clauses, kept
    within the paragraph."""
    head = _clause_head(token)
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            skip.update(t.i for t in child.subtree)
    lo, hi = _sentence_bounds(token)
    tokens = [t for t in head.subtree if t.i not in skip and not t.is_punct and lo <= t.idx < hi] or [token]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _noun_phrase_span(token: Token, clause: tuple[int, int]) -> tuple[int, int]:
    """An event noun hung on another noun ("in view of Iran's opposition to Russia's request to
    withdraw") is only mentioned in passing: its span is its own phrase, so the clause it sits in
    ("Russia decided to send Patrushev ...") is not shown as that event."""
    if token.pos_ in ("VERB", "AUX") or token.dep_ != "pobj" or token.head.head.pos_ not in ("NOUN", "PROPN"):
        return clause
    words = [t for t in token.subtree if not t.is_punct]
    lo, hi = words[0].idx, words[-1].idx + len(words[-1])
    return (lo, hi) if clause[0] <= lo and hi <= clause[1] else clause


def _sentence_bounds(token: Token) -> tuple[int, int]:
    """Character span of ``token``'s sentence, cut at paragraph breaks (a parser may run a caption
    into the next paragraph)."""
    sent = token.sent
    text, base = sent.text, sent.start_char  # not ``doc.text``: spaCy rebuilds that on every call
    before = text.rfind("\n\n", 0, token.idx - base)
    lo = base + before + 2 if before != -1 else sent.start_char
    after = text.find("\n\n", token.idx - base)
    hi = base + after if after != -1 else sent.end_char
    return lo, hi


def _is_negated(token: Token) -> bool:
    """ "did not meet", "failed to reach an agreement"."""
    node = _clause_head(token) if token.pos_ not in ("VERB", "AUX") else token
    if node.dep_ == "xcomp" and node.head.lemma_.lower() == "fail":
        return True
    return any(c.dep_ == "neg" for c in (*token.children, *node.children))


def _mood(kind: str, token: Token) -> str:
    """PLOVER codes intent, not only deeds: "will withdraw" / "ready to lift" is AGREE, "would
    blockade" is THREATEN, and "must hand over" is a DEMAND."""
    verb = _clause_head(token)
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if "must" in auxes:
        return "DEMAND"
    intent = bool(auxes & plover.INTENT_AUX) or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in plover.INTENT_HEADS
    )
    if intent and kind in plover.COOPERATIVE:
        return "AGREE"
    if intent and kind in plover.HOSTILE:
        return "THREATEN"
    return kind


def _military(kind: str, token: Token) -> str:
    """A killing by aircraft, troops or artillery, or in a battle, is FIGHT rather than ASSAULT."""
    if kind != "ASSAULT":
        return kind
    verb = _clause_head(token)
    around = [c for c in verb.children if c.dep_ in ("nsubj", "agent", "prep")]
    words = {t.lemma_.lower() for c in around for t in c.subtree}
    if words & plover.MILITARY or any(plover.NOUNS.get(w) == "FIGHT" for w in words):
        return "FIGHT"
    return kind


def _not_an_act(token: Token, kinds: dict[int, str]) -> bool:
    """Whether this act is only spoken about by an ancestor trigger (a threat, demand,
    accusation...) or is planned, prevented or hypothetical."""
    if any(c.dep_ == "amod" and c.lower_ in _NON_FACTUAL_MODIFIERS for c in token.children):
        return True
    for ancestor in token.ancestors:
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in ancestor.children):
            return True  # "asked whether Putin repeated his offer": a question or a condition
        kind = kinds.get(ancestor.i)
        if kind in plover.SPEECH_ACTS or (kind is None and ancestor.lemma_.lower() in _NON_FACTUAL):
            return True
        if ancestor.dep_ == "ROOT" or ancestor.lemma_ in _REPORTING:
            return False
    return False


def _carries_event_noun(token: Token, kinds: dict[int, str]) -> bool:
    """A light verb whose object is itself a trigger ("held talks"): the noun's event is reported."""
    return token.lemma_.lower() in plover.LIGHT_VERBS and any(
        c.dep_ in ("dobj", "obj") and c.i in kinds for c in token.children
    )


def _when(clause: tuple[int, int], trigger: Token, times: Sequence[TimeExpression]) -> TimeExpression | None:
    """The resolved time of the clause, else of the sentence; nearest to the trigger. An act set
    before or after another ("their visit came after talks ...") does not take the sentence's
    time, which dates the other act; nor does an act told as done take the time of a plan beside
    it ("announced a fund and said she would visit on Wednesday": Wednesday is the visit's)."""
    head = _clause_head(trigger)
    body = trigger.doc.text
    resolved = [
        t for t in times if t.value and not _in_relative_clause(trigger.doc, t, head) and not _since(body, t)
    ]
    placed = trigger.dep_ == "pobj" and trigger.head.lower_ in ("after", "before", "following")
    for lo, hi in (clause,) if placed else (clause, _sentence_bounds(trigger)):
        inside = [t for t in resolved if t.start >= lo and t.end <= hi]
        if (lo, hi) != clause and not is_future(trigger.doc[trigger.i : trigger.i + 1]):
            inside = [t for t in inside if not _planned(trigger.doc, t)]
        if inside:
            return min(inside, key=lambda t: abs(t.start - trigger.idx))
    return None


_SINCE = re.compile(r"(?i)\b(?:ever\s+)?since\s*$")


def _since(body: str, time: TimeExpression) -> bool:
    """ "a registered Republican since 2003": the start of a state that still holds, not the date of
    the act told beside it (trial 8: "Trump accused Holt ..., though ... since 2003" was dated 2003)."""
    return time.text.lower().startswith("since") or bool(
        _SINCE.search(body[max(0, time.start - 12) : time.start])
    )


def _in_relative_clause(doc: Doc, time: TimeExpression, head: Token) -> bool:
    """Whether ``time`` sits in a relative clause between it and the event's verb ("talks it
    abandoned in 2009", "Rendell, who served during the 2000 election, agreed"): it dates that
    clause's act, not the event."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(len(doc)):
        if node.i == head.i or node.head.i == node.i:
            return False
        if node.dep_ in ("relcl", "acl") and node.pos_ in ("VERB", "AUX"):
            return head.i in {a.i for a in node.ancestors}
        node = node.head
    return False


def _planned(doc: Doc, time: TimeExpression) -> bool:
    """Whether ``time`` dates a clause about what is still to come."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    return span is not None and is_future(span)


_CAPITALISED = re.compile(r"\b[A-Z][\w'-]{2,}")


def _name_tokens(names: Iterable[str]) -> set[str]:
    return {w.lower() for name in names for w in name.split() if len(w) > 2 and w[0].isupper()}


def _narrow(
    when: TimeExpression | None,
    names: set[str],
    times: Sequence[TimeExpression],
    args: Arguments,
    context: Sequence[tuple[str, str]] = (),
) -> str | None:
    """A period ("earlier this week") narrowed to the one day the report gives elsewhere for the same
    participants (a caption "... in Moscow, January 29"): at least two of the event's names must
    appear in that day's sentence, and it must be the only such day inside the period. ``context``
    holds (text, day) pairs from outside the body, such as dated photo captions."""
    if when is None or when.value is None or "/" not in when.value:
        return when.value if when else None
    first, last = when.value.split("/")
    days = set()
    for t in times:
        if not t.value or "/" in t.value or not first <= t.value <= last or t is when:
            continue
        span = args.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        lo, hi = _sentence_bounds(span[0])
        if when.start >= lo and when.end <= hi:
            continue  # the event's own sentence: its nearest time was already chosen
        there = args.doc.char_span(lo, hi, alignment_mode="expand")
        named = _name_tokens(
            {n for tok in (there if there is not None else ()) if (n := args.entity_name(tok))}
        )
        if sum(1 for name in names if _name_tokens([name]) & named) >= 2:
            days.add(t.value)
    for text, day in context:
        named = {w.lower() for w in _CAPITALISED.findall(text)}
        if first <= day <= last and sum(1 for name in names if _name_tokens([name]) & named) >= 2:
            days.add(day)
    return days.pop() if len(days) == 1 else when.value


def _rank(token: Token) -> tuple[int, int, int]:
    """Order for "the main event of a sentence": nearest the root, verbs before nouns, leftmost."""
    depth = sum(1 for _ in token.ancestors)
    return (depth, 0 if token.pos_ in ("VERB", "AUX") else 1, token.i)


def _sentence_events(
    sent: Span,
    args: Arguments,
    times: Sequence[TimeExpression],
    *,
    bare: bool = False,
    context: Sequence[tuple[str, str]] = (),
) -> list[Ranked]:
    """Events of one sentence with their rank; ``bare`` keeps event nouns that name no participant."""
    kinds = {t.i: k for t in sent if (k := _trigger_kind(t))}
    found: list[Ranked] = []
    for i, kind in sorted(kinds.items()):
        token = sent.doc[i]
        if _not_an_act(token, kinds) or _carries_event_noun(token, kinds):
            continue  # "signed an agreement": the noun's event, told once
        light = args.light_verb(token)
        if light is not None:
            kind = plover.VERB_OBJECT.get((light.lemma_.lower(), token.lemma_.lower()), kind)
        kind = _military(_mood(kind, light or token), token)
        if _is_negated(light or token):
            if kind not in plover.NEGATED_TO_REJECT:
                continue
            kind = "REJECT"
        if kind in plover.NOT_BY_NATURE and args.natural_subject(token, light):
            continue  # "an earthquake struck the city, killing 14": no party acted
        actors, targets, where = args.roles(token, kind, light)
        if token.pos_ not in ("VERB", "AUX") and not (actors or targets or bare):
            continue
        if kind == "CONSULT" and token.lemma_.lower() in _WEAK_CONSULT and not targets and len(actors) < 2:
            continue
        clause = _clause_span(light or token)
        span = clause if light is not None else _noun_phrase_span(token, clause)
        value = _narrow(
            _when(clause, token, times),
            {*actors, *targets, *([where] if where else [])},
            times,
            args,
            context,
        )
        event = Event(
            kind=kind,
            actors=tuple(actors),
            targets=tuple(targets),
            where=where,
            when=value,
            start=span[0],
            end=span[1],
            trigger=f"{light.text} {token.text}" if light is not None else token.text,
        )
        found.append((_rank(light or token), event))
    return found


def extract_events(
    doc: Doc,
    entities: Iterable[Entity],
    times: Sequence[TimeExpression],
    *,
    context: Sequence[tuple[str, str]] = (),
    quotes: Sequence[Quote] = (),
    published: str | None = None,
) -> list[Event]:
    """Every event of ``doc``, in text order (within a sentence, the main event first).

    ``context``: (text, day) pairs from outside the body (dated captions) that may pin down a period.
    ``quotes``: the report's quotes; their speakers stand for "I"/"we" in them, and a named
    speaker's warning or accusation is an event of its own (``speech_events.py``).
    ``published``: the report's date; events a generation before it are background (``not_history``).
    """
    args = Arguments(doc, list(entities), first_person_voices(doc, quotes))
    spoken = speech_events(doc, quotes, args, times)
    events: list[Event] = []
    for sent in doc.sents:
        ranked = _sentence_events(sent, args, times, context=context)
        events.extend(event for _, event in sorted(ranked, key=lambda pair: pair[0]))
        events = _with_speech(events, [e for e in spoken if sent.start_char <= e.start < sent.end_char])
    return told_once(not_history(events, times, published))


def _with_speech(events: list[Event], spoken: Sequence[Event]) -> list[Event]:
    """``events`` with the sentence's spoken events added. A spoken event the lexicon coded already
    (same kind and speaker, overlapping, naming its targets: "warned that if ...") is not added
    again; one the lexicon coded less fully ("we will strike back", no target) gives way to it."""
    for new in spoken:
        same = [
            e
            for e in events
            if e.kind == new.kind and e.actors == new.actors and e.end > new.start and e.start < new.end
        ]
        if any(set(new.targets) <= set(e.targets) for e in same):
            continue
        events = [e for e in events if e not in same]
        events.append(new)
    return events


def main_event(doc: Doc, entities: Iterable[Entity], times: Sequence[TimeExpression] = ()) -> Event | None:
    """The single most central event of ``doc`` (used to code a one-sentence text)."""
    args = Arguments(doc, list(entities))
    ranked = [pair for sent in doc.sents for pair in _sentence_events(sent, args, times)]
    if not ranked:
        ranked = [pair for sent in doc.sents for pair in _sentence_events(sent, args, times, bare=True)]
    return min(ranked, key=lambda pair: pair[0])[1] if ranked else None
