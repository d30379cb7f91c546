package sqlstore

import (
	"context"
	"fmt"

	"github.com/strikebot/strikebot/strike"
)

// CleanPin returns a copy of p as SetPin stores it: strings cleaned, SetAt
// in UTC truncated to microseconds.
func CleanPin(p strike.Pin) strike.Pin {
	p.CampaignID = Clean(p.CampaignID)
	p.Field = strike.StatusField(Clean(string(p.Field)))
	p.Value = Clean(p.Value)
	p.SetBy = Clean(p.SetBy)
	p.SetAt = cleanTime(p.SetAt)
	return p
}

// SetPin implements strike.Store. A pin with an empty CampaignID or Field
// is rejected.
func (s *Store) SetPin(ctx context.Context, p strike.Pin) error {
	p = CleanPin(p)
	_, err := s.w.ExecContext(ctx, `INSERT INTO pins (campaign_id, field, value, set_by, set_at)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (campaign_id, field) DO UPDATE SET
	value = excluded.value,
	set_by = excluded.set_by,
	set_at = excluded.set_at`,
		p.CampaignID, string(p.Field), p.Value, p.SetBy, s.time(p.SetAt))
	if err != nil {
		return fmt.Errorf("%s: set pin %q of %q: %w", s.d.Name, p.Field, p.CampaignID, err)
	}
	return nil
}

// DeletePin implements strike.Store.
func (s *Store) DeletePin(ctx context.Context, campaignID string, field strike.StatusField) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM pins WHERE campaign_id = $1 AND field = $2`,
		Clean(campaignID), Clean(string(field)))
	if err != nil {
		return fmt.Errorf("%s: delete pin %q of %q: %w", s.d.Name, field, campaignID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: delete pin %q of %q: %w", s.d.Name, field, campaignID, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: delete pin %q of %q: %w", s.d.Name, field, campaignID, strike.ErrNotFound)
	}
	return nil
}

// Pins implements strike.Store. Fields are ordered bytewise on both
// backends (the PostgreSQL column uses the "C" collation).
func (s *Store) Pins(ctx context.Context, campaignID string) ([]strike.Pin, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT campaign_id, field, value, set_by, set_at FROM pins
WHERE campaign_id = $1 ORDER BY field`, Clean(campaignID))
	if err != nil {
		return nil, fmt.Errorf("%s: pins of %q: %w", s.d.Name, campaignID, err)
	}
	defer rows.Close()
	var out []strike.Pin
	for rows.Next() {
		var (
			p     strike.Pin
			field string
			setAt nullTime
		)
		if err := rows.Scan(&p.CampaignID, &field, &p.Value, &p.SetBy, &setAt); err != nil {
			return nil, fmt.Errorf("%s: pins of %q: %w", s.d.Name, campaignID, err)
		}
		p.Field, p.SetAt = strike.StatusField(field), setAt.t
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: pins of %q: %w", s.d.Name, campaignID, err)
	}
	return out, nil
}
