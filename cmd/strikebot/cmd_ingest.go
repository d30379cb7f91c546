package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/strikebot/strikebot/bot/console"
	"github.com/strikebot/strikebot/feeds"
	"github.com/strikebot/strikebot/feeds/fetch"
	"github.com/strikebot/strikebot/strike"
)

// cmdIngest polls every feed once, stores what is new, prints what it
// announces and a line per feed, and exits. It fails only when no feed at
// all could be read.
func cmdIngest(ctx context.Context, args []string, e env) error {
	fs := newFlags("ingest")
	flags := addConfigFlags(fs, true)
	campaign := fs.String("campaign", "", "`ID` of the campaign the --feed URLs belong to (default: the first)")
	allowPrivate := fs.Bool("allow-private-networks", false, "allow feeds on loopback and private addresses")
	var feedURLs stringList
	fs.Var(&feedURLs, "feed", "feed `URL` to read instead of the configured ones (repeatable)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, _, err := flags.load(e)
	if err != nil {
		return err
	}
	if *allowPrivate {
		cfg.AllowPrivateNetworks = true
	}
	campaigns := cfg.Campaigns()
	if len(feedURLs) > 0 {
		campaigns, err = replaceFeeds(campaigns, *campaign, feedURLs)
		if err != nil {
			return err
		}
	}
	list := feedList(campaigns)
	if len(list) == 0 {
		return &configError{errors.New("no feeds to read: configure some or pass --feed URL")}
	}
	log := newLogger(cfg, e.stderr)
	cls, err := newClassifier(campaigns)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if len(feedURLs) == 0 {
		added, err := chatFeeds(st, campaigns)(ctx)
		if err != nil {
			return err
		}
		list = mergeFeeds(list, added)
	}

	// Chat channels are served by `run`; ingest still queues their posts,
	// so a running bot delivers them.
	on := announcing{out: &console.Printer{W: e.stdout}, ann: newAnnouncer(cfg, st, log), window: cfg.Poll.AnnounceWindow, log: log}
	ds, err := openDesks(ctx, cfg, campaigns, st, on.onEvent)
	if err != nil {
		return err
	}
	p := newPoller(cfg, st, cls, log)
	q := newDeskQueue(ds, log)
	p.Handle = q.handle
	start := time.Now()
	// Each feed's line as its poll ends; nothing of an article is kept
	// past its feed's poll, so memory does not grow with the items.
	read, fresh, announced := 0, 0, 0
	p.PollEach(ctx, list, func(_ int, r feeds.Result) {
		fmt.Fprintln(e.stdout, resultLine(r))
		if r.Err == nil {
			read++
		}
		fresh += len(r.New)
		announced += r.Announced
	})
	q.wait()
	fmt.Fprintf(e.stdout, "ingest: %d of %d feeds read, %d new articles stored, %d announced, in %s\n",
		read, len(list), fresh, announced, time.Since(start).Round(time.Millisecond))
	if read == 0 {
		return errors.New("no feed could be read; see the errors above")
	}
	return nil
}

// resultLine is one line of a poll's outcome for people.
func resultLine(r feeds.Result) string {
	name := redactURL(r.Feed.URL)
	switch {
	case r.Err != nil:
		return fmt.Sprintf("FAIL %s: %s", name, r.Err)
	case r.NotModified:
		return fmt.Sprintf("ok   %s: not modified since the last poll", name)
	default:
		return fmt.Sprintf("ok   %s: %d items, %d new, %d announced", name, r.Items, len(r.New), r.Announced)
	}
}

// replaceFeeds gives the chosen campaign (default the first) exactly the
// given feeds and removes every other campaign's feeds.
func replaceFeeds(campaigns []strike.Campaign, id string, urls []string) ([]strike.Campaign, error) {
	if len(campaigns) == 0 {
		return nil, &configError{errors.New("no campaign configured for --feed")}
	}
	idx := 0
	if id != "" {
		idx = -1
		for i, c := range campaigns {
			if c.ID == id {
				idx = i
			}
		}
		if idx < 0 {
			return nil, usagef("--campaign %q is not configured", id)
		}
	}
	var sources []strike.FeedSource
	for _, u := range urls {
		if _, err := fetch.CheckURL(u); err != nil {
			return nil, usagef("--feed %s: %s", redactURL(u), err)
		}
		sources = append(sources, strike.FeedSource{URL: u})
	}
	out := make([]strike.Campaign, len(campaigns))
	for i, c := range campaigns {
		c.Feeds = nil
		if i == idx {
			c.Feeds = sources
		}
		out[i] = c
	}
	return out, nil
}

// mergeFeeds appends the feeds of more whose URL is not in list yet.
func mergeFeeds(list, more []feeds.Feed) []feeds.Feed {
	seen := make(map[string]bool, len(list))
	for _, f := range list {
		seen[f.URL] = true
	}
	for _, f := range more {
		if !seen[f.URL] {
			seen[f.URL] = true
			list = append(list, f)
		}
	}
	return list
}
