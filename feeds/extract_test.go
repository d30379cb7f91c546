package feeds

import (
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/strikebot/strikebot/strike"
)

func TestExtractArticle(t *testing.T) {
	page := readFixture(t, "pages/article.html")
	ex, err := ExtractArticle(page, "https://courier.example.com/labor/2025/03/10/talks")
	if err != nil {
		t.Fatalf("ExtractArticle: %v", err)
	}
	if got, want := ex.Title, "Therapists return to bargaining table after months apart"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
	if want := time.Date(2025, 3, 10, 15, 0, 0, 0, time.UTC); !ex.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", ex.Published, want)
	}
	for _, want := range []string{"state mediator on Monday", "about 2,400 therapists", "rally is planned for Saturday"} {
		if !strings.Contains(ex.Text, want) {
			t.Errorf("Text lacks %q:\n%s", want, ex.Text)
		}
	}
	for _, unwanted := range []string{"tracker", "font-family", "High school football", "All rights reserved"} {
		if strings.Contains(ex.Text, unwanted) {
			t.Errorf("Text holds %q:\n%s", unwanted, ex.Text)
		}
	}
	if strings.Contains(ex.Text, "\n\n\n") || ex.Text != strings.TrimSpace(ex.Text) {
		t.Errorf("Text not cleaned: %q", ex.Text)
	}
	checkString(t, "Text", ex.Text)
}

func TestExtractArticleWindows1252(t *testing.T) {
	src := strings.Replace(string(readFixture(t, "pages/article.html")), `<meta charset="utf-8">`, `<meta charset="windows-1252">`, 1)
	src = strings.Replace(src, "Mental health clinicians", "Mental health clinicians — “señoras y señores” —", 1)
	page, err := charmap.Windows1252.NewEncoder().Bytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ex, err := ExtractArticle(page, "https://courier.example.com/a")
	if err != nil {
		t.Fatalf("ExtractArticle: %v", err)
	}
	if want := "clinicians — “señoras y señores” —"; !strings.Contains(ex.Text, want) {
		t.Errorf("Text lacks %q:\n%s", want, ex.Text)
	}
}

// TestExtractArticleEscapedTwice: a page that shows the entities a feed
// escaped twice ("Kaiser&#39;s") reads as its writer meant it.
func TestExtractArticleEscapedTwice(t *testing.T) {
	src := strings.Replace(string(readFixture(t, "pages/article.html")), "Mental health clinicians", "Kaiser&amp;#39;s mental health clinicians", 1)
	ex, err := ExtractArticle([]byte(src), "https://courier.example.com/a")
	if err != nil {
		t.Fatalf("ExtractArticle: %v", err)
	}
	if want := "Kaiser's mental health clinicians"; !strings.Contains(ex.Text, want) {
		t.Errorf("Text lacks %q:\n%s", want, ex.Text)
	}
	if !strings.Contains(ex.Text, "\n") {
		t.Errorf("Text lost its paragraphs:\n%s", ex.Text)
	}
}

func TestExtractArticleEmpty(t *testing.T) {
	for _, page := range []string{"", "<html><body></body></html>", "<html><head><title>x</title></head><body><script>1</script></body></html>"} {
		_, err := ExtractArticle([]byte(page), "https://courier.example.com/a")
		if !errors.Is(err, ErrNoArticle) {
			t.Errorf("ExtractArticle(%q) err = %v, want ErrNoArticle", page, err)
		}
	}
}

func TestExtractArticleRedactsURL(t *testing.T) {
	_, err := ExtractArticle(nil, "https://user:hunter2@courier.example.com/a")
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("err = %v, want an error without the password", err)
	}
}

func TestStripSiteSuffix(t *testing.T) {
	tests := []struct{ title, site, host, want string }{
		{"Strike ends | Harbor City Courier", "Harbor City Courier", "courier.example.com", "Strike ends"},
		{"Strike ends - Harbor City Courier", "Harbor City Courier", "", "Strike ends"},
		{"Strike ends — LA Times", "", "www.latimes.com", "Strike ends"},
		{"Strike ends | News", "", "", "Strike ends"},
		{"Strike - what comes next", "Harbor City Courier", "courier.example.com", "Strike - what comes next"},
		{"Plain title", "Site", "site.example", "Plain title"},
		{"| Site", "Site", "", "| Site"},
	}
	for _, tt := range tests {
		if got := stripSiteSuffix(tt.title, tt.site, tt.host); got != tt.want {
			t.Errorf("stripSiteSuffix(%q, %q, %q) = %q, want %q", tt.title, tt.site, tt.host, got, tt.want)
		}
	}
}

func TestNeedsFullText(t *testing.T) {
	long := strings.Repeat("word ", 100)
	tests := []struct {
		name     string
		a        strike.Article
		minWords int
		want     bool
	}{
		{"snippet with link", strike.Article{URL: "https://x.example/a", Text: "Union says talks resume."}, 50, true},
		{"long text", strike.Article{URL: "https://x.example/a", Text: long}, 50, false},
		{"exactly enough", strike.Article{URL: "https://x.example/a", Text: "a b c"}, 3, false},
		{"one short", strike.Article{URL: "https://x.example/a", Text: "a b"}, 3, true},
		{"no link", strike.Article{Text: "short"}, 50, false},
		{"default minimum", strike.Article{URL: "https://x.example/a", Text: strings.Repeat("w ", DefaultSnippetWords-1)}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NeedsFullText(tt.a, tt.minWords); got != tt.want {
				t.Errorf("NeedsFullText = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLaborHint(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"The Monday Chart: three health care labor fights to watch this month Good morning.", true},
		{"The Monday Chart (Tuesday edition): Kaiser deal, a nurses' vote, a staffing bill", true},
		{"Union members rally", true},
		{"Talks resume at the port", true},
		// A listing's rally or march, for the workers of a dispute.
		{"This weekend in the Eastside: markets, a jazz brunch and a rally", true},
		{"Marchers fill downtown", true},
		{"March sales rise at the mall", false}, // the month
		{"Kaiser Permanente opens new medical offices in Carson", false},
		{"Sunny weekend ahead. No rain is expected.", false},
		{"A collaborative approach to care", false}, // "labor" inside a word
		{"Ideal weather for the idealist", false},   // "deal" inside a word
	} {
		if got := laborHint(tt.text); got != tt.want {
			t.Errorf("laborHint(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestRoundupHint(t *testing.T) {
	for _, tt := range []struct {
		title string
		want  bool
	}{
		{"Newsroom ticker: Monday, Oct. 21", true},
		{"Parish bulletin: Thirty-first Sunday in Ordinary Time", true},
		{"Courthouse log: Nov. 25 to Dec. 2", true},
		{"Today in labor: Monday, Oct. 20", true},
		{"The week in Southern California labor: Feb. 3-7", true},
		{"Capitol Desk: What we're watching this week", true},
		{"Community calendar: candlelight vigil, plant swap, library book sale", true},
		{"8 things to do in the Valley this weekend and next", true},
		{"This week at St. Brendan: Social justice ministry notes", true},
		{"The Daily Rundown: Nurses back from strike, a Santa Ana wind warning", true},
		{"Morning briefing: fire weather, a bond vote and a new pier", true},
		{"Action Minutes, Regular Meeting of the City Council, October 28, 2024", true},
		{"Calendars sell out at the craft fair", false}, // "calendar:" is a page of items, not the word
		{"Firefighters reach the blaze in 20 minutes", false},
		{"Kaiser Permanente opens new medical offices in Carson", false},
		{"A blog about dogs", false},    // "log" needs its colon
		{"Catalog: spring sale", false}, // "log:" inside a word
	} {
		if got := roundupHint(tt.title); got != tt.want {
			t.Errorf("roundupHint(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

func TestDiaryHint(t *testing.T) {
	for _, tt := range []struct {
		title string
		want  bool
	}{
		{"Day 43: Cold mornings, warm hands", true},
		{"Day 196 and a few more: the last post from the line", true},
		{"Week 3 on the line", true},
		{"Daylight saving ends Sunday", false},
		{"Doctors' day 2025", false},
	} {
		if got := diaryHint(tt.title); got != tt.want {
			t.Errorf("diaryHint(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}
