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
    # 3: the fields the API filters, sorts and counts on, as real columns (json_extract on every
    # row is too slow at 100k incidents), keyset-pagination indexes, and a full-text index of
    # each incident's evidence sentences (kept in sync by triggers on incidents)
    (3, """
ALTER TABLE incidents ADD COLUMN actor_parent TEXT;
ALTER TABLE incidents ADD COLUMN country_name TEXT;
ALTER TABLE incidents ADD COLUMN admin1_name TEXT;
ALTER TABLE incidents ADD COLUMN target_type TEXT;
ALTER TABLE incidents ADD COLUMN claimed INTEGER;
ALTER TABLE incidents ADD COLUMN confirmation TEXT;
ALTER TABLE incidents ADD COLUMN background INTEGER;
ALTER TABLE incidents ADD COLUMN date_precision TEXT;
ALTER TABLE incidents ADD COLUMN killed INTEGER;
ALTER TABLE incidents ADD COLUMN injured INTEGER;
ALTER TABLE incidents ADD COLUMN casualties INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN latitude REAL;
ALTER TABLE incidents ADD COLUMN longitude REAL;
UPDATE incidents SET actor_parent = json_extract(data, '$.actor_parent'), country_name = json_extract(data, '$.country'),
    admin1_name = json_extract(data, '$.admin1'), target_type = json_extract(data, '$.target_type'),
    claimed = json_extract(data, '$.claimed'), confirmation = json_extract(data, '$.confirmation'),
    background = json_extract(data, '$.background'), date_precision = json_extract(data, '$.date_precision'),
    killed = json_extract(data, '$.killed'), injured = json_extract(data, '$.injured'),
    casualties = coalesce(json_extract(data, '$.killed'), 0) + coalesce(json_extract(data, '$.injured'), 0),
    latitude = json_extract(data, '$.latitude'), longitude = json_extract(data, '$.longitude');
CREATE INDEX incidents_day_id ON incidents(day_lo, id);
CREATE INDEX incidents_sources_id ON incidents(n_sources, id);
CREATE INDEX incidents_casualties_id ON incidents(casualties, id);
CREATE INDEX incidents_country_weapon ON incidents(country_code, weapon, day_lo, id);
-- covering indexes for /api/stats: a statistics query never reads the (large) record rows
CREATE INDEX incidents_stats_day ON incidents(day_lo, date_precision, actor_parent, actor, weapon, country_code,
    admin1_code, killed, injured);
-- covering index for /api/facets: its seven GROUP BYs scan this, not the records
CREATE INDEX incidents_facets ON incidents(weapon, event_type, target_type, confirmation, country_code, country_name,
    admin1_code, admin1_name, actor, actor_parent);
CREATE INDEX incidents_stats_country ON incidents(country_code, day_lo, date_precision, actor_parent, actor, weapon,
    admin1_code, killed, injured);
CREATE INDEX incidents_admin1 ON incidents(admin1_code, day_lo);
CREATE INDEX incidents_parent ON incidents(actor_parent);

CREATE VIRTUAL TABLE incidents_fts USING fts5(evidence);
INSERT INTO incidents_fts(rowid, evidence) SELECT i.rowid, (SELECT group_concat(json_extract(e.value, '$.text'), ' ')
    FROM json_each(i.data, '$.reports') r, json_each(r.value, '$.evidence') e) FROM incidents i;
CREATE TRIGGER incidents_fts_ai AFTER INSERT ON incidents BEGIN
    INSERT INTO incidents_fts(rowid, evidence) VALUES (new.rowid, (SELECT group_concat(json_extract(e.value, '$.text'), ' ')
        FROM json_each(new.data, '$.reports') r, json_each(r.value, '$.evidence') e));
END;
CREATE TRIGGER incidents_fts_ad AFTER DELETE ON incidents BEGIN
    DELETE FROM incidents_fts WHERE rowid = old.rowid;
END;
CREATE TRIGGER incidents_fts_au AFTER UPDATE OF data ON incidents BEGIN
    DELETE FROM incidents_fts WHERE rowid = old.rowid;
    INSERT INTO incidents_fts(rowid, evidence) VALUES (new.rowid, (SELECT group_concat(json_extract(e.value, '$.text'), ' ')
        FROM json_each(new.data, '$.reports') r, json_each(r.value, '$.evidence') e));
END;
"""),
    # 4: the incident's confidence (extraction/confidence.py) as a column, for min_confidence; a
    # database ingested before confidence existed keeps NULL until `attackwatch resolve`
    # re-merges its reports (and those reports, extracted before, carry none: re-ingest)
    (4, """
ALTER TABLE incidents ADD COLUMN confidence REAL;
UPDATE incidents SET confidence = json_extract(data, '$.confidence');
CREATE INDEX incidents_confidence ON incidents(confidence, id);
"""),
    # 5: the analyst's review of an incident (store/review.py): '' not reviewed, or confirmed /
    # corrected / rejected. Every read leaves rejected incidents out, so the column joins the
    # indexes the API's pages, counts, stats and facets are answered from (without it each match
    # costs a read of its record: a filtered list went from 7 to 49 ms p50 over 100k incidents)
    (5, """
ALTER TABLE incidents ADD COLUMN review TEXT NOT NULL DEFAULT '';
UPDATE incidents SET review = coalesce(json_extract(data, '$.review'), '');
DROP INDEX incidents_stats_day;
CREATE INDEX incidents_stats_day ON incidents(day_lo, date_precision, actor_parent, actor, weapon, country_code,
    admin1_code, killed, injured, review);
DROP INDEX incidents_stats_country;
CREATE INDEX incidents_stats_country ON incidents(country_code, day_lo, date_precision, actor_parent, actor, weapon,
    admin1_code, killed, injured, review);
DROP INDEX incidents_facets;
CREATE INDEX incidents_facets ON incidents(weapon, event_type, target_type, confirmation, country_code, country_name,
    admin1_code, admin1_name, actor, actor_parent, review);
CREATE INDEX incidents_review ON incidents(review, confidence, id);
DROP INDEX incidents_country;
CREATE INDEX incidents_country ON incidents(country_code, day_lo, review);
DROP INDEX incidents_day_id;
CREATE INDEX incidents_day_id ON incidents(day_lo, id, review);
DROP INDEX incidents_sources_id;
CREATE INDEX incidents_sources_id ON incidents(n_sources, id, review);
DROP INDEX incidents_casualties_id;
CREATE INDEX incidents_casualties_id ON incidents(casualties, id, review);
DROP INDEX incidents_country_weapon;
CREATE INDEX incidents_country_weapon ON incidents(country_code, weapon, day_lo, id, review);
DROP INDEX incidents_admin1;
CREATE INDEX incidents_admin1 ON incidents(admin1_code, day_lo, review);
DROP INDEX incidents_confidence;
CREATE INDEX incidents_confidence ON incidents(confidence, id, review);
"""),
    # 6: what changed, when: every incident created, updated (with the fields that changed),
    # merged into another (the survivor, so a merged-away id still leads somewhere), split or
    # removed; `attackwatch changes` and GET /api/changes read it
    (6, """
CREATE TABLE incident_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('created', 'updated', 'merged', 'split', 'removed')),
    other_id TEXT,                    -- merged: the survivor; split: the incident split from
    fields TEXT,                      -- JSON: {field: [before, after]} of what changed
    reports TEXT,                     -- JSON: {"added": [...], "removed": [...]} report ids
    cause TEXT                        -- ingest, edit, merge, split, resolve
);
CREATE INDEX incident_changes_at ON incident_changes(at, id);
CREATE INDEX incident_changes_incident ON incident_changes(incident_id, id);
"""),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
