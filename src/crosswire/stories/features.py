"""What the story stage keeps of one report: the evidence used to decide which story it joins.

``StoryFeatures`` is small and self-contained so the store can keep it as one BLOB per report and
rebuild a ``StoryIndex`` without re-running spaCy or MiniLM. It carries several kinds of evidence,
because text similarity alone merges look-alike events (two earthquakes in one country):
an embedding of title + lead, weighted terms (for TF-IDF with document frequencies the index
learns online), canonical entities by kind (people and places matter most), the report's own date,
the dates and years it talks about, and its event kinds.
"""

from __future__ import annotations

import json
import re
import struct
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from crosswire.model import Analysis, Report
from crosswire.stories import embed

MAGIC = b"CWSF2"
MAGICS = (MAGIC, b"CWSF1")  # version 1 blobs still load (keys a version lacks take their defaults)
MAX_TERMS = 60
TERM_WORDS = 600  # terms come from the title and the first words of the body, where the story is told
ENTITY_KINDS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*[A-Za-z]|\d+(?:\.\d+)?")
_YEAR = re.compile(r"(?<![\d.,/-])(19[5-9]\d|20[0-4]\d)(?![\d.,]\d)")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")


def _stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    extra = {
        "said",
        "says",
        "say",
        "told",
        "tell",
        "according",
        "year",
        "years",
        "news",
        "reported",
        "report",
    }
    return frozenset(STOP_WORDS) | extra


_STOP = _stopwords()


def _stem(word: str) -> str:
    """A light suffix strip so 'quakes'/'quake', 'killed'/'kill' meet; precision matters less than recall."""
    if len(word) < 5:
        return word
    for suffix in ("'s", "\u2019s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def terms_of(text: str, weight: float = 1.0) -> Counter[str]:
    """Lower-cased, stop-word-free, lightly stemmed content words with their counts."""
    out: Counter[str] = Counter()
    for w in _WORD.findall(text):
        low = w.lower()
        if low[0].isdigit():
            # counts and measures ("23 pirates", "6.1 magnitude") tell look-alike events apart;
            # years and small numbers are too common to
            if ("." in low or 10 < float(low) < 1900 or float(low) > 2100) and len(low) <= 8:
                out["#" + low] += weight
            continue
        if low in _STOP or len(low) < 3:
            continue
        out[_stem(low)] += weight
    return out


@dataclass(frozen=True)
class StoryFeatures:
    """One report's clustering evidence. ``vector`` is unit-length float32 (MiniLM, 384-d)."""

    report_id: str
    title: str
    vector: np.ndarray = field(compare=False, repr=False)
    terms: tuple[tuple[str, float], ...] = ()
    entities: tuple[tuple[str, str, float], ...] = ()  # (entity id, kind, weight)
    date: str | None = None  # the report's published date, YYYY-MM-DD
    dates: tuple[str, ...] = ()  # dates the report talks about (resolved time expressions, event dates)
    years: tuple[int, ...] = ()  # years the text names, most named first
    kinds: tuple[str, ...] = ()  # event kinds (PLOVER)
    name: str = ""  # a short readable name for labels: the title, else the first words
    weekdays: tuple[str, ...] = ()  # the days of the week the title and lead name ("on Tuesday")

    def to_bytes(self) -> bytes:
        """Compact binary form for the store: a JSON header then the raw vector."""
        head = {
            "r": self.report_id,
            "t": self.title,
            "w": [[k, round(v, 3)] for k, v in self.terms],
            "e": [[i, k, round(w, 3)] for i, k, w in self.entities],
            "d": self.date,
            "ds": list(self.dates),
            "y": list(self.years),
            "k": list(self.kinds),
            "n": self.name,
            "wd": list(self.weekdays),
        }
        raw = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode()
        vec = np.asarray(self.vector, dtype=np.float32).tobytes()
        return MAGIC + struct.pack("<II", len(raw), len(vec) // 4) + raw + vec

    @classmethod
    def from_bytes(cls, blob: bytes) -> StoryFeatures:
        if not blob.startswith(MAGICS):
            raise ValueError("not a crosswire story-features blob")
        n_head, dim = struct.unpack_from("<II", blob, len(MAGIC))  # every version's magic is 5 bytes
        start = len(MAGIC) + 8
        head = json.loads(blob[start : start + n_head])
        vec = np.frombuffer(blob, dtype=np.float32, count=dim, offset=start + n_head).copy()
        return cls(
            report_id=head["r"],
            title=head["t"],
            vector=vec,
            terms=tuple((k, float(v)) for k, v in head["w"]),
            entities=tuple((i, k, float(w)) for i, k, w in head["e"]),
            date=head["d"],
            dates=tuple(head["ds"]),
            years=tuple(head["y"]),
            kinds=tuple(head["k"]),
            name=head["n"],
            weekdays=tuple(head.get("wd", ())),
        )


def _entities(analysis: Analysis | None) -> tuple[tuple[str, str, float], ...]:
    if analysis is None:
        return ()
    out: dict[str, tuple[str, float]] = {}
    for ent in analysis.entities:
        if ent.kind not in ENTITY_KINDS:
            continue
        weight = float(max(1, len(ent.mentions)))
        kind, old = out.get(ent.id, (ent.kind, 0.0))
        out[ent.id] = (kind, old + weight)
    return tuple((i, k, w) for i, (k, w) in out.items())


def _dates(analysis: Analysis | None) -> tuple[str, ...]:
    if analysis is None:
        return ()
    found: list[str] = []
    for value in [t.value for t in analysis.times] + [e.when for e in analysis.events]:
        if not value or not _DAY.match(value):
            continue
        first, _, last = value.partition("/")
        if last and _DAY.match(last) and _days_between(first, last) > 2:
            continue  # "in March 2016", "last week": a period, not the day an event happened
        found.append(first[:10])
    return tuple(dict.fromkeys(found))


def _days_between(first: str, last: str) -> int:
    from datetime import date

    return (date.fromisoformat(last[:10]) - date.fromisoformat(first[:10])).days


def _years(report: Report) -> tuple[int, ...]:
    """Years the text itself names ("the 2031 floods"). Not the years of resolved dates: in a dated
    report "on Monday" resolves to the publication year, and every report of a season would match."""
    counts: Counter[int] = Counter(int(y) for y in _YEAR.findall(f"{report.title or ''}\n{report.body}"))
    return tuple(y for y, _ in counts.most_common(4))


def _weekdays(text: str) -> tuple[str, ...]:
    """Days of the week named, first named first. An undated report still says *which* Tuesday it
    is about: reports of one event name the same weekday (on AllSides train, pairs of one story that
    both name weekdays share one 87% of the time, look-alike pairs from other stories 28%)."""
    return tuple(dict.fromkeys(_WEEKDAY.findall(text)))


def _name(report: Report) -> str:
    if report.title and report.title.strip():
        return report.title.strip()
    words = report.body.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")


def features_without_vector(report: Report, analysis: Analysis | None) -> StoryFeatures:
    """Everything but the embedding (cheap; used by ``story_features`` and by tests)."""
    body_head = " ".join(report.body.split()[:TERM_WORDS])
    counts = terms_of(report.title or "", 2.0) + terms_of(body_head)
    dates = _dates(analysis)
    published = report.published[:10] if report.published and _DAY.match(report.published) else None
    return StoryFeatures(
        report_id=report.id,
        title=report.title or "",
        vector=np.zeros(0, dtype=np.float32),
        terms=tuple((t, float(c)) for t, c in counts.most_common(MAX_TERMS)),
        entities=_entities(analysis),
        date=published,
        dates=dates,
        years=_years(report),
        kinds=tuple(dict.fromkeys(e.kind for e in analysis.events)) if analysis else (),
        name=_name(report),
        weekdays=_weekdays(f"{report.title or ''}\n{body_head}"),
    )


def story_features(
    reports: Sequence[Report],
    analyses: Sequence[Analysis | None],
    *,
    batch_size: int = 32,
    embedder: Callable[[list[str]], np.ndarray] | None = None,
) -> list[StoryFeatures]:
    """Features for each report (``reports[i]`` pairs with ``analyses[i]``); embeddings are batched.

    ``embedder`` replaces ``embed.embed`` (texts -> unit vectors): the bench passes a memoised one
    so that re-deriving features after a change here does not re-run MiniLM."""
    if len(reports) != len(analyses):
        raise ValueError("reports and analyses must pair up one to one")
    texts = [embed.lead_text(r.title, r.body) for r in reports]
    vectors = embedder(texts) if embedder else embed.embed(texts, batch_size=batch_size)
    out = []
    for report, analysis, vec in zip(reports, analyses, vectors, strict=True):
        base = features_without_vector(report, analysis)
        out.append(
            StoryFeatures(**{**base.__dict__, "vector": vec})  # type: ignore[arg-type]
        )
    return out
