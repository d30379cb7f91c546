-- strikebot schema 7 (SQLite): inbound requests from chat platforms claimed
-- once (a Discord interaction that reached two replicas, or was replayed, is
-- handled by one), and small values a platform edge keeps between runs (the
-- hash of the slash commands it registered). Times are INTEGER Unix
-- microseconds, UTC; NULL is the zero time.
CREATE TABLE inbound_claims (
	key TEXT    NOT NULL PRIMARY KEY CHECK (key <> ''),
	at  INTEGER
) STRICT, WITHOUT ROWID;

-- ForgetInbound drops old claims by time.
CREATE INDEX inbound_claims_at ON inbound_claims (at);

CREATE TABLE platform_state (
	key        TEXT    NOT NULL PRIMARY KEY CHECK (key <> ''),
	value      TEXT    NOT NULL,
	updated_at INTEGER
) STRICT, WITHOUT ROWID;
