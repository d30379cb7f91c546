package coverage

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Token is one word of a text, as a Tokenizer returns it.
type Token struct {
	// Word is the word lower-cased, with a curly apostrophe made straight
	// and a trailing possessive "'s" removed ("Kaiser's" is "kaiser").
	Word string
	// Stem is Word's English Snowball stem ("strikes" and "striking" are
	// "strike") when the Tokenizer stems, else Word. Numbers and stop words
	// are their own stems.
	Stem string
	// Start and End are the byte offsets of the word in the text, so that
	// text[Start:End] is the word as written (possessive included).
	Start, End int
	// Break reports that a clause or paragraph boundary lies between the
	// previous token and this one: one of ! ? ; : or a blank line, or a
	// period that ends a sentence (followed by a space, a closing quote or
	// the end, after a word longer than one letter: "J. Kaiser", "U.S." and
	// "KP.2" do not break). The first token never has Break set. The
	// relevance scorer never matches a phrase across a break.
	Break bool
	// Possessive reports that the word was written with a possessive
	// "'s" ("Kaiser's"): a name of several words never has one inside,
	// so "Kaiser's chief executive" is no "Kaiser Chiefs".
	Possessive bool
}

// TokenizerOptions configure NewTokenizer. The zero value lower-cases and
// splits words without stemming and keeps stop words.
type TokenizerOptions struct {
	// Stem sets each Token's Stem to the word's English Snowball stem.
	Stem bool
	// DropStopWords leaves English stop words ("the", "of", "out", …) out
	// of the result. Phrase matching needs them, so the relevance scorer
	// keeps them.
	DropStopWords bool
	// CacheWords bounds the memo of stems the Tokenizer keeps, in distinct
	// words; 0 means 65,536. Stemming a word costs about a microsecond,
	// a memo hit a few nanoseconds. When the memo is full it is emptied
	// and refilled.
	CacheWords int
}

// Tokenizer splits text into lower-cased words. A word is a run of Unicode
// letters, digits and combining marks; an apostrophe between letters stays
// in the word ("don't"), and so do a comma or a period between digits
// ("2,400", "3.5"). Everything else, hyphens and slashes included, separates
// words, so "picket-line" is the two words "picket line".
//
// The zero value is ready to use: it neither stems nor drops stop words.
// A Tokenizer is safe for concurrent use.
type Tokenizer struct {
	opts  TokenizerOptions
	cache *memo[struct{}] // nil when not stemming
}

// NewTokenizer returns a Tokenizer with the given options.
func NewTokenizer(o TokenizerOptions) *Tokenizer {
	t := &Tokenizer{opts: o}
	if o.Stem {
		t.cache = newMemo[struct{}](o.CacheWords, nil)
	}
	return t
}

// Tokens returns the words of text in order.
func (t *Tokenizer) Tokens(text string) []Token {
	return t.AppendTokens(nil, text)
}

// Words returns the stems (or, without stemming, the lower-cased words) of
// text in order: the form to compare, count or index.
func (t *Tokenizer) Words(text string) []string {
	toks := t.Tokens(text)
	out := make([]string, len(toks))
	for i, tok := range toks {
		out[i] = tok.Stem
	}
	return out
}

// AppendTokens appends the words of text to dst and returns the extended
// slice. Reusing dst across calls saves allocations.
func (t *Tokenizer) AppendTokens(dst []Token, text string) []Token {
	first := len(dst)
	// A word already in lower case (most are) is a piece of text itself;
	// the others, lower-cased, live in one string: lower.String() aliases
	// the builder's buffer and stays valid (and unchanged) as the builder
	// grows.
	var lower strings.Builder

	brk := false   // a boundary seen since the previous word
	newlines := 0  // newlines seen since the previous word
	prevRunes := 0 // length in runes of the previous word
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			switch r {
			case '!', '?', ';', ':':
				brk = true
			case '.':
				// A full stop ends a sentence; "J. Kaiser", "U.S." and
				// "KP.2" do not.
				if prevRunes > 1 && endsSentence(text[i+1:]) {
					brk = true
				}
			case '\n':
				newlines++
				if newlines >= 2 {
					brk = true
				}
			}
			i += size
			continue
		}
		start := i
		end, runes := scanWord(text, i)
		i = end
		wordEnd := end
		// Drop a possessive 's (straight or curly apostrophe).
		poss := false
		if n := possessive(text[start:end]); n > 0 {
			wordEnd, poss = end-n, true
		}
		word := text[start:wordEnd]
		if !isLowerASCII(word) {
			if lower.Cap() == 0 {
				lower.Grow(max(64, (len(text)-start)/4))
			}
			off := lower.Len()
			appendLower(&lower, word)
			word = lower.String()[off:]
		}
		newlines, prevRunes = 0, runes
		if t.opts.DropStopWords && english.IsStopWord(word) {
			continue // a boundary before a dropped word carries over
		}
		dst = append(dst, Token{Word: word, Stem: word, Start: start, End: end, Break: brk && len(dst) > first, Possessive: poss})
		brk = false
	}
	if t.opts.Stem && t.cache != nil {
		t.cache.fill(dst[first:], nil)
	} else if t.opts.Stem {
		for i := first; i < len(dst); i++ {
			dst[i].Stem = stemWord(dst[i].Word)
		}
	}
	return dst
}

// endsSentence reports whether a period followed by rest can end a
// sentence: it is followed by the end, a space or a closing quote or bracket.
func endsSentence(rest string) bool {
	if rest == "" {
		return true
	}
	switch rest[0] {
	case ' ', '\t', '\n', '\r', '"', '\'', ')', ']':
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return r == '”' || r == '’' || unicode.IsSpace(r)
}

// isWordRune reports whether r belongs to a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWord(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// scanWord returns the end of the word starting at i and its length in runes.
func scanWord(text string, i int) (end, runes int) {
	var prev rune
	for i < len(text) {
		// Fast path: a run of ASCII letters and digits.
		start := i
		for i < len(text) && isASCIIWord(text[i]) {
			i++
		}
		if i > start {
			runes += i - start
			prev = rune(text[i-1])
			continue
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				prev = r
				i += size
				runes++
				continue
			}
		}
		// A joiner stays only between two word runes of the right kind.
		joins := false
		var next rune
		nsize := 0
		switch {
		case r == '\'' || r == '’':
			next, nsize = utf8.DecodeRuneInString(text[i+size:])
			joins = unicode.IsLetter(prev) && unicode.IsLetter(next)
		case r == '.' || r == ',':
			next, nsize = utf8.DecodeRuneInString(text[i+size:])
			joins = isDigit(prev) && isDigit(next)
		}
		if !joins {
			break
		}
		prev = next
		i += size + nsize
		runes += 2
	}
	return i, runes
}

// isASCIIWord reports whether the ASCII byte c is a letter or a digit.
func isASCIIWord(c byte) bool { return (c|0x20)-'a' < 26 || c-'0' < 10 }

func isDigit(r rune) bool { return '0' <= r && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r) }

// possessive returns the length in bytes of a trailing "'s" of word, or 0.
func possessive(word string) int {
	if c := word[len(word)-1]; c != 's' && c != 'S' {
		return 0
	}
	for _, suffix := range [...]string{"'s", "'S", "’s", "’S"} {
		if len(word) > len(suffix) && strings.HasSuffix(word, suffix) {
			return len(suffix)
		}
	}
	return 0
}

// isLowerASCII reports whether w is ASCII without capitals: appendLower
// would write it as it is.
func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// appendLower writes w lower-cased, with curly apostrophes made straight.
func appendLower(b *strings.Builder, w string) {
	if isLowerASCII(w) {
		b.WriteString(w)
		return
	}
	var small [64]byte
	out := small[:0]
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		if r == '’' {
			out = append(out, '\'')
			continue
		}
		out = utf8.AppendRune(out, unicode.ToLower(r))
	}
	b.Write(out)
}

// stemWord returns the English Snowball stem of a lower-cased word.
// Numbers are left alone.
func stemWord(w string) string {
	if w == "" || isDigit(rune(w[0])) {
		return w
	}
	s := english.Stem(w, false)
	if s == w {
		return w
	}
	return s
}

// memo remembers the stem of each lower-cased word it has seen, with a
// value derived from the stem (struct{} when the caller needs none). The
// lookups for one text share a read lock. It holds at most max words and
// empties itself when full.
type memo[V any] struct {
	mu     sync.RWMutex
	m      map[string]memoEntry[V]
	max    int
	derive func(stem string) V // nil: the zero V
}

type memoEntry[V any] struct {
	stem string
	val  V
}

func newMemo[V any](max int, derive func(stem string) V) *memo[V] {
	if max <= 0 {
		max = 1 << 16
	}
	return &memo[V]{m: make(map[string]memoEntry[V]), max: max, derive: derive}
}

// fill sets the Stem of every token and, when vals is not nil (it must then
// be as long as toks), the derived value of each.
func (c *memo[V]) fill(toks []Token, vals []V) {
	var missing []int
	c.mu.RLock()
	for i := range toks {
		e, ok := c.m[toks[i].Word]
		if !ok {
			missing = append(missing, i)
			continue
		}
		toks[i].Stem = e.stem
		if vals != nil {
			vals[i] = e.val
		}
	}
	c.mu.RUnlock()
	if len(missing) == 0 {
		return
	}
	entries := make([]memoEntry[V], len(missing))
	for k, i := range missing {
		e := &entries[k]
		e.stem = stemWord(toks[i].Word)
		if c.derive != nil {
			e.val = c.derive(e.stem)
		}
		toks[i].Stem = e.stem
		if vals != nil {
			vals[i] = e.val
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, i := range missing {
		w := toks[i].Word
		if _, ok := c.m[w]; ok {
			continue
		}
		if len(c.m) >= c.max {
			clear(c.m)
		}
		// The key must not pin the whole text's lower-cased copy.
		key := strings.Clone(w)
		e := entries[k]
		if e.stem == w {
			e.stem = key
		}
		c.m[key] = e
	}
}

// asciiOnly reports whether s is all ASCII.
func asciiOnly(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
