"""The store's schema as numbered migrations; ``PRAGMA user_version`` records how far a file has come.

A migration is never edited once released: add a new one. A database written by a newer crosswire
(user_version beyond the list) is refused rather than silently misread.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: reports, stories, full-text search, extracted things as queryable rows
    """
    CREATE TABLE reports (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        uri TEXT,
        outlet TEXT,
        outlet_source TEXT,
        title TEXT,
        body TEXT NOT NULL,
        published TEXT,
        published_source TEXT,
        published_reason TEXT,
        language TEXT,
        boilerplate TEXT NOT NULL DEFAULT '[]',
        captions TEXT NOT NULL DEFAULT '[]',
        republished_from TEXT,
        content_hash TEXT NOT NULL DEFAULT '',
        text_hash TEXT NOT NULL DEFAULT '',
        fingerprint BLOB,
        syndicated_from TEXT,
        story_id TEXT,
        analysis TEXT,
        features BLOB,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX reports_text_hash ON reports(text_hash);
    CREATE INDEX reports_story ON reports(story_id);
    CREATE INDEX reports_published ON reports(published);

    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL DEFAULT '',
        entities TEXT NOT NULL DEFAULT '[]',
        first_seen TEXT,
        last_seen TEXT,
        report_count INTEGER NOT NULL DEFAULT 0,
        outlet_count INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        digest TEXT
    );
    CREATE INDEX stories_last_seen ON stories(last_seen);

    CREATE VIRTUAL TABLE reports_fts USING fts5(
        title, body, content='reports', content_rowid='seq', tokenize='porter unicode61'
    );
    CREATE TRIGGER reports_ai AFTER INSERT ON reports BEGIN
        INSERT INTO reports_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
    END;
    CREATE TRIGGER reports_ad AFTER DELETE ON reports BEGIN
        INSERT INTO reports_fts(reports_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
    END;
    CREATE TRIGGER reports_au AFTER UPDATE OF title, body ON reports BEGIN
        INSERT INTO reports_fts(reports_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
        INSERT INTO reports_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
    END;

    CREATE TABLE mentions (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        count INTEGER NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE INDEX mentions_report ON mentions(report_id);

    CREATE TABLE quotes (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        kind TEXT NOT NULL,
        speaker TEXT,
        speaker_entity TEXT,
        anonymous INTEGER NOT NULL DEFAULT 0,
        relayed_via TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX quotes_report ON quotes(report_id);
    CREATE INDEX quotes_speaker ON quotes(speaker);

    CREATE TABLE events (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        actors TEXT NOT NULL DEFAULT '[]',
        targets TEXT NOT NULL DEFAULT '[]',
        "where" TEXT,
        "when" TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
    );
    CREATE INDEX events_report ON events(report_id);
    CREATE INDEX events_kind ON events(kind);
    """,
    # 2: indexes for the web's reads at 100k reports (bench/web.py). Report rows are wide (body,
    # analysis), so each lookup that needs only story_id gets a covering index instead of the row.
    """
    CREATE INDEX reports_copies ON reports(syndicated_from) WHERE syndicated_from IS NOT NULL;
    CREATE INDEX reports_outlet_story ON reports(outlet COLLATE NOCASE, story_id);
    CREATE INDEX reports_language_story ON reports(language, story_id);
    CREATE INDEX reports_seq_story ON reports(seq, story_id);
    CREATE INDEX reports_id_story ON reports(id, story_id);
    CREATE INDEX mentions_name ON mentions(name COLLATE NOCASE);
    CREATE INDEX stories_newest ON stories(COALESCE(last_seen, '') DESC, updated_at DESC, id);
    """,
    # 3: what kind of attribution a quote is (speech, belief, stance, scare), so views can show speech only
    """
    ALTER TABLE quotes ADD COLUMN attribution TEXT NOT NULL DEFAULT 'speech';
    CREATE INDEX quotes_attribution ON quotes(attribution);
    """,
    # 4: the ids of stories merged into others, so a link or a note that names one still finds its story
    """
    CREATE TABLE story_aliases (
        old_id TEXT PRIMARY KEY,
        new_id TEXT NOT NULL
    );
    CREATE INDEX story_aliases_new ON story_aliases(new_id);
    """,
    # 5: a story's whole comparison and brief (records as JSON, store/codec.py), so showing them loads no model
    """
    ALTER TABLE stories ADD COLUMN digest_full TEXT;
    """,
    # 6: entity ids the writer relinked to one person's id ("donald-j-trump" -> "donald-trump"), so the
    # analyses stored with each report can be read with the store's ids
    """
    CREATE TABLE entity_links (
        old_id TEXT PRIMARY KEY,
        new_id TEXT NOT NULL
    );
    """,
    # 7: a story's outlet count is of the outlets known: five reports of unknown origin are not five outlets
    """
    UPDATE stories SET outlet_count = (
        SELECT COUNT(DISTINCT r.outlet) FROM reports r WHERE r.story_id = stories.id
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
