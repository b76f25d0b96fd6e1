-- Articles, their raw input, what cleaning removed, and full-text search over title + text.

CREATE TABLE articles (
    id           TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    source       TEXT NOT NULL,
    url          TEXT,
    title        TEXT,
    kicker       TEXT,
    byline       TEXT,
    outlet       TEXT,
    published    TEXT,  -- ISO 8601 as the input gave it; compared as a string
    language     TEXT,
    format       TEXT NOT NULL,
    body         TEXT NOT NULL,
    text         TEXT NOT NULL,
    paragraphs   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(paragraphs)),  -- [[start, end], ...] into text
    ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX articles_published ON articles (published, id);
CREATE INDEX articles_outlet ON articles (outlet, published, id);

-- The input bytes as read, kept so an article can be re-cleaned without the original file.
CREATE TABLE raw (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    data       BLOB NOT NULL
);

-- Offsets are into articles.body (the text before cleaning).
CREATE TABLE removals (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

-- External-content index: the text is stored once, in articles. Store.add and Store.delete keep
-- it in step, not triggers: FTS5 writes out its buffered terms at every savepoint, and each
-- statement that fires a trigger opens one, so committing many adds at once would not help.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Rank by bm25 with a title match counting double; `ORDER BY rank` lets FTS5 sort before snippets are made.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');
