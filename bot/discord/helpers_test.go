package discord

import (
	"context"
	"crypto/ed25519"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/discord/discordfake"
	"github.com/strikebot/strikebot/store/sqlite"
	"github.com/strikebot/strikebot/strike"
)

const (
	testChannel = "1045678901234567890"
	otherGuild  = "1099999999999999999"
	captainRole = "1056789012345678901"
)

// recorder is a Router that remembers its requests.
type recorder struct {
	mu    sync.Mutex
	reqs  []bot.Request
	reply bot.Reply
	delay chan struct{} // if set, Handle waits for it
}

func (r *recorder) Handle(ctx context.Context, req bot.Request) bot.Reply {
	r.mu.Lock()
	r.reqs = append(r.reqs, req)
	reply := r.reply
	r.mu.Unlock()
	if r.delay != nil {
		select {
		case <-r.delay:
		case <-ctx.Done():
		}
	}
	return reply
}

func (r *recorder) requests() []bot.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bot.Request(nil), r.reqs...)
}

// logBuffer collects log text, to check no secret is logged.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func newFake(t testing.TB, o discordfake.Options) *discordfake.Server {
	t.Helper()
	f, err := discordfake.New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(f.Close)
	f.AddChannel(testChannel, discordfake.Channel{})
	return f
}

func newREST(t testing.TB, f *discordfake.Server, log *slog.Logger) *REST {
	t.Helper()
	r, err := NewREST(RESTOptions{Token: f.Token(), APIURL: f.URL(), Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func openStore(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "discord.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

type edgeSetup struct {
	fake   *discordfake.Server
	rest   *REST
	edge   *Edge
	store  *sqlite.DB
	router *recorder
	priv   ed25519.PrivateKey
	logs   *logBuffer
}

func newEdge(t *testing.T, mode string, mod func(*Options)) *edgeSetup {
	t.Helper()
	s := &edgeSetup{fake: newFake(t, discordfake.Options{}), logs: &logBuffer{}, router: &recorder{reply: bot.Reply{Title: "ok", Lines: []string{"answer"}}}}
	log := slog.New(slog.NewTextHandler(s.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s.rest = newREST(t, s.fake, log)
	s.store = openStore(t)
	pub, priv := newKey(t)
	s.priv = priv
	o := Options{Mode: mode, ApplicationID: s.fake.ApplicationID(), PublicKey: pub, Guilds: []string{s.fake.GuildID()},
		CampaignID: "kaiser", Router: s.router, Store: s.store, REST: s.rest, Logger: log,
		MinBackoff: 50 * time.Millisecond, MaxBackoff: 200 * time.Millisecond}
	if mod != nil {
		mod(&o)
	}
	e, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	s.edge = e
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = e.Shutdown(ctx)
	})
	return s
}

func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, d)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func delivery(id int64, key string) strike.Delivery {
	return strike.Delivery{ID: id, Destination: strike.Destination{Platform: "discord", Workspace: discordfake.DefaultGuildID, Channel: testChannel},
		Key: key, Kind: string(bot.KindNewStory), CreatedAt: time.Now()}
}

func story(id int64, title string) bot.Post {
	return bot.Post{Announcement: &bot.Announcement{Kind: bot.KindNewStory, StoryID: id, Tier: strike.TierCore, Title: title,
		Summary: "Picket lines went up at dawn.", Source: "Harbor Times", URL: "https://news.example/" + title, Published: time.Now()}}
}

func TestMain(m *testing.M) {
	LibraryLogs(quiet())
	os.Exit(m.Run())
}

func quietTo(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func discordgoEndpointAPI() string { return discordgo.EndpointAPI }
