package discord

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

// Router answers chat commands; *bot.Router is one. Handle must honour
// ctx and is called from several goroutines at once.
type Router interface {
	Handle(ctx context.Context, req bot.Request) bot.Reply
}

// Store is what the edge reads and writes; strike.Store satisfies it.
type Store interface {
	ClaimInbound(ctx context.Context, key string, at time.Time) (bool, error)
	ForgetInbound(ctx context.Context, before time.Time) (int64, error)
	PlatformState(ctx context.Context, key string) (string, error)
	SetPlatformState(ctx context.Context, key, value string, at time.Time) error
	Stories(ctx context.Context, f strike.StoryFilter) ([]strike.Story, error)
	Feeds(ctx context.Context, campaignID string) ([]strike.FeedSource, error)
	Subscriptions(ctx context.Context, campaignID string) ([]strike.Subscription, error)
}

// Defaults of Options.
const (
	// DefaultInlineWait is how long a command may run before the bot
	// defers its answer (type 5): Discord wants a first answer within
	// 3 s, and the answer itself takes a moment to reach it.
	DefaultInlineWait = 1500 * time.Millisecond
	// DefaultWorkTimeout bounds a deferred command: its answer replaces
	// "thinking…" within Discord's 15 minutes.
	DefaultWorkTimeout = 2 * time.Minute
	// DefaultMaxBody is the largest interaction body read; anything
	// bigger is refused with 413 before it is verified.
	DefaultMaxBody = 256 << 10
	// ClaimTTL is how long an interaction ID is remembered, in the store
	// and in memory, to process a replayed interaction once.
	ClaimTTL = 24 * time.Hour
	// claimTimeout bounds the store's claim of an interaction.
	claimTimeout = 500 * time.Millisecond
	// lookupTimeout bounds autocomplete's reads.
	lookupTimeout = time.Second
)

// Answers the edge gives itself.
const (
	NotSetUpText = "strikebot is not set up for this server."
	NoDMText     = "Use /strike in a channel of a server the bot serves."
	StaleText    = "This command's options have changed; please try again in a minute."
	failedText   = "Sorry, something went wrong on our side. Please try again later."
	postedText   = "Done: the answer is posted in the channel."
)

// Options configure an Edge.
type Options struct {
	// Mode is "gateway" (default) or "http".
	Mode string
	// ApplicationID is the application's ID. Required.
	ApplicationID string
	// PublicKey verifies interactions in http mode. Required there.
	PublicKey ed25519.PublicKey
	// Guilds are the servers answered; commands from others are refused.
	Guilds []string
	// Commands is where /strike is registered: "global" (default) or
	// "guild" (each of Guilds).
	Commands string
	// CampaignID is the campaign autocomplete suggests stories and feeds
	// of in a channel subscribed to none.
	CampaignID string
	// Campaigns are the campaigns the bot follows: autocomplete suggests
	// their IDs for "campaign id:", and their configured feeds (besides
	// those added from chat) for "feeds pause" and "feeds resume"; a
	// channel's stories and feeds are those of the campaign it is
	// subscribed to.
	Campaigns []strike.Campaign
	// Router answers commands. Required.
	Router Router
	// Store claims interactions, keeps the registered definition's hash
	// and feeds autocomplete. Required.
	Store Store
	// REST is the REST client (and, in gateway mode, the gateway's
	// session). Required.
	REST *REST
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// InlineWait and WorkTimeout default to DefaultInlineWait and
	// DefaultWorkTimeout.
	InlineWait, WorkTimeout time.Duration
	// MaxBody defaults to DefaultMaxBody.
	MaxBody int64
	// MinBackoff and MaxBackoff bound the wait between gateway connection
	// attempts; defaults 1 s and 2 min.
	MinBackoff, MaxBackoff time.Duration
	// Workers bounds the interactions handled at once from the gateway;
	// default 32.
	Workers int
	// Logger defaults to slog.Default().
	Logger *slog.Logger
}

// Edge is strikebot's Discord edge: it answers /strike interactions that
// arrive over the gateway (Run, in gateway mode) or at the HTTP
// interactions endpoint (ServeHTTP, in http mode), registers the command
// definition when it changed, and reports its health. It is safe for
// concurrent use. Create one with New; call Shutdown when done.
//
// An interaction is answered within Discord's 3 seconds: a reply the
// router gives within InlineWait is the answer; otherwise the answer is
// deferred ("thinking…", type 5) and the reply edits it when ready.
// Replies to one person are ephemeral; replies meant for the channel
// (status post, subscribe, unsubscribe) are public. Captains are checked
// by the router on every command, whatever Discord's own command
// permissions say, and the router writes captains' actions and refusals
// to the audit log. A replayed interaction (the same ID again: a gateway
// RESUME, a second replica, a captured request) is answered once.
type Edge struct {
	o      Options
	guilds map[string]bool
	seen   *seenSet
	health *healthState

	base   context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	sem    chan struct{}

	interactions atomic.Uint64
}

// New returns an Edge.
func New(o Options) (*Edge, error) {
	if o.Mode == "" {
		o.Mode = "gateway"
	}
	if o.Commands == "" {
		o.Commands = "global"
	}
	switch {
	case o.Router == nil || o.Store == nil || o.REST == nil:
		return nil, errors.New("discord: Router, Store and REST are required")
	case o.ApplicationID == "":
		return nil, errors.New("discord: the application ID is required")
	case o.Mode == "http" && len(o.PublicKey) != ed25519.PublicKeySize:
		return nil, keyError(ErrBadPublicKey)
	case o.Mode != "gateway" && o.Mode != "http":
		return nil, fmt.Errorf("discord: mode %q: want gateway or http", o.Mode)
	case o.Commands != "global" && o.Commands != "guild":
		return nil, fmt.Errorf("discord: commands %q: want global or guild", o.Commands)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.InlineWait <= 0 {
		o.InlineWait = DefaultInlineWait
	}
	if o.WorkTimeout <= 0 {
		o.WorkTimeout = DefaultWorkTimeout
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = time.Second
	}
	if o.MaxBackoff < o.MinBackoff {
		o.MaxBackoff = max(o.MinBackoff, 2*time.Minute)
	}
	if o.Workers <= 0 {
		o.Workers = 32
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	base, cancel := context.WithCancel(context.Background())
	e := &Edge{
		o: o, guilds: make(map[string]bool), seen: newSeenSet(ClaimTTL, 100_000),
		health: newHealthState(o.Mode, o.Now), base: base, cancel: cancel, sem: make(chan struct{}, o.Workers),
	}
	for _, g := range o.Guilds {
		e.guilds[g] = true
	}
	return e, nil
}

// Shutdown waits for the commands still being answered until ctx is
// done, then cancels them and waits for them to return. Stop Run and the
// HTTP server first.
func (e *Edge) Shutdown(ctx context.Context) error {
	done := make(chan struct{})
	go func() { e.wg.Wait(); close(done) }()
	select {
	case <-done:
		e.cancel()
		return nil
	case <-ctx.Done():
		e.cancel()
		<-done
		return ctx.Err()
	}
}

// answer decides the first answer to an interaction; nil means none (a
// duplicate). When it defers, the work goes on in a goroutine the Edge
// owns, which edits the answer once acked is closed: close it when the
// first answer has been sent.
func (e *Edge) answer(i *discordgo.Interaction, acked <-chan struct{}) *discordgo.InteractionResponse {
	switch i.Type {
	case discordgo.InteractionPing:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}
	case discordgo.InteractionApplicationCommandAutocomplete:
		return e.autocomplete(i)
	case discordgo.InteractionApplicationCommand:
		return e.command(i, acked)
	}
	// strikebot sends no buttons or forms: acknowledge anything else.
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
}

func ephemeral(text string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: replyData(bot.Reply{Lines: []string{text}})}
}

// replyData renders a reply as an interaction response's data.
func replyData(rep bot.Reply) *discordgo.InteractionResponseData {
	m := RenderReply(rep)
	d := &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{m.Embed}, AllowedMentions: NoMentions()}
	if !rep.Public {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return d
}

// allowed checks the guild and logs a refusal.
func (e *Edge) allowed(i *discordgo.Interaction) bool {
	if i.GuildID != "" && e.guilds[i.GuildID] {
		return true
	}
	if i.GuildID != "" {
		e.o.Logger.Warn("discord: interaction from a server not configured", "guild", i.GuildID, "hint", "add it to discord.guilds to serve it")
	}
	return false
}

// claim reports whether this process should handle interaction id: the
// first time this process sees it and the store has no claim on it. A
// store that cannot answer does not stop the command (the memory check
// still holds): the failure is logged.
func (e *Edge) claim(id string) bool {
	now := e.o.Now()
	if !e.seen.add(id, now) {
		return false
	}
	ctx, cancel := context.WithTimeout(e.base, claimTimeout)
	defer cancel()
	first, err := e.o.Store.ClaimInbound(ctx, "discord:interaction:"+id, now)
	if err != nil {
		e.o.Logger.Warn("discord: interaction not claimed in the store; answering it anyway", "interaction", id, "err", err.Error())
		return true
	}
	return first
}

// requestOf turns an interaction into a router request.
func requestOf(i *discordgo.Interaction, text string, at time.Time) bot.Request {
	req := bot.Request{Destination: strike.Destination{Platform: "discord", Workspace: i.GuildID, Channel: i.ChannelID}, Text: text, At: at}
	u := i.User
	if i.Member != nil {
		u = i.Member.User
		req.Groups = i.Member.Roles
		req.UserName = i.Member.Nick
	}
	if u != nil {
		req.User = u.ID
		if req.UserName == "" {
			req.UserName = u.GlobalName
		}
		if req.UserName == "" {
			req.UserName = u.Username
		}
	}
	return req
}

func (e *Edge) command(i *discordgo.Interaction, acked <-chan struct{}) *discordgo.InteractionResponse {
	if i.GuildID == "" {
		return ephemeral(NoDMText)
	}
	if !e.allowed(i) {
		return ephemeral(NotSetUpText)
	}
	if !e.claim(i.ID) {
		e.o.Logger.Info("discord: duplicate interaction dropped", "interaction", i.ID)
		return nil
	}
	e.interactions.Add(1)
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return ephemeral(StaleText)
	}
	inv, err := readInvocation(data)
	if err != nil {
		e.o.Logger.Warn("discord: interaction does not match the command definition", "interaction", i.ID, "command", data.Name)
		return ephemeral(StaleText)
	}
	req := requestOf(i, inv.text, e.o.Now())
	ctx, cancel := context.WithTimeout(e.base, e.o.WorkTimeout)
	res := make(chan bot.Reply, 1)
	e.wg.Go(func() { res <- e.route(ctx, req) })
	t := time.NewTimer(e.o.InlineWait)
	defer t.Stop()
	select {
	case rep := <-res:
		cancel()
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: replyData(rep)}
	case <-t.C:
	}
	public := inv.publicAnswer()
	e.wg.Go(func() {
		defer cancel()
		rep := <-res
		select {
		case <-acked:
		case <-ctx.Done():
			return
		}
		e.finish(ctx, i, rep, public)
	})
	deferred := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: &discordgo.InteractionResponseData{}}
	if !public {
		deferred.Data.Flags = discordgo.MessageFlagsEphemeral
	}
	return deferred
}

// route calls the router and turns a panic into a short apology.
func (e *Edge) route(ctx context.Context, req bot.Request) (rep bot.Reply) {
	defer func() {
		if p := recover(); p != nil {
			e.o.Logger.Error("discord: command panicked", "panic", p, "stack", string(debug.Stack()), "guild", req.Workspace, "channel", req.Channel)
			rep = bot.Reply{Lines: []string{failedText}}
		}
	}()
	return e.o.Router.Handle(ctx, req)
}

// finish replaces a deferred answer with the reply. When the reply is
// for other eyes than the deferral promised, the public part goes in a
// follow-up: a private reply after a public deferral deletes the
// deferral and follows up ephemerally; a public reply after a private
// deferral says so privately and posts the reply publicly.
func (e *Edge) finish(ctx context.Context, i *discordgo.Interaction, rep bot.Reply, deferredPublic bool) {
	s := e.o.REST.Session
	m := RenderReply(rep)
	embeds := []*discordgo.MessageEmbed{m.Embed}
	var err error
	switch {
	case rep.Public == deferredPublic:
		err = e.retryWebhook(ctx, func() error {
			_, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Embeds: &embeds, AllowedMentions: NoMentions()}, discordgo.WithContext(ctx))
			return err
		})
	case deferredPublic: // a private reply
		err = e.retryWebhook(ctx, func() error { return s.InteractionResponseDelete(i, discordgo.WithContext(ctx)) })
		if err == nil {
			_, err = s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Embeds: embeds, AllowedMentions: NoMentions(),
				Flags: discordgo.MessageFlagsEphemeral}, discordgo.WithContext(ctx))
		}
	default: // a public reply after a private deferral
		note := RenderReply(bot.Reply{Lines: []string{postedText}}).Embed
		err = e.retryWebhook(ctx, func() error {
			_, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Embeds: &[]*discordgo.MessageEmbed{note}, AllowedMentions: NoMentions()}, discordgo.WithContext(ctx))
			return err
		})
		if err == nil {
			_, err = s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Embeds: embeds, AllowedMentions: NoMentions()}, discordgo.WithContext(ctx))
		}
	}
	if err != nil && ctx.Err() == nil {
		e.o.Logger.Error("discord: late answer lost", "interaction", i.ID, "guild", i.GuildID, "channel", i.ChannelID, "err", describe(err))
	}
}

// retryWebhook calls f, again a few times while Discord does not know the
// interaction's webhook yet (its first answer may still be on its way):
// 404 Unknown Webhook. An expired token (401, or 10062) is not retried.
func (e *Edge) retryWebhook(ctx context.Context, f func() error) error {
	var err error
	for attempt := range 4 {
		if err = f(); err == nil {
			return nil
		}
		if status, _ := restCode(err); status != http.StatusNotFound {
			if wait, ok := waitOf(err); !ok || wait > 5*time.Second {
				return err
			}
		}
		t := time.NewTimer(time.Duration(attempt+1) * 300 * time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
	return err
}

// Interactions counts the commands answered (duplicates and refused
// servers not counted).
func (e *Edge) Interactions() uint64 { return e.interactions.Load() }

// allowedGuild reports whether the guild is served.
func (e *Edge) allowedGuild(g string) bool { return e.guilds[g] }

// guildList returns the served guilds in configuration order.
func (e *Edge) guildList() []string { return slices.Clone(e.o.Guilds) }
