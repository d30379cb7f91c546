package coverage_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// para builds an article of the given sentences.
func para(t *testing.T, id int64, outlet, date, title string, sentences ...string) strike.Article {
	t.Helper()
	return strike.Article{ID: id, Source: outlet, Title: title, Published: day(t, date, 12), Text: strings.Join(sentences, " ")}
}

func TestExtractive(t *testing.T) {
	wireLead := "LOS ANGELES (Western Newswire) - About 2,400 Kaiser Permanente mental health workers walked off the job Monday in Southern California, starting an open-ended strike."
	wire := []string{
		wireLead,
		"The National Union of Healthcare Workers says therapists need more time for patient care between appointments.",
		"Kaiser said its clinics would stay open with managers and contract therapists filling in.",
		"Picket lines formed outside medical centers from San Diego to Bakersfield by mid-morning.",
	}
	copyOf := append([]string{strings.Replace(wireLead, "Monday", "on Monday", 1)}, wire[1:]...)
	newer := []string{
		"On the second day of the strike, Kaiser said most therapy appointments had been moved to video visits.",
		"Union leaders said no new bargaining date has been set.",
		"\"We will stay out as long as it takes,\" one therapist said.",
	}
	tests := []struct {
		name     string
		maxWords int
		articles []strike.Article
		check    func(t *testing.T, sum coverage.Summary)
	}{
		{
			name:     "wire copies count once, cited from the first",
			articles: []strike.Article{para(t, 2, "Sierra Morning Post", "2024-10-21", "Kaiser therapists strike", copyOf...), para(t, 1, "Western Newswire", "2024-10-21", "Thousands of Kaiser mental health workers strike", wire...)},
			check: func(t *testing.T, sum coverage.Summary) {
				seen := map[string]bool{}
				for _, s := range sum.Sentences {
					key := strings.Fields(s.Text)[0] + strings.Fields(s.Text)[1]
					if seen[key] {
						t.Errorf("two copies of one sentence: %q", sum.Text)
					}
					seen[key] = true
				}
				if sum.Sentences[0].ArticleID != 1 {
					t.Errorf("lead cites article %d, want the original, 1: %+v", sum.Sentences[0].ArticleID, sum.Sentences)
				}
				if !strings.HasPrefix(sum.Text, "About 2,400") {
					t.Errorf("dateline kept or lead lost: %q", sum.Text)
				}
			},
		},
		{
			name: "leads with what is new",
			articles: []strike.Article{
				para(t, 1, "Western Newswire", "2024-10-21", "Thousands of Kaiser mental health workers strike", wire...),
				para(t, 3, "Care Line Review", "2024-10-22", "Kaiser moves therapy to video on strike's second day", newer...),
			},
			check: func(t *testing.T, sum coverage.Summary) {
				if sum.Sentences[0].ArticleID != 3 || !strings.HasPrefix(sum.Text, "On the second day") {
					t.Errorf("summary %q does not lead with the newest article's lead", sum.Text)
				}
				if !strings.Contains(sum.Text, "2,400") {
					t.Errorf("summary %q lost the key number 2,400", sum.Text)
				}
			},
		},
		{
			name:     "a small word limit",
			maxWords: 30,
			articles: []strike.Article{para(t, 1, "Western Newswire", "2024-10-21", "Kaiser workers strike", wire...)},
			check: func(t *testing.T, sum coverage.Summary) {
				if n := len(strings.Fields(sum.Text)); n > 30 || n == 0 {
					t.Errorf("%d words, want 1 to 30: %q", n, sum.Text)
				}
			},
		},
		{
			name:     "a title alone gives a headline and no sentences",
			articles: []strike.Article{{ID: 5, Title: "Kaiser strike enters third week", Published: day(t, "2024-11-01", 0)}},
			check: func(t *testing.T, sum coverage.Summary) {
				if sum.Headline != "Kaiser strike enters third week" || sum.Text != "" || len(sum.Sentences) != 0 {
					t.Errorf("summary %+v, want the title alone", sum)
				}
			},
		},
		{
			name: "a snippet's one sentence",
			articles: []strike.Article{{ID: 6, Title: "Strike", Published: day(t, "2024-11-01", 0),
				Summary: "Kaiser mental health workers marched through downtown Los Angeles on Saturday."}},
			check: func(t *testing.T, sum coverage.Summary) {
				if len(sum.Sentences) != 1 || sum.Sentences[0].ArticleID != 6 {
					t.Errorf("Sentences = %+v, want the snippet's sentence", sum.Sentences)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sum, err := coverage.Extractive{MaxWords: tt.maxWords}.Summarize(context.Background(), strike.Story{}, tt.articles)
			if err != nil {
				t.Fatal(err)
			}
			if sum.By != "extractive" || sum.Fallback != nil {
				t.Errorf("By, Fallback = %q, %v", sum.By, sum.Fallback)
			}
			max := tt.maxWords
			if max == 0 {
				max = 60
			}
			checkSummary(t, sum, tt.articles, max)
			tt.check(t, sum)
		})
	}
}

func TestExtractiveErrors(t *testing.T) {
	_, err := coverage.Extractive{}.Summarize(context.Background(), strike.Story{}, []strike.Article{{ID: 1}})
	if !errors.Is(err, coverage.ErrNothingToSummarize) {
		t.Errorf("empty article: err = %v, want ErrNothingToSummarize", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = coverage.Extractive{}.Summarize(ctx, strike.Story{}, []strike.Article{{ID: 1, Title: "t"}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: err = %v, want context.Canceled", err)
	}
}

// FuzzExtractive checks the summary's promises on any text: no panic, at
// most MaxWords words, every sentence found in the article it cites.
func FuzzExtractive(f *testing.F) {
	f.Add("Kaiser workers struck Monday. About 2,400 walked out. \"We are here,\" one said.", "NUHW and Kaiser met again. No deal yet.")
	f.Add("LOS ANGELES (Wire) - A strike began. It was the 1st day.\n\nPickets formed.", "")
	f.Add("U.S. Sen. J. Doe said 1.5% was not enough... Really?! Yes.", "“Quoted” text… and more")
	f.Fuzz(func(t *testing.T, a, b string) {
		arts := []strike.Article{{ID: 1, Title: "one", Text: a}, {ID: 2, Title: "two", Text: b}}
		sum, err := coverage.Extractive{MaxWords: 40}.Summarize(context.Background(), strike.Story{}, arts)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(strings.Fields(sum.Text)); n > 40 {
			t.Errorf("%d words", n)
		}
		for _, s := range sum.Sentences {
			text := a
			if s.ArticleID == 2 {
				text = b
			}
			if !strings.Contains(text, s.Text) {
				t.Errorf("sentence %q not in article %d", s.Text, s.ArticleID)
			}
		}
		if utf8.ValidString(a) && utf8.ValidString(b) && !utf8.ValidString(sum.Text) {
			t.Errorf("invalid UTF-8 out of valid input: %q", sum.Text)
		}
	})
}
