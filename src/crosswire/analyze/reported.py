"""The syntactic layer of quote extraction: reporting verbs, verb frames and "according to".

Each cue token outside quotation marks yields at most one attribution (``Attr``): a verb frame
learnt from PolNeAR train (``cues.FRAMES``) gives its complement as the content; other reporting
verbs their ``ccomp``; "according to X" the clause it modifies; "<clause>, X said" the clause the
verb hangs from. ``quotes`` then attaches quotation marks and resolves speakers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.clauses import (
    according_subject,
    balance,
    confine,
    cut,
    paragraph,
    put_question,
    question_at,
    without_questions,
)
from crosswire.analyze.cues import (
    ADJECTIVE_FRAMES,
    BELIEF_VERBS,
    FRAMES,
    NOUN_FRAMES,
    SPEECH,
    attribution_of,
    is_cue,
    strip_span,
)
from crosswire.analyze.speakers import Speaker, subject_of


@dataclass
class Attr:
    """One attribution while the report is read: cue token, content offsets, resolved speaker."""

    cue: Token
    start: int
    end: int
    kind: str
    speaker: Speaker | None = None
    attribution: str = SPEECH
    who: Span | None = None  # the source when no verb's subject names it ("Name: ...")
    writer: bool = False  # no one speaks through the cue: the writer's own words (``speakers.voiceless``)
    via: list[Attr] = field(default_factory=list)  # "according to" attributions that pass this one on
    topic: bool = False  # the content is a bare noun phrase the words were about (``proposition``)


def syntactic(doc: Doc, text: str, around: Callable[[int], tuple[int, int] | None]) -> list[Attr]:
    """Attributions of every cue in the report, in token order; ``around`` gives quote marks."""
    out: list[Attr] = []

    def quoted(offset: int) -> bool:
        return around(offset) is not None

    for tok in doc:
        framed = False
        # A verb whose clause is a direct quote ("“…,” Varga told reporters at the airport") reports
        # that quote; a prepositional phrase beside it is a circumstance, not a second content.
        reports_quote = any(c.dep_ == "ccomp" and quoted(c.idx) for c in tok.children)
        if put_question(tok) and not quoted(tok.idx):
            out.extend(_question(doc, text, tok))
            continue
        if (tok.pos_ in {"VERB", "AUX", "NOUN"} or tok.dep_ == "acomp") and not quoted(tok.idx):
            # A verb frame learnt from annotated news: "called for X", "accused X of Y", "argued that".
            for dep, toks in _frame_contents(tok, quoted):
                if reports_quote and dep.startswith("prep:"):
                    continue
                kind = attribution_of(tok.lemma_.lower(), dep)
                attr = make(doc, text, tok, toks, kind)
                if attr is not None:
                    # "did not mention Trump by name": PolNeAR annotates the object, but it names
                    # what the words were about, not words said
                    attr.topic = kind == SPEECH and not proposition(doc, tok, toks, quoted)
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
            fronted = according_subject(clause) if clause.i > tok.i else None
            if fronted is not None:
                # "According to polls, majorities of voters say ...": the parser hung the sayers
                # inside the "according to" phrase; they are the reported clause's subject
                stop = fronted.left_edge.i
            skip = set(range(tok.left_edge.i, stop))
            toks = [t.i for t in clause.subtree if t.i not in skip]
            # The content is one stretch: the clause before ", according to X" (what follows it,
            # "- despite ...", is the writer's), or after a leading "According to X,".
            toks = (
                [i for i in toks if i < tok.left_edge.i]
                if clause.i < tok.i
                else [i for i in toks if i >= stop]
            )
        else:
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            if comps:
                toks = [t.i for c in comps for t in cut(list(c.subtree), quoted)]
            elif _hangs_off(tok):
                # "<clause>, the source added" / "<clause>, he says, <clause>" / "Often, she said, he
                # would ...": the verb hangs off the clause it reports.
                skip = set(range(tok.left_edge.i, tok.right_edge.i + 1))
                sent = tok.sent
                toks = [
                    t.i
                    for t in cut(list(tok.head.subtree), quoted)
                    if t.i not in skip and sent.start <= t.i < sent.end
                ]
                if tok.head.i > tok.i:  # one stretch: the longer side of the interruption
                    after = [i for i in toks if i > tok.right_edge.i]
                    before = [i for i in toks if i < tok.left_edge.i]
                    toks = after if len(after) >= len(before) else before
            else:
                continue
        toks = confine(tok, toks, around)
        attr = make(doc, text, tok, toks, attribution_of(tok.lemma_.lower()))
        if attr is not None:
            out.append(attr)
    return out


def _question(doc: Doc, text: str, tok: Token) -> list[Attr]:
    """ "Asked if it was over, Smith said ...": the question put to Smith, as far as the main
    clause (``clauses.question_at``); its asker goes unnamed (PolNeAR: an attribution with no source)."""
    root = tok.sent.root
    region = question_at(tok, root if root.i > tok.i else None)
    first = tok.i + 1 + (doc[tok.i + 1].dep_ == "prep")  # "Asked about X": the question is about X
    toks = [i for i in region if i >= first and not (doc[i].is_punct and i == region[-1])]
    attr = make(doc, text, tok, toks, SPEECH)
    return [attr] if attr is not None else []


def fold_relayers(
    text: str, attrs: list[Attr], around: Callable[[int], tuple[int, int] | None]
) -> tuple[list[Attr], list[Attr]]:
    """``attrs`` less the "according to X" that pass on an attribution written before them, and those.

    "The chancellor said: “We are agreed,” according to a spokesman": the spokesman told the outlet
    what the chancellor said, so the words stay the chancellor's, relayed via the spokesman
    (``Attr.via``), and the chancellor's content stops before ", according to". Read on its own,
    "according to" would take the quoted clause it modifies and make the spokesman its speaker.
    Only a quoted clause is folded: "Clinton plans to visit Charlotte, according to an aide" is the
    aide's own report of a plan, and PolNeAR annotates it so.
    """
    by_cue = {a.cue.i: a for a in attrs if a.cue.lower_ != "according"}
    kept: list[Attr] = []
    folded: list[Attr] = []
    for a in attrs:
        quoted = a.cue.head.i != a.cue.i and around(a.cue.head.idx) is not None and around(a.cue.idx) is None
        outer = _passed_on(a, by_cue) if quoted else None
        if outer is None:
            kept.append(a)
            continue
        outer.via.append(a)
        folded.append(a)
        at = a.cue.doc[a.cue.left_edge.i].idx
        if outer.start < at <= outer.end:
            outer.start, outer.end = balance(text, *strip_span(text, outer.start, at))
    return kept, folded


def _passed_on(a: Attr, by_cue: dict[int, Attr]) -> Attr | None:
    """The attribution an "according to X" written after its cue modifies, through the clause it reports."""
    if a.cue.lower_ != "according" or a.cue.head.i == a.cue.i:
        return None
    for t in (a.cue.head, *a.cue.head.ancestors):
        outer = by_cue.get(t.i)
        if outer is not None:
            return outer if t.i < a.cue.i else None
    return None


_PREDICATES = {"oprd", "xcomp", "acomp", "ccomp", "attr"}
# Verbs whose object is itself a claim ("the poll showed a slimmer lead for Clinton", "predicted big
# wins"): a nominalised proposition, not a topic.
_CLAIMS = frozenset("show predict forecast estimate project find indicate suggest reveal claim".split())


def proposition(doc: Doc, cue: Token, toks: list[int], quoted: Callable[[int], bool]) -> bool:
    """Whether a frame's content says something: a clause with a verb, quoted words, or a
    predicate over the object ("called him a liar", "described it as reckless"); not a bare noun
    phrase the words were about ("did not mention Donald Trump by name", "confirmed the meeting on
    the condition of anonymity", "discussed the violence that has marred his rallies"), which names
    a topic, not what was said. A verb in a clause that only describes the noun (a relative
    clause, a participle) makes no proposition; "concern that he was encouraging violence" does."""
    inside = set(toks)
    if cue.lemma_.lower() in _CLAIMS or any(quoted(doc[i].idx) for i in toks):
        return True
    if any(
        c.dep_ in _PREDICATES or c.dep_ == "prep" and c.lower_ == "as" for c in cue.children if c.i in inside
    ):
        return True
    return any(doc[i].pos_ in {"VERB", "AUX"} and not _describes(doc[i], cue) for i in toks)


def _describes(verb: Token, cue: Token) -> bool:
    """A verb inside a clause that modifies a noun (relative clause, participle) on its way up to the cue."""
    for t in (verb, *verb.ancestors):
        if t.i == cue.i:
            return False
        if t.dep_ == "relcl":
            return True
        if t.dep_ == "acl" and not any(c.dep_ in {"mark", "aux"} for c in t.children):
            return True  # "emails held on a server"; not "concern that ...", "a plan to ..."
    return False


def _hangs_off(tok: Token) -> bool:
    """A reporting verb the parser attached to the clause it reports, after or inside that clause."""
    if is_cue(tok.head) or tok.head.i == tok.i:
        return False
    return tok.dep_ in {"parataxis", "ccomp"} and tok.head.i < tok.i or tok.dep_ == "parataxis"


def _frame_contents(tok: Token, quoted: Callable[[int], bool]) -> list[tuple[str, list[int]]]:
    """Content token indices for each complement of ``tok`` that one of its frames names."""
    table = ADJECTIVE_FRAMES if tok.pos_ == "ADJ" else NOUN_FRAMES if tok.pos_ == "NOUN" else FRAMES
    frame = table.get(tok.lemma_.lower())
    if not frame:
        return []
    out: list[tuple[str, list[int]]] = []
    for child in tok.children:
        if child.i < tok.i:
            continue
        dep = f"prep:{child.lower_}" if child.dep_ == "prep" else child.dep_
        if dep not in frame or child.dep_ == "prep" and not _complement(child):
            continue  # "agreed on Thursday to ...": a date or a setting is not what was agreed
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


_SETTING_PREPS = {"in", "at", "during", "on", "to"}
# Where or in what words were said: "in an interview with ...", "at a town hall in Laconia".
_SETTINGS = frozenset(
    """
    interview statement speech rally debate show event town hall meeting conference appearance
    letter email tweet post op-ed essay column statement remarks remark address broadcast program
    hearing visit stop campaign trail radio television
    """.split()
)


def _setting(pobj: Token) -> bool:
    return pobj.lemma_.lower() in _SETTINGS or pobj.ent_type_ in {"GPE", "LOC", "FAC", "EVENT"}


def _complement(tok: Token) -> bool:
    """Part of what was said or held, not when, where or how ("on Sunday", "in a tweet")."""
    if tok.dep_ == "prep":
        if tok.lower_ in _SETTING_PREPS and any(_setting(c) for c in tok.children if c.dep_ == "pobj"):
            return False
        return not any(c.ent_type_ in {"DATE", "TIME"} for c in tok.children)
    if tok.dep_ == "advcl" and tok.tag_ == "VB" and any(c.tag_ == "TO" for c in tok.children):
        return True  # "called for the minister to resign": the infinitive is what was called for
    return tok.dep_ not in {"npadvmod", "advmod", "advcl", "punct", "cc", "conj", "parataxis"}


def make(doc: Doc, text: str, tok: Token, toks: list[int], attribution: str) -> Attr | None:
    """An attribution over ``toks`` kept to the cue's paragraph, trimmed of "that" and stray marks."""
    lo, hi = paragraph(text, tok.idx)
    toks = [i for i in without_questions(tok, toks) if lo <= doc[i].idx < hi and not doc[i].is_space]
    if toks and min(toks) < tok.i < max(toks):
        # "a deal that she said would protect ...": a content never runs over its own cue; the
        # longer side is what was said (here after the cue, the relative pronoun left behind).
        before = [i for i in toks if i < tok.i]
        after = [i for i in toks if i > tok.i]
        toks = after if len(after) >= len(before) else before
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
    return Attr(cue=tok, start=start, end=end, kind="indirect", attribution=attribution)
