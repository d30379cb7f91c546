package coverage

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/strikebot/strikebot/strike"
)

// ErrNothingToSummarize is returned by summarizers for a story whose
// articles have neither text nor title.
var ErrNothingToSummarize = errors.New("coverage: nothing to summarize")

// Summary is a story's headline and short summary.
type Summary struct {
	// Headline is one of the members' titles, or the model's headline.
	Headline string
	// Text is the summary: Sentences' texts joined by spaces.
	Text string
	// Sentences are the summary's sentences, each with the article it was
	// taken from (Extractive) or that it cites (LLM).
	Sentences []strike.SummarySentence
	// By names the summarizer that wrote the summary: "extractive" or
	// "llm".
	By string
	// Fallback, when not nil, says why a summarizer with a fallback (LLM)
	// did not write the summary itself; the summary is the fallback's. It
	// is safe to log: it holds no API key.
	Fallback error
}

// A Summarizer summarizes a story from its member articles. Implementations
// are safe for concurrent use.
type Summarizer interface {
	// Summarize returns the summary of story s, whose members are articles.
	Summarize(ctx context.Context, s strike.Story, articles []strike.Article) (Summary, error)
}

// Extractive summaries and their limits.
const (
	// DefaultSummaryWords is the word limit of a summary when none is set.
	DefaultSummaryWords = 60
	// sumMaxArticles and sumMaxSentences bound the work on big stories:
	// the newest articles and the first sentences of each are read.
	sumMaxArticles  = 30
	sumMaxSentences = 14
	// sumMinWords is the shortest sentence worth a place in a summary.
	sumMinWords = 6
	// sumSameSentence is the overlap (Jaccard of stems) above which two
	// sentences say the same thing: wire copies, light rewrites.
	sumSameSentence = 0.6
	// sumRedundant is the overlap above which two sentences are not both
	// put in a summary.
	sumRedundant = 0.45
	// sumCandidates is how many of the best sentences are combined into
	// summaries to find the best fitting two or three.
	sumCandidates = 12
	// sumSentenceCost is taken from each chosen sentence's score, so that
	// three sentences beat two only when the third is worth its words.
	sumSentenceCost = 0.6
)

// Extractive summarizes a story by choosing two or three of its members'
// sentences, at most MaxWords words in all. It is the default summarizer:
// it needs no network and gives the same summary for the same articles,
// whatever their order.
//
// Sentences are scored by how central they are to the story (TF-IDF cosine
// similarity to the story's other sentences), how near the top of their
// article they stand, how new their article is, and whether they carry
// numbers; near-identical sentences of wire copies count once, cited from
// the earliest copy. The best scoring set of two or three sentences that
// fits in MaxWords and does not repeat itself is chosen, with a bonus for
// each key number it keeps (a number several members or a title give,
// such as 2,400 workers or 196 days). The summary leads with the sentence
// that says what is new (the top of the newest article), then follows
// story order. The headline is the member title most like the other titles
// and the summary.
//
// The zero value is ready to use. An Extractive is safe for concurrent use.
type Extractive struct {
	// MaxWords bounds the summary's words; 0 means DefaultSummaryWords.
	MaxWords int
}

// sumSentence is one candidate sentence of a story.
type sumSentence struct {
	text    string   // as written, dateline removed
	article int      // index of its (earliest) article in the members
	newest  int      // index of the newest article that has it
	pos     int      // its position in its article, 0 for the lead
	words   int      // words in text
	stems   []string // distinct content stems, sorted
	tf      map[string]float64
	nums    []string // numbers it states
	support int      // articles that have it
	quote   bool     // starts with a quotation
	score   float64
	newness float64
}

// Summarize returns the extractive summary of story s, whose members are
// articles. It fails only with ErrNothingToSummarize and when ctx is done.
func (e Extractive) Summarize(ctx context.Context, s strike.Story, articles []strike.Article) (Summary, error) {
	if err := ctx.Err(); err != nil {
		return Summary{}, err
	}
	maxWords := e.MaxWords
	if maxWords <= 0 {
		maxWords = DefaultSummaryWords
	}
	members := sumMembers(articles)
	if len(members) == 0 {
		return Summary{}, ErrNothingToSummarize
	}
	tok := NewTokenizer(TokenizerOptions{Stem: true, DropStopWords: true, CacheWords: 4096})
	sents := sumCollect(tok, members, maxWords)
	keyNums := sumKeyNumbers(tok, members)
	sumScore(sents, len(members), keyNums)
	chosen := sumChoose(sents, maxWords, keyNums)

	sum := Summary{By: "extractive"}
	for _, c := range chosen {
		sum.Sentences = append(sum.Sentences, strike.SummarySentence{Text: c.text, ArticleID: members[c.article].ID})
	}
	sum.Text = sumJoin(sum.Sentences)
	sum.Headline = sumHeadline(tok, members, sum.Text)
	if sum.Headline == "" {
		sum.Headline = s.Title
	}
	if sum.Headline == "" && sum.Text == "" {
		return Summary{}, ErrNothingToSummarize
	}
	return sum, nil
}

// sumMembers returns the articles with a title or text, oldest first (ties
// by ID, then title), at most sumMaxArticles of the newest.
func sumMembers(articles []strike.Article) []*strike.Article {
	var out []*strike.Article
	for i := range articles {
		a := &articles[i]
		if strings.TrimSpace(a.Title) != "" || strings.TrimSpace(a.Text) != "" || strings.TrimSpace(a.Summary) != "" {
			out = append(out, a)
		}
	}
	slices.SortStableFunc(out, func(a, b *strike.Article) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		if a.ID != b.ID {
			if a.ID < b.ID {
				return -1
			}
			return 1
		}
		if c := strings.Compare(a.Title, b.Title); c != 0 {
			return c
		}
		return strings.Compare(a.Text, b.Text)
	})
	if len(out) > sumMaxArticles {
		out = out[len(out)-sumMaxArticles:]
	}
	return out
}

// sumBody returns the fullest text of a.
func sumBody(a *strike.Article) string {
	if strings.TrimSpace(a.Text) != "" {
		return a.Text
	}
	return a.Summary
}

// sumJoin joins the sentences' texts with spaces.
func sumJoin(ss []strike.SummarySentence) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.Text
	}
	return strings.Join(parts, " ")
}

// sumCollect returns the usable sentences of the members, near-identical
// ones merged.
func sumCollect(tok *Tokenizer, members []*strike.Article, maxWords int) []*sumSentence {
	var out []*sumSentence
	var toks []Token
	for ai, a := range members {
		body := sumBody(a)
		for pos, s := range Sentences(body) {
			if pos >= sumMaxSentences {
				break
			}
			text := trimDateline(s.Text)
			words := len(strings.Fields(text))
			if words < sumMinWords || words > maxWords*3/4 || !sumEndsWell(text) || !sumQuotesBalanced(text) {
				continue
			}
			toks = tok.AppendTokens(toks[:0], text)
			c := &sumSentence{text: text, article: ai, newest: ai, pos: pos, words: words, support: 1, tf: make(map[string]float64, len(toks))}
			c.quote = sumStartsWithQuote(text)
			for _, t := range toks {
				c.tf[t.Stem]++
				if sumIsNumber(t.Word) && !slices.Contains(c.nums, t.Word) {
					c.nums = append(c.nums, t.Word)
				}
			}
			for st := range c.tf {
				c.stems = append(c.stems, st)
			}
			slices.Sort(c.stems)
			if len(c.stems) < 3 {
				continue
			}
			if same := sumFindSame(out, c); same != nil {
				// A copy: count it, remember the newest article, keep the
				// earlier position.
				if same.newest != ai {
					same.support++
					same.newest = ai
				}
				same.pos = min(same.pos, pos)
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

// sumFindSame returns the sentence of sents from another article that says
// what c says, or nil.
func sumFindSame(sents []*sumSentence, c *sumSentence) *sumSentence {
	for _, s := range sents {
		if s.article != c.article && s.newest != c.article && sumJaccard(s.stems, c.stems) >= sumSameSentence {
			return s
		}
	}
	return nil
}

// sumKeyNumbers returns the numbers that matter in a story: those in a
// member's title, and those two or more members state.
func sumKeyNumbers(tok *Tokenizer, members []*strike.Article) []string {
	count := make(map[string]int)
	var order []string
	for _, a := range members {
		seen := make(map[string]bool)
		for _, t := range tok.Tokens(a.Title + "\n\n" + sumBody(a)) {
			if sumIsNumber(t.Word) && !seen[t.Word] {
				seen[t.Word] = true
				if count[t.Word] == 0 {
					order = append(order, t.Word)
				}
				count[t.Word]++
			}
		}
		for _, t := range tok.Tokens(a.Title) {
			if sumIsNumber(t.Word) {
				count[t.Word] += len(members) + 1 // a title's number is key
			}
		}
	}
	var keys []string
	for _, n := range order {
		if count[n] >= 2 && !sumIsYear(n) {
			keys = append(keys, n)
		}
	}
	return keys
}

// sumScore scores every sentence.
func sumScore(sents []*sumSentence, members int, keyNums []string) {
	if len(sents) == 0 {
		return
	}
	// IDF over the story's sentences.
	df := make(map[string]int)
	for _, s := range sents {
		for _, st := range s.stems {
			df[st]++
		}
	}
	n := float64(len(sents))
	norms := make([]float64, len(sents))
	vecs := make([]map[string]float64, len(sents))
	for i, s := range sents {
		v := make(map[string]float64, len(s.tf))
		var sq float64
		for st, f := range s.tf {
			w := (1 + math.Log(f)) * math.Log(1+n/float64(df[st]))
			v[st] = w
			sq += w * w
		}
		vecs[i], norms[i] = v, math.Sqrt(sq)
	}
	// Degree centrality, each neighbour weighted by how many articles
	// carry it.
	central := make([]float64, len(sents))
	maxCentral := 0.0
	for i := range sents {
		for j := i + 1; j < len(sents); j++ {
			sim := sumCosine(vecs[i], vecs[j], sents[i].stems, norms[i], norms[j])
			central[i] += sim * float64(sents[j].support)
			central[j] += sim * float64(sents[i].support)
		}
	}
	for i := range central {
		maxCentral = max(maxCentral, central[i])
	}
	for i, s := range sents {
		c := 0.0
		if maxCentral > 0 {
			// Short sentences of common words are not central, only
			// vague: "Kaiser has not published the terms."
			c = central[i] / maxCentral * min(1, float64(s.words)/12)
		}
		lead := 1 / float64(1+s.pos)
		recency := 1.0
		if members > 1 {
			recency = float64(s.newest) / float64(members-1)
		}
		support := float64(s.support-1) / float64(max(1, members-1))
		s.score = 1.0*c + 0.8*lead + 0.3*recency + 0.2*support
		if len(s.nums) > 0 {
			s.score += 0.15
		}
		for _, k := range keyNums {
			if slices.Contains(s.nums, k) {
				s.score += 0.1
			}
		}
		if s.quote {
			s.score -= 0.5
		}
		s.newness = 2*lead + recency
	}
}

// sumChoose returns the best two or three sentences that fit in maxWords,
// the newest first and then in story order.
func sumChoose(sents []*sumSentence, maxWords int, keyNums []string) []*sumSentence {
	if len(sents) == 0 {
		return nil
	}
	cands := slices.Clone(sents)
	slices.SortStableFunc(cands, func(a, b *sumSentence) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return 0
	})
	if len(cands) > sumCandidates {
		cands = cands[:sumCandidates]
	}
	var best []*sumSentence
	bestValue := math.Inf(-1)
	consider := func(set []*sumSentence) {
		words := 0
		value := 0.0
		for i, s := range set {
			words += s.words
			value += s.score - sumSentenceCost
			for _, t := range set[:i] {
				if sumOverlap(s, t) >= sumRedundant {
					return
				}
			}
		}
		if words > maxWords {
			return
		}
		covered := 0
		for _, k := range keyNums {
			for _, s := range set {
				if slices.Contains(s.nums, k) {
					covered++
					break
				}
			}
		}
		value += 0.4 * float64(covered)
		if value > bestValue {
			bestValue, best = value, slices.Clone(set)
		}
	}
	for i := range cands {
		for j := i + 1; j < len(cands); j++ {
			consider([]*sumSentence{cands[i], cands[j]})
			for k := j + 1; k < len(cands); k++ {
				consider([]*sumSentence{cands[i], cands[j], cands[k]})
			}
		}
	}
	if best == nil || bestValue < cands[0].score-sumSentenceCost {
		best = nil
		// Fewer than two sentences fit: the best one that does.
		for _, c := range cands {
			if c.words <= maxWords {
				best = []*sumSentence{c}
				break
			}
		}
	}
	if len(best) == 0 {
		return nil
	}
	// The newest first, then story order.
	lead := 0
	for i, s := range best {
		if s.newness > best[lead].newness || s.newness == best[lead].newness && sumStoryOrder(s, best[lead]) < 0 {
			lead = i
		}
	}
	best[0], best[lead] = best[lead], best[0]
	slices.SortStableFunc(best[1:], sumStoryOrder)
	return best
}

// sumOverlap measures how much two sentences say the same: the Jaccard
// similarity of their stems, plus 0.1 for each number both state.
func sumOverlap(a, b *sumSentence) float64 {
	o := sumJaccard(a.stems, b.stems)
	for _, n := range a.nums {
		if slices.Contains(b.nums, n) {
			o += 0.1
		}
	}
	return o
}

// sumStoryOrder orders sentences by article, then position.
func sumStoryOrder(a, b *sumSentence) int {
	if a.article != b.article {
		return a.article - b.article
	}
	return a.pos - b.pos
}

// sumHeadline returns the member title most like the others and the
// summary, preferring newer and shorter ones and news to explainers.
func sumHeadline(tok *Tokenizer, members []*strike.Article, summary string) string {
	type title struct {
		text  string
		stems []string
		at    int
	}
	var titles []title
	for i, a := range members {
		t := strings.TrimSpace(a.Title)
		if t == "" {
			continue
		}
		titles = append(titles, title{text: t, stems: sumStemSet(tok, t), at: i})
	}
	if len(titles) == 0 {
		return ""
	}
	sumStems := sumStemSet(tok, summary)
	best, bestScore := -1, math.Inf(-1)
	for i, t := range titles {
		score := 0.0
		for j, u := range titles {
			if i != j && u.text != t.text {
				score += sumJaccard(t.stems, u.stems)
			}
		}
		if len(titles) > 1 {
			score /= float64(len(titles) - 1)
		}
		score += sumJaccard(t.stems, sumStems)
		if len(members) > 1 {
			score += 0.1 * float64(t.at) / float64(len(members)-1)
		}
		if sumExplainer(t.text) {
			score -= 0.15
		}
		if n := utf8.RuneCountInString(t.text); n > 90 {
			score -= float64(n-90) / 100
		}
		if score > bestScore || score == bestScore && len(t.text) < len(titles[best].text) {
			best, bestScore = i, score
		}
	}
	return titles[best].text
}

// sumExplainer reports whether a title announces an explainer rather than
// news: a question, or "What …", "Why …", "How …".
func sumExplainer(title string) bool {
	first, _, _ := strings.Cut(title, " ")
	switch strings.ToLower(first) {
	case "what", "why", "how", "who", "when", "where", "explainer:":
		return true
	}
	return strings.HasSuffix(title, "?")
}

// sumStemSet returns the distinct content stems of text, sorted.
func sumStemSet(tok *Tokenizer, text string) []string {
	var out []string
	for _, t := range tok.Tokens(text) {
		out = append(out, t.Stem)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sumJaccard returns the Jaccard similarity of two sorted sets.
func sumJaccard(a, b []string) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c == 0:
			inter++
			i++
			j++
		case c < 0:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// sumCosine returns the cosine similarity of two TF-IDF vectors; keys are
// a's stems.
func sumCosine(a, b map[string]float64, keys []string, na, nb float64) float64 {
	if na == 0 || nb == 0 {
		return 0
	}
	dot := 0.0
	for _, k := range keys {
		if w, ok := b[k]; ok {
			dot += a[k] * w
		}
	}
	return dot / (na * nb)
}

// sumIsNumber reports whether a word is a number ("2,400", "196", "18").
func sumIsNumber(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// sumIsYear reports whether a number is a year from 1900 to 2099.
func sumIsYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20"))
}

// sumEndsWell reports whether a sentence ends as a sentence should: with a
// full stop, question or exclamation mark, possibly inside quotes.
func sumEndsWell(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return r == '"' || r == '\'' || r == '”' || r == '’' || r == ')'
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?'
}

// sumQuotesBalanced reports whether every quotation s opens it closes: a
// sentence cut from the middle of a quotation is not.
func sumQuotesBalanced(s string) bool {
	straight, open := 0, 0
	for _, r := range s {
		switch r {
		case '"':
			straight++
		case '“':
			open++
		case '”':
			open--
		}
	}
	return straight%2 == 0 && open == 0
}

// sumStartsWithQuote reports whether s opens with a quotation mark.
func sumStartsWithQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '"' || r == '“' || r == '\''
}
