-- strikebot schema 10 (SQLite): captains in control from chat. Times are
-- INTEGER Unix microseconds, UTC; NULL is the zero time.

-- A muted story posts nothing more but phase changes; a retracted one
-- (its posts edited to say so) nothing at all. 0 is false, 1 true.
ALTER TABLE stories ADD COLUMN muted INTEGER NOT NULL DEFAULT 0 CHECK (muted IN (0, 1));
ALTER TABLE stories ADD COLUMN retracted INTEGER;

-- The user group or role a channel wants mentioned on phase changes.
ALTER TABLE subscriptions ADD COLUMN mention TEXT NOT NULL DEFAULT '';

-- A feed's spell of failures, a captain's pause, and the spell the
-- operations channel was told about.
ALTER TABLE feeds ADD COLUMN failing_since INTEGER;
ALTER TABLE feeds ADD COLUMN paused INTEGER;
ALTER TABLE feeds ADD COLUMN paused_by TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN alerted INTEGER;
-- The builds before kept no spell: a failing feed counts as failing
-- since it last worked.
UPDATE feeds SET failing_since = COALESCE(last_success, last_error) WHERE failures > 0;

-- Captains' verdicts on articles' relevance, append-only: the latest of
-- an article is in force. copy_of is 0 for a captain's own verdict, else
-- the article whose verdict a copy inherits. signature is the article's
-- clustering fingerprint, opaque here.
CREATE TABLE verdicts (
	id          INTEGER PRIMARY KEY,
	campaign_id TEXT    NOT NULL CHECK (campaign_id <> ''),
	article_id  INTEGER NOT NULL,
	tier        TEXT    NOT NULL CHECK (tier IN ('core', 'related', 'none')),
	was         TEXT    NOT NULL,
	set_by      TEXT    NOT NULL,
	set_at      INTEGER,
	copy_of     INTEGER NOT NULL,
	signature   BLOB
) STRICT;

CREATE INDEX verdicts_article ON verdicts (article_id, id);
CREATE INDEX verdicts_campaign ON verdicts (campaign_id, id);
