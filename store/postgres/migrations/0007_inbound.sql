-- strikebot schema 7 (PostgreSQL): inbound requests from chat platforms
-- claimed once (a Discord interaction that reached two replicas, or was
-- replayed, is handled by one), and small values a platform edge keeps
-- between runs (the hash of the slash commands it registered). Times are
-- timestamptz; NULL is the zero time.
CREATE TABLE inbound_claims (
	key text COLLATE "C" NOT NULL PRIMARY KEY CHECK (key <> ''),
	at  timestamptz
);

-- ForgetInbound drops old claims by time.
CREATE INDEX inbound_claims_at ON inbound_claims (at);

CREATE TABLE platform_state (
	key        text COLLATE "C" NOT NULL PRIMARY KEY CHECK (key <> ''),
	value      text NOT NULL,
	updated_at timestamptz
);
