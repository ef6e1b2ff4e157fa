"""What the index keeps of one story: running aggregates of its members, enough to score a newcomer.

Kept apart from ``score`` (which compares a report with a story) so that each stays small: this module
owns how members are absorbed, merged and pruned; ``score`` owns what the comparison looks at.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from crosswire.stories.features import StoryFeatures


@dataclass(slots=True)
class StoryState:
    """Running aggregate of one story's members, enough to score a newcomer against it."""

    id: str
    row: int
    report_ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    vectors: list[np.ndarray] = field(default_factory=list)  # float16 member vectors, for the label
    terms: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    kinds_of: dict[str, str] = field(default_factory=dict)
    days: list[int] = field(default_factory=list)  # published dates (ordinal days) of dated members
    event_days: set[int] = field(default_factory=set)
    years: Counter[int] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    # the weekdays each recent member names (members naming none left out): compared member by
    # member, as a story that chained over several days names most days of the week in total
    weekdays: list[frozenset[str]] = field(default_factory=list)
    # the recent members' own sublinear terms (interned keys, float32 weights), for ``nearest_member``
    members: list[tuple[tuple[str, ...], array[float]]] = field(default_factory=list)

    centre: tuple[int, float] = (0, 0.0)  # (len(days) it was taken at, median published day)
    cache: tuple[object, ...] = ()  # (stamp, sublinear terms, entities, their idf norms)
    member_norms: tuple[object, ...] = ()  # (stamp, idf norm of each of ``members``)

    MAX_TERMS = 300
    MAX_ENTITIES = 120
    MAX_MEMBERS = 16

    def weighted(
        self, term_idf: Mapping[str, float], ent_idf: Mapping[str, float]
    ) -> tuple[dict[str, float], dict[str, float], float, float]:
        """Sublinear term and entity weights and their idf-weighted norms, cached until either changes."""
        stamp = (len(self.report_ids), id(term_idf), id(ent_idf))
        if not self.cache or self.cache[0] != stamp:
            terms = {t: sublinear(w) for t, w in self.terms.items()}
            ents = {e: 1.0 + math.log(w) for e, w in self.entities.items() if w >= 1}
            self.cache = (stamp, terms, ents, norm(terms, term_idf), norm(ents, ent_idf))
        _, terms, ents, nt, ne = self.cache
        return terms, ents, nt, ne  # type: ignore[return-value]

    def absorb(self, f: StoryFeatures) -> None:
        self.report_ids.append(f.report_id)
        self.names.append(f.name or f.title)
        if f.vector.size:
            self.vectors.append(f.vector.astype(np.float16))
        self.terms.update(dict(f.terms))
        for eid, kind, w in f.entities:
            self.entities[eid] += w
            self.kinds_of.setdefault(eid, kind)
        if f.date:
            self.days.append(day(f.date))
        self.event_days.update(day(d) for d in f.dates)
        self.years.update({y: 1 for y in f.years[:2]})
        self.kinds.update(set(f.kinds))
        if f.weekdays:
            self.weekdays.append(frozenset(f.weekdays))
            del self.weekdays[: -self.MAX_MEMBERS]
        self.members.append(
            (tuple(sys.intern(t) for t, _ in f.terms), array("f", (sublinear(w) for _, w in f.terms)))
        )
        del self.members[: -self.MAX_MEMBERS]
        self._prune()

    def absorb_story(self, other: StoryState) -> None:
        self.report_ids += other.report_ids
        self.names += other.names
        self.vectors += other.vectors
        self.terms.update(other.terms)
        self.entities.update(other.entities)
        for eid, kind in other.kinds_of.items():
            self.kinds_of.setdefault(eid, kind)
        self.days += other.days
        self.event_days |= other.event_days
        self.years.update(other.years)
        self.kinds.update(other.kinds)
        self.weekdays = (self.weekdays + other.weekdays)[-self.MAX_MEMBERS :]
        self.members = (self.members + other.members)[-self.MAX_MEMBERS :]
        self._prune()

    def nearest_member(
        self, terms: Mapping[str, float], idf: Mapping[str, float], norm_terms: float
    ) -> float:
        """The highest TF-IDF cosine between ``terms`` (sublinear, with idf norm ``norm_terms``) and one
        recent member. The centroid blurs a story's look-alike neighbours together; a newcomer that
        closely matches one member is single-link evidence it does not blur (on ECB+ dev each report's
        nearest report is of its own event)."""
        if not self.members or not norm_terms:
            return 0.0
        stamp = (len(self.report_ids), id(idf))
        if not self.member_norms or self.member_norms[0] != stamp:
            norms = [
                math.sqrt(sum((w * idf.get(k, 1.0)) ** 2 for k, w in zip(keys, ws, strict=True)))
                for keys, ws in self.members
            ]
            self.member_norms = (stamp, norms)
        query = {t: v * idf.get(t, 1.0) ** 2 for t, v in terms.items()}
        best = 0.0
        for (keys, ws), n in zip(self.members, self.member_norms[1], strict=True):  # type: ignore[call-overload]
            dot = sum(query.get(k, 0.0) * w for k, w in zip(keys, ws, strict=True))
            if dot > 0.0 and n:
                best = max(best, dot / (norm_terms * n))
        return best

    def _prune(self) -> None:
        """Keep the strongest terms/entities only: a long story must not grow without bound."""
        if len(self.terms) > 2 * self.MAX_TERMS:
            self.terms = Counter(dict(self.terms.most_common(self.MAX_TERMS)))
        if len(self.entities) > 2 * self.MAX_ENTITIES:
            self.entities = Counter(dict(self.entities.most_common(self.MAX_ENTITIES)))
            self.kinds_of = {e: self.kinds_of[e] for e in self.entities}

    @property
    def centre_day(self) -> float | None:
        """The median published day, recomputed only when a dated member has been added."""
        if not self.days:
            return None
        if self.centre[0] != len(self.days):
            self.centre = (len(self.days), _median(self.days))
        return self.centre[1]

    @property
    def first_day(self) -> int | None:
        return min(self.days) if self.days else None

    @property
    def last_day(self) -> int | None:
        return max(self.days) if self.days else None


def centres_apart(a: StoryState, b: StoryState, limit: float) -> bool:
    """Whether two dated stories are centred more than ``limit`` days apart (median published day).

    A bridging report (one that fits two stories at once) merges them, but in a dated stream of one
    campaign a round-up written between two look-alike events (a caucus and the primary a week later)
    fits both: the merge then chains two events into one story. Medians, not spans, are compared,
    because a long-running story's span overlaps every neighbour's. Undated stories never count as
    apart (there is no evidence either way)."""
    ca, cb = a.centre_day, b.centre_day
    if ca is None or cb is None:
        return False
    return abs(ca - cb) > limit


def _median(values: list[int]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return float(ordered[mid]) if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2.0


def day(iso: str) -> int:
    """An ISO date (or the start of a range) as an ordinal day number."""
    import datetime as dt

    return dt.date.fromisoformat(iso[:10]).toordinal()


def iso(ordinal: int) -> str:
    import datetime as dt

    return dt.date.fromordinal(ordinal).isoformat()


def sublinear(w: float) -> float:
    """1 + log(count) for counts; fractional weights (already damped) stay as they are."""
    return 1.0 + math.log(w) if w >= 1 else w


def norm(a: Mapping[str, float], weight: Mapping[str, float]) -> float:
    return math.sqrt(sum((v * weight.get(k, 1.0)) ** 2 for k, v in a.items()))
