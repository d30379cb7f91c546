-- strikebot schema 3 (SQLite): chat subscriptions, the delivery outbox and
-- the captains' audit log. Times are INTEGER Unix microseconds, UTC; NULL
-- is the zero time, except deliveries.next_attempt, which is never NULL
-- (the zero time, stored as its own value, sorts first: due at once).

-- A channel following a campaign. workspace is '' on the console.
CREATE TABLE subscriptions (
	platform    TEXT    NOT NULL CHECK (platform <> ''),
	workspace   TEXT    NOT NULL,
	channel     TEXT    NOT NULL CHECK (channel <> ''),
	campaign_id TEXT    NOT NULL CHECK (campaign_id <> ''),
	mode        TEXT    NOT NULL CHECK (mode IN ('core', 'all')),
	digest_at   TEXT    NOT NULL,
	time_zone   TEXT    NOT NULL,
	quiet_start TEXT    NOT NULL,
	quiet_end   TEXT    NOT NULL,
	created_by  TEXT    NOT NULL,
	created_at  INTEGER,
	broken      TEXT    NOT NULL,
	PRIMARY KEY (platform, workspace, channel, campaign_id)
) STRICT, WITHOUT ROWID;

-- One post in the outbox. key is unique per destination, so a post
-- enqueued twice is stored once. story_id is 0 for a post about no story.
-- lease_until is set while a worker holds the row (state 'sending').
CREATE TABLE deliveries (
	id           INTEGER PRIMARY KEY,
	platform     TEXT    NOT NULL CHECK (platform <> ''),
	workspace    TEXT    NOT NULL,
	channel      TEXT    NOT NULL CHECK (channel <> ''),
	key          TEXT    NOT NULL CHECK (key <> ''),
	campaign_id  TEXT    NOT NULL,
	story_id     INTEGER NOT NULL,
	kind         TEXT    NOT NULL CHECK (kind <> ''),
	urgent       INTEGER NOT NULL CHECK (urgent IN (0, 1)),
	payload      BLOB    NOT NULL,
	state        TEXT    NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
	attempts     INTEGER NOT NULL,
	next_attempt INTEGER NOT NULL,
	lease_until  INTEGER,
	last_error   TEXT    NOT NULL,
	platform_id  TEXT    NOT NULL,
	created_at   INTEGER,
	sent_at      INTEGER,
	UNIQUE (platform, workspace, channel, key)
) STRICT;

-- Claiming: the open rows, oldest first. Claims go by id, so an index on
-- id over only the rows still to send serves both the filter and the
-- order, and stays small however many posts were sent; queries repeat the
-- literal predicate to use it.
CREATE INDEX deliveries_claim ON deliveries (id) WHERE state IN ('pending', 'sending');

-- ThreadOf: a destination's posts about a story.
CREATE INDEX deliveries_story ON deliveries (platform, workspace, channel, story_id);

-- Captains' actions and refused attempts, append-only.
CREATE TABLE audit (
	id        INTEGER PRIMARY KEY,
	at        INTEGER,
	platform  TEXT    NOT NULL,
	workspace TEXT    NOT NULL,
	channel   TEXT    NOT NULL,
	user_id   TEXT    NOT NULL,
	command   TEXT    NOT NULL,
	outcome   TEXT    NOT NULL
) STRICT;
