package feeds

import (
	"bytes"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

func benchOptions() ParseOptions {
	return ParseOptions{
		FeedURL:    "https://news.example.com/labor/rss.xml",
		CampaignID: "kaiser-2024",
		Now:        time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC),
	}
}

// BenchmarkParse100 measures Parse (decode, gofeed, normalize) over a
// realistic 100-item feed; compare with BenchmarkGofeedParse100.
func BenchmarkParse100(b *testing.B) {
	body := SampleFeed(100)
	o := benchOptions()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		p, err := Parse(body, o)
		if err != nil || len(p.Items) != 100 {
			b.Fatalf("Parse: %v", err)
		}
	}
}

// BenchmarkGofeedParse100 is the bare gofeed parse of the same bytes, the
// baseline for BenchmarkParse100.
func BenchmarkGofeedParse100(b *testing.B) {
	body := SampleFeed(100)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
		if err != nil || len(f.Items) != 100 {
			b.Fatalf("Parse: %v", err)
		}
	}
}

func BenchmarkHTMLToText(b *testing.B) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(SampleFeed(1)))
	if err != nil {
		b.Fatal(err)
	}
	s := f.Items[0].Description
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		HTMLToText(s)
	}
}

// BenchmarkGofeedNoScanParse100 is gofeed configured as Parse configures it
// (no image scan), so that the difference to BenchmarkParse100 is the cost
// of our decoding and normalizing alone.
func BenchmarkGofeedNoScanParse100(b *testing.B) {
	body := SampleFeed(100)
	p := newParser()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := p.Parse(bytes.NewReader(body))
		if err != nil || len(f.Items) != 100 {
			b.Fatalf("Parse: %v", err)
		}
	}
}
