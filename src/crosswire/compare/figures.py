"""Headline figures a story turns on (deaths, injured, missing, arrested, displaced, magnitude), per report.

Outlets often state the toll in sentences that do not align ("killing at least 14 people" vs "the death
toll has risen to 16"), so pairwise rules over aligned statements miss the very numbers readers check
first. Here each report's statements are read for a small set of measures journalists track, and
independent reports that give different values for one measure are flagged, each with its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from crosswire.compare.contradictions import _NUMBER_WORDS
from crosswire.model import Citation, Contradiction

_WORDS = [w for w in _NUMBER_WORDS if w != "zero"]
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


def _value(text: str) -> float:
    text = text.lower().replace(",", "")
    return float(_NUMBER_WORDS[text]) if text in _NUMBER_WORDS else float(text)


def figures(statements: Sequence[Citation]) -> dict[str, list[tuple[float, Citation]]]:
    """Each measure a report states, with the value and the sentence it stands in."""
    out: dict[str, list[tuple[float, Citation]]] = {}
    for cite in statements:
        for measure, patterns in MEASURES.items():
            for pattern in patterns:
                for m in pattern.finditer(cite.text):
                    out.setdefault(measure, []).append((_value(m.group("n")), cite))
    return out


def figure_contradictions(
    per_report: Mapping[str, Sequence[Citation]], groups: Mapping[str, str]
) -> list[Contradiction]:
    """Independent reports (copies count once) that give different values for one measure."""
    latest: dict[str, dict[str, tuple[float, Citation]]] = {}
    for report_id, cites in per_report.items():
        if groups.get(report_id, report_id) != report_id:
            continue  # a copy repeats its origin's figures
        for measure, found in figures(cites).items():
            # the largest value a report gives is its current figure ("14 ... risen to 16" says 16)
            latest.setdefault(measure, {})[report_id] = max(found, key=lambda vc: vc[0])
    out = []
    for measure, by_report in latest.items():
        values = sorted({v for v, _ in by_report.values()})
        if len(values) < 2:
            continue
        members = tuple(c for _, c in sorted(by_report.values(), key=lambda vc: vc[0]))
        shown = tuple(f"{v:g}" for v in values)
        out.append(Contradiction(f"{measure}: {' vs '.join(shown)}", "number", members, shown))
    return out
