"""Analyze stage: entities, quotes with speakers, time expressions and events of one cleaned report.

``link_story`` then links entities across the reports of one story (the pipeline calls it once grouped).

``analyze_reports`` runs spaCy once per report (batched) and hands the same ``Doc`` to each
extractor, so the parse is paid for once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from crosswire import settings
from crosswire.analyze import entities, events, quotes, time
from crosswire.analyze.linking import link_story
from crosswire.analyze.nlp import load
from crosswire.model import Analysis, Report

__all__ = ["analyze_reports", "link_story"]


def analyze_reports(reports: Iterable[Report], *, batch_size: int = 16) -> Iterator[Analysis]:
    """Yield one ``Analysis`` per report, in order."""
    reports = list(reports)
    nlp = load()
    docs = nlp.pipe((r.body for r in reports), batch_size=batch_size)
    readable = {code.strip() for code in str(settings.get("analysis_languages")).split(",") if code.strip()}
    for report, doc in zip(reports, docs, strict=True):
        sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
        if report.language and report.language not in readable:
            yield Analysis(
                report_id=report.id, sentences=sentences
            )  # no junk from a model that can't read it
            continue
        found = entities.canonical_entities(doc)
        times = time.resolve_times(doc, report.published)
        said = quotes.extract_quotes(doc, found, outlet=report.outlet)
        happened = events.extract_events(
            doc, found, times, context=_dated_captions(nlp, report), quotes=said, published=report.published
        )
        yield Analysis(
            report_id=report.id,
            entities=tuple(found),
            quotes=tuple(said),
            times=tuple(times),
            events=tuple(happened),
            sentences=sentences,
        )


def _dated_captions(nlp, report: Report) -> list[tuple[str, str]]:  # noqa: ANN001 - a spaCy Language
    """(caption, day) for each single day a photo caption names: it dates the scene it shows."""
    out = []
    for caption in report.captions:
        for t in time.resolve_times(nlp(caption), report.published):
            if t.value and "/" not in t.value:
                out.append((caption, t.value))
    return out
