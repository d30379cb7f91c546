package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/strikebot/strikebot/feeds"
	"github.com/strikebot/strikebot/feeds/fetch"
)

// cmdCheckConfig validates the configuration and prints the effective
// settings with secrets redacted. With --feeds it also reads every feed once
// (storing nothing) and reports each one's health.
func cmdCheckConfig(ctx context.Context, args []string, e env) error {
	fs := newFlags("check-config")
	flags := addConfigFlags(fs, false)
	probe := fs.Bool("feeds", false, "also fetch and parse every feed once")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, path, err := flags.load(e)
	if err != nil {
		return err
	}
	out, err := cfg.Redacted().YAML()
	if err != nil {
		return fmt.Errorf("print configuration: %w", err)
	}
	// The printed configuration is the command's answer: a failed write
	// (a closed pipe, a full disk) fails the command.
	text := fmt.Sprintf("# strikebot configuration from %s, with environment overrides; secrets redacted\n%s# configuration is valid\n",
		orDefaults(path), out)
	if _, err := io.WriteString(e.stdout, text); err != nil {
		return fmt.Errorf("print configuration: %w", err)
	}
	for _, w := range cfg.Warnings() {
		fmt.Fprintf(e.stderr, "strikebot check-config: warning: %s\n", w)
	}
	if !*probe {
		return nil
	}
	client := newFetcher(cfg)
	failed := 0
	for _, f := range feedList(cfg.Campaigns()) {
		if line, ok := probeFeed(ctx, client, f, cfg.Poll.MaxItems); ok {
			fmt.Fprintf(e.stdout, "# ok   %s\n", line)
		} else {
			failed++
			fmt.Fprintf(e.stdout, "# FAIL %s\n", line)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d feed(s) could not be read; see the FAIL lines above", failed)
	}
	return nil
}

// probeFeed fetches and parses one feed without storing anything.
func probeFeed(ctx context.Context, c *fetch.Client, f feeds.Feed, maxItems int) (string, bool) {
	name := redactURL(f.URL)
	resp, err := c.Get(ctx, fetch.Request{URL: f.URL})
	if err != nil {
		return fmt.Sprintf("%s: %s", name, err), false
	}
	parsed, err := feeds.Parse(resp.Body, feeds.ParseOptions{
		FeedURL: f.URL, CampaignID: f.CampaignID, Source: f.Name, Now: time.Now(),
		MaxItems: maxItems, ContentType: resp.ContentType,
	})
	if err != nil {
		var nf *feeds.NotAFeedError
		if errors.As(err, &nf) && len(nf.FeedLinks) > 0 {
			return fmt.Sprintf("%s: %s (use the feed link instead)", name, err), false
		}
		return fmt.Sprintf("%s: %s", name, err), false
	}
	return fmt.Sprintf("%s: %q, %d items", name, parsed.Title, len(parsed.Items)), true
}
