"""Typed records that flow between the stages.

Data flows one way: ``RawReport`` (ingest) -> ``Report`` (clean) -> ``Analysis`` (analyze) ->
``Story`` (stories) -> ``Comparison`` (compare) -> ``Brief`` (brief). These frozen dataclasses are
the only thing stage packages share, so a stage can be tested, replaced or run on another machine
(Ray) without knowing its neighbours. Every extracted thing carries character offsets into
``Report.body`` so a reader can always see the words behind it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

PublishedSource = Literal["declared", "html", "inferred"]
QuoteKind = Literal["direct", "indirect", "partial"]


@dataclass(frozen=True)
class RawReport:
    """One input as delivered, decoded to text but not yet interpreted.

    ``text`` is what a reader would see: the scraped plain text (headline on line 1), a JSON Lines
    record's ``text`` (``media_type`` ``application/x-ndjson``: all body, no headline line), a feed
    entry's content (``application/x-feed-entry``: all body too) or the main text that trafilatura
    extracted from HTML. ``declared`` holds metadata the input states
    outright (``title``, ``url``, ``published``, ``outlet``, ``published_source``): clean trusts it
    over anything it infers. ``content_hash`` is over the input bytes, so re-ingesting the same
    file is recognised before any work is done.
    """

    uri: str
    media_type: str
    text: str
    content_hash: str
    declared: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejection:
    """An input that could not become a report: shown to the user, never stored."""

    uri: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.uri}: {self.code}: {self.reason}"


@dataclass(frozen=True)
class Report:
    """A cleaned report: the text a reader cares about, with boilerplate kept aside.

    ``body`` is paragraphs joined by a blank line; every span elsewhere indexes into it.
    ``republished_from`` is an origin the text itself names ("Source www.x.com");
    ``syndicated_from`` (a stored report id) is set later by the near-duplicate index.
    ``fingerprint`` is the body's MinHash signature (bytes) that the near-duplicate index compares.
    """

    id: str
    uri: str | None
    title: str | None
    body: str
    outlet: str | None = None
    outlet_source: str | None = None
    published: str | None = None
    published_source: PublishedSource | None = None
    published_reason: str | None = None
    language: str | None = None
    boilerplate: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    republished_from: str | None = None
    content_hash: str = ""
    text_hash: str = ""
    syndicated_from: str | None = None
    fingerprint: bytes = b""

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]


@dataclass(frozen=True)
class Span:
    """Character offsets ``[start, end)`` into one report's cleaned body."""

    report_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    entity_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """A canonical entity within one report; ``id`` is a slug of ``name`` so ids agree across reports.

    Titles and roles ("Defense Minister") are stripped from the name and kept in ``attributes``.
    """

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker; ``speaker`` is a canonical name or, if anonymous, its description.

    ``relayed_via`` lists who passed the claim on, nearest first (the Saudi daily, then the
    reporting outlet).
    """

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None
    speaker_entity: str | None = None
    anonymous: bool = False
    relayed_via: tuple[str, ...] = ()
    cue: str | None = None
    # "speech" (said, wrote), "belief" (believes, fears), "stance" (endorsed, urged), "scare" (quoted
    # words no one is said to have said), "topic" (what was spoken about: "did not mention Trump by name")
    attribution: str = "speech"


@dataclass(frozen=True)
class TimeExpression:
    """A time phrase and what it resolves to: ``YYYY-MM-DD`` or a range ``YYYY-MM-DD/YYYY-MM-DD``."""

    text: str
    start: int
    end: int
    value: str | None


@dataclass(frozen=True)
class Event:
    """Who did what to whom, where and when (PLOVER-style ``kind``)."""

    kind: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    where: str | None
    when: str | None
    start: int
    end: int
    trigger: str = ""


@dataclass(frozen=True)
class Analysis:
    """What the analyze stage understood of one report."""

    report_id: str
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    events: tuple[Event, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()

    def places_in(self, start: int, end: int) -> frozenset[str]:
        """The places (entity ids) named within ``start:end``: statements about different places ("won
        the Missouri primary", "won the primary in Ohio") are different facts however alike their words;
        compare and brief both ask, so the records answer."""
        return frozenset(
            e.id
            for e in self.entities
            if e.kind in ("GPE", "LOC")
            for m in e.mentions
            if start <= m.start and m.end <= end
        )


@dataclass(frozen=True)
class Story:
    id: str
    label: str
    report_ids: tuple[str, ...]
    entities: tuple[str, ...] = ()
    first_seen: str | None = None
    last_seen: str | None = None


def outlet_key(name: str | None) -> str:
    """An outlet's name or web address compared loosely ("The New York Times", "new-york-times" and
    "www.newyorktimes.com" all give "newyorktimes"): the store's outlet filters and the compare
    stage's source counting both ask, so the records answer."""
    if not name:
        return ""
    key = name.strip().lower()
    key = re.sub(r"^[a-z]+://", "", key)
    key = re.sub(r"^www\.", "", key).split("/")[0]
    key = re.sub(r"\.(com|org|net|co\.uk|co|info|news|ru|il|de|fr|uk)$", "", key)
    key = re.sub(r"^the\s+", "", key)
    return re.sub(r"[^\w]|_", "", key)


def make_report_id(uri: str, content_hash: str) -> str:
    """A report's identity is where it came from plus what it said: same input twice -> same id."""
    import hashlib

    return hashlib.sha256(f"{uri}\0{content_hash}".encode()).hexdigest()[:16]


# --- compare and brief records -------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """A span of one report's body with the words it covers, so a reader sees what a claim rests on."""

    report_id: str
    start: int
    end: int
    text: str = ""


@dataclass(frozen=True)
class Alignment:
    """Statements of different reports that say the same thing (paraphrases included)."""

    members: tuple[Citation, ...]
    score: float


@dataclass(frozen=True)
class Variant:
    """One quote worded differently by different reports.

    ``differing[i]`` holds the body offsets of the words in ``members[i]`` that the other
    members do not share: the word-level diff a reader wants highlighted.
    """

    speaker: str | None
    members: tuple[Citation, ...]
    differing: tuple[tuple[tuple[int, int], ...], ...] = ()
    score: float = 0.0


@dataclass(frozen=True)
class Contradiction:
    """Aligned statements that disagree on a number, date, name or speaker (``kind``)."""

    what: str
    kind: str
    members: tuple[Citation, ...]
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    """A statement with the reports carrying it and how many of them are independent.

    Syndicated copies, republications and quotes relayed through the same outlet count once;
    ``origins`` names the independent sources that were counted. A report whose version of the
    statement contradicts ``text`` (another number, date or name) does not back it: its source is
    in ``disputed_by`` instead.
    """

    text: str
    citations: tuple[Citation, ...]
    reports: tuple[str, ...]
    independent_sources: int
    origins: tuple[str, ...] = ()
    disputed_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """How the reports of one story relate: what they share, word differently, alone carry, dispute."""

    story_id: str
    report_ids: tuple[str, ...] = ()
    alignments: tuple[Alignment, ...] = ()
    variants: tuple[Variant, ...] = ()
    only_in: dict[str, tuple[Citation, ...]] = field(default_factory=dict)
    contradictions: tuple[Contradiction, ...] = ()
    claims: tuple[Claim, ...] = ()
    copies: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BriefSentence:
    """One extracted sentence; ``citations[0]`` is its own span, the rest are aligned spans elsewhere.

    A ``note`` is a sentence crosswire wrote (e.g. "Reports differ: tonnes: 12,500 vs 12,000."), not
    one copied from a report, so a reader is told of a disagreement; its citations are the spans that
    disagree, none of which is its own text.
    """

    text: str
    citations: tuple[Citation, ...]
    note: bool = False


@dataclass(frozen=True)
class TimelineEntry:
    """Something that happened on ``when`` (the event's date, not the report's), first reported by ..."""

    when: str
    text: str
    report_ids: tuple[str, ...]
    first_reported_by: str | None = None
    citations: tuple[Citation, ...] = ()
    # ``when`` is after the day its first report was published: announced or expected, not yet happened
    scheduled: bool = False


@dataclass(frozen=True)
class WhoSaid:
    """One speaker and every quote attributed to them, each with the report span it came from."""

    speaker: str
    quotes: tuple[Citation, ...]


@dataclass(frozen=True)
class Brief:
    """The cited summary of one story, its timeline and its who-said-what table."""

    story_id: str
    sentences: tuple[BriefSentence, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    who_said: tuple[WhoSaid, ...] = ()
