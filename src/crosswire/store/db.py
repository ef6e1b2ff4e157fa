"""The only writer of SQL: opens the file (WAL), migrates it, and writes records in transactions.

Every write of a batch happens inside one transaction, so a crash or a bad input half-way never
leaves a report without its analysis, or a story pointing at nothing.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

from crosswire.errors import StoreError
from crosswire.model import Analysis, Report, Story
from crosswire.store.codec import REPORT_COLUMNS, analysis_to_json, report_to_row
from crosswire.store.schema import MIGRATIONS, SCHEMA_VERSION

DOMINANT = 0.9


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _plain(name: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(name.lower().split()))


def _family_links(surname: str, members: dict[str, list]) -> dict[str, str]:
    """{old id: new id} within the people and bare names that share ``surname`` (see
    ``Store._link_name_forms``)."""
    full = {eid: m for eid, m in members.items() if m[1] == "PERSON" and len(m[0].split()) > 1 and m[2] > 0}
    links: dict[str, str] = {}
    for eid, (name, _, _) in full.items():
        words = name.split()
        if len(words) < 3:
            continue
        for shorter in (_slug(f"{words[0]} {words[-1]}"), _slug(" ".join(words[-2:]))):
            if shorter != eid and shorter in full:
                links[eid] = shorter
                break
    weight: dict[str, int] = {}
    for eid, (_, _, count) in full.items():
        target = links.get(eid, eid)
        weight[target] = weight.get(target, 0) + count
    total = sum(weight.values())
    # Only what NER called a person: a bare "Jordan" GPE or "Ford" ORG is no one's surname here.
    bare = [
        eid
        for eid, m in members.items()
        if m[1] == "PERSON" and len(m[0].split()) == 1 and not m[0].isupper()
    ]
    if total and bare:
        top = max(weight, key=lambda k: weight[k])
        if weight[top] >= DOMINANT * total:
            links.update({eid: top for eid in bare})
    return links


class Store:
    """An open crosswire database. Use ``Store.open(path)``; close it, or use it as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        # surname -> {entity id: [name, kind, mentions]}: the store's people, for linking name forms
        self._families: dict[str, dict[str, list]] | None = None

    @classmethod
    def open(cls, path: str | Path) -> Store:
        path = str(path)
        try:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            store = cls(conn, path)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(path, f"cannot open as a crosswire database ({exc})") from exc
        return store

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                self.path,
                f"written by a newer crosswire (schema {version} > {SCHEMA_VERSION}); upgrade crosswire",
            )
        for number in range(version, SCHEMA_VERSION):
            # executescript commits first, so the migration and its version bump are one transaction of their own
            self.conn.executescript(f"BEGIN; {MIGRATIONS[number]}; PRAGMA user_version={number + 1}; COMMIT;")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    # --- reads the pipeline needs while writing -------------------------------------------------

    def has_report(self, report_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM reports WHERE id = ?", (report_id,)).fetchone() is not None

    def first_with_text_hash(self, text_hash: str) -> str | None:
        row = self.conn.execute(
            "SELECT id FROM reports WHERE text_hash = ? ORDER BY seq LIMIT 1", (text_hash,)
        ).fetchone()
        return row[0] if row else None

    def same_report(self, text_hash: str, outlet: str | None) -> str | None:
        """A stored report with this exact text from the same outlet (or, like it, from none): the same
        report reached by another path, not a copy of it."""
        row = self.conn.execute(
            "SELECT id FROM reports WHERE text_hash = ? AND outlet IS ? ORDER BY seq LIMIT 1",
            (text_hash, outlet),
        ).fetchone()
        return row[0] if row else None

    def fingerprints(self) -> Iterator[tuple[str, bytes]]:
        yield from self.conn.execute(
            "SELECT id, fingerprint FROM reports WHERE fingerprint IS NOT NULL ORDER BY seq"
        )

    def story_features(self) -> Iterator[tuple[str, bytes, str]]:
        yield from self.conn.execute(
            "SELECT id, features, story_id FROM reports WHERE features IS NOT NULL AND story_id IS NOT NULL "
            "ORDER BY seq"
        )

    def features_of(self, report_ids: Sequence[str]) -> list[bytes]:
        """The story-features blobs of ``report_ids``, in that order (ids without one are left out)."""
        found: dict[str, bytes] = {}
        for start in range(0, len(report_ids), 500):
            part = list(report_ids[start : start + 500])
            marks = ",".join("?" * len(part))
            for rid, blob in self.conn.execute(
                f"SELECT id, features FROM reports WHERE features IS NOT NULL AND id IN ({marks})", part
            ):
                found[rid] = blob
        return [found[r] for r in report_ids if r in found]

    # --- writes ---------------------------------------------------------------------------------

    def add_report(
        self, report: Report, analysis: Analysis | None, features: bytes | None, story_id: str | None
    ) -> None:
        row = report_to_row(report)
        row.update(
            story_id=story_id,
            analysis=analysis_to_json(analysis) if analysis else None,
            features=features,
        )
        cols = (*REPORT_COLUMNS, "story_id", "analysis", "features")
        with self.transaction():
            self.conn.execute(
                f"INSERT INTO reports ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [row[c] for c in cols],
            )
            if analysis:
                self._write_analysis_rows(report, analysis)

    def update_report(self, report: Report, analysis: Analysis | None) -> None:
        """Rewrite what later knowledge changed (a date inferred from the story, a re-analysis)."""
        row = report_to_row(report)
        sets = ", ".join(f"{c} = ?" for c in REPORT_COLUMNS if c != "id")
        with self.transaction():
            self.conn.execute(
                f"UPDATE reports SET {sets} WHERE id = ?",
                [row[c] for c in REPORT_COLUMNS if c != "id"] + [report.id],
            )
            if analysis is not None:
                self.conn.execute(
                    "UPDATE reports SET analysis = ? WHERE id = ?", (analysis_to_json(analysis), report.id)
                )
                self._forget_mentions(report.id)
                for table in ("mentions", "quotes", "events"):
                    self.conn.execute(f"DELETE FROM {table} WHERE report_id = ?", (report.id,))
                self._write_analysis_rows(report, analysis)

    def _write_analysis_rows(self, report: Report, analysis: Analysis) -> None:
        report_id = report.id
        own_outlet = _plain(report.outlet or "")
        rows = [
            (report_id, e.id, e.name, e.kind, max(1, len(e.mentions)))
            for e in analysis.entities
            if not own_outlet or _plain(e.name) != own_outlet  # a report's byline names no entity
        ]
        self.conn.executemany(
            "INSERT INTO mentions (report_id, entity_id, name, kind, count) VALUES (?, ?, ?, ?, ?)", rows
        )
        self.conn.executemany(
            'INSERT INTO quotes (report_id, text, start, "end", kind, speaker, speaker_entity, anonymous, '
            "relayed_via, attribution) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    report_id,
                    q.text,
                    q.start,
                    q.end,
                    q.kind,
                    q.speaker,
                    q.speaker_entity,
                    int(q.anonymous),
                    json.dumps(list(q.relayed_via), ensure_ascii=False),
                    getattr(q, "attribution", "speech"),
                )
                for q in analysis.quotes
            ],
        )
        self.conn.executemany(
            'INSERT INTO events (report_id, kind, actors, targets, "where", "when", start, "end") '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    report_id,
                    ev.kind,
                    json.dumps(list(ev.actors), ensure_ascii=False),
                    json.dumps(list(ev.targets), ensure_ascii=False),
                    ev.where,
                    ev.when,
                    ev.start,
                    ev.end,
                )
                for ev in analysis.events
            ],
        )
        self._link_name_forms(rows)  # after the quotes, so their speakers are relinked too

    # --- one person, one id across the store ---------------------------------------------------------

    def _family_table(self) -> dict[str, dict[str, list]]:
        if self._families is None:
            self._families = {}
            for eid, name, kind, count in self.conn.execute(
                "SELECT entity_id, MAX(name), MAX(kind), SUM(count) FROM mentions GROUP BY entity_id"
            ):
                self._count(eid, name, kind, count)
        return self._families

    def _count(self, eid: str, name: str, kind: str, count: int) -> str | None:
        words = name.split()
        if not words or (len(words) > 1 and kind != "PERSON"):
            return None
        family = self._family_table()
        entry = family.setdefault(words[-1].lower(), {}).setdefault(eid, [name, kind, 0])
        entry[2] += count
        return words[-1].lower()

    def _forget_mentions(self, report_id: str) -> None:
        family = self._family_table()
        for eid, name, count in self.conn.execute(
            "SELECT entity_id, name, count FROM mentions WHERE report_id = ?", (report_id,)
        ):
            words = name.split()
            entry = family.get(words[-1].lower(), {}).get(eid) if words else None
            if entry:
                entry[2] -= count

    def _link_name_forms(self, rows: list[tuple[str, str, str, str, int]]) -> None:
        """Give one id to the forms of a person's name across the store's reports, as they are written.

        "Donald J. Trump" and "Crooked Hillary Clinton" take the id of "Donald Trump" and "Hillary
        Clinton" once the store has those; a bare "Trump" or "Obama" (a report that never wrote the
        full name) takes the id of the one full-name person the store knows by that surname, one
        holding at least ``DOMINANT`` of the surname's full-name mentions (a wife or son named in
        passing does not make "Trump" ambiguous; "Bill" and "Hillary Clinton" both often named do).
        Rows written earlier are relinked when the full name arrives later. A link once made stays.
        """
        family_table = self._family_table()
        touched = {s for r in rows if (s := self._count(r[1], r[2], r[3], r[4]))}
        for surname in touched:
            members = family_table.get(surname, {})
            for old, new in _family_links(surname, members).items():
                name, _, count = members.pop(old)
                members[new][2] += max(0, count)
                self.conn.execute(
                    "UPDATE mentions SET entity_id = ?, name = ?, kind = 'PERSON' WHERE entity_id = ?",
                    (new, members[new][0], old),
                )
                self.conn.execute("UPDATE quotes SET speaker_entity = ? WHERE speaker_entity = ?", (new, old))
                self.conn.execute("UPDATE entity_links SET new_id = ? WHERE new_id = ?", (new, old))
                self.conn.execute("INSERT OR REPLACE INTO entity_links VALUES (?, ?)", (old, new))

    def move_story(self, old_id: str, new_id: str) -> None:
        """Two stories merged: every report of ``old_id`` now belongs to ``new_id``, and ``old_id`` (and
        any id merged into it before) stays an alias of ``new_id``, so links to it keep working."""
        with self.transaction():
            self.conn.execute("UPDATE reports SET story_id = ? WHERE story_id = ?", (new_id, old_id))
            self.conn.execute("DELETE FROM stories WHERE id = ?", (old_id,))
            self.conn.execute("UPDATE story_aliases SET new_id = ? WHERE new_id = ?", (new_id, old_id))
            self.conn.execute("DELETE FROM story_aliases WHERE old_id = ?", (new_id,))
            self.conn.execute(
                "INSERT OR REPLACE INTO story_aliases (old_id, new_id) VALUES (?, ?)", (old_id, new_id)
            )

    def save_story(self, story: Story, digest: dict | None = None, full: str | None = None) -> None:
        """Write a story's row; ``digest`` is the export shape, ``full`` the records (codec.digest_to_json)."""
        with self.transaction():
            outlets = self.conn.execute(
                "SELECT COUNT(DISTINCT COALESCE(outlet, id)) FROM reports WHERE story_id = ?", (story.id,)
            ).fetchone()[0]
            self.conn.execute(
                "INSERT INTO stories (id, label, entities, first_seen, last_seen, report_count, outlet_count, digest, "
                "digest_full) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET label = excluded.label, "
                "entities = excluded.entities, first_seen = excluded.first_seen, last_seen = excluded.last_seen, "
                "report_count = excluded.report_count, outlet_count = excluded.outlet_count, "
                "digest = COALESCE(excluded.digest, stories.digest), "
                "digest_full = CASE WHEN excluded.digest IS NULL THEN stories.digest_full "
                "ELSE excluded.digest_full END, "
                "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
                (
                    story.id,
                    story.label,
                    json.dumps(list(story.entities), ensure_ascii=False),
                    story.first_seen,
                    story.last_seen,
                    len(story.report_ids),
                    outlets,
                    json.dumps(digest, ensure_ascii=False) if digest is not None else None,
                    full,
                ),
            )
