-- Stories (events) the clusterer found, which articles each holds, the clusterer's state so a
-- later run continues it, the log of merges and splits, and report snapshots per run (for
-- `crosscheck updates`).

CREATE TABLE stories (
    id       TEXT PRIMARY KEY,  -- "s-" + hash of its first article's id; never changes
    title    TEXT NOT NULL,
    topic_id TEXT,              -- stories of the same kind of event share a topic
    created  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))  -- its articles last changed
);
CREATE INDEX stories_updated ON stories (updated, id);

-- One story per article; seq is the article's arrival order in its story.
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id, seq);

-- A story merged into another: its old id still finds the story that absorbed it.
CREATE TABLE story_aliases (
    old_id   TEXT PRIMARY KEY,
    story_id TEXT NOT NULL
);

-- The clusterer's whole state (zlib-compressed JSON), one row: the next run starts from it.
CREATE TABLE story_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    state   BLOB NOT NULL,
    updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Merges and splits, in the order they happened.
CREATE TABLE story_events (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,  -- merge | split
    level       TEXT NOT NULL,  -- story | topic
    into_id     TEXT NOT NULL,  -- the surviving story or topic
    other_id    TEXT NOT NULL,  -- the one absorbed (merge) or created (split)
    reason      TEXT NOT NULL,
    article_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(article_ids)),
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A run of `crosscheck report` (or of api.save_report_snapshots) that saved story reports.
CREATE TABLE runs (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    command TEXT NOT NULL,
    at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A story's report JSON (zlib-compressed) as it was at a run.
CREATE TABLE report_snapshots (
    run_id   INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    report   BLOB NOT NULL,
    PRIMARY KEY (story_id, run_id)
) WITHOUT ROWID;
