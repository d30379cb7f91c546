-- strikebot schema 7 (PostgreSQL): coverage every replica shares. Stories
-- may be merged when a late article shows two to be one event; each change
-- of an article's story takes the campaign's next sequence number, so
-- other replicas catch up with what changed; the campaign's phase is
-- stored once for all of them; a story keeps the counts and state the desk
-- updates it from without reading every member.

-- The campaign's coverage sequence and the phase announced.
CREATE TABLE coverage_state (
	campaign_id   text COLLATE "C" PRIMARY KEY CHECK (campaign_id <> ''),
	seq           bigint NOT NULL,
	phase         text NOT NULL,
	phase_article bigint NOT NULL
);

-- The sequence number of the last change of the article's story; NULL
-- while it has none.
ALTER TABLE articles ADD COLUMN coverage_seq bigint;

-- Stories' members by publication time, for the clustering index.
CREATE INDEX articles_members_published ON articles (campaign_id, published NULLS FIRST, id) WHERE story_id IS NOT NULL;
-- Coverage changes in order, for catching up.
CREATE INDEX articles_coverage_seq ON articles (campaign_id, coverage_seq) WHERE coverage_seq IS NOT NULL;
-- Whether an outlet already covered a story.
CREATE INDEX articles_story_source ON articles (story_id, source) WHERE story_id IS NOT NULL;

ALTER TABLE stories ADD COLUMN merged_into bigint;
ALTER TABLE stories ADD COLUMN members integer NOT NULL DEFAULT 0;
-- JSON list of the first outlets to cover the story.
ALTER TABLE stories ADD COLUMN outlets text NOT NULL DEFAULT '[]';
-- The desk's state of the story, opaque here.
ALTER TABLE stories ADD COLUMN coverage bytea;

-- A merge moves the deliveries of the merged stories.
CREATE INDEX deliveries_story_id ON deliveries (story_id);

-- What earlier builds stored counts as changed once, in article order.
UPDATE articles SET coverage_seq = id WHERE story_id IS NOT NULL;
INSERT INTO coverage_state (campaign_id, seq, phase, phase_article)
	SELECT campaign_id, max(id), '', 0 FROM articles WHERE story_id IS NOT NULL GROUP BY campaign_id;
UPDATE stories SET members = (SELECT count(*) FROM articles WHERE articles.story_id = stories.id);
-- The phase those builds announced: the most advanced one their handled
-- core articles report.
UPDATE coverage_state SET (phase, phase_article) = (
	SELECT p, id FROM (
		SELECT (facts::json ->> 'phase') AS p, id, CASE (facts::json ->> 'phase')
			WHEN 'threatened' THEN 1 WHEN 'strike' THEN 2 WHEN 'mediation' THEN 3
			WHEN 'tentative_agreement' THEN 4 WHEN 'ratified' THEN 5 WHEN 'ended' THEN 6 ELSE 0 END AS rank
		FROM articles
		WHERE articles.campaign_id = coverage_state.campaign_id AND tier = 'core' AND processed AND story_id IS NOT NULL
	) ranked WHERE rank > 0 ORDER BY rank DESC, id LIMIT 1)
WHERE EXISTS (SELECT 1 FROM articles WHERE articles.campaign_id = coverage_state.campaign_id AND tier = 'core'
	AND processed AND (facts::json ->> 'phase') IN ('threatened', 'strike', 'mediation', 'tentative_agreement', 'ratified', 'ended'));
