-- strikebot schema 2 (SQLite): stories, article coverage, captains' pins.
-- Times are INTEGER Unix microseconds, UTC; NULL is the zero time.

-- A story groups the articles covering one event. summary_sources and facts
-- are JSON text.
CREATE TABLE stories (
	id              INTEGER PRIMARY KEY,
	campaign_id     TEXT    NOT NULL CHECK (campaign_id <> ''),
	title           TEXT    NOT NULL,
	summary         TEXT    NOT NULL,
	summary_sources TEXT    NOT NULL,
	tier            TEXT    NOT NULL,
	first_seen      INTEGER,
	updated         INTEGER,
	facts           TEXT    NOT NULL
) STRICT;

-- Stories of a campaign, most recently updated first.
CREATE INDEX stories_campaign_updated ON stories (campaign_id, updated DESC, id DESC);

-- The clustering fingerprint of an article; NULL until coverage ran.
ALTER TABLE articles ADD COLUMN signature BLOB;

-- A story's members, oldest first.
CREATE INDEX articles_story ON articles (story_id, published, id) WHERE story_id IS NOT NULL;

-- Articles still waiting for a story, newest first. Articles of tier
-- 'none' never join one, so they are left out to keep the index small;
-- queries repeat the literal predicate to use it.
CREATE INDEX articles_unassigned ON articles (campaign_id, published DESC, id DESC)
	WHERE story_id IS NULL AND tier <> 'none';

-- A captain's correction of one status field of a campaign.
CREATE TABLE pins (
	campaign_id TEXT    NOT NULL CHECK (campaign_id <> ''),
	field       TEXT    NOT NULL CHECK (field <> ''),
	value       TEXT    NOT NULL,
	set_by      TEXT    NOT NULL,
	set_at      INTEGER,
	PRIMARY KEY (campaign_id, field)
) STRICT, WITHOUT ROWID;
