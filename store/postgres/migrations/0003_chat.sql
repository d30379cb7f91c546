-- strikebot schema 3 (PostgreSQL): chat subscriptions, the delivery outbox
-- and the captains' audit log. Times are timestamptz; NULL is the zero time,
-- except deliveries.next_attempt, which is never NULL (the zero time,
-- 0001-01-01 UTC, sorts first: due at once). Identifiers use the "C"
-- collation so they sort bytewise, as in SQLite.

-- A channel following a campaign. workspace is '' on the console.
CREATE TABLE subscriptions (
	platform    text COLLATE "C" NOT NULL CHECK (platform <> ''),
	workspace   text COLLATE "C" NOT NULL,
	channel     text COLLATE "C" NOT NULL CHECK (channel <> ''),
	campaign_id text COLLATE "C" NOT NULL CHECK (campaign_id <> ''),
	mode        text NOT NULL CHECK (mode IN ('core', 'all')),
	digest_at   text NOT NULL,
	time_zone   text NOT NULL,
	quiet_start text NOT NULL,
	quiet_end   text NOT NULL,
	created_by  text NOT NULL,
	created_at  timestamptz,
	broken      text NOT NULL,
	PRIMARY KEY (platform, workspace, channel, campaign_id)
);

-- One post in the outbox. key is unique per destination, so a post
-- enqueued twice is stored once. story_id is 0 for a post about no story.
-- lease_until is set while a worker holds the row (state 'sending').
CREATE TABLE deliveries (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	platform     text COLLATE "C" NOT NULL CHECK (platform <> ''),
	workspace    text COLLATE "C" NOT NULL,
	channel      text COLLATE "C" NOT NULL CHECK (channel <> ''),
	key          text COLLATE "C" NOT NULL CHECK (key <> ''),
	campaign_id  text COLLATE "C" NOT NULL,
	story_id     bigint NOT NULL,
	kind         text NOT NULL CHECK (kind <> ''),
	urgent       boolean NOT NULL,
	payload      bytea NOT NULL,
	state        text NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
	attempts     integer NOT NULL,
	next_attempt timestamptz NOT NULL,
	lease_until  timestamptz,
	last_error   text NOT NULL,
	platform_id  text NOT NULL,
	created_at   timestamptz,
	sent_at      timestamptz,
	UNIQUE (platform, workspace, channel, key)
);

-- Claiming: the open rows, oldest first. Claims go by id, so an index on
-- id over only the rows still to send serves both the filter and the
-- order, and stays small however many posts were sent; queries repeat the
-- literal predicate to use it.
CREATE INDEX deliveries_claim ON deliveries (id) WHERE state IN ('pending', 'sending');

-- ThreadOf: a destination's posts about a story.
CREATE INDEX deliveries_story ON deliveries (platform, workspace, channel, story_id);

-- Captains' actions and refused attempts, append-only.
CREATE TABLE audit (
	id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	at        timestamptz,
	platform  text NOT NULL,
	workspace text NOT NULL,
	channel   text NOT NULL,
	user_id   text NOT NULL,
	command   text NOT NULL,
	outcome   text NOT NULL
);
