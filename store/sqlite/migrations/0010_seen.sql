-- strikebot schema 10 (SQLite): keys of inbound chat events and envelopes
-- already taken, so that a retried or redelivered one is handled once by
-- whichever process gets it first. seen_at is Unix microseconds.
CREATE TABLE seen_keys (
	key     TEXT    PRIMARY KEY CHECK (key <> ''),
	seen_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX seen_keys_at ON seen_keys (seen_at);
