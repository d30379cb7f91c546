-- strikebot schema 12 (SQLite): an item's GUID key starts with a tag of its
-- feed (strike.GUIDKey), so that one feed's articles sit together in the
-- (campaign_id, key) index: a poll's look-ups and inserts touch a page or
-- two of it, not a page an item scattered over the whole index.
--
-- The old keys were 'g:' and 32 hex digits of a hash of the feed and the
-- GUID; the new ones are 'f:', the feed's tag and the first 24 of those
-- digits. Rewriting a key rewrites its row, and one transaction rewriting
-- every row holds them all in memory (1.3 GB for 150,000 articles), so
-- the keys are rewritten in Go after the migrations, a few thousand rows
-- a transaction, from the newest article down (see rekeyGUIDs). This
-- table says how far that got: next_id is the highest ID whose key may
-- still be old, 0 once none is.
CREATE TABLE rekey_guid (next_id INTEGER NOT NULL) STRICT;
INSERT INTO rekey_guid (next_id) SELECT coalesce(max(id), 0) FROM articles;
