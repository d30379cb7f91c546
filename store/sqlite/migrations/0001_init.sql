-- strikebot schema 1 (SQLite). Times are INTEGER Unix microseconds, UTC;
-- NULL is the zero time. JSON columns are TEXT.
CREATE TABLE articles (
	id                  INTEGER PRIMARY KEY,
	campaign_id         TEXT    NOT NULL CHECK (campaign_id <> ''),
	feed                TEXT    NOT NULL,
	key                 TEXT    NOT NULL CHECK (key <> ''),
	url                 TEXT    NOT NULL,
	title               TEXT    NOT NULL,
	source              TEXT    NOT NULL,
	author              TEXT    NOT NULL,
	summary             TEXT    NOT NULL,
	text                TEXT    NOT NULL,
	published           INTEGER,
	published_estimated INTEGER NOT NULL CHECK (published_estimated IN (0, 1)),
	first_seen          INTEGER,
	tier                TEXT    NOT NULL,
	score               REAL    NOT NULL,
	reasons             TEXT    NOT NULL,
	story_id            INTEGER,
	facts               TEXT    NOT NULL,
	UNIQUE (campaign_id, key)
) STRICT;

CREATE UNIQUE INDEX articles_campaign_url ON articles (campaign_id, url) WHERE url <> '';
CREATE INDEX articles_campaign_published ON articles (campaign_id, published DESC, id DESC);

CREATE TABLE feeds (
	url             TEXT    PRIMARY KEY CHECK (url <> ''),
	campaign_id     TEXT    NOT NULL,
	title           TEXT    NOT NULL,
	etag            TEXT    NOT NULL,
	last_modified   TEXT    NOT NULL,
	body_hash       TEXT    NOT NULL,
	polls           INTEGER NOT NULL,
	last_poll       INTEGER,
	last_success    INTEGER,
	last_error      INTEGER,
	last_error_text TEXT    NOT NULL,
	failures        INTEGER NOT NULL,
	next_poll       INTEGER
) STRICT;
