-- Version 2 (PRAGMA user_version = 2): texts.body is kept zlib-compressed,
-- as a BLOB, when that is smaller (see packed.rs); plain TEXT bodies are
-- read as they are. lede_text() and lede_pack() are functions lede
-- registers on every connection: the index's content view reads bodies
-- through lede_text(), and the bodies already stored are packed here.
-- The index itself does not change: the view gives the same text.
--
-- Stories are indexed by lede after each batch (store::index_new), no
-- longer by a trigger per text row: FTS5 writes its pending entries to
-- disk at every statement savepoint, so a trigger made one index segment
-- per story, and merging them took a fifth of `lede add`.

DROP TRIGGER texts_indexed;

DROP VIEW search_source;
CREATE VIEW search_source AS
SELECT s.sid AS sid, s.title AS title, s.byline AS byline, s.publisher AS publisher,
       (SELECT group_concat(coalesce(q.person, q.speaker), char(10)) FROM quotes q WHERE q.story = s.sid) AS speakers,
       (SELECT group_concat(q.text, char(10)) FROM quotes q WHERE q.story = s.sid) AS quoted,
       lede_text(t.body) AS body
FROM stories s JOIN texts t ON t.sid = s.sid;

UPDATE texts SET body = lede_pack(body) WHERE typeof(body) = 'text';
