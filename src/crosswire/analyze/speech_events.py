"""Events that are speech: a named speaker's words that warn or accuse are a THREATEN or ACCUSE event.

The trigger lexicon (``plover.py``) finds "warned" and "accused", but officials mostly threaten
and accuse in their own words after a neutral cue: "..., saying that Iran was attempting 'to tie
a noose around Israel'", "..., saying, 'If Hezbollah continues ..., it will bring disaster'".
Those are read off the content of the analysis' quotes (``quotes.py``), which already carry their
speaker, so the speaker is the actor:

* a *conditional warning* -- an ``if`` clause whose main clause is modal (will, would, could ...)
  and names a harm (disaster, a price, war, or a hostile act such as striking) -- is THREATEN
  against the named subjects of the condition (those whose conduct is warned about), or, when the
  condition names none, against a named party that "will pay / suffer / regret";
* an *ascribed hostile act or intent* -- a named subject other than the speaker who is "trying /
  attempting / plotting / continuing to" do something hostile, or "building / developing /
  smuggling" weapons -- is ACCUSE against that subject.

Both need a named entity target and a hostile word, and skip negated, questioned and conditional
ascriptions, so a neutral quote ("Iran is trying to improve ties") yields nothing. The date is the
one the attribution's sentence gives outside the quoted words (the day it was said), not one inside
them (the day of the threatened act).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from crosswire.analyze import plover
from crosswire.analyze.event_args import Arguments
from crosswire.model import Event, Quote, TimeExpression

FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_MODAL = frozenset({"will", "would", "shall", "'ll", "could", "may", "might", "must"})
# Harms a warning names: "it will bring disaster", "they will pay a heavy price".
_HARM = frozenset(
    "disaster catastrophe calamity price consequence destruction devastation ruin war retaliation "
    "punishment regret suffer doom bloodshed retaliate punish destroy crush annihilate strike hit".split()
)
# Verbs whose subject bears the harm: "Iran will pay a price", "they will regret it".
_BEARERS = frozenset({"pay", "suffer", "regret", "face", "bear"})
# Verbs of pursuit: "X was attempting / plotting / continues to <act>".
_PURSUIT = frozenset("attempt try plot seek scheme conspire plan aim intend strive work continue".split())
# Acts against a harm, not harmful: "trying to prevent terrorist attacks".
_OPPOSING = frozenset("counter combat prevent stop fight defeat thwart deter curb resist avert end".split())
# Verbs of building up: "X is building missile factories", "smuggling weapons".
_ARMING = frozenset("build develop smuggle produce manufacture stockpile acquire amass arm".split())
# Words that make pursued or built things hostile.
_HOSTILE_WORDS = frozenset(
    "noose weapon missile rocket bomb nuclear terror terrorism terrorist militia explosive attack war "
    "aggression destroy destruction annihilate annihilation destabilize destabilise undermine sabotage "
    "strangle encircle threaten kill eliminate wipe drone warhead invade occupy assassinate".split()
)


def first_person_voices(doc: Doc, quotes: Iterable[Quote]) -> dict[int, str]:
    """Token index -> speaker, for each "I"/"we" inside a direct quote whose speaker is named:
    in "'We just finished talks with Putin,' said Netanyahu" the one who met Putin is the speaker."""
    voices: dict[int, str] = {}
    for quote in quotes:
        if quote.kind != "direct" or not _named(quote):
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        for token in span if span is not None else ():
            if token.lower_ in FIRST_PERSON and token.pos_ == "PRON":
                voices.setdefault(token.i, str(quote.speaker))
    return voices


def _named(quote: Quote) -> bool:
    return quote.speaker is not None and quote.speaker_entity is not None and not quote.anonymous


def speech_events(
    doc: Doc, quotes: Sequence[Quote], args: Arguments, times: Sequence[TimeExpression]
) -> list[Event]:
    """THREATEN and ACCUSE events spoken in the named speakers' quotes of ``doc``, in text order."""
    found: list[Event] = []
    for quote in quotes:
        if not _named(quote) or quote.attribution != "speech":
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            continue
        speaker = str(quote.speaker)
        for kind, targets, trigger in _readings(span, args, speaker):
            lo, hi = _attribution_bounds(doc, quote)
            found.append(
                Event(
                    kind=kind,
                    actors=(speaker,),
                    targets=tuple(targets),
                    where=None,
                    when=_said_on(times, quote, lo, hi),
                    start=lo,
                    end=hi,
                    trigger=trigger.text,
                )
            )
    return sorted(found, key=lambda e: e.start)


def _readings(span: Span, args: Arguments, speaker: str) -> list[tuple[str, list[str], Token]]:
    """(kind, targets, trigger) for each warning or accusation in the quoted ``span``."""
    out: list[tuple[str, list[str], Token]] = []
    inside = {t.i for t in span}
    for token in span:
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "if" for c in token.children):
            main = token.head
            if main.i in inside and main.i != token.i:
                targets = _warned(token, main, args, speaker)
                if targets:
                    out.append(("THREATEN", targets, main))
        elif token.pos_ in ("VERB", "AUX"):
            targets = _accused(token, args, speaker)
            if targets:
                out.append(("ACCUSE", targets, token))
    return out


def _warned(condition: Token, main: Token, args: Arguments, speaker: str) -> list[str]:
    """Who a conditional warning is aimed at, if ``main`` is a modal clause naming a harm."""
    if _is_negated(main) or not _modal(main):
        return []
    cond_ids = {t.i for t in condition.subtree}
    consequence = [t for t in main.subtree if t.i not in cond_ids]
    if (
        not any(_harmful(t) for t in consequence)
        and plover.VERBS.get(main.lemma_.lower()) not in plover.HOSTILE
    ):
        return []
    targets = _named_subjects(condition, args, speaker)
    if not targets and main.lemma_.lower() in _BEARERS:
        targets = _named_subjects(main, args, speaker)
    return targets


def _accused(verb: Token, args: Arguments, speaker: str) -> list[str]:
    """The named subject a hostile act or intent is ascribed to by ``verb``, if any."""
    lemma = verb.lemma_.lower()
    if lemma not in _PURSUIT and lemma not in _ARMING:
        return []
    if _is_negated(verb) or _modal(verb) or _hypothetical(verb):
        return []
    acts = [verb]
    if lemma in _PURSUIT:
        if any(c.dep_ in ("dobj", "obj") for c in verb.children):
            return []  # "seeking a leader to counter threats": the leader would act, not the subject
        acts = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() not in _OPPOSING]
    words = [w for act in acts for w in _core(act)]
    if lemma in _PURSUIT:
        words += acts
    if not any(t.lemma_.lower() in _HOSTILE_WORDS for t in words):
        return []
    return _named_subjects(verb, args, speaker, inherit=False)


def _core(act: Token) -> list[Token]:
    """The direct objects of ``act`` with their compounds and modifiers ("a noose", "missile
    factories"), not words further down ("a leader to counter terrorist threats" is no threat)."""
    objects = [c for c in act.children if c.dep_ in ("dobj", "obj")]
    return [
        t for o in objects for t in (o, *o.children) if t.i == o.i or t.dep_ in ("compound", "amod", "nmod")
    ]


def _named_subjects(verb: Token, args: Arguments, speaker: str, *, inherit: bool = True) -> list[str]:
    """Named entities standing as subject of ``verb`` (with conjuncts), never the speaker; with
    ``inherit``, a subject-less verb takes its governing verb's ("continue to build")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and inherit and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    names = [n for s in subjects for n in args.names(s, strong=True)]
    return [n for n in dict.fromkeys(names) if n != speaker]


def _harmful(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in _HARM or plover.VERBS.get(lemma) in plover.HOSTILE


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _MODAL for c in verb.children)


def _is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _hypothetical(verb: Token) -> bool:
    """Inside a condition or a question: "if Iran tries to ...", "whether Iran is trying to ..."."""
    for node in (verb, *verb.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in node.children):
            return True
    return verb.sent.text.rstrip(" \"'”’").endswith("?")


def _attribution_bounds(doc: Doc, quote: Quote) -> tuple[int, int]:
    """Characters of the sentence(s) holding the quote and its attribution, within the paragraph."""
    text = doc.text
    first = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    assert first is not None  # checked by the caller
    lo, hi = first[0].sent.start_char, first[-1].sent.end_char
    before = text.rfind("\n\n", lo, quote.start)
    after = text.find("\n\n", quote.end, hi)
    return (before + 2 if before != -1 else lo), (after if after != -1 else hi)


def _said_on(times: Sequence[TimeExpression], quote: Quote, lo: int, hi: int) -> str | None:
    """The resolved day the sentence gives outside the quoted words, nearest the quote."""
    outside = [
        t
        for t in times
        if t.value and t.start >= lo and t.end <= hi and (t.end <= quote.start or t.start >= quote.end)
    ]
    if not outside:
        return None
    return min(outside, key=lambda t: min(abs(t.end - quote.start), abs(t.start - quote.end))).value
