package coverage_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// Texts written for these tests.
const (
	harborTitle = "Harbor clinic nurses walk out over staffing"
	harborText  = `About 300 nurses at the Harbor Point clinic walked off the job on Tuesday morning, saying the clinic has left dozens of positions empty for more than a year.

The nurses, members of the Coastal Nurses Guild, set up a picket line outside the main entrance before sunrise. Guild leaders said the strike would last three days unless managers agreed to hire at least forty more nurses.

Clinic managers said they had offered a 9% raise over three years and had posted every open job. They said patients with appointments this week would be seen by temporary staff.

The contract between the guild and the clinic expired in March, and the two sides have met eleven times since then without a deal.`

	// harborEdited is harborText as a syndicating paper printed it: a new
	// first paragraph, one sentence cut, one changed.
	harborEdited = `HARBOR POINT - Nurses at the city's largest clinic are on strike.

The nurses, members of the Coastal Nurses Guild, set up a picket line outside the main entrance before sunrise. Guild leaders said the strike would last three days unless managers agreed to hire at least forty more nurses.

Clinic managers said they had offered a 9% raise over three years and had posted every open job.

The contract between the guild and the clinic expired in March, and the two sides have met eleven times since then without reaching an agreement.`

	gardenTitle = "Community garden doubles its plots after a dry summer"
	gardenText  = `The Elm Street community garden will add sixty new plots this fall, volunteers announced, after a waiting list grew past two hundred names.

Volunteers plan to lay new irrigation lines in October so that the plots survive the next heat wave. Seeds and tools will be shared from a small shed donated by a hardware store.`
)

func sign(title, text string) coverage.Signature {
	return coverage.Sign(&strike.Article{Title: title, Text: text})
}

func TestSignJaccard(t *testing.T) {
	base := sign(harborTitle, harborText)
	tests := []struct {
		name               string
		other              coverage.Signature
		minShingle, maxShg float64
		minWord, maxWord   float64
	}{
		{"identical", sign(harborTitle, harborText), 1, 1, 1, 1},
		{"same text, other case and spacing", sign(strings.ToUpper(harborTitle), strings.ReplaceAll(harborText, " ", "  ")), 1, 1, 1, 1},
		{"copy with small edits", sign("Nurses strike at Harbor clinic", harborEdited), 0.4, 0.95, 0.5, 0.95},
		{"unrelated", sign(gardenTitle, gardenText), 0, 0.1, 0, 0.1},
		{"empty", sign("", ""), 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := base.Jaccard(tt.other); got < tt.minShingle || got > tt.maxShg {
				t.Errorf("Jaccard = %.3f, want in [%.2f, %.2f]", got, tt.minShingle, tt.maxShg)
			}
			if got := base.WordJaccard(tt.other); got < tt.minWord || got > tt.maxWord {
				t.Errorf("WordJaccard = %.3f, want in [%.2f, %.2f]", got, tt.minWord, tt.maxWord)
			}
			if got, want := base.Jaccard(tt.other), tt.other.Jaccard(base); got != want {
				t.Errorf("Jaccard not symmetric: %v and %v", got, want)
			}
		})
	}
}

func TestSignDeterministic(t *testing.T) {
	a := &strike.Article{Title: harborTitle, Text: harborText}
	first := coverage.Sign(a)
	signer := coverage.NewSigner()
	for i := 0; i < 3; i++ {
		if got := coverage.Sign(a); got != first {
			t.Fatalf("Sign call %d differs from the first", i+2)
		}
		if got := signer.Sign(a); got != first {
			t.Fatalf("Signer.Sign call %d differs from Sign", i+1)
		}
	}
	// Signatures are stored: a change of hashing must come with a new
	// marshaled version, and with new values here.
	pinned := []struct {
		i    int
		want uint32
	}{{0, 5783264}, {coverage.ShingleHashes - 1, 43966279}, {coverage.ShingleHashes, 269018469}}
	for _, p := range pinned {
		if got := first[p.i]; got != p.want {
			t.Errorf("Sign(harbor)[%d] = %d, want %d", p.i, got, p.want)
		}
	}
}

func TestSignUsesSummaryWithoutText(t *testing.T) {
	withText := coverage.Sign(&strike.Article{Title: harborTitle, Text: harborText})
	withSummary := coverage.Sign(&strike.Article{Title: harborTitle, Summary: harborText})
	if withText != withSummary {
		t.Errorf("signature from Summary differs from signature from Text")
	}
}

func TestSignEmpty(t *testing.T) {
	tests := []struct {
		name string
		a    strike.Article
		want bool
	}{
		{"nothing", strike.Article{}, true},
		{"punctuation and stop words", strike.Article{Title: "—", Text: "the of and, or!"}, true},
		{"one word", strike.Article{Title: "Strike"}, false},
		{"two words", strike.Article{Title: "Strike vote"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := coverage.Sign(&tt.a)
			if got := s.Empty(); got != tt.want {
				t.Errorf("Empty() = %v, want %v", got, tt.want)
			}
			wantSelf := 1.0
			if tt.want {
				wantSelf = 0
			}
			if got := s.Jaccard(s); got != wantSelf {
				t.Errorf("Jaccard with itself = %v, want %v", got, wantSelf)
			}
		})
	}
}

func TestSignatureMarshal(t *testing.T) {
	s := sign(harborTitle, harborText)
	data, err := s.MarshalBinary()
	if err != nil {
		t.Fatalf("MarshalBinary: %v", err)
	}
	if got, want := len(data), 1+4*coverage.NumHashes; got != want {
		t.Fatalf("len(MarshalBinary()) = %d, want %d", got, want)
	}
	var back coverage.Signature
	if err := back.UnmarshalBinary(data); err != nil {
		t.Fatalf("UnmarshalBinary: %v", err)
	}
	if back != s {
		t.Fatalf("round trip changed the signature")
	}

	bad := []struct {
		name string
		data []byte
	}{
		{"nil", nil},
		{"short", data[:len(data)-1]},
		{"long", append(append([]byte{}, data...), 0)},
		{"other version", append([]byte{data[0] + 1}, data[1:]...)},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			var got coverage.Signature
			got[0] = 7
			err := got.UnmarshalBinary(tt.data)
			if !errors.Is(err, coverage.ErrInvalidSignature) {
				t.Errorf("UnmarshalBinary error = %v, want ErrInvalidSignature", err)
			}
			if got[0] != 7 || got[1] != 0 {
				t.Errorf("UnmarshalBinary changed the signature on error")
			}
		})
	}
}

func FuzzSign(f *testing.F) {
	f.Add(harborTitle, harborText)
	f.Add("", "")
	f.Add("U.S. Kaiser's “strike”", "2,400 workers… 3.5% ’s \n\n\n!!")
	f.Add("\xff\xfe", "a\x00b")
	signer := coverage.NewSigner()
	f.Fuzz(func(t *testing.T, title, text string) {
		a := &strike.Article{Title: title, Text: text}
		s := coverage.Sign(a)
		if got := signer.Sign(a); got != s {
			t.Fatalf("Signer.Sign differs from Sign")
		}
		j := s.Jaccard(s)
		if s.Empty() {
			if j != 0 {
				t.Fatalf("empty signature: Jaccard with itself = %v, want 0", j)
			}
		} else if j != 1 {
			t.Fatalf("Jaccard with itself = %v, want 1", j)
		}
		if w := s.WordJaccard(s); !s.Empty() && w != 1 || math.IsNaN(w) {
			t.Fatalf("WordJaccard with itself = %v", w)
		}
		data, _ := s.MarshalBinary()
		var back coverage.Signature
		if err := back.UnmarshalBinary(data); err != nil || back != s {
			t.Fatalf("round trip: err %v, equal %v", err, back == s)
		}
	})
}

func FuzzSignatureUnmarshal(f *testing.F) {
	good, _ := sign(harborTitle, harborText).MarshalBinary()
	f.Add(good)
	f.Add([]byte{})
	f.Add([]byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		var s coverage.Signature
		if err := s.UnmarshalBinary(data); err != nil {
			if !errors.Is(err, coverage.ErrInvalidSignature) {
				t.Fatalf("error %v does not wrap ErrInvalidSignature", err)
			}
			return
		}
		again, _ := s.MarshalBinary()
		if string(again) != string(data) {
			t.Fatalf("MarshalBinary(UnmarshalBinary(data)) != data")
		}
	})
}
