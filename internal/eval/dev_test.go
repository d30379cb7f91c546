package eval

import (
	"cmp"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

// loadCorpus loads a development corpus's articles, failing the test when
// it cannot.
// devDocs loads the development corpus called name.
func devDocs(tb testing.TB, name string) []demo.Doc {
	tb.Helper()
	set, err := DevNamed(name)
	if err != nil {
		tb.Fatal(err)
	}
	return loadCorpus(tb, set.Docs)
}

func loadCorpus(tb testing.TB, load func() ([]demo.Doc, error)) []demo.Doc {
	tb.Helper()
	docs, err := load()
	if err != nil {
		tb.Fatalf("load a development corpus: %v", err)
	}
	return docs
}

// TestDevLabels checks every development corpus's labels by the rules of
// checkDevLabelsMin.
func TestDevLabels(t *testing.T) {
	for _, set := range DevSets() {
		t.Run(set.Name, func(t *testing.T) { checkDevLabelsMin(t, loadCorpus(t, set.Docs), set.MinSnippet) })
	}
}

// checkDevLabelsMin checks one development corpus's labels, with a
// news-search item's page allowed as few as minSnippet words.
func checkDevLabelsMin(t *testing.T, docs []demo.Doc, minSnippet int) {
	byID := make(map[string]demo.Doc, len(docs))
	for _, d := range docs {
		byID[d.ID] = d
	}
	for _, d := range docs {
		t.Run(d.ID, func(t *testing.T) {
			if d.Outlet == "" || d.Title == "" || d.Published.IsZero() {
				t.Errorf("missing outlet, title or date")
			}
			// The id carries the outlet's local date, up to a day earlier
			// in California than Published (UTC).
			dated := strings.HasPrefix(d.ID, d.Published.Format(time.DateOnly)) ||
				strings.HasPrefix(d.ID, d.Published.AddDate(0, 0, -1).Format(time.DateOnly))
			if !d.Undated && !dated {
				t.Errorf("id %q does not start with its date %s", d.ID, d.Published.Format(time.DateOnly))
			}
			if d.Undated && len(d.ID) > 4 && d.ID[0] == '2' && d.ID[4] == '-' {
				t.Errorf("undated doc %q carries a date in its id (and so its URL)", d.ID)
			}
			if d.Undated && d.Feed != FeedSearch {
				t.Errorf("undated doc in feed %s; only news-search pages lack dates", d.Feed)
			}
			if d.Snippet != (d.Feed == FeedSearch) {
				t.Errorf("snippet = %v in feed %s; the search feed, and only it, carries snippets", d.Snippet, d.Feed)
			}
			least := 50
			if d.Snippet {
				least = minSnippet
			}
			if n := len(strings.Fields(d.Body)); n < least || n > 400 {
				t.Errorf("body has %d words, want %d to 400", n, least)
			}
			if d.Story == "" {
				t.Errorf("no story: every dev doc names its event")
			}
			if d.Tier == strike.TierCore && !strings.HasPrefix(d.Story, "socal-") ||
				d.Tier == strike.TierRelated && !strings.HasPrefix(d.Story, "kp-") {
				t.Errorf("tier %s with story %q: socal- stories are this campaign's, kp- other Kaiser labor news", d.Tier, d.Story)
			}
			f := d.Facts
			// A union is labeled wherever the text names one, and for this
			// campaign's news always (the desk gives a core article naming
			// none the campaign's union); another strike's snippet that
			// says only "a coalition of unions" has none.
			named := unionNamed(d.Title + " " + d.Body)
			if d.Tier != strike.TierNone && (f.Union == "" && (named || d.Tier == strike.TierCore) || f.Employer != "Kaiser Permanente") {
				t.Errorf("%s facts lack the union or the employer Kaiser Permanente: %+v", d.Tier, f)
			}
			if d.Tier == strike.TierCore && f.Union != "National Union of Healthcare Workers" {
				t.Errorf("core article with union %q", f.Union)
			}
			if f.Workers != 0 && !workersWritten(d.Title+" "+d.Body+" ", f.Workers) {
				t.Errorf("facts.workers = %d, not in the title or body", f.Workers)
			}
			if f.DurationDays != 0 && !strings.Contains(d.Title+" "+d.Body, fmt.Sprint(f.DurationDays)) {
				t.Errorf("facts.duration_days = %d, not in the text", f.DurationDays)
			}
			if d.Tier == strike.TierCore && f.Started != "" && f.Started != "2024-10-21" {
				t.Errorf("core facts.started = %s, want 2024-10-21", f.Started)
			}
			if d.CopyOf == "" {
				return
			}
			orig, ok := byID[d.CopyOf]
			switch {
			case !ok:
				t.Errorf("copy_of %q is not in the corpus", d.CopyOf)
			case orig.CopyOf != "":
				t.Errorf("copy_of %q is itself a copy", d.CopyOf)
			case orig.Story != d.Story || orig.Tier != d.Tier:
				t.Errorf("copy has story %q tier %s, original %q tier %s", d.Story, d.Tier, orig.Story, orig.Tier)
			case orig.Outlet == d.Outlet:
				t.Errorf("copy from the original's own outlet %q", d.Outlet)
			case d.Published.Before(orig.Published):
				t.Errorf("copy published %v before the original %v", d.Published, orig.Published)
			case d.Body == orig.Body:
				t.Error("copy body is identical to the original; want the edits republishers make")
			case d.Published.Sub(orig.Published) > 48*time.Hour:
				t.Errorf("copy published %v after the original; republication is within two days", d.Published.Sub(orig.Published))
			case d.Facts.Phase != orig.Facts.Phase || d.Facts.Union != orig.Facts.Union:
				t.Errorf("copy's phase and union %q, %q differ from the original's %q, %q",
					d.Facts.Phase, d.Facts.Union, orig.Facts.Phase, orig.Facts.Union)
			}
		})
	}
}

// unionNamed reports whether text names a union of the corpora by name
// or initials, not only as "the union".
func unionNamed(text string) bool {
	for _, name := range []string{"NUHW", "National Union of Healthcare Workers", "UNAC", "Coalition of Kaiser",
		"Steelworkers", "Union of Health Care Workers", "Healthcare Workers"} {
		if strings.Contains(text, name) {
			return true
		}
	}
	return false
}

// workersWritten reports whether body states n workers: "2,400" or
// " 2400 ", or as the third development corpus also writes them, "2.400",
// "2.4K" or in words ("twenty-four hundred", and as the sixth also writes
// them, "two thousand four hundred").
func workersWritten(body string, n int) bool {
	forms := []string{fmt.Sprintf("%d,%03d", n/1000, n%1000), fmt.Sprintf(" %d ", n), fmt.Sprintf("%d.%03d", n/1000, n%1000)}
	if n%100 == 0 && n%1000 != 0 {
		forms = append(forms, fmt.Sprintf("%d.%dK", n/1000, n%1000/100))
	}
	forms = append(forms, map[int][]string{2400: {"twenty-four hundred", "two thousand four hundred"}, 2000: {"two thousand"}, 2500: {"two and a half thousand"}}[n]...)
	lower := strings.ToLower(body)
	for _, f := range forms {
		if strings.Contains(lower, strings.ToLower(f)) {
			return true
		}
	}
	return false
}

// TestDevComposition checks that the development corpus has the variety
// it was written for, and logs its composition.
func TestDevComposition(t *testing.T) {
	docs := devDocs(t, "dev")
	atLeast(t, "development corpus", docs, least{docs: 60, related: 10, none: 8, copies: 5, undated: 3, snippets: 25})
	// The strike's events, each told by two or more outlets in their own
	// words.
	outlets := map[string]map[string]bool{}
	for _, d := range docs {
		if d.CopyOf != "" {
			continue
		}
		if outlets[d.Story] == nil {
			outlets[d.Story] = map[string]bool{}
		}
		outlets[d.Story][d.Outlet] = true
	}
	for _, s := range []string{
		"socal-strike-notice", "socal-strike-begins", "socal-legislators-letter", "socal-day-100",
		"socal-newsom-letter", "socal-rally-arrests", "socal-presidents-day-talks", "socal-mediation",
		"socal-die-in", "socal-hunger-strike", "socal-tentative-agreement", "socal-ratified",
		"socal-return-to-work", "kp-hawaii-strike-2024", "kp-pharmacists-vote-2024", "kp-norcal-strike-2022",
		"kp-coalition-strike-2023", "kp-unac-strike-2025", "kp-dmhc-settlement-2023",
	} {
		if n := len(outlets[s]); n < 2 {
			t.Errorf("story %s: %d outlets wrote originals, want 2 or more", s, n)
		}
	}
	// Every phase is labeled somewhere, and some core articles state none.
	everyPhaseLabeled(t, docs)
}

// TestDev2Composition checks that the second development corpus has the
// variety it was written for, and logs its composition.
func TestDev2Composition(t *testing.T) {
	docs := devDocs(t, "dev2")
	atLeast(t, "second development corpus", docs, least{docs: 50, related: 10, none: 5, copies: 4, undated: 2, snippets: 35})
	// The voices it was written for, told by their shape.
	voices := map[string]int{}
	for _, d := range docs {
		switch {
		case strings.HasPrefix(d.Title, "LIVE"):
			voices["live blog"]++
		case strings.Contains(d.Body, "\n1. "):
			voices["numbered list"]++
		}
		if strings.HasPrefix(d.Title, "Opinion") || strings.HasPrefix(d.Title, "Commentary") {
			voices["opinion"]++
		}
		if strings.Contains(d.Body, " el ") && strings.Contains(d.Body, " the ") {
			voices["Spanish and English"]++
		}
	}
	for _, v := range []string{"live blog", "numbered list", "opinion", "Spanish and English"} {
		if voices[v] < 3 {
			t.Errorf("%d %s articles, want at least 3", voices[v], v)
		}
	}
	everyPhaseLabeled(t, docs)
}

// least is the least a development corpus was written to hold.
type least struct{ docs, related, none, copies, undated, snippets int }

// atLeast logs the corpus's composition and checks it against w.
func atLeast(t *testing.T, name string, docs []demo.Doc, w least) {
	t.Helper()
	c := Compose(docs)
	t.Logf("%s:\n%s", name, c)
	if c.Docs < w.docs {
		t.Errorf("%d articles, want at least %d", c.Docs, w.docs)
	}
	if c.ByTier[strike.TierRelated] < w.related || c.ByTier[strike.TierNone] < w.none {
		t.Errorf("related %d, none %d: want at least %d and %d", c.ByTier[strike.TierRelated], c.ByTier[strike.TierNone], w.related, w.none)
	}
	if c.CopyPairs < w.copies || c.Undated < w.undated || c.Snippets < w.snippets {
		t.Errorf("copies %d, undated %d, snippets %d: want at least %d, %d and %d", c.CopyPairs, c.Undated, c.Snippets, w.copies, w.undated, w.snippets)
	}
}

// everyPhaseLabeled checks that every phase is labeled on some core
// article, and that some core articles state none.
func everyPhaseLabeled(t *testing.T, docs []demo.Doc) {
	t.Helper()
	phases := map[string]int{}
	for _, d := range docs {
		if d.Tier == strike.TierCore {
			phases[d.Facts.Phase]++
		}
	}
	for _, p := range append(demo.Phases(), "") {
		if phases[p] == 0 {
			t.Errorf("no core article with phase %q", p)
		}
	}
}

// truthAgrees checks that a truth file asks eight questions and that no
// core article's labeled start date contradicts it.
func truthAgrees(t *testing.T, truth Truth, docs []demo.Doc) {
	t.Helper()
	if len(truth.Questions) != 8 {
		t.Errorf("%d questions, want 8", len(truth.Questions))
	}
	for _, d := range docs {
		if d.Tier == strike.TierCore && d.Facts.Started != "" && d.Facts.Started != truth.Started {
			t.Errorf("%s: facts.started = %s, truth says %s", d.ID, d.Facts.Started, truth.Started)
		}
	}
}

// TestDev3Composition checks that the third development corpus has the
// variety it was written for, and logs its composition.
func TestDev3Composition(t *testing.T) {
	docs := devDocs(t, "dev3")
	atLeast(t, "third development corpus", docs, least{docs: 60, related: 10, none: 8, copies: 4, undated: 3, snippets: 30})
	// The shapes it was written for, told by their marks.
	shapes := map[string]int{}
	for _, d := range docs {
		switch {
		case strings.Contains(d.Body, "(ANCHOR)"):
			shapes["TV script"]++
		case strings.Contains(d.Body, " (Coastline Wire) - "):
			shapes["dated wire brief"]++
		case strings.HasPrefix(d.Title, "Letters:"):
			shapes["letter to the editor"]++
		case strings.Contains(d.Body, " los ") && !strings.Contains(d.Body, " the "):
			shapes["Spanish"]++
		case d.Feed == FeedUnion && strings.Contains(d.Body, "our members"):
			shapes["union bulletin"]++
		}
	}
	for _, s := range []string{"TV script", "dated wire brief", "letter to the editor", "Spanish", "union bulletin"} {
		if shapes[s] < 3 {
			t.Errorf("%d %s articles, want at least 3", shapes[s], s)
		}
	}
	everyPhaseLabeled(t, docs)
}

// TestDev4Composition checks that the fourth development corpus has the
// variety it was written for, and logs its composition.
func TestDev4Composition(t *testing.T) {
	docs := devDocs(t, "dev4")
	atLeast(t, "fourth development corpus", docs, least{docs: 65, related: 10, none: 8, copies: 5, undated: 3, snippets: 40})
	// The shapes it was written for, told by their marks.
	shapes := map[string]int{}
	for _, d := range docs {
		switch {
		case strings.Contains(d.Body, "/PressLine/ --"):
			shapes["press release"]++
		case strings.Contains(d.Body, "HOST ") || strings.Contains(d.Body, "ANCHOR "):
			shapes["radio transcript"]++
		case strings.Contains(d.Body, "\nQ: "):
			shapes["interview"]++
		case strings.Contains(strings.ToLower(d.Title), "photos") || strings.Contains(d.Title, "pictures"):
			shapes["photo gallery"]++
		case strings.Contains(d.Body, " — @"):
			shapes["quoted posts"]++
		}
		if strings.Contains(d.Title, "Subscriber exclusive") {
			shapes["paywalled teaser"]++
		}
		if strings.Contains(d.Body, "UPDATE ") {
			shapes["appended update"]++
		}
	}
	for _, s := range []string{"press release", "radio transcript", "interview", "photo gallery", "quoted posts", "paywalled teaser", "appended update"} {
		if shapes[s] < 2 {
			t.Errorf("%d %s articles, want at least 2", shapes[s], s)
		}
	}
	everyPhaseLabeled(t, docs)
}

// TestDev5Composition checks that the fifth development corpus has the
// variety it was written for, and logs its composition.
func TestDev5Composition(t *testing.T) {
	docs := devDocs(t, "dev5")
	atLeast(t, "fifth development corpus", docs, least{docs: 70, related: 10, none: 8, copies: 5, undated: 3, snippets: 40})
	// The shapes it was written for, told by their marks.
	shapes := map[string]int{}
	for _, d := range docs {
		lines := strings.Split(d.Body, "\n")
		switch {
		case strings.Contains(d.Title, " - ") && (strings.Contains(d.Body, "… Read more") || strings.Contains(d.Body, "…\n")):
			shapes["aggregator item"]++
		case strings.HasPrefix(d.Body, "[ANCHOR") && d.Body == strings.ToUpper(d.Body):
			shapes["TV script in capitals"]++
		case strings.HasPrefix(d.Title, "Live updates:"):
			shapes["live updates"]++
		case strings.HasPrefix(d.Title, "Episode "):
			shapes["podcast notes"]++
		case strings.HasPrefix(d.Body, "SAT ") || strings.HasPrefix(d.Body, "SUN "):
			shapes["event calendar"]++
		case strings.Contains(d.Body, "huelga"):
			shapes["Spanish"]++
		case len(lines) == 1:
			shapes["one-paragraph brief"]++
		case strings.Contains(d.Body, "unfair labor practice") || strings.Contains(d.Body, "Section 8(a)"):
			shapes["labour-board filing"]++
		case strings.Contains(d.Body, "attributed to Kaiser Permanente") || d.Outlet == "Kaiser Permanente":
			shapes["employer's statement or FAQ"]++
		case strings.Contains(d.Body, "The author is"):
			shapes["personal essay"]++
		}
	}
	for _, s := range []string{"aggregator item", "TV script in capitals", "live updates", "podcast notes",
		"event calendar", "Spanish", "one-paragraph brief", "labour-board filing", "employer's statement or FAQ", "personal essay"} {
		if shapes[s] < 2 {
			t.Errorf("%d %s articles, want at least 2", shapes[s], s)
		}
	}
	everyPhaseLabeled(t, docs)
}

// TestDev6Composition checks that the sixth development corpus has the
// variety it was written for, and logs its composition.
func TestDev6Composition(t *testing.T) {
	docs := devDocs(t, "dev6")
	atLeast(t, "sixth development corpus", docs, least{docs: 70, related: 10, none: 8, copies: 5, undated: 3, snippets: 40})
	// The shapes it was written for, told by their marks.
	shapes := map[string]int{}
	for _, d := range docs {
		first, _, _ := strings.Cut(d.Body, "\n")
		switch {
		case strings.Contains(first, "\u00a0\u00a0"):
			shapes["headline-only search item"]++
		case strings.Contains(d.Body, "WHEREAS") || strings.Contains(d.Body, "RESOLVED"):
			shapes["resolution"]++
		case strings.Contains(d.Body, "\n1) ") && strings.Contains(d.Body, "\n2) "):
			shapes["numbered newsletter"]++
		case strings.HasPrefix(d.Title, "Viewpoint:") || strings.HasPrefix(d.Title, "Guest commentary:"):
			shapes["op-ed"]++
		case strings.Contains(d.Body, "CORRECTION:") || strings.Contains(d.Body, "Correction:") || strings.Contains(d.Body, "UPDATE, "):
			shapes["correction or update"]++
		case strings.Contains(d.Body, "Ledger take:") || strings.Contains(d.Body, "Our read:"):
			shapes["trade press"]++
		case d.Outlet == "The Campus Ledger":
			shapes["student paper"]++
		case strings.Contains(d.Outlet, "Weekly") || strings.Contains(d.Outlet, "Sentinel"):
			shapes["local weekly"]++
		}
	}
	for _, s := range []string{"headline-only search item", "resolution", "numbered newsletter", "op-ed",
		"correction or update", "trade press", "student paper", "local weekly"} {
		if shapes[s] < 2 {
			t.Errorf("%d %s articles, want at least 2", shapes[s], s)
		}
	}
	everyPhaseLabeled(t, docs)
}

// TestDev7Composition checks that the seventh development corpus has the
// variety it was written for, and logs its composition.
func TestDev7Composition(t *testing.T) {
	docs := devDocs(t, "dev7")
	atLeast(t, "seventh development corpus", docs, least{docs: 65, related: 8, none: 10, copies: 5, undated: 3, snippets: 40})
	shapes := map[string]int{}
	for _, d := range docs {
		switch {
		case strings.HasPrefix(d.Title, "[PDF]"):
			shapes["PDF text"]++
		case strings.Contains(d.Body, "WHAT:") && strings.Contains(d.Body, "WHEN:"):
			shapes["media advisory"]++
		case strings.Contains(d.Title, " - "):
			shapes["search item titled with its outlet"]++
		}
	}
	for _, s := range []string{"PDF text", "media advisory", "search item titled with its outlet"} {
		if shapes[s] < 2 {
			t.Errorf("%d %s articles, want at least 2", shapes[s], s)
		}
	}
	everyPhaseLabeled(t, docs)
}

// TestDevCorpora checks each development corpus's truth file against its
// labels, and that it loads as three feeds of enough articles.
func TestDevCorpora(t *testing.T) {
	// The fewest articles each corpus was written with; 55 for the rest.
	minDocs := map[string]int{"dev": 60, "dev2": 50, "dev3": 60, "dev4": 65, "dev5": 70, "dev6": 70, "dev7": 65, "dev8": 65}
	for _, set := range DevSets() {
		t.Run(set.Name, func(t *testing.T) {
			truth, err := set.Truth()
			if err != nil {
				t.Fatal(err)
			}
			truthAgrees(t, truth, loadCorpus(t, set.Docs))
			c, err := set.Corpus()
			if err != nil {
				t.Fatal(err)
			}
			least := cmp.Or(minDocs[set.Name], 55)
			if c.Name != set.Name || len(c.Docs) < least || len(c.Feeds) != 3 {
				t.Errorf("%s corpus %q: %d docs, %d feeds", set.Name, c.Name, len(c.Docs), len(c.Feeds))
			}
		})
	}
	if _, err := DevNamed("dev0"); err == nil {
		t.Error("DevNamed(dev0) found a corpus")
	}
}

// TestDevDraft checks a development corpus being written before it is
// listed in DevSets: STRIKEBOT_TEST_DRAFT names its directory under
// testdata ("dev20"), and the test holds it to the listed corpora's rules
// (labels, truth file, at least 55 articles on three feeds).
func TestDevDraft(t *testing.T) {
	name := os.Getenv("STRIKEBOT_TEST_DRAFT")
	if name == "" {
		t.Skip("set STRIKEBOT_TEST_DRAFT to a draft corpus's directory under testdata")
	}
	set := DevSet{Name: name, Label: "draft development", MinSnippet: 15}
	docs := loadCorpus(t, set.Docs)
	checkDevLabelsMin(t, docs, set.MinSnippet)
	truth, err := set.Truth()
	if err != nil {
		t.Fatal(err)
	}
	truthAgrees(t, truth, docs)
	c, err := set.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) < 55 || len(c.Feeds) != 3 {
		t.Errorf("draft %s: %d docs on %d feeds, want at least 55 on 3", name, len(c.Docs), len(c.Feeds))
	}
}
