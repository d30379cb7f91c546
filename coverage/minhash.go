package coverage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/strikebot/strikebot/strike"
)

// Signature sizes. A Signature holds two MinHash sketches side by side:
// the first ShingleHashes values sketch the set of word 3-shingles of an
// article (three consecutive stems), which only copies and light rewrites
// share; the last WordHashes values sketch the set of its distinct stems,
// which articles about the same subject share even when each outlet wrote
// its own text.
const (
	ShingleHashes = 64
	WordHashes    = 64
	NumHashes     = ShingleHashes + WordHashes
)

// signatureVersion is the first byte of a marshaled Signature. It changes
// whenever the hashing changes, so that a store never compares signatures
// made by different versions.
const signatureVersion = 1

// ErrInvalidSignature is returned, wrapped, by Signature.UnmarshalBinary for
// data that is not a marshaled Signature of this version.
var ErrInvalidSignature = errors.New("coverage: invalid signature")

// Signature is a MinHash sketch of an article's text: for each of
// NumHashes fixed hash functions, the least hash value over the article's
// shingles (first ShingleHashes values) or distinct word stems (last
// WordHashes values). The share of equal values between two signatures
// estimates the Jaccard similarity of the underlying sets.
//
// Signatures are deterministic: the hash functions have fixed seeds, so a
// signature computed today equals one computed by another process tomorrow
// and may be stored (see MarshalBinary). The zero value is not a valid
// signature; an article without words signs as the empty signature, every
// value math.MaxUint32, which is similar to nothing.
type Signature [NumHashes]uint32

// hashSeeds are the multipliers and offsets of the NumHashes hash
// functions h_i(x) = (a_i·x + b_i) >> 32 over 64-bit element hashes. They
// are fixed: changing them changes every signature (bump signatureVersion).
var hashSeeds = func() (s [NumHashes][2]uint64) {
	state := uint64(0x5712_1b07_2024_1014) // any fixed value
	for i := range s {
		state += 0x9e3779b97f4a7c15
		s[i][0] = minhashMix(state) | 1 // odd multiplier
		state += 0x9e3779b97f4a7c15
		s[i][1] = minhashMix(state)
	}
	return s
}()

// mix64 is the SplitMix64 finalizer: a bijection that spreads every input
// bit over the whole output.
func minhashMix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// hashString is 64-bit FNV-1a of s, mixed.
func minhashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return minhashMix(h)
}

// Signer computes Signatures. It reads an article's title and text as the
// package Tokenizer does, stemmed and without stop words, and remembers
// the stems of words it has seen, so it is several times faster than Sign
// on a stream of articles.
//
// Create Signers with NewSigner; the zero value is not usable. A Signer is
// safe for concurrent use.
type Signer struct {
	tok *Tokenizer
}

// NewSigner returns a Signer with a memo of stems.
func NewSigner() *Signer {
	return &Signer{tok: NewTokenizer(TokenizerOptions{Stem: true, DropStopWords: true})}
}

// Sign returns the signature of a's title followed by its text: a.Text,
// or a.Summary when the text is empty. It is the same signature the
// package-level Sign returns.
func (s *Signer) Sign(a *strike.Article) Signature {
	return signWith(s.tok, a)
}

// Sign returns the signature of a's title followed by its text (a.Text, or
// a.Summary when the text is empty). It stems every word afresh; use a
// Signer to sign many articles.
func Sign(a *strike.Article) Signature {
	tok := Tokenizer{opts: TokenizerOptions{Stem: true, DropStopWords: true}}
	return signWith(&tok, a)
}

func signWith(tok *Tokenizer, a *strike.Article) Signature {
	text := a.Text
	if text == "" {
		text = a.Summary
	}
	b := signBufs.Get().(*signBuf)
	toks := tok.AppendTokens(b.toks[:0], a.Title)
	toks = tok.AppendTokens(toks, text)
	hs := b.hs[:0]
	for _, t := range toks {
		hs = append(hs, minhashString(t.Stem))
	}
	sig := signHashes(hs)
	clear(toks) // keep none of this text's words alive in the pool
	if cap(toks) <= maxPooledTokens {
		b.toks, b.hs = toks[:0], hs[:0]
		signBufs.Put(b)
	}
	return sig
}

// signBuf is signWith's scratch: a first ingest signs thousands of
// articles, and growing these afresh for each was a tenth of what the
// desk allocated.
type signBuf struct {
	toks []Token
	hs   []uint64
}

// maxPooledTokens bounds the scratch kept for the next article: a huge
// page's words are not held on to.
const maxPooledTokens = 1 << 14

var signBufs = sync.Pool{New: func() any { return new(signBuf) }}

// signHashes sketches the word hashes hs (in text order): their 3-shingles
// into the first ShingleHashes values and the words themselves into the
// rest. A text of one or two words is a single shingle.
func signHashes(hs []uint64) Signature {
	var sig Signature
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	if len(hs) == 0 {
		return sig
	}
	shingle := func(x uint64) {
		for i := 0; i < ShingleHashes; i++ {
			if v := uint32((x*hashSeeds[i][0] + hashSeeds[i][1]) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
	if len(hs) < 3 {
		x := hs[0]
		if len(hs) == 2 {
			x = minhashMix(x ^ (hs[1]<<21 | hs[1]>>43))
		}
		shingle(x)
	}
	for i := 0; i+3 <= len(hs); i++ {
		shingle(minhashMix(hs[i] ^ (hs[i+1]<<21 | hs[i+1]>>43) ^ (hs[i+2]<<42 | hs[i+2]>>22)))
	}
	for _, x := range hs {
		for i := ShingleHashes; i < NumHashes; i++ {
			if v := uint32((x*hashSeeds[i][0] + hashSeeds[i][1]) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// Empty reports whether s is the signature of a text without words.
func (s Signature) Empty() bool {
	for _, v := range s {
		if v != math.MaxUint32 {
			return false
		}
	}
	return true
}

// agree counts the positions in [from, to) where s and o hold the same
// value, ignoring empty positions.
func (s Signature) agree(o Signature, from, to int) int {
	n := 0
	for i := from; i < to; i++ {
		if s[i] == o[i] && s[i] != math.MaxUint32 {
			n++
		}
	}
	return n
}

// Jaccard estimates the Jaccard similarity of the two articles' sets of
// word 3-shingles: near 1 for copies, above 0.3 for copies with a few
// paragraphs edited, near 0 for texts each outlet wrote itself, even on
// the same subject. An empty signature is similar to nothing.
func (s Signature) Jaccard(o Signature) float64 {
	return float64(s.agree(o, 0, ShingleHashes)) / ShingleHashes
}

// WordJaccard estimates the Jaccard similarity of the two articles' sets
// of distinct word stems (stop words left out): about 0.15 to 0.35 for
// two outlets' own reports of one event, below 0.1 for unrelated news.
// An empty signature is similar to nothing.
func (s Signature) WordJaccard(o Signature) float64 {
	return float64(s.agree(o, ShingleHashes, NumHashes)) / WordHashes
}

// MarshalBinary encodes s as a version byte followed by NumHashes
// little-endian uint32 values. It never fails.
func (s Signature) MarshalBinary() ([]byte, error) {
	b := make([]byte, 1, 1+4*NumHashes)
	b[0] = signatureVersion
	for _, v := range s {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b, nil
}

// UnmarshalBinary decodes what MarshalBinary encoded. Data of another
// length or version is an error wrapping ErrInvalidSignature, and s is
// left unchanged.
func (s *Signature) UnmarshalBinary(data []byte) error {
	if len(data) != 1+4*NumHashes {
		return fmt.Errorf("coverage: unmarshal signature: %d bytes, want %d: %w", len(data), 1+4*NumHashes, ErrInvalidSignature)
	}
	if data[0] != signatureVersion {
		return fmt.Errorf("coverage: unmarshal signature: version %d, want %d: %w", data[0], signatureVersion, ErrInvalidSignature)
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(data[1+4*i:])
	}
	return nil
}

// fingerprintVersion is the first byte of a marshaled Fingerprint: a
// Signature's version 1 followed by event features. Version 2 lacked the
// milestone's days, version 3 a short strike's length.
const fingerprintVersion = 4

// notReportBit is the bit of a marshaled Fingerprint's class byte that
// holds EventFeatures.NotReport, and turnShift where its two bits of
// EventFeatures.Turn start (classes are far below both; fingerprints
// stored before the turn was kept have 0 there, "not said").
const (
	notReportBit = 0x80
	turnShift    = 5
	classMask    = 1<<turnShift - 1
)

// fingerprintLen is the length of a marshaled Fingerprint; fingerprintV2Len
// of one of version 2.
const (
	fingerprintLen   = fingerprintV3Len + 1
	fingerprintV3Len = fingerprintV2Len + 2
	fingerprintV2Len = 1 + 4*NumHashes + 5
)

// Fingerprint is what the store keeps of an article for clustering: its
// Signature and its EventFeatures.
type Fingerprint struct {
	Sig   Signature
	Event EventFeatures
}

// MarshalBinary encodes f as a version byte, the signature's values (as
// Signature.MarshalBinary) and five bytes of event features (the last
// holds the contract's state and the workforce, four bits each; the first
// holds NotReport in its top bit and the talks' turn in the two below),
// then the milestone's days in two bytes, little-endian, and a short
// strike's length in one. It never fails.
func (f Fingerprint) MarshalBinary() ([]byte, error) {
	b, _ := f.Sig.MarshalBinary()
	b[0] = fingerprintVersion
	e := f.Event
	class := byte(e.Class)&classMask | e.Turn&3<<turnShift
	if e.NotReport {
		class |= notReportBit
	}
	return append(b, class, byte(e.Classes), byte(e.Classes>>8), e.Union<<4|e.Region&0x0f, e.Contract<<4|e.Workforce&0x0f,
		byte(e.Days), byte(e.Days>>8), e.Span), nil
}

// UnmarshalBinary decodes a marshaled Fingerprint, or a marshaled
// Signature of version 1 (stored by older builds: its event features are
// unknown). Other data is an error wrapping ErrInvalidSignature, and f is
// left unchanged.
func (f *Fingerprint) UnmarshalBinary(data []byte) error {
	switch {
	case len(data) == 1+4*NumHashes && data[0] == signatureVersion:
		var s Signature
		if err := s.UnmarshalBinary(data); err != nil {
			return err
		}
		*f = Fingerprint{Sig: s}
		return nil
	case !knownFingerprint(data):
		return fmt.Errorf("coverage: unmarshal fingerprint: %d bytes of version %d: %w", len(data), firstByte(data), ErrInvalidSignature)
	}
	var s Signature
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(data[1+4*i:])
	}
	tail := data[1+4*NumHashes:]
	*f = Fingerprint{Sig: s, Event: EventFeatures{
		Class:     EventClass(tail[0] & classMask),
		Turn:      tail[0] >> turnShift & 3,
		NotReport: tail[0]&notReportBit != 0, // false in fingerprints stored before it was kept
		Classes:   uint16(tail[1]) | uint16(tail[2])<<8,
		Union:     tail[3] >> 4,
		Region:    tail[3] & 0x0f,
		Workforce: tail[4] & 0x0f,
		Contract:  tail[4] >> 4, // 0 in fingerprints stored before it was kept
	}}
	if len(tail) >= 7 {
		f.Event.Days = uint16(tail[5]) | uint16(tail[6])<<8 // 0 in version 2
	}
	if len(tail) >= 8 {
		f.Event.Span = tail[7] // 0 in versions 2 and 3
	}
	return nil
}

// knownFingerprint reports whether data has the length of a marshaled
// Fingerprint of the version its first byte names (2 to 4).
func knownFingerprint(data []byte) bool {
	switch len(data) {
	case fingerprintLen:
		return data[0] == fingerprintVersion
	case fingerprintV3Len:
		return data[0] == 3
	case fingerprintV2Len:
		return data[0] == 2
	}
	return false
}

func firstByte(b []byte) int {
	if len(b) == 0 {
		return -1
	}
	return int(b[0])
}
