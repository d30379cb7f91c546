-- strikebot schema 4 (PostgreSQL): which articles the coverage desk has
-- fully handled. An article is processed once its story event was handed
-- on (announcements enqueued); until then a restart handles it again, also
-- when it already has a story.
ALTER TABLE articles ADD COLUMN processed boolean NOT NULL DEFAULT false;

-- Articles that already have a story were handled by the builds before
-- this column existed: an upgrade must not announce them again.
UPDATE articles SET processed = true WHERE story_id IS NOT NULL;

-- Relevant articles still to be handled, newest first. Articles of tier
-- 'none' are never processed, so they are left out to keep the index
-- small; queries repeat the literal predicate to use it.
CREATE INDEX articles_unprocessed ON articles (campaign_id, published DESC NULLS LAST, id DESC)
	WHERE NOT processed AND tier <> 'none';
