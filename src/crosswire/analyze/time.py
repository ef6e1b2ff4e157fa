"""Time expressions of a report, resolved to dates relative to when it was published.

News text dates things relative to its own publication ("on Monday", "earlier this week", "at the end
of the month"), so a time phrase is only useful once anchored to ``Report.published``. Values are
``YYYY-MM-DD`` for a day or ``YYYY-MM-DD/YYYY-MM-DD`` for a period (both ends inclusive); a phrase
that cannot be anchored (no published date, or too vague: "recently") keeps ``value=None``.

Candidates are spaCy DATE/TIME entities plus our own patterns (spaCy misses some ISO and abbreviated
dates), merged so overlapping candidates become one span. Resolution is rule-based for the relative
phrases, with ``dateparser`` (``RELATIVE_BASE`` = published, past preferred) as a fallback for the
rest. News mostly reports what already happened, so a bare weekday or month is taken in the past
unless the governing verb is future ("will meet on Friday").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.deixis import reanchor_quoted
from crosswire.analyze.periods import (
    day_text,
    last_of_month,
    named_month_year,
    part_of,
    period_of,
    shift_month,
    span_text,
)
from crosswire.model import TimeExpression

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": None,
    "few": None,
    "a few": None,
}
_DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
# Whole month words only: "dec[a-z]*" read "decades" as December and "mayor" as May.
_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
_WEEKDAY_RE = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

# Patterns spaCy's DATE entity sometimes misses or cuts short; matched case-insensitively on the text.
_EXTRA_PATTERNS = re.compile(
    "|".join(
        (
            r"\b\d{4}-\d{2}-\d{2}\b",
            rf"\b{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b",
            rf"\b\d{{1,2}}\s+{_MONTH_RE}(?:\s+\d{{4}})?\b",
            rf"\b(?:(?:last|next|this|on|early|late)\s+)?{_WEEKDAY_RE}(?:\s+(?:morning|afternoon|evening|night))?\b",
            r"\b(?:yesterday|today|tomorrow|tonight)\b",
            r"\b(?:earlier|later)\s+(?:this|last|next)\s+(?:week|month|year)\b",
            r"\b(?:at\s+)?the\s+(?:end|beginning|start|middle)\s+of\s+(?:the|this|last|next)\s+(?:week|month|year)\b",
            r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?|years?)\s+ago\b",
        )
    ),
    re.IGNORECASE,
)
_SKIP_LABEL_TEXT = re.compile(r"year-old|years old|\bannual\b|\bdaily\b|\bweekly\b", re.IGNORECASE)
# A length of time ("an hour and a half", "three minutes") is not a point in time: dropped unless resolved.
_DURATION = re.compile(r"\b(?:hours?|minutes?|seconds?)\b", re.IGNORECASE)
# Nor is a count of days, weeks, months or years ("90 days", "for three weeks", "the past 18 months"):
# it names a point only when anchored ("90 days ago", resolved by the relative rules), so a bare one
# never reaches dateparser, which reads "90 days" as 90 days before the report.
_COUNT = (
    r"(?:\d+(?:[.,]\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty|sixty|ninety|hundred|several|few|a few|couple|a couple of|dozen|a dozen"
    r"|many|some)"
)
_PURE_DURATION = re.compile(
    r"(?:(?:for|of|about|around|roughly|nearly|almost|some|another|over|under|more than|less than|at least"
    r"|at most|up to|the|a|an|first|last|past|next|full|entire|whole|additional|further|extra|only|just)\s+)*"
    rf"{_COUNT}(?:\s*-\s*|\s+)(?:(?:and a half|half)\s+)?"
    r"(?:days?|nights?|weeks?|fortnights?|months?|years?|decades?|centuries|century)"
    r"(?:\s+(?:long|straight|running|in a row|and counting))?",
    re.IGNORECASE,
)


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _month_number(word: str) -> int | None:
    return _MONTH_ABBR.get(word.rstrip(".")[:4]) or _MONTH_ABBR.get(word.rstrip(".")[:3])


def _year_for(month: int, day: int | None, ref: dt.date, future: bool) -> int:
    """Year of a month (and day) given without one: the nearest occurrence in the preferred direction.

    Past preference still allows a date up to a month ahead ("talks due on Feb. 5" in a report of
    Feb. 3); anything later is last year's.
    """
    candidate = dt.date(ref.year, month, min(day or 1, calendar.monthrange(ref.year, month)[1]))
    if future:
        start_of_period = ref if day else ref.replace(day=1)
        return ref.year if candidate >= start_of_period else ref.year + 1
    return ref.year - 1 if (candidate - ref).days > (31 if day else 0) else ref.year


def _normalise(text: str) -> str:
    text = text.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s.\-/]", " ", text)
    text = re.sub(r"^(?:on|in|at|during|since|by|until|from|of|the)\s+", "", text.strip())
    text = re.sub(r"^(?:on|in|at|the)\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip(" .")


def _resolve_relative(text: str, ref: dt.date, future: bool) -> str | None:
    if text in _DAY_OFFSETS:
        return day_text(ref + dt.timedelta(days=_DAY_OFFSETS[text]))
    if re.fullmatch(r"(?:this|early this|late this)?\s*(?:morning|afternoon|evening|night)", text):
        return day_text(ref)
    if re.fullmatch(r"(?:early|late )?last night", text):
        return day_text(ref - dt.timedelta(days=1))
    match = re.fullmatch(r"(\w+|a few) (day|week|month|year)s? ago", text)
    if match:
        count = _number(match.group(1))
        if count is None:
            return None
        unit = match.group(2)
        if unit == "day":
            return day_text(ref - dt.timedelta(days=count))
        if unit == "week":
            return day_text(ref - dt.timedelta(weeks=count))
        if unit == "month":
            year, month = shift_month(ref.year, ref.month, -count)
            return day_text(dt.date(year, month, min(ref.day, calendar.monthrange(year, month)[1])))
        return span_text(*period_of("year", ref, -count))
    match = re.fullmatch(
        r"(?:(earlier|later|early|mid|late|end|beginning|start|middle)(?: of)? )?(?:(this|last|next|past|previous|coming|the) )?"
        r"(week|weekend|month|year)",
        text.replace("-", " "),
    )
    if match:
        part, which, unit = match.groups()
        if which in ("the", None) and unit == "weekend" and part is None:
            saturday = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
            if future and saturday < ref - dt.timedelta(days=1):
                saturday += dt.timedelta(weeks=1)
            return span_text(saturday, saturday + dt.timedelta(days=1))
        if which is None and part is None:
            return None
        if which == "the" and part in (None, "earlier", "later"):
            return None
        if which == "the":
            # "the end of the month": the current period, or the previous one when we are past
            # its start and the phrase is in the past but the period has barely begun.
            first, last = period_of(unit, ref, 0)
            span = part_of(first, last, part or "end")
            if not future and span[0] > ref:
                first, last = period_of(unit, ref, -1)
                span = part_of(first, last, part or "end")
            return span_text(*span)
        shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which or "this", 0)
        first, last = period_of(unit, ref, shift)
        if part == "earlier":
            end = min(last, ref - dt.timedelta(days=1))
            return span_text(first, max(first, end))
        if part == "later":
            start = max(first, ref + dt.timedelta(days=1))
            return span_text(min(start, last), last)
        if part:
            return span_text(*part_of(first, last, part))
        return span_text(first, last)
    match = re.fullmatch(  # "midnight Friday", "Friday at midnight": a deadline on that day
        rf"(?:midnight )?(?:(last|next|this|early|late) )?({_WEEKDAY_RE})"
        r"(?: (?:morning|afternoon|evening|night|at midnight|midnight))?",
        text,
    )
    if match:
        which, name = match.groups()
        target = WEEKDAYS.index(name)
        if which == "next" or (future and which != "last"):
            delta = (target - ref.weekday()) % 7
            if which == "next" and delta == 0:
                delta = 7
            return day_text(ref + dt.timedelta(days=delta))
        delta = (ref.weekday() - target) % 7
        if which == "last" and delta == 0:
            delta = 7
        return day_text(ref - dt.timedelta(days=delta))
    return None


def _resolve_calendar(text: str, ref: dt.date | None, future: bool) -> str | None:
    """Dates named by the calendar: ISO, month-day(-year), day-month(-year), month-year, year."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        return _safe_date(*map(int, match.groups()))
    match = re.fullmatch(
        rf"({_MONTH_RE}) (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?", text
    ) or re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH_RE})(?:,? (\d{{4}}))?", text)
    if match:
        first, second, year = match.groups()
        month_word, day = (first, second) if not first[0].isdigit() else (second, first)
        month = _month_number(month_word)
        if month is None:
            return None
        if year is None:
            if ref is None:
                return None
            year = _year_for(month, int(day), ref, future)
        return _safe_date(int(year), month, int(day))
    match = re.fullmatch(
        rf"(?:(early|mid|late|end of|beginning of) )?(?:(last|next|this) )?({_MONTH_RE})(?:,? (\d{{4}}))?",
        text,
    )
    if match and _month_number(match.group(3)):
        part, which, month_word, year = match.groups()
        month = _month_number(month_word)
        if year is None:
            if ref is None:
                return None
            year = named_month_year(which, month, ref) if which else _year_for(month, None, ref, future)
        first, last = dt.date(int(year), month, 1), last_of_month(int(year), month)
        return span_text(*part_of(first, last, part.split()[0])) if part else span_text(first, last)
    match = re.fullmatch(r"(?:(early|mid|late|end of|beginning of)[ -])?(1\d|20)(\d)0s", text)
    if match:  # a decade ("the 1990s", "the late 2000s"); dateparser read it as a day of this month
        part, century, tens = match.groups()
        first = dt.date(int(century + tens + "0"), 1, 1)
        span = (first, dt.date(first.year + 9, 12, 31))
        return span_text(*part_of(*span, part.split()[0])) if part else span_text(*span)
    match = re.fullmatch(r"(?:(early|mid|late|end of|beginning of) )?(\d{4})", text)
    if match and 1000 < int(match.group(2)) < 2200:
        part, year = match.groups()
        first, last = dt.date(int(year), 1, 1), dt.date(int(year), 12, 31)
        return span_text(*part_of(first, last, part.split()[0])) if part else span_text(first, last)
    return None


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return day_text(dt.date(year, month, day))
    except ValueError:
        return None


def _dateparser(text: str, ref: dt.date, future: bool) -> str | None:
    """Last resort for absolute-looking phrases ("29.01.2018", "Jan 29th 2018 at noon")."""
    if not re.search(rf"\d|\b{_MONTH_RE}", text):
        return None
    import dateparser

    settings = {
        "RELATIVE_BASE": dt.datetime.combine(ref, dt.time()),
        "PREFER_DATES_FROM": "future" if future else "past",
        "REQUIRE_PARTS": ["day", "month"],
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return day_text(parsed.date()) if parsed else None


def resolve(text: str, published: str | None, *, future: bool = False) -> str | None:
    """Resolve one time phrase to ``YYYY-MM-DD`` or ``YYYY-MM-DD/YYYY-MM-DD`` (``None`` if it can't be).

    Relative phrases need ``published``; absolute dates (with a year) resolve without it.
    ``future`` prefers the next occurrence of a weekday/month (the clause speaks of what will happen).
    """
    norm = _normalise(text)
    if not norm:
        return None
    if _PURE_DURATION.fullmatch(norm):
        return None  # a length of time, not a point in it
    ref = dt.date.fromisoformat(published[:10]) if published else None
    value = _resolve_calendar(norm, ref, future)
    if value:
        return value
    if ref is None:
        # Without an anchor only a phrase naming its own year can be trusted.
        return _dateparser(norm, dt.date.today(), future) if re.search(r"\b\d{4}\b", norm) else None
    return _resolve_relative(norm, ref, future) or _dateparser(norm, ref, future)


# Auxiliaries that put a clause ahead of its telling: "will meet", "would visit" (a plan reported
# in the past: "said she would visit on Wednesday"), "may travel". With "have" they look back
# instead ("would have met on Monday").
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "would", "may", "might"})
# Heads whose infinitive is still to come: "plans to", "is due to", "is set to", "expects to".
_FUTURE_HEADS = frozenset(
    {"plan", "go", "intend", "expect", "schedule", "due", "set", "slate", "poise", "prepare", "aim", "hope"}
)


_FUTURE_MARKS = frozenset({"if", "when", "once", "unless", "until"})


def is_future(span: Span) -> bool:
    """Whether the clause governing ``span`` speaks of what is still to come ("will meet", "said she
    would visit", "is due to arrive", "plans to travel ... and meet"): such a clause's bare weekday
    or month is the next one, not the last."""
    if not span.doc.has_annotation("DEP"):
        return False  # no parse (parser disabled): Span.root would read unset heads and crash spaCy
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if _follows_a_plan(verb):
        return True
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if verb.tag_ in ("VBZ", "VBP") and marks & _FUTURE_MARKS:
        return True  # "if he is the nominee in November": English puts such a future in the present
    for _ in range(2):  # the verb, then the conjunct or verb of wanting it shares its auxiliaries with
        auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if auxes & _FUTURE_AUX:
            return not auxes & {"have", "'ve"}
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FUTURE_HEADS:
            return True
        if verb.dep_ not in ("conj", "xcomp") or verb.head.pos_ not in ("VERB", "AUX"):
            return False
        if auxes & {"have", "'ve"}:
            return False  # "would like to have visited": looking back
        verb = verb.head  # a conjunct's auxiliaries, or "would like to make": the wish is ahead
    return False


# Nouns of events that are scheduled ahead: "the convention in July", "the November election".
_SCHEDULED = frozenset(
    "convention election primary caucus debate vote summit meeting conference runoff referendum "
    "inauguration hearing trial olympics games congress session ballot".split()
)


# Verbs whose infinitive is ahead of them even when they are told in the past ("vowed to stay")
_INTENDING = _FUTURE_HEADS | frozenset(
    {"vow", "promise", "pledge", "threaten", "want", "seek", "decide", "agree"}
)


def _past_clause(verb: Token) -> bool:
    """The clause's own verb is in the past or perfect ("gathered", "was", "had won", "did go")."""
    if verb.tag_ == "VBD":
        return True
    return any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lemma_ == "have") for c in verb.children
    )


def upcoming_event(span: Span) -> bool:
    """A month without a year that names when a scheduled event happens ("stay in the race through
    the convention in July", "the July convention"), in a clause not told in the past: the event is
    ahead of the report (trial 8: "convention in July" in a May 2016 report was dated July 2015).
    "Delegates gathered at the convention in July" (past clause) keeps the past reading."""
    if not span.doc.has_annotation("DEP"):
        return False
    text = span.text.lower()
    if re.search(r"\d{4}", text) or re.search(_WEEKDAY_RE, text) or not re.search(_MONTH_RE, text):
        return False
    root = span.root
    near = [root.head, root.head.head] if root.head.dep_ == "prep" or root.dep_ == "pobj" else [root.head]
    prep = root.head if root.dep_ == "pobj" else None
    if prep is not None and prep.i > 0:
        near.append(span.doc[prep.i - 1])
    if not any(t.lemma_.lower() in _SCHEDULED for t in near if t.i != root.i):
        return False
    verb = root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    for _ in range(3):  # "was forced to step down on the eve of the convention in July": told as past
        if _past_clause(verb):
            return False
        if verb.dep_ not in ("xcomp", "conj") or verb.head.lemma_.lower() in _INTENDING:
            return True  # "vowed to stay in the race until the convention in July": still ahead
        verb = verb.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head  # "was bold enough to tout it at a summit in March": the "was"
    return not _past_clause(verb)


def _follows_a_plan(verb: Token) -> bool:
    """A bare participle that goes on from a planned clause shares its future ("was scheduled to
    speak in Cleveland on Monday, followed by one in Pittsburgh on Tuesday": the Tuesday after)."""
    if verb.dep_ not in ("advcl", "acl") or verb.tag_ != "VBN":
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return False
    head = verb.head
    if head.pos_ not in ("VERB", "AUX") or head.i == verb.i:
        return False
    if head.lemma_.lower() in _FUTURE_HEADS and any(c.dep_ == "xcomp" for c in head.children):
        return True
    return is_future(head.doc[head.i : head.i + 1])


def _candidates(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of time phrases: spaCy DATE/TIME entities and our patterns, merged when overlapping."""
    spans = [
        (ent.start_char, ent.end_char)
        for ent in doc.ents
        if ent.label_ in ("DATE", "TIME") and not _SKIP_LABEL_TEXT.search(ent.text)
    ]
    spans += [(m.start(), m.end()) for m in _EXTRA_PATTERNS.finditer(doc.text)]
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _without_trailing_name(
    span: Span, published: str | None, future: bool
) -> tuple[int, int, str, str] | None:
    """The tagger sometimes runs a DATE on into the name after it ("Last week Stumpf in an
    interview"); the phrase without its trailing proper nouns may resolve where the whole did not."""
    words = list(span)
    while words and words[-1].pos_ == "PROPN" and words[-1].lower_ not in WEEKDAYS + MONTHS:
        words.pop()
    if not words or len(words) == len(span):
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    text = span.doc.text[start:end]
    value = resolve(text, published, future=future)
    return (start, end, text, value) if value else None


def resolve_times(doc: Doc, published: str | None) -> list[TimeExpression]:
    """Every time expression of ``doc`` (the report body), in text order, with its resolved value."""
    found: list[TimeExpression] = []
    body = doc.text  # once: spaCy rebuilds ``doc.text`` on every call (quadratic on a long report)
    for start, end in _candidates(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        text = body[start:end]
        if span is None or not text.strip():
            continue
        future = is_future(span) or upcoming_event(span)
        value = resolve(text, published, future=future)
        if value is None:
            start, end, text, value = _without_trailing_name(span, published, future) or (
                start,
                end,
                text,
                value,
            )
        if value is None and text.lower().startswith("the "):
            value = resolve(text[4:], published, future=future)
        if value is None and (_DURATION.search(text) or _PURE_DURATION.fullmatch(_normalise(text))):
            continue
        found.append(TimeExpression(text=text, start=start, end=end, value=value))
    # "“Tonight, I ask you ...,” he said Wednesday night": the speaker's tonight, not the report's
    return reanchor_quoted(doc, found, _normalise, lambda text, day: resolve(text, day))
