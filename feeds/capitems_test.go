package feeds

import (
	"fmt"
	"strings"
	"testing"
)

func TestCapItems(t *testing.T) {
	const n = 50 // items in each feed, more than 2*limit
	const limit = 5
	items := func(format string) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, format, i, i)
		}
		return b.String()
	}
	tests := []struct{ name, body string }{
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>` +
			items(`<item><title>t%d</title><link>https://x.example/%d</link><description>a<br>b</description></item>`) +
			`</channel></rss>`},
		{"rdf", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel>` +
			items(`<item><title>t%d</title><link>https://x.example/%d</link></item>`) + `</rdf:RDF>`},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>` +
			items(`<entry><title>t%d</title><id>%d</id></entry>`) + `</feed>`},
		{"prefixed atom", `<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>T</a:title>` +
			items(`<a:entry><a:title>t%d</a:title><a:id>%d</a:id></a:entry>`) + `</a:feed>`},
		{"cdata mentions items", `<rss version="2.0"><channel><title>T</title>` +
			items(`<item><title>t%d</title><guid>%d</guid><description><![CDATA[</item></channel></rss>]]></description></item>`) +
			`</channel></rss>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := []byte(tt.body)
			cut := capItems(body, limit)
			if len(cut) >= len(body) {
				t.Fatalf("capItems did not cut: %d bytes of %d", len(cut), len(body))
			}
			o := goldenOptions("")
			o.MaxItems = limit
			got := mustParse(t, cut, o)
			want := mustParse(t, body, o)
			if len(got.Items) != limit || got.Title != want.Title {
				t.Fatalf("cut feed: %d items, title %q; want %d, %q", len(got.Items), got.Title, limit, want.Title)
			}
			for i := range got.Items {
				if got.Items[i].Key != want.Items[i].Key || got.Items[i].Title != fmt.Sprintf("t%d", i) {
					t.Errorf("Items[%d] = %q %q, want %q t%d", i, got.Items[i].Key, got.Items[i].Title, want.Items[i].Key, i)
				}
			}
		})
	}
}

func TestCapItemsLeavesSmallFeeds(t *testing.T) {
	body := SampleFeed(10)
	if got := capItems(body, 5); &got[0] != &body[0] || len(got) != len(body) {
		t.Error("capItems copied a feed with no more than 2*limit items")
	}
}
