package coverage

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// Supporters type questions on a phone, in a hurry, and some in Spanish:
// "whats the raise", "r they still out", "wen did it start", "¿cuándo
// empezó la huelga?". Before a question's kind and words are read, the
// words of chat shorthand are written out and the Spanish words that
// carry a question's meaning are glossed in English, so that the same
// rules read them. The answer is the same as to the English question.

// ansShorthand maps a word as typed (lower-cased, apostrophe dropped) to
// the words it stands for.
var ansShorthand = map[string][]string{
	// Contractions typed without their apostrophe.
	"whats": {"what", "is"}, "whens": {"when", "is"}, "wheres": {"where", "is"}, "whos": {"who", "is"},
	"hows": {"how", "is"}, "whys": {"why", "is"}, "whatre": {"what", "are"}, "whore": {"who", "are"},
	"isnt": {"is", "not"}, "arent": {"are", "not"}, "didnt": {"did", "not"}, "dont": {"do", "not"},
	"doesnt": {"does", "not"}, "wasnt": {"was", "not"}, "werent": {"were", "not"}, "hasnt": {"has", "not"},
	"havent": {"have", "not"}, "wont": {"will", "not"}, "theyre": {"they", "are"}, "im": {"i", "am"},
	// Chat spellings.
	"r": {"are"}, "u": {"you"}, "ur": {"your"}, "ppl": {"people"}, "bc": {"because"}, "cuz": {"because"},
	"rn": {"right", "now"}, "atm": {"now"}, "pls": {"please"}, "plz": {"please"}, "abt": {"about"}, "wat": {"what"}, "wut": {"what"},
	// Common slips of the keyboard on a question's own words.
	"wen": {"when"}, "whn": {"when"}, "wich": {"which"}, "whcih": {"which"}, "wihch": {"which"}, "whne": {"when"},
	"actualy": {"actually"}, "acutally": {"actually"}, "actully": {"actually"}, "teh": {"the"}, "hte": {"the"}, "waht": {"what"}, "hwo": {"how"},
	"strik": {"strike"}, "srike": {"strike"}, "strke": {"strike"}, "sitll": {"still"},
	"stil": {"still"}, "uniom": {"union"}, "unoin": {"union"}, "stike": {"strike"}, "strkie": {"strike"},
	"striek": {"strike"}, "stirke": {"strike"}, "stikers": {"strikers"}, "strkers": {"strikers"},
	// British spellings, read as the American ones the rules know.
	"labour": {"labor"}, "organised": {"organized"}, "organise": {"organize"}, "organising": {"organizing"},
	"organisers": {"organizers"}, "authorised": {"authorized"}, "programme": {"program"},
	// "tldr" (and "tl;dr", see ansRewrite): where things stand.
	"tldr": {"summary"},
	// Words typed without their vowels.
	"hw": {"how"}, "lng": {"long"}, "bck": {"back"}, "wrk": {"work"}, "wrkrs": {"workers"}, "wkrs": {"workers"},
	"wk": {"week"}, "wks": {"weeks"}, "yr": {"year"}, "yrs": {"years"}, "mnth": {"month"}, "mnths": {"months"},
	"thru": {"through"}, "tmrw": {"tomorrow"}, "tdy": {"today"}, "nxt": {"next"}, "strt": {"start"},
	// Regions as chat names them.
	"norcal": {"northern", "california"}, "socal": {"southern", "california"},
	// Abbreviations of the dispute's own words: a tentative agreement,
	// appointments, the employer.
	"ta": {"tentative", "agreement"}, "appt": {"appointment"}, "appts": {"appointments"}, "kp": {"kaiser"},
	// Places as chat names them: the Inland Empire.
	"ie": {"inland", "empire"},
}

// ansShort returns the words a word typed as shorthand stands for; a
// negated contraction typed with its apostrophe ("didn't") as without.
func ansShort(w string) ([]string, bool) {
	if strings.HasSuffix(w, "n't") {
		w = strings.Replace(w, "'", "", 1)
	}
	reps, ok := ansShorthand[w]
	return reps, ok
}

// ansSpeaksFor reports whether toks[i] is a verb of speaking followed by
// "for": "spoke for", "speaks for".
func ansSpeaksFor(toks []Token, i int) bool {
	switch toks[i].Word {
	case "speak", "speaks", "spoke", "speaking", "talks", "talked", "talking":
		return i+1 < len(toks) && toks[i+1].Word == "for"
	}
	return false
}

// ansPairs maps two words typed together to the words they stand for:
// "tl;dr" (which the tokenizer splits) asks where things stand, "how
// come" asks why, "end up with twenty percent" is getting it.
var ansPairs = map[[2]string][]string{
	{"tl", "dr"}: {"summary"}, {"how", "come"}: {"why"},
	{"end", "up"}: {"got"}, {"ended", "up"}: {"got"}, {"ending", "up"}: {"got"},
	{"so", "cal"}: {"southern", "california"}, {"nor", "cal"}: {"northern", "california"},
	// "Called off" is an end; "called them out on strike" is none.
	{"called", "off"}: {"ended"}, {"call", "off"}: {"end"}, {"calls", "off"}: {"ends"}, {"calling", "off"}: {"ending"},
}

// ansPair returns the words toks[i] and the next stand for together.
func ansPair(toks []Token, i int) ([]string, bool) {
	if i+1 >= len(toks) {
		return nil, false
	}
	reps, ok := ansPairs[[2]string{toks[i].Word, toks[i+1].Word}]
	return reps, ok
}

// ansSpanish glosses the Spanish words of supporters' questions; words
// glossed by nothing (articles, prepositions) are dropped, so that they
// are not searched for.
var ansSpanish = map[string][]string{
	"cuándo": {"when"}, "cuando": {"when"}, "dónde": {"where"}, "donde": {"where"},
	"quién": {"who"}, "quien": {"who"}, "quiénes": {"who"}, "quienes": {"who"},
	"qué": {"what"}, "cuál": {"which"}, "cual": {"which"}, "cuáles": {"which"}, "cuales": {"which"},
	"cuántos": {"how", "many"}, "cuantos": {"how", "many"}, "cuántas": {"how", "many"}, "cuantas": {"how", "many"},
	"cuánto": {"how", "much"}, "cuanto": {"how", "much"}, "porqué": {"why"}, "porque": {"because"},
	"empezó": {"began"}, "empezo": {"began"}, "comenzó": {"began"}, "comenzo": {"began"}, "inició": {"began"},
	"empezaron": {"began"}, "comenzaron": {"began"}, "empieza": {"begins"}, "comienza": {"begins"},
	"terminó": {"ended"}, "termino": {"ended"}, "acabó": {"ended"}, "acabo": {"ended"}, "terminado": {"ended"},
	"terminada": {"ended"}, "acabada": {"ended"}, "acabado": {"ended"}, "termina": {"ends"},
	"sigue": {"still", "on"}, "siguen": {"still", "on"}, "continúa": {"still", "on"}, "continua": {"still", "on"},
	"todavía": {"still"}, "todavia": {"still"}, "aún": {"still"},
	"duró": {"lasted"}, "duro": {"lasted"}, "dura": {"lasts"}, "durado": {"lasted"},
	"huelga": {"strike"}, "huelgas": {"strike"}, "paro": {"strike"}, "huelguistas": {"strikers"},
	"piquete": {"picket"}, "piquetes": {"pickets"},
	"trabajadores": {"workers"}, "trabajadoras": {"workers"}, "terapeutas": {"therapists"},
	"sindicato": {"union"}, "empresa": {"employer"}, "patrón": {"employer"},
	"acuerdo": {"agreement"}, "contrato": {"contract"}, "oferta": {"offer"}, "ofreció": {"offered"},
	"ofrecio": {"offered"}, "ofrecieron": {"offered"}, "ofrece": {"offers"},
	"aumento": {"raise"}, "salario": {"pay"}, "sueldo": {"pay"}, "ganaron": {"won"}, "consiguieron": {"won"},
	"regresaron": {"returned"}, "volvieron": {"returned"}, "regresan": {"return"}, "vuelven": {"return"},
	"trabajo": {"work"}, "días": {"days"}, "dias": {"days"}, "semanas": {"weeks"}, "meses": {"months"},
	"hicieron": nil, "hizo": nil, "hacen": nil, "ratificó": {"ratified"},
	"mediador": {"mediator"}, "mediadores": {"mediators"}, "piden": {"want"}, "quieren": {"want"},
	"demandas": {"demands"}, "votaron": {"voted"}, "votación": {"vote"}, "ratificaron": {"ratified"},
	"votó": {"voted"}, "voto": {"vote"}, "aprobar": {"approve"}, "aprobaron": {"approved"}, "día": {"day"}, "dia": {"day"},
	"llama": {"name"}, "nombre": {"name"}, "como": nil, "cómo": {"how"},
	"pasa": {"happening"}, "pasando": {"happening"}, "está": {"is"}, "están": {"are"}, "estan": {"are"},
	"estaba": {"was"}, "estaban": {"were"}, "ahora": {"now"}, "hoy": {"today"},
	"es": {"is"}, "son": {"are"}, "fue": {"was"}, "hay": {"is", "there"}, "ya": {"yet"},
	"la": nil, "el": nil, "los": nil, "las": nil, "de": nil, "del": nil, "en": nil, "un": nil, "una": nil,
	"se": nil, "por": nil, "para": nil, "con": nil, "al": nil, "lo": nil, "le": nil, "les": nil,
}

// ansSpanishQuestion reports whether toks read as a Spanish question: two
// of its words are Spanish words glossed above that English does not use
// ("la", "huelga"), or it opens with "¿".
func ansSpanishQuestion(text string, toks []Token) bool {
	if strings.HasPrefix(strings.TrimSpace(text), "¿") {
		return true
	}
	n := 0
	for _, t := range toks {
		if _, ok := ansSpanish[t.Word]; ok && !ansEnglishToo[t.Word] {
			n++
		}
	}
	return n >= 2
}

// ansEnglishToo are the glossed Spanish words that English writes too.
var ansEnglishToo = map[string]bool{"son": true, "la": true, "el": true, "es": true, "dura": true, "paro": true, "patrón": true, "al": true, "le": true, "les": true, "de": true, "en": true, "con": true, "ya": true}

// ansRewrite returns toks with shorthand written out and, for a Spanish
// question, Spanish words glossed. stem says whether Stem holds stems.
// The new tokens keep the offsets of the word they replace.
func ansRewrite(text string, toks []Token, stem bool) []Token {
	spanish := ansSpanishQuestion(text, toks)
	changed := false
	for i, t := range toks {
		_, pair := ansPair(toks, i)
		if _, ok := ansShort(t.Word); ok || pair || ansSpeaksFor(toks, i) {
			changed = true
			break
		}
	}
	if !changed && !spanish {
		return toks
	}
	out := make([]Token, 0, len(toks)+4)
	skip := false
	for i, t := range toks {
		if skip {
			skip = false
			continue
		}
		reps, ok := ansShort(t.Word)
		if ansSpeaksFor(toks, i) {
			// "Who spoke for Kaiser?" asks for its spokesperson.
			reps, ok = []string{"spokesperson"}, true
		}
		if pair, isPair := ansPair(toks, i); isPair {
			reps, ok, skip = pair, true, true
		}
		if !ok && spanish {
			reps, ok = ansSpanish[t.Word]
			switch {
			case (t.Word == "cuánto" || t.Word == "cuanto") && i+1 < len(toks) && strings.HasPrefix(toks[i+1].Word, "dur"):
				// "¿cuánto duró?" asks how long.
				reps = []string{"how", "long"}
			case (t.Word == "hicieron" || t.Word == "hizo" || t.Word == "hacen") && i+1 < len(toks) && strings.HasPrefix(toks[i+1].Word, "huelga"):
				// "¿cuántos hicieron huelga?" asks who went on strike.
				reps = []string{"went", "on"}
			case t.Word == "por" && i+1 < len(toks) && (toks[i+1].Word == "qué" || toks[i+1].Word == "que"):
				// "¿por qué?" asks why.
				reps, skip = []string{"why"}, true
			}
		}
		if !ok {
			out = append(out, t)
			continue
		}
		for _, w := range reps {
			nt := t
			nt.Word, nt.Stem = w, w
			if stem && !english.IsStopWord(w) {
				nt.Stem = stemWord(w)
			}
			out = append(out, nt)
		}
	}
	return out
}

// ansMisspelt returns the stem of the index a word of a question that no
// sentence holds was meant as ("memebers": "member", "comparsion":
// "comparison"): the most frequent stem within one edit of the word, or
// of its stem (two of the word for a word of seven letters or more). An
// edit is a letter added, dropped, or two adjacent letters swapped; a
// letter replaced by another is two, for it turns words into other words
// ("brokered" is no slip of "broken", "weather" none of "whether").
// Words shorter than five letters, numbers and words with no near stem
// are left alone. ix.mu is held.
func (ix *Index) ansMisspelt(word, stem string) (string, bool) {
	if len(word) < 5 || isDigit(rune(word[0])) || ix.bm.post[stem] != nil {
		return "", false
	}
	limit := 1
	if len(word) >= 7 {
		limit = 2
	}
	best, bestDist, bestDF := "", limit+1, 0
	var rows editRows
	for s, p := range ix.bm.post {
		if len(s) < 4 || abs(len(s)-len(word)) > limit && abs(len(s)-len(stem)) > 1 {
			continue
		}
		d := rows.distance(word, s, limit)
		if ds := rows.distance(stem, s, 1); ds <= 1 {
			d = min(d, ds)
		}
		if d > limit {
			continue
		}
		if d < bestDist || d == bestDist && (len(p.ids) > bestDF || len(p.ids) == bestDF && s < best) {
			best, bestDist, bestDF = s, d, len(p.ids)
		}
	}
	return best, best != ""
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editRows are the rows distance works in, kept between calls so that
// comparing a word with every stem of the index allocates once.
type editRows struct{ prev2, prev, cur []int }

// distance returns the distance between a and b in letters added or
// dropped and adjacent letters swapped (one each; a letter replaced is
// two), or limit+1 once it exceeds limit.
func (r *editRows) distance(a, b string, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	grow := func(row []int) []int {
		if cap(row) < len(b)+1 {
			return make([]int, len(b)+1)
		}
		return row[:len(b)+1]
	}
	r.prev2, r.prev, r.cur = grow(r.prev2), grow(r.prev), grow(r.cur)
	prev2, prev, cur := r.prev2, r.prev, r.cur
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 2
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[len(b)] > limit {
		return limit + 1
	}
	return prev[len(b)]
}

// A supporter's message to the channel often wraps its question in
// greetings, thanks and news of their day ("hey everyone, thanks for the
// rides this week 🙏 quick q for my timesheet, what day did we go back to
// work after the vote? thx"). ansFocus keeps the question: the sentences
// that ask (end with "?", or open with a question word when none does),
// with the sentences before them that name the dispute's things (they
// may carry the question's subject), not those after; and of the first
// asking sentence, the clause that asks, when what comes before it names
// none of the dispute's things.

// ansTopicWords name the dispute's things: a sentence holding one may
// carry a question's subject.
var ansTopicWords = ansSet("strike", "strikes", "striking", "strikers", "striker", "walkout", "picket", "pickets",
	"picketing", "hunger", "fast", "vote", "voted", "ratify", "ratified", "ratification", "mediation", "mediator",
	"mediators", "contract", "deal", "agreement", "raise", "raises", "union", "nuhw", "kaiser", "kp", "workers",
	"therapists", "clinicians", "rally", "offer", "pension", "pay", "norcal", "socal", "hawaii", "unac", "huelga")

// ansQuestionOpeners open a sentence or clause that asks.
var ansQuestionOpeners = ansSet("what", "whats", "what's", "when", "where", "who", "whos", "who's", "why", "how",
	"which", "is", "are", "was", "were", "did", "do", "does", "has", "have", "can", "could", "will", "cuando",
	"cuántos", "cuantos", "cuándo", "qué", "que", "quién", "quien", "como", "cómo", "cual", "cuál", "¿")

// ansSentenceEndRE finds where a message's sentences end: after a stop,
// a question or exclamation mark, or a pictograph, before a space.
var ansSentenceEndRE = regexp.MustCompile(`[.!?]+\s+|[\x{1F300}-\x{1FAFF}\x{2600}-\x{27BF}]+\s*`)

func ansFocus(text string) string {
	var sents []string
	last := 0
	for _, m := range ansSentenceEndRE.FindAllStringIndex(text, -1) {
		if s := strings.TrimSpace(text[last:m[1]]); s != "" {
			sents = append(sents, s)
		}
		last = m[1]
	}
	if s := strings.TrimSpace(text[last:]); s != "" {
		sents = append(sents, s)
	}
	if len(sents) < 2 {
		return ansFocusClause(text)
	}
	asks := make([]bool, len(sents))
	asked := false
	for i, s := range sents {
		asks[i] = strings.Contains(s, "?")
		asked = asked || asks[i]
	}
	if !asked {
		for i, s := range sents {
			if i > 0 && ansOpensQuestion(s) {
				asks[i], asked = true, true
			}
		}
	}
	if !asked {
		return text
	}
	lastAsk := 0
	for i := range sents {
		if asks[i] {
			lastAsk = i
		}
	}
	var keep []string
	first := true
	for i, s := range sents[:lastAsk+1] {
		switch {
		case asks[i] && first:
			keep = append(keep, ansFocusClause(s))
			first = false
		case asks[i] || ansNamesTopic(s):
			keep = append(keep, s)
		}
	}
	return strings.Join(keep, " ")
}

// ansFocusClause returns the clause of an asking sentence that asks,
// when the words before it name none of the dispute's things ("quick
// one before i print the banner: what's the union's full name?"), and
// it is three words or more; else the sentence.
func ansFocusClause(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != ',' && s[i] != ':' && s[i] != ';' {
			continue
		}
		head, rest := s[:i], strings.TrimSpace(s[i+1:])
		if ansNamesTopic(head) || ansAsksWithin(head) {
			return s // "my dad keeps asking what we won on wages, what's the number?"
		}
		if ansOpensQuestion(rest) && len(strings.Fields(rest)) >= 3 {
			return rest
		}
	}
	return s
}

// ansAsksWithin reports whether s holds a question word after its first
// word: a question told within the clause ("keeps asking what we won").
func ansAsksWithin(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	for _, w := range f[min(1, len(f)):] {
		switch strings.Trim(w, "¿?,.:;\"'“”") {
		case "what", "when", "where", "who", "why", "how", "which", "whether", "if":
			return true
		}
	}
	return false
}

// ansOpensQuestion reports whether s opens with a question word.
func ansOpensQuestion(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return false
	}
	w := strings.TrimLeft(f[0], "¿\"'“")
	return ansQuestionOpeners[w] || strings.HasPrefix(f[0], "¿")
}

// ansNamesTopic reports whether s names one of the dispute's things.
func ansNamesTopic(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		if ansTopicWords[strings.TrimSuffix(w, "'s")] {
			return true
		}
	}
	return false
}
