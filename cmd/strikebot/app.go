package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/console"
	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/feeds"
	"github.com/strikebot/strikebot/feeds/fetch"
	"github.com/strikebot/strikebot/store"
	"github.com/strikebot/strikebot/strike"
)

// configError is a configuration that could not be loaded or is invalid.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

// newFlags returns a flag set that reports errors as usage errors instead of
// printing and exiting.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses the flags of a command that takes no other argument.
func parseFlags(fs *flag.FlagSet, args []string) error {
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q", rest[0])
	}
	return nil
}

// parseArgs parses flags wherever they are among the arguments (`ask
// "when is the vote?" --json`), as Go's own tools do, and returns the
// other arguments in order; everything after "--" is an argument. -h and
// --help return a *helpRequest for fs.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			return nil, &helpRequest{fs}
		}
		if err != nil {
			return nil, usagef("%s", err.Error())
		}
		left := fs.Args()
		if len(left) == 0 {
			return rest, nil
		}
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			return append(rest, left...), nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// configFlags are the --config and, for commands that open the database,
// --db flags.
type configFlags struct {
	path, db *string
}

// addConfigFlags declares --config, and --db when withDB is true.
func addConfigFlags(fs *flag.FlagSet, withDB bool) configFlags {
	c := configFlags{path: fs.String("config", "", "configuration `FILE` (default: $STRIKEBOT_CONFIG, else ./strikebot.yaml if present, else built-in defaults)")}
	if withDB {
		c.db = fs.String("db", "", "database `DSN`: sqlite:PATH, postgres://… or host=… dbname=… (default: the configuration's db)")
	}
	return c
}

// load loads the configuration the flags name, with --db applied.
func (c configFlags) load(e env) (config.Config, string, error) {
	cfg, path, err := loadConfig(*c.path, e)
	if err == nil && c.db != nil && *c.db != "" {
		cfg.DB = *c.db
		applyMemoryLimit(cfg, e) // its default depends on the database
	}
	return cfg, path, err
}

// loadConfig reads the configuration from path, else $STRIKEBOT_CONFIG, else
// ./strikebot.yaml when it exists, else uses the defaults; the environment
// overrides the file.
func loadConfig(path string, e env) (config.Config, string, error) {
	if path == "" {
		if p, ok := e.lookup("STRIKEBOT_CONFIG"); ok && p != "" {
			path = p
		} else if _, err := os.Stat("strikebot.yaml"); err == nil {
			path = "strikebot.yaml"
		}
	}
	cfg, err := config.Load(path, e.lookup)
	var names []string
	if e.environ != nil {
		names = e.environ()
	}
	// Misspelt variables are reported with the other problems, all at once.
	if envErr := config.CheckEnv(names, "STRIKEBOT_CONFIG"); envErr != nil {
		err = errors.Join(envErr, err)
	}
	if err != nil {
		return config.Config{}, path, &configError{err}
	}
	applyMemoryLimit(cfg, e)
	return cfg, path, nil
}

// applyMemoryLimit hands the configured memory_limit (or its default for
// the database, cfg.ProcessMemoryLimit) to the process, unless it is 0
// or GOMEMLIMIT is set (the operator's own choice, which
// Go's runtime has already applied). Under the limit, the collector also
// lets the heap grow to three times what is live (gcPercentUnderLimit)
// rather than twice, unless GOGC is set: the limit, not the percentage,
// then bounds memory, and a first ingest collects half as often.
func applyMemoryLimit(cfg config.Config, e env) {
	limit := cfg.ProcessMemoryLimit()
	if e.setMemoryLimit == nil || limit <= 0 {
		return
	}
	if v, ok := e.lookup("GOMEMLIMIT"); ok && v != "" {
		return
	}
	e.setMemoryLimit(int64(limit))
	if v, ok := e.lookup("GOGC"); (!ok || v == "") && e.setGCPercent != nil {
		e.setGCPercent(gcPercentUnderLimit)
	}
}

// gcPercentUnderLimit is the collector's percentage while memory_limit
// applies. Measured on a first ingest of 1,000 feeds × 50 items (5%
// strike news, two cores): the ingest used about 1.7 s less CPU on
// PostgreSQL (11.6 against 13.3 s) and 0.8 s less on SQLite with 200
// than with Go's default 100, at the same peak RSS, since the live heap
// (10-20 MB) stays well under the limit either way; 400 saved no more,
// and no percentage (collecting only at the limit) saved less.
const gcPercentUnderLimit = 200

// newLogger builds the process's logger: text on a terminal, JSON otherwise,
// unless the configuration says which.
func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	return newLoggerTTY(cfg, w, isTerminal(w))
}

// newLoggerTTY is newLogger for a writer that is (tty) or is not a
// terminal, when w itself cannot tell (a console.Screen's).
func newLoggerTTY(cfg config.Config, w io.Writer, tty bool) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.Log.Level)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	format := cfg.Log.Format
	if format == "" || format == "auto" {
		format = "json"
		if tty {
			format = "text"
		}
	}
	if format == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// quietLogger discards everything; for tests and for commands that print
// their own results.
func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// openStore opens the store named by the DSN.
func openStore(ctx context.Context, dsn string) (strike.Store, error) {
	s, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", store.Redact(dsn), err)
	}
	return s, nil
}

// newFetcher builds the one polite HTTP client every feed and page fetch uses.
func newFetcher(cfg config.Config) *fetch.Client {
	return fetch.New(fetch.Options{
		UserAgent:    cfg.Poll.UserAgent,
		Timeout:      cfg.Poll.Timeout,
		MaxBody:      int64(cfg.Poll.MaxBody),
		MaxRedirects: cfg.Poll.MaxRedirects,
		AllowPrivate: cfg.AllowPrivateNetworks,
	})
}

// classifier scores articles with each campaign's relevance profile.
type classifier map[string]*coverage.Scorer

func newClassifier(campaigns []strike.Campaign) (classifier, error) {
	c := make(classifier, len(campaigns))
	for _, cp := range campaigns {
		s, err := coverage.NewScorer(cp.Relevance)
		if err != nil {
			return nil, &configError{fmt.Errorf("campaign %q: relevance: %w", cp.ID, err)}
		}
		c[cp.ID] = s
	}
	return c, nil
}

func (c classifier) classify(campaignID string, a *strike.Article) {
	s, ok := c[campaignID]
	if !ok {
		a.Relevance = strike.Relevance{Tier: strike.TierNone, Reasons: []string{"no campaign " + campaignID}}
		return
	}
	a.Relevance = s.Score(a)
}

// feedList flattens the campaigns' feeds.
func feedList(campaigns []strike.Campaign) []feeds.Feed {
	var out []feeds.Feed
	for _, cp := range campaigns {
		for _, f := range cp.Feeds {
			out = append(out, feeds.Feed{URL: f.URL, Name: f.Name, CampaignID: cp.ID})
		}
	}
	return out
}

// newPoller wires a poller from the configuration.
func newPoller(cfg config.Config, st strike.Store, cls classifier, log *slog.Logger) *feeds.Poller {
	return &feeds.Poller{
		Store:          st,
		Fetch:          newFetcher(cfg),
		Classify:       cls.classify,
		Logger:         log,
		Interval:       cfg.Poll.Interval,
		Jitter:         cfg.Poll.Jitter,
		MaxBackoff:     cfg.Poll.MaxBackoff,
		AnnounceWindow: cfg.Poll.AnnounceWindow,
		MaxItems:       cfg.Poll.MaxItems,
		FullText:       cfg.Poll.FullText,
		SnippetWords:   cfg.Poll.SnippetWords,
		Concurrency:    cfg.Poll.Concurrency,
	}
}

// desks are the campaigns' coverage desks, by campaign ID.
type desks map[string]*coverage.Desk

// openDesks opens a desk for each campaign. Articles stored but never
// processed (the bot stopped in between) are processed now, and their
// events go through onEvent like any other.
func openDesks(ctx context.Context, cfg config.Config, campaigns []strike.Campaign, st strike.Store, onEvent func(context.Context, coverage.StoryEvent) error) (desks, error) {
	var sum coverage.Summarizer = coverage.Extractive{}
	if cfg.Summarizer.URL != "" {
		sum = coverage.LLM{URL: cfg.Summarizer.URL, Model: cfg.Summarizer.Model, APIKey: cfg.Summarizer.APIKey,
			Timeout: cfg.Summarizer.Timeout, Fallback: coverage.Extractive{}}
	}
	ds := make(desks, len(campaigns))
	for _, c := range campaigns {
		d, _, err := coverage.NewDesk(ctx, c, st, coverage.DeskOptions{Summarizer: sum, Phraser: answerPhraser(cfg), OnEvent: onEvent})
		if err != nil {
			return nil, err
		}
		ds[c.ID] = d
	}
	return ds, nil
}

// answerPhraser returns the configured model as the phraser of answers,
// or nil (extractive answers) when no summarizer is configured.
func answerPhraser(cfg config.Config) coverage.Phraser {
	if cfg.Summarizer.URL == "" {
		return nil
	}
	return coverage.LLM{URL: cfg.Summarizer.URL, Model: cfg.Summarizer.Model, APIKey: cfg.Summarizer.APIKey, Timeout: cfg.Summarizer.Timeout}
}

// sweepEvery is how often run looks for articles stored but never
// handled, and sweepAfter how long an article may wait for the process
// that stored it: past that, that process died or failed to hand its
// event on, and whichever replica sweeps first handles it.
const (
	sweepEvery = 30 * time.Second
	sweepAfter = 2 * time.Minute
)

// sweep handles, every interval until ctx ends, the articles left
// unprocessed (see sweepAfter).
func (ds desks) sweep(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		for id, d := range ds {
			if evs, err := d.Sweep(ctx, sweepAfter); err != nil && ctx.Err() == nil {
				log.Error("coverage of articles left unprocessed failed; retrying later", "campaign", id, "err", err.Error())
			} else if len(evs) > 0 {
				log.Info("handled articles another process left unprocessed", "campaign", id, "articles", len(evs))
			}
		}
	}
}

// batchKey carries the poll batch an event comes from, for onEvent.
type batchKey struct{}

// deskQueue is the poller's Handle: it hands each poll's new strike
// articles to their campaign's desk without making the poll wait for it.
// While a desk works, the pollers go on fetching and parsing, and the
// batches that come in meanwhile go through the desk together
// (Desk.Process combines waiting calls), so a desk pass's fixed costs
// (the coverage lock, catching up, the save) are paid once for many
// polls. On a first ingest of 1,000 feeds that was 12-15% less CPU on a
// loaded machine, about 3% less time on a quiet one.
//
// At most maxQueuedBatches are queued; a poll finding them all taken
// waits for one. Only the articles a desk handles are kept, not the
// poll's others. A batch whose context ends before its desk pass stays
// unprocessed in the store, and the desk's catch-up at the next start
// (or the running bot's sweep) handles it.
//
// Each batch's goroutine ends with its desk pass; wait returns once all
// have ended. Use newDeskQueue.
type deskQueue struct {
	ds    desks
	log   *slog.Logger
	slots chan struct{}
	wg    sync.WaitGroup
}

// maxQueuedBatches bounds the batches waiting for or in a desk pass.
const maxQueuedBatches = 64

func newDeskQueue(ds desks, log *slog.Logger) *deskQueue {
	return &deskQueue{ds: ds, log: log, slots: make(chan struct{}, maxQueuedBatches)}
}

// handle queues b's articles for their campaign's desk.
func (q *deskQueue) handle(ctx context.Context, b feeds.Batch) {
	d := q.ds[b.Feed.CampaignID]
	if d == nil {
		return
	}
	var todo []strike.Article
	for _, a := range b.Articles {
		if a.Relevance.Tier.Announceable() && a.CampaignID == b.Feed.CampaignID {
			todo = append(todo, a)
		}
	}
	if len(todo) == 0 {
		return
	}
	b.Articles = todo
	select {
	case q.slots <- struct{}{}:
	case <-ctx.Done():
		return // unprocessed: handled at the next start
	}
	q.wg.Go(func() {
		defer func() { <-q.slots }()
		if _, err := d.Process(context.WithValue(ctx, batchKey{}, b), b.Articles); err != nil {
			q.log.Error("coverage of new articles failed; they are processed again at the next start",
				"campaign", b.Feed.CampaignID, "err", err.Error())
		}
	})
}

// wait blocks until every queued batch has been through its desk.
func (q *deskQueue) wait() { q.wg.Wait() }

// announcing is what happens to a story event: queued for every
// subscribed chat channel (when ann is set), then printed (when out is).
type announcing struct {
	out *console.Printer
	ann *bot.Announcer
	// window: events of articles processed at start (not from a poll) are
	// announced only when published this recently; 0 announces them all.
	window time.Duration
	log    *slog.Logger
}

// onEvent is the desks' OnEvent. An error leaves the article unprocessed,
// so it is announced at the next start: nothing is lost, and the outbox's
// key per article keeps it from being queued twice.
func (an announcing) onEvent(ctx context.Context, ev coverage.StoryEvent) error {
	switch b, ok := ctx.Value(batchKey{}).(feeds.Batch); {
	case ev.Verdict != 0:
		// A captain's verdict: posted, or retracted, however old the article.
	case ok && !b.Announce(ev.Article):
		return nil // a first poll's backlog
	case !ok && an.window > 0 && time.Since(ev.Article.Published) > an.window:
		return nil
	}
	if an.ann != nil {
		if _, err := an.ann.Announce(ctx, ev); err != nil {
			return fmt.Errorf("queue the announcement of article %d: %w", ev.Article.ID, err)
		}
	}
	if ev.Kind == coverage.EventWithdrawn && an.out != nil {
		title, story := ev.Article.Title, ev.Story.ID
		if ev.Story.Members == 0 {
			title = ev.Story.Title
		}
		if err := an.out.Retract(story, title, "not about this strike"); err != nil {
			an.log.Error("retraction not printed", "err", err.Error())
		}
		return nil
	}
	if a, ok := bot.FromEvent(ev); ok && an.out != nil {
		if err := an.out.Announce(a); err != nil {
			an.log.Error("announcement not printed", "err", err.Error())
		}
	}
	return nil
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error {
	if v == "" {
		return errors.New("empty value")
	}
	*s = append(*s, v)
	return nil
}

// redactURL hides any password or secret query value (token=, key=,
// sig=…) in a URL for output.
func redactURL(raw string) string { return strike.RedactURL(raw) }
