package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/console"
	"github.com/strikebot/strikebot/store"
	"github.com/strikebot/strikebot/strike"
)

// cmdRun is the long-running bot: it polls every configured feed on its
// schedule and announces new strike news until stopped.
func cmdRun(ctx context.Context, args []string, e env) error {
	fs := newFlags("run")
	flags := addConfigFlags(fs, true)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, path, err := flags.load(e)
	if err != nil {
		return err
	}
	log := newLogger(cfg, e.stderr)
	campaigns := cfg.Campaigns()
	cls, err := newClassifier(campaigns)
	if err != nil {
		return err
	}
	// One running bot per SQLite file: a second would poll and post everything twice.
	unlock, err := store.LockRun(cfg.DB)
	if err != nil {
		return err
	}
	defer unlock()
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()

	ann := newAnnouncer(cfg, st, log)
	on := announcing{out: &console.Printer{W: e.stdout}, ann: ann, window: cfg.Poll.AnnounceWindow, log: log}
	ds, err := openDesks(ctx, cfg, campaigns, st, on.onEvent)
	if err != nil {
		return err
	}
	// One router for every campaign: a channel's commands address the
	// campaign it follows, "campaign ID" another, and the first by default.
	router, err := newRouter(cfg, campaigns, ds, st, log, false)
	if err != nil {
		return err
	}
	rt, err := newChatRuntime(ctx, cfg, st, ann, router, log)
	if err != nil {
		return err
	}
	m := newMetrics()
	m.watchChat(st, rt.platforms, time.Now)
	rt.deliverer.Observe = m.observeDelivery
	p := newPoller(cfg, st, cls, log)
	// Replicas on one database lease each feed for its poll, so every
	// feed is fetched once per interval between them; a lease outlasts a
	// poll's requests (each bounded by poll.timeout), and one whose
	// replica died runs out.
	p.Lease = feedLease(cfg.Poll.Timeout)
	q := newDeskQueue(ds, log)
	p.Handle = q.handle
	p.Feeds = chatFeeds(st, campaigns)
	p.Observe = m.observe

	if cfg.Listen != "" {
		stopOps, err := serveOps(ctx, cfg.Listen, st, rt.platforms, m, log)
		if err != nil {
			return err
		}
		defer stopOps()
	}
	list := feedList(campaigns)
	log.Info("strikebot running", "config", orDefaults(path), "db", store.Redact(cfg.DB),
		"campaigns", len(campaigns), "feeds", len(list), "listen", cfg.Listen, "interval", cfg.Poll.Interval.String())
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	chatErr := make(chan error, 1)
	go func() {
		err := rt.run(ctx, log)
		cancel() // the outbox's deliverer failed: stop rather than post nothing
		chatErr <- err
	}()
	var sweeping sync.WaitGroup
	sweeping.Go(func() { ds.sweep(ctx, sweepEvery, log) })
	// Feeds failing for a day are told to the ops channel, once a spell.
	watch := &bot.FeedWatch{Store: st, Ops: rt.deliverer.OpsChannel, After: cfg.Bot.FeedAlertAfter,
		Tick: min(time.Minute, max(time.Second, cfg.Bot.FeedAlertAfter/20)), Names: feedNames(campaigns), Logger: log}
	sweeping.Go(func() { watch.Run(ctx) })
	err = p.Run(ctx, list)
	cancel()
	q.wait()
	sweeping.Wait()
	if cerr := <-chatErr; cerr != nil {
		return cerr
	}
	if err == nil || errors.Is(err, context.Canceled) {
		log.Info("strikebot stopped")
		return nil
	}
	return fmt.Errorf("poller: %w", err)
}

func orDefaults(path string) string {
	if path == "" {
		return "(built-in defaults)"
	}
	return path
}

// feedLease is how long a replica holds a feed for one poll: ten requests'
// worth, at least half a minute.
func feedLease(timeout time.Duration) time.Duration {
	return max(30*time.Second, 10*timeout)
}

// feedNames returns the configured display name of a feed by URL.
func feedNames(campaigns []strike.Campaign) func(string) string {
	names := make(map[string]string)
	for _, c := range campaigns {
		for _, f := range c.Feeds {
			names[f.URL] = f.Name
		}
	}
	return func(url string) string { return names[url] }
}
