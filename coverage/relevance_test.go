package coverage_test

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// smallProfile is a profile for testing the rules, independent of the
// shipped Kaiser tuning.
func smallProfile() strike.Profile {
	return strike.Profile{
		Employer:     []strike.Term{{Text: "Acme Health", Weight: 3}, {Text: "Acme", Weight: 1.5}},
		Union:        []strike.Term{{Text: "HWU", Weight: 3}, {Text: "Other Union", Weight: -2}},
		Labor:        []strike.Term{{Text: "strike", Weight: 3}, {Text: "picket line", Weight: 3}, {Text: "picket", Weight: 2}, {Text: "contract", Weight: 1}},
		Scope:        []strike.Term{{Text: "nurses", Weight: 2}, {Text: "Springfield", Weight: 2}, {Text: "Shelbyville", Weight: -3}},
		Exclude:      []strike.Term{{Text: "Acme Anvils"}, {Text: "lightning strike"}, {Text: "strike out", Weight: -1}},
		CoreScore:    10,
		RelatedScore: 4,
	}
}

func newScorer(tb testing.TB, p strike.Profile) *coverage.Scorer {
	tb.Helper()
	s, err := coverage.NewScorer(p)
	if err != nil {
		tb.Fatalf("NewScorer: %v", err)
	}
	return s
}

// TestScoreRules pins the documented rules, with every reason, on a small
// profile.
func TestScoreRules(t *testing.T) {
	s := newScorer(t, smallProfile())
	tests := []struct {
		name    string
		a       strike.Article
		tier    strike.Tier
		score   float64
		reasons []string
	}{
		{
			name:  "core: title weighs 1.5, repeats halve",
			a:     strike.Article{Title: "Acme Health nurses strike", Text: "The strike went on. The strike spread to Springfield, HWU said."},
			tier:  strike.TierCore,
			score: 19.3,
			reasons: []string{
				`employer "Acme Health" in title (+4.5)`,
				`union "HWU" in text (+3)`,
				`labor "strike" in title and 2× in text (+6.8)`,
				`scope "nurses" in title (+3)`,
				`scope "Springfield" in text (+2)`,
			},
		},
		{
			name:  "related: another union",
			a:     strike.Article{Title: "Acme Health strike", Text: "Other Union members walked a picket line in Springfield."},
			tier:  strike.TierRelated,
			score: 12,
			reasons: []string{
				`employer "Acme Health" in title (+4.5)`,
				`union "Other Union" in text (-2)`,
				`labor "strike" in title (+4.5)`,
				`labor "picket line" in text (+3)`,
				`scope "Springfield" in text (+2)`,
				`union terms point to another union (-2): not the campaign's strike`,
			},
		},
		{
			name:  "related: another place, even when the total is low",
			a:     strike.Article{Title: "Strike at Acme Health in Shelbyville", Text: "Shelbyville pickets."},
			tier:  strike.TierRelated,
			score: 5,
			reasons: []string{
				`employer "Acme Health" in title (+4.5)`,
				`labor "strike" in title (+4.5)`,
				`labor "picket" in text (+2)`,
				`scope "Shelbyville" in title and text (-6)`,
				`scope terms point elsewhere (-6): not the campaign's strike`,
			},
		},
		{
			name:  "related: no union or scope",
			a:     strike.Article{Title: "Acme Health strike", Text: "It continues."},
			tier:  strike.TierRelated,
			score: 9,
			reasons: []string{
				`employer "Acme Health" in title (+4.5)`,
				`labor "strike" in title (+4.5)`,
				`no union or scope terms: not the campaign's strike`,
			},
		},
		{
			name:  "related: campaign evidence but score below core",
			a:     strike.Article{Text: "Acme Health nurses picket."},
			tier:  strike.TierRelated,
			score: 7,
			reasons: []string{
				`employer "Acme Health" in text (+3)`,
				`labor "picket" in text (+2)`,
				`scope "nurses" in text (+2)`,
				`score 7 below core 10`,
			},
		},
		{
			name:  "none: employer news without labor",
			a:     strike.Article{Title: "Acme Health opens a clinic", Text: "Nurses in Springfield welcomed it."},
			tier:  strike.TierNone,
			score: 8.5,
			reasons: []string{
				`employer "Acme Health" in title (+4.5)`,
				`scope "nurses" in text (+2)`,
				`scope "Springfield" in text (+2)`,
				`no labor terms: not labor news`,
			},
		},
		{
			name:  "none: another employer's strike",
			a:     strike.Article{Title: "Nurses strike at Globex", Text: "HWU said the strike would last a week."},
			tier:  strike.TierNone,
			score: 12,
			reasons: []string{
				`union "HWU" in text (+3)`,
				`labor "strike" in title and text (+6)`,
				`scope "nurses" in title (+3)`,
				`no employer terms: not about Acme Health`,
			},
		},
		{
			name:  "none: employer only in passing, weak labor",
			a:     strike.Article{Text: "Acme signed a contract for new anvils."},
			tier:  strike.TierNone,
			score: 2.5,
			reasons: []string{
				`employer "Acme" in text (+1.5)`,
				`labor "contract" in text (+1)`,
				`employer only in passing (1.5 < 2): not about Acme Health`,
				`labor terms too weak (1 < 2): not labor news`,
			},
		},
		{
			name:  "exclusion masks its words; a bare alias after it is doubtful",
			a:     strike.Article{Title: "Acme Anvils workers strike", Text: "Acme said the strike would not stop production. Acme Anvils makes anvils."},
			tier:  strike.TierNone,
			score: 6,
			reasons: []string{
				`labor "strike" in title and text (+6)`,
				`excluded "Acme Anvils" (not the employer)`,
				`employer "Acme" in text not counted: may mean "Acme Anvils"`,
				`no employer terms: not about Acme Health`,
			},
		},
		{
			name:  "a doubtful alias counts when a sure term backs it",
			a:     strike.Article{Text: "Acme Health, not Acme Anvils, faces a strike. Acme said little."},
			tier:  strike.TierRelated,
			score: 7.5,
			reasons: []string{
				`employer "Acme Health" in text (+3)`,
				`employer "Acme" in text (+1.5)`,
				`labor "strike" in text (+3)`,
				`excluded "Acme Anvils" (not the employer)`,
				`no union or scope terms: not the campaign's strike`,
			},
		},
		{
			name:  "lightning strike is not labor; weighted exclusion counts against",
			a:     strike.Article{Title: "Lightning strike hits Acme Health", Text: "Batters strike out. The strike started a fire."},
			tier:  strike.TierNone,
			score: 3.5,
			reasons: []string{
				`employer "Acme Health" in title (+4.5)`,
				`excluded "lightning strike" (not labor news)`,
				`excluded "strike out" (not labor news) (-1)`,
				`labor "strike" in text not counted: may mean "lightning strike"`,
				`no labor terms: not labor news`,
			},
		},
		{
			name:  "phrases do not cross a sentence end",
			a:     strike.Article{Text: "Acme Health nurses will strike. Out of 300 nurses, most agreed."},
			tier:  strike.TierRelated,
			score: 9,
			reasons: []string{
				`employer "Acme Health" in text (+3)`,
				`labor "strike" in text (+3)`,
				`scope "nurses" 2× in text (+3)`,
				`score 9 below core 10`,
			},
		},
		{
			name:  "longest phrase in a group wins; groups match independently",
			a:     strike.Article{Text: "Acme Health picket line. Acme Health pickets."},
			tier:  strike.TierRelated,
			score: 9.5,
			reasons: []string{
				`employer "Acme Health" 2× in text (+4.5)`,
				`labor "picket line" in text (+3)`,
				`labor "picket" in text (+2)`,
				`no union or scope terms: not the campaign's strike`,
			},
		},
		{
			name:  "summary when there is no text",
			a:     strike.Article{Title: "Acme Health", Summary: "HWU nurses strike in Springfield.", Text: " \n"},
			tier:  strike.TierCore,
			score: 14.5,
			reasons: []string{
				`employer "Acme Health" in title (+4.5)`,
				`union "HWU" in text (+3)`,
				`labor "strike" in text (+3)`,
				`scope "nurses" in text (+2)`,
				`scope "Springfield" in text (+2)`,
			},
		},
		{
			name:    "nothing at all",
			a:       strike.Article{},
			tier:    strike.TierNone,
			score:   0,
			reasons: []string{`no employer terms: not about Acme Health`, `no labor terms: not labor news`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.Score(&tt.a)
			if got.Tier != tt.tier || got.Score != tt.score {
				t.Errorf("Score = %s %v, want %s %v", got.Tier, got.Score, tt.tier, tt.score)
			}
			if !slices.Equal(got.Reasons, tt.reasons) {
				t.Errorf("reasons:\n got  %s\n want %s", strings.Join(got.Reasons, "\n      "), strings.Join(tt.reasons, "\n      "))
			}
		})
	}
}

func TestTermWithItsOwnBreak(t *testing.T) {
	p := smallProfile()
	p.Labor = append(p.Labor, strike.Term{Text: "Strike! Now", Weight: 2})
	s := newScorer(t, p)
	tests := []struct {
		text string
		want []string
	}{
		{"Acme Health: strike! Now.", []string{`employer "Acme Health" in text (+3)`, `labor "Strike! Now" in text (+2)`}},
		{"Acme Health: strike now.", []string{`employer "Acme Health" in text (+3)`, `labor "Strike! Now" in text (+2)`}},
	}
	for _, tt := range tests {
		r := s.Score(&strike.Article{Text: tt.text})
		if got := r.Reasons[:min(len(r.Reasons), len(tt.want))]; !slices.Equal(got, tt.want) {
			t.Errorf("Score(%q) reasons = %q, want %q first", tt.text, r.Reasons, tt.want)
		}
	}
}

func TestScoreManyTermsAreSummarized(t *testing.T) {
	p := smallProfile()
	p.Scope = []strike.Term{{Text: "a1", Weight: 1}, {Text: "a2", Weight: 1}, {Text: "a3", Weight: 1}, {Text: "a4", Weight: 1}, {Text: "a5", Weight: 1}, {Text: "a6", Weight: 1}}
	s := newScorer(t, p)
	r := s.Score(&strike.Article{Text: "a1 a2 a3 a4 a5 a6"})
	if got, want := r.Reasons[len(r.Reasons)-3], `2 more scope terms (+2)`; got != want {
		t.Errorf("summary reason = %q, want %q (all: %q)", got, want, r.Reasons)
	}
}

func TestNewScorerRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *strike.Profile)
		want   string
	}{
		{"empty profile", func(p *strike.Profile) { *p = strike.Profile{} }, "no employer terms"},
		{"no labor", func(p *strike.Profile) { p.Labor = nil }, "no labor terms"},
		{"only negative labor", func(p *strike.Profile) { p.Labor = []strike.Term{{Text: "layoff", Weight: -1}} }, "no labor terms"},
		{"neither union nor scope", func(p *strike.Profile) { p.Union, p.Scope = nil, nil }, "no union or scope terms"},
		{"term without words", func(p *strike.Profile) { p.Labor[0].Text = " -- " }, `labor term " -- " has no words`},
		{"zero weight", func(p *strike.Profile) { p.Scope[0].Weight = 0 }, `scope term "nurses": weight must not be 0`},
		{"NaN weight", func(p *strike.Profile) { p.Union[0].Weight = math.NaN() }, `union term "HWU": weight NaN is not finite`},
		{"positive exclusion", func(p *strike.Profile) { p.Exclude[0].Weight = 1 }, `exclude term "Acme Anvils": weight 1 must be 0 or negative`},
		{"same phrase twice", func(p *strike.Profile) { p.Exclude[1].Text = "Strikes" }, `exclude term "Strikes" repeats labor term "strike"`},
		{"core below related", func(p *strike.Profile) { p.CoreScore = 3 }, "core_score 3 is below related_score 4"},
		{"negative related", func(p *strike.Profile) { p.RelatedScore = -1 }, "related_score -1 must be 0 or more"},
		{"zero core", func(p *strike.Profile) { p.CoreScore, p.RelatedScore = 0, 0 }, "core_score 0 must be more than 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := smallProfile()
			tt.change(&p)
			s, err := coverage.NewScorer(p)
			if err == nil {
				t.Fatalf("NewScorer = %v, nil; want an error", s)
			}
			if !errors.Is(err, coverage.ErrInvalidProfile) {
				t.Errorf("error %q does not wrap ErrInvalidProfile", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestNewScorerDoesNotKeepProfile(t *testing.T) {
	p := smallProfile()
	s := newScorer(t, p)
	p.Employer[0].Text = "Globex"
	if got := s.Score(&strike.Article{Title: "Acme Health strike"}).Tier; got != strike.TierRelated {
		t.Errorf("after the profile changed, tier = %s, want related", got)
	}
}

// TestKaiserTraps holds the shipped Kaiser profile to short sentences of
// each kind the campaign cares about.
func TestKaiserTraps(t *testing.T) {
	s := kaiserScorer(t)
	tests := []struct {
		name, title, text string
		want              strike.Tier
	}{
		// Core.
		{"strike begins", "Kaiser mental health workers strike in Southern California",
			"About 2,400 therapists and psychologists represented by NUHW walked off the job Monday.", strike.TierCore},
		{"picket lines, city only", "Therapists picket Kaiser in Los Angeles",
			"Members of the National Union of Healthcare Workers walked picket lines outside Kaiser Permanente clinics.", strike.TierCore},
		{"mediation", "Kaiser and striking therapists agree to mediation",
			"Kaiser Permanente and NUHW will meet with a mediator in San Diego, the union said, as the mental health strike nears five months.", strike.TierCore},
		{"ratification", "NUHW members ratify Kaiser contract, ending strike",
			"Southern California mental health clinicians voted to ratify the agreement with Kaiser Permanente.", strike.TierCore},
		{"tentative agreement", "Tentative agreement ends Kaiser mental health strike",
			"After 196 days, the National Union of Healthcare Workers reached a tentative agreement with Kaiser Permanente covering therapists across Southern California.", strike.TierCore},
		{"mentions the 2022 strike in passing", "Kaiser therapists in Southern California strike",
			"NUHW's 2,400 Los Angeles and San Diego members walked out, two years after a 10-week strike in Northern California.", strike.TierCore},

		{"state capitol angle", "Sacramento lawmakers press Kaiser to settle therapists' strike",
			"Legislators asked Kaiser Permanente to return to the table with NUHW as the Southern California mental health strike entered its third month.", strike.TierCore},
		{"another workforce's council speaks", "Nurses' council hails end of Kaiser mental health strike",
			"A statewide nurses' group praised the tentative agreement between Kaiser Permanente and the National Union of Healthcare Workers that ends the 196-day strike by mental health clinicians in Southern California.", strike.TierCore},
		{"snippet-length item", "Kaiser mental health strike: day 30",
			"NUHW clinicians keep picketing in Los Angeles.", strike.TierCore},

		// Related: other labor news about Kaiser.
		{"another region", "Kaiser therapists in Northern California begin strike",
			"NUHW mental health clinicians in Sacramento, Oakland and the Bay Area walked off the job.", strike.TierRelated},
		{"Hawaii unit", "Kaiser mental health workers in Hawaii strike",
			"NUHW members in Honolulu and Maui joined picket lines at Kaiser Permanente clinics.", strike.TierRelated},
		{"another union in the same region", "75,000 Kaiser workers strike",
			"The Coalition of Kaiser Permanente Unions, including SEIU members in Los Angeles, began a three-day strike.", strike.TierRelated},
		{"nurses", "Kaiser nurses vote to strike",
			"UNAC/UHCP nurses at Kaiser Permanente hospitals in Southern California authorized a walkout.", strike.TierRelated},
		{"Hawaii strike citing the SoCal one", "Kaiser therapists in Hawaii strike",
			"NUHW members in Honolulu walked out on Monday, weeks after their Southern California colleagues began a strike of their own.", strike.TierRelated},
		{"nurses strike citing NUHW in passing", "Kaiser nurses begin five-day strike in Southern California",
			"UNAC/UHCP nurses and other health professionals walked picket lines in Los Angeles and San Diego. NUHW mental health workers settled earlier this year.", strike.TierRelated},
		{"Kaiser by its pharmacies", "Kaiser pharmacy staff OK possible strike",
			"About 3,000 pharmacy workers in Southern California voted to authorize a strike, their union said, though no date has been set.", strike.TierRelated},
		{"labor board case", "NLRB complaint accuses Kaiser of unfair labor practice",
			"The National Labor Relations Board said Kaiser Permanente refused to bargain with a union of optometrists.", strike.TierRelated},

		// None: another employer's strike that names the employer once,
		// after its opening, in passing.
		{"another employer's strike, Kaiser once in passing", "Providence strike in Oregon enters its second week",
			"Nurses and doctors at Providence hospitals in Oregon kept up their picket lines on Monday as talks stalled. The union said replacement staff cost the system millions. " +
				"Both sides met on Friday for six hours without progress, and no new session is on the calendar. Patients in Portland and Hood River report delays for scheduled surgeries and longer waits in emergency rooms. " +
				"Hospital executives elsewhere are watching: in Southern California, Kaiser Permanente's mental health clinicians have been on strike since October. " +
				"Providence said its hospitals remain open and that it has offered raises.", strike.TierNone},
		{"Kaiser labor news told once, up front", "Health care labor roundup",
			"Kaiser Permanente nurses in Hawaii voted to authorize a strike on Tuesday, the union said. Nurses want more staff.", strike.TierRelated},
		// None: Kaiser look-alikes and Kaiser news that is not labor.
		{"Kaiser Aluminum strike", "Kaiser Aluminum workers strike at Spokane plant",
			"Kaiser said production would continue while steelworkers picket outside Kaiser Aluminum's Trentwood mill.", strike.TierNone},
		{"Kaiser Chiefs", "Kaiser Chiefs announce tour",
			"The band said the tour would strike a balance between old hits and new songs; Kaiser fans cheered.", strike.TierNone},
		{"lightning strike at Kaiser", "Lightning strike sparks fire at Kaiser Permanente hospital",
			"The strike set a palm tree alight outside the Fontana hospital; Kaiser said no one was hurt.", strike.TierNone},
		{"Kaiser Family Foundation poll", "Kaiser Family Foundation poll finds health costs worry voters",
			"Kaiser said in a statement that half of adults fear a strike of illness could bankrupt them.", strike.TierNone},
		{"Kaiser Wilhelm history", "Kaiser Wilhelm and the strike waves of 1912",
			"A history of the Kaiser and labor unrest in imperial Germany.", strike.TierNone},
		{"strike price", "Options traders eye Kaiser's bond strike price",
			"Kaiser Permanente bonds rose; the strike price sat near par.", strike.TierNone},
		{"Kaiser news without labor", "Kaiser Permanente opens mental health clinic in San Diego",
			"Kaiser Permanente said the clinic will add therapists and psychologists in Southern California.", strike.TierNone},
		// Kaiser news that recalls the strike in one line, the union unnamed.
		{"Kaiser's app recalls the strike once", "Kaiser Permanente launches a mental health app for teens",
			"Kaiser Permanente said Tuesday that teenagers in Southern California can now book counselors through a new app. " +
				"The health system said the app had been planned before the strike and was built by its digital team in Pasadena. Kaiser expects most users to be 13 to 17.", strike.TierNone},
		{"Kaiser business news", "Kaiser Permanente membership grows",
			"Analysts said Kaiser's bargaining power with drug makers is rising.", strike.TierNone},
		{"another hospital's strike", "Sutter Health nurses strike in Southern California",
			"Nurses represented by the California Nurses Association walked out at Sutter hospitals in Los Angeles.", strike.TierNone},
		{"another employer's mental health strike", "Mental health workers strike at county clinics",
			"Therapists at Los Angeles County clinics began a strike, their union said.", strike.TierNone},
		{"county strike comparing itself to Kaiser", "Los Angeles County therapists strike",
			"County mental health workers walked out, saying their caseloads rival those that drove Kaiser therapists to strike.", strike.TierNone},
		{"baseball", "Dodgers strike out against Padres",
			"Kaiser Permanente sponsored the game in San Diego, where three batters struck out.", strike.TierNone},
		// The employer named to say it is not the one: "shares a name, but
		// no connection, with Kaiser Permanente", "not affiliated with".
		{"a namesake disclaimed", "Steelworkers ratify contract at Kaiser Aluminum mill, averting strike",
			"Steelworkers at Kaiser Aluminum's mill voted to ratify a contract, ending talks that raised the possibility of a strike. " +
				"The company shares a name, but no connection, with Kaiser Permanente, the California health system whose mental health workers are on strike.", strike.TierNone},
		{"an unaffiliated hospital", "Nurses to hold informational picket at St. Aurelia",
			"Nurses will picket to protest understaffing. This is not a strike. St. Aurelia, which is not affiliated with Kaiser Permanente, says its staffing meets state rules.", strike.TierNone},
		// The campaign's union in other news, with the strike named only
		// to say it is unrelated.
		{"the union's other contract", "Hospice social workers ratify first union contract",
			"Social workers at Larkspur Hospice ratified their first contract with the National Union of Healthcare Workers, ending a year of bargaining. " +
				"The agreement comes as the same union's members at Kaiser Permanente are in their fifth week of an unrelated strike.", strike.TierNone},
		{"air strike", "Air strike kills dozens",
			"The military strike hit a hospital; Kaiser Permanente sent no staff.", strike.TierNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &strike.Article{Title: tt.title, Text: tt.text}
			got := s.Score(a)
			if got.Tier != tt.want {
				t.Errorf("tier = %s (score %v), want %s\nreasons:\n  %s\nexplain: %s",
					got.Tier, got.Score, tt.want, strings.Join(got.Reasons, "\n  "), s.Explain(a))
			}
		})
	}
}

func TestExplain(t *testing.T) {
	s := newScorer(t, smallProfile())
	tests := []struct {
		name string
		a    strike.Article
		want string
	}{
		{
			name: "core",
			a:    strike.Article{Title: "Acme Health nurses strike", Text: "HWU pickets in Springfield. Other Union backs them."},
			want: `"Acme Health nurses strike" is core (score 17): it is about the campaign's strike.` +
				` It mentions the employer (Acme Health in the title), the union (HWU), labor terms (strike in the title, picket) and the scope (nurses in the title, Springfield).` +
				` Counted against it: union Other Union (-2).` +
				` It would drop to related without the union or scope terms (HWU, nurses, Springfield), and to none without the employer or labor terms.`,
		},
		{
			name: "related",
			a:    strike.Article{Title: "Acme Health strike in Shelbyville"},
			want: `"Acme Health strike in Shelbyville" is related (score 4.5): it is labor news about Acme Health, but not about the campaign's strike.` +
				` It mentions the employer (Acme Health in the title) and labor terms (strike in the title).` +
				` Counted against it: scope Shelbyville in the title (-4.5).` +
				` It would be core if it named the campaign's union or scope (HWU, nurses, Springfield), did not point to another place or unit and scored at least 10.` +
				` It would drop to none without the employer or labor terms.`,
		},
		{
			name: "none with a look-alike",
			a:    strike.Article{Title: "Acme Anvils strike", Text: "Acme said little."},
			want: `"Acme Anvils strike" is not relevant (tier none, score 4.5), so it is not announced.` +
				` It mentions labor terms (strike in the title).` +
				` Set aside as look-alikes: "Acme Anvils" (not the employer).` +
				` "Acme" was not counted as the employer: next to "Acme Anvils" it may mean something else, and no other employer term backs it up.` +
				` It would be related if it named the employer (Acme Health, Acme).`,
		},
		{
			name: "none, nothing found, no title",
			a:    strike.Article{Text: "Weather is fine."},
			want: `This article is not relevant (tier none, score 0), so it is not announced.` +
				` It mentions none of the profile's terms.` +
				` It would be related if it named the employer (Acme Health, Acme) and were about labor (strike, picket line, picket).`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.Explain(&tt.a); got != tt.want {
				t.Errorf("Explain:\n got  %s\n want %s", got, tt.want)
			}
		})
	}
}

func TestScoreConcurrent(t *testing.T) {
	s := kaiserScorer(t)
	a := &strike.Article{Title: "Kaiser mental health strike", Text: strings.Repeat("NUHW therapists picket in Los Angeles. ", 20)}
	want := s.Score(a)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				b := &strike.Article{Title: a.Title, Text: a.Text + fmt.Sprintf(" word%d", g*100+i)}
				if got := s.Score(b); got.Tier != want.Tier || got.Score != want.Score {
					errs <- fmt.Sprintf("goroutine %d: got %s %v, want %s %v", g, got.Tier, got.Score, want.Tier, want.Score)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func FuzzScore(f *testing.F) {
	f.Add("Kaiser mental health workers strike", "NUHW therapists walked out in Los Angeles.")
	f.Add("Kaiser Aluminum strike", "Kaiser said the lightning strike hit.")
	f.Add("", "")
	f.Add("\xff", "Henry J. Kaiser. strike\n\nout \u2019s")
	s := kaiserScorer(f)
	f.Fuzz(func(t *testing.T, title, text string) {
		a := &strike.Article{Title: title, Text: text}
		r := s.Score(a)
		if !slices.Contains([]strike.Tier{strike.TierCore, strike.TierRelated, strike.TierNone}, r.Tier) {
			t.Fatalf("tier %q", r.Tier)
		}
		if math.IsNaN(r.Score) || math.IsInf(r.Score, 0) {
			t.Fatalf("score %v", r.Score)
		}
		for _, reason := range r.Reasons {
			if reason == "" || !utf8.ValidString(reason) {
				t.Fatalf("bad reason %q", reason)
			}
		}
		if again := s.Score(a); again.Tier != r.Tier || again.Score != r.Score || !slices.Equal(again.Reasons, r.Reasons) {
			t.Fatalf("not deterministic: %v then %v", r, again)
		}
		if e := s.Explain(a); e == "" || !utf8.ValidString(e) {
			t.Fatalf("bad explanation %q", e)
		}
	})
}

// benchArticle is about 1 KB of strike news.
const benchArticle = `About 2,400 mental health workers at Kaiser Permanente in Southern California walked off the job on Monday, beginning an open-ended strike over staffing, pensions and pay. The National Union of Healthcare Workers said therapists, psychologists and social workers from San Diego to Bakersfield would picket outside clinics every weekday until Kaiser returns to the bargaining table with a better offer.

Kaiser said its clinics would stay open, with managers and contracted therapists filling in, and urged patients to keep their appointments. The health system said its offer of raises over four years was fair and that it had bargained in good faith for months.

Clinicians said the dispute is about time for patient care. "We cannot give people the follow-up care they need when our schedules are full for weeks," said one therapist on the picket line in Los Angeles. Union leaders said no new talks were scheduled.`

func BenchmarkScore(b *testing.B) {
	s := kaiserScorer(b)
	a := &strike.Article{Title: "Kaiser mental health workers walk out across Southern California", Text: benchArticle}
	b.SetBytes(int64(len(a.Title) + len(a.Text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Score(a)
	}
}

func BenchmarkScoreParallel(b *testing.B) {
	s := kaiserScorer(b)
	a := &strike.Article{Title: "Kaiser mental health workers walk out across Southern California", Text: benchArticle}
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			s.Score(a)
		}
	})
}
