package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// LegacyArticle is an article as the builds before feed-local GUID keys
// stored it, with the key it must have once migrated.
type LegacyArticle struct {
	Feed, GUID, URL string
	Key             string // as stored before the migration
	Want            string // after it
}

// LegacyCampaign is the campaign of LegacyArticles.
const LegacyCampaign = "kaiser-2024"

// LegacyArticles returns articles in the old key forms: GUID keys of two
// feeds (one item without a link, which only its key tells apart from a
// new item), a link key and a text key, which keep their form.
func LegacyArticles() []LegacyArticle {
	guid := func(feed, g, url string) LegacyArticle {
		sum := sha256.Sum256([]byte(feed + "\x00" + g))
		return LegacyArticle{Feed: feed, GUID: g, URL: url, Key: "g:" + hex.EncodeToString(sum[:16]), Want: strike.GUIDKey(feed, g)}
	}
	kept := func(key, url string) LegacyArticle {
		return LegacyArticle{Feed: "https://wire.example.test/feed.xml", URL: url, Key: key, Want: key}
	}
	return []LegacyArticle{
		guid("https://news.example.test/rss", "tag:news.example.test,2025:1", "https://news.example.test/strike-day-1"),
		guid("https://news.example.test/rss", "tag:news.example.test,2025:2", ""),
		guid("https://radio.example.test/news/feed?cat=labor&lang=en", "urn:uuid:6f1e0c2a-77b1-4a3e-9d6c-0b7b8f3c2d11", "https://radio.example.test/a/kaiser"),
		guid("https://ex.test/ünï/feed", "42", "https://ex.test/ünï/42"),
		kept("u:0123456789abcdef0123456789abcdef", "https://wire.example.test/a/1"),
		kept("h:fedcba9876543210fedcba9876543210", ""),
	}
}

// CheckMigratedKeys checks st, opened on a database that held
// LegacyArticles (in order, IDs from 1) before the migration to feed-local
// GUID keys: every key is
// in its new form, KnownKeys finds the new keys, and an item polled again
// with its new key (the link-less one included) is not stored again.
func CheckMigratedKeys(t *testing.T, st strike.Store) {
	t.Helper()
	ctx := t.Context()
	legacy := LegacyArticles()
	got, err := st.Articles(ctx, strike.ArticleFilter{CampaignID: LegacyCampaign})
	if err != nil {
		t.Fatal(err)
	}
	keys := map[int64]string{}
	for _, a := range got {
		keys[a.ID] = a.Key
	}
	var want []string
	for i, l := range legacy {
		if k := keys[int64(i+1)]; k != l.Want {
			t.Errorf("article %d (feed %s, GUID %q): key %q after migration, want %q", i+1, l.Feed, l.GUID, k, l.Want)
		}
		want = append(want, l.Want)
	}
	known, err := st.KnownKeys(ctx, LegacyCampaign, want)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range want {
		if !known[k] {
			t.Errorf("KnownKeys does not know %q after migration", k)
		}
	}
	for _, l := range legacy[:2] {
		a := strike.Article{CampaignID: LegacyCampaign, Feed: l.Feed, Key: l.Want, URL: l.URL, Title: "polled again",
			Published: time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC), Relevance: strike.Relevance{Tier: strike.TierCore, Score: 5}}
		fresh, err := st.SavePoll(ctx, strike.FeedState{URL: l.Feed, CampaignID: LegacyCampaign, Polls: 2}, []strike.Article{a})
		if err != nil || len(fresh) != 0 {
			t.Errorf("SavePoll of %s's item %q again after migration = %d new, %v; want none", l.Feed, l.GUID, len(fresh), err)
		}
	}
}
