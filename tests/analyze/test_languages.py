"""A report the English pipeline cannot read keeps its sentences but yields no entities, quotes,
times or events: an English model reads German as junk ("mit dem" as an organisation)."""

from __future__ import annotations

import pytest

from crosswire.analyze import analyze_reports
from crosswire.model import Report

pytestmark = pytest.mark.slow

GERMAN = (
    "Der Bürgermeister von Kestrau, Jonas Weller, sagte am Dienstag: „Wir öffnen den Hafen im Mai.“ "
    "Mit dem Geld aus Berlin sollen die Kais erneuert werden. Die Fischer begrüßten den Plan."
)
ENGLISH = 'The mayor of Kestrau, Jonas Weller, said on Tuesday: "We will open the harbour in May."'


def test_only_readable_languages_are_analysed(monkeypatch) -> None:
    reports = [
        Report("de1", None, None, GERMAN, language="de", published="2024-05-07"),
        Report("en1", None, None, ENGLISH, language="en", published="2024-05-07"),
    ]
    german, english = analyze_reports(reports)
    assert german.sentences and not (german.entities or german.quotes or german.times or german.events)
    assert english.quotes and any(e.name == "Jonas Weller" for e in english.entities)
    monkeypatch.setenv("CROSSWIRE_ANALYSIS_LANGUAGES", "en,de")
    german_too, _ = analyze_reports(reports)
    assert german_too.entities
