-- A channel's posts are claimed in order: a post waits while an earlier
-- post of its channel is out (sending) or being retried (attempts > 0).
-- Those few blocking posts are indexed on their own, so the check stays
-- cheap however long the history of sent posts grows.
CREATE INDEX deliveries_blocking ON deliveries (platform, workspace, channel, id)
	WHERE state IN ('pending', 'sending') AND (attempts > 0 OR state = 'sending');
