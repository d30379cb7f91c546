package coverage

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name   string
		opts   TokenizerOptions
		text   string
		words  []string // Word of each token
		stems  []string // Stem of each token; nil: same as words
		breaks []int    // indexes of tokens with Break set
	}{
		{name: "empty", text: "", words: []string{}},
		{name: "punctuation only", text: " -- ... !? ", words: []string{}},
		{
			name:   "lower-cases and splits on hyphens and slashes",
			text:   "KAISER Permanente's picket-line: UNAC/UHCP",
			words:  []string{"kaiser", "permanente", "picket", "line", "unac", "uhcp"},
			breaks: []int{4},
		},
		{
			name:   "apostrophes inside words and possessives",
			text:   "Workers' rights don’t wait; Kaiser’s offer and O'Brien's reply",
			words:  []string{"workers", "rights", "don't", "wait", "kaiser", "offer", "and", "o'brien", "reply"},
			breaks: []int{4},
		},
		{
			name:  "numbers keep their separators",
			text:  "About 2,400 workers, a 3.5% raise, 18% over 4 years.",
			words: []string{"about", "2,400", "workers", "a", "3.5", "raise", "18", "over", "4", "years"},
		},
		{
			name:   "sentence ends break, initials and abbreviations do not",
			text:   "Henry J. Kaiser said no. U.S. officials and the KP.2 variant. Then 10:30 came",
			words:  []string{"henry", "j", "kaiser", "said", "no", "u", "s", "officials", "and", "the", "kp", "2", "variant", "then", "10", "30", "came"},
			breaks: []int{5, 13, 15},
		},
		{
			name:   "blank line breaks, single newline does not",
			text:   "the picket\nline held\n\n \nstrike",
			words:  []string{"the", "picket", "line", "held", "strike"},
			breaks: []int{4},
		},
		{
			name:  "unicode letters and marks",
			text:  "Über SEÑORA café naïve Ωmega 東京",
			words: []string{"über", "señora", "café", "naïve", "ωmega", "東京"},
		},
		{
			name:  "stems",
			opts:  TokenizerOptions{Stem: true},
			text:  "Strikes, striking strikers ratified the 2,400 therapists",
			words: []string{"strikes", "striking", "strikers", "ratified", "the", "2,400", "therapists"},
			stems: []string{"strike", "strike", "striker", "ratifi", "the", "2,400", "therapist"},
		},
		{
			name:   "drops stop words, keeps the break",
			opts:   TokenizerOptions{DropStopWords: true},
			text:   "They walked out. The union said",
			words:  []string{"walked", "union", "said"},
			breaks: []int{1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tz := NewTokenizer(tt.opts)
			toks := tz.Tokens(tt.text)
			words := make([]string, 0, len(toks))
			stems := make([]string, 0, len(toks))
			var breaks []int
			for i, tok := range toks {
				words = append(words, tok.Word)
				stems = append(stems, tok.Stem)
				if tok.Break {
					breaks = append(breaks, i)
				}
			}
			if got, want := words, tt.words; !slices.Equal(got, want) {
				t.Errorf("words = %q, want %q", got, want)
			}
			wantStems := tt.stems
			if wantStems == nil {
				wantStems = tt.words
			}
			if got, want := stems, wantStems; !slices.Equal(got, want) {
				t.Errorf("stems = %q, want %q", got, want)
			}
			if got, want := breaks, tt.breaks; !slices.Equal(got, want) {
				t.Errorf("breaks at %v, want %v", got, want)
			}
		})
	}
}

func TestTokenOffsets(t *testing.T) {
	text := "Kaiser’s THERAPISTS walked out; NUHW's 2,400 members"
	for _, tok := range (&Tokenizer{}).Tokens(text) {
		src := text[tok.Start:tok.End]
		if got, want := strings.ToLower(strings.ReplaceAll(src, "’", "'")), tok.Word; !strings.HasPrefix(got, want) {
			t.Errorf("text[%d:%d] = %q, want it to start with the word %q", tok.Start, tok.End, src, want)
		}
	}
}

func TestZeroTokenizer(t *testing.T) {
	var tz Tokenizer
	if got, want := tz.Words("Picket LINES"), []string{"picket", "lines"}; !slices.Equal(got, want) {
		t.Errorf("zero Tokenizer Words = %q, want %q", got, want)
	}
}

func TestStemCacheStaysBounded(t *testing.T) {
	tz := NewTokenizer(TokenizerOptions{Stem: true, CacheWords: 4})
	for range 3 {
		got := tz.Words("strikes pickets walkouts therapists unions contracts mediators")
		want := []string{"strike", "picket", "walkout", "therapist", "union", "contract", "mediat"}
		if !slices.Equal(got, want) {
			t.Fatalf("Words = %q, want %q", got, want)
		}
		if n := len(tz.cache.m); n > 4 {
			t.Fatalf("cache holds %d words, want at most 4", n)
		}
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{
		"", "Kaiser Permanente's 2,400 therapists walked off the job.",
		"Henry J. Kaiser. KP.2 U.S.", "don’t\n\nstop", "\xff\xfe bad \xc3",
		"İstanbul ǅ ﬃ 3.5.6,7", "'s 's's ’s",
	} {
		f.Add(s)
	}
	tz := NewTokenizer(TokenizerOptions{Stem: true, CacheWords: 64})
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for i, tok := range tz.Tokens(text) {
			if tok.Word == "" || tok.Stem == "" {
				t.Fatalf("token %d of %q: empty word %q or stem %q", i, text, tok.Word, tok.Stem)
			}
			if !utf8.ValidString(tok.Word) || !utf8.ValidString(tok.Stem) {
				t.Fatalf("token %d of %q: invalid UTF-8 %q / %q", i, text, tok.Word, tok.Stem)
			}
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("token %d of %q: offsets [%d,%d) after %d", i, text, tok.Start, tok.End, prev)
			}
			if i == 0 && tok.Break {
				t.Fatalf("first token of %q has Break set", text)
			}
			prev = tok.End
		}
	})
}

func BenchmarkTokens(b *testing.B) {
	tz := NewTokenizer(TokenizerOptions{Stem: true})
	text := strings.Repeat("Kaiser Permanente mental health workers walked off the job on Monday, NUHW said. ", 12)
	b.SetBytes(int64(len(text)))
	var buf []Token
	for b.Loop() {
		buf = tz.AppendTokens(buf[:0], text)
	}
}
