"""Who said what in one report: direct quotes, reported speech, their speakers and relay chains.

Layers, after the GenderGapTracker design (see TECHNIQUES.md):

1. *syntactic* (``reported.py``): a verb frame learnt from PolNeAR train (``cues.FRAMES``: "argued that",
   "called for", "accused X of Y", "endorsed X") gives the content, its subject the source, and
   the verb whether it is speech, belief or stance (``Quote.attribution``); other reporting verbs'
   ``ccomp`` likewise; "according to X, <clause>" likewise; "<clause>, X said" when the parser
   hangs the verb off the clause instead of the other way round; "Name: <content>" paragraphs
   (headlines, transcripts; ``labels.py``); a belief, stance or finding nested in another
   attribution's content is left to that outer attribution;
2. *quotation marks*: each quoted stretch takes the speaker of the attribution whose content holds
   it, else of a reporting verb joined to it in the parse or written right beside it, else of
   the lead-in that a colon sets it off from ("Smith added:");
3. *floating*: a quote with no cue of its own, right after an attributed one, inherits its speaker;
4. *relays*: an attribution inside another one's content ("the report added that sources said
   that ...") was passed on by the outer speakers, nearest first, and then by the outlet.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from crosswire.analyze.attribution import resolve_speakers
from crosswire.analyze.clauses import marks_at, paragraph
from crosswire.analyze.cues import RELAY_LEMMAS, SPEECH, TOPIC, is_cue, quote_spans
from crosswire.analyze.labels import label_at, labelled, signed
from crosswire.analyze.media import same_medium, told_medium
from crosswire.analyze.not_said import is_contact, is_heading, is_title, unique
from crosswire.analyze.reported import Attr, fold_relayers, syntactic
from crosswire.analyze.speakers import MentionIndex, subject_of
from crosswire.model import Entity, Quote

SCARE = "scare"  # Quote.attribution of quoted words no one is said to have said
_NEAR = 6  # tokens between a quote's mark and a reporting verb written beside it


def extract_quotes(doc: Doc, entities: Sequence[Entity], *, outlet: str | None = None) -> list[Quote]:
    """Quotes of one parsed report, in text order, with speakers resolved against ``entities``."""
    text = doc.text
    index = MentionIndex(entities)
    around = marks_at(text, 0, len(text))
    found = [a for a in syntactic(doc, text, around) if not _in_bio(text, a.cue.idx)]
    attrs, relayers = fold_relayers(text, found, around)
    attrs += [
        Attr(cue=x.colon, start=x.start, end=x.end, kind="indirect", who=x.who)
        for x in labelled(doc)
        if not is_heading(x.who, index) and not _in_bio(text, x.colon.idx)
    ]
    marks = [(o, c) for o, c in quote_spans(text) if text[o + 1 : c].strip()]
    owner: dict[tuple[int, int], Attr] = {}
    by_paragraph = _byparagraph(text, attrs)
    for o, c in marks:
        inside = by_paragraph.get(paragraph(text, o + 1)[0], [])
        found = _containing(inside, o, c)
        if found is None:
            found = _beside(doc, text, o, c) or _lead_in(doc, text, o, c) or _signed(doc, text, o, c)
            if found is not None:
                attrs.append(found)
        if found is not None:
            owner[(o, c)] = found
    resolve_speakers(doc, attrs + relayers, index, around)
    opens = [o for o, _ in marks]
    said = [a for a in attrs if a.kind == "direct" or not (a.writer or _is_just_a_quote(a, marks, opens))]
    said = _drop_embedded(text, said)

    quotes: list[tuple[int, int, str, Attr | None]] = []
    for a in said:
        if a.kind == "indirect":
            quotes.append((a.start, a.end, "indirect", a))
    for o, c in marks:
        s, e = _inside(text, o, c)
        quotes.append((s, e, "direct", owner.get((o, c))))
    quotes.sort(key=lambda q: (q[0], q[1]))
    quotes = _float(doc, quotes)

    near = _byparagraph(text, attrs)
    out: list[Quote] = []
    for s, e, kind, a in quotes:
        title = kind == "direct" and is_title(doc, s, e)  # "On ABC's “Good Morning America”, he said"
        sp = a.speaker if a is not None and not title else None
        if sp is None and kind == "indirect" and a.cue.pos_ not in {"VERB", "AUX"}:
            continue  # a noun or label cue with no one behind it attributes nothing
        # Scare quotes, titles, chants and signs: kept (annotators count them as quoted words) but
        # marked, so who-said-what views can hide them; no one is said to have said them.
        scare = title or sp is None and kind == "direct" and len(text[s:e].split()) < 4
        out.append(
            Quote(
                text=text[s:e],
                start=s,
                end=e,
                kind=kind,  # type: ignore[arg-type]
                speaker=sp.name if sp else None,
                speaker_entity=sp.entity if sp else None,
                anonymous=sp.anonymous if sp else False,
                relayed_via=_relays(a, near, text, outlet, index) if a is not None else (),
                cue=a.cue.text if a is not None and not scare else None,
                attribution=_attribution(a, scare),
            )
        )
    return unique(_mark_partial(out))


def _attribution(a: Attr | None, scare: bool) -> str:
    """What the quote is: scare quotes no one said, a topic spoken of (``Attr.topic``: "did not
    mention Trump by name" lists no words of hers), else its cue's speech, belief or stance."""
    if scare:
        return SCARE
    if a is None:
        return SPEECH
    return TOPIC if a.topic and a.attribution == SPEECH else a.attribution


def _in_bio(text: str, at: int) -> bool:
    """Whether offset ``at`` lies in an author's bio or contact paragraph (``not_said.is_contact``)."""
    lo, hi = paragraph(text, at)
    return is_contact(text[lo:hi])


def _mark_partial(quotes: list[Quote]) -> list[Quote]:
    """Reported speech that carries the speaker's own words inside it ("Netanyahu said the Russians
    “fully understand our position”") is a partial quote: the quoted words stay a direct quote of
    their own (a variant of the same words elsewhere is found through it), and views that list
    what was said show the partial once rather than both."""
    direct = sorted((d.start, d.end, d.speaker) for d in quotes if d.kind == "direct")
    starts = [start for start, _, _ in direct]
    out = []
    for q in quotes:
        if (
            q.kind == "indirect"
            and any(  # only the direct quotes starting inside ``q`` (bisect)
                end <= q.end and speaker == q.speaker
                for _, end, speaker in direct[bisect_left(starts, q.start) : bisect_right(starts, q.end)]
            )
        ):
            q = dataclasses.replace(q, kind="partial")
        out.append(q)
    return out


def _containing(attrs: list[Attr], o: int, c: int) -> Attr | None:
    """The innermost attribution whose content holds the quote (with its marks)."""
    inside = [a for a in attrs if a.start <= o + 1 and c <= a.end + 1 and not (o <= a.cue.idx <= c)]
    return min(inside, key=lambda a: a.end - a.start) if inside else None


def _beside(doc: Doc, text: str, o: int, c: int) -> Attr | None:
    """A reporting verb joined to the quote in the parse, or written within a few tokens of it."""
    span = doc.char_span(o, c + 1, alignment_mode="expand")
    if span is None:
        return None
    inside = set(range(span.start, span.end))
    best: tuple[int, Token] | None = None
    for t in span:
        for cand in (t.head, *t.children):
            if cand.i in inside or not is_cue(cand) or not _same_paragraph(text, cand.idx, o, c):
                continue
            dist = min(abs(cand.i - span.start), abs(cand.i - span.end))
            if best is None or dist < best[0]:
                best = (dist, cand)
    if best is None:
        lo, hi = max(0, span.start - _NEAR), min(len(doc), span.end + _NEAR)
        for t in [*doc[lo : span.start], *doc[span.end : hi]]:
            if is_cue(t) and _same_paragraph(text, t.idx, o, c) and subject_of(t) is not None:
                dist = min(abs(t.i - span.start), abs(t.i - span.end))
                if best is None or dist < best[0]:
                    best = (dist, t)
    if best is None:
        return None
    s, e = _inside(text, o, c)
    return Attr(cue=best[1], start=s, end=e, kind="direct")


def _lead_in(doc: Doc, text: str, o: int, c: int) -> Attr | None:
    """A quote set off by a colon ("Smith added:" / "Continued Smith:" / "SMITH:") is the lead-in's.

    The lead-in may close the paragraph before the quote; its verb need not be a reporting verb
    ("echoed", "ended the letter with"), but must have a subject, else the lead-in must be a label.
    """
    k = len(text[:o].rstrip()) - 1
    if k < 0 or text[k] != ":":
        return None
    colon = doc.char_span(k, k + 1, alignment_mode="expand")
    if colon is None:
        return None
    lo = paragraph(text, k)[0]
    s, e = _inside(text, o, c)
    for t in reversed(doc[colon.sent.start : colon.start]):
        if t.idx < lo:
            break
        if t.pos_ in {"VERB", "AUX"} and not t.is_space and subject_of(t) is not None:
            return Attr(cue=t, start=s, end=e, kind="direct")
    label = label_at(doc, lo)
    if label is not None and label.end == colon.start:
        return Attr(cue=colon[0], start=s, end=e, kind="direct", who=label)
    return None


def _signed(doc: Doc, text: str, o: int, c: int) -> Attr | None:
    """A quote signed after a dash ("“…” ― Carla Sanchez") is the signer's (``labels.signed``)."""
    found = signed(doc, c)
    if found is None:
        return None
    s, e = _inside(text, o, c)
    return Attr(cue=found[0], start=s, end=e, kind="direct", who=found[1])


def _same_paragraph(text: str, at: int, o: int, c: int) -> bool:
    """A verb in the next paragraph introduces its own words, not the quote that ends this one."""
    lo, hi = (at, o) if at < o else (c, at)
    return "\n\n" not in text[lo:hi]


def _inside(text: str, o: int, c: int) -> tuple[int, int]:
    """The words between the marks; punctuation inside them is the speaker's and stays."""
    s, e = o + 1, c
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _is_just_a_quote(a: Attr, marks: list[tuple[int, int]], opens: list[int]) -> bool:
    """Reported speech that is nothing but one quoted stretch duplicates that direct quote.

    ``marks`` are in text order and do not overlap, so only those opening before the speech ends
    and closing after it starts are looked at (a bisect, not a scan of the report).
    """
    size = max(1, a.end - a.start)
    k = bisect_left(opens, a.end) - 1
    while k >= 0 and marks[k][1] > a.start:
        o, c = marks[k]
        if (min(a.end, c) - max(a.start, o)) / size >= 0.9:
            return True
        k -= 1
    return False


def _drop_embedded(text: str, attrs: list[Attr]) -> list[Attr]:
    """Reported speech keeps what it holds except a non-"say" attribution inside its content.

    "Fields said she filed the complaint to show that she had not lied": PolNeAR annotates the
    outer attribution, and on train a belief, stance or finding nested in another's content is an
    annotated attribution about one time in five, while a nested "said"/"told"/"according to" (a
    relay: "the report added that sources said ...") is one time in three and stays.
    """
    drop: set[int] = set()
    for group in _byparagraph(text, [a for a in attrs if a.kind == "indirect"]).values():
        for a in group:
            if a.cue.lemma_.lower() in RELAY_LEMMAS:
                continue
            size = a.end - a.start
            if any(
                b is not a and b.start <= a.start and a.end <= b.end and b.end - b.start > size for b in group
            ):
                drop.add(id(a))
    return [a for a in attrs if id(a) not in drop]


def _float(
    doc: Doc, quotes: list[tuple[int, int, str, Attr | None]]
) -> list[tuple[int, int, str, Attr | None]]:
    """A quote with no cue right after an attributed one (nothing but marks between) inherits it."""
    text = doc.text
    sent_ends = [sent.end_char for sent in doc.sents]
    out: list[tuple[int, int, str, Attr | None]] = []
    prev: tuple[int, Attr] | None = None  # end of the sentence holding the last attribution
    for s, e, kind, a in quotes:
        if a is None and kind == "direct" and prev is not None:
            gap = text[prev[0] : s]
            if not any(ch.isalpha() for ch in gap):
                a = prev[1]
        if a is not None and a.speaker is not None:
            end = max(e, a.cue.idx + len(a.cue.text))
            k = bisect_right(sent_ends, end - 1)  # the sentence holding the end
            prev = (max(end, sent_ends[k]) if k < len(sent_ends) else end, a)
        out.append((s, e, kind, a))
    return out


def _byparagraph(text: str, attrs: list[Attr]) -> dict[int, list[Attr]]:
    """Reported speech stays in its cue's paragraph, so nesting need only be sought there."""
    out: dict[int, list[Attr]] = {}
    for b in attrs:
        if b.kind == "indirect":
            out.setdefault(paragraph(text, b.cue.idx)[0], []).append(b)
    return out


def _relays(
    a: Attr, near: dict[int, list[Attr]], text: str, outlet: str | None, index: MentionIndex
) -> tuple[str, ...]:
    """The medium told ("told Reuters"), then whoever an "according to" names as passing the words on,
    then the speakers of the attributions this one sits inside, innermost first, then the outlet;
    empty when the outlet heard the words itself."""
    at = a.cue.idx
    same = near.get(paragraph(text, at)[0], [])
    outer = [b for b in same if b is not a and b.start <= at < b.end]
    outer.sort(key=lambda b: b.end - b.start)
    chain: list[str] = []
    own = a.speaker.name if a.speaker else None
    medium = told_medium(a.cue, index)
    if medium and own and not (outlet and same_medium(medium, outlet)):
        chain.append(medium)
    for v in a.via:  # "X said: “…”, according to a spokesman": the spokesman passed X's words on
        if v.speaker is not None and v.speaker.name != own and v.speaker.name not in chain:
            chain.append(v.speaker.name)
    for b in outer:
        name = b.speaker.name if b.speaker else None
        if name and name != own and name not in chain:
            chain.append(name)
    if chain and outlet and not any(same_medium(outlet, c) for c in chain):
        chain.append(outlet)
    return tuple(chain)
