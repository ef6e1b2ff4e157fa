"""Where a reported clause starts and ends: trimming tails, pairing quotation marks, paragraphs.

Shared by the verb-frame and reporting-verb layers of ``quotes``; kept apart so each stays small.
Every helper is linear in what it is given: ``in_marks`` pairs the report's marks once and answers
by bisect, so no helper rescans the report per token.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Token

from crosswire.analyze.cues import is_cue, quote_spans, strip_span

_TAILS = {"relcl", "parataxis", "npadvmod"}


def cut(toks: list[Token], quoted: Callable[[int], bool]) -> list[Token]:
    """A reported clause (a subtree, in order) without what the writer tacked on after a comma or dash.

    "... are honest, and three-quarters said ...", "..., calling them boring", "..., who was his
    chief of staff", "..., while nine in ten said ...": the clause the cue governs ends where such a
    comma-led addition begins.
    """
    if len(toks) < 3:
        return toks
    inside = {t.i for t in toks}
    # Only what comes after the clause's own verb is a tail: "In Monday's meeting, which lasted an
    # hour, the prime minister presented ..." keeps the fronted phrase and the verb it leads to.
    root = next((t.i for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0].i)
    for k, t in enumerate(toks[1:-1], start=1):
        if t.text not in {",", "—", "–", ";", "("} or quoted(t.idx) or t.i < root:
            continue
        a = toks[k + 1]
        while a.head.i > t.i and a.head.i != a.i:
            a = a.head  # the word the part after the comma hangs from
        if a.dep_ == "cc":
            a = next((c for c in a.head.children if c.dep_ == "conj" and c.i > a.i), a)
        if a.dep_ in _TAILS or a.dep_ == "conj" and a.pos_ in {"VERB", "AUX"} and _own_subject(a):
            return toks[:k]
        if a.dep_ == "advcl" and _tail_clause(a):
            return toks[:k]
    return toks


def _tail_clause(a: Token) -> bool:
    """A comma-led participle (", insisting that ...") or contrast (", while others said ...")."""
    marks = {c.lower_ for c in a.children if c.dep_ == "mark"}
    return a.tag_ == "VBG" and not marks or bool(marks & {"while", "whereas", "although", "though"})


def _own_subject(tok: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children) or is_cue(tok)


def in_marks(text: str, start: int, end: int):
    """A test "is this offset inside quotation marks?" for ``text[start:end]``; log time per call."""
    at = marks_at(text, start, end)
    return lambda offset: at(offset) is not None


def marks_at(text: str, start: int, end: int) -> Callable[[int], tuple[int, int] | None]:
    """``(open, close)`` of the quotation marks around an offset of ``text[start:end]``, if any."""
    spans = [(start + o, start + c) for o, c in quote_spans(text[start:end])]
    opens = [o for o, _ in spans]

    def around(offset: int) -> tuple[int, int] | None:
        k = bisect_right(opens, offset - 1) - 1  # the last span opening before the offset
        return spans[k] if k >= 0 and spans[k][0] < offset < spans[k][1] else None

    return around


def confine(tok: Token, toks: list[int], around: Callable[[int], tuple[int, int] | None]) -> list[int]:
    """The content of a cue that is, or follows, a quotation stays inside its marks.

    A cue inside quotation marks ("... you can easily argue that ...") is the speaker's own word: what
    it reports is quoted too. A cue written right after a quote ('lead clause: “Q,” she said') is
    often parsed as hanging off the lead clause, whose words she did not say; PolNeAR annotates the
    quote alone, unless the quote opens mid-clause. ``toks`` are token indices in order; the result is a subset of them.
    """
    doc = tok.doc
    text = doc.text
    own = around(tok.idx)
    if own is not None:
        return [i for i in toks if own[0] < doc[i].idx < own[1]]
    before = [i for i in toks if i < tok.i]
    if not before:
        return toks
    # What the cue's own phrase holds after the content ("“Q,” X said"): is a quote right before it?
    after = [t for t in tok.subtree if t.i > max(before) and not t.is_punct and not t.is_space]
    if not after:
        return toks
    rest = before if len(before) < len(toks) else toks  # "“Q,” X said, when asked ...": not the tail
    text_before = text[: after[0].idx].rstrip(" ,\n")
    width = 2 if text_before.endswith("''") else 1
    if not text_before or text_before[-1] not in '"”»' and width == 1:
        return toks
    close = len(text_before) - width
    span = around(close - 1)
    if span is None or span[1] != close or text[: span[0]].rstrip(" '\"“")[-1:].isalnum():
        return rest  # a quote that opens mid-clause ('X was “a respected colleague,” he said') is part of it
    inside = [i for i in before if span[0] < doc[i].idx < span[1]]
    if not any(_own_subject(doc[i]) for i in before if i not in inside and doc[i].pos_ in {"VERB", "AUX"}):
        return rest  # only the quote's subject or a phrase is outside ('After the vote, “there is ...”')
    return inside


def paragraph(text: str, at: int) -> tuple[int, int]:
    """Reported speech stays in its cue's paragraph (the parser sometimes runs past a break)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def balance(text: str, start: int, end: int) -> tuple[int, int]:
    """Pair the quotation marks of reported speech: drop an unpaired mark at either end, take in the
    closing mark of a quote that opens inside, drop a trailing period outside any quote."""
    s, e = start, end
    if _unpaired(text[s:e]) and text[s : s + 2] == "''":
        s += 2
    elif _unpaired(text[s:e]) and text[s : s + 1] in '"“„«':
        s += 1
    if _unpaired(text[s:e]) and text[e - 2 : e] == "''":
        e -= 2
    elif _unpaired(text[s:e]) and text[e - 1 : e] in '"”»':
        e -= 1
    s, e = strip_span(text, s, e)
    closing = _CLOSE_AFTER.match(text, e)
    if closing and _unpaired(text[s:e]):
        e = closing.end()  # 'said Trump is “unelectable now.”': the quote belongs to the clause
    elif text[e - 1 : e] == "." and not _unpaired(text[s:e]):
        e -= 1
    return s, e


_CLOSE_AFTER = re.compile(r"[.,!?]?(?:''|[\"”»])")


def _unpaired(inner: str) -> bool:
    curly = sum(inner.count(ch) for ch in "“„«") != sum(inner.count(ch) for ch in "”»")
    return curly or inner.count('"') % 2 == 1 or inner.count("''") % 2 == 1


_QUESTION_MARKS = {"when", "after", "once", "while", "as", "before", "upon"}
_QUESTION_WORDS = {"if", "whether", "about", "what", "why", "how", "who", "whom", "which", "where", "when"}


def put_question(tok: Token) -> bool:
    """Whether ``tok`` is a participle that puts a question to someone: "Asked if it was over, Smith
    said ...", "..., he said when asked about the vote". "Asked" with no subject or auxiliary of its
    own is passive: the one asked is the main clause's subject, the asker (a reporter) goes unnamed,
    so neither is the question that subject's words nor is that subject its speaker."""
    if tok.lemma_.lower() != "ask" or tok.tag_ != "VBN" or tok.dep_ == "ROOT" or tok.i + 1 >= len(tok.doc):
        return False
    if tok.nbor(1).lower_ not in _QUESTION_WORDS:
        return False  # "asked to describe the device", "when asked to do so by police": a request
    kids = list(tok.children)
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "agent"} for c in kids):
        return False  # "she was asked", "he had asked", "the question asked by Smith"
    before = [t for t in tok.subtree if t.i < tok.i]
    return all(t.lower_ in _QUESTION_MARKS for t in before)  # it opens its clause


def question_at(q: Token, cue: Token | None = None) -> range:
    """Token indices of the question ``q`` (``put_question``) puts, the participle with them.

    A fronted question runs to the main clause's subject: the parser often hangs the question's
    last clause off the main verb ("Asked if it appeared he was encouraging violence, Trump
    replied": "encouraging" parsed as what Trump replied), so its subtree alone falls short.
    """
    end = q.right_edge.i
    if cue is not None and q.i < cue.i:
        subject = next((c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        stop = subject.left_edge.i if subject is not None and subject.i > q.i else cue.i
        end = max(end, stop - 1)
    return range(q.left_edge.i, end + 1)


def without_questions(cue: Token, toks: list[int]) -> list[int]:
    """A cue's content less any question put to its speaker (``put_question``): the reporter's
    words, never what the speaker said."""
    sent = cue.sent
    drop: set[int] = set()
    for t in sent:
        if t.i != cue.i and put_question(t):
            drop.update(question_at(t, cue))
    return [i for i in toks if i not in drop] if drop else toks


def according_subject(cue: Token) -> Token | None:
    """The subject of a cue that the parser folded into a leading "according to" phrase.

    "According to polls for the AP, majorities of voters say ...": with no comma it can see before
    "majorities", the parser makes them an apposition inside the "according to" phrase and leaves
    "say" without a subject. A noun phrase set off by a comma that ends that phrase right before
    the cue is the cue's subject. Returns its head.
    """
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children):
        return None
    lead = next((c for c in cue.children if c.lower_ == "according" and c.i < cue.i), None)
    if lead is None or lead.right_edge.i != cue.i - 1:
        return None
    for t in lead.subtree:
        if t.dep_ == "appos" and t.right_edge.i == cue.i - 1 and t.pos_ in {"NOUN", "PROPN", "PRON"}:
            comma = t.left_edge.i - 1
            return t if comma >= 0 and cue.doc[comma].text == "," else None
    return None
