"""Who said what in one report: direct quotes, reported speech, their speakers and relay chains.

Layers, after the GenderGapTracker design (see TECHNIQUES.md):

1. *syntactic*: a verb frame learnt from PolNeAR train (``cues.FRAMES``: "argued that",
   "called for", "accused X of Y", "endorsed X") gives the content, its subject the source, and
   the verb whether it is speech, belief or stance (``Quote.attribution``); other reporting verbs'
   ``ccomp`` likewise; "according to X, <clause>" likewise; "<clause>, X said" when the parser
   hangs the verb off the clause instead of the other way round; "Name: <content>" paragraphs
   (headlines, transcripts; ``labels.py``);
2. *quotation marks*: each quoted stretch takes the speaker of the attribution whose content holds
   it, else of a reporting verb joined to it in the parse or written right beside it;
3. *floating*: a quote with no cue of its own, right after an attributed one, inherits its speaker;
4. *relays*: an attribution inside another one's content ("the report added that sources said
   that ...") was passed on by the outer speakers, nearest first, and then by the outlet.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.clauses import balance, confine, cut, marks_at, paragraph
from crosswire.analyze.cues import (
    BELIEF_VERBS,
    FRAMES,
    SPEECH,
    attribution_of,
    is_cue,
    quote_spans,
    strip_span,
)
from crosswire.analyze.labels import label_at, labelled
from crosswire.analyze.speakers import MentionIndex, Speaker, resolve, subject_of
from crosswire.model import Entity, Quote

SCARE = "scare"  # Quote.attribution of quoted words no one is said to have said
_NEAR = 6  # tokens between a quote's mark and a reporting verb written beside it


@dataclass
class _Attr:
    """One attribution while the report is read: cue token, content offsets, resolved speaker."""

    cue: Token
    start: int
    end: int
    kind: str
    speaker: Speaker | None = None
    attribution: str = SPEECH
    who: Span | None = None  # the source when no verb's subject names it ("Name: ...")


def extract_quotes(doc: Doc, entities: Sequence[Entity], *, outlet: str | None = None) -> list[Quote]:
    """Quotes of one parsed report, in text order, with speakers resolved against ``entities``."""
    text = doc.text
    index = MentionIndex(entities)
    around = marks_at(text, 0, len(text))
    attrs = _syntactic(doc, text, around)
    attrs += [_Attr(cue=x.colon, start=x.start, end=x.end, kind="indirect", who=x.who) for x in labelled(doc)]
    marks = [(o, c) for o, c in quote_spans(text) if text[o + 1 : c].strip()]
    owner: dict[tuple[int, int], _Attr] = {}
    by_paragraph = _byparagraph(text, attrs)
    for o, c in marks:
        inside = by_paragraph.get(paragraph(text, o + 1)[0], [])
        found = _containing(inside, o, c)
        if found is None:
            found = _beside(doc, text, o, c) or _lead_in(doc, text, o, c)
            if found is not None:
                attrs.append(found)
        if found is not None:
            owner[(o, c)] = found
    _resolve_all(doc, attrs, index)
    opens = [o for o, _ in marks]
    said = [a for a in attrs if a.kind == "direct" or not _is_just_a_quote(a, marks, opens)]

    quotes: list[tuple[int, int, str, _Attr | None]] = []
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
        sp = a.speaker if a is not None else None
        if sp is None and kind == "indirect" and a.cue.pos_ not in {"VERB", "AUX"}:
            continue  # a noun or label cue with no one behind it attributes nothing
        # Scare quotes, titles, chants and signs: kept (annotators count them as quoted words) but
        # marked, so who-said-what views can hide them; no one is said to have said them.
        scare = sp is None and kind == "direct" and len(text[s:e].split()) < 4
        out.append(
            Quote(
                text=text[s:e],
                start=s,
                end=e,
                kind=kind,  # type: ignore[arg-type]
                speaker=sp.name if sp else None,
                speaker_entity=sp.entity if sp else None,
                anonymous=sp.anonymous if sp else False,
                relayed_via=_relays(a, near, text, outlet) if a is not None else (),
                cue=a.cue.text if a is not None and not scare else None,
                attribution=SCARE if scare else a.attribution if a is not None else SPEECH,
            )
        )
    return out


def _syntactic(doc: Doc, text: str, around: Callable[[int], tuple[int, int] | None]) -> list[_Attr]:
    out: list[_Attr] = []

    def quoted(offset: int) -> bool:
        return around(offset) is not None

    for tok in doc:
        framed = False
        if tok.pos_ in {"VERB", "AUX"} and not quoted(tok.idx):
            # A verb frame learnt from annotated news: "called for X", "accused X of Y", "argued that".
            for dep, toks in _frame_contents(tok, quoted):
                attr = _make(doc, text, tok, toks, attribution_of(tok.lemma_.lower(), dep))
                if attr is not None:
                    out.append(attr)
                    framed = True
        if framed or not is_cue(tok) or quoted(tok.idx) and tok.lemma_.lower() in BELIEF_VERBS:
            continue  # "I think ..." inside a quote is the speaker's aside, not a new attribution
        if tok.lower_ == "according":
            clause = tok.head
            who = subject_of(tok)
            if clause.i == tok.i or who is None:
                continue
            stop = max(tok.right_edge.i, who.end - 1) + 1
            skip = set(range(tok.left_edge.i, stop))
            toks = [t.i for t in clause.subtree if t.i not in skip]
        else:
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            if comps:
                toks = [t.i for c in comps for t in cut(list(c.subtree), quoted)]
            elif tok.dep_ in {"parataxis", "ccomp"} and tok.head.i < tok.i and not is_cue(tok.head):
                # "<clause>, the source added" / "<clause>, he says, <clause>": the verb hangs off the clause.
                skip = set(range(tok.left_edge.i, tok.right_edge.i + 1))
                sent = tok.sent
                toks = [
                    t.i
                    for t in cut(list(tok.head.subtree), quoted)
                    if t.i not in skip and sent.start <= t.i < sent.end
                ]
            else:
                continue
        toks = confine(tok, toks, around)
        attr = _make(doc, text, tok, toks, attribution_of(tok.lemma_.lower()))
        if attr is not None:
            out.append(attr)
    return out


def _frame_contents(tok: Token, quoted: Callable[[int], bool]) -> list[tuple[str, list[int]]]:
    """Content token indices for each complement of ``tok`` that one of its frames names."""
    frame = FRAMES.get(tok.lemma_.lower())
    if not frame:
        return []
    out: list[tuple[str, list[int]]] = []
    for child in tok.children:
        if child.i < tok.i:
            continue
        dep = f"prep:{child.lower_}" if child.dep_ == "prep" else child.dep_
        if dep not in frame:
            continue
        head = child
        if child.dep_ == "prep":
            head = next((g for g in child.children if g.dep_ in {"pobj", "pcomp"}), None)
            if head is None:
                continue
        core = cut(list(head.subtree), quoted)
        if frame[dep]:  # the verb's complements from this one on ("him a liar", "Rubio of lying")
            last = max([c.right_edge.i for c in tok.children if c.i >= child.i and _complement(c)] or [0])
            core = cut([t for t in tok.subtree if core[0].i <= t.i <= max(last, core[-1].i)], quoted)
        out.append((dep, [t.i for t in core]))
        break  # one content per cue, as annotated
    return out


def _complement(tok: Token) -> bool:
    """Part of what was said or held, not when, where or how ("on Sunday", "in a tweet")."""
    if tok.dep_ == "prep":
        return not any(c.ent_type_ in {"DATE", "TIME"} for c in tok.children)
    return tok.dep_ not in {"npadvmod", "advmod", "advcl", "punct", "cc", "conj", "parataxis"}


def _make(doc: Doc, text: str, tok: Token, toks: list[int], attribution: str) -> _Attr | None:
    """An attribution over ``toks`` kept to the cue's paragraph, trimmed of "that" and stray marks."""
    lo, hi = paragraph(text, tok.idx)
    toks = [i for i in toks if lo <= doc[i].idx < hi and not doc[i].is_space]
    if not toks:
        return None
    first, last = doc[min(toks)], doc[max(toks)]
    start, end = strip_span(text, first.idx, last.idx + len(last.text))
    if first.lower_ in {"that"} and first.dep_ == "mark":
        start, end = strip_span(text, first.idx + len(first.text), end)
    start, end = balance(text, start, end)
    if len(text[start:end].split()) < 2 and attribution == SPEECH:
        return None
    if start >= end:
        return None
    return _Attr(cue=tok, start=start, end=end, kind="indirect", attribution=attribution)


def _containing(attrs: list[_Attr], o: int, c: int) -> _Attr | None:
    """The innermost attribution whose content holds the quote (with its marks)."""
    inside = [a for a in attrs if a.start <= o + 1 and c <= a.end + 1 and not (o <= a.cue.idx <= c)]
    return min(inside, key=lambda a: a.end - a.start) if inside else None


def _beside(doc: Doc, text: str, o: int, c: int) -> _Attr | None:
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
    return _Attr(cue=best[1], start=s, end=e, kind="direct")


def _lead_in(doc: Doc, text: str, o: int, c: int) -> _Attr | None:
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
            return _Attr(cue=t, start=s, end=e, kind="direct")
    label = label_at(doc, lo)
    if label is not None and label.end == colon.start:
        return _Attr(cue=colon[0], start=s, end=e, kind="direct", who=label)
    return None


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


def _is_just_a_quote(a: _Attr, marks: list[tuple[int, int]], opens: list[int]) -> bool:
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


def _resolve_all(doc: Doc, attrs: list[_Attr], index: MentionIndex) -> None:
    history: list[tuple[Speaker, int]] = []
    by_cue: dict[int, Speaker | None] = {}
    for a in sorted(attrs, key=lambda a: a.cue.i):
        if a.cue.i in by_cue:
            a.speaker = by_cue[a.cue.i]
            continue
        subject = a.who if a.who is not None else subject_of(a.cue) or _sentence_subject(a.cue)
        if subject is None:
            subject = _nearest_person(doc, a.cue, index)
        a.speaker = resolve(subject, index, history) if subject is not None else None
        by_cue[a.cue.i] = a.speaker
        if a.speaker is not None:
            history.append((a.speaker, a.cue.idx))


def _nearest_person(doc: Doc, cue: Token, index: MentionIndex) -> Span | None:
    """When the parse gives the cue no subject, the last person named before it in its sentence."""
    people = [(s, e) for s, e, ent in index.at(cue.sent.start_char, cue.idx) if ent.kind == "PERSON"]
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


def _float(
    doc: Doc, quotes: list[tuple[int, int, str, _Attr | None]]
) -> list[tuple[int, int, str, _Attr | None]]:
    """A quote with no cue right after an attributed one (nothing but marks between) inherits it."""
    text = doc.text
    sent_ends = [sent.end_char for sent in doc.sents]
    out: list[tuple[int, int, str, _Attr | None]] = []
    prev: tuple[int, _Attr] | None = None  # end of the sentence holding the last attribution
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


def _byparagraph(text: str, attrs: list[_Attr]) -> dict[int, list[_Attr]]:
    """Reported speech stays in its cue's paragraph, so nesting need only be sought there."""
    out: dict[int, list[_Attr]] = {}
    for b in attrs:
        if b.kind == "indirect":
            out.setdefault(paragraph(text, b.cue.idx)[0], []).append(b)
    return out


def _relays(a: _Attr, near: dict[int, list[_Attr]], text: str, outlet: str | None) -> tuple[str, ...]:
    """Speakers of the attributions this one sits inside, innermost first, then the outlet."""
    at = a.cue.idx
    same = near.get(paragraph(text, at)[0], [])
    outer = [b for b in same if b is not a and b.start <= at < b.end]
    outer.sort(key=lambda b: b.end - b.start)
    chain: list[str] = []
    own = a.speaker.name if a.speaker else None
    for b in outer:
        name = b.speaker.name if b.speaker else None
        if name and name != own and name not in chain:
            chain.append(name)
    if chain and outlet and outlet not in chain:
        chain.append(outlet)
    return tuple(chain)
