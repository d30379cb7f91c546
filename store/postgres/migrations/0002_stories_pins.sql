-- strikebot schema 2 (PostgreSQL): stories, article coverage, captains'
-- pins. Times are timestamptz; NULL is the zero time. JSON columns are text.

-- A story groups the articles covering one event.
CREATE TABLE stories (
	id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	campaign_id     text COLLATE "C" NOT NULL CHECK (campaign_id <> ''),
	title           text NOT NULL,
	summary         text NOT NULL,
	summary_sources text NOT NULL,
	tier            text NOT NULL,
	first_seen      timestamptz,
	updated         timestamptz,
	facts           text NOT NULL
);

-- Stories of a campaign, most recently updated first.
CREATE INDEX stories_campaign_updated ON stories (campaign_id, updated DESC NULLS LAST, id DESC);

-- The clustering fingerprint of an article; NULL until coverage ran.
ALTER TABLE articles ADD COLUMN signature bytea;

-- A story's members, oldest first.
CREATE INDEX articles_story ON articles (story_id, published NULLS FIRST, id) WHERE story_id IS NOT NULL;

-- Articles still waiting for a story, newest first. Articles of tier
-- 'none' never join one, so they are left out to keep the index small;
-- queries repeat the literal predicate to use it.
CREATE INDEX articles_unassigned ON articles (campaign_id, published DESC NULLS LAST, id DESC)
	WHERE story_id IS NULL AND tier <> 'none';

-- A captain's correction of one status field of a campaign. Fields sort
-- bytewise, as in SQLite.
CREATE TABLE pins (
	campaign_id text COLLATE "C" NOT NULL CHECK (campaign_id <> ''),
	field       text COLLATE "C" NOT NULL CHECK (field <> ''),
	value       text NOT NULL,
	set_by      text NOT NULL,
	set_at      timestamptz,
	PRIMARY KEY (campaign_id, field)
);
