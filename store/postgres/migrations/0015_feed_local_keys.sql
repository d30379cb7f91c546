-- strikebot schema 15 (PostgreSQL): an item's GUID key starts with a tag of
-- its feed (strike.GUIDKey), so that one feed's articles sit together in
-- the (campaign_id, key) index: a poll's look-ups and inserts touch a page
-- or two of it, not a page an item scattered over the whole index.
--
-- The old keys were 'g:' and 32 hex digits of a hash of the feed and the
-- GUID; the new ones are 'f:', the feed's tag (strike.FeedKeyTag: the
-- first 8 hex digits of the SHA-256 of the feed's URL) and the first 24 of
-- those digits. 'f:' keys did not exist before, so no new key can meet an
-- old one in the unique index.
UPDATE articles SET key = 'f:' || left(encode(sha256(convert_to(feed, 'UTF8')), 'hex'), 8) || substr(key, 3, 24)
	WHERE left(key, 2) = 'g:' AND length(key) = 34;
