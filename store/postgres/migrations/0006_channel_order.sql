-- A channel's posts are claimed in order: a post waits while an earlier
-- post of its channel is out (sending) or being retried (attempts > 0).
-- Those few blocking posts are indexed on their own, so the check stays
-- cheap however long the history of sent posts grows.
CREATE INDEX deliveries_blocking ON deliveries (platform, workspace, channel, id)
	WHERE state IN ('pending', 'sending') AND (attempts > 0 OR state = 'sending');

-- The outbox is a queue: rows churn from pending to sent all day. Keep its
-- planner statistics fresh so claims use the indexes above from the start.
ALTER TABLE deliveries SET (autovacuum_analyze_threshold = 200, autovacuum_analyze_scale_factor = 0.02);
