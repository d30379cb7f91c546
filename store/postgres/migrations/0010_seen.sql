-- strikebot schema 10 (PostgreSQL): keys of inbound chat events and
-- envelopes already taken, so that a retried or redelivered one is handled
-- once by whichever replica gets it first.
CREATE TABLE seen_keys (
	key     text COLLATE "C" PRIMARY KEY CHECK (key <> ''),
	seen_at timestamptz NOT NULL
);
CREATE INDEX seen_keys_at ON seen_keys (seen_at);
