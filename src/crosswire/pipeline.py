"""The only orchestrator: runs the stages in order and writes what they produce through the store.

    ingest -> clean -> (copy links) -> analyze -> stories -> (dates from the story) -> compare -> brief

Stages are plain functions over records and know nothing of one another; this module alone knows
their order. State that must survive between runs (the near-duplicate index, the story index)
is rebuilt from the store when a pipeline opens, so ``crosswire ingest`` is online: each new
report joins what is already stored. A report the analyze stage fails on is rejected on its own
(``CW-ANALYZE-001``) and the rest of its batch is stored.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from crosswire import settings
from crosswire.analyze import analyze_reports, link_story
from crosswire.brief import make_brief, story_export
from crosswire.clean import clean_report
from crosswire.clean.deck import deck_lines
from crosswire.clean.dedup import NearDuplicateIndex
from crosswire.compare import compare_story
from crosswire.engine import make_engine
from crosswire.errors import AnalysisFailed, InputError
from crosswire.ingest import read_inputs
from crosswire.model import Analysis, Brief, Comparison, Rejection, Report, make_report_id
from crosswire.store import Store, queries
from crosswire.store.codec import digest_to_json
from crosswire.stories import StoryFeatures, StoryIndex, story_features
from crosswire.stories.consolidate import consolidate
from crosswire.stories.dating import date_from_story

ProgressHook = Callable[[str, str], None]  # (stored|known|rejected, input or "input: code: reason")


@dataclass
class IngestSummary:
    """What one ``ingest`` call did, for the closing table."""

    stored: int = 0
    known: int = 0
    copies: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)
    new_stories: set[str] = field(default_factory=set)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage, for benches and --json

    @contextlib.contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start

    def timed_iter(self, stage: str, items: Iterable) -> Iterator:
        """Time a generator's own work (reading, decoding, extracting), not the loop body around it."""
        it = iter(items)
        while True:
            with self.timed(stage):
                try:
                    item = next(it)
                except StopIteration:
                    return
            yield item


def analyze_chunk(reports: list[Report]) -> list[Analysis]:
    """Top-level so a worker process can run it (picklable)."""
    return list(analyze_reports(reports))


def analyze_each(reports: list[Report]) -> list[Analysis | Rejection]:
    """``analyze_chunk``, except that a report whose analysis raises comes back as a ``Rejection``.

    The batch is analyzed in one go; only when that fails is each report analyzed alone, so one
    report that spaCy or an extractor chokes on costs the others nothing but a second pass.
    """
    try:
        return list(analyze_reports(reports))
    except Exception:  # some report failed: analyze each alone to find which
        return [_analyze_one(report) for report in reports]


def _analyze_one(report: Report) -> Analysis | Rejection:
    try:
        return next(analyze_reports([report]))
    except Exception as exc:  # one report's failure must not end the batch
        detail = (str(exc).strip().splitlines() or [""])[0][:200]
        return Rejection(
            report.uri or report.id,
            AnalysisFailed.code,
            f"analysis failed ({type(exc).__name__}: {detail}); report of {len(report.body):,} "
            "characters not stored",
        )


class Pipeline:
    """Ingest inputs into a store. Open once, ``ingest`` as often as you like, then ``close``."""

    def __init__(
        self, store: Store, *, workers: int | None = None, engine: str | None = None, batch_size: int = 32
    ) -> None:
        self.store = store
        self.batch_size = batch_size
        self.max_bytes = int(float(settings.get("max_input_mb")) * 1024 * 1024)
        self.max_report_chars = int(settings.get("max_report_chars"))
        self.engine = make_engine(
            str(settings.get("engine", engine)),
            workers=int(settings.get("workers", workers)),
            address=str(settings.get("ray_address")),
        )
        self._copies: NearDuplicateIndex | None = None
        self._stories: StoryIndex | None = None

    # indexes are rebuilt from the store lazily: a run that ingests nothing known pays nothing
    @property
    def copies(self) -> NearDuplicateIndex:
        if self._copies is None:
            self._copies = NearDuplicateIndex()
            for report_id, fp in self.store.fingerprints():
                self._copies.add(report_id, fp)
        return self._copies

    @property
    def stories(self) -> StoryIndex:
        if self._stories is None:
            self._stories = StoryIndex()
            self._stories.restore(
                [
                    (StoryFeatures.from_bytes(blob), story_id)
                    for _, blob, story_id in self.store.story_features()
                ]
            )
        return self._stories

    def close(self) -> None:
        self.engine.close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(
        self,
        paths: Sequence[str],
        *,
        stdin: BinaryIO | None = None,
        progress: ProgressHook | None = None,
        uri_of: Callable[[str], str] | None = None,
    ) -> IngestSummary:
        """Read, clean, analyze and group every report under ``paths``; bad inputs are listed, not fatal.

        ``uri_of`` renames where each input came from (a web upload's temporary file becomes
        ``upload:NAME``), so a server's paths are neither stored nor part of a report's identity."""
        summary = IngestSummary()
        note = progress or (lambda _kind, _uri: None)
        pending: list[Report] = []
        seen: set[str] = set()
        by_text: dict[str, str] = {}
        same_text: set[tuple[str, str | None]] = set()
        for item in summary.timed_iter("ingest", read_inputs(paths, stdin=stdin, max_bytes=self.max_bytes)):
            if uri_of is not None:
                item = dataclasses.replace(item, uri=uri_of(item.uri))
            if isinstance(item, Rejection):
                summary.rejected.append(item)
                note("rejected", str(item))
                continue
            report_id = make_report_id(item.uri, item.content_hash)
            if report_id in seen or self.store.has_report(report_id):
                summary.known += 1
                note("known", item.uri)
                continue
            try:
                with summary.timed("clean"):
                    report = clean_report(item, max_chars=self.max_report_chars)
            except InputError as exc:
                summary.rejected.append(Rejection(item.uri, exc.code, exc.reason))
                note("rejected", str(summary.rejected[-1]))
                continue
            twin = (report.text_hash, report.outlet)
            if twin in same_text or self.store.same_report(*twin):
                summary.known += 1  # the same text from the same outlet: one report found twice
                note("known", item.uri)
                continue
            same_text.add(twin)
            with summary.timed("copies"):
                report = self._link_copy(report, by_text)
            seen.add(report.id)
            pending.append(report)
            if len(pending) >= self.batch_size:
                self._commit(pending, summary, note, by_text)
                pending = []
        if pending:
            self._commit(pending, summary, note, by_text)
        with summary.timed("stories"):
            self._consolidate(summary)
        self.refresh_stories(summary.stories, summary)
        return summary

    def _link_copy(self, report: Report, by_text: dict[str, str]) -> Report:
        """Same text under another source, or a near-copy of a stored report: link it to the first one."""
        origin = by_text.get(report.text_hash) or self.store.first_with_text_hash(report.text_hash)
        if origin is None and report.fingerprint:
            matches = self.copies.query(report.fingerprint)
            origin = matches[0][0] if matches else None
        by_text.setdefault(report.text_hash, report.id)
        if report.fingerprint:
            self.copies.add(report.id, report.fingerprint)
        return dataclasses.replace(report, syndicated_from=origin) if origin else report

    def _commit(
        self, batch: list[Report], summary: IngestSummary, note: ProgressHook, by_text: dict[str, str]
    ) -> None:
        with summary.timed("analyze"):
            results = self.engine.map(analyze_each, batch)
        batch, analyses = self._drop_failed(batch, results, summary, note, by_text)
        if not batch:
            return
        with summary.timed("stories"):
            features = story_features(batch, analyses)
        with self.store.transaction(), summary.timed("stories+store"):
            for report, analysis, feat in zip(batch, analyses, features, strict=True):
                assignment = self.stories.add(feat)
                for old, new in assignment.merged_into.items():
                    self.store.move_story(old, new)
                    summary.stories.discard(old)
                    summary.new_stories.discard(old)
                self.store.add_report(report, analysis, feat.to_bytes(), assignment.story_id)
                summary.stories.add(assignment.story_id)
                if assignment.is_new:
                    summary.new_stories.add(assignment.story_id)
                summary.stored += 1
                summary.copies += report.syndicated_from is not None
        for report in batch:
            note("stored", report.uri or report.id)

    def _drop_failed(
        self,
        batch: list[Report],
        results: list[Analysis | Rejection],
        summary: IngestSummary,
        note: ProgressHook,
        by_text: dict[str, str],
    ) -> tuple[list[Report], list[Analysis]]:
        """Reject the reports analysis failed on and forget them as copy origins; keep the rest."""
        failed = {r.id for r, a in zip(batch, results, strict=True) if isinstance(a, Rejection)}
        kept: list[tuple[Report, Analysis]] = []
        for report, result in zip(batch, results, strict=True):
            if isinstance(result, Rejection):
                summary.rejected.append(result)
                note("rejected", str(result))
                if self._copies is not None:
                    self._copies.discard(report.id)
                for key in [k for k, v in by_text.items() if v == report.id]:
                    del by_text[key]
            elif report.syndicated_from in failed:  # its origin was never stored
                kept.append((dataclasses.replace(report, syndicated_from=None), result))
            else:
                kept.append((report, result))
        return [r for r, _ in kept], [a for _, a in kept]

    def _consolidate(self, summary: IngestSummary) -> None:
        """A second look at the small stories this ingest touched (see ``stories.consolidate``)."""

        def features_of(ids: Sequence[str]) -> list[StoryFeatures]:
            return [StoryFeatures.from_bytes(b) for b in self.store.features_of(ids)]

        merged = consolidate(self.stories, features_of)
        for old, new in merged.items():
            self.store.move_story(old, new)
            summary.stories.discard(old)
            summary.new_stories.discard(old)
            summary.stories.add(new)

    def refresh_stories(self, story_ids: Iterable[str], summary: IngestSummary | None = None) -> None:
        """Date undated reports from their story, then rewrite each touched story's row and digest."""
        summary = summary or IngestSummary()
        for story_id in sorted(story_ids):
            items = queries.story_items(self.store.conn, story_id)
            with summary.timed("dating"):
                items = self._date_from_siblings(items)
            items = self._link_entities(items)
            story = self.stories.story(story_id)
            dates = sorted(r.published for r, _ in items if r.published)
            names = {e.id: e.name for _, a in items for e in a.entities}
            # the index keeps each report's own ids; the store may since have linked a bare "reid"
            linked = queries.linked_ids(self.store.conn, [e for e in story.entities if e not in names])
            story = dataclasses.replace(
                story,
                report_ids=tuple(r.id for r, _ in items),
                entities=tuple(dict.fromkeys(names.get(linked.get(e, e), e) for e in story.entities)),
                first_seen=dates[0] if dates else None,
                last_seen=dates[-1] if dates else None,
            )
            with summary.timed("compare+brief"):
                comparison, brief = digest(items, story_id)
            full = digest_to_json(comparison, brief, story.report_ids)
            self.store.save_story(story, story_export(comparison, brief), full)

    def _link_entities(self, items: list[tuple[Report, Analysis]]) -> list[tuple[Report, Analysis]]:
        """Story-level entity names ("Putin" -> "Vladimir Putin"), written back where they changed."""
        linked = link_story([a for _, a in items])
        for (report, before), after in zip(items, linked, strict=True):
            if after != before:
                self.store.update_report(report, after)
        return [(r, a) for (r, _), a in zip(items, linked, strict=True)]

    def _date_from_siblings(self, items: list[tuple[Report, Analysis]]) -> list[tuple[Report, Analysis]]:
        out = []
        for i, (report, analysis) in enumerate(items):
            siblings = [it for j, it in enumerate(items) if j != i and it[0].published]
            found = date_from_story(report, analysis, siblings) if not report.published and siblings else None
            if found:
                published, reason = found
                report = dataclasses.replace(
                    report, published=published, published_source="inferred", published_reason=reason
                )
                # time expressions and event dates resolve against the published date: redo them
                redone = analyze_each([report])[0]
                analysis = analysis if isinstance(redone, Rejection) else redone
                self.store.update_report(report, analysis)
            out.append((report, analysis))
        return out


def digest(items: list[tuple[Report, Analysis]], story_id: str) -> tuple[Comparison, Brief]:
    """Compare a story's reports and brief it: what the store keeps as the story's digest.

    The clean stage finds each body's headline and deck lines (kept in the body, so no offset moves);
    they are no lone facts (compare) and no summary sentences (brief)."""
    decks = {r.id: deck_lines(r) for r, _ in items}
    comparison = compare_story(items, story_id=story_id, decks=decks)
    return comparison, make_brief(items, comparison, decks=decks)


def story_digest(
    store: Store, story_id: str, *, fresh: bool = False
) -> tuple[list[tuple[Report, Analysis]], Comparison, Brief]:
    """The story's reports, their comparison and the brief: as the last ingest stored them (no model
    loads), or computed afresh when ``fresh``, when none is stored, or when the story changed since."""
    stored = None if fresh else queries.stored_digest(store.conn, story_id)
    if stored is not None:
        return stored
    sid = queries.story_row(store.conn, story_id)["id"]
    items = queries.story_items(store.conn, sid)
    comparison, brief = digest(items, sid)
    return items, comparison, brief
