package main

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/internal/eval"
	"github.com/strikebot/strikebot/internal/racetest"
)

// askBankFloors is how many of the bank's questions the current code
// answers right on each development corpus. A change that falls below a
// floor answers supporters worse; one that lifts a count should raise its
// floor to the count reached.
var askBankFloors = map[string]int{
	// Before any rule was tuned on the bank (written in four batches,
	// each measured before any code changed): dev 76, dev2 79, dev3 79
	// of 110.
	// After the rules tuned on its misses: dev 106, dev2 106, dev3 105 of
	// 110. A fifth batch of 15, written after those rules, answered 13,
	// 12 and 13 before any further change; then 15, 14 and 15, and 16
	// of dev2 once a "who" sentence naming nobody counted less.
	// The fourth development corpus, first asked the bank after the rules
	// above and before any change made for it: 115 of 125.
	// A sixth batch of 33 (compound, negated, yes/no and comparative
	// questions, people, places, patients, money, time relative to now,
	// one-word and rambling ones), written before it was asked, answered
	// 16, 16, 14 and 14 of 33 before any change: dev 137, dev2 138, dev3
	// 134, dev4 129 of 158. After general rules tuned on its misses (FAQ
	// answers cite the news, organisations are no person's name, one-word,
	// negated, compound and comparative questions, where a strike was, a
	// span for "how long", a percentage for a raise): dev 152, dev2 157,
	// dev3 147, dev4 146.
	// The fifth development corpus, first asked the bank after the rules
	// above and before any change made for it: 141 of 158.
	// A seventh batch of 34 (text-speak, Spanish, where things stand now,
	// the workers by profession, what the contract gave, the dates of
	// mediation, the deal and the vote, Kaiser's side, how to help,
	// sibling strikes named in the question, wrong premises), written
	// before it was asked, answered 22, 18, 15, 16 and 16 of 34 before any
	// change: dev 174, dev2 175, dev3 162, dev4 162, dev5 157 of 192.
	// After general rules tuned on its misses (shorthand without vowels,
	// a year the strike did not span and the titles of other news, when
	// an event began, a strike said to have failed, another profession
	// supposed on strike, a deal's terms by other names): dev 184, dev2
	// 184, dev3 173, dev4 173, dev5 169 of 192 (the batch 32, 27, 26, 27
	// and 25 of 34; dev5 144 of the first 158). Once relative days were
	// dated in the campaign's time zone: dev4 174, dev5 170.
	// An eighth batch of 28 (whole sentences as a reader of the news types
	// them, the strike's size and length by their nouns, how it ended,
	// whether it was a success, where it took place, the hunger strike,
	// going into mediation), written before it was asked, answered 23, 21,
	// 20, 23 and 20 of 28 before any change (dev 207, dev2 205, dev3 193,
	// dev4 196, dev5 189 of 220). After general rules tuned on its misses
	// (size and length asked by their nouns, "how did it end" answered
	// with how, a success asked as a win, "take place" no search word,
	// going into mediation as its start): dev 211, dev2 209, dev3 198,
	// dev4 200, dev5 193; dev5 194 once a headline's "a rally" had its
	// page fetched.
	// A ninth batch of 30 (the union, employer and region in short forms,
	// a date by its year, month or weekday, the length in weeks, context
	// clauses, autocorrect slips, voice run-ons, British spellings,
	// "tl;dr", the vote as yes or no, Kaiser's offer beside the raise,
	// the mediators, the hunger strike's month, questions carrying a
	// wrong number), written before it was asked, answered 18, 21, 18, 18
	// and 15 of 30 before any change (dev 229, dev2 230, dev3 216, dev4
	// 218, dev5 209 of 250). After general rules tuned on its misses
	// (slips of "strike", British spellings, "tl;dr" and "recap" as where
	// things stand, a weekday asked for and given, a length or count
	// supposed in a yes/no question answered from the status, "what day
	// did we …" no day of the strike, going back "without a contract" as
	// how it ended, who brokered a deal as its mediators, seasons no sign
	// of other news, the raise joined to the length when both are
	// asked, a past event asked about answered by its report rather than
	// its announcement): dev 240, dev2 237, dev3 224, dev4 226, dev5 218.
	// A tenth batch of 30 (the five core questions in passive voice,
	// nominalised, embedded in a sentence, with wrong premises, emoji,
	// hashtags and capitals; the length against the northern strike's and
	// in months; a few on the professions, region, mediators and dates),
	// written before it was asked, answered 18 of 30 on each corpus, with
	// a day preferred to a timeline's month heading for "when" and a
	// question naming other news no longer answered by a sentence that
	// names none of it (dev3 +2, dev5 +1 on the first 250). After general
	// rules tuned on its misses (a supposed count in words or "involved",
	// "why did it last a year" and "was it longer than …" as the length,
	// "end up with" as winning, "how come" as why, "which part of" as
	// where, "names of the mediators" as who, a figure named in a yes/no
	// question on the raise answered with the raise, run-together hashtag
	// words read apart, number words no sign of other news): dev 266,
	// dev2 263, dev3 253, dev4 252, dev5 244; one more each once "why is
	// it still going?" after the end is answered by the end.
	// An eleventh batch of 30 (chat shorthand and emoji, one-liners, long
	// messages with context, two questions in one, false premises,
	// negatives, comparisons, "what happened on", Spanish, the hunger
	// strike, politicians, the pension, waits, the vote's margin),
	// written before it was asked, answered 15, 14, 12, 14 and 12 of 30
	// before any change (dev 282, dev2 278, dev3 266, dev4 267, dev5 257
	// of 310). After general rules tuned on its misses and the tenth and
	// eleventh corpora's questions ("#", "TA", "so cal", "IE", ordinal
	// days, chat words dropped, "called … out" no end, "what night" and
	// "first day … again" as when, a return dated before it is worded, a
	// strike compared with another still the campaign's, "huelga de
	// hambre", politicians as lawmakers): the batch 23, 22, 19, 19, 18 of
	// 30; the first 280 269, 265, 256, 254, 246. Once "date" alone and a
	// day supposed for the return asked when: dev 294, dev2 288, dev4 275,
	// dev5 265; dev 296 once "in U.S. history" was no place, dev5 266
	// once a page's time stamp was no sentence to answer with. Once a
	// wait was no length of the strike, getting involved no win, "Gov."
	// a politician, "pass" a vote's and "by a lot" its margin: dev 299,
	// dev2 291, dev3 279, dev4 277, dev5 268.
	// A twelfth batch of 30 (phone shorthand, questions inside longer
	// messages, comparisons with siblings, wrong premises, Spanish and
	// Spanglish, exact dates and totals), written before it was asked,
	// answered 18, 17, 14, 15 and 14 of 30 (dev 317, dev2 308, dev3 293,
	// dev4 292, dev5 282 of 340). Once a message's greetings, thanks and
	// afterthoughts were not its question, and a weekday dated only the
	// act told nearest it: dev 319, dev2 309, dev3 295, dev4 293, dev5
	// 283. Once a headcount, a span's two ends, a length by its noun, a
	// ratification vote asked with no tense after the end, Spanish names
	// and votes, and the place or union named last or alone were read:
	// dev 326, dev2 318, dev3 303, dev4 300, dev5 291. Once another
	// region's strike by name was other news, a day supposed for the vote
	// asked when and a final raise's percentage asked what was won: dev
	// 327, dev2 319, dev3 305, dev4 301, dev5 292. A thirteenth batch of
	// 30 (370 in all: a flyer-maker's, a reporter's, a student's and a
	// patient's questions, the context first) missed about a third before
	// any change; after its rules and the sixteenth to nineteenth
	// corpora's: dev 354, dev2 349, dev3 329, dev4 327, dev5 318. With
	// the twenty-fourth to thirty-first corpora's rules: dev 355.
	"dev":  355,
	"dev2": 349,
	"dev3": 329,
	"dev4": 327,
	"dev5": 318,
}

// TestAskBank asks testdata/ask-bank.txt's questions (a supporter's or a
// picket captain's, worded as they would type them) of each development
// corpus through the real path, as TestCoverageFigures asks its truth's
// eight: the corpus served as feeds, polled by `ingest`, then `ask --json`
// for each question, scored on the answer's first sentence (it must state
// an accepted answer, none of the forbidden phrases, and cite an article).
// The held-out corpus is never asked: the bank is for tuning.
//
// STRIKEBOT_TEST_CORPUS, as for TestCoverageFigures, limits the corpora
// (only "dev", "dev2", "dev3", "dev4" and "dev5" are asked).
func TestAskBank(t *testing.T) {
	racetest.SkipLong(t)
	if testing.Short() {
		t.Skip("ingests five corpora")
	}
	data, err := os.ReadFile("testdata/ask-bank.txt")
	if err != nil {
		t.Fatal(err)
	}
	bank, err := eval.ParseTruth(data)
	if err != nil {
		t.Fatal(err)
	}
	chdir(t)
	only := map[string]bool{}
	for name := range strings.SplitSeq(os.Getenv("STRIKEBOT_TEST_CORPUS"), ",") {
		if name = strings.TrimSpace(name); name != "" {
			only[name] = true
		}
	}
	start := time.Now()
	var summary []string
	for _, run := range eval.DevSets()[:5] {
		if len(only) > 0 && !only[run.Name] {
			continue
		}
		c, err := run.Corpus()
		if err != nil {
			t.Fatal(err)
		}
		c.Truth = bank
		f := measureCorpus(t, c)
		var misses strings.Builder
		for i, a := range f.Asks {
			if !a.OK {
				fmt.Fprintf(&misses, "  %3d %s\n      stated %v cited %v: %s\n", i+1, a.Question, a.Stated, a.Cited, a.FirstSentence)
			}
		}
		right := f.AsksRight()
		summary = append(summary, fmt.Sprintf("%s %d/%d", run.Name, right, len(f.Asks)))
		t.Logf("%s: %d of %d questions answered right; misses:\n%s", run.Name, right, len(f.Asks), misses.String())
		if right < askBankFloors[run.Name] {
			t.Errorf("%s: %d questions answered right, below its floor %d", run.Name, right, askBankFloors[run.Name])
		}
	}
	t.Logf("ask bank: %s (in %s)", strings.Join(summary, ", "), time.Since(start).Round(time.Millisecond))
}
