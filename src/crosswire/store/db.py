"""The only writer of SQL: opens the file (WAL), migrates it, and writes records in transactions.

Every write of a batch happens inside one transaction, so a crash or a bad input half-way never
leaves a report without its analysis, or a story pointing at nothing.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from crosswire.errors import StoreError
from crosswire.model import Analysis, Report, Story
from crosswire.store.codec import REPORT_COLUMNS, analysis_to_json, report_to_row
from crosswire.store.families import GIVEN, GIVEN_MIN_FULL, PLACE_KINDS, Member, family_links
from crosswire.store.schema import MIGRATIONS, SCHEMA_VERSION


def _plain(name: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(name.lower().split()))


class Store:
    """An open crosswire database. Use ``Store.open(path)``; close it, or use it as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        # surname -> {entity id: [name, kind, mentions]}: the store's people, for linking name forms
        self._families: dict[str, dict[str, Member]] | None = None

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
        self._family_table()  # read before these rows are in, so they are counted once
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

    def _family_table(self) -> dict[str, dict[str, Member]]:
        if self._families is None:
            self._families = {}
            for eid, name, kind, count in self.conn.execute(
                "SELECT entity_id, name, kind, SUM(count) FROM mentions GROUP BY entity_id, name, kind"
            ):
                self._count(eid, name, kind, count)
        return self._families

    def _count(self, eid: str, name: str, kind: str, count: int) -> list[str]:
        """Count a row in its surname's family and in its given name's (``GIVEN``): a bare "Hillary"
        is weighed against the people named Hillary as a bare "Clinton" is against the Clintons."""
        words = name.split()
        if not words or (len(words) > 1 and kind != "PERSON"):
            return []
        family = self._family_table()
        keys = [words[-1].lower(), GIVEN + words[0].lower()]
        for key in keys:
            family.setdefault(key, {}).setdefault(eid, Member(name)).add(eid, name, kind, count)
        return keys

    def _forget_mentions(self, report_id: str) -> None:
        for eid, name, kind, count in self.conn.execute(
            "SELECT entity_id, name, kind, count FROM mentions WHERE report_id = ?", (report_id,)
        ):
            self._count(eid, name, kind, -count)

    def _link_name_forms(self, rows: list[tuple[str, str, str, str, int]]) -> None:
        """Give one id to the forms of a person's name across the store's reports, as they are written.

        "Donald J. Trump" and "Crooked Hillary Clinton" take the id of "Donald Trump" and "Hillary
        Clinton" once the store has those; a bare "Trump" or "Obama" (a report that never wrote the
        full name) takes the id of the full-name person the store names far more than anyone else
        of that surname (``DOMINANT_RATIO``), also where NER tagged it an organisation
        (``OTHER_KIND_RATIO``). Rows written earlier are relinked when the full name arrives later.
        A link once made stays, and a later report's row of the linked id that NER called a person
        follows it (what readers see through ``entity_links`` anyway); one it tagged otherwise is
        weighed again ("Ferguson" ORG, the town, is not the spokesman "Ferguson").
        """
        family_table = self._family_table()
        linked = self._linked({r[1] for r in rows})
        touched: set[str] = set()
        for report_id, eid, name, kind, count in rows:
            new = linked.get(eid)
            if new is not None and kind == "PERSON":
                known = family_table.get(name.split()[-1].lower(), {}).get(new)
                full = known.name if known else self._name_of(new)
                self._relink(eid, new, full, report_id)
                eid, name, kind = new, full, "PERSON"
            touched.update(self._count(eid, name, kind, count))
        done: set[str] = set()
        # surnames first: a bare name a surname family links is not weighed again as a given name
        for key in sorted(touched, key=lambda k: (k.startswith(GIVEN), k)):
            members = family_table.get(key, {})
            links = family_links(members)
            if key.startswith(GIVEN):
                links = {
                    o: n
                    for o, n in links.items()
                    if self._given_name(o, members, done) and members[n].person >= GIVEN_MIN_FULL
                }
            done.update(links)
            for old, new in links.items():
                gone = members.pop(old)
                members[new].absorb(gone)
                if gone.place > 0:  # its rows tagged a place keep their id
                    members[old] = Member(gone.name, count=gone.place, place=gone.place)
                self._relink(old, new, members[new].name)
                self.conn.execute("UPDATE entity_links SET new_id = ? WHERE new_id = ?", (new, old))
                self.conn.execute("INSERT OR REPLACE INTO entity_links VALUES (?, ?)", (old, new))

    def _given_name(self, eid: str, members: dict[str, Member], done: set[str]) -> bool:
        """Whether a given-name family may link ``eid``: a bare name NER called a person, that no
        surname family linked and that is nobody's surname in the store ("Obama" is Barack's and
        Michelle's surname, not the first word of an "Obama White House" NER took for a person)."""
        m = members.get(eid)
        if m is None or eid in done or len(m.name.split()) != 1 or m.person * 2 < m.count:
            return False
        surname = self._family_table().get(m.name.lower(), {})
        if any(len(x.name.split()) > 1 and x.person > 0 for x in surname.values()):
            return False
        return not self._linked({eid})

    def _linked(self, ids: set[str]) -> dict[str, str]:
        """{old id: new id} of those ``ids`` a link was made for."""
        found: dict[str, str] = {}
        part = sorted(ids)
        for start in range(0, len(part), 500):
            chunk = part[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                self.conn.execute(f"SELECT old_id, new_id FROM entity_links WHERE old_id IN ({marks})", chunk)
            )
        return found

    def _name_of(self, eid: str) -> str:
        row = self.conn.execute(
            "SELECT name FROM mentions WHERE entity_id = ? AND kind = 'PERSON' "
            "ORDER BY length(name) - length(replace(name, ' ', '')) DESC, count DESC LIMIT 1",
            (eid,),
        ).fetchone()
        return row[0] if row else eid

    def _relink(self, old: str, new: str, name: str, report_id: str | None = None) -> None:
        """Move ``old``'s mention rows (not those tagged a place) and quote speakers, of one report or
        of all, to the person ``new`` called ``name``."""
        mine = "" if report_id is None else " AND report_id = ?"
        args = (old,) if report_id is None else (old, report_id)
        self.conn.execute(
            "UPDATE mentions SET entity_id = ?, name = ?, kind = 'PERSON' WHERE entity_id = ?"
            f"{mine} AND kind NOT IN ({','.join('?' * len(PLACE_KINDS))})",
            (new, name, *args, *sorted(PLACE_KINDS)),
        )
        self.conn.execute(
            f"UPDATE quotes SET speaker_entity = ? WHERE speaker_entity = ?{mine}", (new, *args)
        )

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
                "SELECT COUNT(DISTINCT outlet) FROM reports WHERE story_id = ?", (story.id,)
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
