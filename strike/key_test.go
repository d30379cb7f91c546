package strike_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/strike"
)

// legacyGUIDKey is the Key the builds before feed-local keys gave an item
// with a GUID.
func legacyGUIDKey(feedURL, guid string) string {
	sum := sha256.Sum256([]byte(feedURL + "\x00" + guid))
	return "g:" + hex.EncodeToString(sum[:16])
}

func TestGUIDKey(t *testing.T) {
	const feed = "https://news.example.test/rss"
	a := strike.GUIDKey(feed, "item-1")
	b := strike.GUIDKey(feed, "item-2")
	other := strike.GUIDKey("https://other.example.test/rss", "item-1")

	if len(a) != 34 || !strings.HasPrefix(a, "f:") {
		t.Errorf("GUIDKey = %q, want \"f:\" and 32 hex digits", a)
	}
	if a == b || a == other {
		t.Errorf("keys collide: %q, %q, %q", a, b, other)
	}
	// One feed's keys share their first ten characters, so they sort
	// together; another feed's do not.
	if a[:10] != b[:10] || a[:10] == other[:10] {
		t.Errorf("feed tags: %q, %q (same feed), %q (other feed)", a[:10], b[:10], other[:10])
	}
	if got := strike.GUIDKey(feed, "item-1"); got != a {
		t.Errorf("GUIDKey is not deterministic: %q then %q", a, got)
	}
	// The stores' migrations rebuild the key from the old one and the
	// article's feed: both ways must agree.
	for _, c := range []struct{ feed, guid string }{
		{feed, "item-1"},
		{"https://news.example.test/feed?tag=kaiser&lang=en", "urn:uuid:6f1e0c2a"},
		{"https://ex.test/ünïcode", "tag:ex.test,2024:42"},
	} {
		legacy := legacyGUIDKey(c.feed, c.guid)
		if got, want := strike.GUIDKey(c.feed, c.guid), "f:"+strike.FeedKeyTag(c.feed)+legacy[2:26]; got != want {
			t.Errorf("GUIDKey(%q, %q) = %q, want the migrated %q", c.feed, c.guid, got, want)
		}
	}
}
