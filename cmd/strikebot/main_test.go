package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strikebot/strikebot/config"
)

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a running command.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// runCmd runs the CLI in-process with the given environment variables only.
func runCmd(t *testing.T, ctx context.Context, vars map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut syncBuffer
	lookup := func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
	environ := func() []string {
		var names []string
		for k, v := range vars {
			names = append(names, k+"="+v)
		}
		return names
	}
	code = run(ctx, args, env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, lookup: lookup, environ: environ})
	return code, out.String(), errOut.String()
}

// chdir runs the test in an empty directory, so no ./strikebot.yaml is found.
func chdir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	return dir
}

func TestHelpAndUnknownCommand(t *testing.T) {
	chdir(t)
	code, out, _ := runCmd(t, context.Background(), nil, "help")
	if code != exitOK || !strings.Contains(out, "check-config") || !strings.Contains(out, "demo") {
		t.Errorf("help: code %d, output %q", code, out)
	}
	code, _, errOut := runCmd(t, context.Background(), nil, "frobnicate")
	if code != exitUsage || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: code %d, stderr %q", code, errOut)
	}
	code, _, errOut = runCmd(t, context.Background(), nil, "articles", "--limit", "x")
	if code != exitUsage || !strings.Contains(errOut, "usage: strikebot articles") {
		t.Errorf("bad flag: code %d, stderr %q", code, errOut)
	}
}

func TestCheckConfig(t *testing.T) {
	dir := chdir(t)
	t.Run("defaults are valid", func(t *testing.T) {
		code, out, errOut := runCmd(t, context.Background(), nil, "check-config")
		if code != exitOK {
			t.Fatalf("code %d, stderr %q", code, errOut)
		}
		for _, want := range []string{"kaiser-nuhw-socal", "configuration is valid", "interval"} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("secrets redacted", func(t *testing.T) {
		vars := map[string]string{
			"STRIKEBOT_DB":                 "postgres://bot:hunter2pass@db.example/strike",
			"STRIKEBOT_SUMMARIZER_API_KEY": "sk-verysecretkey",
		}
		code, out, errOut := runCmd(t, context.Background(), vars, "check-config")
		if code != exitOK {
			t.Fatalf("code %d, stderr %q", code, errOut)
		}
		for _, secret := range []string{"hunter2pass", "sk-verysecretkey"} {
			if strings.Contains(out+errOut, secret) {
				t.Errorf("output shows the secret %q:\n%s", secret, out)
			}
		}
	})
	t.Run("bad values name the key", func(t *testing.T) {
		path := filepath.Join(dir, "bad.yaml")
		os.WriteFile(path, []byte("poll:\n  interval: 5s\n  concurrency: 0\n"), 0o600)
		code, _, errOut := runCmd(t, context.Background(), nil, "check-config", "--config", path)
		if code != exitUsage {
			t.Errorf("code %d, want %d", code, exitUsage)
		}
		for _, want := range []string{"poll.interval", "5s", "poll.concurrency"} {
			if !strings.Contains(errOut, want) {
				t.Errorf("stderr lacks %q: %s", want, errOut)
			}
		}
	})
	t.Run("missing file", func(t *testing.T) {
		code, _, errOut := runCmd(t, context.Background(), nil, "check-config", "--config", filepath.Join(dir, "nope.yaml"))
		if code != exitUsage || !strings.Contains(errOut, "nope.yaml") {
			t.Errorf("code %d, stderr %q", code, errOut)
		}
	})
}

const testFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbor Test Times</title><link>http://example.org/</link>
<item><guid>a1</guid><title>Kaiser mental health workers strike across Southern California</title>
<link>http://example.org/a1?utm_source=rss</link><pubDate>%s</pubDate>
<description>About 2,400 Kaiser Permanente mental health workers, members of the National Union of Healthcare Workers, began an open-ended strike on Monday, picketing outside clinics from San Diego to Bakersfield over staffing and pay.</description></item>
<item><guid>a2</guid><title>Kaiser Aluminum reports higher quarterly shipments</title>
<link>http://example.org/a2</link><pubDate>%s</pubDate>
<description>Kaiser Aluminum said shipments of rolled products rose in the third quarter as aerospace demand held up.</description></item>
</channel></rss>`

// testFeedServer serves testFeed, dated an hour ago, on 127.0.0.1.
func testFeedServer(t *testing.T) *httptest.Server {
	t.Helper()
	now := time.Now().UTC().Add(-time.Hour).Format(time.RFC1123Z)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, testFeed, now, now)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestIngestThenArticles(t *testing.T) {
	chdir(t)
	srv := testFeedServer(t)
	db := "sqlite:" + filepath.Join(t.TempDir(), "t.db")
	ctx := context.Background()
	vars := map[string]string{"STRIKEBOT_POLL_FULL_TEXT": "false"}

	code, out, errOut := runCmd(t, ctx, vars, "ingest", "--db", db, "--feed", srv.URL+"/rss", "--allow-private-networks")
	if code != exitOK {
		t.Fatalf("ingest: code %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	for _, want := range []string{"▶ PHASE  strike (was unknown): Kaiser mental health workers strike", "2 items, 2 new, 1 announced", "1 of 1 feeds read"} {
		if !strings.Contains(out, want) {
			t.Errorf("ingest output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "▶ NEWS  Kaiser Aluminum") {
		t.Errorf("ingest announced Kaiser Aluminum:\n%s", out)
	}

	// A second run finds nothing new.
	code, out, _ = runCmd(t, ctx, vars, "ingest", "--db", db, "--feed", srv.URL+"/rss", "--allow-private-networks")
	if code != exitOK || strings.Contains(out, "▶") {
		t.Errorf("second ingest: code %d, output %s", code, out)
	}

	code, out, errOut = runCmd(t, ctx, nil, "articles", "--db", db, "--json")
	if code != exitOK {
		t.Fatalf("articles: code %d, stderr %s", code, errOut)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("articles --json is not JSON: %v\n%s", err, out)
	}
	if len(list) != 2 {
		t.Fatalf("got %d articles, want 2", len(list))
	}
	for _, key := range []string{"id", "url", "title", "source", "published", "feed", "relevance", "story_id", "facts"} {
		if _, ok := list[0][key]; !ok {
			t.Errorf("article JSON lacks %q: %v", key, list[0])
		}
	}
	tiers := map[string]bool{}
	for _, a := range list {
		rel := a["relevance"].(map[string]any)
		tiers[rel["tier"].(string)] = true
		if _, ok := rel["score"].(float64); !ok {
			t.Errorf("relevance.score is not a number: %v", rel)
		}
		if _, ok := rel["reasons"].([]any); !ok {
			t.Errorf("relevance.reasons is not a list: %v", rel)
		}
		// Relevant articles belong to a story; the rest to none.
		if hasStory := a["story_id"] != nil; hasStory != (rel["tier"] != "none") {
			t.Errorf("tier %v with story_id %v", rel["tier"], a["story_id"])
		}
		if strings.Contains(a["url"].(string), "utm_source") {
			t.Errorf("url %q keeps tracking parameters", a["url"])
		}
	}
	if !tiers["core"] || !tiers["none"] {
		t.Errorf("tiers = %v, want core and none", tiers)
	}
	code, out, _ = runCmd(t, ctx, nil, "articles", "--db", db)
	if code != exitOK || !strings.Contains(out, "TIER") || !strings.Contains(out, "Kaiser Aluminum") {
		t.Errorf("articles table: code %d\n%s", code, out)
	}
}

func TestIngestRefusesLoopbackByDefault(t *testing.T) {
	chdir(t)
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++ }))
	defer srv.Close()
	db := "sqlite:" + filepath.Join(t.TempDir(), "t.db")
	code, out, _ := runCmd(t, context.Background(), nil, "ingest", "--db", db, "--feed", srv.URL+"/rss")
	if code != exitFailure {
		t.Errorf("code %d, want %d", code, exitFailure)
	}
	if !strings.Contains(out, "FAIL") || !strings.Contains(out, "not allowed") {
		t.Errorf("output does not explain the refusal:\n%s", out)
	}
	if hits != 0 {
		t.Errorf("server got %d requests, want 0", hits)
	}
	code, _, errOut := runCmd(t, context.Background(), nil, "ingest", "--db", db, "--feed", "file:///etc/passwd")
	if code != exitUsage || !strings.Contains(errOut, "--feed") {
		t.Errorf("file URL: code %d, stderr %q", code, errOut)
	}
}

func TestDemoAnnounces(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the demo for a few seconds")
	}
	chdir(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(4*time.Second, cancel)
	defer cancel()
	code, out, errOut := runCmd(t, ctx, nil, "demo", "--every", "40ms")
	if code != exitOK {
		t.Fatalf("demo: code %d, stderr %s", code, errOut)
	}
	for _, want := range []string{"demo news site: http://127.0.0.1:", "▶ NEWS", "▶ RELATED", "not strike news, not announced", "demo site published", "strikebot demo stopped"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	if strings.Contains(out, "▶ NEWS  Kaiser Aluminum") || strings.Contains(out, "Kaiser Chiefs\n") {
		t.Errorf("demo announced a word trap:\n%s", out)
	}
}

func TestRunPollsAndStops(t *testing.T) {
	dir := chdir(t)
	srv := testFeedServer(t)
	cfg := config.Default()
	cfg.DB = "sqlite:" + filepath.Join(dir, "run.db")
	cfg.Listen = ""
	cfg.AllowPrivateNetworks = true
	cfg.Poll.FullText = false
	cfg.CampaignSpecs[0].Feeds = []config.FeedSpec{{URL: srv.URL + "/rss", Name: "Harbor Test Times"}}
	text, err := cfg.YAML()
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "strikebot.yaml"), text, 0o600)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(2*time.Second, cancel)
	code, out, errOut := runCmd(t, ctx, nil, "run")
	if code != exitOK {
		t.Fatalf("run: code %d\nstderr %s", code, errOut)
	}
	if !strings.Contains(out, "▶ PHASE  strike (was unknown): Kaiser mental health workers strike") {
		t.Errorf("run did not announce the strike article:\nstdout %s\nstderr %s", out, errOut)
	}
	if !strings.Contains(errOut, "strikebot running") || !strings.Contains(errOut, "strikebot stopped") {
		t.Errorf("run logs lack start and stop lines:\n%s", errOut)
	}
}

func TestCoverageCommands(t *testing.T) {
	chdir(t)
	srv := testFeedServer(t)
	db := "sqlite:" + filepath.Join(t.TempDir(), "c.db")
	ctx := context.Background()
	vars := map[string]string{"STRIKEBOT_POLL_FULL_TEXT": "false"}
	if code, out, errOut := runCmd(t, ctx, vars, "ingest", "--db", db, "--feed", srv.URL+"/rss", "--allow-private-networks"); code != exitOK {
		t.Fatalf("ingest: %d\n%s\n%s", code, out, errOut)
	}

	t.Run("stories", func(t *testing.T) {
		code, out, errOut := runCmd(t, ctx, nil, "stories", "--db", db, "--json")
		if code != exitOK {
			t.Fatalf("code %d: %s", code, errOut)
		}
		var list []map[string]any
		if err := json.Unmarshal([]byte(out), &list); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		if len(list) != 1 {
			t.Fatalf("got %d stories, want 1 (Kaiser Aluminum makes none):\n%s", len(list), out)
		}
		for _, key := range []string{"id", "title", "summary", "tier", "first_seen", "updated", "articles", "sources", "facts"} {
			if _, ok := list[0][key]; !ok {
				t.Errorf("story JSON lacks %q", key)
			}
		}
		if list[0]["tier"] != "core" || len(list[0]["articles"].([]any)) != 1 {
			t.Errorf("story = %v", list[0])
		}
		if facts := list[0]["facts"].(map[string]any); facts["workers"] != 2400.0 || facts["phase"] != "strike" {
			t.Errorf("story facts = %v, want 2,400 workers on strike", facts)
		}
	})
	t.Run("status", func(t *testing.T) {
		code, out, errOut := runCmd(t, ctx, nil, "status", "--db", db, "--json")
		if code != exitOK {
			t.Fatalf("code %d: %s", code, errOut)
		}
		var st map[string]any
		if err := json.Unmarshal([]byte(out), &st); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		for _, key := range []string{"campaign", "phase", "workers", "union", "employer", "started", "offer", "demands", "next_event", "as_of", "sources"} {
			if _, ok := st[key]; !ok {
				t.Errorf("status JSON lacks %q", key)
			}
		}
		if st["phase"] != "strike" || st["workers"] != 2400.0 {
			t.Errorf("status = %v", st)
		}
		code, out, _ = runCmd(t, ctx, nil, "status", "--db", db)
		if code != exitOK || !strings.Contains(out, "Harbor Test Times") || !strings.Contains(out, "2400") {
			t.Errorf("status card:\n%s", out)
		}
	})
	t.Run("ask", func(t *testing.T) {
		code, out, _ := runCmd(t, ctx, nil, "ask", "--db", db, "how many workers are on strike?")
		if code != exitOK || !strings.Contains(out, "2,400") || !strings.Contains(out, "http://example.org/a1") {
			t.Errorf("ask: code %d\n%s", code, out)
		}
		// The status answers first; --json keeps its fields and adds the
		// kind of question, whether the status answered and who phrased it.
		code, out, _ = runCmd(t, ctx, nil, "ask", "--db", db, "--json", "how many workers are on strike?")
		var ans struct {
			Answer     string `json:"answer"`
			Found      bool   `json:"found"`
			FromFAQ    *bool  `json:"from_faq"`
			Kind       string `json:"kind"`
			FromStatus bool   `json:"from_status"`
			By         string `json:"by"`
			Citations  []struct {
				URL    string `json:"url"`
				Source string `json:"source"`
				Field  string `json:"field"`
			} `json:"citations"`
		}
		if err := json.Unmarshal([]byte(out), &ans); err != nil {
			t.Fatalf("ask --json: %v\n%s", err, out)
		}
		if code != exitOK || !ans.Found || ans.FromFAQ == nil || !ans.FromStatus || ans.Kind != "workers" || ans.By != "extractive" ||
			!strings.HasPrefix(ans.Answer, "About 2,400 workers are on strike [1]") || len(ans.Citations) == 0 || ans.Citations[0].Field != "workers" {
			t.Errorf("ask --json: code %d\n%s", code, out)
		}
		code, out, _ = runCmd(t, ctx, nil, "ask", "--db", db, "--json", "what is the weather in Paris?")
		if code != exitOK || !strings.Contains(out, `"found": false`) {
			t.Errorf("ask unrelated: code %d\n%s", code, out)
		}
		if code, _, _ := runCmd(t, ctx, nil, "ask", "--db", db); code != exitUsage {
			t.Errorf("ask without a question: code %d, want %d", code, exitUsage)
		}
	})
	t.Run("ask phrased by the model", func(t *testing.T) {
		// A chat completions server on 127.0.0.1 that checks what a real
		// one checks; the first answer is usable, then it fails.
		var calls int
		var mu sync.Mutex
		llm := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" || r.Header.Get("Content-Type") != "application/json" ||
				r.Header.Get("Authorization") != "Bearer sk-test-key" {
				t.Errorf("model request %s %s %v", r.Method, r.URL.Path, r.Header)
				http.Error(w, "bad request", http.StatusBadRequest)
				return
			}
			var req struct {
				Model    string `json:"model"`
				Messages []struct{ Role, Content string }
			}
			if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Model != "tiny" || len(req.Messages) != 2 {
				t.Errorf("model request body: %v %+v", err, req)
			}
			mu.Lock()
			calls++
			n := calls
			mu.Unlock()
			if n > 1 {
				http.Error(w, `{"error":{"message":"overloaded"}}`, http.StatusServiceUnavailable)
				return
			}
			content := `{"sentences": [{"text": "About 2,400 workers are out on strike.", "sources": [1]}]}`
			b, _ := json.Marshal(map[string]any{"choices": []map[string]any{{"message": map[string]string{"role": "assistant", "content": content}}}})
			w.Header().Set("Content-Type", "application/json")
			w.Write(b)
		}))
		defer llm.Close()
		vars := map[string]string{"STRIKEBOT_SUMMARIZER_URL": llm.URL + "/v1", "STRIKEBOT_SUMMARIZER_MODEL": "tiny", "STRIKEBOT_SUMMARIZER_API_KEY": "sk-test-key"}
		for _, want := range []struct{ by, answer string }{
			{"llm", "About 2,400 workers are out on strike. [1]"},
			{"extractive", "About 2,400 workers are on strike [1]"},
		} {
			code, out, errOut := runCmd(t, ctx, vars, "ask", "--db", db, "--json", "how many workers are on strike?")
			var ans struct {
				Answer, By, Fallback string
			}
			if err := json.Unmarshal([]byte(out), &ans); err != nil || code != exitOK {
				t.Fatalf("ask: code %d, %v\n%s%s", code, err, out, errOut)
			}
			if ans.By != want.by || !strings.HasPrefix(ans.Answer, want.answer) || (want.by == "extractive") != (ans.Fallback != "") {
				t.Errorf("ask with the model = %+v, want by %s, %q", ans, want.by, want.answer)
			}
			if strings.Contains(out+errOut, "sk-test-key") {
				t.Errorf("output shows the API key:\n%s", out)
			}
		}
	})
	t.Run("explain", func(t *testing.T) {
		code, out, errOut := runCmd(t, ctx, nil, "explain", "--db", db, "http://example.org/a2")
		if code != exitOK || !strings.Contains(out, "Kaiser Aluminum") || !strings.Contains(out, "none") {
			t.Errorf("explain by URL: code %d\n%s%s", code, out, errOut)
		}
		// The feed's own link, tracking parameters and all, finds the article.
		code, out, _ = runCmd(t, ctx, nil, "explain", "--db", db, "http://example.org/a1?utm_source=rss")
		if code != exitOK || !strings.Contains(out, "core") || !strings.Contains(out, "story #") {
			t.Errorf("explain by feed link: code %d\n%s", code, out)
		}
		code, out, _ = runCmd(t, ctx, nil, "explain", "--db", db, "1")
		if code != exitOK || !strings.Contains(out, "Article 1:") {
			t.Errorf("explain by ID: code %d\n%s", code, out)
		}
		code, _, errOut = runCmd(t, ctx, nil, "explain", "--db", db, "999")
		if code != exitFailure || !strings.Contains(errOut, "no stored article has ID 999") {
			t.Errorf("explain unknown: code %d, %s", code, errOut)
		}
	})
}

func TestChatFeedsAddThenIngest(t *testing.T) {
	chdir(t)
	srv := testFeedServer(t)
	db := "sqlite:" + filepath.Join(t.TempDir(), "f.db")
	ctx := context.Background()

	// Without the private-network allowance the guard refuses it, in one line.
	code, out, _ := runCmd(t, ctx, nil, "chat", "--db", db, "feeds add "+srv.URL+"/rss")
	if code != exitOK || !strings.Contains(out, "That address is on a private network, so the bot won't read it.") ||
		strings.Contains(out, "allow_private_networks") || strings.Contains(out, "fetch:") {
		t.Errorf("feeds add of a loopback feed: code %d\n%s", code, out)
	}
	vars := map[string]string{"STRIKEBOT_ALLOW_PRIVATE_NETWORKS": "true", "STRIKEBOT_POLL_FULL_TEXT": "false"}
	// First a preview of what the bot would make of its items; nothing added.
	code, out, _ = runCmd(t, ctx, vars, "chat", "--db", db, "feeds add "+srv.URL+"/rss Harbor Test Times")
	if code != exitOK || !strings.Contains(out, "Preview: Harbor Test Times") || !strings.Contains(out, "strike news: posted at once") ||
		!strings.Contains(out, "feeds add "+srv.URL+"/rss Harbor Test Times confirm") {
		t.Fatalf("feeds add preview: code %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, ctx, vars, "chat", "--db", db, "feeds add "+srv.URL+"/rss Harbor Test Times confirm")
	if code != exitOK || !strings.Contains(out, "Feed added") || !strings.Contains(out, "Harbor Test Times") {
		t.Fatalf("feeds add confirm: code %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, ctx, vars, "chat", "--db", db, "feeds")
	if code != exitOK || !strings.Contains(out, srv.URL+"/rss") {
		t.Errorf("feeds list: code %d\n%s", code, out)
	}
	// ingest polls it with the configured feeds (which fail here: no internet).
	_, out, _ = runCmd(t, ctx, vars, "ingest", "--db", db)
	if !strings.Contains(out, "ok   "+srv.URL+"/rss: 2 items, 2 new") {
		t.Errorf("ingest did not read the feed added from chat:\n%s", out)
	}
	code, out, _ = runCmd(t, ctx, nil, "audit", "--db", db)
	if code != exitOK || !strings.Contains(out, "feeds add") {
		t.Errorf("audit lacks the feed additions: code %d\n%s", code, out)
	}
}

func TestFeedURLSecretsMasked(t *testing.T) {
	chdir(t)
	srv := testFeedServer(t)
	db := "sqlite:" + filepath.Join(t.TempDir(), "s.db")
	ctx := context.Background()
	vars := map[string]string{"STRIKEBOT_POLL_FULL_TEXT": "false", "STRIKEBOT_LOG_LEVEL": "debug"}
	feed := srv.URL + "/rss?api_key=s3cretvalue&page=1"
	code, out, errOut := runCmd(t, ctx, vars, "ingest", "--db", db, "--feed", feed, "--allow-private-networks")
	if code != exitOK {
		t.Fatalf("ingest: code %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(out, srv.URL+"/rss?api_key=xxxxx&page=1") {
		t.Errorf("ingest output does not show the masked URL:\n%s", out)
	}
	_, jsonOut, _ := runCmd(t, ctx, nil, "articles", "--db", db, "--json")
	// A feed that fails names its URL too, in the line and the log.
	bad := "http://127.0.0.1:1/rss?token=s3cretvalue"
	_, badOut, badErr := runCmd(t, ctx, vars, "ingest", "--db", db, "--feed", bad, "--allow-private-networks")
	if !strings.Contains(badOut, "token=xxxxx") {
		t.Errorf("failing feed line does not show the masked URL:\n%s", badOut)
	}
	for name, text := range map[string]string{"ingest": out + errOut, "articles": jsonOut, "failing ingest": badOut + badErr} {
		if strings.Contains(text, "s3cretvalue") {
			t.Errorf("%s shows the feed's secret:\n%s", name, text)
		}
	}
}

func TestCheckConfigKeywordDSN(t *testing.T) {
	chdir(t)
	vars := map[string]string{"STRIKEBOT_DB": "host=db.internal user=bot password='hunter2 x' dbname=strikebot"}
	code, out, errOut := runCmd(t, context.Background(), vars, "check-config")
	if code != exitOK {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
	if strings.Contains(out+errOut, "hunter2") || !strings.Contains(out, "password=xxxxx") {
		t.Errorf("check-config output:\n%s%s", out, errOut)
	}
	// A form it refuses is named without its password.
	vars["STRIKEBOT_DB"] = "host=db.internal password=hunter2 dbname"
	code, out, errOut = runCmd(t, context.Background(), vars, "check-config")
	if code != exitUsage || strings.Contains(out+errOut, "hunter2") {
		t.Errorf("refused DSN: code %d\n%s%s", code, out, errOut)
	}
}

func TestChatInTheTerminal(t *testing.T) {
	chdir(t)
	db := "sqlite:" + filepath.Join(t.TempDir(), "t.db")
	ctx := context.Background()
	code, out, _ := runCmd(t, ctx, nil, "chat", "--db", db, "help")
	if code != exitOK || strings.Contains(out, "/strike") || !strings.Contains(out, "ask QUESTION — ") || !strings.Contains(out, `"quit"`) {
		t.Errorf("help in the terminal: code %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, ctx, nil, "chat", "--db", db, "subscribe")
	if code != exitOK || !strings.Contains(out, "not a chat channel") {
		t.Errorf("subscribe in the terminal: code %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, ctx, nil, "chat", "--db", db, "announce", "Rally at noon")
	if code != exitOK || !strings.Contains(out, "No channel is subscribed") {
		t.Errorf("announce in the terminal: code %d\n%s", code, out)
	}
}

func TestDiscordCommands(t *testing.T) {
	var out, errb strings.Builder
	e := env{stdout: &out, stderr: &errb, lookup: func(string) (string, bool) { return "", false }}
	if code := run(context.Background(), []string{"discord-commands"}, e); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var def []map[string]any
	if err := json.Unmarshal([]byte(out.String()), &def); err != nil || len(def) != 1 || def[0]["name"] != "strike" {
		t.Fatalf("output is not the definition: %v\n%s", err, out.String())
	}
	out.Reset()
	if code := run(context.Background(), []string{"discord-commands", "--hash"}, e); code != exitOK || len(strings.TrimSpace(out.String())) != 64 {
		t.Errorf("--hash: exit %d, %q", code, out.String())
	}
	out.Reset()
	e.lookup = func(k string) (string, bool) {
		if k == "STRIKEBOT_DISCORD_APPLICATION_ID" {
			return "1023456789012345678", true
		}
		return "", false
	}
	if code := run(context.Background(), []string{"discord-commands", "--invite"}, e); code != exitOK ||
		!strings.Contains(out.String(), "client_id=1023456789012345678&scope=bot+applications.commands&permissions=309237730304") {
		t.Errorf("--invite: exit %d, %q %s", code, out.String(), errb.String())
	}
}
