-- strikebot schema 10 (PostgreSQL): captains in control from chat. Times
-- are timestamptz; NULL is the zero time.

-- A muted story posts nothing more but phase changes; a retracted one
-- (its posts edited to say so) nothing at all.
ALTER TABLE stories ADD COLUMN muted boolean NOT NULL DEFAULT false;
ALTER TABLE stories ADD COLUMN retracted timestamptz;

-- The user group or role a channel wants mentioned on phase changes.
ALTER TABLE subscriptions ADD COLUMN mention text NOT NULL DEFAULT '';

-- A feed's spell of failures, a captain's pause, and the spell the
-- operations channel was told about.
ALTER TABLE feeds ADD COLUMN failing_since timestamptz;
ALTER TABLE feeds ADD COLUMN paused timestamptz;
ALTER TABLE feeds ADD COLUMN paused_by text NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN alerted timestamptz;
-- The builds before kept no spell: a failing feed counts as failing
-- since it last worked.
UPDATE feeds SET failing_since = COALESCE(last_success, last_error) WHERE failures > 0;

-- Captains' verdicts on articles' relevance, append-only: the latest of
-- an article is in force. copy_of is 0 for a captain's own verdict, else
-- the article whose verdict a copy inherits. signature is the article's
-- clustering fingerprint, opaque here.
CREATE TABLE verdicts (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	campaign_id text COLLATE "C" NOT NULL CHECK (campaign_id <> ''),
	article_id  bigint NOT NULL,
	tier        text NOT NULL CHECK (tier IN ('core', 'related', 'none')),
	was         text NOT NULL,
	set_by      text NOT NULL,
	set_at      timestamptz,
	copy_of     bigint NOT NULL,
	signature   bytea
);

CREATE INDEX verdicts_article ON verdicts (article_id, id);
CREATE INDEX verdicts_campaign ON verdicts (campaign_id, id);
