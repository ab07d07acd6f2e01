"""The PostgreSQL incident schema, as numbered migrations applied in order.

The same tables as the SQLite schema (store/schema.py), in PostgreSQL's types: records are
JSONB (queried with JSONB operators, GIN-indexed for containment), and article search is
PostgreSQL's own full-text search: a generated tsvector over title (weight A) and text
(weight B) with a GIN index, so the index can never fall out of step with the rows.
All migrations missing from a database are applied in one transaction under an advisory
lock (see PostgresStore.migrate), so two processes opening a new database at once are safe.
"""
from __future__ import annotations

# The text-search configuration: English stemming ("rockets" finds "rocket").
TS_CONFIG = "english"


def _number(key: str) -> str:
    return f"CASE WHEN jsonb_typeof(data->'{key}') = 'number' THEN (data->>'{key}')::float8 END"


def _count(key: str) -> str:
    """An integer field (as SQLite's column gets int(value) of a number, NULL otherwise)."""
    return f"CASE WHEN jsonb_typeof(data->'{key}') = 'number' THEN trunc((data->>'{key}')::numeric)::integer END"


def _flag(key: str) -> str:
    """A boolean field as 1/0 (NULL when absent), as SQLite's column stores it."""
    v, t = f"data->>'{key}'", f"jsonb_typeof(data->'{key}')"
    return (f"CASE WHEN {t} IS NULL OR {t} = 'null' THEN NULL WHEN {t} = 'boolean' THEN ({v})::boolean::integer "
            f"WHEN {t} = 'number' THEN (({v})::numeric <> 0)::integer WHEN {t} = 'string' THEN (({v}) <> '')::integer "
            "ELSE 1 END")


# Ids and timestamps sort bytewise (COLLATE "C") whatever the cluster's locale, as in SQLite:
# the order of an incident's reports, and so its record, must not depend on the server.
MIGRATIONS: list[tuple[int, str]] = [
    (1, f"""
CREATE TABLE articles (
    id TEXT COLLATE "C" PRIMARY KEY,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    content_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    path TEXT,
    ingested_at TEXT COLLATE "C" NOT NULL,
    author TEXT,
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('{TS_CONFIG}', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('{TS_CONFIG}', text), 'B')) STORED
);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);

CREATE TABLE reports (
    id TEXT COLLATE "C" PRIMARY KEY, -- article id '#' ordinal
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    date TEXT,
    date_precision TEXT,
    day_lo INTEGER NOT NULL,          -- the days the report's date may fall on (ordinals; -1 undated)
    day_hi INTEGER NOT NULL,
    country_code TEXT,
    admin1_code TEXT,
    weapon TEXT,
    actor TEXT,
    data JSONB NOT NULL               -- the contract record
);
CREATE INDEX reports_article ON reports(article_id);
CREATE INDEX reports_window ON reports(country_code, day_lo, day_hi);
CREATE INDEX reports_actor ON reports(actor);

CREATE TABLE incidents (
    id TEXT COLLATE "C" PRIMARY KEY,
    date TEXT,
    day_lo INTEGER NOT NULL,
    country_code TEXT,
    admin1_code TEXT,
    actor TEXT,
    weapon TEXT,
    event_type TEXT,
    n_sources INTEGER NOT NULL,
    data JSONB NOT NULL,              -- the canonical record
    updated_at TEXT NOT NULL
);
CREATE INDEX incidents_date ON incidents(day_lo, id);
CREATE INDEX incidents_country ON incidents(country_code, day_lo);
CREATE INDEX incidents_actor ON incidents(actor);
-- containment filters (claimed, confirmation, target_type) use data @> '{{...}}'
CREATE INDEX incidents_data ON incidents USING GIN (data jsonb_path_ops);

CREATE TABLE incident_reports (
    report_id TEXT COLLATE "C" PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
    -- deferred: a batch links reports first and writes the merged incident record after
    incident_id TEXT COLLATE "C" NOT NULL REFERENCES incidents(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    -- the order links were made (SQLite's rowid): resolution seeds an incident's reports in it
    seq BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX incident_reports_incident ON incident_reports(incident_id, seq);

CREATE TABLE edits (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('field', 'merge', 'split')),
    incident_id TEXT NOT NULL,        -- as it was when the edit was made
    anchors JSONB NOT NULL,           -- report ids that identify the incident(s) across re-resolution
    field TEXT,
    value JSONB,
    note TEXT,
    author TEXT,
    created_at TEXT NOT NULL
);
"""),
    # 2: the fields the API filters, sorts and counts on as real columns (SQLite's migration 3),
    # here generated from the record so they cannot disagree with it, keyset-pagination
    # indexes, and a full-text index of each incident's evidence sentences (no stemming, like
    # SQLite's FTS5 index, since the filter matches word prefixes)
    (2, f"""
ALTER TABLE incidents
    ADD COLUMN actor_parent TEXT GENERATED ALWAYS AS (data->>'actor_parent') STORED,
    ADD COLUMN country_name TEXT GENERATED ALWAYS AS (data->>'country') STORED,
    ADD COLUMN admin1_name TEXT GENERATED ALWAYS AS (data->>'admin1') STORED,
    ADD COLUMN target_type TEXT GENERATED ALWAYS AS (data->>'target_type') STORED,
    ADD COLUMN claimed INTEGER GENERATED ALWAYS AS ({_flag('claimed')}) STORED,
    ADD COLUMN confirmation TEXT GENERATED ALWAYS AS (data->>'confirmation') STORED,
    ADD COLUMN background INTEGER GENERATED ALWAYS AS ({_flag('background')}) STORED,
    ADD COLUMN date_precision TEXT GENERATED ALWAYS AS (data->>'date_precision') STORED,
    ADD COLUMN killed INTEGER GENERATED ALWAYS AS ({_count('killed')}) STORED,
    ADD COLUMN injured INTEGER GENERATED ALWAYS AS ({_count('injured')}) STORED,
    ADD COLUMN casualties INTEGER GENERATED ALWAYS AS (coalesce({_count('killed')}, 0) + coalesce({_count('injured')}, 0)) STORED,
    ADD COLUMN latitude DOUBLE PRECISION GENERATED ALWAYS AS ({_number('latitude')}) STORED,
    ADD COLUMN longitude DOUBLE PRECISION GENERATED ALWAYS AS ({_number('longitude')}) STORED,
    ADD COLUMN evidence_tsv tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', jsonb_path_query_array(data, '$.reports[*].evidence[*].text'))) STORED;
CREATE INDEX incidents_sources_id ON incidents(n_sources, id);
CREATE INDEX incidents_casualties_id ON incidents(casualties, id);
CREATE INDEX incidents_country_weapon ON incidents(country_code, weapon, day_lo, id);
-- covering indexes for /api/stats (index-only scans: a statistics query never reads the records)
CREATE INDEX incidents_stats_day ON incidents(day_lo)
    INCLUDE (date_precision, actor_parent, actor, weapon, country_code, admin1_code, killed, injured);
DROP INDEX incidents_country;
CREATE INDEX incidents_stats_country ON incidents(country_code, day_lo)
    INCLUDE (date_precision, actor_parent, actor, weapon, admin1_code, killed, injured);
CREATE INDEX incidents_admin1 ON incidents(admin1_code, day_lo);
CREATE INDEX incidents_parent ON incidents(actor_parent);
CREATE INDEX incidents_evidence ON incidents USING GIN (evidence_tsv);
"""),
    # 3: the incident's confidence (SQLite's migration 4), generated from the record like the rest
    (3, f"""
ALTER TABLE incidents ADD COLUMN confidence DOUBLE PRECISION GENERATED ALWAYS AS ({_number('confidence')}) STORED;
CREATE INDEX incidents_confidence ON incidents(confidence, id);
"""),
    # 4: the analyst's review (SQLite's migration 5): '' not reviewed, or confirmed / corrected /
    # rejected; every read leaves rejected incidents out, so it joins the indexes reads use
    (4, """
ALTER TABLE incidents ADD COLUMN review TEXT GENERATED ALWAYS AS (coalesce(data->>'review', '')) STORED;
DROP INDEX incidents_stats_day;
CREATE INDEX incidents_stats_day ON incidents(day_lo)
    INCLUDE (date_precision, actor_parent, actor, weapon, country_code, admin1_code, killed, injured, review);
DROP INDEX incidents_stats_country;
CREATE INDEX incidents_stats_country ON incidents(country_code, day_lo)
    INCLUDE (date_precision, actor_parent, actor, weapon, admin1_code, killed, injured, review);
CREATE INDEX incidents_review ON incidents(review, confidence, id);
DROP INDEX incidents_date;
CREATE INDEX incidents_date ON incidents(day_lo, id) INCLUDE (review);
DROP INDEX incidents_sources_id;
CREATE INDEX incidents_sources_id ON incidents(n_sources, id) INCLUDE (review);
DROP INDEX incidents_casualties_id;
CREATE INDEX incidents_casualties_id ON incidents(casualties, id) INCLUDE (review);
DROP INDEX incidents_country_weapon;
CREATE INDEX incidents_country_weapon ON incidents(country_code, weapon, day_lo, id) INCLUDE (review);
DROP INDEX incidents_admin1;
CREATE INDEX incidents_admin1 ON incidents(admin1_code, day_lo) INCLUDE (review);
DROP INDEX incidents_confidence;
CREATE INDEX incidents_confidence ON incidents(confidence, id) INCLUDE (review);
"""),
    # 5: what changed, when (SQLite's migration 6)
    (5, """
CREATE TABLE incident_changes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TEXT COLLATE "C" NOT NULL,
    incident_id TEXT COLLATE "C" NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('created', 'updated', 'merged', 'split', 'removed')),
    other_id TEXT COLLATE "C",
    fields JSONB,
    reports JSONB,
    cause TEXT
);
CREATE INDEX incident_changes_at ON incident_changes(at, id);
CREATE INDEX incident_changes_incident ON incident_changes(incident_id, id);
"""),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
