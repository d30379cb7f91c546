-- strikebot schema 5 (SQLite): feeds captains add to a campaign from chat
-- ("/strike feeds add URL"), polled together with the configured ones.
-- Times are INTEGER Unix microseconds, UTC; NULL is the zero time.
CREATE TABLE chat_feeds (
	campaign_id TEXT    NOT NULL CHECK (campaign_id <> ''),
	url         TEXT    NOT NULL CHECK (url <> ''),
	name        TEXT    NOT NULL,
	added_by    TEXT    NOT NULL,
	added_at    INTEGER,
	PRIMARY KEY (campaign_id, url)
) STRICT, WITHOUT ROWID;
