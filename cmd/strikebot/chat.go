package main

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/console"
	"github.com/strikebot/strikebot/bot/discord"
	"github.com/strikebot/strikebot/bot/slack"
	"github.com/strikebot/strikebot/config"
	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/feeds"
	"github.com/strikebot/strikebot/feeds/fetch"
	"github.com/strikebot/strikebot/strike"
)

// routers builds the command router of each chat edge for a campaign: the
// Slack one answers the configured workspaces and captains; the terminal's
// answers only the terminal, whose user is a captain (whoever runs the
// command already holds the configuration and the database).
func newRouter(cfg config.Config, c strike.Campaign, d *coverage.Desk, st strike.Store, log *slog.Logger, terminal bool) (*bot.Router, error) {
	scorer, err := coverage.NewScorer(c.Relevance)
	if err != nil {
		return nil, &configError{fmt.Errorf("campaign %q: relevance: %w", c.ID, err)}
	}
	o := bot.RouterOptions{Campaign: c, Desk: d, Store: st, Scorer: scorer, RateLimit: cfg.Bot.RateLimit, Logger: log,
		FeedChecker: feedChecker{client: newFetcher(cfg), maxItems: cfg.Poll.MaxItems}}
	if terminal {
		o.Workspaces, o.Captains = []string{"console/"}, []string{console.User}
	} else {
		o.Captains = cfg.Bot.Captains
		for _, team := range cfg.Slack.Workspaces {
			o.Workspaces = append(o.Workspaces, "slack/"+team)
		}
		if cfg.Discord.Enabled() {
			for _, g := range cfg.Discord.Guilds {
				o.Workspaces = append(o.Workspaces, "discord/"+g)
			}
		}
	}
	return bot.NewRouter(o), nil
}

// chatRuntime is the chat side of a running bot: announcements into the
// outbox, its delivery, the digests, and the Slack and Discord edges when
// configured.
type chatRuntime struct {
	announcer *bot.Announcer
	deliverer *bot.Deliverer
	slack     func(ctx context.Context) error // nil without Slack
	// discord is the Discord edge, nil without Discord; its Health is the
	// platform's state for /healthz.
	discord *discord.Edge
	// servers are the HTTP endpoints of the chat edges in http mode, by
	// address: Slack and Discord on the same address share one server.
	servers map[string]*chatServer
	closers []func() error // run calls them when it ends
}

// chatServer is one address serving chat endpoints.
type chatServer struct {
	mux  *http.ServeMux
	what []string
	// shutdown are the edges' Shutdown methods, called once the server
	// has stopped.
	shutdown []func(context.Context) error
}

func (rt *chatRuntime) server(addr string) *chatServer {
	if rt.servers == nil {
		rt.servers = make(map[string]*chatServer)
	}
	cs := rt.servers[addr]
	if cs == nil {
		cs = &chatServer{mux: http.NewServeMux()}
		rt.servers[addr] = cs
	}
	return cs
}

// newAnnouncer queues story events for the subscribed channels.
func newAnnouncer(cfg config.Config, st strike.Store, log *slog.Logger) *bot.Announcer {
	return &bot.Announcer{Store: st, FloodThreshold: cfg.Bot.FloodThreshold, Logger: log}
}

func newChatRuntime(cfg config.Config, st strike.Store, ann *bot.Announcer, router *bot.Router, log *slog.Logger) (*chatRuntime, error) {
	ops, err := bot.ParseDestination(cfg.Bot.OpsChannel)
	if err != nil {
		return nil, &configError{fmt.Errorf("bot.ops_channel: %w", err)}
	}
	rt := &chatRuntime{
		announcer: ann,
		deliverer: &bot.Deliverer{Store: st, Posters: map[string]bot.Poster{}, OpsChannel: ops, RetryMax: cfg.Bot.RetryMax, Lease: cfg.Bot.DeliveryLease, Logger: log},
	}
	if cfg.Discord.Enabled() {
		if err := rt.addDiscord(cfg, st, router, log); err != nil {
			return nil, err
		}
	}
	if !cfg.Slack.Enabled() {
		return rt, nil
	}
	client := &http.Client{Timeout: 15 * time.Second}
	// Captains may be named by user group: look groups up (cached).
	groups := slack.NewGroupResolver(slack.GroupResolverOptions{Token: cfg.Slack.BotToken, APIURL: cfg.Slack.APIURL, Logger: log})
	rt.closers = append(rt.closers, groups.Close)
	rt.deliverer.Posters["slack"] = slack.NewPoster(slack.PosterOptions{Token: cfg.Slack.BotToken, APIURL: cfg.Slack.APIURL, Client: client, Logger: log})
	switch cfg.Slack.Mode {
	case "http":
		h := slack.NewHandler(slack.HandlerOptions{
			SigningSecret: cfg.Slack.SigningSecret, Teams: cfg.Slack.Workspaces, Router: router, Groups: groups, Client: client, Logger: log,
		})
		cs := rt.server(cfg.Slack.Listen)
		cs.mux.Handle("/slack/", h)
		cs.what = append(cs.what, "Slack")
		cs.shutdown = append(cs.shutdown, h.Shutdown)
	default:
		api := slackgo.New(cfg.Slack.BotToken, slackgo.OptionAppLevelToken(cfg.Slack.AppToken),
			slackgo.OptionAPIURL(cfg.Slack.APIURL), slackgo.OptionHTTPClient(client))
		sm := socketmode.New(api)
		rt.slack = func(ctx context.Context) error {
			return slack.RunSocketMode(ctx, sm, router, slack.SocketOptions{Teams: cfg.Slack.Workspaces, Groups: groups, Client: client, Logger: log})
		}
	}
	return rt, nil
}

// run runs the deliverer, the digest scheduler, the chat edges and their
// HTTP endpoints until ctx ends or one of them fails; it returns the first
// failure.
func (rt *chatRuntime) run(ctx context.Context, log *slog.Logger) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	start := func(name string, f func(context.Context) error) {
		wg.Go(func() {
			if err := f(ctx); err != nil && ctx.Err() == nil {
				once.Do(func() { first = fmt.Errorf("%s: %w", name, err) })
				cancel()
			}
		})
	}
	start("deliverer", rt.deliverer.Run)
	start("digests", rt.announcer.Run)
	if rt.slack != nil {
		start("slack", rt.slack)
	}
	if rt.discord != nil {
		start("discord", rt.discord.Run)
	}
	for addr, cs := range rt.servers {
		start("chat endpoints on "+addr, func(ctx context.Context) error { return serveChat(ctx, addr, cs, log) })
	}
	wg.Wait()
	for _, c := range rt.closers {
		c()
	}
	return first
}

// serveChat serves the chat endpoints on addr until ctx ends, then stops
// the server and waits for the edges' work in progress.
func serveChat(ctx context.Context, addr string, cs *chatServer, log *slog.Logger) error {
	srv := slack.NewServer(addr, cs.mux)
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Info("serving chat requests", "addr", addr, "for", strings.Join(cs.what, " and "))
	select {
	case err := <-errc:
		return fmt.Errorf("listen on %s: %w", addr, err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(sctx)
	for _, f := range cs.shutdown {
		f(sctx)
	}
	if e := <-errc; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}

// addDiscord sets up the Discord edge: its poster in the outbox, its
// interactions endpoint in http mode, and the edge itself (the gateway in
// gateway mode, command registration in both).
func (rt *chatRuntime) addDiscord(cfg config.Config, st strike.Store, router *bot.Router, log *slog.Logger) error {
	d := cfg.Discord
	discord.LibraryLogs(log)
	rest, err := discord.NewREST(discord.RESTOptions{Token: d.BotToken, APIURL: d.APIURL, Client: &http.Client{Timeout: 15 * time.Second}, Logger: log})
	if err != nil {
		return &configError{fmt.Errorf("discord.api_url: %w", err)}
	}
	var key ed25519.PublicKey
	if d.Mode == "http" {
		if key, err = discord.ParsePublicKey(d.PublicKey); err != nil {
			return &configError{fmt.Errorf("discord.public_key: %w", err)}
		}
	}
	campaign := ""
	if cs := cfg.Campaigns(); len(cs) > 0 {
		campaign = cs[0].ID // chat commands address the first campaign
	}
	edge, err := discord.New(discord.Options{Mode: d.Mode, ApplicationID: d.ApplicationID, PublicKey: key, Guilds: d.Guilds,
		Commands: d.Commands, CampaignID: campaign, Router: router, Store: st, REST: rest, Logger: log})
	if err != nil {
		return &configError{err}
	}
	rt.discord = edge
	rt.deliverer.Posters["discord"] = discord.NewPoster(discord.PosterOptions{REST: rest, Logger: log})
	if d.Mode == "http" {
		cs := rt.server(d.Listen)
		cs.mux.Handle(discord.Path, edge)
		cs.what = append(cs.what, "Discord")
		cs.shutdown = append(cs.shutdown, edge.Shutdown)
	} else {
		rt.closers = append(rt.closers, func() error {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			return edge.Shutdown(ctx)
		})
	}
	log.Info("discord: on", "mode", d.Mode, "servers", len(d.Guilds), "commands", d.Commands)
	return nil
}

// feedChecker tries a feed a captain adds from chat: one fetch through the
// polite, address-guarded client, and a parse.
type feedChecker struct {
	client   *fetch.Client
	maxItems int
}

// Check returns the feed's title, or an error whose text is one line a
// captain can act on (no credentials: fetch and feeds redact them).
func (fc feedChecker) Check(ctx context.Context, url string) (string, error) {
	resp, err := fc.client.Get(ctx, fetch.Request{URL: url})
	if err != nil {
		return "", err
	}
	parsed, err := feeds.Parse(resp.Body, feeds.ParseOptions{FeedURL: url, Now: time.Now(), MaxItems: fc.maxItems, ContentType: resp.ContentType})
	if err != nil {
		return "", err
	}
	return parsed.Title, nil
}

// chatFeeds returns the poller's Feeds: the feeds captains added from
// chat, for every campaign.
func chatFeeds(st strike.Store, campaigns []strike.Campaign) func(context.Context) ([]feeds.Feed, error) {
	return func(ctx context.Context) ([]feeds.Feed, error) {
		var out []feeds.Feed
		for _, c := range campaigns {
			added, err := st.Feeds(ctx, c.ID)
			if err != nil {
				return nil, fmt.Errorf("feeds added from chat to %s: %w", c.ID, err)
			}
			for _, f := range added {
				out = append(out, feeds.Feed{URL: f.URL, Name: f.Name, CampaignID: c.ID})
			}
		}
		return out, nil
	}
}
