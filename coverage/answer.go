package coverage

import (
	"hash/fnv"
	"math"
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/strikebot/strikebot/strike"
)

// Answer is the reply to a supporter's question, as Index.Ask gives it.
type Answer struct {
	// Text is what to show. From the news it is one to three sentences,
	// one a line, each ending with its citation's number ("[1]"); from the
	// FAQ it is the captains' answer as written; when nothing was found it
	// says so honestly.
	Text string
	// Citations are the sources, in the order Text numbers them: the
	// articles each sentence came from, or the campaign FAQ. Empty when
	// Found is false.
	Citations []Citation
	// FromFAQ reports that the answer is a captain-written FAQ entry.
	FromFAQ bool
	// Found reports whether anything answered the question. When false,
	// Text says that the bot does not know yet.
	Found bool
	// Kind is the kind of factual question recognised, FactNone for
	// any other question.
	Kind FactKind
	// FromStatus reports that the first sentence states the campaign's
	// status facts (the value of Citations' Field), cited by the articles
	// they came from.
	FromStatus bool
	// By says who phrased Text: "extractive" (sentences as the sources
	// wrote them, and the status sentence), "llm" (a model, from the same
	// cited sentences) or "faq".
	By string
	// Fallback, when not nil, says why the model's phrasing was not used
	// and the extractive answer was.
	Fallback error
}

// Citation is the source of one part of an Answer. For an FAQ answer,
// Source is FAQSource, Title the FAQ's question and the rest is zero.
type Citation struct {
	ArticleID int64
	URL       string
	Title     string
	Source    string
	Published time.Time
	// Sentence is the sentence quoted, with its white space collapsed;
	// for a source of a status fact, the sentence the fact was read from
	// (empty when unknown).
	Sentence string
	// Field is the status field this source backs in the answer's first
	// sentence; empty for a sentence quoted from the news.
	Field strike.StatusField
}

// PinSource is the Source of the citation of a value pinned by captains.
const PinSource = "strike captains"

// FAQSource is the Source of every citation of a captain-written answer.
const FAQSource = "campaign FAQ"

// NotFoundText is the Text of an Answer that found nothing.
const NotFoundText = "I don't know yet: nothing in the coverage so far answers that. " +
	"Try other words, or ask a strike captain."

// Tuning of Ask. They are constants, not options, so that every answer
// follows the same rules the documentation states.
const (
	// ansMaxQuestionBytes bounds the part of a question read.
	ansMaxQuestionBytes = 500
	// ansMaxQueryTerms bounds the distinct words of a question searched for.
	ansMaxQueryTerms = 31
	// ansMaxSentenceBytes: longer "sentences" (text without punctuation) are
	// not indexed; they would make poor answers.
	ansMaxSentenceBytes = 800
	// ansMinSentenceTerms: sentences with fewer indexed words are not indexed.
	ansMinSentenceTerms = 2
	// ansSynonymWeight is what a synonym of a question's word counts for.
	ansSynonymWeight = 0.6
	// ansCueWeight is what a word that typically answers a kind of
	// question counts for ("because", "pension" for "why").
	ansCueWeight = 0.4
	// ansTitleFactor discounts headlines, which are short (so BM25 favours
	// them) but seldom answer a question by themselves.
	ansTitleFactor = 0.6
	// ansMinCover is the least share of a question's weight (each word
	// counting its idf) that a sentence must match.
	ansMinCover = 0.5
	// ansMinScore is the least final score of an answer sentence: above
	// zero, so that a sentence matching only words found everywhere fails.
	ansMinScore = 0.1
	// ansKindBoost multiplies the score of a sentence that has what the
	// question's kind asks for (a date for "when", a number for "how
	// many", a reason for "why").
	ansKindBoost = 1.5
	// recencyBoost is the most a new article's sentence gains; it halves
	// every recencyHalfLife of the article's age.
	ansRecencyBoost    = 0.3
	ansRecencyHalfLife = 30 * 24 * time.Hour
	// ansMaxSentences, and the least share of the best score another
	// sentence needs to join the answer.
	ansMaxSentences   = 3
	ansMinShareOfBest = 0.5
	// ansTopCandidates bounds the sentences considered for an answer.
	ansTopCandidates = 48
	// ansNearDuplicate is the word overlap (Jaccard) above which two
	// sentences count as one (wire copies lightly edited).
	ansNearDuplicate = 0.6
	// ansFAQMinMatch is the least match (F1 of the question's words and the
	// entry's) of an FAQ entry to win.
	ansFAQMinMatch = 0.6
)

// Index answers supporters' questions from a campaign's status facts (see
// AskStatus), the sentences of its stored core articles (and related ones
// when a question names other news) and its FAQ.
//
// Sentences are found with BM25 (k1 1.2, b 0.75) over their stemmed words,
// stop words left out; a headline counts as a sentence. A question's words
// are searched for together with a few synonyms that news uses for them
// ("start": "began"; "vote": "ballot"), each worth 0.6 of the word, and a
// "why" question also with words that give reasons ("because", "demand",
// "pension"), each worth 0.4 and never required. A sentence answers only
// when it matches at least half of the question's weight (each word
// weighing its idf, so rare words weigh more) and scores above a small
// minimum; otherwise Ask says it does not know yet rather than guess.
// Scores are raised by half for what the question asks ("when": sentences
// with a date; "how many", "how long": with a number; "why": with a
// reason), by up to 30 percent for newer articles (halving every 30 days
// of age, so the newer wins a tie), and lowered for headlines (0.6). The
// answer is the best sentence and up to two more scoring at least half as
// well, each from another article, never two copies of one sentence (wire
// copies), datelines such as "LOS ANGELES (Western Newswire) - " removed.
//
// The zero Index is not usable; call NewIndex. An Index is safe for
// concurrent use: Add and Ask may be called from any goroutine.
type Index struct {
	now  func() time.Time
	tok  *Tokenizer
	syn  map[string][]string // stem → synonym stems
	faqs []ansFAQ

	pool sync.Pool // *bmScratch

	mu    sync.RWMutex
	bm    *bm25
	sents []ansSent
	arts  []ansArticle
	seen  map[string]struct{} // identities of added articles
	byID  map[int64]uint32    // article ID → position in arts
	// workforce and otherWorkforce are the campaign's professions on
	// strike and the employer's others, lower-cased (see SetWorkforce).
	workforce, otherWorkforce []string
	// scope are the stems of the campaign's own places and unions, never
	// words of other news; otherScope those of other regions and unions
	// (see SetScopeNames).
	scope, otherScope []string
	// regions and otherRegions are the stems of the campaign's own
	// places that no other region's name holds ("southern", not
	// "california") and of other regions' (scope and otherScope name
	// unions too).
	regions, otherRegions []string
	// unions are the stems of the campaign's own unions' names.
	unions []string
	// loc is the campaign's time zone (see SetLocation); nil: unknown.
	loc *time.Location
}

// SetLocation tells the index the campaign's time zone, where its people
// live: a sentence's "today", "yesterday" or "on Monday" is then dated by
// the calendar day its publication time falls on there. Without it (nil)
// days are UTC's, and "today" published in a UTC morning, still the day
// before on the American west coast, is left undated. It may be called
// at any time.
func (ix *Index) SetLocation(loc *time.Location) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.loc = loc
}

// SetWorkforce tells the index which professions are on strike (own, as
// the campaign's scope lists them: "therapists", "psychiatric nurses")
// and which of the employer's are not (other). A question that supposes
// another profession on strike ("why did the nurses strike?") is then
// answered with who is: "The strikers are therapists, psychologists and
// social workers, not nurses; …". Without it no premise is checked. It
// may be called at any time.
func (ix *Index) SetWorkforce(own, other []string) {
	lower := func(in []string) []string {
		out := make([]string, 0, len(in))
		for _, w := range in {
			if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
				out = append(out, w)
			}
		}
		return out
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.workforce, ix.otherWorkforce = lower(own), lower(other)
}

// SetScopeNames tells the index the campaign's own names (its region and
// towns, its union's names) and those of other news (other regions, other
// unions), as the campaign's scope lists them. A question that names its
// own ("how many struck in SoCal?") asks about this campaign, however
// often other news of the region names them too; a word of other news
// points to it once related articles name it more often than core ones,
// any other word only once they name it twice as often. A question that
// names the campaign's place and its strikers' profession ("were 31,000
// mental health workers out in SoCal?") is of this campaign whatever
// other news it names beside them. It may be called at any time.
func (ix *Index) SetScopeNames(regions, unions, otherRegions, otherUnions []string) {
	regionStems := ix.tok.Words(strings.Join(regions, " . "))
	unionStems := ix.tok.Words(strings.Join(unions, " . "))
	ownStems := append(slices.Clip(regionStems), unionStems...)
	allOther := ix.tok.Words(strings.Join(otherRegions, " . "))
	var otherStems, otherRegionStems []string
	for _, w := range allOther {
		if !ansHas(ownStems, w) {
			otherStems = append(otherStems, w)
			otherRegionStems = append(otherRegionStems, w)
		}
	}
	for _, w := range ix.tok.Words(strings.Join(otherUnions, " . ")) {
		if !ansHas(ownStems, w) {
			otherStems = append(otherStems, w)
		}
	}
	// A place's own words only: "california" names Northern California
	// as well as Southern.
	var ownOnly []string
	for _, w := range regionStems {
		if !ansHas(allOther, w) {
			ownOnly = append(ownOnly, w)
		}
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.scope, ix.otherScope = ownStems, otherStems
	ix.regions, ix.otherRegions, ix.unions = ownOnly, otherRegionStems, unionStems
}

// ansTrades are professions a question may suppose on strike, besides
// the employer's others that the campaign lists.
var ansTrades = ansSet("doctors", "physicians", "surgeons", "nurses", "pharmacists", "teachers", "residents",
	"interns", "dentists", "technicians", "engineers", "janitors", "drivers", "paramedics", "midwives",
	"housekeepers", "optometrists", "cooks", "porters", "pilots")

// wrongTrade returns the profession words (lower-cased, in order) suppose
// on strike that is not the campaign's ("nurses" when the strikers are
// therapists), or "". A profession of the campaign's own, even in a
// longer name ("psychiatric nurses"), is no wrong premise. ix.mu is held.
func (ix *Index) wrongTrade(words []string) string {
	if len(ix.workforce) == 0 {
		return ""
	}
	text := " " + strings.Join(words, " ") + " "
	for _, own := range ix.workforce {
		if strings.Contains(text, " "+own+" ") {
			return ""
		}
	}
	for _, w := range words {
		plural := w
		if !strings.HasSuffix(plural, "s") {
			plural += "s"
		}
		if ansTrades[plural] || slices.Contains(ix.otherWorkforce, plural) {
			return plural
		}
	}
	return ""
}

// workforceText names the professions on strike: the first three of the
// campaign's that are plural nouns ("therapists, psychologists and social
// workers"). ix.mu is held.
func (ix *Index) workforceText() string {
	var names []string
	for _, w := range ix.workforce {
		if len(names) < 3 && strings.HasSuffix(w, "s") {
			names = append(names, w)
		}
	}
	return ansList(names)
}

// ansSent is one indexed sentence; its number in the bm25 index is its
// position in Index.sents.
type ansSent struct {
	text  string // as written, a slice of the article's text or title
	hash  uint64 // of its indexed words, to spot copies
	art   uint32 // position in Index.arts
	flags uint16
}

// Sentence flags: what kind of question the sentence may answer.
const (
	ansHasDate uint16 = 1 << iota
	ansHasNumber
	ansHasReason
	ansIsTitle
	// ansHasWeekday: a day named only by its weekday ("voted Thursday"),
	// half an answer to "when".
	ansHasWeekday
	// ansHasPlace: a place by its name after a word of place ("in
	// Pasadena", "from San Diego to Bakersfield"), an answer to "where".
	ansHasPlace
	// ansHasSpan: a length of time, a number before a unit of time ("196
	// days", "a five-day fast"), an answer to "how long".
	ansHasSpan
	// ansHasPercent: a percentage ("20%", "20 percent"), which is how a
	// raise is stated.
	ansHasPercent
	// ansHasDay: a date down to its day ("March 10", "10 March"), not a
	// month alone ("March 2025"): the better answer to "when".
	ansHasDay
	// ansIsHeading: written in capitals between sentences of its article
	// that are not ("RESOLUTION OF THE CITY COUNCIL …"): a document's
	// heading, which names it rather than tells what happened.
	ansIsHeading
	// ansWithheld: tells a deal's terms were not made known ("did not
	// release terms"): no answer to what was won.
	ansWithheld
	// ansHasSite: a site by its name, after a word that sets an event at
	// one ("outside Kaiser's Los Angeles Medical Center", "on Sunset
	// Boulevard"), the better answer to where an event was held than a
	// region the strike covers ("across Southern California").
	ansHasSite
)

// ansPercentRE finds a percentage.
var ansPercentRE = regexp.MustCompile(`\d\s?%|\d\s+(?:percent|per cent)\b`)

// ansPercent is the stem of "percent", which a "%" stands for.
var ansPercent = stemWord("percent")

// ansArticle is what an answer cites of an article.
type ansArticle struct {
	id        int64
	url       string
	title     string
	source    string
	published time.Time
	// undated: the page carried no date; published is only when it was
	// fetched, so its "Thursday" is no Thursday near it (see dayOf).
	undated bool
	related bool
	phase   int8   // statusPhaseRank of the article's facts, -1 if none
	first   uint32 // position in Index.sents of its first sentence
}

// dayOf is the time the article's weekdays are dated against: its
// publication, or zero (nothing dated) for a page that carried no date.
func (a *ansArticle) dayOf() time.Time {
	if a.undated {
		return time.Time{}
	}
	return a.published
}

// ansFAQ is an FAQ prepared for matching.
type ansFAQ struct {
	faq      strike.FAQ
	kind     ansKind
	fact     FactKind
	terms    []string   // distinct content stems of the question
	keywords [][]string // each keyword's stems, stop words kept
}

// NewIndex returns an empty Index that answers from faq first. now tells
// the time for the recency boost; nil means time.Now. Entries with an
// empty question or answer are ignored. The Index keeps its own copy of
// faq.
func NewIndex(faq []strike.FAQ, now func() time.Time) *Index {
	if now == nil {
		now = time.Now
	}
	ix := &Index{
		now:  now,
		tok:  NewTokenizer(TokenizerOptions{Stem: true}),
		bm:   newBM25(),
		seen: make(map[string]struct{}),
		byID: make(map[int64]uint32),
	}
	ix.pool.New = func() any { return new(bmScratch) }
	ix.syn = make(map[string][]string)
	for _, group := range ansSynonyms {
		for _, w := range group.words {
			key := stemWord(w)
			for _, s := range group.synonyms {
				ix.syn[key] = append(ix.syn[key], stemWord(s))
			}
		}
	}
	for _, f := range faq {
		if strings.TrimSpace(f.Question) == "" || strings.TrimSpace(f.Answer) == "" {
			continue
		}
		q := ix.parseQuestion(f.Question)
		e := ansFAQ{
			faq:   strike.FAQ{Question: f.Question, Answer: f.Answer, Keywords: append([]string(nil), f.Keywords...)},
			kind:  q.kind,
			fact:  q.fact,
			terms: q.content,
		}
		for _, k := range f.Keywords {
			if stems := ix.tok.Words(k); len(stems) > 0 {
				e.keywords = append(e.keywords, stems)
			}
		}
		ix.faqs = append(ix.faqs, e)
	}
	return ix
}

// ansSynonyms says which words news uses for a question's words. A
// question's word (any form of it) listed in words is also searched as
// each of synonyms, at half weight.
var ansSynonyms = [...]struct{ words, synonyms []string }{
	{[]string{"start", "begin", "began", "begun"}, []string{"start", "began", "begin", "begun", "launch"}},
	{[]string{"end", "finish"}, []string{"ended", "conclude", "settle"}},
	{[]string{"back", "return", "returned"}, []string{"back", "return", "resume"}},
	// Clinicians back to seeing (treating) patients are back at work.
	{[]string{"see", "seeing", "treat", "treating"}, []string{"work", "office", "job"}},
	// Back at work is back on the job, back at the clinics.
	{[]string{"work", "job"}, []string{"work", "job", "clinic", "office"}},
	{[]string{"vote", "ballot", "voting"}, []string{"vote", "ballot", "ratify", "ratification", "voter"}},
	{[]string{"ratify"}, []string{"vote", "ballot", "approve"}},
	// "What day was the ratification vote?" is answered by "members
	// voted Thursday to ratify": the noun's stem is not the verb's.
	{[]string{"ratification"}, []string{"vote", "ballot", "approve", "ratify"}},
	{[]string{"offer", "proposal", "propose"}, []string{"offer", "proposal", "propose"}},
	{[]string{"pay", "wage", "salary", "raise"}, []string{"pay", "wage", "salary", "raise"}},
	{[]string{"worker", "employee", "staff"}, []string{"worker", "employee", "staff", "clinician"}},
	// "How many people went on the hunger strike?": the news counts
	// clinicians, members, workers.
	{[]string{"people", "person", "persons", "folks"}, []string{"worker", "clinician", "member", "therapist", "employee"}},
	{[]string{"strike", "walkout"}, []string{"walkout", "picket"}},
	// "How many struck?": they went on strike, walked out.
	{[]string{"struck"}, []string{"strike", "walkout"}},
	// A pension is a retirement plan, a retirement benefit.
	{[]string{"pension", "pensions"}, []string{"retirement"}},
	{[]string{"retirement"}, []string{"pension"}},
	// A therapist, a psychologist, a counselor is a clinician in the
	// news, and the other way round.
	{[]string{"therapist", "psychologist", "counselor"}, []string{"clinician"}},
	{[]string{"clinician"}, []string{"therapist", "psychologist"}},
	{[]string{"demand", "want", "seek"}, []string{"demand", "want", "seek"}},
	{[]string{"deal", "agreement", "contract"}, []string{"deal", "agreement", "contract"}},
	{[]string{"talk", "negotiation", "negotiate", "bargaining"}, []string{"talk", "negotiation", "bargaining", "mediation"}},
	{[]string{"union"}, []string{"nuhw"}},
	// "What did Kaiser say?" is answered by what it said, in a statement
	// or by its spokesperson; so is what its position is, or its stance.
	{[]string{"say", "says", "said", "statement", "respond", "response", "position", "positions", "stance", "view", "views", "reaction", "react"}, []string{"said", "say", "statement", "spokesperson", "spokeswoman", "spokesman"}},
	// An appointment cancelled is, in the news, rescheduled, postponed
	// or affected.
	{[]string{"cancel", "cancelled", "canceled", "cancellation", "cancellations"}, []string{"cancel", "reschedule", "postpone", "affect"}},
	// Who speaks for a party is its spokesperson, or its statement.
	{[]string{"spokesperson", "spokesman", "spokeswoman"}, []string{"spokesperson", "spokesman", "spokeswoman", "statement"}},
	{[]string{"win", "won", "gain", "secure"}, []string{"won", "win", "gain", "secure", "include"}},
	// Politicians in the news are lawmakers, legislators, the governor
	// ("Gov."), a mayor, members of Congress.
	{[]string{"politician", "politicians", "lawmaker", "lawmakers", "elected", "officials"}, []string{"legislator", "lawmaker", "senator", "assemblymember", "governor", "gov", "legislature", "politician", "mayor", "congress", "congressman", "congresswoman", "assemblyman", "assemblywoman"}},
	// A vote passes when members approve, ratify the deal.
	{[]string{"pass", "passed", "passes"}, []string{"approve", "ratify", "pass"}},
	// What was fixed is what the deal restored, resolved, addressed.
	{[]string{"fix", "fixed", "fixes"}, []string{"restore", "resolve", "address", "include", "won"}},
}

// Add indexes an article's title and the sentences of its text (its
// summary when the text is empty). Only core and related articles are
// indexed; an article added before (same ID, else Key, else URL) is
// ignored.
func (ix *Index) Add(a strike.Article) {
	if !a.Relevance.Tier.Announceable() {
		return
	}
	key := ansIdentity(a)
	ix.mu.RLock()
	_, dup := ix.seen[key]
	ix.mu.RUnlock()
	if dup {
		return
	}

	// Tokenize outside the lock.
	type prepared struct {
		text  string
		terms []string
		lent  []string // the words of the question it answers
		hash  uint64
		flags uint16
	}
	text := a.Text
	if strings.TrimSpace(text) == "" {
		text = a.Summary
	}
	var sents []prepared
	var toks []Token
	// add indexes a sentence; asked are the terms of the question it
	// answers, in an FAQ or a Q&A list ("Who mediated? Mark Ghaly and
	// Darrell Steinberg."), or of its item's heading, which it is found
	// by too.
	add := func(s string, title bool, asked []string) {
		if len(s) > ansMaxSentenceBytes {
			return
		}
		toks = ix.tok.AppendTokens(toks[:0], s)
		terms, flags := ansTerms(toks)
		if strings.Contains(s, "%") && !ansHas(terms, ansPercent) {
			// "20%" says "percent" as "20 percent" does.
			terms = append(terms, ansPercent)
		}
		if ansPercentRE.MatchString(s) {
			flags |= ansHasPercent
		}
		if ansTermsWithheld(s) {
			flags |= ansWithheld
		}
		if title {
			flags |= ansIsTitle
		} else if place, site := ansNamesPlace(s, toks); place {
			flags |= ansHasPlace
			if site {
				flags |= ansHasSite
			}
		}
		if len(terms) < ansMinSentenceTerms || ansStampOnly(toks) || boilerplateSentence(s) {
			return
		}
		h := ansHash(terms)
		for _, p := range sents {
			if p.hash == h {
				return // the title repeated as the first line, and the like
			}
		}
		sents = append(sents, prepared{text: s, terms: terms, lent: asked, hash: h, flags: flags})
	}
	title := strings.TrimSpace(a.Title)
	if i := strings.LastIndexByte(title, '?'); i >= 0 && !ansAsks(title) {
		// "Who are the strike's mediators? Two Sacramento insiders": the
		// question is no answer; what follows it may be.
		title = strings.TrimSpace(title[i+1:])
	}
	if !ansAsks(title) {
		add(title, true, nil)
	}
	// asked are the terms of a question the next sentence answers, or of
	// the heading of a list's item it opens ("2. Pay. The deal raises
	// wages 20%.").
	var asked []string
	prevEnd := -1
	for _, s := range Sentences(text) {
		if asked != nil && sentBlankLineIn(text[prevEnd:s.Start]) {
			asked = nil
		}
		heading := ansItemHeadingRE.MatchString(s.Text) || strings.HasSuffix(s.Text, "?") && ansItemMarkRE.MatchString(s.Text)
		if !heading && !ansAsks(s.Text) {
			// (An item's heading or question is no answer, nor is any
			// question the text asks: "What does Kaiser say?" answers
			// nobody who asks it.)
			add(s.Text, false, asked)
		}
		asked, prevEnd = nil, s.End
		if heading || strings.HasSuffix(s.Text, "?") {
			asked, _ = ansTerms(ix.tok.AppendTokens(nil, s.Text))
		}
	}

	// A script written all in capitals is its news; a line in capitals
	// among sentences that are not is a heading.
	shouted := make([]bool, len(sents))
	for i := range sents {
		shouted[i] = ansShouted(sents[i].text)
	}
	for i := range sents {
		if shouted[i] && !(i > 0 && shouted[i-1]) && !(i+1 < len(sents) && shouted[i+1]) {
			sents[i].flags |= ansIsHeading
		}
	}

	ix.mu.Lock()
	defer ix.mu.Unlock()
	if _, dup := ix.seen[key]; dup {
		return
	}
	ix.seen[key] = struct{}{}
	if len(sents) == 0 {
		return
	}
	ai := uint32(len(ix.arts))
	ix.arts = append(ix.arts, ansArticle{
		id: a.ID, url: a.URL, title: a.Title, source: a.Source,
		published: a.Published, undated: a.PublishedEstimated, related: a.Relevance.Tier != strike.TierCore,
		phase: int8(statusPhaseRank(statusPhase(a.Facts.Phase))), first: uint32(len(ix.sents)),
	})
	if a.ID != 0 {
		ix.byID[a.ID] = ai
	}
	for _, p := range sents {
		ix.bm.add(p.terms, p.lent, a.Relevance.Tier != strike.TierCore) // marked: related
		ix.sents = append(ix.sents, ansSent{text: p.text, hash: p.hash, art: ai, flags: p.flags})
	}
}

// Len returns the number of sentences indexed.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.sents)
}

// ansIdentity names an article for Add's duplicate check.
func ansIdentity(a strike.Article) string {
	switch {
	case a.ID != 0:
		return "id:" + strconv.FormatInt(a.ID, 10)
	case a.Key != "":
		return "key:" + a.CampaignID + "\x00" + a.Key
	case a.URL != "":
		return "url:" + a.URL
	}
	return "text:" + strconv.FormatUint(ansHash([]string{a.Title, a.Text, a.Summary}), 16)
}

// Ask answers a question from the FAQ and the indexed articles alone:
// AskStatus(question, nil).
func (ix *Index) Ask(question string) Answer { return ix.AskStatus(question, nil) }

// AskStatus answers a question. Only the first 500 bytes are read.
//
//  1. A question that names what only other news speaks of (a word found
//     in more sentences of related articles than of core ones: another
//     region, union or employer) is answered from core and related
//     articles alike, and never from the status, which is this
//     campaign's.
//  2. An FAQ entry answers when it answers the question asked: the same
//     kind of factual question (see FactKind) and of question word
//     ("when", "who", …; a keyword of the entry found in the question
//     lifts this), and enough of the same content words.
//  3. A factual question the status st answers gets one plain sentence
//     with the value and its sources ("The strike began on 21 October
//     2024 [1][2]."), then up to two sentences of the news from other
//     articles that neither give another date or number where the value
//     is one nor repeat the value more than once more.
//  4. "What did they win?" is answered from the sentences of articles
//     reporting the agreement or later (their Facts.Phase), on pay or
//     terms, leaving out sentences about an offer; when there are none,
//     from the status (no agreement yet, with the latest offer labeled
//     as such, or an agreement without known terms).
//  5. Otherwise the best matching sentences of the core articles answer,
//     as Index describes; NotFoundText when none does.
//
// No article is cited twice, and copies of one sentence appear once.
//
// A question nothing answers is asked again with its words that no
// sentence holds read as the near words that some do ("did the nuhw
// memebers vote?"); a question answered as typed is never respelt, so a
// word of English the news lacks is no typo.
func (ix *Index) AskStatus(question string, st *strike.Status) Answer {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	a := ix.askStatus(question, st, false)
	if !a.Found {
		if b := ix.askStatus(question, st, true); b.Found {
			return b
		}
	}
	return a
}

// askStatus is AskStatus, the question's unknown words respelt when
// spell is set. ix.mu is held.
func (ix *Index) askStatus(question string, st *strike.Status, spell bool) Answer {
	q := ix.parseQuestionSpelt(ix.unjoin(question), spell)
	q.lightenOwn(ix.tok, st)
	q.lightenWhenClause(ix.tok)
	away := ix.pointsAway(&q, st)
	if away {
		q.fact = FactNone
	}
	if q.fact == FactNext && st != nil && statusOver(st) && ansPastStage(q.words) {
		// "ratification vote when", once the strike is over: the vote
		// that ended it, found in the news, not one to come.
		q.fact, q.kind = FactNone, ansKindWhen
	}
	if q.fact == FactNone && st != nil && q.asksAcronym(st.Union) {
		q.fact = FactUnion
	}
	if q.fact == FactDemands && st != nil && statusOver(st) && slices.ContainsFunc(q.words, func(w string) bool { return kwStill[w] }) {
		// "Why is the strike still going?", once it ended: the premise
		// is wrong, and how it ended answers.
		q.fact, q.stillOn = FactOver, true
	}
	if a, ok := ix.matchFAQ(q); ok {
		if st != nil && q.fact != FactNone {
			ix.citeFAQ(&a, st)
		}
		return a
	}
	s := ix.pool.Get().(*bmScratch)
	defer ix.pool.Put(s)

	if q.fact == FactOffer && st != nil && ansAsksFirstOffer(q.words) {
		// "What raise did Kaiser offer when the strike started?": the
		// offer the news gave in the strike's first weeks, not the
		// latest.
		if start, ok := statusDay(st.Started); ok {
			wq := q.withCues([]string{"offer", "propose", "proposal", "raise", "percent"})
			wq.kind = ansKindNumber
			f := ansFilter{minPhase: -1, until: start.AddDate(0, 0, ansFirstWeeks), cueOnly: true, need: ansHasNumber,
				skip: func(text string) bool { return !ansOfferSentence(text) }}
			if cands := ix.search(&wq, f, s); len(cands) > 0 {
				return ix.compose(&q, cands, nil)
			}
		}
	}

	var lead *ansLead
	if st != nil && q.fact != FactNone {
		lead = statusLead(&q, st)
	}
	if lead != nil && len(q.also) > 0 && q.fact != FactWon {
		lead.join(&q, st)
		if slices.Contains(q.also, FactWon) && len(lead.parts) > 0 {
			// "How long was it and what raise did they get?": the raise
			// the news of the agreement gives joins the status's clause.
			if p, ok := ix.raisePart(&q, s); ok {
				lead.parts = append(lead.parts, p)
				lead.alone, lead.newest = true, false
			}
		}
	}
	if lead != nil && len(lead.parts) > 0 {
		if trade := ix.wrongTrade(q.words); trade != "" {
			if who := ix.workforceText(); who != "" {
				// "Why did the nurses strike?": who struck, first.
				p := &lead.parts[0]
				not := trade
				for _, own := range ix.workforce {
					if strings.HasSuffix(own, " "+trade) {
						// "Psychiatric nurses" strike; other nurses do not.
						not = trade + " other than " + own
						break
					}
				}
				p.text = "The strikers are " + who + ", not " + not + "; " + ansLowerFirst(p.text)
			}
		}
	}
	if q.fact == FactWon && (lead == nil || lead.wantsTerms) {
		// The terms: sentences on pay or terms from the articles reporting
		// the agreement or later, else sentences about the deal published
		// since the strike ended; numbers ("20%") first.
		wq := q.withCues(ansWonCues)
		wq.kind = ansKindNumber
		wq.percent = !wq.span
		f := ansFilter{minPhase: statusPhaseRank(strike.PhaseTentativeAgreement), cueOnly: true, skip: ansOfferSentence, noWithheld: true}
		cands := ix.search(&wq, f, s)
		if len(cands) == 0 && st != nil {
			if end, ok := statusDay(st.Ended); ok {
				f = ansFilter{minPhase: -1, since: end.Add(-24 * time.Hour), cueOnly: true, noWithheld: true,
					skip: func(text string) bool { return ansOfferSentence(text) || !ansDealSentence(text) }}
				cands = ix.search(&wq, f, s)
			}
		}
		if len(cands) > 0 {
			if l := ix.compareLead(&q, cands, st); l != nil {
				return ix.compose(&q, nil, l)
			}
			if lead != nil && lead.yes && q.namesFigure() {
				// "Did they end up with twenty percent or eighteen?": the
				// figure won, first.
				return ix.compose(&q, cands, nil)
			}
			if lead != nil && lead.yes {
				// "Did they get their pension back?" names a term: the
				// deal's sentence on it answers first. "Did they win?":
				// yes, then what.
				terms := q.termsOfDeal()
				if c, ok := ix.namingFirst(cands, ix.withSynonyms(terms)); ok {
					return ix.compose(&q, c, nil)
				}
				if len(terms) > 0 {
					// No sentence of the deal names the term asked about
					// ("caseloads"): how the strike ended, but no yes.
					lead.noYes()
				}
				return ix.compose(&q, cands, lead)
			}
			return ix.compose(&q, cands, nil)
		}
	}
	if q.fact == FactDemands && lead == nil {
		// Why they strike, what they want: a sentence that gives reasons
		// ("At issue are caseloads …", "The union is demanding more time
		// for patients …") answers, whether or not it repeats the
		// question's word for the strike or for wanting.
		wq := q.withCues(ansReasonCues)
		wq.kind = ansKindWhy
		if cands := ix.search(&wq, ansFilter{related: away, minPhase: -1, cueOnly: true, need: ansHasReason}, s); len(cands) > 0 {
			return ix.compose(&q, cands, nil)
		}
	}
	if lead != nil {
		var cands []ansCandidate
		switch {
		case lead.alone:
		case lead.newest:
			cands = ix.newestLeads()
		case len(q.terms) > 0:
			cands = ix.search(&q, ansFilter{minPhase: -1}, s)
		}
		return ix.compose(&q, cands, lead)
	}
	if len(q.terms) == 0 {
		return ansNotFound(q.fact)
	}
	f := ansFilter{related: away, minPhase: -1}
	if q.fact == FactWon {
		f.skip, f.noWithheld = ansOfferSentence, true
	}
	if q.kind == ansKindNumber && q.fact == FactNone && !away && st != nil && st.Workers > 0 {
		// "How many went on hunger strike?" asks for another count than
		// the strikers': a sentence whose only count is theirs does not
		// answer it.
		f.skip = func(text string) bool { return ansOnlyCount(text, st.Workers) }
	}
	if q.fact == FactOffer && q.kind == ansKindOther {
		// An offer is its figures: "what did Kaiser offer?" asks how much.
		q.kind = ansKindNumber
	}
	if q.kind == ansKindWhen && q.asksReturn() {
		// "When did the therapists return to their clinics?": a sentence
		// that tells them back at work, as done, answers it; one that
		// shares the question's other words ("when therapists walked out
		// in October, the clinical students …") does not.
		// A dated one first, in the question's words or in any words of
		// returning ("reported for work Monday … ending their strike" for
		// "when did they go back to their jobs?"): "back at work as
		// 196-day strike ends", a headline, says when no better than not
		// at all. Then an undated one.
		// A day first ("May 12", "Monday"), then a month ("after their
		// strike ended in May" answers "when did they go back?" only
		// roughly).
		wq := q.withCues(ansBackCues)
		dated := func(text string) bool { return notBackAtWork(text) || len(findDates(text)) == 0 }
		dayDated := func(text string) bool { return dated(text) || !namesDay(text) }
		for _, skip := range []func(string) bool{dayDated, dated, notBackAtWork} {
			rf := f
			rf.skip = skip
			if cands := ix.search(&q, rf, s); len(cands) > 0 {
				return ix.compose(&q, cands, nil)
			}
			rf.cueOnly = true
			if cands := ix.search(&wq, rf, s); len(cands) > 0 {
				return ix.compose(&q, cands, nil)
			}
		}
	}
	cands := ix.search(&q, f, s)
	if len(cands) == 0 {
		return ansNotFound(q.fact)
	}
	return ix.compose(&q, cands, nil)
}

// asksReturn reports whether the question asks about the workers'
// return: it names going back or returning.
func (q *ansQuestion) asksReturn() bool {
	if slices.ContainsFunc(q.words, func(w string) bool { return kwReturn[w] }) {
		return true
	}
	// "seeing patients again after the walkout"
	return slices.Contains(q.words, "again") && slices.ContainsFunc(q.words, func(w string) bool {
		return w == "patients" || w == "work" || w == "clinics" || w == "offices" || w == "jobs"
	})
}

// notBackAtWork reports whether a sentence does not tell workers back
// at work as done (see sentencePhaseDetail): "walked back into the
// medical offices", "returned to their jobs Monday" do; "may be able to
// return to them this month" does not.
func notBackAtWork(text string) bool {
	p, back := sentencePhaseDetail(lowerSameLen(text))
	return p != strike.PhaseEnded || !back
}

// compareLead returns, for a question that sets what was won beside the
// employer's offer ("how much more than Kaiser's offer did they get?"),
// a status sentence that states both: the raise from the best sentence
// on the agreement's terms, cited to it, and the status's last offer,
// cited to its sources. It returns nil when the question compares
// nothing, the status knows no offer or the sentence states no
// percentage. ix.mu is held.
func (ix *Index) compareLead(q *ansQuestion, cands []ansCandidate, st *strike.Status) *ansLead {
	if st == nil || st.Offer == "" || len(st.Sources[strike.FieldOffer]) == 0 || !q.compares() {
		return nil
	}
	won, ok := ix.raiseOf(cands[0])
	if !ok {
		return nil
	}
	won.text = ansCapitalize(won.text)
	employer := st.Employer
	if employer == "" {
		employer = "the employer"
	}
	offer := ansSrc{src: st.Sources[strike.FieldOffer][0], field: strike.FieldOffer}
	return &ansLead{alone: true, parts: []ansLeadPart{
		won,
		{text: "before it, " + ansPossessive(employer) + " last reported offer was " + st.Offer, sources: []ansSrc{offer}},
	}}
}

// raiseOf returns the clause "the agreement raises pay 20% over four
// years" for a candidate sentence that states a raise's figure, cited to
// it; false when it states none or has no article. ix.mu is held.
func (ix *Index) raiseOf(c ansCandidate) (ansLeadPart, bool) {
	sent := &ix.sents[c.id]
	fig := ansRaiseRE.FindString(sent.text)
	art := &ix.arts[sent.art]
	if fig == "" || art.id == 0 {
		return ansLeadPart{}, false
	}
	src := ansSrc{src: strike.FieldSource{ArticleID: art.id, URL: art.url, Source: art.source, Published: art.published,
		Sentence: sent.text}}
	return ansLeadPart{text: "the agreement raises pay " + fig, sources: []ansSrc{src}}, true
}

// raisePart returns the clause "the agreement raises pay 20% over four
// years", cited to the best sentence on an agreement's terms that gives a
// percentage, from the articles reporting the agreement or later; false
// when none does. ix.mu is held.
func (ix *Index) raisePart(q *ansQuestion, s *bmScratch) (ansLeadPart, bool) {
	wq := q.withCues(ansWonCues)
	wq.kind, wq.percent = ansKindNumber, true
	f := ansFilter{minPhase: statusPhaseRank(strike.PhaseTentativeAgreement), cueOnly: true, skip: ansOfferSentence}
	for _, c := range ix.search(&wq, f, s) {
		if p, ok := ix.raiseOf(c); ok {
			return p, true
		}
	}
	return ansLeadPart{}, false
}

// ansRaiseRE finds a raise's figure and its term: "20% over four years".
var ansRaiseRE = regexp.MustCompile(`\d[\d.]*\s?(?:%|percent)(?:\s+over\s+(?:the\s+)?(?:\w+\s+)?(?:years?|months?|contract))?`)

// compares reports whether the question sets something beside the
// employer's offer: "bigger than what Kaiser offered".
func (q *ansQuestion) compares() bool {
	offer, than := false, false
	for _, w := range q.words {
		offer = offer || kwOffer[w]
		than = than || w == "than" || w == "compared" || w == "versus" || w == "vs"
	}
	return offer && than
}

// namesFigure reports whether the question names a percentage or a
// number: "did they end up with twenty percent or eighteen?".
func (q *ansQuestion) namesFigure() bool {
	return slices.ContainsFunc(q.words, func(w string) bool {
		return w == "percent" || w == "%" || ansNumeral(w) || ansNumberWords[w] && w != "one"
	})
}

// termsOfDeal returns the question's words that name a term of an
// agreement ("pension", "hours"), not winning or the deal itself.
func (q *ansQuestion) termsOfDeal() []string {
	var out []string
	for _, c := range q.content {
		if ansHas(ansWonCueStems, c) && !kwWin[c] && !kwDeal[c] || !ansGeneric[c] && !ansHas(ansWonCueStems, c) && c != "back" {
			out = append(out, c)
		}
	}
	return out
}

// withSynonyms returns stems and the stems of their synonyms (see
// ansSynonyms): a pension is named as a retirement plan too.
func (ix *Index) withSynonyms(stems []string) []string {
	out := slices.Clone(stems)
	for _, s := range stems {
		for _, syn := range ix.syn[s] {
			if !ansHas(out, syn) {
				out = append(out, syn)
			}
		}
	}
	return out
}

// namingFirst returns cands with those whose sentence holds one of stems
// first, and whether any does. ix.mu is held.
func (ix *Index) namingFirst(cands []ansCandidate, stems []string) ([]ansCandidate, bool) {
	if len(stems) == 0 {
		return cands, false
	}
	var first, rest []ansCandidate
	for _, c := range cands {
		if slices.ContainsFunc(ix.tok.Words(ix.sents[c.id].text), func(w string) bool { return ansHas(stems, w) }) {
			first = append(first, c)
		} else {
			rest = append(rest, c)
		}
	}
	return append(first, rest...), len(first) > 0
}

// ansWonCueStems are the stems of ansWonCues.
var ansWonCueStems = func() []string {
	out := make([]string, len(ansWonCues))
	for i, w := range ansWonCues {
		out[i] = stemWord(w)
	}
	return out
}()

// splitClauses reads a question of clauses joined by "and", each opening
// with a question word ("when did it start and how long did it last?"):
// when they ask for different facts, the first clause's kind is the
// question's, the others' are in q.also.
func (q *ansQuestion) splitClauses() {
	var kinds []FactKind
	start := 0
	for i := 0; i <= len(q.words); i++ {
		if i < len(q.words) && !(q.words[i] == "and" && i+1 < len(q.words) && ansClauseOpener[q.words[i+1]]) {
			continue
		}
		clause := q.words[start:i]
		if k := factKind(clause); k != FactNone && !slices.Contains(kinds, k) && (start == 0 || ansNamesSomething(clause)) {
			kinds = append(kinds, k)
		}
		start = i + 1
	}
	if len(kinds) < 2 || start == 0 {
		return
	}
	q.fact, q.also = kinds[0], kinds[1:]
}

// ansNamesSomething reports whether a clause has a word of its own
// besides question words and pronouns: "how much it was" only points
// back to what the clause before named.
func ansNamesSomething(words []string) bool {
	for _, w := range words {
		if !english.IsStopWord(w) && !ansAfterHow[w] && !ansClauseOpener[w] && !ansStopWords[w] {
			return true
		}
	}
	return false
}

// ansClauseOpener are the words that open a question's clause.
var ansClauseOpener = ansSet("what", "which", "who", "when", "where", "why", "how", "is", "are", "was", "were", "did", "do", "does", "has", "have")

// ansFilter says which sentences a search may return.
type ansFilter struct {
	// related admits related articles, undiscounted.
	related bool
	// minPhase admits only articles whose facts' phase ranks at least
	// this (statusPhaseRank); -1 admits all.
	minPhase int
	// since, when not zero, admits only articles published since; until,
	// when not zero, only those published before it.
	since, until time.Time
	// cueOnly: a sentence must match a cue of the question, not half of
	// its words.
	cueOnly bool
	// skip, when set, leaves out sentences it reports.
	skip func(text string) bool
	// need, when not zero, admits only sentences with one of these flags.
	need uint16
	// noWithheld leaves out sentences that tell a deal's terms were not
	// made known.
	noWithheld bool
}

// ansReasonCues are words that give the reasons of a strike (see
// ansReasonWords), less those every report of a dispute uses.
var ansReasonCues = []string{"because", "demand", "want", "seek", "issue", "reason", "grievance", "cause", "fight"}

// ansBackCues are words of workers back at work.
var ansBackCues = []string{"return", "back", "work", "report", "job", "office", "clinic", "resume"}

// ansWonCues are words of an agreement's terms.
var ansWonCues = []string{"pay", "wage", "raise", "salary", "percent", "pension", "retirement", "benefit", "hour", "terms", "increase"}

// withCues returns q searching also for cues (not required).
func (q *ansQuestion) withCues(cues []string) ansQuestion {
	c := *q
	c.terms = append([]ansTerm(nil), q.terms...)
	for _, w := range cues {
		st := stemWord(w)
		dup := false
		for _, t := range c.terms {
			if t.stem == st {
				dup = true
				// A cue the question asks for itself, or one of its
				// synonyms: a match of it is a match of the cue.
				c.cueBits |= t.bit()
			}
		}
		if !dup {
			c.terms = append(c.terms, ansTerm{stem: st, group: ansCueGroup})
		}
	}
	return c
}

// ansDigitsRE finds a number written in digits.
var ansDigitsRE = regexp.MustCompile(`\d[\d,.]*`)

// ansOnlyCount reports whether the only numbers text gives are n ("some
// 2,400 psychologists … are on strike"): no other figure, in digits or
// in words ("Eight clinicians").
func ansOnlyCount(text string, n int) bool {
	found := false
	for _, d := range ansDigitsRE.FindAllString(text, -1) {
		v, err := strconv.Atoi(strings.TrimRight(strings.ReplaceAll(d, ",", ""), "."))
		if err != nil || v != n {
			return false
		}
		found = true
	}
	if !found {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if w = strings.Trim(w, ".,;:!?\"'“”()"); w != "" && !isDigit(rune(w[0])) && ansNumberWord(w) {
			return false
		}
	}
	return true
}

// ansFirstWeeks is how many days from its start the news of a strike's
// first offer is looked for.
const ansFirstWeeks = 21

// ansAsksFirstOffer reports whether an offer question asks for the first
// one: "initially", "opening offer", "when the strike started".
func ansAsksFirstOffer(words []string) bool {
	for _, w := range words {
		switch w {
		case "first", "initial", "initially", "opening", "original", "originally", "start", "started", "began", "begin", "beginning":
			return true
		}
	}
	return false
}

// ansOfferSentence reports whether a sentence speaks of an offer or a
// proposal, which an answer about what was won must not pass off as the
// agreement. A sentence that tells the agreement first and the offer
// only after a comma, to compare ("The deal raises wages 20%, above the
// 18% Kaiser offered"), speaks of the agreement.
func ansOfferSentence(text string) bool {
	l := strings.ToLower(text)
	first := -1
	for _, w := range []string{"offer", "propos", "on the table", "had sought", "initially"} {
		if i := strings.Index(l, w); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first < 0 {
		return false
	}
	before := l[:first]
	comma := strings.LastIndexByte(before, ',')
	return comma < 0 || !ansDealSentence(before[:comma])
}

// ansDealSentence reports whether a sentence speaks of an agreement.
func ansDealSentence(text string) bool {
	l := strings.ToLower(text)
	for _, w := range []string{"agreement", "contract", "deal", "ratif", "settlement", "accord"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// pointsAway reports whether q names what only other news speaks of: a
// word of the question, other than the words every strike is asked about
// with ("vote", "workers", "start") and the words of the campaign's own
// name, union and employer (from st, when not nil), found in more
// sentences of related articles than of core ones. ix.mu is held.
func (ix *Index) pointsAway(q *ansQuestion, st *strike.Status) bool {
	var own []string
	if st != nil {
		own = ix.tok.Words(st.Name + " . " + st.Union + " . " + st.Employer)
	}
	// "Was this one longer than the 2022 strike up north?" compares the
	// campaign's strike with another: what follows "than" is the other
	// news, the question is of this one.
	if ix.namesOwnStrikers(q, st) {
		// "Was it really 31,000 mental health people on strike in
		// socal?", "the norcal therapists were out 10 weeks in 2022 -
		// how many days did the socal strike last?": the campaign's
		// place and profession say whose strike is asked about.
		return false
	}
	if g := ix.strikeOfElsewhere(q); g >= 0 {
		// "how long was the norcal strike": another region's strike by
		// name, however often the campaign's news names the region.
		q.away |= 1<<g | 1<<(32+g)
		return true
	}
	words, compared := q.words, false
	if i := slices.Index(words, "than"); i > 0 && (q.fact == FactDuration || q.fact == FactWorkers || q.fact == FactWon) {
		words, compared = words[:i], true
	}
	away := st != nil && ansOtherYear(words, st, ix.now())
	if compared {
		return away
	}
	for g, c := range q.content {
		p := ix.bm.post[c]
		if p == nil || ansGeneric[c] || ansHas(own, c) || ansHas(ix.scope, c) {
			continue
		}
		// A word of other news is found mostly in it: more often in
		// related articles' sentences than in core ones when the campaign
		// names it another region's or union's ("northern", "hawaii"),
		// twice as often otherwise (not "job", "walked").
		related, core := int(p.marked), len(p.ids)-int(p.marked)
		if related > core && ansHas(ix.otherScope, c) || related > 2*core {
			q.away |= 1<<g | 1<<(32+g)
			away = true
		}
	}
	return away
}

// strikeOfElsewhere returns the group of q's content stem that names
// another region as the place of a strike ("the norcal strike", "the
// strike in Hawaii"), or -1. ix.mu is held.
func (ix *Index) strikeOfElsewhere(q *ansQuestion) int {
	for i, st := range q.stems {
		if !ansHas(ix.otherRegions, st) {
			continue
		}
		near := false
		for j := i + 1; j < len(q.words) && j <= i+3; j++ {
			near = near || kwStrike[q.words[j]]
		}
		if i >= 2 && q.words[i-1] == "in" && kwStrike[q.words[i-2]] {
			near = true
		}
		if !near {
			continue
		}
		if g := slices.Index(q.content, st); g >= 0 {
			return g
		}
	}
	return -1
}

// ansPastStage reports whether words ask, with no tense, about a stage
// a strike passes on its way to an end (a ratification vote, mediation,
// a tentative agreement), not about what comes next.
func ansPastStage(words []string) bool {
	stage := false
	for _, w := range words {
		switch w {
		case "next", "upcoming", "coming", "future", "will", "planned", "scheduled":
			return false
		case "vote", "ratification", "ratify", "mediation", "tentative", "ballot", "voting":
			stage = true
		}
	}
	return stage
}

// namesOwnStrikers reports whether q asks a status fact of the strikers
// it names by the campaign's place and one of its professions, or asks
// their union naming their profession and no other region ("the
// therapists' strike was run by UNAC, wasn't it?"). ix.mu is held.
func (ix *Index) namesOwnStrikers(q *ansQuestion, st *strike.Status) bool {
	switch q.fact {
	case FactWorkers, FactDuration, FactOver, FactStarted, FactUnion, FactWon:
	default:
		return false
	}
	place, elsewhere, union := false, false, false
	lastOwn, lastOther := -1, -1
	for i, stem := range q.stems {
		switch {
		case ansHas(ix.regions, stem):
			place, lastOwn = true, i
		case ansHas(ix.otherRegions, stem):
			elsewhere, lastOther = true, i
		case ansHas(ix.unions, stem):
			union = true // the campaign's union: "our nuhw strike"
		}
	}
	if place && elsewhere && lastOwn > lastOther {
		// "norcal got their deal after 10 weeks back in 2022. what raise
		// did socal end up with": the place named last is the one asked
		// about.
		return true
	}
	if union && !elsewhere && (st == nil || !ansOtherYear(q.words, st, ix.now())) {
		// "UNAC's strike was only 5 days. how long was our NUHW strike?"
		// (Not "how many NUHW members struck in 2022?": another year's.)
		return true
	}
	if !elsewhere && ix.namesOwnStrike(q, st) {
		// "the kaiser therapists' strike over caseloads and pensions",
		// "the pension strike": named by what is its own.
		return true
	}
	if !place && (q.fact != FactUnion || elsewhere) {
		return false
	}
	text := " " + strings.Join(q.words, " ") + " "
	for _, own := range ix.workforce {
		if strings.Contains(text, " "+own+" ") || strings.Contains(text, " "+strings.TrimSuffix(own, "s")+" ") {
			return true
		}
	}
	return false
}

// ansCompare are the words that set another strike beside the one asked
// about: "like the coalition one", "longer than the norcal strike".
var ansCompare = ansSet("like", "than", "unlike", "as")

// namesOwnStrike reports whether q names the strike by what is its own:
// its strikers' profession or one of its demands just before the
// strike's noun, or after "over" or "about" ("the therapists' strike",
// "the pension strike", "the strike over caseloads and pensions"), with
// no other region or union named but in a comparison ("like the
// coalition one") and no year outside the strike's. ix.mu is held.
func (ix *Index) namesOwnStrike(q *ansQuestion, st *strike.Status) bool {
	if len(q.stems) != len(q.words) {
		return false
	}
	var demands, names []string
	if st != nil {
		for _, d := range st.Demands {
			demands = append(demands, ix.tok.Words(d)...)
		}
		// "Kaiser" names the employer of other unions' strikes too.
		names = ix.tok.Words(st.Name + " . " + st.Union + " . " + st.Employer)
	}
	own := func(i int) bool {
		w := strings.TrimSuffix(q.words[i], "s")
		for _, f := range ix.workforce {
			if w == strings.TrimSuffix(f[strings.LastIndexByte(f, ' ')+1:], "s") {
				return true
			}
		}
		return !english.IsStopWord(q.words[i]) && !kwStrike[q.words[i]] && !ansTimeWords[q.words[i]] && ansHas(demands, q.stems[i])
	}
	named := false
	for i, w := range q.words {
		if !kwStrike[w] {
			continue
		}
		for j := max(0, i-3); j < i && !named; j++ {
			named = own(j)
		}
		if i+1 < len(q.words) && (q.words[i+1] == "over" || q.words[i+1] == "about") {
			for j := i + 2; j < len(q.words) && j <= i+6 && !named; j++ {
				named = own(j)
			}
		}
	}
	if !named {
		return false
	}
	nearStrike := func(i int) bool {
		for j := max(0, i-4); j < len(q.words) && j <= i+4; j++ {
			if kwStrike[q.words[j]] {
				return true
			}
		}
		return false
	}
	for i, stem := range q.stems {
		// ("a nursing student doing a presentation on the therapists'
		// strike": a word of other news far from the strike names none.)
		if ansHas(ix.otherScope, stem) && !ansHas(names, stem) && nearStrike(i) &&
			!(i > 0 && ansCompare[q.words[i-1]] || i > 1 && ansCompare[q.words[i-2]]) {
			return false
		}
	}
	return st == nil || !ansOtherYear(q.words, st, ix.now())
}

// ansOtherYear reports whether words name a year the strike of st did
// not span (from the year it began to the year it ended, or to now's
// while it goes on): "how many struck in 2022?" asks of an earlier
// strike. A status that knows no start names no span.
func ansOtherYear(words []string, st *strike.Status, now time.Time) bool {
	start, ok := statusDay(st.Started)
	if !ok {
		return false
	}
	last := now.Year()
	if end, ok := statusDay(st.Ended); ok {
		last = end.Year()
	} else if !st.AsOf.IsZero() {
		last = max(st.AsOf.Year(), start.Year())
	}
	for _, w := range words {
		if !ansYear(w) {
			continue
		}
		if y, err := strconv.Atoi(w); err == nil && (y < start.Year() || y > last) {
			return true
		}
	}
	return false
}

// search returns the sentences that answer q within f, best first. ix.mu
// is held; s is the caller's scratch.
func (ix *Index) search(q *ansQuestion, f ansFilter, s *bmScratch) []ansCandidate {
	n := ix.bm.len()
	if n == 0 {
		return nil
	}
	s.reset(n)
	now := ix.now()
	groups := q.groups()
	pastEvent := q.past() && slices.ContainsFunc(q.words, func(w string) bool { return kwEvent[w] })
	monthAsked := slices.Contains(q.words, "month") || slices.Contains(q.words, "year")
	// "Where did they hold their hunger strike?" asks of the hunger
	// strike: a sentence of the strike alone ("57 clinicians in Hawaii are
	// still on strike") does not answer it, however many words it shares.
	hunger := slices.Contains(q.words, "hunger")
	idf := make([]float64, groups)
	for _, t := range q.terms {
		bit, w := t.bit(), 1.0
		switch {
		case t.group == ansCueGroup:
			w = ansCueWeight
		case t.synonym:
			w = ansSynonymWeight
		}
		if t.group != ansCueGroup && q.light&(1<<t.group) != 0 {
			w *= ansOwnWeight
		}
		v := ix.bm.accumulate(t.stem, w, bit, s)
		if !t.synonym && t.group != ansCueGroup {
			idf[t.group] = v
			if q.light&(1<<t.group) != 0 {
				idf[t.group] *= ansOwnWeight
			}
		}
	}
	var mass float64
	for _, v := range idf {
		mass += v
	}
	years := ansYearGroups(q.content)
	// plain are the match bits of the question's words that neither
	// point to other news nor name a year.
	plain := ^q.away
	for g, y := range years {
		if y != 0 {
			plain &^= 1<<g | 1<<(32+g)
		}
	}

	var top ansTop
	// No factor raises a score by more than bound: once the list is full,
	// a sentence whose raw score times bound cannot enter it is skipped.
	const bound = ansKindBoost * ansKindBoost * (1 + ansRecencyBoost)
	for _, id := range s.touched {
		if len(top.c) == ansTopCandidates && float64(s.score[id])*bound < top.c[len(top.c)-1].score {
			continue
		}
		sent := &ix.sents[id]
		art := &ix.arts[sent.art]
		if art.related && !f.related || f.minPhase >= 0 && int(art.phase) < f.minPhase ||
			!f.since.IsZero() && art.published.Before(f.since) || !f.until.IsZero() && !art.published.Before(f.until) ||
			f.need != 0 && sent.flags&f.need == 0 {
			continue
		}
		m := s.mask[id]
		if q.event != 0 && m&q.event == 0 {
			continue
		}
		var fromTitle float64
		if q.away != 0 && sent.flags&ansIsTitle == 0 && ix.sents[art.first].flags&ansIsTitle != 0 {
			// Other news is told under a title that says which strike
			// it is ("… strike in Hawaii"), and its sentences say it
			// no more ("HONOLULU — About 50 … stopped working Monday"):
			// the words of a question that point to other news count
			// for each sentence under a title that has them, when it
			// shares other words with the question, and each such
			// sentence has half the title's score more.
			if t := s.mask[art.first] & q.away; t != 0 && m&plain != 0 {
				m |= t
				fromTitle = float64(s.score[art.first]) / 2
			}
		}
		if f.cueOnly {
			if m&(1<<ansCueGroup|q.cueBits) == 0 {
				continue
			}
		} else {
			var cover float64
			for g, v := range idf {
				switch {
				case m&(1<<g) != 0:
					cover += v
				case m&(1<<(32+g)) != 0:
					cover += ansSynonymWeight * v
				case years != nil && years[g] != 0 && years[g] == art.published.Year():
					// A year of the question is the year of the news
					// published in it: "how many struck in 2022?" is
					// answered by a 2022 report of "Monday".
					cover += v
				}
			}
			// The agents by name answer "who" however few of the
			// question's other words they share: "Mediators Mark Ghaly
			// and Darrell Steinberg helped broker the agreement" answers
			// "who mediated the talks?".
			// A sentence naming the event a when-question asks about
			// answers it in other words: "mediation began March 10"
			// answers "when did the mediator get involved?".
			if cover < ansMinCover*mass && q.event == 0 && !(len(q.agents) > 0 && ansNamesAgent(sent.text, q.agents) && ansNamesPerson(sent.text)) {
				continue
			}
		}
		if hunger && !ansHungerRE.MatchString(sent.text) {
			continue
		}
		sc := float64(s.score[id]) + fromTitle
		flags := sent.flags
		if art.undated {
			// A page that carried no date: its "Thursday" is no day.
			flags &^= ansHasWeekday
		}
		switch {
		case q.kind == ansKindWhen && !monthAsked && flags&(ansHasDay|ansHasWeekday) == 0 && monthEntryRE.MatchString(sent.text):
			// A timeline's month heading ("March 2025: Mediators begin
			// sessions") is the coarse summary of what other sentences
			// date to the day ("mediation began March 10"): it answers
			// "when" no better than no date. ("What month?" is another
			// question.)
			sc /= ansKindBoost
		case q.kind == ansKindWhen && !monthAsked && flags&ansHasDate != 0 && flags&(ansHasDay|ansHasWeekday) == 0:
			// A month alone ("in August 2022") is a lesser answer to
			// "when" than a day, and a better one than no date.
		case q.wants(flags):
			sc *= ansKindBoost
		case q.event != 0 && flags&ansHasWeekday != 0 && ansDateWeekday(sent.text, art.dayOf(), ix.loc) != sent.text &&
			ix.weekdayNearEvent(q, sent.text):
			// An event is reported on its day by its weekday ("talks
			// began Monday"), which its publication dates: as good as a
			// date once the answer gives it.
			sc *= ansKindBoost
		case q.kind == ansKindWhen && flags&ansHasWeekday != 0:
			sc *= (1 + ansKindBoost) / 2
		case q.kind == ansKindWhen && (flags&ansIsTitle == 0 || q.event != 0 || q.asksReturn()),
			// Nor is a title naming no number one to "how many".
			q.kind == ansKindNumber && flags&ansIsTitle != 0,
			q.kind == ansKindWhere && flags&ansIsTitle == 0:
			// A sentence that names no day at all is no answer to
			// "when", however many of the question's words it shares;
			// nor one that names no place to "where".
			sc /= ansKindBoost
		case len(q.agents) > 0 && ansNamesAgent(sent.text, q.agents) && ansNamesPerson(sent.text):
			// The agents by name ("mediators Mark Ghaly and …") answer who
			// they were; "a federal mediator" does not: twice the boost.
			sc *= ansKindBoost * ansKindBoost
		case len(q.agents) > 0:
			// "Who mediated?" is not answered by "a federal mediator":
			// a sentence naming nobody counts a third less.
			sc /= ansKindBoost
		}
		if q.raiseToo && q.fact != FactWon && sent.flags&ansHasPercent != 0 {
			// "Who mediated the TA and how big was the raise?": a
			// sentence that gives the raise too answers both.
			sc *= ansKindBoost
		}
		if q.away != 0 && m&q.away == 0 {
			// The question names other news ("the northern california
			// strike"); a sentence that, with its title, names none of it
			// is about this campaign's.
			sc /= ansKindBoost * ansKindBoost
		}
		if sent.flags&ansIsHeading != 0 {
			// "RESOLUTION OF THE CITY COUNCIL … IN SUPPORT OF …": a
			// heading in capitals names a document; the sentences under
			// it tell what happened. (A script written all in capitals
			// is its news.)
			sc /= ansKindBoost * ansKindBoost
		}
		if (q.fact == FactWon || q.fact == FactDemands) && sent.flags&ansWithheld != 0 {
			// "Kaiser confirmed the agreement but did not release terms"
			// tells that the terms are not known: no answer to what was
			// won while another sentence tells them.
			sc /= ansKindBoost * ansKindBoost
		}
		if pastEvent && ansAnnounces(sent.text) {
			// "Was there a vote?" is answered by the vote reported, not
			// by its announcement ("will be held this week").
			sc /= ansKindBoost * ansKindBoost
		}
		if sent.flags&ansIsTitle != 0 {
			sc *= ansTitleFactor
		}
		sc *= ansRecency(art.published, now)
		if sc < ansMinScore {
			continue
		}
		if f.noWithheld && sent.flags&ansWithheld != 0 || f.skip != nil && f.skip(sent.text) {
			continue
		}
		top.push(ansCandidate{id: id, score: sc, published: art.published, url: art.url})
	}
	return ix.readable(q, top.sorted())
}

// ansShouted reports whether a sentence of five words or more is written
// in capitals.
func ansShouted(text string) bool {
	upper, lower, words := 0, 0, 0
	inWord := false
	for _, r := range text {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
		if unicode.IsLetter(r) {
			if !inWord {
				words++
			}
			inWord = true
		} else {
			inWord = false
		}
	}
	return words >= 5 && upper > 0 && lower*10 < upper
}

// ansTermsWithheld reports whether a sentence tells a deal's terms were
// not made known (termsWithheldRE), the regular expression read only when
// one of its nouns is there.
func ansTermsWithheld(text string) bool {
	return (strings.Contains(text, "erms") || strings.Contains(text, "etails") || strings.Contains(text, "pecifics")) &&
		termsWithheldRE.MatchString(text)
}

// termsWithheldRE finds a sentence telling that a deal's terms were not
// made known: "did not release terms", "terms were not disclosed",
// "declined to detail the agreement".
var termsWithheldRE = regexp.MustCompile(`(?i)\b(?:did not|didn['’]t|has not|hasn['’]t|have not|haven['’]t|would not|wouldn['’]t|declined to|refused to|not yet)\s+(?:release|disclose|reveal|detail|publish|share|make public)\b[^.]{0,40}?\b(?:terms|details|specifics)\b|\b(?:terms|details)\s+(?:were|was|have|had|are|is)\s+not\s+(?:been\s+|yet\s+)?(?:released|disclosed|made public|announced)\b|\bundisclosed terms\b`)

// ansAnnouncing are the words of a sentence that tells an event to come
// ("will be held", "goes to a vote that closes Thursday", "is subject to
// a vote").
var ansAnnouncing = []string{" will ", " would ", " must still ", " subject to ", " expected to ", " set to ",
	" scheduled ", " plans to ", " planned ", " goes to ", " go to ", " upcoming ", " next week"}

// ansAnnounces reports whether a sentence tells an event to come.
func ansAnnounces(text string) bool {
	l := " " + strings.ToLower(text) + " "
	for _, w := range ansAnnouncing {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// ansYearGroups returns, for the content stems of a question, the year
// each names (0 for a word that is no year), or nil when none is one.
func ansYearGroups(content []string) []int {
	var years []int
	for g, c := range content {
		if !ansYear(c) {
			continue
		}
		if years == nil {
			years = make([]int, len(content))
		}
		years[g], _ = strconv.Atoi(c)
	}
	return years
}

// readable returns the candidates that can answer q, when there are
// any, else cands: for "where", the sentences that name a place; for
// "when" of an event, those that name a day. ix.mu is held.
func (ix *Index) readable(q *ansQuestion, cands []ansCandidate) []ansCandidate {
	keep := func(c ansCandidate) bool {
		f := ix.sents[c.id].flags
		switch {
		case q.kind == ansKindWhere:
			return f&ansHasPlace != 0
		case q.event != 0:
			// "When was the vote?": a sentence on the vote naming no
			// day ("subject to a ratification vote") is no answer.
			return f&(ansHasDate|ansHasWeekday) != 0
		}
		return true
	}
	n := 0
	for _, c := range cands {
		if keep(c) {
			n++
		}
	}
	if n == 0 {
		return cands
	}
	out := cands
	if n < len(cands) {
		out = make([]ansCandidate, 0, n)
		for _, c := range cands {
			if keep(c) {
				out = append(out, c)
			}
		}
	}
	if q.kind == ansKindWhere && slices.ContainsFunc(q.content, func(c string) bool { return ansEventStems[c] }) {
		// "Where did they hold their hunger strike?": the site the event
		// was held at before a region the strike covers.
		sites := out[:0:0]
		for _, c := range out {
			if ix.sents[c.id].flags&ansHasSite != 0 {
				sites = append(sites, c)
			}
		}
		if len(sites) > 0 {
			return sites
		}
	}
	return out
}

// newestLeads returns the first sentences of the newest core articles
// (published within ansNewestSpan of the newest), newest first, as
// candidates of equal score. ix.mu is held.
func (ix *Index) newestLeads() []ansCandidate {
	var best [ansMaxSupport * 2]int // positions in arts, newest first
	n := 0
	newer := func(i, j int) bool {
		pi, pj := ix.arts[i].published, ix.arts[j].published
		return pi.After(pj) || pi.Equal(pj) && ix.arts[i].url < ix.arts[j].url
	}
	for ai := range ix.arts {
		if ix.arts[ai].related {
			continue
		}
		if n == len(best) && !newer(ai, best[n-1]) {
			continue
		}
		k := min(n, len(best)-1)
		if n < len(best) {
			n++
		}
		for k > 0 && newer(ai, best[k-1]) {
			best[k] = best[k-1]
			k--
		}
		best[k] = ai
	}
	var out []ansCandidate
	for _, ai := range best[:n] {
		art := &ix.arts[ai]
		if ix.arts[best[0]].published.Sub(art.published) > ansNewestSpan {
			break // only what is as new as the newest tells where things stand
		}
		// The first sentence of the text, else the title.
		id := art.first
		end := uint32(len(ix.sents))
		if ai+1 < len(ix.arts) {
			end = ix.arts[ai+1].first
		}
		for k := id; k < end; k++ {
			if ix.sents[k].flags&ansIsTitle == 0 {
				id = k
				break
			}
		}
		out = append(out, ansCandidate{id: id, score: 1, published: art.published, url: art.url})
	}
	return out
}

// ansNewestSpan is how much older than the newest article an article's
// lead may be to tell where things stand.
const ansNewestSpan = 7 * 24 * time.Hour

// compose writes the answer: the status sentence lead when not nil, then
// the candidates' sentences, best first.
func (ix *Index) compose(q *ansQuestion, cands []ansCandidate, lead *ansLead) Answer {
	a := Answer{Found: true, Kind: q.fact, By: "extractive"}
	var b strings.Builder
	citedID := make(map[int64]int) // article ID → citation number
	usedArt := make(map[uint32]bool)
	var seen [][]string // indexed words of the sentences in the answer
	var toks []Token
	termsOf := func(text string) []string {
		toks = ix.tok.AppendTokens(toks[:0], text)
		terms, _ := ansTerms(toks)
		return terms
	}
	maxSents := ansMaxSentences
	if lead != nil {
		a.FromStatus = true
		maxSents = ansMaxSupport
		for k, part := range lead.parts {
			if k > 0 {
				b.WriteString("; ")
			}
			b.WriteString(part.text)
			b.WriteByte(' ')
			for _, src := range part.sources {
				num := 0
				if src.src.ArticleID != 0 {
					num = citedID[src.src.ArticleID]
				}
				if num == 0 {
					a.Citations = append(a.Citations, ix.statusCitation(src))
					num = len(a.Citations)
					if id := src.src.ArticleID; id != 0 {
						citedID[id] = num
						if ai, ok := ix.byID[id]; ok {
							usedArt[ai] = true
						}
					}
				}
				b.WriteString("[" + strconv.Itoa(num) + "]")
			}
			for _, src := range part.sources {
				if src.src.Sentence != "" {
					seen = append(seen, termsOf(src.src.Sentence))
				}
			}
		}
		if lead.tail != "" && len(lead.parts) > 0 {
			b.WriteString("; " + lead.tail)
		}
		b.WriteByte('.')
	}
	if len(cands) > 0 {
		best := cands[0].score
		added, repeats := 0, 0
		for _, c := range cands {
			if added == maxSents || c.score < ansMinShareOfBest*best {
				break
			}
			sent := &ix.sents[c.id]
			art := &ix.arts[sent.art]
			if usedArt[sent.art] || art.id != 0 && citedID[art.id] != 0 {
				continue
			}
			text := ansTrimListMark(trimDateline(strings.Join(strings.Fields(sent.text), " ")))
			if q.kind == ansKindWhen && sent.flags&ansHasWeekday != 0 {
				text = ansDateWeekday(text, art.dayOf(), ix.loc)
			}
			terms := termsOf(text)
			dup := false
			for _, other := range seen {
				if ansJaccard(terms, other) >= ansNearDuplicate {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			if lead != nil {
				if sent.flags&ansIsTitle != 0 {
					continue // a headline adds nothing to the status sentence
				}
				ok, rep := lead.check(text, inZone(art.published, ix.loc), toks)
				if !ok || rep && repeats >= ansMaxRestate || !rep && lead.mustRepeat {
					continue
				}
				if rep {
					repeats++
				}
			}
			seen = append(seen, terms)
			usedArt[sent.art] = true
			if art.id != 0 {
				citedID[art.id] = len(a.Citations) + 1
			}
			a.Citations = append(a.Citations, Citation{
				ArticleID: art.id, URL: art.url, Title: art.title, Source: art.source,
				Published: art.published, Sentence: text,
			})
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(text)
			b.WriteString(" [" + strconv.Itoa(len(a.Citations)) + "]")
			added++
		}
	}
	if len(a.Citations) == 0 {
		return ansNotFound(q.fact)
	}
	a.Text = b.String()
	return a
}

// statusCitation returns the citation of a status value's source. ix.mu
// is held.
func (ix *Index) statusCitation(s ansSrc) Citation {
	if s.pin {
		return Citation{Title: "Set by the strike captains: " + s.src.Value, Source: PinSource, Field: s.field}
	}
	c := Citation{
		ArticleID: s.src.ArticleID, URL: s.src.URL, Source: s.src.Source, Published: s.src.Published,
		Sentence: strings.Join(strings.Fields(s.src.Sentence), " "), Field: s.field,
	}
	if ai, ok := ix.byID[s.src.ArticleID]; ok {
		c.Title = ix.arts[ai].title
	}
	if c.Title == "" {
		c.Title = c.Source
	}
	return c
}

func ansNotFound(kind FactKind) Answer { return Answer{Text: NotFoundText, Kind: kind} }

// ansRecency returns the factor of an article published at p, asked at now.
func ansRecency(p, now time.Time) float64 {
	age := now.Sub(p)
	if age < 0 {
		age = 0
	}
	return 1 + ansRecencyBoost*math.Exp2(-float64(age)/float64(ansRecencyHalfLife))
}

// ansCandidate is a sentence that may answer.
type ansCandidate struct {
	id        uint32
	score     float64
	published time.Time
	url       string // the article's, so that ties do not depend on the order articles were added
}

// better orders candidates: higher score, then newer, then by the
// article's URL, then earlier in the article.
func (c ansCandidate) better(d ansCandidate) bool {
	if c.score != d.score {
		return c.score > d.score
	}
	if !c.published.Equal(d.published) {
		return c.published.After(d.published)
	}
	if c.url != d.url {
		return c.url < d.url
	}
	return c.id < d.id
}

// ansTop keeps the best ansTopCandidates candidates, best first.
type ansTop struct{ c []ansCandidate }

func (t *ansTop) push(c ansCandidate) {
	if len(t.c) == ansTopCandidates && !c.better(t.c[len(t.c)-1]) {
		return
	}
	i := len(t.c)
	if i < ansTopCandidates {
		t.c = append(t.c, c)
	} else {
		i--
	}
	for i > 0 && c.better(t.c[i-1]) {
		t.c[i] = t.c[i-1]
		i--
	}
	t.c[i] = c
}

func (t *ansTop) sorted() []ansCandidate { return t.c }

// ansKind is what a question asks for.
type ansKind uint8

const (
	ansKindOther  ansKind = iota
	ansKindWhen           // a date
	ansKindNumber         // how many, how much, how long
	ansKindWhy            // a reason
	ansKindWho
	ansKindWhere
)

// wants reports whether a sentence with flags has what the kind asks for.
func (k ansKind) wants(flags uint16) bool {
	switch k {
	case ansKindWhen:
		return flags&ansHasDate != 0
	case ansKindNumber:
		return flags&ansHasNumber != 0
	case ansKindWhy:
		return flags&ansHasReason != 0
	case ansKindWhere:
		return flags&ansHasPlace != 0
	}
	return false
}

// wants reports whether a sentence with flags has what q asks for: its
// kind's (see ansKind.wants), and for "how long" a span of time, for a
// raise a percentage.
func (q *ansQuestion) wants(flags uint16) bool {
	switch {
	case q.span:
		return flags&ansHasSpan != 0
	case q.percent:
		return flags&ansHasPercent != 0
	}
	return q.kind.wants(flags)
}

// ansQuestion is a parsed question.
type ansQuestion struct {
	kind    ansKind
	fact    FactKind
	stillOn bool // a FactOver question asks whether the strike is still on
	yesNo   bool // the question opens with an auxiliary: "did they win?"
	// span: "how long" asks for a length of time; percent: the question
	// asks for a raise, a percentage.
	span, percent bool
	// also are the kinds of the question's later clauses, each asking
	// for another fact: "how many struck and what union are they in?".
	also []FactKind
	// raiseToo: a later clause asks for the raise ("who mediated the TA
	// and how big was the raise?"), which a sentence answering the first
	// may give too.
	raiseToo bool
	words    []string  // every word, lower-cased
	stems    []string  // every word's stem, stop words kept
	content  []string  // distinct content stems, at most ansMaxQueryTerms
	terms    []ansTerm // content stems, then their synonyms
	// light marks the groups (bit 1<<group) of the campaign's own names
	// (see lightenOwn).
	light uint64
	// agents are the nouns for who did what a "who" question asks about
	// ("mediator", "negotiator"): a sentence naming them answers it.
	agents []string
	// cueBits are the match bits (see ansTerm.bit) of terms that are cues
	// too (see withCues).
	cueBits uint64
	// away are the match bits of the words that point to other news
	// (see pointsAway).
	away uint64
	// event are the match bits of the events a when-question names
	// ("when did mediation start?"): a sentence naming none of them
	// dates something else, however many of the other words it shares.
	event uint64
}

// ansEventStems are the stems of the events a when-question may name,
// and of those who lead them ("when did the mediator get involved?").
var ansEventStems = func() map[string]bool {
	m := make(map[string]bool)
	for w := range kwEvent {
		m[stemWord(w)] = true
	}
	for _, w := range []string{"mediator", "mediators", "mediated", "ratified", "voted", "rallied", "fasted", "negotiations"} {
		m[stemWord(w)] = true
	}
	return m
}()

// ansTerm is one searched stem: group is the position in content of
// the question's word it stands for, or ansCueGroup for a cue of the
// question's kind, which is searched but not required.
type ansTerm struct {
	stem    string
	group   int
	synonym bool
}

// bit is the bit a sentence's match mask holds when it matches t: the
// group's, from 32 on for a synonym.
func (t ansTerm) bit() uint64 {
	if t.synonym {
		return 1 << (32 + t.group)
	}
	return 1 << t.group
}

func (q *ansQuestion) groups() int { return len(q.content) }

// ansCueGroup is the group of cue terms: its bit is never counted as
// matching the question.
const ansCueGroup = 31

// ansCues are words that typically answer a kind of question: a reason
// for "why" (in labor news, mostly pay, pensions and staffing).
var ansCues = map[ansKind][]string{
	ansKindWhy: {"because", "demand", "want", "seek", "issue", "pay", "wage", "pension", "staffing", "workload", "benefit"},
}

// ansStopWords are words of questions that say nothing of the answer
// (on top of English stop words, and of the words of chat, ansChat, which
// a question loses before its words are read).
var ansStopWords = map[string]bool{
	"tell": true, "know": true, "anybody": true,
	"bot": true, "strikebot": true,
	"happening": true, "happens": true, "going": true, "get": true, "got": true, "us": true,
	// A day of the week is asked by when, not searched for; everyone
	// says nothing a sentence must share.
	"weekday": true, "everyone": true, "everybody": true,
	// "Names of the mediators" asks who they are.
	"names": true,
	// "Did the vote pass by a lot?": a lot is how much, no word a
	// sentence must share.
	"lot": true, "lots": true,
	// "Did they win anything?": whatever they won answers.
	"anything": true, "something": true, "nothing": true, "everything": true,
	// "Did any politicians get involved?": whoever took part is named
	// by what they did.
	"involved": true, "involvement": true,
}

// ansAsksMargin reports whether words ask by how much a vote passed:
// "by a lot", "by how much", "what margin", "was it close".
func ansAsksMargin(words []string) bool {
	if !ansNamesVote(words) {
		return false
	}
	for i, w := range words {
		switch w {
		case "margin", "landslide", "overwhelmingly", "unanimous", "unanimously", "close":
			return true
		case "by":
			if i+1 < len(words) && (words[i+1] == "a" || words[i+1] == "how") {
				return true // "by a lot", "by a wide margin", "by how much"
			}
		}
	}
	return false
}

// ansNamesVote reports whether words name a vote.
func ansNamesVote(words []string) bool {
	for _, w := range words {
		switch w {
		case "vote", "votes", "voted", "voting", "ratify", "ratified", "ratification", "ballot", "ballots":
			return true
		}
	}
	return false
}

// ansAfterHow are words that, after "how", make the question ask for a
// number and say nothing else.
var ansAfterHow = map[string]bool{
	"many": true, "much": true, "long": true, "big": true, "large": true, "often": true, "soon": true,
}

// unjoin writes apart the words a question runs together, as hashtags
// do ("#kaiserstrike", "#MentalHealthStrike" is left as it is when its
// parts are no words of the news): a word of eight letters or more that
// no sentence holds, whose two halves (at some split) both are, becomes
// them. A "#" is dropped. ix.mu is held.
func (ix *Index) unjoin(text string) string {
	if len(text) > ansMaxQuestionBytes || !strings.ContainsAny(text, "#") && !ansLongWordRE.MatchString(text) {
		return text
	}
	return ansLongWordRE.ReplaceAllStringFunc(text, func(w string) string {
		word := strings.TrimPrefix(w, "#")
		lower := strings.ToLower(word)
		if len(lower) < 8 || ix.bm.post[stemWord(lower)] != nil {
			return word
		}
		for i := 3; i+3 <= len(lower); i++ {
			if ix.bm.post[stemWord(lower[:i])] != nil && ix.bm.post[stemWord(lower[i:])] != nil {
				return lower[:i] + " " + lower[i:]
			}
		}
		return word
	})
}

// ansLongWordRE finds a word of letters, with a "#" before it or not.
var ansLongWordRE = regexp.MustCompile(`#?[A-Za-z]{8,}|#[A-Za-z]+`)

// parseQuestion splits a question into its kind and searched stems.
func (ix *Index) parseQuestion(text string) ansQuestion { return ix.parseQuestionSpelt(text, false) }

// parseQuestionSpelt is parseQuestion, reading each content word that no
// sentence holds as the near word one does when spell is set (see
// ansMisspelt).
func (ix *Index) parseQuestionSpelt(text string, spell bool) ansQuestion {
	if len(text) > ansMaxQuestionBytes {
		cut := ansMaxQuestionBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	text = ansFocus(text)
	if i := strings.Index(strings.ToLower(text), "huelga de hambre"); i >= 0 {
		// "¿cuántos días duró la huelga de hambre?": the hunger strike.
		text = text[:i] + "hunger strike" + text[i+len("huelga de hambre"):]
	}
	if strings.Contains(text, "#") {
		// "# of days out?": the sign is "number".
		text = strings.ReplaceAll(text, "# of", "number of")
	}
	if strings.Contains(text, "%") {
		// "only gave them 18%?": the sign is a word a rule can read.
		text = strings.ReplaceAll(text, "%", " percent")
	}
	toks := ansDropChat(ansGoInto(ansRewrite(text, ix.tok.Tokens(text), true)))
	var q ansQuestion
	q.stems = make([]string, len(toks))
	q.words = make([]string, len(toks))
	for i, t := range toks {
		q.stems[i] = t.Stem
		q.words[i] = t.Word
	}
	q.fact = factKind(q.words)
	if q.fact == FactWhere {
		// "Where did the strike take place?": the sentences that answer
		// name the places, not the words of asking where.
		toks = ansDropWhereFiller(toks)
		q.stems, q.words = q.stems[:0], q.words[:0]
		for _, t := range toks {
			q.stems = append(q.stems, t.Stem)
			q.words = append(q.words, t.Word)
		}
	}
	q.splitClauses()
	for i := 0; i+1 < len(q.words); i++ {
		if q.words[i] == "and" && ansClauseOpener[q.words[i+1]] && factKind(q.words[i+1:]) == FactWon {
			q.raiseToo = true
		}
	}
	if len(q.words) > 0 {
		switch q.words[0] {
		case "did", "do", "does", "was", "were", "is", "are", "has", "have", "will", "can":
			q.yesNo = true
		}
	}
	q.stillOn = q.fact == FactOver && asksStillOn(q.words)
	if ansAsksMargin(q.words) {
		// "Did the vote pass by a lot?": the margin, a share of the votes.
		q.kind, q.percent = ansKindNumber, true
	}
	for i, t := range toks {
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].Word
		}
		k := ansKindOther
		switch t.Word {
		case "when":
			if !ansWhenClause(q.words) {
				k = ansKindWhen
			}
		case "why":
			k = ansKindWhy
		case "who", "whom":
			k = ansKindWho
		case "names":
			if next == "of" || i > 0 && (toks[i-1].Word == "their" || toks[i-1].Word == "full") {
				k = ansKindWho // "names of the mediators", "what are their full names?"
			}
		case "where":
			k = ansKindWhere
		case "how":
			if ansAfterHow[next] {
				k = ansKindNumber
				q.span = next == "long"
			}
		case "headcount", "headcounts":
			k = ansKindNumber // "strikers headcount 4 the flyer?"
		case "first", "last":
			if next == "day" {
				k = ansKindWhen // "first day kaiser clinicians were seeing patients again"
			}
		case "date", "dates":
			k = ansKindWhen // "return-to-work date for the clinicians", "TA date?"
		case "what", "which":
			switch next {
			case "date", "day", "time", "month", "year", "weekday", "night", "evening", "morning", "weekend",
				"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
				k = ansKindWhen
			case "percent", "percentage", "number":
				k = ansKindNumber
			default:
				if kwPlace[next] {
					k = ansKindWhere
				}
			case "reason", "reasons":
				k = ansKindWhy
			}
		}
		if k != ansKindOther {
			q.kind = k
			break
		}
	}
	if q.kind == ansKindOther && (q.asksReturn() || ansNamesVote(q.words)) && ansNamesDay(q.words) {
		// "they went back on may 5 right": a day supposed for the return
		// is asked like "when", and the day they went back answers it.
		q.kind = ansKindWhen
	}
	if len(q.words) == 1 && kwActs[q.words[0]] && strings.HasSuffix(strings.TrimSuffix(q.words[0], "s"), "or") {
		// "mediators?" asks who they were.
		q.kind = ansKindWho
	}
	if q.kind == ansKindWho {
		// "Who mediated?" asks for the mediators: the agent nouns of the
		// question's verbs in the past tense.
		for i, w := range q.words {
			switch {
			case (w == "help" || w == "helped" || w == "helps") && i+1 < len(q.words) && kwActs[q.words[i+1]]:
				// "Who helped settle it?": the next verb says who.
			case w == "settle" || w == "settled" || w == "resolve" || w == "resolved" ||
				w == "broker" || w == "brokered" || w == "brokers":
				// Who settles or brokers a dispute but its parties is its
				// mediator.
				q.agents = append(q.agents, "mediator", "mediate")
			case w == "lead" || w == "leads" || w == "led" || w == "head" || w == "heads" || w == "headed" || w == "runs":
				// Who leads an organisation is its president or leader.
				q.agents = append(q.agents, "president", "leader", "director")
			case len(w) > 5 && strings.HasSuffix(w, "ed"):
				base := w[:len(w)-2]
				q.agents = append(q.agents, base+"or", base+"er", w[:len(w)-1]+"r")
				if kwActs[w] && w != "helped" {
					// The act's own verb too: "Ana Ruiz and Tom Becker will
					// mediate" names the mediators (not "served", "helped":
					// everyone does those).
					q.agents = append(q.agents, w[:len(w)-1])
				}
			case kwActs[w] && (strings.HasSuffix(w, "ors") || strings.HasSuffix(w, "or")):
				// "Who were the mediators?" names the agents itself.
				q.agents = append(q.agents, strings.TrimSuffix(w, "s"))
			}
		}
	}
	// "They went back to work in March, right?" supposes the return's
	// day, which may be wrong: the day they went back answers, not a
	// sentence naming March.
	supposedDay := (q.asksReturn() || ansNamesVote(q.words) && q.fact == FactNone) && ansNamesDay(q.words)
	for i, t := range toks {
		if english.IsStopWord(t.Word) || ansStopWords[t.Word] || ansLightVerbs[t.Word] {
			continue
		}
		if _, month := ansMonths[t.Word]; supposedDay && (month || ansNumeral(t.Word) && len(t.Word) <= 2) {
			continue
		}
		if (t.Word == "pass" || t.Word == "passed" || t.Word == "passes") && ansNamesVote(q.words) {
			// "Did the vote pass?" asks whether members ratified: the
			// vote's words answer it, not a sentence where time passes.
			continue
		}
		if i > 0 && toks[i-1].Word == "how" && ansAfterHow[t.Word] {
			continue
		}
		if i > 0 && (toks[i-1].Word == "which" || toks[i-1].Word == "what") && kwPlace[t.Word] {
			// "Which cities?" asks for places, by whatever name.
			continue
		}
		if spell && strings.Contains(text, t.Word) {
			// (A word typed with a capital, "Paris", is a name, not a
			// slip.)
			if fix, ok := ix.ansMisspelt(t.Word, t.Stem); ok {
				// "did the nuhw memebers vote": the word meant.
				t.Stem = fix
			}
		}
		dup := false
		for _, c := range q.content {
			if c == t.Stem {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		if len(q.content) == ansMaxQueryTerms {
			break
		}
		q.content = append(q.content, t.Stem)
	}
	if q.kind == ansKindOther {
		for _, c := range q.content {
			if c == "demand" || c == "want" || c == "reason" {
				q.kind = ansKindWhy
				break
			}
		}
	}
	for g, c := range q.content {
		q.terms = append(q.terms, ansTerm{stem: c, group: g})
		if q.kind == ansKindWhen && ansEventStems[c] {
			q.event |= 1<<g | 1<<(32+g)
		}
	}
	cues := ansCues[q.kind]
	if len(q.agents) > 0 {
		// "Who mediated?" is answered by a sentence naming the mediators,
		// whatever else it shares with the question.
		cues = q.agents
	}
	for _, w := range cues {
		st := stemWord(w)
		if !ansHas(q.content, st) && !slices.ContainsFunc(q.terms, func(t ansTerm) bool { return t.stem == st }) {
			q.terms = append(q.terms, ansTerm{stem: st, group: ansCueGroup})
		}
	}
	// "Strike pay" is the union's fund, as the news calls it ("strike
	// fund stipend", "strike benefits"), not the pay a raise raises.
	money := ""
	for i := 0; i+1 < len(q.words); i++ {
		if kwStrike[q.words[i]] && kwStrikeMoney[q.words[i+1]] {
			money = q.stems[i+1]
		}
	}
	for g, c := range q.content {
		syns := ix.syn[c]
		if c == money {
			syns = ansStrikeMoney
		}
	syn:
		for _, s := range syns {
			for _, t := range q.terms {
				if t.stem == s {
					continue syn
				}
			}
			q.terms = append(q.terms, ansTerm{stem: s, group: g, synonym: true})
		}
	}
	return q
}

// ansStrikeMoney are the stems the news uses for strike pay.
var ansStrikeMoney = []string{stemWord("fund"), stemWord("stipend"), stemWord("benefits"), stemWord("hardship")}

// matchFAQ returns the answer of the FAQ entry that best matches q, if
// one matches well enough.
//
// An entry matches when it asks the same kind of factual question
// (FactKind), its question word agrees (or one of the entry's keywords is
// in the question), and the F1 of the
// question's content words found among the entry's (its keywords count as
// its words) and the entry's question words found in the question reaches
// ansFAQMinMatch; a keyword found lowers the bar to half the question's words.
func (ix *Index) matchFAQ(q ansQuestion) (Answer, bool) {
	best, bestScore := -1, 0.0
	for i := range ix.faqs {
		e := &ix.faqs[i]
		kwHit := false
		var kwTerms []string
		for _, k := range e.keywords {
			if ansHasRun(q.stems, k) {
				kwHit = true
				kwTerms = append(kwTerms, k...)
			}
		}
		// The entry must answer the question asked: the same kind of
		// factual question, and the same question word unless one of its
		// keywords was asked for.
		// (Where the pickets are is asked as many ways as the entries
		// about them are found by keywords: "is there a picket map?"; its
		// kind decides nothing here.)
		if ansFAQKind(q.fact) != ansFAQKind(e.fact) || !kwHit && q.kind != e.kind {
			continue
		}
		if len(q.content) == 0 {
			continue
		}
		matched, own := 0, 0
		for _, c := range q.content {
			switch {
			case ansHas(e.terms, c):
				matched++
				own++
			case ansHas(kwTerms, c):
				matched++
			}
		}
		recall := float64(matched) / float64(len(q.content))
		var score float64
		if len(e.terms) > 0 {
			precision := float64(own) / float64(len(e.terms))
			if precision+recall > 0 {
				score = 2 * precision * recall / (precision + recall)
			}
		}
		if kwHit && recall >= 0.5 {
			score = max(score, ansFAQMinMatch+recall/10)
		}
		if score >= ansFAQMinMatch && score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return Answer{}, false
	}
	f := ix.faqs[best].faq
	return Answer{
		Text:      f.Answer,
		Citations: []Citation{{Title: f.Question, Source: FAQSource, Sentence: f.Answer}},
		FromFAQ:   true,
		Found:     true,
		Kind:      q.fact,
		By:        "faq",
	}, true
}

// citeFAQ adds to a, an FAQ entry's answer to a factual question, the
// sources of the status values its text states (the workers' count, the
// union, the employer, the offer, the start and end dates), one per
// value and no article twice, at most ansLeadCites, marked after its
// first sentence: a captain's answer that agrees with the news is as
// well sourced as the news. ix.mu is held.
func (ix *Index) citeFAQ(a *Answer, st *strike.Status) {
	text := a.Text
	var marks strings.Builder
	cited := make(map[int64]bool)
	for _, f := range []strike.StatusField{strike.FieldWorkers, strike.FieldEmployer, strike.FieldUnion,
		strike.FieldOffer, strike.FieldStarted, strike.FieldEnded} {
		if len(a.Citations) > ansLeadCites || !ansStates(text, st, f) {
			continue
		}
		for _, src := range st.Sources[f] {
			if src.ArticleID == 0 || cited[src.ArticleID] {
				continue
			}
			cited[src.ArticleID] = true
			a.Citations = append(a.Citations, ix.statusCitation(ansSrc{src: src, field: f}))
			marks.WriteString("[" + strconv.Itoa(len(a.Citations)) + "]")
			break
		}
	}
	if marks.Len() == 0 {
		return
	}
	end := len(text)
	if ss := Sentences(text); len(ss) > 0 {
		end = ss[0].End
	}
	a.Text = text[:end] + " " + marks.String() + text[end:]
}

// ansStates reports whether text states the status's value of field f.
func ansStates(text string, st *strike.Status, f strike.StatusField) bool {
	l := strings.ToLower(text)
	has := func(v string) bool { return v != "" && strings.Contains(l, strings.ToLower(v)) }
	switch f {
	case strike.FieldWorkers:
		if st.Workers <= 0 {
			return false
		}
		n := strconv.Itoa(st.Workers)
		for _, w := range NewTokenizer(TokenizerOptions{}).Words(text) {
			if strings.ReplaceAll(w, ",", "") == n {
				return true
			}
		}
	case strike.FieldUnion:
		return has(st.Union) || has("("+statusInitials(st.Union)+")")
	case strike.FieldEmployer:
		return has(st.Employer)
	case strike.FieldOffer:
		return has(st.Offer)
	case strike.FieldStarted, strike.FieldEnded:
		v := st.Started
		if f == strike.FieldEnded {
			v = st.Ended
		}
		d, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return false
		}
		return has(d.Format("2 January 2006")) || has(d.Format("January 2, 2006")) || has(d.Format("Jan. 2, 2006"))
	}
	return false
}

// ansFAQKind is the kind of factual question an FAQ entry is matched by.
func ansFAQKind(k FactKind) FactKind {
	if k == FactWhere {
		return FactNone
	}
	return k
}

func ansHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ansHasRun reports whether run occurs in words as consecutive words.
func ansHasRun(words, run []string) bool {
	if len(run) == 0 {
		return false
	}
outer:
	for i := 0; i+len(run) <= len(words); i++ {
		for j, r := range run {
			if words[i+j] != r {
				continue outer
			}
		}
		return true
	}
	return false
}

// ansTerms returns the stems of toks that are indexed (stop words
// left out) and the sentence's flags.
func ansTerms(toks []Token) ([]string, uint16) {
	terms := make([]string, 0, len(toks)/2+1)
	var flags uint16
	for i, t := range toks {
		w := t.Word
		next := ""
		if i+1 < len(toks) && !toks[i+1].Break {
			next = toks[i+1].Word
		}
		switch {
		case ansWeekdayWord(w), w == "today", w == "tonight", w == "yesterday",
			w == "this" && (next == "morning" || next == "afternoon" || next == "evening"):
			flags |= ansHasWeekday
		case ansDateWord(w, next):
			flags |= ansHasDate
			after := "" // the next word even past "Oct."'s full stop
			if i+1 < len(toks) {
				after = toks[i+1].Word
			}
			if _, month := ansMonths[w]; month && (after != "" && isDigit(rune(after[0])) && !ansYear(after) ||
				i > 0 && !t.Break && toks[i-1].Word != "" && isDigit(rune(toks[i-1].Word[0])) && len(toks[i-1].Word) <= 2) {
				flags |= ansHasDay // "March 10", "10 March"
			}
		case ansNumberWord(w):
			// "Ten weeks" is a length of time, no count: "how many struck?"
			// is not answered by "a ten-week strike".
			if kwPeriod[next] {
				flags |= ansHasSpan
			} else {
				flags |= ansHasNumber
			}
		}
		if ansReasonWords[w] || (w == "over" && i > 0 && ansNearStrike(toks[max(0, i-3):i])) {
			flags |= ansHasReason
		}
		if english.IsStopWord(w) || ansLightVerbs[w] {
			continue
		}
		terms = append(terms, t.Stem)
	}
	return terms, flags
}

// ansGoInto rewrites going into a stage of talks as its start: "when
// did the strike go into mediation?" asks when mediation started, which
// is how the news tells it ("mediation began March 10"), not when someone
// asked them "to go to mediation".
func ansGoInto(toks []Token) []Token {
	for i := 0; i+2 < len(toks); i++ {
		switch toks[i].Word {
		case "go", "goes", "went", "going", "gone", "enter", "entered", "enters", "entering", "move", "moved":
		default:
			continue
		}
		if toks[i+1].Word != "into" && toks[i+1].Word != "to" {
			continue
		}
		switch toks[i+2].Word {
		case "mediation", "arbitration":
			start := toks[i]
			start.Word, start.Stem = "start", stemWord("start")
			out := append(slices.Clip(toks[:i]), start) // "into" dropped
			return append(out, toks[i+2:]...)
		}
	}
	return toks
}

// ansDropWhereFiller returns toks without the words a where-question
// asks with and its answers do not hold: "take place", "happen",
// "located".
func ansDropWhereFiller(toks []Token) []Token {
	out := toks[:0:0]
	for i := 0; i < len(toks); i++ {
		switch toks[i].Word {
		case "take", "takes", "took", "taking", "taken":
			if i+1 < len(toks) && toks[i+1].Word == "place" {
				i++
				continue
			}
		case "happen", "happens", "happened", "happening", "located":
			continue
		}
		out = append(out, toks[i])
	}
	return out
}

// ansNamesPlace reports whether text names a place: a capitalised word,
// neither a month nor a weekday, right after "in", "at", "outside",
// "from", "across", "near" or "to" (not opening a clause). site reports
// whether one is a site an event was held at, after "outside", "near",
// "on", "across from" or "in front of" ("outside Kaiser's Los Angeles
// Medical Center", "on Sunset Boulevard"; not "at", which also names an
// employer: "therapists at Northvale").
func ansNamesPlace(text string, toks []Token) (place, site bool) {
	for i := 1; i < len(toks) && !(place && site); i++ {
		t := toks[i]
		if t.Break || t.Start >= len(text) || text[t.Start] < 'A' || text[t.Start] > 'Z' {
			continue
		}
		var isPlace, isSite bool
		switch w := toks[i-1].Word; w {
		case "in", "at", "from", "across", "to":
			isPlace = true
			isSite = w == "from" && i >= 2 && toks[i-2].Word == "across"
		case "outside", "near":
			isPlace, isSite = true, true
		case "on":
			isSite = true
		case "of":
			isSite = i >= 3 && toks[i-2].Word == "front" && toks[i-3].Word == "in"
		}
		if !isPlace && !isSite {
			continue
		}
		// (Nor a count or an hour in capitals: "AT SEVEN THIS MORNING".)
		if _, month := ansMonths[t.Word]; !month && !ansWeekdayWord(t.Word) && !ansNumberWord(t.Word) && !ansHistoryAfter(toks, i) {
			place = place || isPlace
			site = site || isSite
		}
	}
	return place, site
}

// ansStampWords are the words of a page's time stamp besides its date:
// "Updated Oct. 25, 2022 7:00 PM UTC".
var ansStampWords = map[string]bool{"am": true, "pm": true, "a.m": true, "p.m": true, "utc": true, "gmt": true,
	"pt": true, "pdt": true, "pst": true, "et": true, "edt": true, "est": true, "ct": true, "cdt": true, "cst": true,
	"updated": true, "published": true, "posted": true, "last": true, "modified": true, "at": true, "on": true}

// ansStampOnly reports whether toks are only a time stamp: a date, a
// time and their words. A page's stamp answers no question ("didn't they
// get 25%" is not answered by "Oct. 25, 2022 7:00 PM UTC").
func ansStampOnly(toks []Token) bool {
	// A short line with a clock time is a stamp, a byline before it
	// included: "By Priya Natarajan · Oct. 25, 2022 8:30 PM UTC".
	if len(toks) <= 12 {
		for i := 0; i+1 < len(toks); i++ {
			switch toks[i+1].Word {
			case "am", "pm", "a.m", "p.m", "utc", "gmt":
				if toks[i].Word != "" && strings.Trim(toks[i].Word, "0123456789:") == "" {
					return true // "8:30 PM", "7:00 UTC"
				}
			}
		}
	}
	for _, t := range toks {
		w := t.Word
		if _, month := ansMonths[w]; month || ansWeekdayWord(w) || ansStampWords[w] || strings.Trim(w, "0123456789:.") == "" {
			continue
		}
		return false
	}
	return len(toks) > 0
}

// ansHistoryAfter reports whether the place at toks[i] is a record's
// measure, not where something happened: "the longest strike in U.S.
// history".
func ansHistoryAfter(toks []Token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		if toks[k].Break {
			return false
		}
		if toks[k].Word == "history" {
			return true
		}
	}
	return false
}

// ansChat are the words of chat around a question that ask nothing:
// "wait so did the pension thing get fixed or nah", "they went back on
// may 5 right". A question's words must be found in the sentence that
// answers it, and these never are.
var ansChat = map[string]bool{
	"nah": true, "lol": true, "btw": true, "pls": true, "please": true, "exactly": true, "thing": true,
	"wait": true, "yeah": true, "hey": true, "hi": true, "anyone": true, "guys": true, "yall": true,
	"ok": true, "okay": true, "um": true, "uh": true, "actually": true, "basically": true, "tho": true,
	"honestly": true, "real": true, "quick": true, "question": true, "q": true,
}

// weekdayNearEvent reports whether the first weekday of text is told
// of an event q asks about: an event's word within six words of it, and
// nearer than any other act's ("went back to work Monday, four days
// after ratifying" dates the return, not the vote). ix.mu is held.
func (ix *Index) weekdayNearEvent(q *ansQuestion, text string) bool {
	m := ansWeekdayRE.FindStringIndex(text)
	if m == nil {
		return false
	}
	toks := ix.tok.Tokens(text)
	at := -1
	for i, t := range toks {
		if t.Start >= m[0] {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	asked, other := 99, 99
	for i, t := range toks {
		d := max(i-at, at-i)
		if d > 6 {
			continue
		}
		for g, c := range q.content {
			if q.event&(1<<g) != 0 && (t.Stem == c || ansEventKin(t.Stem, c)) {
				asked = min(asked, d)
			}
		}
		if ansOtherActs[t.Stem] && !slices.Contains(q.content, t.Stem) {
			other = min(other, d)
		}
	}
	return asked < other
}

// ansOtherActs are the stems of acts a weekday may date instead of the
// event asked about: going back, beginning, ending.
var ansOtherActs = map[string]bool{"back": true, "return": true, "resum": true, "began": true, "begin": true,
	"start": true, "end": true, "walk": true, "reach": true, "sign": true}

// ansEventKin reports whether stem names the same event as the
// question's stem c: a vote is told by ratifying, a ratification by a
// vote.
func ansEventKin(stem, c string) bool {
	vote := func(s string) bool {
		return s == "vote" || s == "ratifi" || s == "ratif" || s == "ballot" || s == "approv"
	}
	return vote(stem) && vote(c)
}

// ansNamesDay reports whether words name a day by its month and number
// ("may 5", "5 may").
func ansNamesDay(words []string) bool {
	for i, w := range words {
		if _, ok := ansMonths[w]; !ok {
			continue
		}
		if i+1 < len(words) && ansNumeral(words[i+1]) || i > 0 && ansNumeral(words[i-1]) {
			return true
		}
		if i > 0 && words[i-1] == "in" && w != "may" {
			// "they went back in march": a month supposed ("in may" may
			// be a verb's).
			return true
		}
	}
	return false
}

// ansOrdinalSuffix are the endings of a day written as an ordinal.
var ansOrdinalSuffix = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// ansDropChat returns toks without the words of chat (ansChat), and
// without a last "right" or "yes" that asks to be agreed with; a day
// written as an ordinal ("10th") is its number.
func ansDropChat(toks []Token) []Token {
	keep := toks[:0:0]
	for i, t := range toks {
		if ansChat[t.Word] || i == len(toks)-1 && (t.Word == "right" || t.Word == "yes" || t.Word == "correct") && i > 0 {
			continue
		}
		if n := len(t.Word); n > 2 && n <= 4 && isDigit(rune(t.Word[0])) && ansOrdinalSuffix[t.Word[n-2:]] && strings.Trim(t.Word[:n-2], "0123456789") == "" {
			// "March 10th" is "March 10" in the news.
			t.Word, t.Stem = t.Word[:n-2], t.Word[:n-2]
		}
		keep = append(keep, t)
	}
	if len(keep) == 0 {
		return toks
	}
	return keep
}

// ansLightVerbs are verbs that carry no meaning of their own in a
// question or a sentence ("went on strike", "did they get"): like stop
// words, they are not searched for.
var ansLightVerbs = map[string]bool{
	"go": true, "goes": true, "went": true, "gone": true, "going": true, "get": true, "gets": true,
	"got": true, "gotten": true, "make": true, "makes": true, "made": true, "take": true, "takes": true,
	"took": true, "taken": true,
}

// ansReasonWords are words that give a reason or a demand.
var ansReasonWords = map[string]bool{
	"because": true, "demand": true, "demands": true, "demanding": true, "demanded": true,
	"want": true, "wants": true, "wanted": true, "seek": true, "seeks": true, "seeking": true,
	"press": true, "pressing": true, "push": true, "pushing": true, "protest": true,
	"protesting": true, "reason": true, "reasons": true, "grievance": true, "grievances": true,
	"cause": true, "issue": true, "issues": true, "dispute": true,
}

// ansNearStrike reports whether toks hold a word of labor action, as in
// "a strike over pay".
func ansNearStrike(toks []Token) bool {
	for _, t := range toks {
		w := t.Word
		if strings.HasPrefix(w, "strik") || w == "struck" || strings.HasPrefix(w, "walkout") || strings.HasPrefix(w, "disput") {
			return true
		}
	}
	return false
}

// ansMonths maps month names to whether they are also common words
// ("may", "march"), which count as dates only before a day or a year.
var ansMonths = map[string]bool{
	"january": false, "february": false, "march": true, "april": false, "may": true,
	"june": false, "july": false, "august": false, "september": false,
	"october": false, "november": false, "december": false,
	"jan": true, "feb": false, "mar": true, "apr": false, "jun": true, "jul": true,
	"aug": false, "sep": true, "sept": false, "oct": false, "nov": false, "dec": true,
}

// ansDateWord reports whether the word w, followed by next, names a date:
// a month (an ambiguous one only before a number), a weekday, or a year
// from 1900 to 2099.
func ansDateWord(w, next string) bool {
	if ambiguous, ok := ansMonths[w]; ok {
		return !ambiguous || (next != "" && isDigit(rune(next[0])))
	}
	return ansWeekdayWord(w) || ansYear(w)
}

// ansWeekdayWord reports whether w names a day relative to the week or to
// the day written: a weekday, "today", "tomorrow".
func ansWeekdayWord(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow":
		return true
	}
	return false
}

func ansYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) &&
		isDigit(rune(w[2])) && isDigit(rune(w[3]))
}

// ansNumberWord reports whether w is a quantity: digits (not a year) or a
// word such as "thousand".
func ansNumberWord(w string) bool {
	if w == "" {
		return false
	}
	if isDigit(rune(w[0])) {
		return !ansYear(w)
	}
	switch w {
	case "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens", "percent",
		// Counts news spells out ("eight clinicians"); not "one", which
		// is as often a pronoun.
		"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety":
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

// ansHash hashes a sentence's indexed words.
func ansHash(terms []string) uint64 {
	h := fnv.New64a()
	for _, t := range terms {
		h.Write([]byte(t))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// ansJaccard returns the overlap of two word lists as sets.
func ansJaccard(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	union := 0
	for i, x := range a {
		if ansHas(a[:i], x) {
			continue
		}
		union++
		if ansHas(b, x) {
			inter++
		}
	}
	for i, x := range b {
		if ansHas(b[:i], x) || ansHas(a, x) {
			continue
		}
		union++
	}
	return float64(inter) / float64(union)
}

// ansHungerRE finds a hunger strike told by its name or its fast.
var ansHungerRE = regexp.MustCompile(`(?i)\bhunger\b|\bfast(?:s|ed|ing)?\b|\bhambre\b|\bayun`)

// ansAsks reports whether a sentence is a question: it ends with a
// question mark, before any closing quote or bracket.
func ansAsks(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), "\"'’”)]")
	return strings.HasSuffix(s, "?")
}

// ansItemHeadingRE finds the heading of a list's item: its number and up
// to three words ("1. Pay.", "3) Patient-care time:").
var ansItemHeadingRE = regexp.MustCompile(`^(?:\d{1,2}[.)]|\(\d{1,2}\))\s+[\p{Lu}][\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,2}[.:]$`)

var (
	// ansItemMarkRE finds what opens an item of a list or a live blog: a
	// bullet ("•", "-"), an item's number ("3.", "3)", "(3)", "#3") or an
	// entry's time ("9:10 a.m. —", "11:45 PM -"), before a capital letter,
	// a digit or a quote.
	ansItemMarkRE = regexp.MustCompile(`^(?:[-•*·–—]|\d{1,2}[.)]|\(\d{1,2}\)|#\d{1,2}[.:]?|\d{1,2}:\d\d\s*(?:[ap]\.m\.|[AaPp][Mm])?\s*[-–—:])\s+(["“'‘]?[\p{Lu}\d])`)
	// ansFigureRE finds a "by the numbers" item: a figure, a colon or a
	// dash, then what it counts ("8: Clinicians who held a hunger strike",
	// "2,400 — The number of therapists who walked out").
	ansFigureRE = regexp.MustCompile(`^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?%?)\s*(?::|\s[-–—])\s+(\p{Lu}[\p{L}'’-]*)`)
)

// ansTrimListMark removes what marks a sentence as an item of a list, a
// bulleted or numbered one or a live blog's timestamped entry, so that
// an answer does not start with "3)" or "9:10 a.m. —". A "by the numbers"
// item keeps its figure, which is what it says: before its noun when the
// item starts with one ("8 clinicians who held a hunger strike"), else
// after the item ("The number of therapists who walked out: 2,400.").
func ansTrimListMark(s string) string {
	if m := ansFigureRE.FindStringSubmatchIndex(s); m != nil {
		figure, word, rest := s[m[2]:m[3]], s[m[4]:m[5]], s[m[4]:]
		if len(word) > 3 && strings.HasSuffix(word, "s") && !strings.HasSuffix(word, "ss") && strings.ToUpper(word) != word {
			return figure + " " + strings.ToLower(word[:1]) + rest[1:]
		}
		end := strings.TrimRight(rest, ".")
		if end == rest {
			return rest + ": " + figure
		}
		return end + ": " + figure + "."
	}
	if m := ansItemMarkRE.FindStringSubmatchIndex(s); m != nil {
		return s[m[2]:]
	}
	return s
}

// ansWeekdayRE finds a day named by its weekday, with the part of the day
// that may follow it ("Thursday night").
var ansWeekdayRE = regexp.MustCompile(`(?i)\b(?:(?:next|last|this)\s+)?` + reWeekday + `\b(?:\s+(?:morning|afternoon|evening|night))?|\b(?:today|tonight|yesterday)\b|\bthis (?:morning|afternoon|evening)\b`)

// ansYearsAgoRE finds "a year ago" or "two years ago" ending the text
// before a day ("a year ago today").
var ansYearsAgoRE = regexp.MustCompile(`(?i)\b(a|one|two|three|four|five|\d)\s+years?\s+ago\s*$`)

// ansYearsAgo returns how many years before the day named after it the
// end of before says ("a year ago today": 1), or 0.
func ansYearsAgo(before string) int {
	m := ansYearsAgoRE.FindStringSubmatch(before)
	if m == nil {
		return 0
	}
	switch w := strings.ToLower(m[1]); w {
	case "a", "one":
		return 1
	case "two":
		return 2
	case "three":
		return 3
	case "four":
		return 4
	case "five":
		return 5
	default:
		n, _ := strconv.Atoi(w)
		return n
	}
}

// ansDatedRE finds a date written right after a weekday: ", May 12",
// " (Oct. 21)", " 12 May".
var ansDatedRE = regexp.MustCompile(`^[,\s(]*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*\d{0,2}|^[,\s(]*\d{1,2}/\d{1,2}`)

// ansToComeRE finds, before a weekday, words that put its day ahead: a
// plan or a possibility (hypoRE's words), or a verb in the present tense
// of a scheduled return, vote, start or close ("The clinicians go back to
// work on Monday", written on a Thursday, is the Monday to come; so is "a
// vote that closes Thursday" written on a Tuesday).
// ansBackToComeRE finds a return told with no verb, as a headline or a
// sign-off does, before its weekday: "Ratify Contract, Back to Work
// Monday", "See you Monday" (not "were back to work Monday", see
// ansPastRE).
var ansBackToComeRE = regexp.MustCompile(`(?:^|\b)(?:see you|back (?:to|at) (?:work|the (?:clinics?|offices?|job))|back on the job)\s*$`)

// ansPastRE finds a past tense before a return: "were back to work".
var ansPastRE = regexp.MustCompile(`\b(?:were|was|went|came|got|returned|had been)\b`)

var ansToComeRE = regexp.MustCompile(`\b(?:go|goes|return|returns|come|comes|head|heads|begin|begins|start|starts|resume|resumes|vote|votes|meet|meets|walk|walks|reopen|reopens|close|closes|end|ends|open|opens|run|runs|conclude|concludes|wrap|wraps)\b`)

// ansDateWeekday gives the first day a sentence names only by its weekday,
// or as today, tonight, this morning or yesterday (a broadcast
// transcript's "went back to their offices today"), its date, in brackets after it, resolved against the article's
// publication as ResolveDate does: "voted Thursday [8 May 2025]". A
// weekday after words of a plan or of a scheduled act in the present
// tense ("will vote Monday", "go back to work on Monday") is the one to
// come. The days are those of the zone loc, the campaign's; nil is UTC.
// A sentence published at an unknown time is left as it is.
func ansDateWeekday(text string, published time.Time, loc *time.Location) string {
	if published.IsZero() {
		return text
	}
	m := ansWeekdayRE.FindStringIndex(text)
	if m == nil {
		return text
	}
	phrase := text[m[0]:m[1]]
	if ansDatedRE.MatchString(text[m[1]:]) {
		return text // "Monday, May 12": the day is written out already
	}
	switch strings.ToLower(phrase) {
	case "this morning", "this afternoon", "this evening":
		phrase = "today" // "went back to work this morning": the day it was written
		fallthrough
	case "today", "tonight", "yesterday":
		// Stored times are UTC and the outlet's own offset is gone:
		// without the campaign's zone, in a UTC morning "today" on the
		// American west coast is still the day before. In the UTC
		// afternoon it is the same day from the Americas to Europe.
		if loc == nil && published.UTC().Hour() < 12 {
			return text
		}
	}
	published = inZone(published, loc)
	d, ok := ResolveDate(phrase, published)
	if n := ansYearsAgo(text[:m[0]]); n > 0 {
		// "A year ago today": the same day, years before.
		d = d.AddDate(-n, 0, 0)
	}
	if ansWeekdayWord(strings.ToLower(strings.Fields(phrase)[0])) {
		// No "next" or "last" of its own: the words before it decide.
		if pre := clauseBefore(lowerSameLen(text), m[0], 8); hypothetical(pre) || ansToComeRE.MatchString(pre) ||
			ansBackToComeRE.MatchString(pre) && !ansPastRE.MatchString(pre) {
			d, _, ok = resolveDate(phrase, published, dirFuture)
		}
	}
	if !ok {
		return text
	}
	return text[:m[1]] + " [" + d.Format("2 January 2006") + "]" + text[m[1]:]
}

// ansOwnWeight is what a word of the campaign's own names weighs in a
// search, as a share of another word's weight (see lightenOwn).
const ansOwnWeight = 0.25

// lightenOwn marks the question's words that name the campaign's employer
// or union ("Who mediated between Kaiser and the union?"), when it has
// other words: nearly every sentence of the coverage is about them, so
// they tell little of what is asked, and a sentence that names them
// should not outrank one that answers.
func (q *ansQuestion) lightenOwn(tok *Tokenizer, st *strike.Status) {
	if st == nil || st.Employer == "" && st.Union == "" {
		return
	}
	// "What did Kaiser say?" asks what the name's bearer said: the name
	// is what is asked.
	for _, w := range q.words {
		switch w {
		case "say", "says", "said", "statement", "respond", "responded", "response", "position", "stance":
			return
		}
	}
	var own []string
	for _, t := range tok.Tokens(st.Employer + " . " + st.Union) {
		own = append(own, t.Stem)
	}
	var light uint64
	for g, c := range q.content {
		if g < 32 && ansHas(own, c) {
			light |= 1 << g
		}
	}
	if light != 0 && bits.OnesCount64(light) < len(q.content) {
		q.light = light
	}
}

// lightenWhenClause marks the question's words of a clause that dates
// what is asked ("What raise had Kaiser offered when they gave notice of
// the strike?") as light as the campaign's names: the sentence that
// answers tells the raise, seldom the notice too.
func (q *ansQuestion) lightenWhenClause(tok *Tokenizer) {
	if !ansWhenClause(q.words) {
		return
	}
	i := slices.Index(q.words, "when")
	var clause []string
	for _, t := range tok.Tokens(strings.Join(q.words[i+1:], " ")) {
		clause = append(clause, t.Stem)
	}
	light := q.light
	for g, c := range q.content {
		if g < 32 && ansHas(clause, c) {
			light |= 1 << g
		}
	}
	if bits.OnesCount64(light) < len(q.content) {
		q.light = light
	}
}

// asksAcronym reports whether a short question asks what the union's
// acronym stands for: "what is NUHW?", "who's nuhw".
func (q *ansQuestion) asksAcronym(union string) bool {
	if union == "" || len(q.words) > 5 {
		return false
	}
	initials := strings.ToLower(statusInitials(union))
	if len(initials) < 3 {
		return false
	}
	asks, named := false, false
	for _, w := range q.words {
		switch w {
		case "what", "who", "whats", "whos", "stand", "stands", "mean", "means":
			asks = true
		case initials:
			named = true
		}
	}
	return asks && named
}

// ansNameRE finds a name, as two capitalised words after the first word
// of a sentence: "Mark Ghaly", "Mayor Darrell Steinberg".
var ansNameRE = regexp.MustCompile(`\S\s+\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.\s+)?\p{Lu}\p{Ll}+`)

// ansNamesPerson reports whether text names a person (see ansNameRE): two
// capitalised words, neither of which belongs to the name of an
// organisation, a place or a day ("the National Union of Healthcare
// Workers", "Southern California", "Kaiser Permanente").
func ansNamesPerson(text string) bool {
next:
	for _, m := range ansNameRE.FindAllStringIndex(text, -1) {
		_, name, _ := strings.Cut(text[m[0]:m[1]], " ")
		for w := range strings.FieldsSeq(name) {
			w = strings.ToLower(strings.TrimSuffix(w, "."))
			if ansNotNames[w] || ansMonths[w] || ansWeekdayWord(w) {
				continue next
			}
		}
		return true
	}
	return false
}

// ansNotNames are capitalised words of the names of organisations and
// places, never of a person's.
var ansNotNames = ansSet("union", "unions", "workers", "employees", "nurses", "association", "council", "federation",
	"department", "health", "healthcare", "permanente", "hospital", "hospitals", "medical", "center", "centre",
	"services", "service", "board", "committee", "university", "college", "institute", "company", "group",
	"league", "coalition", "alliance", "guild", "local", "national", "united", "international", "american",
	"foundation", "care", "clinic", "clinics", "plan", "state", "county", "city", "senate", "assembly",
	"news", "times", "post", "daily", "press", "radio", "california", "southern", "northern", "valley",
	"beach", "park", "street", "avenue", "los", "san", "santa", "new", "north", "south", "east", "west",
	"inland", "empire", "bay", "area", "day", "labor", "mental")

// ansNamesAgent reports whether text holds one of the agent nouns, alone
// or in the plural, at the start of a word.
func ansNamesAgent(text string, agents []string) bool {
	l := strings.ToLower(text)
	for _, a := range agents {
		for i := 0; ; {
			j := strings.Index(l[i:], a)
			if j < 0 {
				break
			}
			j += i
			if j == 0 || !isWordRune(rune(l[j-1])) {
				return true
			}
			i = j + len(a)
		}
	}
	return false
}
