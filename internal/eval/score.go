package eval

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/strike"
)

// Figures are the measures of issue 7 for one corpus.
type Figures struct {
	Corpus string
	// Docs is the corpus size; Stored how many of its docs were stored as
	// articles; Unmatched how many stored articles match no doc; Stories
	// how many stories `stories` lists.
	Docs, Stored, Unmatched, Stories int
	// CopiesTogether of CopyPairs labeled copies share their original's
	// story; copies of news labeled none are together when neither is
	// posted.
	CopiesTogether, CopyPairs int
	// Grouping counts pairs of articles labeled core or related with a
	// story: a pair is positive when both carry the same label, predicted
	// positive when both got the same story.
	Grouping Counts
	// Relevance is strike news (core or related) against the rest; Core
	// this campaign against the rest.
	Relevance, Core Counts
	// Facts counts, per field (phase, workers, union), the (doc, field)
	// pairs of articles labeled core or related where the label or the
	// prediction is set (Scored) and where they agree (Right).
	Facts map[string]Tally
	// Status holds the five status fields compared with the truth.
	Status []FieldResult
	// Asks holds one result per question of the truth.
	Asks []AskResult
	// FactMisses lists the scored facts that were wrong, in corpus order.
	FactMisses []FactMiss
	// TierMisses lists the docs whose tier was wrong, as "ID: want TIER,
	// got TIER", in corpus order.
	TierMisses []string
	// Split lists, per story label whose articles went to more than one
	// story (or to none), where each went; Merged, per story that holds
	// more than one label, the labels it holds. Both in corpus order.
	Split, Merged []string
}

// FactMiss is one fact of one doc that was wrong.
type FactMiss struct {
	Doc, Field, Want, Got string
}

// Counts are the outcomes of a binary decision.
type Counts struct{ TP, FP, FN, TN int }

// Precision is TP / (TP + FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN), 0 when nothing is positive.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of Precision and Recall.
func (c Counts) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func (c *Counts) add(truth, predicted bool) {
	switch {
	case truth && predicted:
		c.TP++
	case predicted:
		c.FP++
	case truth:
		c.FN++
	default:
		c.TN++
	}
}

// Tally is right out of scored.
type Tally struct{ Right, Scored int }

// Ratio is Right / Scored, 1 when nothing was scored.
func (t Tally) Ratio() float64 {
	if t.Scored == 0 {
		return 1
	}
	return ratio(t.Right, t.Scored)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// FactsTally sums Facts over the fields.
func (f Figures) FactsTally() Tally {
	var t Tally
	for _, v := range f.Facts {
		t.Right += v.Right
		t.Scored += v.Scored
	}
	return t
}

// CopyRatio is the share of copy pairs in one story.
func (f Figures) CopyRatio() float64 { return ratio(f.CopiesTogether, f.CopyPairs) }

// StatusRight counts the status fields right.
func (f Figures) StatusRight() int {
	n := 0
	for _, r := range f.Status {
		if r.OK {
			n++
		}
	}
	return n
}

// AsksRight counts the questions answered right.
func (f Figures) AsksRight() int {
	n := 0
	for _, a := range f.Asks {
		if a.OK {
			n++
		}
	}
	return n
}

// FieldResult is one status field.
type FieldResult struct {
	Field, Want, Got string
	OK               bool
}

// AskResult is one question's answer.
type AskResult struct {
	Question, FirstSentence string
	Cited, Stated, OK       bool
}

// The fact fields scored per article.
var factFields = []string{"phase", "workers", "union"}

// announced reports whether the article stored for doc id got a tier
// that is posted.
func announced(arts map[string]ArticleJSON, id string) bool {
	a, ok := arts[id]
	return ok && a.Relevance.Tier.Announceable()
}

// Score compares what the command line printed about c with c's labels and
// truth.
func Score(c Corpus, out Output) (Figures, error) {
	if len(c.Docs) == 0 {
		return Figures{}, errNoDocs
	}
	arts, unmatched, err := byDoc(c, out.Articles)
	if err != nil {
		return Figures{}, err
	}
	f := Figures{Corpus: c.Name, Docs: len(c.Docs), Stored: len(arts), Unmatched: unmatched,
		Stories: len(out.Stories), Facts: map[string]Tally{}}
	storyOf := func(id string) (int64, bool) {
		a, ok := arts[id]
		if !ok || a.StoryID == nil {
			return 0, false
		}
		return *a.StoryID, true
	}
	var grouped []demo.Doc
	for _, d := range c.Docs {
		a, stored := arts[d.ID]
		tier := strike.TierNone
		if stored {
			tier = a.Relevance.Tier
		}
		f.Relevance.add(d.Tier != strike.TierNone, tier.Announceable())
		f.Core.add(d.Tier == strike.TierCore, tier == strike.TierCore)
		if tier != d.Tier {
			f.TierMisses = append(f.TierMisses, fmt.Sprintf("%s: want %s, got %s", d.ID, d.Tier, tier))
		}
		if d.CopyOf != "" {
			f.CopyPairs++
			s1, ok1 := storyOf(d.ID)
			s2, ok2 := storyOf(d.CopyOf)
			if ok1 && ok2 && s1 == s2 || d.Tier == strike.TierNone && !ok1 && !ok2 && !announced(arts, d.ID) && !announced(arts, d.CopyOf) {
				// (Copies of news that is not the strike's, a look-alike
				// re-run, are together when neither is posted: no story
				// at all is no story twice.)
				f.CopiesTogether++
			}
		}
		if d.Tier == strike.TierNone {
			continue
		}
		if d.Story != "" {
			grouped = append(grouped, d)
		}
		for _, field := range factFields {
			want, got := factValue(d.Facts, field), factValue(a.Facts, field)
			if want == "" && got == "" {
				continue
			}
			t := f.Facts[field]
			t.Scored++
			if sameFact(field, want, got) {
				t.Right++
			} else {
				f.FactMisses = append(f.FactMisses, FactMiss{Doc: d.ID, Field: field, Want: want, Got: got})
			}
			f.Facts[field] = t
		}
	}
	for i, a := range grouped {
		for _, b := range grouped[i+1:] {
			sa, oka := storyOf(a.ID)
			sb, okb := storyOf(b.ID)
			f.Grouping.add(a.Story == b.Story, oka && okb && sa == sb)
		}
	}
	f.Split, f.Merged = groupingMisses(grouped, storyOf)
	f.Status = scoreStatus(c.Truth, out.Status)
	if len(out.Answers) != len(c.Truth.Questions) {
		return Figures{}, fmt.Errorf("eval: %s: %d answers for %d questions", c.Name, len(out.Answers), len(c.Truth.Questions))
	}
	for i, q := range c.Truth.Questions {
		f.Asks = append(f.Asks, scoreAnswer(q, out.Answers[i]))
	}
	return f, nil
}

// groupingMisses describes how the stories differ from the labels: the
// labels split over several stories and the stories that merge labels.
// Stories are named by their first doc in corpus order ("#3" is the story
// of the third doc that has one), not by ID: IDs depend on the order the
// feeds were read in.
func groupingMisses(docs []demo.Doc, storyOf func(string) (int64, bool)) (split, merged []string) {
	name := map[int64]string{}
	var stories []int64
	for i, d := range docs {
		if s, ok := storyOf(d.ID); ok {
			if _, seen := name[s]; !seen {
				name[s] = "#" + strconv.Itoa(i+1)
				stories = append(stories, s)
			}
		}
	}
	where := func(d demo.Doc) string {
		if s, ok := storyOf(d.ID); ok {
			return name[s]
		}
		return "none"
	}
	var labels []string
	byLabel := map[string][]demo.Doc{}
	for _, d := range docs {
		if _, ok := byLabel[d.Story]; !ok {
			labels = append(labels, d.Story)
		}
		byLabel[d.Story] = append(byLabel[d.Story], d)
	}
	group := func(ds []demo.Doc, key func(demo.Doc) string) string {
		var keys []string
		ids := map[string][]string{}
		for _, d := range ds {
			k := key(d)
			if _, ok := ids[k]; !ok {
				keys = append(keys, k)
			}
			ids[k] = append(ids[k], d.ID)
		}
		if len(keys) < 2 {
			return ""
		}
		var b strings.Builder
		for _, k := range keys {
			fmt.Fprintf(&b, " %s %v", k, ids[k])
		}
		return b.String()
	}
	for _, l := range labels {
		ds := byLabel[l]
		g := group(ds, where)
		if g == "" && (len(ds) < 2 || where(ds[0]) != "none") {
			continue
		}
		if g == "" {
			g = fmt.Sprintf(" none %d docs", len(ds))
		}
		split = append(split, l+":"+g)
	}
	for _, s := range stories {
		var ds []demo.Doc
		for _, d := range docs {
			if st, ok := storyOf(d.ID); ok && st == s {
				ds = append(ds, d)
			}
		}
		if g := group(ds, func(d demo.Doc) string { return d.Story }); g != "" {
			merged = append(merged, "story "+name[s]+":"+g)
		}
	}
	return split, merged
}

func factValue(f strike.Facts, field string) string {
	switch field {
	case "phase":
		return f.Phase
	case "workers":
		if f.Workers == 0 {
			return ""
		}
		return strconv.Itoa(f.Workers)
	case "union":
		return f.Union
	}
	return ""
}

func sameFact(field, want, got string) bool {
	if want == "" || got == "" {
		return false
	}
	if field == "union" {
		return SameUnion(want, got)
	}
	return want == got
}

func scoreStatus(t Truth, s strike.Status) []FieldResult {
	workers := ""
	if s.Workers != 0 {
		workers = strconv.Itoa(s.Workers)
	}
	ended := s.Ended
	if s.DurationDays != 0 {
		ended = strings.TrimSpace(fmt.Sprintf("%s (%d days)", s.Ended, s.DurationDays))
	}
	// The end is right when the status gives an end date or a length, and
	// every one it gives is right.
	endOK := (s.Ended != "" || s.DurationDays != 0) &&
		(s.Ended == "" || slices.Contains(t.Ended, s.Ended)) &&
		(s.DurationDays == 0 || t.DurationDays == 0 || s.DurationDays == t.DurationDays) &&
		(s.DurationDays != 0 || len(t.Ended) > 0)
	wantEnded := strings.Join(t.Ended, " or ")
	if t.DurationDays != 0 {
		wantEnded = strings.TrimSpace(fmt.Sprintf("%s (%d days)", wantEnded, t.DurationDays))
	}
	return []FieldResult{
		{"phase", t.Phase, s.Phase, s.Phase == t.Phase},
		{"workers", strconv.Itoa(t.Workers), workers, s.Workers == t.Workers},
		{"union", t.Union, s.Union, s.Union != "" && SameUnion(s.Union, t.Union)},
		{"started", t.Started, s.Started, s.Started == t.Started},
		{"ended", wantEnded, ended, endOK},
	}
}

var citeMark = regexp.MustCompile(`\[(\d+)\]`)

func scoreAnswer(q Question, a AnswerJSON) AskResult {
	r := AskResult{Question: q.Text, FirstSentence: FirstSentence(a.Answer)}
	r.Stated = a.Found && q.Matches(r.FirstSentence)
	for _, m := range citeMark.FindAllStringSubmatch(r.FirstSentence, -1) {
		n, _ := strconv.Atoi(m[1])
		if n >= 1 && n <= len(a.Citations) && a.Citations[n-1].ArticleID != 0 {
			r.Cited = true
		}
	}
	r.OK = r.Stated && r.Cited
	return r
}

// FirstSentence returns the first sentence of an answer: the first line's
// first sentence, with the citation marks ("[1][2]") that follow it.
func FirstSentence(answer string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(answer), "\n")
	s := demo.Doc{Body: line}.FirstSentence()
	rest := line[len(s):]
	marks := regexp.MustCompile(`^\s*(\[\d+\]\s*)+`).FindString(rest)
	return strings.TrimSpace(s + marks)
}

// SameUnion reports whether two names denote one union, an acronym being
// equal to its full name: "NUHW" and "National Union of Healthcare
// Workers (NUHW)", "UNAC/UHCP" and "United Nurses Associations of
// California/Union of Health Care Professionals".
func SameUnion(a, b string) bool {
	na, nb := unionKey(a), unionKey(b)
	return na != "" && na == nb
}

// unionKey reduces a union's name to its lower-case acronym, part by part
// around "/".
func unionKey(name string) string {
	if i := strings.IndexByte(name, '('); i > 0 {
		name = name[:i]
	}
	var parts []string
	for part := range strings.SplitSeq(name, "/") {
		words := strings.FieldsFunc(part, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(words) == 1 && strings.ToUpper(words[0]) == words[0] {
			parts = append(parts, strings.ToLower(words[0]))
			continue
		}
		var b strings.Builder
		for _, w := range words {
			switch strings.ToLower(w) {
			case "of", "and", "the", "for", "in":
				continue
			}
			r := []rune(w)
			b.WriteRune(unicode.ToLower(r[0]))
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, "/")
}
