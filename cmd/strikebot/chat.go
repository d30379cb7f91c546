package main

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

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

// newRouter builds the command router of a chat edge for the campaigns,
// the first being the default (a channel's commands address the campaign
// it follows; "campaign ID" another): the Slack one answers the
// configured workspaces and captains; the terminal's answers only the
// terminal, whose user is a captain (whoever runs the command already
// holds the configuration and the database).
func newRouter(cfg config.Config, campaigns []strike.Campaign, ds desks, st strike.Store, log *slog.Logger, terminal bool) (*bot.Router, error) {
	o := bot.RouterOptions{Store: st, RateLimit: cfg.Bot.RateLimit, Logger: log,
		FeedChecker: feedChecker{client: newFetcher(cfg), maxItems: cfg.Poll.MaxItems}}
	for _, c := range campaigns {
		scorer, err := coverage.NewScorer(c.Relevance)
		if err != nil {
			return nil, &configError{fmt.Errorf("campaign %q: relevance: %w", c.ID, err)}
		}
		o.Campaigns = append(o.Campaigns, bot.RouterCampaign{Campaign: c, Desk: ds[c.ID], Scorer: scorer})
	}
	if terminal {
		o.Workspaces, o.Captains, o.Terminal = []string{"console/"}, []string{console.User}, true
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
// outbox, its delivery, the digests, and each chat platform's edge. Every
// platform is registered in platforms at start (off, with why, when it is
// not configured), so /healthz and the log say what each one is doing.
type chatRuntime struct {
	announcer *bot.Announcer
	deliverer *bot.Deliverer
	platforms *bot.Platforms
	store     strike.Store
	edges     []chatEdge
	// servers are the HTTP endpoints of the edges in http mode, by
	// address: Slack and Discord on one address share one server.
	servers map[string]*chatServer
	closers []func() error // run calls them when it ends
}

// chatServer is one address serving chat endpoints, its listener bound
// at start so a busy address is a configuration error.
type chatServer struct {
	ln        net.Listener
	mux       *http.ServeMux
	platforms []string
	// shutdown are the edges' Shutdown methods, called once the server
	// has stopped.
	shutdown []func(context.Context) error
}

// server returns the server of addr, binding it the first time; key names
// the setting that gave addr, for the error.
func (rt *chatRuntime) server(addr, key string) (*chatServer, error) {
	if cs := rt.servers[addr]; cs != nil {
		return cs, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, &configError{fmt.Errorf("listen on %s for chat requests: %w (set %s to another address)", addr, err, key)}
	}
	if rt.servers == nil {
		rt.servers = make(map[string]*chatServer)
	}
	cs := &chatServer{ln: ln, mux: http.NewServeMux()}
	rt.servers[addr] = cs
	rt.closers = append(rt.closers, func() error { ln.Close(); return nil })
	return cs, nil
}

// chatEdge is one platform's way in (Socket Mode, an HTTP endpoint…).
// When it fails for good, that platform stops and the rest goes on.
type chatEdge struct {
	platform string
	run      func(ctx context.Context) error
}

// newAnnouncer queues story events for the subscribed channels.
func newAnnouncer(cfg config.Config, st strike.Store, log *slog.Logger) *bot.Announcer {
	return &bot.Announcer{Store: st, FloodThreshold: cfg.Bot.FloodThreshold, Logger: log}
}

// newPlatforms returns the registry of chat platforms, which logs each
// change of state: the start-up line of each platform (on or off, and
// why), then connected, retrying (once per spell) and off.
func newPlatforms(log *slog.Logger) *bot.Platforms {
	return &bot.Platforms{OnChange: func(name string, old, st bot.PlatformState) {
		attrs := []any{}
		if st.Reason != "" {
			attrs = append(attrs, "why", st.Reason)
		}
		switch st.Status {
		case bot.PlatformOff:
			if st.Fault {
				log.Error(name+": off; the rest of the bot goes on", attrs...)
			} else {
				log.Info(name+": off", attrs...)
			}
		case bot.PlatformStarting:
			log.Info(name+": on", attrs...)
		case bot.PlatformConnected:
			if old.Status == bot.PlatformRetrying {
				attrs = append(attrs, "after", time.Since(old.Since).Round(time.Second).String())
			}
			log.Info(name+": connected", attrs...)
		case bot.PlatformRetrying:
			log.Warn(name+": retrying", attrs...)
		}
	}}
}

// newChatRuntime registers every chat platform and prepares the edges of
// those configured. It checks Slack's tokens first: a token Slack refuses
// is a configuration error naming its key and what to do; a Slack it
// cannot reach is retried by the edge. Listening addresses are bound
// here, so a busy one is a configuration error too.
func newChatRuntime(ctx context.Context, cfg config.Config, st strike.Store, ann *bot.Announcer, router *bot.Router, log *slog.Logger) (*chatRuntime, error) {
	ops, err := bot.ParseDestination(cfg.Bot.OpsChannel)
	if err != nil {
		return nil, &configError{fmt.Errorf("bot.ops_channel: %w", err)}
	}
	rt := &chatRuntime{announcer: ann, platforms: newPlatforms(log), store: st}
	rt.deliverer = &bot.Deliverer{Store: st, Posters: map[string]bot.Poster{}, OpsChannel: ops, RetryMax: cfg.Bot.RetryMax,
		Lease: cfg.Bot.DeliveryLease, Logger: log, Platforms: rt.platforms}
	if err := rt.addSlack(ctx, cfg, st, router, log); err != nil {
		return nil, err
	}
	if err := rt.addDiscord(cfg, st, router, log); err != nil {
		return nil, err
	}
	return rt, nil
}

// addSlack registers Slack and, when it is configured, checks its tokens
// and prepares its poster, its edge and its answers to mentions.
func (rt *chatRuntime) addSlack(ctx context.Context, cfg config.Config, st strike.Store, router *bot.Router, log *slog.Logger) error {
	s := cfg.Slack
	if !s.Enabled() {
		rt.platforms.Set(slack.Platform, bot.PlatformOff, "no bot token: set slack.bot_token (and slack.app_token for Socket Mode) to turn Slack on")
		return nil
	}
	how := fmt.Sprintf("%s mode, workspaces %s", s.Mode, strings.Join(s.Workspaces, ", "))
	if s.Mode == "http" {
		how = fmt.Sprintf("HTTP mode on %s, workspaces %s", s.Listen, strings.Join(s.Workspaces, ", "))
	}
	if len(s.Workspaces) == 0 {
		how = s.Mode + " mode, but slack.workspaces is empty, so every request from Slack is refused"
	}
	rt.platforms.Set(slack.Platform, bot.PlatformStarting, how)
	for _, w := range cfg.Warnings() {
		log.Warn("configuration: " + w)
	}

	client := &http.Client{Timeout: 15 * time.Second}
	check := slack.CheckOptions{BotToken: s.BotToken, APIURL: s.APIURL, Client: client}
	if s.Mode != "http" {
		check.AppToken = s.AppToken
	}
	cctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	id, err := slack.CheckTokens(cctx, check)
	cancel()
	var te *slack.TokenError
	switch {
	case errors.As(err, &te):
		return &configError{err}
	case err != nil:
		if ctx.Err() != nil {
			return ctx.Err()
		}
		rt.platforms.Set(slack.Platform, bot.PlatformRetrying, "could not reach Slack to check the tokens: "+err.Error())
	default:
		log.Info("slack: tokens accepted", "workspace", id.TeamID, "team", id.Team, "bot_user", id.UserID)
		if !slices.Contains(s.Workspaces, id.TeamID) {
			log.Warn("slack: the bot token belongs to a workspace not in slack.workspaces, whose requests are refused; add it if the bot should answer there",
				"workspace", id.TeamID, "slack.workspaces", strings.Join(s.Workspaces, ","))
		}
	}

	// Captains may be named by user group: look groups up (cached).
	groups := slack.NewGroupResolver(slack.GroupResolverOptions{Token: s.BotToken, APIURL: s.APIURL, Logger: log})
	rt.closers = append(rt.closers, groups.Close)
	rt.deliverer.Posters[slack.Platform] = slack.NewPoster(slack.PosterOptions{Token: s.BotToken, APIURL: s.APIURL, Client: client,
		Logger: log, Platforms: rt.platforms})
	asker := slack.NewAsker(slack.AskerOptions{Router: router, Token: s.BotToken, APIURL: s.APIURL, Client: client,
		BotUserID: id.UserID, Platforms: rt.platforms, Logger: log})
	switch s.Mode {
	case "http":
		h := slack.NewHandler(slack.HandlerOptions{
			SigningSecret: s.SigningSecret, Teams: s.Workspaces, Router: router, Groups: groups, Client: client,
			OnEvent: asker.OnEvent, Seen: seenOnce(st), Logger: log,
		})
		cs, err := rt.server(s.Listen, "slack.listen")
		if err != nil {
			return err
		}
		cs.mux.Handle("/slack/", h)
		cs.platforms = append(cs.platforms, slack.Platform)
		cs.shutdown = append(cs.shutdown, h.Shutdown)
	default:
		sm := slack.NewSocketClient(slack.SocketClientOptions{BotToken: s.BotToken, AppToken: s.AppToken, APIURL: s.APIURL})
		rt.edges = append(rt.edges, chatEdge{slack.Platform, func(ctx context.Context) error {
			return slack.RunSocketMode(ctx, sm, router, slack.SocketOptions{Teams: s.Workspaces, Groups: groups, Client: client,
				OnEvent: asker.OnEvent, Seen: seenOnce(st), Platforms: rt.platforms, Logger: log})
		}})
	}
	return nil
}

// run runs the deliverer, the digest scheduler and the platforms' edges
// until ctx ends. An edge that fails for good (a token revoked) stops its
// platform only: it is marked off with why, and polling, delivery to the
// other platforms and the console go on. run returns the first failure of
// the deliverer or the digests, which stops the bot.
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
	if rt.store != nil {
		wg.Go(func() { forgetInbound(ctx, rt.store, log) })
	}
	for _, e := range rt.edges {
		wg.Go(func() { rt.runEdge(ctx, e) })
	}
	for addr, cs := range rt.servers {
		wg.Go(func() {
			if err := serveChat(ctx, addr, cs, rt.platforms, log); err != nil && ctx.Err() == nil {
				for _, p := range cs.platforms {
					rt.platforms.Stop(p, err.Error())
				}
			}
		})
	}
	wg.Wait()
	for _, c := range rt.closers {
		c()
	}
	return first
}

// runEdge runs one platform's edge; when the platform is turned off for
// good meanwhile (a poster met a revoked token), the edge is stopped too.
func (rt *chatRuntime) runEdge(ctx context.Context, e chatEdge) {
	ctx, cancel := context.WithCancel(ctx)
	var watch sync.WaitGroup
	defer watch.Wait()
	defer cancel()
	watch.Go(func() { // watches until the edge returns
		select {
		case <-ctx.Done():
		case <-rt.platforms.Stopped(e.platform):
			// At once: an edge left running a moment longer could try
			// to reconnect with the token just refused.
			cancel()
		}
	})
	err := e.run(ctx)
	if err == nil || ctx.Err() != nil {
		return // the bot is stopping, or the platform was turned off already
	}
	rt.platforms.Stop(e.platform, err.Error())
}

// serveChat serves the chat endpoints of one address until ctx ends, then
// stops the server and waits for the edges' work in progress.
func serveChat(ctx context.Context, addr string, cs *chatServer, platforms *bot.Platforms, log *slog.Logger) error {
	srv := slack.NewServer(addr, cs.mux)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(cs.ln) }()
	for _, p := range cs.platforms {
		platforms.Set(p, bot.PlatformConnected, "")
	}
	log.Info("serving chat requests", "addr", cs.ln.Addr().String(), "for", strings.Join(cs.platforms, " and "))
	select {
	case err := <-errc:
		return fmt.Errorf("serve chat requests on %s: %w", cs.ln.Addr(), err)
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

// addDiscord registers Discord and, when it is configured, sets up its
// edge: its poster in the outbox, its interactions endpoint in http mode,
// and the edge itself (the gateway in gateway mode, command registration
// in both), whose health the registry follows.
func (rt *chatRuntime) addDiscord(cfg config.Config, st strike.Store, router *bot.Router, log *slog.Logger) error {
	d := cfg.Discord
	if !d.Enabled() {
		rt.platforms.Set(discord.Platform, bot.PlatformOff, "no bot token: set discord.bot_token (and discord.application_id, discord.guilds) to turn Discord on")
		return nil
	}
	rt.platforms.Set(discord.Platform, bot.PlatformStarting, fmt.Sprintf("%s mode, %d servers, commands %s", d.Mode, len(d.Guilds), d.Commands))
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
	campaign, campaigns := "", cfg.Campaigns()
	if len(campaigns) > 0 {
		campaign = campaigns[0].ID // a channel subscribed to none addresses the first campaign
	}
	edge, err := discord.New(discord.Options{Mode: d.Mode, ApplicationID: d.ApplicationID, PublicKey: key, Guilds: d.Guilds,
		Commands: d.Commands, CampaignID: campaign, Campaigns: campaigns, Router: router, Store: st, REST: rest, Logger: log})
	if err != nil {
		return &configError{err}
	}
	rt.deliverer.Posters[discord.Platform] = discord.NewPoster(discord.PosterOptions{REST: rest, Logger: log})
	if d.Mode == "http" {
		cs, err := rt.server(d.Listen, "discord.listen")
		if err != nil {
			return err
		}
		cs.mux.Handle(discord.Path, edge)
		cs.platforms = append(cs.platforms, discord.Platform)
		cs.shutdown = append(cs.shutdown, edge.Shutdown)
	} else {
		rt.closers = append(rt.closers, func() error {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			return edge.Shutdown(ctx)
		})
	}
	rt.edges = append(rt.edges, chatEdge{discord.Platform, func(ctx context.Context) error {
		var watch sync.WaitGroup
		wctx, cancel := context.WithCancel(ctx)
		defer func() { cancel(); watch.Wait() }()
		watch.Go(func() { followDiscord(wctx, edge, rt.platforms) })
		return edge.Run(ctx)
	}})
	return nil
}

// followDiscord keeps the registry's view of Discord in step with the
// edge's health until ctx ends.
func followDiscord(ctx context.Context, edge *discord.Edge, platforms *bot.Platforms) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	last := ""
	for {
		h := edge.Health()
		if h.State != last {
			last = h.State
			switch h.State {
			case discord.StateConnected, discord.StateServing:
				platforms.Set(discord.Platform, bot.PlatformConnected, "")
			case discord.StateConnecting, discord.StateReconnecting:
				platforms.Set(discord.Platform, bot.PlatformRetrying, h.LastError)
			case discord.StateFailed:
				platforms.Stop(discord.Platform, h.LastError)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// feedChecker tries a feed a captain adds from chat: one fetch through the
// polite, address-guarded client, and a parse.
type feedChecker struct {
	client   *fetch.Client
	maxItems int
}

// Check returns the feed's title and items, or a *bot.FeedError whose
// Plain sentence a captain can act on (feeds.Plain); the error itself,
// which may name configuration keys, goes to the log.
func (fc feedChecker) Check(ctx context.Context, url string) (bot.FeedPreview, error) {
	resp, err := fc.client.Get(ctx, fetch.Request{URL: url})
	if err != nil {
		return bot.FeedPreview{}, &bot.FeedError{Plain: feeds.Plain(err), Err: err}
	}
	parsed, err := feeds.Parse(resp.Body, feeds.ParseOptions{FeedURL: url, Now: time.Now(), MaxItems: fc.maxItems, ContentType: resp.ContentType})
	if err != nil {
		return bot.FeedPreview{}, &bot.FeedError{Plain: feeds.Plain(err), Err: err}
	}
	return bot.FeedPreview{Title: parsed.Title, Items: parsed.Items}, nil
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

// inboundTTL is how long the claims of inbound events are kept: longer
// than any platform retries or replays one.
const inboundTTL = 24 * time.Hour

// forgetInbound drops, every hour until ctx ends, the inbound claims older
// than inboundTTL.
func forgetInbound(ctx context.Context, st strike.Store, log *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if _, err := st.ForgetInbound(ctx, time.Now().Add(-inboundTTL)); err != nil && ctx.Err() == nil {
			log.Warn("old inbound claims not dropped; trying again in an hour", "err", err.Error())
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// seenOnce tells the chat edges whether an event is new to every replica
// (the store's inbound claims, which Discord's interactions use too).
func seenOnce(st strike.Store) func(ctx context.Context, key string) (bool, error) {
	return func(ctx context.Context, key string) (bool, error) {
		return st.ClaimInbound(ctx, key, time.Now())
	}
}
