-- strikebot schema 10 (PostgreSQL): inbound requests from chat platforms
-- claimed once (a Discord interaction that reached two replicas, or was
-- replayed, is handled by one), and small values a platform edge keeps
-- between runs (the hash of the slash commands it registered). Times are
-- timestamptz; NULL is the zero time.

-- A claim is written on every interaction, so the table has no index
-- beyond its key: ForgetInbound's hourly scan of a day of claims is cheap,
-- an index on at would cost every claim a second page write.
CREATE TABLE inbound_claims (
	key text COLLATE "C" NOT NULL PRIMARY KEY CHECK (key <> ''),
	at  timestamptz
);

CREATE TABLE platform_state (
	key        text COLLATE "C" NOT NULL PRIMARY KEY CHECK (key <> ''),
	value      text NOT NULL,
	updated_at timestamptz
);
