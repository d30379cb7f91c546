package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/strikebot/strikebot/strike"
)

const verdictColumns = `id, campaign_id, article_id, tier, was, set_by, set_at, copy_of, signature`

// errBadTier rejects a verdict whose tier is none of the three.
var errBadTier = errors.New("tier must be core, related or none")

// SaveVerdict implements strike.Store in one transaction.
func (s *Store) SaveVerdict(ctx context.Context, v strike.Verdict, reasons []string) (strike.Verdict, error) {
	v.CampaignID = Clean(v.CampaignID)
	v.Tier = strike.Tier(Clean(string(v.Tier)))
	v.By = Clean(v.By)
	v.At = cleanTime(v.At)
	if len(v.Signature) > 0 {
		v.Signature = bytes.Clone(v.Signature)
	} else {
		v.Signature = nil
	}
	switch v.Tier {
	case strike.TierCore, strike.TierRelated, strike.TierNone:
	default:
		return strike.Verdict{}, fmt.Errorf("%s: verdict on article %d: %q: %w", s.d.Name, v.ArticleID, v.Tier, errBadTier)
	}
	clean := make([]string, 0, len(reasons))
	for _, r := range reasons {
		clean = append(clean, Clean(r))
	}
	rj, err := json.Marshal(clean)
	if err != nil {
		return strike.Verdict{}, fmt.Errorf("%s: verdict on article %d: encode reasons: %w", s.d.Name, v.ArticleID, err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var (
			was   string
			story sql.NullInt64
		)
		err := tx.QueryRowContext(ctx, `SELECT tier, story_id FROM articles WHERE id = $1 AND campaign_id = $2`,
			v.ArticleID, v.CampaignID).Scan(&was, &story)
		if errors.Is(err, sql.ErrNoRows) {
			return strike.ErrNotFound
		}
		if err != nil {
			return err
		}
		v.Was = strike.Tier(was)
		var sig any
		if v.Signature != nil {
			sig = v.Signature
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO verdicts (campaign_id, article_id, tier, was, set_by, set_at, copy_of, signature)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			v.CampaignID, v.ArticleID, string(v.Tier), was, v.By, s.time(v.At), v.CopyOf, sig).Scan(&v.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET tier = $2, reasons = $3 WHERE id = $1`,
			v.ArticleID, string(v.Tier), string(rj)); err != nil {
			return err
		}
		switch {
		case v.Tier == strike.TierNone && story.Valid:
			var seq int64
			if err := tx.StmtContext(ctx, s.nextSeq).QueryRowContext(ctx, v.ArticleID).Scan(&seq); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `UPDATE articles SET story_id = NULL, coverage_seq = $2 WHERE id = $1`, v.ArticleID, seq)
		case v.Tier.Announceable() && !story.Valid:
			_, err = tx.ExecContext(ctx, `UPDATE articles SET processed = FALSE WHERE id = $1`, v.ArticleID)
		}
		return err
	})
	if err != nil {
		return strike.Verdict{}, fmt.Errorf("%s: verdict on article %d: %w", s.d.Name, v.ArticleID, err)
	}
	return v, nil
}

// Verdicts implements strike.Store.
func (s *Store) Verdicts(ctx context.Context, campaignID string) ([]strike.Verdict, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+verdictColumns+` FROM verdicts v
WHERE campaign_id = $1 AND id = (SELECT max(id) FROM verdicts w WHERE w.article_id = v.article_id)
ORDER BY id`, Clean(campaignID))
	out, err := scanAll(rows, err, scanVerdict)
	if err != nil {
		return nil, fmt.Errorf("%s: verdicts of %q: %w", s.d.Name, campaignID, err)
	}
	return out, nil
}

func scanVerdict(sc scanner) (strike.Verdict, error) {
	var (
		v         strike.Verdict
		tier, was string
		at        nullTime
	)
	if err := sc.Scan(&v.ID, &v.CampaignID, &v.ArticleID, &tier, &was, &v.By, &at, &v.CopyOf, &v.Signature); err != nil {
		return v, err
	}
	v.Tier, v.Was, v.At = strike.Tier(tier), strike.Tier(was), at.t
	if len(v.Signature) == 0 {
		v.Signature = nil
	}
	return v, nil
}
