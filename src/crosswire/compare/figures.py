"""Headline figures a story turns on (deaths, injured, missing, arrested, displaced, magnitude), per report.

Outlets often state the toll in sentences that do not align ("killing at least 14 people" vs "the death
toll has risen to 16"), so pairwise rules over aligned statements miss the very numbers readers check
first. Here each report's statements are read for a small set of measures journalists track, and
independent reports that give values for one measure that cannot all be true are flagged, each with
its sentence. A toll is a running count: a later report giving a higher one ("has risen to 16") is
an update, kept with both reports' days, not a disagreement.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from crosswire.compare.numbers import NUMBER_WORDS, Amount, amounts, compatible, day, is_update, update_what
from crosswire.model import Citation, Contradiction

_WORDS = [w for w in NUMBER_WORDS if w != "zero"]
_NUM = r"(?P<n>\d[\d,]*(?:\.\d+)?|" + "|".join(_WORDS) + r")"
_AT_LEAST = r"(?:at least |more than |some |about |nearly |almost |over )?"
_PEOPLE = r"(?:people |persons |residents |civilians |soldiers |children |others )?"

MEASURES: dict[str, tuple[re.Pattern[str], ...]] = {
    name: tuple(re.compile(p, re.I) for p in patterns)
    for name, patterns in {
        "deaths": (
            rf"\bkill(?:ing|ed|s)\s+{_AT_LEAST}{_NUM}\b",
            rf"\b{_NUM}\s+{_PEOPLE}(?:had |have |has )?(?:died|were killed|have been killed|dead\b|deaths|fatalities)",
            # a decimal point ("magnitude 6.2") does not end the clause the way a full stop does
            rf"\bdeath toll\b(?:[^.;]|\.(?=\d)){{0,90}}?\b(?:to|at|of|reached|hit|stands at|is|was)\s+{_AT_LEAST}{_NUM}\b",
        ),
        "injured": (
            rf"\b(?:injur|wound)(?:ing|ed)\s+{_AT_LEAST}{_NUM}\b",
            rf"\b{_NUM}\s+{_PEOPLE}(?:were |had been |have been )?(?:injured|wounded|hurt)\b",
        ),
        "missing": (rf"\b{_NUM}\s+{_PEOPLE}(?:were |are |remain |remained )?(?:still )?missing\b",),
        "arrested": (
            rf"\barrest(?:ing|ed)\s+{_AT_LEAST}{_NUM}\b",
            rf"\b{_NUM}\s+{_PEOPLE}(?:were |have been |had been )?(?:arrested|detained)\b",
        ),
        "displaced": (rf"\b{_NUM}\s+{_PEOPLE}(?:were |have been )?(?:displaced|evacuated|left homeless)\b",),
        "magnitude": (
            r"\bmagnitude(?:-|\s+)(?P<n>\d+(?:\.\d+)?)\b",
            r"\b(?P<n>\d+(?:\.\d+)?)[- ]magnitude\b",
        ),
    }.items()
}


def figure_amounts(statements: Sequence[Citation]) -> dict[str, list[tuple[Amount, Citation]]]:
    """Each measure a report states, read as an amount (interval and wording), with its sentence."""
    out: dict[str, list[tuple[Amount, Citation]]] = {}
    for cite in statements:
        found: list[Amount] | None = None
        for measure, patterns in MEASURES.items():
            for pattern in patterns:
                for m in pattern.finditer(cite.text):
                    found = found if found is not None else amounts(cite.text, require_unit=False)
                    at = m.start("n")
                    amount = next((x for x in found if x.start <= at < x.end), None)
                    if amount is not None and not amount.total:  # a total over a period is background
                        out.setdefault(measure, []).append((amount, cite))
    return out


def figures(statements: Sequence[Citation]) -> dict[str, list[tuple[float, Citation]]]:
    """Each measure a report states, with the value and the sentence it stands in."""
    return {m: [(x.value, c) for x, c in found] for m, found in figure_amounts(statements).items()}


def figure_contradictions(
    per_report: Mapping[str, Sequence[Citation]],
    groups: Mapping[str, str],
    published: Mapping[str, str | None] | None = None,
) -> list[Contradiction]:
    """Independent reports (copies count once) whose values for one measure cannot all be true.

    Values are compared as the intervals their wording allows ("at least 14" fits 16). When the
    highest figure was published later, or says the count rose, the finding is an ``update``."""
    published = published or {}
    latest: dict[str, dict[str, tuple[Amount, Citation]]] = {}
    for report_id, cites in per_report.items():
        if groups.get(report_id, report_id) != report_id:
            continue  # a copy repeats its origin's figures
        for measure, found in figure_amounts(cites).items():
            # the largest value a report gives is its current figure ("14 ... risen to 16" says 16)
            latest.setdefault(measure, {})[report_id] = max(found, key=lambda ac: ac[0].value)
    out = []
    for measure, by_report in latest.items():
        ranked = sorted(by_report.values(), key=lambda ac: ac[0].value)
        (lo, lo_cite), (hi, hi_cite) = ranked[0], ranked[-1]
        lo_day, hi_day = day(published.get(lo_cite.report_id)), day(published.get(hi_cite.report_id))
        shown = tuple(dict.fromkeys(x.written for x, _ in ranked))
        running = measure != "magnitude"
        if lo.value < hi.value and is_update(lo_cite.text, hi_cite.text, lo_day, hi_day, running=running):
            # told even when the wordings fit ("at least 14", later "16"): the reader sees the count move
            what = update_what(measure, lo.written, lo_day, hi.written, hi_day)
            by_day = sorted(ranked, key=lambda ac: (day(published.get(ac[1].report_id)) or "", ac[0].value))
            out.append(Contradiction(what, "update", tuple(c for _, c in by_day), shown))
        elif not all(compatible(x, y) for i, (x, _) in enumerate(ranked) for y, _ in ranked[i + 1 :]):
            members = tuple(c for _, c in ranked)
            out.append(Contradiction(f"{measure}: {' vs '.join(shown)}", "number", members, shown))
    return out
