package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/strikebot/strikebot/bot/console"
	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/demo"
	"github.com/strikebot/strikebot/feeds"
	"github.com/strikebot/strikebot/strike"
)

// demoVisible is how many articles the demo site has published at start.
const demoVisible = 4

// cmdDemo runs the bot's main job offline: it starts a small news site on
// 127.0.0.1 that publishes the demo timeline article by article, polls it,
// and prints every announcement until stopped.
func cmdDemo(ctx context.Context, args []string, e env) error {
	fs := newFlags("demo")
	db := fs.String("db", "", "database `DSN` to keep the demo's data in (default: a temporary SQLite file)")
	every := fs.Duration("every", 2*time.Second, "how often the demo site publishes its next article, a `DURATION` such as 500ms")
	verbose := fs.Bool("verbose", false, "log every poll")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *every < 10*time.Millisecond {
		return usagef("--every must be at least 10ms")
	}
	docs, err := demo.Corpus()
	if err != nil {
		return fmt.Errorf("load demo articles: %w", err)
	}

	level := slog.LevelWarn
	if *verbose {
		level = slog.LevelInfo
	}
	// At a prompt on a terminal, logs and announcements keep clear of the
	// prompt: they all go through one screen.
	prompt := isTerminal(e.stdin) && isTerminal(e.stdout)
	stdout, stderr := e.stdout, e.stderr
	var screen *console.Screen
	if prompt {
		screen = console.NewScreen(e.stdout)
		stdout, stderr = screen, screen.Wrap(e.stderr)
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	dsn := *db
	if dsn == "" {
		dir, err := os.MkdirTemp("", "strikebot-demo-")
		if err != nil {
			return fmt.Errorf("temporary directory: %w", err)
		}
		defer os.RemoveAll(dir)
		dsn = "sqlite:" + filepath.Join(dir, "demo.db")
	}

	site := demo.NewSite(docs, demoVisible)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("start the demo news site: %w", err)
	}
	base := "http://" + ln.Addr().String()
	srv := &http.Server{Handler: site, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 10 * time.Second}
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Go(func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("demo site stopped", "err", err.Error())
		}
	})
	defer srv.Close()

	cfg := config.Default()
	cfg.AllowPrivateNetworks = true // the demo site is on 127.0.0.1
	campaigns := cfg.Campaigns()[:1]
	campaigns[0].Feeds = nil
	for _, f := range site.Feeds() {
		campaigns[0].Feeds = append(campaigns[0].Feeds, strike.FeedSource{URL: base + f.Path, Name: f.Name})
	}
	cls, err := newClassifier(campaigns)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()

	out := &console.Printer{W: stdout, Reasons: true}
	on := announcing{out: out, log: log}
	ds, err := openDesks(ctx, cfg, campaigns, st, on.onEvent)
	if err != nil {
		return err
	}
	p := newPoller(cfg, st, cls, log)
	p.Interval = time.Second
	p.Jitter = 0
	p.AnnounceWindow = 0 // the demo's backlog is history worth showing
	q := newDeskQueue(ds, log)
	p.Handle = q.handle
	p.Observe = func(r feeds.Result) {
		for _, a := range r.New {
			if !a.Relevance.Tier.Announceable() {
				out.Note("not strike news, not announced: %q (%s)", a.Title, a.Source)
			}
		}
		if r.Err != nil {
			out.Note("feed %s failed: %s", r.Feed.Name, r.Err)
		}
	}

	fmt.Fprintf(e.stdout, "strikebot demo: following %q\n", campaigns[0].Name)
	fmt.Fprintf(e.stdout, "  demo news site: %s (%d feeds, %d articles, one more every %s)\n", base, len(site.Feeds()), len(docs), *every)
	fmt.Fprintf(e.stdout, "  database:       %s\n", dsn)
	if prompt {
		fmt.Fprintf(e.stdout, "  Type chat commands at the prompt (\"status\", \"latest\", \"ask when is the vote?\", \"help\");\n")
		fmt.Fprintf(e.stdout, "  announcements appear as the site publishes. \"quit\" or Ctrl-C stops.\n\n")
	} else {
		fmt.Fprintf(e.stdout, "  Press Ctrl-C to stop.\n\n")
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	wg.Go(func() { publish(ctx, site, *every, out, *db) })
	if prompt {
		router, err := newRouter(cfg, campaigns, ds, st, log, true)
		if err != nil {
			return err
		}
		// The prompt reads the terminal until "quit" or end of input; a
		// blocked read is left behind at exit, which a process may do.
		go func() {
			console.Chat(ctx, router, e.stdin, screen)
			cancel()
		}()
	}
	err = p.Run(ctx, feedList(campaigns))
	q.wait()
	if ctx.Err() != nil { // stopped by a signal or the caller: a clean stop
		fmt.Fprintln(e.stdout, "\nstrikebot demo stopped.")
		return nil
	}
	return err
}

// publish releases the demo site's articles one by one until all are out or
// ctx ends.
func publish(ctx context.Context, site *demo.Site, every time.Duration, out *console.Printer, db string) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		doc, ok := site.Release()
		if !ok {
			hint := "run again with --db sqlite:demo.db to keep the data and list it with `strikebot articles --db sqlite:demo.db`"
			if db != "" {
				hint = "list what was stored with `strikebot articles --db " + db + "`"
			}
			out.Note("the demo site has published all its articles; the bot keeps polling. Press Ctrl-C to stop, then %s.", hint)
			return
		}
		out.Note("demo site published: %s: %q", doc.Outlet, doc.Title)
	}
}
