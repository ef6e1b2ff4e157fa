"""Which part of an NER span is a name, and which spans are no name at all.

spaCy's spans overrun names in typical ways: an epithet before a person ("billionaire Donald Trump"),
a possessive that runs into what follows ("Trump's 1995 tax return" -> "Trump's 1995"), or a run of
words that is a clause, not a name ("Trump accused Holt of being a"). Left in, each becomes an entity
of its own and splits the person's coverage; a token of thousands of characters is markup debris.
"""

from __future__ import annotations

from spacy.tokens import Span

# Lowercase words that belong inside names ("Ministry of Defence", "Charles de Gaulle").
NAME_PARTICLES = frozenset(
    """
    of the and for de del della der den di da das dos du la le van von ter ten al el bin ibn bint
    y e on in at upon &
    """.split()
)
_POSSESSIVE = {"'s", "’s"}
MAX_TOKEN_CHARS = 60
# Titles of works are clauses often enough ("Gone with the Wind"): only a lowercase verb rules them out.
_CLAUSE_KINDS_LENIENT = frozenset({"WORK_OF_ART"})


def strip_epithets(span: Span) -> tuple[Span, list[str]]:
    """Leading lowercase words of a person span are a description, not the name ("billionaire")."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (
        doc[start].is_lower and doc[start].lower_ not in NAME_PARTICLES or doc[start].is_punct
    ):
        start += 1
    attrs = [doc[span.start : start].text] if start > span.start else []
    return doc[start:end], attrs


def cut_inner_possessive(span: Span) -> Span:
    """ "Trump's 1995" -> "Trump": a possessive inside a span ends the name unless a capitalised word
    follows ("McDonald's Corporation" stays whole)."""
    doc = span.doc
    for tok in span[1:-1] if len(span) > 2 else span[1:]:
        if tok.text in _POSSESSIVE and tok.i + 1 < span.end:
            following = doc[tok.i + 1]
            if not following.text[:1].isupper():
                return doc[span.start : tok.i]
    return span


def is_junk(span: Span, kind: str) -> bool:
    """Spans that are not names: debris tokens, clauses (a lowercase verb), and, outside titles of
    works, lowercase content words ("Trump 46 to 40 percent")."""
    if any(len(t.text) > MAX_TOKEN_CHARS for t in span):
        return True
    for tok in span:
        if not tok.is_lower or tok.lower_ in NAME_PARTICLES or not tok.is_alpha:
            continue
        if tok.pos_ in {"VERB", "AUX"}:
            return True
        if kind not in _CLAUSE_KINDS_LENIENT and tok.pos_ in {"NOUN", "ADJ", "ADV", "PRON", "NUM"}:
            return True
    return False
