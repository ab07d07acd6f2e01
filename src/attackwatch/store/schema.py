"""The incident database schema, as numbered migrations applied in order.

A database created by an older version carries its `schema_version`; opening it applies
the missing migrations in one transaction, so a file never sits half-migrated.
"""
from __future__ import annotations

MIGRATIONS: list[tuple[int, str]] = [
    (1, """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    content_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    path TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_hash ON articles(content_hash);

CREATE TABLE reports (
    id TEXT PRIMARY KEY,              -- article id '#' ordinal
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    date TEXT,
    date_precision TEXT,
    day_lo INTEGER NOT NULL,          -- the days the report's date may fall on (ordinals; -1 undated)
    day_hi INTEGER NOT NULL,
    country_code TEXT,
    admin1_code TEXT,
    weapon TEXT,
    actor TEXT,
    data TEXT NOT NULL                -- the contract record, JSON
);
CREATE INDEX reports_article ON reports(article_id);
CREATE INDEX reports_window ON reports(country_code, day_lo, day_hi);

CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    date TEXT,
    day_lo INTEGER NOT NULL,
    country_code TEXT,
    admin1_code TEXT,
    actor TEXT,
    weapon TEXT,
    event_type TEXT,
    n_sources INTEGER NOT NULL,
    data TEXT NOT NULL,               -- the canonical record, JSON
    updated_at TEXT NOT NULL
);
CREATE INDEX incidents_date ON incidents(day_lo);
CREATE INDEX incidents_country ON incidents(country_code, day_lo);

CREATE TABLE incident_reports (
    report_id TEXT PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
    -- deferred: a batch links reports first and writes the merged incident record after
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX incident_reports_incident ON incident_reports(incident_id);

CREATE TABLE edits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('field', 'merge', 'split')),
    incident_id TEXT NOT NULL,        -- as it was when the edit was made
    anchors TEXT NOT NULL,            -- JSON: report ids that identify the incident(s) across re-resolution
    field TEXT,
    value TEXT,                       -- JSON
    note TEXT,
    author TEXT,
    created_at TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
"""),
    (2, """
ALTER TABLE articles ADD COLUMN author TEXT;
CREATE INDEX reports_actor ON reports(actor);
CREATE INDEX incidents_actor ON incidents(actor);
"""),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
