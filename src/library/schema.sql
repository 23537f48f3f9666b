-- The library database, version 1 (PRAGMA user_version = 1).
-- stories: what listing and the reader show; texts: the body, apart so that
-- listing reads small rows; quotes and figures: spans into the body;
-- search: the FTS5 index over search_source (external content, not a copy).

CREATE TABLE stories (
    sid          INTEGER PRIMARY KEY,          -- order of adding
    id           TEXT NOT NULL UNIQUE,         -- 16 hex digits of SHA-256 of the (gunzipped) original
    title        TEXT NOT NULL,
    standfirst   TEXT,
    byline       TEXT,
    publisher    TEXT,
    published    TEXT,                         -- as the page says; never the import date
    url          TEXT,
    section      TEXT,
    source       TEXT,                         -- the file name it came from
    added_at     INTEGER NOT NULL,             -- Unix seconds of the import
    words        INTEGER NOT NULL,
    quote_count  INTEGER NOT NULL,
    figure_count INTEGER NOT NULL,
    pos_block    INTEGER NOT NULL DEFAULT 0,   -- reading position: block and byte offset
    pos_offset   INTEGER NOT NULL DEFAULT 0,
    percent_read INTEGER NOT NULL DEFAULT 0,
    read         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_published ON stories(published);
CREATE INDEX stories_publisher ON stories(publisher);

CREATE TABLE texts (
    sid    INTEGER PRIMARY KEY,                -- stories.sid
    body   TEXT NOT NULL,                      -- every block's text, joined by '\n'
    layout TEXT NOT NULL                       -- per block: kind letter and byte length
);

CREATE TABLE quotes (
    story   INTEGER NOT NULL,                  -- stories.sid
    seq     INTEGER NOT NULL,
    speaker TEXT,                              -- as the story names them ("the company")
    person  TEXT,                              -- one name per person in the story: what speakers group by
    text    TEXT NOT NULL,
    kind    TEXT NOT NULL,                     -- direct | partial
    block   INTEGER NOT NULL,
    start   INTEGER NOT NULL,                  -- byte range in the block's text
    end     INTEGER NOT NULL,
    PRIMARY KEY (story, seq)
) WITHOUT ROWID;
CREATE INDEX quotes_person ON quotes(person, story);

CREATE TABLE figures (
    story INTEGER NOT NULL,                    -- stories.sid
    seq   INTEGER NOT NULL,
    kind  TEXT NOT NULL,                       -- money | percent | count | ...
    value REAL,
    unit  TEXT,
    text  TEXT NOT NULL,
    block INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL,
    PRIMARY KEY (story, seq)
) WITHOUT ROWID;
CREATE INDEX figures_value ON figures(kind, value, unit, story);

-- Lines of text dumps that may be page furniture (see ingest::furniture).
CREATE TABLE furniture (
    id        TEXT PRIMARY KEY,                -- stories.id (may come before its story)
    publisher TEXT,
    lines     TEXT NOT NULL                    -- JSON array of strings
) WITHOUT ROWID;

-- generation: bumped by every add, removal and rebuild (change_token).
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
INSERT INTO meta VALUES ('generation', 0);

-- Quotes come in (story, seq) order: the primary key is the only index
-- on story. (No ORDER BY inside group_concat: sqlite3 before 3.44 could
-- not read the schema.)
CREATE VIEW search_source AS
SELECT s.sid AS sid, s.title AS title, s.byline AS byline, s.publisher AS publisher,
       (SELECT group_concat(coalesce(q.person, q.speaker), char(10)) FROM quotes q WHERE q.story = s.sid) AS speakers,
       (SELECT group_concat(q.text, char(10)) FROM quotes q WHERE q.story = s.sid) AS quoted,
       t.body AS body
FROM stories s JOIN texts t ON t.sid = s.sid;

CREATE VIRTUAL TABLE search USING fts5(
    title, byline, publisher, speakers, quoted, body,
    content = 'search_source', content_rowid = 'sid',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- A story is searchable once its text row lands (quotes go in before it).
CREATE TRIGGER texts_indexed AFTER INSERT ON texts BEGIN
    INSERT INTO search(rowid, title, byline, publisher, speakers, quoted, body)
    SELECT sid, title, byline, publisher, speakers, quoted, body FROM search_source WHERE sid = new.sid;
END;

-- Removing a story removes its text, quotes, figures and index entries.
CREATE TRIGGER stories_removed BEFORE DELETE ON stories BEGIN
    INSERT INTO search(search, rowid, title, byline, publisher, speakers, quoted, body)
    SELECT 'delete', sid, title, byline, publisher, speakers, quoted, body FROM search_source WHERE sid = old.sid;
    DELETE FROM texts WHERE sid = old.sid;
    DELETE FROM quotes WHERE story = old.sid;
    DELETE FROM figures WHERE story = old.sid;
    UPDATE meta SET value = value + 1 WHERE key = 'generation';
END;

CREATE TRIGGER stories_added AFTER INSERT ON stories BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'generation';
END;

-- Ranking: a match in the title weighs most, then speakers and quotes.
INSERT INTO search(search, rank) VALUES ('rank', 'bm25(10.0, 2.0, 2.0, 5.0, 4.0, 1.0)');
