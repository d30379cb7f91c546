package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/internal/eval"
	"github.com/strikebot/strikebot/internal/racetest"
)

// evalCLI runs strikebot in process for the eval harness, with an empty
// environment and no configuration file: the defaults a new user starts
// with.
func evalCLI(ctx context.Context, args []string, stdout io.Writer) error {
	var errOut syncBuffer
	lookup := func(string) (string, bool) { return "", false }
	code := run(ctx, args, env{stdin: strings.NewReader(""), stdout: stdout, stderr: &errOut, lookup: lookup})
	if code != exitOK {
		return fmt.Errorf("strikebot %s: exit status %d: %s", args[0], code, errOut.String())
	}
	return nil
}

// measureCorpus runs one corpus through the real command line.
func measureCorpus(t *testing.T, c eval.Corpus) eval.Figures {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	f, err := eval.Measure(ctx, c, evalCLI, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// coverageFloor is what the current code reaches on a corpus. A change
// that falls below a floor makes coverage worse; a change that lifts a
// figure should raise its floor, up to issue 7's targets (Report.Table
// lists them).
type coverageFloor struct {
	copies, grouping, relevance, core, facts float64
	status, asks                             int
}

var coverageFloors = map[string]coverageFloor{
	// Stories no longer depend on the order the feeds' batches reach the
	// desk, so these are plain floors. Held-out grouping went from 0.83 to
	// 0.93 and facts from 0.84 to 0.90 when the rules were tuned on the
	// development corpus (the held-out corpus was never read for it).
	// Its core floor was raised from 0.97 to 0.98 after the one look at
	// its totals that closed the tuning on the second development corpus.
	// Tuning on the third development corpus lifted it to relevance and
	// core 1.00, facts 0.91 (190 of 209) and 6 answers of 8. Tuning on the
	// fourth took facts to 0.92 (192 of 209) and relevance and core to
	// 0.988 (P 0.98, R 1.00): one article more is let in. The relevance
	// floor was lowered from 0.99 to 0.98 for it rather than undo a rule
	// by what the held-out corpus says, which would be tuning on it.
	// The rules tuned on the sixteenth to nineteenth development corpora
	// took facts back to 0.91 (190 of 209) and answers to 7 of 8; the
	// facts floor went from 0.91 to 0.90 for the same reason. The rules of
	// the twentieth to thirty-first took facts to 0.91 (191 of 209) and
	// the floor back to 0.91; those of the thirty-sixth to fifty-first to
	// 0.92 (192 of 209); those of the fifty-second to fifty-fifth to 193,
	// and with the fifty-sixth to fifty-ninth's back to 192 (no rule was
	// undone for it: that would be tuning on the held-out corpus).
	// A count with no phase told became a unit's size, not strikers (the
	// contract "covering about 2,400" that lapses): 27 counts the
	// labels do not give disappeared across the development corpora, and
	// the facts floors of dev, dev6, dev13, dev20 and dev30 went down by
	// 0.01 for the ten run-up articles whose writers counted the unit.
	// Held-out facts went from 191 to 190 with it, one count taken and
	// none freed; no rule was undone for it, and the rules tuned on the
	// sixty-fourth to sixty-seventh corpora took them back to 191, so the
	// floor stays 0.91.
	"in-sample": {copies: 1.00, grouping: 0.99, relevance: 1.00, core: 1.00, facts: 0.97, status: 5, asks: 8},
	"held-out":  {copies: 1.00, grouping: 0.94, relevance: 0.98, core: 0.98, facts: 0.91, status: 5, asks: 7},
	// The development corpus: before any rule was tuned on it, grouping
	// 0.71, facts 0.82 and 6 answers. Grouping went from 0.83 to 0.98 and
	// core from 0.92 to 0.97 when the union's own posts came to speak for
	// it; a newsletter and a roundup whose snippets name no strike are
	// still none (their pages are never fetched). Core 0.98 (P 1.00) once
	// an article naming neither the campaign's union nor its employer up
	// front was no longer the campaign's (the fifth corpus's rule).
	// Relevance 0.98, core 0.99 (P 1.00, R 0.98) and facts 0.98 (146 of
	// 149) with the sixth corpus's rules, once a snippet that speaks of
	// labour in its headline had its page fetched.
	"dev": {copies: 1.00, grouping: 0.98, relevance: 0.99, core: 1.00, facts: 0.98, status: 5, asks: 8},
	// The second development corpus, written when the first no longer
	// told what generalises: before any rule was tuned on it, grouping
	// 0.89, core 0.96, facts 0.87 and 4 answers of 8. Grouping 0.93 (P
	// 0.91, R 0.94) with the fifth corpus's rules ("the first day of a
	// five-day strike" is its start). Facts 0.99 (132 of 134) with the
	// sixth corpus's rules ("all 2,400 of you" in a union's bulletin).
	// Grouping 0.96 (P 0.92, R 1.00), relevance 1.00, core 0.99 and facts
	// 1.00 (134 of 134) once the union's own post of the campaign's period
	// about its own strike ("Strike Bulletin #31") counted the employer.
	"dev2": {copies: 1.00, grouping: 0.98, relevance: 1.00, core: 0.98, facts: 1.00, status: 5, asks: 8},
	// The third development corpus, written when tuning on the first two
	// no longer moved the held-out figures: before any rule was tuned on
	// it, copies 4 of 5, grouping 0.65, relevance 0.87, core 0.86, facts
	// 0.70 (98 of 140), status 4 of 5 and 5 answers of 8. After: copies
	// 5 of 5, grouping 0.83, relevance 0.95, core 0.94, facts 0.89 (125 of
	// 140), status 5 of 5 and 7 answers of 8. Then grouping 0.97 once
	// opinion pieces, letters, explainers and roundups joined stories only
	// as copies or by headline (dev2's went from 0.90 to 0.91 with it),
	// relevance 0.95 and core 0.95 when the union's own post naming Kaiser
	// in its lead counted it, facts 0.92 (129 of 140) and 8 answers of 8.
	// Grouping 0.99 (P 1.00, R 0.97) with the fifth corpus's rules (one
	// milestone's reports share its count of days).
	// Relevance 0.96, core 0.97 and facts 0.94 (132 of 140) once the
	// union's own post of the campaign's period about its own strike
	// counted the employer.
	"dev3": {copies: 1.00, grouping: 0.98, relevance: 0.97, core: 0.96, facts: 0.95, status: 5, asks: 8},
	// The fourth development corpus, written when the held-out facts stood
	// at 0.91, in shapes the first three lack (press releases, radio
	// transcripts, interviews, photo captions, council items, quoted posts,
	// newsletters, national roundups): before any rule was tuned on it,
	// copies 6 of 6, grouping 0.80 (P 0.76, R 0.86), relevance 0.97
	// (P 1.00, R 0.94), core 0.95 (P 1.00, R 0.91), facts 0.84 (132 of
	// 158), status 5 of 5 and 5 answers of 8. 37 of its headlines had
	// been written wrapped in quotation marks, which no outlet does; with
	// them unwrapped, the untuned rules gave grouping 0.87 (P 0.89, R
	// 0.84) and the same other figures. Then facts 0.93 (147 of 158) once
	// phases told indirectly, answers and captions, a roundup's counts and
	// joint union names were read; 0.95 (148 of 156) with a union's notice
	// ahead of its strike, dated background and a crowd at a council
	// meeting; core 0.97 and grouping 0.91 (P 0.89, R 0.94) once the state
	// capital named as a place no longer kept the union's news from core.
	// Then relevance 0.98 (P 1.00, R 0.95), core 0.98, facts 0.96 (150 of
	// 156) once the union named counted as labor news without a labor
	// word, and grouping 0.92 (P 0.90, R 0.95) once "your questions,
	// answered" marked an explainer; grouping 0.93 (P 0.90, R 0.96) once a
	// strike told across three regions or more named no one region.
	// Answers 7 of 8 once "20%" was read as saying "percent".
	// Relevance 0.98 (P 1.00, R 0.97), core 0.99 and facts 0.97 (152 of
	// 156) with the sixth corpus's rules (pages of labour headlines
	// fetched).
	// Answers 8 of 8 once the campaign's time zone dated a radio
	// transcript's "today", published in a Pacific afternoon.
	// Relevance 0.99, core 1.00 and facts 0.99 (154 of 156) once the
	// union's own post of the campaign's period about its own strike
	// ("Strike Week 5") counted the employer.
	"dev4": {copies: 1.00, grouping: 0.93, relevance: 0.99, core: 1.00, facts: 0.98, status: 5, asks: 8},
	// The fifth development corpus, written when the held-out facts stood
	// at 0.92, in shapes the first four lack (aggregator items, live
	// updates, one-paragraph briefs, TV scripts in capitals, podcast notes,
	// event calendars, Kaiser's statements and FAQ pages, labour-board
	// filings, earnings pieces, essays, Spanish outlets): before any rule
	// was tuned on it, copies 5 of 5, grouping 0.65 (P 0.60, R 0.71),
	// relevance 0.97 (P 0.98, R 0.95), core 0.97 (P 0.98, R 0.96), facts
	// 0.86 (124 of 144; 125 with one label fixed), status 5 of 5 and 8
	// answers of 8. After: grouping 0.96 (P 0.97, R 0.94), core 0.98
	// (P 1.00), facts 0.96 (138 of 144); what is left is snippets that
	// name no labor word (event calendars, a script's "A WEEK WITHOUT
	// FOOD.") and so their facts.
	// With the sixth corpus's rules: grouping 0.96 (P 0.97, R 0.96),
	// relevance 0.98 (P 0.98, R 0.97), core 0.99, facts 0.97 (140 of 144),
	// once a snippet that speaks of labour in its headline had its page
	// fetched.
	// Grouping 0.97, relevance 0.98, core 1.00 and facts 0.99 (142 of 144)
	// once a headline's "a rally" had its page fetched (a weekend
	// listing's rally of the striking therapists).
	"dev5": {copies: 1.00, grouping: 0.96, relevance: 0.98, core: 1.00, facts: 0.98, status: 5, asks: 8},
	// The sixth development corpus, written when the held-out facts still
	// stood at 0.92, in shapes the first five lack (behavioral-health trade
	// press, numbered newsletters, op-eds by a legislator and an executive,
	// city and county resolutions, weeklies' columns, headline-only search
	// items, corrections and updates that change a fact): before any rule
	// was tuned on it, copies 5 of 5, grouping 0.73 (P 0.59, R 0.98),
	// relevance 0.98 (P 1.00, R 0.97), core 0.96 (P 1.00, R 0.92), facts
	// 0.87 (150 of 172), status 5 of 5 and 7 answers of 8. After: grouping
	// 0.74 (P 0.58, R 1.00), relevance 1.00, core 0.97 (P 1.00, R 0.94),
	// facts 0.99 (167 of 168) and 8 answers of 8; what is left is features
	// published beside an event (a student paper, a weekly, a newsletter)
	// joining the event's story, and two newsletters and a piece on a
	// rival union's members taken as related.
	"dev6": {copies: 1.00, grouping: 0.73, relevance: 1.00, core: 0.97, facts: 0.98, status: 5, asks: 8},
	// The seventh development corpus, written when the held-out facts
	// still stood at 0.92, in shapes the first six lack (search items cut
	// mid-sentence, pages with their furniture, PDF text, media
	// advisories, bulletins, schedules, Q&As, timelines, profiles and
	// obituaries naming the strike in passing, British dates): before any
	// rule was tuned on it, copies 5 of 7, grouping 0.62 (P 0.52, R 0.78),
	// relevance 0.95 (P 0.92, R 0.98), core 0.99, facts 0.90 (145 of 161),
	// status 5 of 5 and 8 answers of 8. After: copies 6 of 7, grouping
	// 0.66, relevance 0.97, facts 0.96 (154 of 160); see its README.
	"dev7": {copies: 0.85, grouping: 0.65, relevance: 0.99, core: 1.00, facts: 0.98, status: 5, asks: 8},
	// The eighth development corpus, written after tuning on the seventh,
	// in shapes the first seven lack (wire stories updated through the
	// day, tickers, briefs where the Kaiser item is not first,
	// neighbourhood threads, parish and school notices, call-in summaries,
	// translated community weeklies, counts split or told as a share):
	// before any rule was tuned on it, copies 12 of 12, grouping 0.46
	// (P 0.33, R 0.76), relevance 0.90 (P 0.93, R 0.88), core 0.89 (P 0.95,
	// R 0.83), facts 0.78 (120 of 154), status 5 of 5 and 5 answers of 8.
	// After the rules of its first round: grouping 0.57, facts 0.81 (124
	// of 154), 7 answers of 8; once pages of many items (tickers,
	// bulletins, logs) have their pages fetched, relevance 0.93, core 0.92,
	// facts 0.89 (135 of 152) and grouping 0.53; see its README.
	// The ninth development corpus, written after tuning on the eighth,
	// in the plainest mainstream styles of outlets the first eight lack
	// (national short items, TV station web stories, public radio pages,
	// business wires, English editions of Spanish-language papers, print
	// stories syndicated truncated mid-word): before any rule was tuned on
	// it, copies 14 of 14, grouping 0.93 (P 0.90, R 0.97), relevance 0.99,
	// core 1.00, facts 0.98 (141 of 144), status 5 of 5 and 7 answers of
	// 8. After: facts 1.00 (144 of 144) and 8 answers of 8.
	"dev9": {copies: 1.00, grouping: 0.94, relevance: 1.00, core: 1.00, facts: 1.00, status: 5, asks: 8},
	// dev8 grouping 0.60 to 0.52 once a news search's items are fetched
	// whatever their snippet: neighbourhood posts its labels keep apart
	// now join the events they tell (facts 0.90 to 0.93).
	"dev8": {copies: 1.00, grouping: 0.52, relevance: 0.98, core: 0.97, facts: 0.92, status: 5, asks: 8},
	// The tenth, written after tuning on the ninth (news-search items
	// that are only their snippet, undated and late-dated pages, the
	// campaign's siblings): before any rule was tuned on it, copies 6 of
	// 6, grouping 0.81, relevance 0.96, core 0.94, facts 0.82 (120 of
	// 147), status 5 of 5, 7 answers of 8. After: relevance 0.98, core
	// 0.97, grouping 0.86, facts 0.95 (140 of 147), 8 answers of 8.
	"dev10": {copies: 1.00, grouping: 0.97, relevance: 1.00, core: 0.97, facts: 0.98, status: 5, asks: 8},
	// The eleventh, written beside the tenth (opinion, letters, live
	// pages newest first, updates that change the lead, newsletters, a
	// striker's own posts, misleading quotes): before, copies 9 of 9,
	// grouping 0.48, relevance 0.97, core 0.95, facts 0.87 (135 of 156),
	// status 5 of 5, 4 answers of 8. After: grouping 0.57, relevance
	// 0.98, core 0.96, facts 0.94 (146 of 156), 8 answers of 8; a return
	// copy split from its story (8 of 9 copies) when its phase read
	// ratified rather than ended. Once an editor's note at the top was no
	// lead: grouping 0.75, facts 147 of 156 (the note's story, read as the
	// strike, had joined the deal, the vote and the return into one).
	"dev11": {copies: 1.00, grouping: 0.79, relevance: 0.99, core: 0.95, facts: 0.97, status: 5, asks: 8},
	// The twelfth and thirteenth, written beside each other (numbers and
	// dates that compete; places, people and loose talk): before, dev12
	// copies 6 of 6, grouping 0.55, relevance 0.97, core 0.94, facts 0.86
	// (133 of 155), status 5 of 5, 3 answers of 8; dev13 copies 6 of 6,
	// grouping 0.81, relevance 0.98, core 0.93, facts 0.90 (135 of 150),
	// 2 answers of 8. After general rules tuned on their misses: facts
	// 0.96 (148 of 154) and 0.97 (144 of 149), 8 answers of 8 each.
	"dev12": {copies: 1.00, grouping: 0.64, relevance: 0.98, core: 0.97, facts: 0.98, status: 5, asks: 8},
	// The fourteenth and fifteenth, written beside each other (the
	// furniture around news; voices other than a newsroom's and grammar
	// that hides a fact): before, dev14 copies 4 of 5, grouping 0.81,
	// relevance 0.97, core 0.97, facts 0.95 (142 of 150), 6 answers of 8;
	// dev15 copies 6 of 6, grouping 0.75, relevance 0.98, core 0.96,
	// facts 0.88 (132 of 150), 7 answers of 8. After general rules tuned
	// on their misses: copies 5 of 5, grouping 0.87, facts 0.96 (144 of
	// 150), 8 answers of 8; facts 0.95 (143 of 150), 7 answers of 8.
	"dev14": {copies: 1.00, grouping: 0.93, relevance: 0.98, core: 0.98, facts: 0.96, status: 5, asks: 8},
	"dev15": {copies: 1.00, grouping: 0.83, relevance: 0.99, core: 0.97, facts: 0.96, status: 5, asks: 8},
	"dev13": {copies: 1.00, grouping: 0.94, relevance: 0.99, core: 0.94, facts: 0.97, status: 5, asks: 8},
	// The sixteenth to nineteenth, written at once by four writers who
	// read none of the earlier corpora (plain mainstream coverage; the
	// strike's long middle; its end and afterwards; short forms): before
	// any rule was tuned on them, copies 6 of 7, 7 of 7, 6 of 7 and 6 of
	// 7; grouping 0.76, 0.73, 0.80 and 0.71; relevance 1.00, 0.97, 0.99
	// and 0.99; core 0.97, 0.97, 0.96 and 0.96; facts 0.92 (140 of 152),
	// 0.91 (142 of 156), 0.90 (136 of 151) and 0.93 (130 of 140); status 5,
	// 5, 4 and 4 of 5 (an undated page's count taken as the newest: fixed
	// before their round); answers 7, 6, 7 and 6 of 8.
	"dev16": {copies: 1.00, grouping: 0.78, relevance: 1.00, core: 0.97, facts: 0.99, status: 5, asks: 8},
	"dev17": {copies: 1.00, grouping: 0.79, relevance: 0.98, core: 0.98, facts: 0.98, status: 5, asks: 8},
	"dev18": {copies: 0.85, grouping: 0.83, relevance: 0.99, core: 0.97, facts: 0.96, status: 5, asks: 8},
	"dev19": {copies: 0.85, grouping: 0.77, relevance: 0.99, core: 0.96, facts: 0.97, status: 5, asks: 8},
	// The twentieth to twenty-third, written by writers who read none of
	// the earlier corpora (syndication; local outlets; the campaign's
	// siblings; explainers, FAQs and undated pages), after this round's
	// grouping rules: before any rule was tuned on them, copies 8 of 8,
	// 7 of 7, 8 of 8 and 6 of 6; grouping 0.92, 0.76, 0.71 and 0.73;
	// relevance 1.00, 0.99, 0.96 and 0.97; core 1.00, 0.99, 0.90 and 0.99;
	// facts 0.93 (137 of 147), 0.93 (140 of 151), 0.91 (144 of 159) and
	// 0.89 (134 of 151); status 5 of 5 each; answers 6, 6, 8 and 8 of 8.
	"dev20": {copies: 1.00, grouping: 0.91, relevance: 1.00, core: 1.00, facts: 0.99, status: 5, asks: 8},
	"dev21": {copies: 1.00, grouping: 0.76, relevance: 1.00, core: 1.00, facts: 1.00, status: 5, asks: 7},
	"dev22": {copies: 1.00, grouping: 0.77, relevance: 0.98, core: 0.92, facts: 0.94, status: 5, asks: 8},
	"dev23": {copies: 1.00, grouping: 0.72, relevance: 0.97, core: 1.00, facts: 0.96, status: 5, asks: 8},
	// The twenty-fourth to twenty-seventh, written by writers who read
	// none of the earlier corpora (the trade and specialist press;
	// broadcast and spoken forms; briefs, digests and corrections;
	// opinion and community voices): before any rule was tuned on them,
	// copies 6 of 6, 8 of 8, 6 of 6 and 7 of 7; grouping 0.74, 0.83, 0.56
	// and 0.58; relevance 0.95, 0.97, 0.96 and 0.98; core 0.97, 0.97,
	// 0.94 and 0.95; facts 0.89 (129 of 145), 0.92 (139 of 151), 0.84
	// (117 of 140) and 0.85 (126 of 149); status 5, 5, 5 and 3 of 5;
	// answers 8, 8, 8 and 5 of 8.
	"dev24": {copies: 1.00, grouping: 0.80, relevance: 0.99, core: 0.98, facts: 0.97, status: 5, asks: 8},
	"dev25": {copies: 1.00, grouping: 0.88, relevance: 0.99, core: 0.97, facts: 0.99, status: 5, asks: 8},
	"dev26": {copies: 1.00, grouping: 0.62, relevance: 0.99, core: 0.94, facts: 0.94, status: 5, asks: 8},
	"dev27": {copies: 1.00, grouping: 0.57, relevance: 1.00, core: 0.97, facts: 0.95, status: 5, asks: 8},
	// The twenty-eighth to thirty-first, written by writers who read
	// none of the other corpora (ethnic and in-language press; press
	// releases and aggregator pages; government and politics; a plain
	// news search's mix of wire copies, short pages and look-alikes):
	// before any rule was tuned on them, copies 6 of 6, 6 of 6, 7 of 7
	// and 8 of 8; grouping 0.66, 0.80, 0.64 and 0.83; relevance 0.97,
	// 1.00, 0.97 and 1.00; core 1.00, 0.98, 0.96 and 1.00; facts 0.94
	// (149 of 159), 0.89 (135 of 151), 0.91 (138 of 151) and 0.97 (141 of
	// 145); status 5 of 5 each; answers 8, 7, 7 and 8 of 8.
	"dev28": {copies: 1.00, grouping: 0.65, relevance: 0.97, core: 1.00, facts: 0.96, status: 5, asks: 8},
	"dev29": {copies: 1.00, grouping: 0.79, relevance: 1.00, core: 0.97, facts: 0.95, status: 5, asks: 8},
	"dev30": {copies: 1.00, grouping: 0.63, relevance: 1.00, core: 1.00, facts: 0.96, status: 5, asks: 7},
	"dev31": {copies: 1.00, grouping: 0.94, relevance: 1.00, core: 1.00, facts: 0.98, status: 5, asks: 8},
	// The thirty-second to thirty-fifth, written blind to the others
	// (service and institutional pages; international and specialist
	// English outlets; narrative and long-form writing; the wire desk's
	// versions), before any rule was tuned on them: copies 8 of 8 each;
	// grouping 0.78, 0.94, 0.67 and 0.87; relevance 0.93, 1.00, 0.92 and
	// 1.00; core 0.92, 1.00, 0.90 and 0.99; facts 0.81 (115 of 142), 0.96
	// (144 of 150), 0.80 (110 of 138) and 0.97 (145 of 150); status 5, 5,
	// 4 and 5 of 5; answers 8 of 8 each. After the rules they led to:
	// relevance 0.98, 1.00, 0.92 and 1.00; core 0.95, 1.00, 0.90 and
	// 1.00; facts 0.93 (132 of 142), 0.99 (148 of 150), 0.81 (112 of 138)
	// and 0.98 (147 of 150); status 5 of 5 each.
	"dev32": {copies: 1.00, grouping: 0.78, relevance: 0.98, core: 0.95, facts: 0.92, status: 5, asks: 8},
	"dev33": {copies: 1.00, grouping: 0.93, relevance: 1.00, core: 1.00, facts: 0.98, status: 5, asks: 8},
	"dev34": {copies: 1.00, grouping: 0.66, relevance: 0.96, core: 0.95, facts: 0.89, status: 5, asks: 8},
	"dev35": {copies: 1.00, grouping: 0.86, relevance: 1.00, core: 1.00, facts: 0.98, status: 5, asks: 8},
	// The thirty-sixth to forty-third, written blind in two sets of four
	// (patients and care; law, money and government; the union and its
	// supporters; the turning points; a plain news mix; English from
	// elsewhere; numbers, dates and lists; the web's other pages). Before
	// any rule was tuned on them (the second four measured after the
	// first four's rules): facts 0.91 (115 of 126), 0.91 (134 of 147), 0.93
	// (138 of 148), 0.98 (145 of 148), 0.94 (127 of 135), 0.90 (137 of
	// 152), 0.95 (144 of 152) and 0.91 (132 of 145); relevance 0.99, 0.98,
	// 0.96, 1.00, 0.98, 1.00, 1.00, 0.99; status 5 of 5 but for the web's
	// pages (4); answers 7, 6, 7, 8, 8, 7, 7 and 7 of 8. Grouping floors
	// sit 0.02 below what was measured, copies at what was.
	"dev36": {copies: 0.85, grouping: 0.68, relevance: 1.00, core: 0.98, facts: 0.96, status: 5, asks: 7},
	"dev37": {copies: 1.00, grouping: 0.80, relevance: 0.99, core: 0.98, facts: 0.95, status: 5, asks: 7},
	"dev38": {copies: 1.00, grouping: 0.80, relevance: 0.97, core: 0.94, facts: 0.97, status: 5, asks: 8},
	"dev39": {copies: 1.00, grouping: 0.84, relevance: 1.00, core: 0.98, facts: 1.00, status: 5, asks: 8},
	"dev40": {copies: 1.00, grouping: 0.93, relevance: 0.99, core: 0.98, facts: 0.97, status: 5, asks: 8},
	"dev41": {copies: 1.00, grouping: 0.69, relevance: 1.00, core: 0.97, facts: 0.96, status: 5, asks: 7},
	"dev42": {copies: 1.00, grouping: 0.73, relevance: 1.00, core: 1.00, facts: 0.96, status: 5, asks: 7},
	"dev43": {copies: 1.00, grouping: 0.73, relevance: 0.99, core: 0.96, facts: 0.92, status: 5, asks: 8},
	// The forty-fourth to fifty-first, the same way: time told out of
	// order; California's other strikes; voices and quotes; the Spanish
	// and bilingual press; then short pages; reports that disagree; the
	// employer's and business voice; policy, research and case studies.
	// Untuned (each set after the rules of the sets before it): facts 0.89
	// (134 of 151), 0.97 (132 of 136), 0.95 (127 of 133), 0.85 (115 of
	// 135), then 0.95 (139 of 147), 0.96 (144 of 150), 0.93 (139 of 150)
	// and 0.94 (142 of 151); relevance 0.97, 0.96, 0.99, 0.96, then 1.00
	// each; status 5 of 5 but for the voices corpus (4); answers 8, 6, 7,
	// 6, then 7, 7, 8 and 6 of 8.
	"dev44": {copies: 0.83, grouping: 0.79, relevance: 0.97, core: 0.97, facts: 0.90, status: 5, asks: 8},
	"dev45": {copies: 0.87, grouping: 0.84, relevance: 0.96, core: 0.96, facts: 0.97, status: 5, asks: 7},
	"dev46": {copies: 1.00, grouping: 0.81, relevance: 0.99, core: 0.97, facts: 0.96, status: 5, asks: 8},
	"dev47": {copies: 1.00, grouping: 0.79, relevance: 0.96, core: 0.96, facts: 0.88, status: 5, asks: 7},
	"dev48": {copies: 1.00, grouping: 0.79, relevance: 1.00, core: 1.00, facts: 0.94, status: 5, asks: 7},
	"dev49": {copies: 1.00, grouping: 0.87, relevance: 1.00, core: 1.00, facts: 0.98, status: 5, asks: 7},
	"dev50": {copies: 0.87, grouping: 0.71, relevance: 1.00, core: 1.00, facts: 0.94, status: 5, asks: 8},
	"dev51": {copies: 1.00, grouping: 0.81, relevance: 1.00, core: 0.98, facts: 0.94, status: 5, asks: 7},
	// The fifty-second to fifty-ninth, the same way: local TV and radio; a
	// plain news mix; live pages, timelines and roundups; community press;
	// then a wire's write-thrus and their many copies; what a news search
	// shows (short pages); undated and evergreen pages; this strike among
	// its siblings. Untuned (each set after the rules of the sets before
	// it): facts 0.97 (148 of 152), 0.94 (149 of 158), 0.93 (144 of 155),
	// 0.91 (125 of 138), then 0.99 (148 of 150), 0.99 (136 of 138), 0.96
	// (137 of 143) and 0.92 (130 of 142); relevance 1.00, 0.99, 0.99,
	// 0.99, then 1.00, 1.00, 0.99 and 0.99; status 5 of 5 each; answers 8,
	// 7, 8, 8, then 8, 7, 8 and 7 of 8.
	"dev52": {copies: 1.00, grouping: 0.86, relevance: 1.00, core: 1.00, facts: 0.98, status: 5, asks: 8},
	"dev53": {copies: 0.85, grouping: 0.86, relevance: 1.00, core: 1.00, facts: 0.98, status: 5, asks: 8},
	"dev54": {copies: 1.00, grouping: 0.71, relevance: 0.99, core: 0.98, facts: 0.94, status: 5, asks: 8},
	"dev55": {copies: 1.00, grouping: 0.83, relevance: 0.99, core: 0.97, facts: 0.95, status: 5, asks: 8},
	"dev56": {copies: 0.90, grouping: 0.97, relevance: 1.00, core: 1.00, facts: 0.99, status: 5, asks: 8},
	"dev57": {copies: 1.00, grouping: 0.88, relevance: 1.00, core: 1.00, facts: 0.99, status: 5, asks: 7},
	"dev58": {copies: 1.00, grouping: 0.76, relevance: 0.99, core: 0.98, facts: 0.97, status: 5, asks: 8},
	"dev59": {copies: 0.83, grouping: 0.63, relevance: 0.99, core: 0.96, facts: 0.92, status: 5, asks: 7},
	// The sixtieth to sixty-third, the same way, four at once: outlets'
	// house conventions; the strike told from later on (look-backs into
	// 2026); the strike told in passing; the run-up and the aftermath.
	// Untuned: facts 0.95 (145 of 152), 0.96 (141 of 147), 0.98 (139 of
	// 142), 0.88 (136 of 154); relevance 1.00, 0.99, 0.99, 0.99; core
	// 0.99, 0.97, 0.96, 0.94; status 5 of 5 each; answers 8, 7, 8, 7 of 8.
	"dev60": {copies: 1.00, grouping: 0.84, relevance: 1.00, core: 0.98, facts: 0.98, status: 5, asks: 8},
	"dev61": {copies: 1.00, grouping: 0.88, relevance: 0.99, core: 0.97, facts: 0.97, status: 5, asks: 8},
	"dev62": {copies: 0.88, grouping: 0.83, relevance: 0.99, core: 0.97, facts: 0.97, status: 5, asks: 8},
	"dev63": {copies: 1.00, grouping: 0.65, relevance: 0.99, core: 0.96, facts: 0.92, status: 5, asks: 8},
	// The sixty-fourth to sixty-seventh, written blind and at once (a plain
	// news search; local outlets; national and business outlets; the
	// parties' own voices). Before any rule was tuned on them: facts 0.95,
	// 0.97, 0.90, 0.97; core 0.99, 1.00, 0.96, 1.00; grouping 0.87, 0.82,
	// 0.76, 0.92. After: facts 0.97, 0.99, 0.93, 0.98; core 1.00, 1.00,
	// 0.96, 1.00; grouping 0.90, 0.87, 0.86, 0.94.
	"dev64": {copies: 1.00, grouping: 0.89, relevance: 0.98, core: 0.99, facts: 0.97, status: 5, asks: 7},
	"dev65": {copies: 1.00, grouping: 0.86, relevance: 0.96, core: 0.99, facts: 0.99, status: 5, asks: 8},
	"dev66": {copies: 1.00, grouping: 0.85, relevance: 0.97, core: 0.95, facts: 0.93, status: 5, asks: 8},
	"dev67": {copies: 1.00, grouping: 0.93, relevance: 0.98, core: 0.99, facts: 0.97, status: 5, asks: 8},
	// The sixty-eighth to seventy-first, written blind and at once (a
	// first user's plain feeds; the union named many ways or not at all;
	// the long middle told indirectly; the end and after). Before any rule
	// was tuned on them: facts 0.96, 0.89, 0.91, 0.95; core 1.00, 0.95,
	// 0.99, 0.96; grouping 0.88, 0.92, 0.89, 0.80; copies 5 of 5, 7 of 7,
	// 6 of 7, 8 of 8. After: facts 0.99, 0.94, 0.99, 0.97; core 1.00, 0.96,
	// 0.99, 0.96; grouping 0.88, 0.95, 0.89, 0.80.
	"dev68": {copies: 1.00, grouping: 0.87, relevance: 1.00, core: 1.00, facts: 0.98, status: 5, asks: 8},
	"dev69": {copies: 1.00, grouping: 0.94, relevance: 0.99, core: 0.96, facts: 0.93, status: 5, asks: 7},
	"dev70": {copies: 0.85, grouping: 0.89, relevance: 1.00, core: 0.98, facts: 0.99, status: 5, asks: 8},
	"dev71": {copies: 1.00, grouping: 0.80, relevance: 1.00, core: 0.96, facts: 0.97, status: 5, asks: 8},
}

// storiesOrderIndependent says whether the same articles make the same
// stories whatever order the feeds deliver them in. It is false until
// issue 7, part 1 lands; then set it, and the determinism check covers
// the story figures too.
const storiesOrderIndependent = true

// TestCoverageFigures measures issue 7's figures on the in-sample (demo),
// held-out and first development corpora (TestCoverageFiguresDevelopment
// the others) through the real path: each corpus
// served on 127.0.0.1 as its feeds, all polled at once by `ingest`, then
// read back with `articles`, `stories`, `status` and `ask`. It logs the
// README's table (run with -v), checks that no figure falls below what the
// code already reaches, and that a second run gives the same figures.
//
// STRIKEBOT_TEST_CORPUS, a comma-separated list of corpus names
// ("in-sample", "held-out", "dev", "dev2", …), measures only those: tuning on the
// development corpus need not measure the held-out one at all.
func TestCoverageFigures(t *testing.T) {
	coverageFigures(t, func(r, again *eval.Report) []figureRun {
		return []figureRun{
			{"in-sample", eval.InSampleCorpus, &r.InSample, &again.InSample},
			{"held-out", eval.HeldoutCorpus, &r.Heldout, &again.Heldout},
		}
	}, eval.DevSets()[:1])
}

// TestCoverageFiguresDevelopment is TestCoverageFigures for the second and
// later development corpora. They add nothing the race detector can
// find to the first three's runs and take minutes under it, so it skips
// itself under -race; .ci/run runs it without.
func TestCoverageFiguresDevelopment(t *testing.T) {
	racetest.SkipLong(t)
	coverageFigures(t, nil, eval.DevSets()[1:])
}

// figureRun is one corpus for coverageFigures other than a development
// one: its name, how to load it and where its two runs' figures go.
type figureRun struct {
	name        string
	load        func() (eval.Corpus, error)
	first, next *eval.Figures
}

// coverageFigures measures the corpora runs lists and the development
// corpora devs (each twice), logs the README's table and checks the floors
// and that the two runs agree.
func coverageFigures(t *testing.T, runs func(r, again *eval.Report) []figureRun, devs []eval.DevSet) {
	chdir(t)
	start := time.Now()
	only := map[string]bool{}
	for name := range strings.SplitSeq(os.Getenv("STRIKEBOT_TEST_CORPUS"), ",") {
		if name = strings.TrimSpace(name); name != "" {
			only[name] = true
		}
	}
	var r, again eval.Report
	var measured [][2]eval.Figures
	var all []figureRun
	if runs != nil {
		all = runs(&r, &again)
	}
	r.Dev, again.Dev = make([]eval.Figures, len(devs)), make([]eval.Figures, len(devs))
	for i, set := range devs {
		all = append(all, figureRun{set.Name, set.Corpus, &r.Dev[i], &again.Dev[i]})
	}
	for _, run := range all {
		if len(only) > 0 && !only[run.name] {
			continue
		}
		c, err := run.load()
		if err != nil {
			t.Fatal(err)
		}
		*run.first = measureCorpus(t, c)
		*run.next = measureCorpus(t, c)
		measured = append(measured, [2]eval.Figures{*run.first, *run.next})
	}
	if len(measured) == 0 {
		return
	}
	// The held-out corpus's details (which article, which answer) are for
	// whoever writes the corpus, not for whoever tunes the rules: they are
	// shown only when asked for with STRIKEBOT_TEST_HELDOUT_DETAILS=1. The
	// development corpus is there to tune on: its details are always shown.
	heldoutDetails := "held-out details hidden (set STRIKEBOT_TEST_HELDOUT_DETAILS=1 to show them)"
	if os.Getenv("STRIKEBOT_TEST_HELDOUT_DETAILS") == "1" {
		heldoutDetails = r.Heldout.Details()
	}
	var details []string
	for _, pair := range measured {
		switch f := pair[0]; f.Corpus {
		case "held-out":
			details = append(details, heldoutDetails)
		default:
			details = append(details, f.Details())
		}
	}
	t.Logf("coverage figures (%d runs in %s):\n%s\n%s", 2*len(measured), time.Since(start).Round(time.Millisecond),
		r.Table(), strings.Join(details, "\n"))

	for _, pair := range measured {
		f := pair[0]
		t.Run("floors/"+f.Corpus, func(t *testing.T) {
			checkFloors(t, f, coverageFloors[f.Corpus])
		})
	}
	for _, pair := range measured {
		t.Run("deterministic/"+pair[0].Corpus, func(t *testing.T) {
			a, b := pair[0], pair[1]
			if !storiesOrderIndependent {
				if a.Grouping != b.Grouping || a.CopiesTogether != b.CopiesTogether {
					t.Logf("stories differ between runs (known, issue 7 part 1): grouping %+v vs %+v, copies %d vs %d",
						a.Grouping, b.Grouping, a.CopiesTogether, b.CopiesTogether)
				}
				a.Grouping, b.Grouping = eval.Counts{}, eval.Counts{}
				a.CopiesTogether, b.CopiesTogether = 0, 0
				a.Stories, b.Stories = 0, 0
			}
			if !reflect.DeepEqual(a, b) {
				// Which measures differ; the held-out corpus's details only
				// when asked for (see above).
				var differ []string
				for _, m := range []struct {
					name string
					x, y any
				}{
					{"stories", a.Stories, b.Stories}, {"copies", a.CopiesTogether, b.CopiesTogether},
					{"grouping", a.Grouping, b.Grouping}, {"relevance", a.Relevance, b.Relevance}, {"core", a.Core, b.Core},
					{"facts", a.Facts, b.Facts}, {"status", a.Status, b.Status},
				} {
					if !reflect.DeepEqual(m.x, m.y) {
						differ = append(differ, m.name)
					}
				}
				for i := range a.Asks {
					if i < len(b.Asks) && !reflect.DeepEqual(a.Asks[i], b.Asks[i]) {
						differ = append(differ, fmt.Sprintf("ask %d", i+1))
					}
				}
				if a.Corpus == "held-out" && os.Getenv("STRIKEBOT_TEST_HELDOUT_DETAILS") != "1" {
					t.Errorf("two runs of one corpus gave different figures: %v", differ)
				} else {
					t.Errorf("two runs of one corpus gave different figures: %v\n%s\n%s", differ, a.Details(), b.Details())
				}
			}
		})
	}
}

func checkFloors(t *testing.T, f eval.Figures, floor coverageFloor) {
	t.Helper()
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"copies in one story", f.CopyRatio(), floor.copies},
		{"event grouping F1", f.Grouping.F1(), floor.grouping},
		{"relevance F1", f.Relevance.F1(), floor.relevance},
		{"core F1", f.Core.F1(), floor.core},
		{"facts right", f.FactsTally().Ratio(), floor.facts},
		{"status fields right", float64(f.StatusRight()), float64(floor.status)},
		{"questions answered", float64(f.AsksRight()), float64(floor.asks)},
	} {
		if c.got < c.floor {
			t.Errorf("%s: %s = %.3f, below its floor %.3f", f.Corpus, c.name, c.got, c.floor)
		}
	}
}
