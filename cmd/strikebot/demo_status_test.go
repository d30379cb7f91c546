package main

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

// TestStatusOnDemoCorpus reads the whole demo news site at once, every
// feed together, as a new user's first ingest would, and checks that the
// status card tells the strike's public facts: it began on 21 October
// 2024 and lasted 196 days, to 5 May 2025, and was settled (ratified, the
// workers back).
func TestStatusOnDemoCorpus(t *testing.T) {
	chdir(t)
	docs, err := demo.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	site := demo.NewSite(docs, len(docs))
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	db := "sqlite:" + filepath.Join(t.TempDir(), "demo.db")
	args := []string{"ingest", "--db", db, "--allow-private-networks"}
	for _, f := range site.Feeds() {
		args = append(args, "--feed", srv.URL+f.Path)
	}
	ctx := context.Background()
	vars := map[string]string{"STRIKEBOT_POLL_FULL_TEXT": "false"}
	if code, out, errOut := runCmd(t, ctx, vars, args...); code != exitOK {
		t.Fatalf("ingest: %d\n%s\n%s", code, out, errOut)
	}

	code, out, errOut := runCmd(t, ctx, nil, "status", "--db", db, "--json")
	if code != exitOK {
		t.Fatalf("status: %d: %s", code, errOut)
	}
	var st strike.Status
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if st.Phase != strike.PhaseRatified && st.Phase != strike.PhaseEnded {
		t.Errorf("phase = %q, want ratified or ended", st.Phase)
	}
	if st.Started != "2024-10-21" || st.Ended != "2025-05-05" || st.DurationDays != 196 {
		t.Errorf("started %s, ended %s, %d days; want 2024-10-21, 2025-05-05, 196 days", st.Started, st.Ended, st.DurationDays)
	}
	if st.Workers != 2400 || st.Union != "National Union of Healthcare Workers" || st.Employer != "Kaiser Permanente" {
		t.Errorf("workers %d, union %q, employer %q", st.Workers, st.Union, st.Employer)
	}
	for _, f := range []strike.StatusField{strike.FieldPhase, strike.FieldStarted, strike.FieldEnded, strike.FieldWorkers, strike.FieldUnion} {
		if len(st.Conflicts[f]) > 0 {
			t.Errorf("the demo's consistent coverage gives %s conflicts: %+v", f, st.Conflicts[f])
		}
	}

	code, card, _ := runCmd(t, ctx, nil, "status", "--db", db)
	if code != exitOK || !strings.Contains(card, "196 days (2024-10-21 to 2025-05-05)") {
		t.Errorf("status card:\n%s", card)
	}
}
