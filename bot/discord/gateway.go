package discord

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Run serves Discord until ctx is done, then returns nil: in gateway mode
// it holds the gateway connection (reconnecting and resuming on its own)
// and answers the interactions that come over it; in both modes it
// registers /strike when its definition changed and forgets old
// interaction claims every hour. It returns an error when the gateway
// refuses the bot for good (a bad token, intents it may not have).
func (e *Edge) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	wg.Go(func() { e.registerLoop(ctx) })
	wg.Go(func() { e.pruneLoop(ctx) })
	if e.o.Mode == "http" {
		e.health.set(StateServing)
		<-ctx.Done()
		e.health.set(StateStopped)
		return nil
	}
	err := e.gateway(ctx)
	if err == nil {
		e.health.set(StateStopped)
	}
	return err
}

// pruneLoop forgets interaction claims older than ClaimTTL, hourly.
func (e *Edge) pruneLoop(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		if _, err := e.o.Store.ForgetInbound(pctx, e.o.Now().Add(-ClaimTTL)); err != nil && ctx.Err() == nil {
			e.o.Logger.Warn("discord: old interaction claims not forgotten", "err", err.Error())
		}
		cancel()
	}
}

// fatalClose are the gateway close codes no reconnection can fix.
var fatalClose = map[int]string{
	4004: "the bot token was refused: reset it in the Developer Portal (Bot → Reset Token) and set discord.bot_token",
	4010: "invalid shard",
	4011: "sharding required: the bot is in too many servers for one connection",
	4012: "invalid API version",
	4013: "invalid intents",
	4014: "disallowed intents",
}

// conns remembers the network connection of the gateway's WebSocket, so
// that a connection attempt stuck inside discordgo can be cut when the
// edge stops.
type conns struct {
	mu   sync.Mutex
	last net.Conn
}

func (c *conns) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	d := net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	conn, err := d.DialContext(ctx, network, addr)
	if err == nil {
		c.mu.Lock()
		c.last = conn
		c.mu.Unlock()
	}
	return conn, err
}

func (c *conns) cut() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.last != nil {
		_ = c.last.Close()
	}
}

// gateway connects, reconnects and resumes until ctx is done.
func (e *Edge) gateway(ctx context.Context) error {
	s := e.o.REST.Session
	s.Identify.Intents = discordgo.IntentsGuilds // interactions need no intent; guilds tell which servers the bot is in
	s.ShouldReconnectOnError = false             // reconnection is ours: it stops when ctx ends
	s.SyncEvents = true                          // handlers hand work to goroutines the edge owns
	s.StateEnabled = false                       // nothing reads discordgo's cache of servers
	var cs conns
	s.Dialer = &websocket.Dialer{HandshakeTimeout: 10 * time.Second, NetDialContext: cs.dial, Proxy: http.ProxyFromEnvironment}

	lost := make(chan struct{}, 1)
	removers := []func(){
		s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
			var gs []string
			for _, g := range r.Guilds {
				gs = append(gs, g.ID)
			}
			e.health.guilds(gs)
			e.health.set(StateConnected)
			name := ""
			if r.User != nil {
				name = r.User.Username
			}
			e.o.Logger.Info("discord: connected to the gateway", "as", name, "servers", len(gs))
			e.checkGuilds(gs)
		}),
		s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) {
			e.health.set(StateConnected)
			e.o.Logger.Info("discord: gateway session resumed")
		}),
		s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
			select {
			case lost <- struct{}{}:
			default:
			}
		}),
		s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) { e.onInteraction(ctx, s, ic.Interaction) }),
	}
	defer func() {
		for _, r := range removers {
			r()
		}
	}()

	attempt := 0
	for {
		e.health.set(StateConnecting)
		started := time.Now()
		err := e.open(ctx, s, &cs)
		if ctx.Err() != nil {
			_ = s.Close()
			return nil
		}
		if err == nil {
			select {
			case <-ctx.Done():
				_ = s.Close()
				return nil
			case <-lost:
			}
			e.health.set(StateReconnecting)
			e.o.Logger.Warn("discord: gateway connection lost; resuming")
			if time.Since(started) > e.o.MaxBackoff {
				attempt = 0
			}
		} else {
			var ce *websocket.CloseError
			if errors.As(err, &ce) {
				if why, fatal := fatalClose[ce.Code]; fatal {
					e.health.fail(StateFailed, fmt.Sprintf("gateway closed with %d: %s", ce.Code, why))
					return fmt.Errorf("discord: gateway closed with %d: %s", ce.Code, why)
				}
			}
			e.health.fail(StateReconnecting, "gateway: "+describe(err))
			e.o.Logger.Warn("discord: gateway connection failed", "err", describe(err))
		}
		wait := backoff(attempt, e.o.MinBackoff, e.o.MaxBackoff)
		attempt++
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			_ = s.Close()
			return nil
		case <-t.C:
		}
	}
}

// open runs s.Open, cutting its connection if ctx ends meanwhile.
func (e *Edge) open(ctx context.Context, s *discordgo.Session, cs *conns) error {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		select {
		case <-ctx.Done():
			cs.cut()
		case <-done:
		}
	})
	err := s.Open()
	close(done)
	wg.Wait()
	if errors.Is(err, discordgo.ErrWSAlreadyOpen) {
		return nil
	}
	return err
}

// LibraryLogs sends discordgo's own log lines (about failures it also
// returns, which the edge logs with context) to log at debug level, instead
// of the standard logger. It sets a discordgo package variable: call it
// once, before any session starts.
func LibraryLogs(log *slog.Logger) {
	discordgo.Logger = func(_, _ int, format string, a ...any) {
		log.Debug("discordgo: " + fmt.Sprintf(format, a...))
	}
}

// backoff is the capped, jittered wait before reconnection attempt n
// (from 0): between half and all of lo·2ⁿ, at most hi.
func backoff(n int, lo, hi time.Duration) time.Duration {
	d := lo
	for i := 0; i < n && d < hi; i++ {
		d *= 2
	}
	d = min(d, hi)
	return d/2 + rand.N(d/2+1)
}

// checkGuilds tells the operator about configured servers the bot is not
// in, and servers it is in that are not configured.
func (e *Edge) checkGuilds(in []string) {
	member := make(map[string]bool, len(in))
	for _, g := range in {
		member[g] = true
		if !e.allowedGuild(g) {
			e.o.Logger.Warn("discord: the bot is in a server not listed in discord.guilds; its commands are refused", "guild", g)
		}
	}
	for _, g := range e.guildList() {
		if !member[g] {
			e.o.Logger.Warn("discord: a server in discord.guilds has not added the bot; a server admin can add it with the invite link",
				"guild", g, "invite", InviteURL(e.o.ApplicationID))
		}
	}
}

// onInteraction answers an interaction from the gateway on a goroutine
// the edge owns (the gateway's reader must not wait), at most Workers at
// once.
func (e *Edge) onInteraction(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction) {
	if i == nil {
		return
	}
	select {
	case e.sem <- struct{}{}:
	case <-ctx.Done():
		return
	}
	e.wg.Go(func() {
		defer func() { <-e.sem }()
		acked := make(chan struct{})
		defer close(acked)
		resp := e.answer(i, acked)
		if resp == nil {
			return
		}
		rctx, cancel := context.WithTimeout(e.base, 5*time.Second)
		defer cancel()
		body, err := responseJSON(resp)
		if err == nil {
			endpoint := discordgo.EndpointInteractionResponse(i.ID, i.Token)
			_, err = s.RequestWithBucketID(http.MethodPost, endpoint, json.RawMessage(body), endpoint, discordgo.WithContext(rctx))
		}
		if err != nil {
			e.o.Logger.Error("discord: interaction not answered", "interaction", i.ID, "guild", i.GuildID, "err", describe(err))
		}
	})
}
