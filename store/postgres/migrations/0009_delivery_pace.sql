-- A destination's posts are paced across every process: the last time one
-- was sent there is found from this index, whatever the history's length.
CREATE INDEX deliveries_sent ON deliveries (platform, workspace, channel, sent_at) WHERE state = 'sent';
