-- strikebot schema 5 (PostgreSQL): feeds captains add to a campaign from
-- chat ("/strike feeds add URL"), polled together with the configured
-- ones. Times are timestamptz; NULL is the zero time.
CREATE TABLE chat_feeds (
	campaign_id text COLLATE "C" NOT NULL CHECK (campaign_id <> ''),
	url         text COLLATE "C" NOT NULL CHECK (url <> ''),
	name        text NOT NULL,
	added_by    text NOT NULL,
	added_at    timestamptz,
	PRIMARY KEY (campaign_id, url)
);
