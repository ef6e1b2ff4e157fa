"""Response models of ``/api/v1``: what each endpoint returns, so ``/api/v1/openapi.json`` documents it.

They describe the dicts that ``store.queries``, ``store.export`` and ``web.data`` already build; the
endpoints return those dicts and FastAPI checks them against these models on the way out.

Two habits keep the models from breaking clients:

* every model allows extra fields (``Open``): the export contract says fields may be added, and a field a
  query gains later must reach clients rather than be silently dropped by a model that has not caught up;
* what comes straight from a stored story digest (``StoryDigest``, ``TimelineEntry``) has optional fields,
  because digests written by older versions lack some, and the endpoints skip unset fields
  (``response_model_exclude_unset``) so a reader sees the stored digest as it is, not padded with nulls.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    """A response object that may carry fields beyond those listed (see the module docstring)."""

    model_config = ConfigDict(extra="allow")


# --- errors -------------------------------------------------------------------------------------


class ErrorDetail(Open):
    code: str = Field(description="Stable code: CW-QUERY-001 (unknown id), CW-WEB-4xx, CW-WEB-500")
    message: str = Field(description="What went wrong; for an unknown id it starts with the id asked for")


class ErrorBody(Open):
    """Every error under ``/api/``: ``{"error": {"code", "message"}}``."""

    error: ErrorDetail


# --- stories ------------------------------------------------------------------------------------


class StoryRow(Open):
    """A story as the list shows it."""

    id: str
    label: str
    entities: list[str] = Field(description="Key entity names")
    first_seen: str | None = Field(description="YYYY-MM-DD of its earliest report, null when undated")
    last_seen: str | None = Field(description="YYYY-MM-DD of its latest report, null when undated")
    reports: int = Field(description="How many reports it has")
    outlets: int = Field(description="How many distinct outlets")


class StoryPage(Open):
    """One page of stories. The paging headers say the same as ``total`` and ``next_offset``."""

    items: list[StoryRow]
    total: int = Field(description="Stories matching the filters, all pages together")
    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page; null on the last page")


class DigestPassage(Open):
    """A passage in a stored digest: offsets, text, or both, depending on when it was stored."""

    report_id: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None


class DigestMember(DigestPassage):
    differing: list[tuple[int, int]] | None = Field(
        None, description="Body offsets of the words this member words differently"
    )


class DigestVariant(Open):
    speaker: str | None = None
    members: list[DigestMember] = []


class DigestContradiction(Open):
    what: str | None = None
    kind: str | None = None
    values: list[str] = []
    members: list[DigestPassage] = []


class DigestClaim(Open):
    text: str | None = None
    independent_sources: int | None = None
    reports: list[str] = []
    disputed_by: list[str] = []
    citations: list[DigestPassage] = Field([], description="Each backing report's own wording")


class DigestSentence(Open):
    text: str | None = None
    citations: list[DigestPassage] = []


class TimelineEntry(Open):
    when: str | None = None
    text: str | None = None
    report_ids: list[str] = []
    first_reported_by: str | None = None
    scheduled: bool = False


class StoryDigest(Open):
    """What the compare and brief stages stored for the story (``export --stories`` has the same fields)."""

    variants: list[DigestVariant] = []
    only_in: dict[str, list[str | DigestPassage]] = {}
    contradictions: list[DigestContradiction] = []
    claims: list[DigestClaim] = []
    brief: list[DigestSentence] = []
    timeline: list[TimelineEntry] = []


class Citation(Open):
    """A passage of a report: ``text`` is ``body[start:end]`` of report ``report_id``."""

    report_id: str
    start: int
    end: int
    text: str


class BriefSentence(Open):
    text: str
    citations: list[Citation]


class ReportSummary(Open):
    """A report in a list (no body)."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    published_source: str | None
    language: str | None
    uri: str | None
    syndicated_from: str | None = Field(description="The stored report this one copies, if any")
    republished_from: str | None = Field(description="An origin the text itself names")
    story_id: str | None


# --- reports (the export contract) ---------------------------------------------------------------


class ReportEntity(Open):
    id: str
    name: str
    kind: str
    attributes: list[str]
    mentions: list[tuple[int, int]] = Field(description="[start, end] offsets into body")


class ReportQuote(Open):
    text: str
    start: int
    end: int
    kind: Literal["direct", "indirect", "partial"]
    speaker: str | None
    speaker_entity: str | None
    anonymous: bool
    relayed_via: list[str]
    cue: str | None
    attribution: str = Field(description="speech | belief | stance | scare | topic")


class ReportEvent(Open):
    kind: str = Field(description="PLOVER-style category")
    actors: list[str]
    targets: list[str]
    where: str | None
    when: str | None = Field(description="YYYY-MM-DD, YYYY-MM-DD/YYYY-MM-DD or null")
    start: int
    end: int


class TimeExpression(Open):
    text: str
    start: int
    end: int
    value: str | None


class ReportRecord(Open):
    """One report in the export contract's shape (DESIGN.md): every span indexes into ``body``."""

    id: str
    uri: str | None
    outlet: str | None
    outlet_source: str | None
    title: str | None
    published: str | None
    published_source: Literal["declared", "html", "inferred"] | None
    published_reason: str | None
    language: str | None
    body: str
    boilerplate: list[str]
    captions: list[str]
    story_id: str | None
    syndicated_from: str | None
    republished_from: str | None
    entities: list[ReportEntity]
    quotes: list[ReportQuote]
    events: list[ReportEvent]
    times: list[TimeExpression]


class ReportDetail(ReportRecord):
    """``GET /reports/{id}``: the export record plus its story's label."""

    story_label: str | None


# --- quotes, events, entities, search -----------------------------------------------------------


class QuoteRow(Open):
    """A quote with its report's outlet, title and date; ``start``/``end`` index into that report's body."""

    report_id: str
    text: str
    start: int
    end: int
    kind: Literal["direct", "indirect", "partial"]
    speaker: str | None
    speaker_entity: str | None
    anonymous: bool
    relayed_via: list[str]
    attribution: str = Field(description="speech | belief | stance | scare | topic")
    outlet: str | None
    title: str | None
    published: str | None
    story_id: str | None


class EventRow(Open):
    """An event with its report; ``when`` is the event's own date, ``published`` the report's."""

    report_id: str
    kind: str
    actors: list[str]
    targets: list[str]
    where: str | None
    when: str | None
    start: int
    end: int
    outlet: str | None
    title: str | None
    story_id: str | None
    published: str | None
    text: str = Field(description="The passage of the report that tells the event")


class SpeakerQuote(QuoteRow):
    also: list[QuoteRow] = Field(
        default=[], description="the same words quoted in other reports of the story"
    )


class SpeakerQuotes(Open):
    speaker: str | None = Field(description="null for unattributed quotes")
    quotes: list[SpeakerQuote]


class EventDay(Open):
    date: str
    count: int
    kinds: list[str]


_NUMBER = Field(
    description="The report's number in the story's brief and on its pages (``[2]``): cited reports "
    "first, in order of first citation, as ``crosswire brief STORY`` numbers its sources"
)


class StoryReportSummary(ReportSummary):
    number: int = _NUMBER


class StoryReportRecord(ReportRecord):
    number: int = _NUMBER


class StoryDetail(StoryRow):
    """``GET /stories/{id}``: the story row, its digest and everything the story page shows."""

    digest: StoryDigest | None
    brief: list[BriefSentence]
    timeline: list[TimelineEntry]
    report_list: list[StoryReportRecord | StoryReportSummary] = Field(
        description="Summaries, in number order; full export records (body and spans) with ?bodies=true"
    )
    quotes: list[QuoteRow]
    who_said: list[SpeakerQuotes]
    events: list[EventRow]
    event_days: list[EventDay]


class EntityRow(Open):
    id: str
    name: str
    kind: str
    mentions: int
    reports: int = Field(description="Reports that mention it")
    stories: int = Field(description="Stories with such a report")


class EntityReport(Open):
    report_id: str
    title: str | None
    outlet: str | None
    published: str | None
    story_id: str | None
    count: int = Field(description="Mentions in this report")


class EntityDetail(Open):
    """``GET /entities/{id}``: an entity across stories."""

    id: str
    name: str
    kind: str
    mentions: int
    reports: list[EntityReport]
    stories: int
    story_list: list[StoryRow]
    quotes_by: list[QuoteRow]
    quotes_about: list[QuoteRow]
    events: list[EventRow]


class SearchHit(Open):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    story_id: str | None
    snippet: str = Field(description="Matching words inside [ ]")
    score: float = Field(description="bm25 rank: lower is better")


# --- compare ------------------------------------------------------------------------------------


class SharedClaim(Open):
    text: str
    reports: list[str]
    citations: list[Citation]
    independent_sources: int = Field(
        description="Sources among the compared reports once copies count with their originals; 1 means a copy agreeing with its original"
    )


class VariantMember(Citation):
    differing: list[tuple[int, int]] = Field(
        description="Body offsets of the words this member words differently"
    )


class Variant(Open):
    speaker: str | None
    members: list[VariantMember]


class ContradictionMember(Citation):
    value: str | None = Field(None, description="The figure this report gives, when known")


class Contradiction(Open):
    what: str
    kind: Any
    values: list[str]
    members: list[ContradictionMember]


class CompareResult(Open):
    """``GET /compare``: reports side by side, with what the stored comparison says about them."""

    report_ids: list[str]
    story_id: str | None
    compared: bool
    reports: list[ReportDetail]
    shared: list[SharedClaim]
    only_in: dict[str, list[Citation]]
    variants: list[Variant]
    contradictions: list[Contradiction]


# --- ingest -------------------------------------------------------------------------------------


class Rejected(Open):
    input: str
    code: str
    reason: str


class IngestSummary(Open):
    stored: int
    known: int
    copies: int
    stories: list[str]
    new_stories: list[str]
    rejected: list[Rejected]
