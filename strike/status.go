package strike

import "time"

// StatusField names a field of a campaign's Status that captains may pin.
type StatusField string

// The status fields.
const (
	FieldPhase     StatusField = "phase"
	FieldWorkers   StatusField = "workers"
	FieldUnion     StatusField = "union"
	FieldEmployer  StatusField = "employer"
	FieldStarted   StatusField = "started"
	FieldEnded     StatusField = "ended"
	FieldOffer     StatusField = "offer"
	FieldDemands   StatusField = "demands"
	FieldNextEvent StatusField = "next_event"
)

// StatusFields lists every pinnable field, in display order.
func StatusFields() []StatusField {
	return []StatusField{FieldPhase, FieldWorkers, FieldUnion, FieldEmployer, FieldStarted, FieldEnded, FieldOffer, FieldDemands, FieldNextEvent}
}

// Phases of a strike, in the order they usually happen.
const (
	PhaseThreatened         = "threatened"
	PhaseStrike             = "strike"
	PhaseMediation          = "mediation"
	PhaseTentativeAgreement = "tentative_agreement"
	PhaseRatified           = "ratified"
	PhaseEnded              = "ended"
)

// Pin is a captain's correction of one status field: it wins over what the
// coverage says until removed.
type Pin struct {
	CampaignID string
	Field      StatusField
	Value      string
	SetBy      string // who pinned it, as the platform names them
	SetAt      time.Time
}

// Status is a campaign's current state, synthesized from its stories' facts
// and captains' pins. A zero field means "unknown".
type Status struct {
	Campaign     string    `json:"campaign"`
	Name         string    `json:"name"`
	Phase        string    `json:"phase"`
	Workers      int       `json:"workers"`
	Union        string    `json:"union"`
	Employer     string    `json:"employer"`
	Started      string    `json:"started"`                 // YYYY-MM-DD
	Day          int       `json:"day,omitempty"`           // day count while not ended
	DurationDays int       `json:"duration_days,omitempty"` // once ended
	Ended        string    `json:"ended,omitempty"`         // YYYY-MM-DD once ended: pinned, or Started + DurationDays
	Offer        string    `json:"offer"`
	Demands      []string  `json:"demands"`
	NextEvent    *Event    `json:"next_event"`
	AsOf         time.Time `json:"as_of"`
	// Sources lists, per field, the articles the value came from.
	Sources map[StatusField][]FieldSource `json:"sources"`
	// Conflicts lists, per field, other values newer or equally good
	// sources gave, so they are shown rather than hidden.
	Conflicts map[StatusField][]FieldSource `json:"conflicts,omitempty"`
	// Pinned lists the fields set by captains.
	Pinned map[StatusField]Pin `json:"pinned,omitempty"`
}

// FieldSource is one article's word on a status field.
type FieldSource struct {
	Value     string    `json:"value"`
	ArticleID int64     `json:"article_id"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Published time.Time `json:"published"`
	Sentence  string    `json:"sentence,omitempty"`
}
