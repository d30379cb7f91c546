package coverage

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		// A contraction's last letter is no initial.
		{"contraction", "This week there isn't. The therapists are back. We can’t. They won't.",
			[]string{"This week there isn't.", "The therapists are back.", "We can’t.", "They won't."}},
		{"quoted initial", "He wrote 'J.' on the sign. Then he left.", []string{"He wrote 'J.' on the sign.", "Then he left."}},
		{"spaces", "  \n\n\t ", nil},
		// A list's items, one a line, are sentences of their own; the
		// number of the next item does not end the one before.
		{"numbered lines", "They won:\n1. Raises of 20% over four years\n2. A new pension plan\n3) Five protected hours.",
			[]string{"They won:", "1. Raises of 20% over four years", "2. A new pension plan", "3) Five protected hours."}},
		{"bulleted lines", "Demands:\n- Better pay\n• More time for patients\n  * Pensions",
			[]string{"Demands:", "- Better pay", "• More time for patients", "* Pensions"}},
		{"live blog lines", "Updates below.\n7:10 a.m. — The strike is on\n10:05 AM - Kaiser responds",
			[]string{"Updates below.", "7:10 a.m. — The strike is on", "10:05 AM - Kaiser responds"}},
		// A decimal number ends a sentence as any word does; only a
		// dotted abbreviation does not.
		{"decimal at the end", "The new contract raises pay 21.5%. Kaiser had offered 18%. Members vote on 1.5. Talks resumed at 9 a.m. Monday.",
			[]string{"The new contract raises pay 21.5%.", "Kaiser had offered 18%.", "Members vote on 1.5.", "Talks resumed at 9 a.m. Monday."}},
		{"wrapped line", "The strike by 2,400 workers\nbegan Monday - and continues.",
			[]string{"The strike by 2,400 workers\nbegan Monday - and continues."}},
		{"wrapped number", "Kaiser offered raises of\n18. percent, said the union.",
			[]string{"Kaiser offered raises of\n18. percent, said the union."}},
		// A list whose line breaks were lost: the next item's number opens
		// a sentence, a day of the month does not.
		{"run-in list", "We won: 1. Raises of 20% over four years 2. A new pension plan 3. Five hours. Kaiser agreed on May 2. Talks end.",
			[]string{"We won: 1. Raises of 20% over four years", "2. A new pension plan", "3. Five hours.", "Kaiser agreed on May 2.", "Talks end."}},
		{"item number in a paragraph", "1. Who is striking? About 2,400 clinicians.\n\n2. Pay. Kaiser offered 18%.",
			[]string{"1. Who is striking?", "About 2,400 clinicians.", "2. Pay.", "Kaiser offered 18%."}},
		{"one without period", "Workers walk out", []string{"Workers walk out"}},
		{"two", "Workers walked out. Kaiser said care continues.",
			[]string{"Workers walked out.", "Kaiser said care continues."}},
		{"question and exclamation", "Who pays? We do! The end",
			[]string{"Who pays?", "We do!", "The end"}},
		{"governor", "Gov. Gavin Newsom spoke. Then he left.",
			[]string{"Gov. Gavin Newsom spoke.", "Then he left."}},
		{"doctor", "Dr. Lee treats patients.", []string{"Dr. Lee treats patients."}},
		{"month before day", "The strike began Oct. 14 in Los Angeles. It continued.",
			[]string{"The strike began Oct. 14 in Los Angeles.", "It continued."}},
		{"month ends sentence", "Talks resume in Oct. The union agreed.",
			[]string{"Talks resume in Oct.", "The union agreed."}},
		{"us", "The U.S. Labor Department watched. Nobody else did.",
			[]string{"The U.S. Labor Department watched.", "Nobody else did."}},
		{"initials", "J. R. Smith wrote it. She agreed.",
			[]string{"J. R. Smith wrote it.", "She agreed."}},
		{"decimal", "Members pay 1.5 percent more. That is new.",
			[]string{"Members pay 1.5 percent more.", "That is new."}},
		{"money", "It cost $2.5 million. Kaiser paid.",
			[]string{"It cost $2.5 million.", "Kaiser paid."}},
		{"quote ends sentence", `"We will not back down." The union marched.`,
			[]string{`"We will not back down."`, "The union marched."}},
		{"curly quote ends sentence", "“We are staying out.” Kaiser disagreed.",
			[]string{"“We are staying out.”", "Kaiser disagreed."}},
		{"quoted question then said", `"Who pays?" she asked. Nobody answered.`,
			[]string{`"Who pays?" she asked.`, "Nobody answered."}},
		{"comma in quote", `"We will win," she said. He nodded.`,
			[]string{`"We will win," she said.`, "He nodded."}},
		{"paragraph break", "Strike ends\n\nWorkers return Monday",
			[]string{"Strike ends", "Workers return Monday"}},
		{"paragraph with spaces", "First line\n  \t\nSecond line.",
			[]string{"First line", "Second line."}},
		{"single newline joins", "The strike\ncontinues. Yes.",
			[]string{"The strike\ncontinues.", "Yes."}},
		{"ellipsis lower", "We waited... and waited. Done.",
			[]string{"We waited... and waited.", "Done."}},
		{"ellipsis upper", "We waited… Then it ended.",
			[]string{"We waited…", "Then it ended."}},
		{"company", "Kaiser Foundation Hospitals Inc. said no. The union said yes.",
			[]string{"Kaiser Foundation Hospitals Inc. said no.", "The union said yes."}},
		{"state", "Workers in Oakland, Calif. — and beyond — struck. Then what?",
			[]string{"Workers in Oakland, Calif. — and beyond — struck.", "Then what?"}},
		{"parenthesis", "Kaiser (the employer.) The union.",
			[]string{"Kaiser (the employer.)", "The union."}},
		{"number after period", "About 2,400 walked out. 300 stayed.",
			[]string{"About 2,400 walked out.", "300 stayed."}},
		{"number abbreviation", "Local No. 5 voted. They said no. Then yes.", []string{"Local No. 5 voted.", "They said no.", "Then yes."}},
		{"leading space", "   Hello there.  ", []string{"Hello there."}},
		{"am pm", "Pickets start at 7 a.m. Monday. Bring water.",
			[]string{"Pickets start at 7 a.m. Monday.", "Bring water."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss := Sentences(tt.text)
			var got []string
			for _, s := range ss {
				got = append(got, s.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
			checkSentences(t, tt.text, ss)
		})
	}
}

func TestSentencesOffsets(t *testing.T) {
	text := "  Kaiser said no.  The union said yes!\n\nDone"
	got := Sentences(text)
	want := []Sentence{
		{Text: "Kaiser said no.", Start: 2, End: 17},
		{Text: "The union said yes!", Start: 19, End: 38},
		{Text: "Done", Start: 40, End: 44},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func checkSentences(tb testing.TB, text string, ss []Sentence) {
	tb.Helper()
	prev := 0
	for i, s := range ss {
		if s.Start < prev || s.End < s.Start || s.End > len(text) {
			tb.Fatalf("sentence %d: bad offsets [%d,%d) after %d in %d bytes", i, s.Start, s.End, prev, len(text))
		}
		if text[s.Start:s.End] != s.Text {
			tb.Fatalf("sentence %d: text[%d:%d] = %q, Text = %q", i, s.Start, s.End, text[s.Start:s.End], s.Text)
		}
		if s.Text == "" || strings.TrimSpace(s.Text) != s.Text {
			tb.Fatalf("sentence %d: Text %q is empty or not trimmed", i, s.Text)
		}
		prev = s.End
	}
	// Every non-space rune belongs to some sentence.
	covered := 0
	for _, s := range ss {
		covered += len(strings.Join(strings.FieldsFunc(s.Text, unicode.IsSpace), ""))
	}
	all := len(strings.Join(strings.FieldsFunc(text, unicode.IsSpace), ""))
	if covered != all {
		tb.Fatalf("sentences cover %d non-space bytes of %d", covered, all)
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"", "Gov. Newsom said. The end.", "Oct. 14", "U.S.", `"Done." Next`, "a\n\nb",
		"1.5... ?!", "“Why?” he asked", "\xff. \xfe.", "...", ". . .",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSentences(t, text, Sentences(text))
	})
}

func BenchmarkSentences(b *testing.B) {
	text := strings.Repeat("Nearly 2,400 Kaiser Permanente mental health workers went on strike Oct. 14 in Southern California. "+
		"\"We are not going back until patients get care,\" said Dr. Jane Lee, a psychologist. ", 12)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sentences(text)
	}
}

func TestLeadStart(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Kaiser therapists went on strike Monday.\n\nMore.", "Kaiser therapists"},
		{"By Owen Mattis · May. 6, 2025 3:10 PM UTC\n\nThe tentative contract would raise pay.", "The tentative contract"},
		{"· Feb. 7, 2025 6:10 PM UTC\n\nGov. Gavin Newsom has weighed in.", "Gov. Gavin Newsom"},
		{"By Tomás Echeverría | Staff writer\n\nDrivers on Zion Avenue honked.", "Drivers on Zion"},
		{"By Harbor TV 9 Staff\n\nClinicians say they will walk off the job.", "Clinicians say"},
		{"By Ana Ruiz, Staff Writer.\n\nTherapists marched.", "Therapists marched"},
		{"[Photo: Strikers march on Sunset Boulevard. (WPW)]\n\nPolice arrested several people.", "Police arrested"},
		{"Updated 6:40 p.m.\n\nBy Ana Ruiz\n\nThe strike goes on.", "The strike goes on"},
		{"PHOTO: Members of the bargaining team after the vote, standing outside the union hall in Los Angeles on a warm Monday. (NUHW)\n\nThe union said.", "The union said"},
		// A short sentence is the lead, not furniture.
		{"By Monday, 2,400 workers were on strike across Southern California and beyond.\n\nMore.", "By Monday"},
		{"The strike is over.\n\nMembers voted Thursday.", "The strike is over"},
		{"Summary: The strike enters week two.\n\nWho is striking?", "Summary: The strike"},
		// Only furniture: the text is its own lead.
		{"By Ana Ruiz", "By Ana Ruiz"},
		{"", ""},
	} {
		i := leadStart(tt.text)
		if got := tt.text[i:]; !strings.HasPrefix(got, tt.want) {
			t.Errorf("leadStart(%q) leaves %q, want it to start with %q", tt.text, got, tt.want)
		}
	}
}

// TestBoilerplateSentence: what feeds and pages add to every article
// tells nothing of it; the news beside it is no boilerplate.
func TestBoilerplateSentence(t *testing.T) {
	for s, want := range map[string]bool{
		"The post SoCal Kaiser Therapists Ratify Contract, Back to Work Monday appeared first on Valley Labor Beat.": true,
		"Continue reading →":                                                true,
		"Sign up for our daily newsletter.":                                 true,
		"ADVERTISEMENT":                                                     true,
		"Related: Kaiser strike enters third week":                          true,
		"Story continues below":                                             true,
		"The post office on Main Street closed for the strike.":             false,
		"Read more about the contract, the union said, in a member update.": false,
		"Clinicians returned to work Monday.":                               false,
	} {
		if got := boilerplateSentence(s); got != want {
			t.Errorf("boilerplateSentence(%q) = %v, want %v", s, got, want)
		}
	}
}
