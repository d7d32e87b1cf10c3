-- dyadwatch store schema, version 2 (see schema.py). Applied with CREATE ... IF NOT EXISTS, so reapplying is harmless.

CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id       VARCHAR PRIMARY KEY,
    title        VARCHAR,
    url          VARCHAR,
    outlet       VARCHAR,
    published    DATE,
    text         VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    origin       VARCHAR NOT NULL,
    ingested_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS events (
    event_id       VARCHAR PRIMARY KEY,
    doc_id         VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    source_text    VARCHAR,  -- NULL source_text means the event has no source actor
    source_code    VARCHAR,
    source_country VARCHAR,
    source_sector  VARCHAR,
    source_name    VARCHAR,
    target_text    VARCHAR,  -- NULL target_text means the event has no target actor
    target_code    VARCHAR,
    target_country VARCHAR,
    target_sector  VARCHAR,
    target_name    VARCHAR,
    cameo          VARCHAR NOT NULL,
    plover         VARCHAR NOT NULL,
    goldstein      DOUBLE NOT NULL,
    quad_class     INTEGER NOT NULL,
    status         VARCHAR NOT NULL,
    "date"         VARCHAR,  -- YYYY, YYYY-MM or YYYY-MM-DD
    date_basis     VARCHAR,
    attribution    JSON NOT NULL,  -- list of {"text", "kind"}, nearest first
    evidence_text  VARCHAR NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    cluster_id     VARCHAR,
    "trigger"      VARCHAR NOT NULL DEFAULT '',
    trigger_start  INTEGER  -- character offset of the trigger: events of a sentence in text order
);
-- Stores made before trigger_start existed gain the column (their events keep NULL and sort last).
ALTER TABLE events ADD COLUMN IF NOT EXISTS trigger_start INTEGER;

CREATE INDEX IF NOT EXISTS events_dyad ON events (source_country, target_country);
CREATE INDEX IF NOT EXISTS events_date ON events ("date");
CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);

CREATE TABLE IF NOT EXISTS rejections (
    rejection_id VARCHAR PRIMARY KEY,
    origin       VARCHAR NOT NULL,
    reason       VARCHAR NOT NULL,
    detail       VARCHAR NOT NULL DEFAULT '',
    doc_id       VARCHAR,
    rejected_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Stories and event clusters (dyadwatch.stories). Derived from documents and events; rebuilt on demand.

CREATE TABLE IF NOT EXISTS doc_signatures (
    doc_id          VARCHAR PRIMARY KEY,
    published       DATE,
    outlet          VARCHAR,
    dyads           VARCHAR[] NOT NULL,  -- unordered primary-code pairs of its events, "CHN-PRK"
    content_minhash BLOB NOT NULL,       -- MinHash (uint32 little-endian) of its content-word stems
    shingle_minhash BLOB NOT NULL        -- MinHash of its word 3-grams (verbatim copies)
);

CREATE TABLE IF NOT EXISTS doc_lsh (      -- locality-sensitive hashing bands of content_minhash
    bucket BIGINT NOT NULL,               -- hash of (band number, band values)
    doc_id VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_lsh_bucket ON doc_lsh (bucket);

CREATE TABLE IF NOT EXISTS doc_profiles (  -- what a document is about (dyadwatch.stories.profiles)
    doc_id  VARCHAR PRIMARY KEY,
    terms   VARCHAR[] NOT NULL,           -- salient terms, heaviest first
    weights DOUBLE[] NOT NULL             -- their unit-length weights
);

CREATE TABLE IF NOT EXISTS doc_terms (     -- blocking: a document under each heavy term, per week
    bucket BIGINT NOT NULL,               -- hash of (term, publication week)
    doc_id VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_terms_bucket ON doc_terms (bucket);

CREATE TABLE IF NOT EXISTS stories (
    story_id        VARCHAR PRIMARY KEY,
    n_docs          INTEGER NOT NULL,
    first_published DATE,
    last_published  DATE
);

CREATE TABLE IF NOT EXISTS story_documents (
    doc_id       VARCHAR PRIMARY KEY,
    story_id     VARCHAR NOT NULL,
    duplicate_of VARCHAR,                 -- the original of a wire copy or near-duplicate
    similarity   DOUBLE,                  -- estimated content Jaccard with duplicate_of
    copy_kind    VARCHAR                  -- 'copy' (verbatim) or 'near_duplicate'; NULL for originals
);
CREATE INDEX IF NOT EXISTS story_documents_story ON story_documents (story_id);

CREATE TABLE IF NOT EXISTS story_links (  -- why two documents share a story
    doc_a      VARCHAR NOT NULL,
    doc_b      VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,          -- copy, near_duplicate or story
    similarity DOUBLE NOT NULL
);

CREATE TABLE IF NOT EXISTS event_features (
    event_id    VARCHAR PRIMARY KEY,
    doc_id      VARCHAR NOT NULL,
    dyad        VARCHAR NOT NULL,         -- unordered primary codes, "CHN-PRK" ("-PRK" without target)
    span_start  DATE,                     -- the days the event can fall on (NULL: unknown)
    span_end    DATE,
    denial      BOOLEAN NOT NULL,         -- a party denying something (for contradictions)
    report      JSON NOT NULL,            -- the clustering view of the event (stories.matching.Report)
    cluster_id  VARCHAR NOT NULL          -- copy of events.cluster_id, so blocking needs no join
);
CREATE INDEX IF NOT EXISTS event_features_cluster ON event_features (cluster_id);
CREATE INDEX IF NOT EXISTS event_features_doc ON event_features (doc_id);

CREATE TABLE IF NOT EXISTS clusters (
    cluster_id          VARCHAR PRIMARY KEY,
    plover              VARCHAR NOT NULL,
    cameo               VARCHAR NOT NULL,
    source_country      VARCHAR,
    target_country      VARCHAR,
    "date"              VARCHAR,
    n_reports           INTEGER NOT NULL,
    n_asserted          INTEGER NOT NULL,
    n_docs              INTEGER NOT NULL,
    independent_origins INTEGER NOT NULL,
    origins             JSON NOT NULL,    -- distinct origin keys
    contradictions      JSON NOT NULL     -- list of {"kind", "event_ids", "against", "detail"}
);

-- Relation units (store/relation_units.py): each undirected dyad's cluster units, as the relations index
-- counts them, derived from events and kept by the writer; pending dyads are read from events instead.
CREATE TABLE IF NOT EXISTS relation_units (
    a           VARCHAR NOT NULL,         -- the dyad's primary codes, a <= b
    b           VARCHAR NOT NULL,
    unit_id     VARCHAR NOT NULL,         -- cluster_id, or event_id of an unclustered report
    event_id    VARCHAR NOT NULL,         -- the representative report
    source      VARCHAR,
    target      VARCHAR,
    plover      VARCHAR NOT NULL,
    cameo       VARCHAR NOT NULL,
    goldstein   DOUBLE NOT NULL,
    quad_class  INTEGER NOT NULL,
    "date"      VARCHAR,
    n_reports   BIGINT NOT NULL,
    n_docs      BIGINT NOT NULL,
    clustered   BOOLEAN NOT NULL,
    event_ids   VARCHAR[] NOT NULL        -- every report of the unit: the evidence behind it
);
CREATE TABLE IF NOT EXISTS relation_pending (  -- dyads whose relation_units rows are stale
    a VARCHAR NOT NULL,
    b VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS relation_state (    -- one row (true) once relation_units covers every dyad
    built    BOOLEAN NOT NULL,
    appended BIGINT NOT NULL DEFAULT 0        -- rows refreshes appended after the sorted ones (re-sorted at 25 %)
);
