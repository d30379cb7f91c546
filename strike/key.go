package strike

import (
	"crypto/sha256"
	"encoding/hex"
)

// GUIDKey returns the Key of an item that has a GUID, read from the feed at
// feedURL: "f:", then FeedKeyTag(feedURL), then the first 24 hex digits of
// the SHA-256 of feedURL, a NUL byte and guid.
//
// The feed's tag comes first so that one feed's items sort together: a
// poll looks its items up, and inserts the new ones, in a page or two of a
// store's key index instead of a page each, however many articles the
// store holds. Keys of this form replaced "g:" and the first 32 hex
// digits of the same hash; the stores' migrations turn those into these
// (the 24 digits are the old key's first 24).
func GUIDKey(feedURL, guid string) string {
	h := sha256.New()
	h.Write([]byte(feedURL))
	h.Write([]byte{0})
	h.Write([]byte(guid))
	var sum [sha256.Size]byte
	return "f:" + FeedKeyTag(feedURL) + hex.EncodeToString(h.Sum(sum[:0])[:12])
}

// FeedKeyTag returns the part of a GUIDKey that depends on the feed alone:
// the first 8 hex digits of the SHA-256 of feedURL. PostgreSQL computes
// the same as left(encode(sha256(convert_to(feed, 'UTF8')), 'hex'), 8).
func FeedKeyTag(feedURL string) string {
	sum := sha256.Sum256([]byte(feedURL))
	return hex.EncodeToString(sum[:4])
}
