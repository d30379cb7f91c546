-- strikebot schema 1 (PostgreSQL). Times are timestamptz; NULL is the zero
-- time. JSON columns are text (JSON escapes NUL, jsonb would reject it).
-- Keys and URLs use the "C" collation so they sort bytewise, as in SQLite.
CREATE TABLE articles (
	id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	campaign_id         text COLLATE "C" NOT NULL CHECK (campaign_id <> ''),
	feed                text NOT NULL,
	key                 text COLLATE "C" NOT NULL CHECK (key <> ''),
	url                 text COLLATE "C" NOT NULL,
	title               text NOT NULL,
	source              text NOT NULL,
	author              text NOT NULL,
	summary             text NOT NULL,
	text                text NOT NULL,
	published           timestamptz,
	published_estimated boolean NOT NULL,
	first_seen          timestamptz,
	tier                text NOT NULL,
	score               double precision NOT NULL,
	reasons             text NOT NULL,
	story_id            bigint,
	facts               text NOT NULL,
	UNIQUE (campaign_id, key)
);

CREATE UNIQUE INDEX articles_campaign_url ON articles (campaign_id, url) WHERE url <> '';
CREATE INDEX articles_campaign_published ON articles (campaign_id, published DESC NULLS LAST, id DESC);

CREATE TABLE feeds (
	url             text COLLATE "C" PRIMARY KEY CHECK (url <> ''),
	campaign_id     text NOT NULL,
	title           text NOT NULL,
	etag            text NOT NULL,
	last_modified   text NOT NULL,
	body_hash       text NOT NULL,
	polls           bigint NOT NULL,
	last_poll       timestamptz,
	last_success    timestamptz,
	last_error      timestamptz,
	last_error_text text NOT NULL,
	failures        bigint NOT NULL,
	next_poll       timestamptz
);
