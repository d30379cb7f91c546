package discord

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/time/rate"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

// threadArchive is how long a story's thread stays listed after its last
// message, in minutes (a week).
const threadArchive = 10080

// PosterOptions configure a Poster.
type PosterOptions struct {
	// REST is the client posts go through. Required.
	REST *REST
	// Logger receives reconciliation and thread notes; slog.Default()
	// when nil.
	Logger *slog.Logger
}

// Poster posts outbox deliveries to Discord channels as embeds, with
// allowed_mentions {"parse": []} on every message. It implements
// bot.Poster and bot.Pacer and is safe for concurrent use.
//
// Pacing and rate limits belong to the outbox: a post the REST client's
// limiter holds back, or that Discord answers with 429, returns a
// *bot.RateLimitError with the wait Discord asked for, and the deliverer
// pauses that channel (Discord's global limit pauses every channel: the
// limiter refuses them all until it passes).
//
// A channel Discord says is gone or closed to the bot (404, 403) or a
// token it refuses (401) is a permanent error: the deliverer marks the
// channel broken and tells the ops channel once. After a 401 the Poster
// calls Discord no more; every later post fails at once.
//
// Every message carries a nonce derived from its delivery, sent with
// enforce_nonce, so that a retry within Discord's nonce window returns the
// message already created instead of a second one; and its footer ends
// with "ref KEY". A delivery that may already be in the channel (an
// earlier try failed or its worker died) is first looked up by that
// reference in the channel's recent messages (and in its story's thread)
// before it is posted again.
//
// An update of a story goes into a thread started from the story's
// message (created on the first update; a thread's ID is its message's
// ID). Where threads are not possible (a forum, a missing permission,
// the story's message deleted), the update is a reply to the story's
// message instead, or a plain post when that message is gone.
type Poster struct {
	rest *REST
	log  *slog.Logger

	mu           sync.Mutex
	threads      map[string]threadState // story message ID → thread state
	unauthorized bool
	botID        string
}

type threadState int

const (
	threadUnknown threadState = iota
	threadOpen
	threadNone    // threads impossible here: reply instead
	threadMissing // the story's message is gone: post plainly
)

var (
	_ bot.Poster = (*Poster)(nil)
	_ bot.Pacer  = (*Poster)(nil)
)

// NewPoster returns a Poster.
func NewPoster(o PosterOptions) *Poster {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return &Poster{rest: o.REST, log: o.Logger, threads: make(map[string]threadState)}
}

// Platform is the platform name of Discord's destinations and its
// entry in the bot's platform registry.
const Platform = "discord"

// Platform returns "discord".
func (p *Poster) Platform() string { return Platform }

// Pace is the most messages per second posted to one channel: Discord's
// create-message bucket allows about five per five seconds per channel.
func (p *Poster) Pace() rate.Limit { return rate.Every(time.Second) }

// Unauthorized reports whether Discord refused the bot token.
func (p *Poster) Unauthorized() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.unauthorized
}

// Nonce is the nonce of a delivery's messages: at most 25 characters,
// unique per delivery.
func Nonce(d strike.Delivery) string { return "sb" + strconv.FormatInt(d.ID, 10) }

// outMessage is a create-message body: discordgo's MessageSend has no
// nonce fields.
type outMessage struct {
	Content         string                            `json:"content,omitempty"`
	Embeds          []*discordgo.MessageEmbed         `json:"embeds,omitempty"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	Reference       *discordgo.MessageReference       `json:"message_reference,omitempty"`
	Nonce           string                            `json:"nonce,omitempty"`
	EnforceNonce    bool                              `json:"enforce_nonce,omitempty"`
}

// NoMentions is allowed_mentions that pings nobody.
func NoMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// Post renders post and posts it to the delivery's channel (into the
// story's thread when thread, the story message's ID, is not ""). It
// returns the new message's ID.
func (p *Poster) Post(ctx context.Context, d strike.Delivery, post bot.Post, thread string) (string, error) {
	p.mu.Lock()
	refused := p.unauthorized
	p.mu.Unlock()
	if refused {
		return "", fmt.Errorf("discord: post to %s: %w: the bot token was refused (401)", d.Channel, bot.ErrPermanent)
	}
	if mayBePosted(d) {
		id, err := p.reconcile(ctx, d, thread)
		if err != nil || id != "" {
			return id, err
		}
	}
	m := RenderPost(post, d.Key)
	target, ref := d.Channel, (*discordgo.MessageReference)(nil)
	if thread != "" {
		var err error
		target, ref, err = p.threadFor(ctx, d, post, thread)
		if err != nil {
			return "", err
		}
	}
	id, err := p.sendOrPlain(ctx, d, target, ref, m)
	if err != nil && target != d.Channel && threadTrouble(err) {
		// The thread is gone or closed to the bot: reply in the channel.
		p.setThread(thread, threadNone)
		p.log.Warn("discord: cannot post in the story's thread; replying in the channel instead",
			"destination", d.Destination.String(), "thread", thread, "err", describe(err))
		id, err = p.sendOrPlain(ctx, d, d.Channel, reply(d, thread), m)
	}
	if err != nil && ref != nil && replyTrouble(err) {
		p.log.Warn("discord: cannot reply to the story's message; posting plainly", "destination", d.Destination.String(), "err", describe(err))
		p.setThread(thread, threadMissing)
		id, err = p.sendOrPlain(ctx, d, d.Channel, nil, m)
	}
	if err != nil {
		return "", p.classify(d.Channel, err)
	}
	return id, nil
}

// sendOrPlain sends m's embed; when Discord refuses the body (400,
// 50035) it sends the plain-text version instead.
func (p *Poster) sendOrPlain(ctx context.Context, d strike.Delivery, channel string, ref *discordgo.MessageReference, m Message) (string, error) {
	id, err := p.send(ctx, channel, outMessage{Embeds: []*discordgo.MessageEmbed{m.Embed}, Reference: ref, Nonce: Nonce(d), EnforceNonce: true})
	if status, code := restCode(err); status == http.StatusBadRequest && code == discordgo.ErrCodeInvalidFormBody {
		p.log.Warn("discord: embed refused; posting the plain version", "destination", d.Destination.String(), "err", describe(err))
		id, err = p.send(ctx, channel, outMessage{Content: m.Content, Reference: ref, Nonce: Nonce(d), EnforceNonce: true})
	}
	return id, err
}

func (p *Poster) send(ctx context.Context, channel string, msg outMessage) (string, error) {
	msg.AllowedMentions = NoMentions()
	for _, e := range msg.Embeds {
		if e.Type == "" {
			e.Type = discordgo.EmbedTypeRich
		}
	}
	endpoint := discordgo.EndpointChannelMessages(channel)
	body, err := p.rest.Session.RequestWithBucketID(http.MethodPost, endpoint, msg, endpoint, discordgo.WithContext(ctx))
	if err != nil {
		return "", err
	}
	var m discordgo.Message
	if err := json.Unmarshal(body, &m); err != nil || m.ID == "" {
		return "", fmt.Errorf("discord: post to %s: unreadable answer", channel)
	}
	return m.ID, nil
}

func reply(d strike.Delivery, storyMsg string) *discordgo.MessageReference {
	no := false
	return &discordgo.MessageReference{MessageID: storyMsg, ChannelID: d.Channel, FailIfNotExists: &no}
}

// maxThreads bounds what the Poster remembers of stories' threads;
// forgetting only costs a request (creating a thread that exists answers
// "already created").
const maxThreads = 10_000

func (p *Poster) setThread(storyMsg string, s threadState) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.threads) >= maxThreads {
		clear(p.threads)
	}
	p.threads[storyMsg] = s
}

// threadFor returns where an update of the story whose message is
// storyMsg goes: the story's thread (creating it the first time), or the
// channel with a reply reference, or the channel plainly.
func (p *Poster) threadFor(ctx context.Context, d strike.Delivery, post bot.Post, storyMsg string) (string, *discordgo.MessageReference, error) {
	p.mu.Lock()
	st := p.threads[storyMsg]
	p.mu.Unlock()
	switch st {
	case threadOpen:
		return storyMsg, nil, nil
	case threadNone:
		return d.Channel, reply(d, storyMsg), nil
	case threadMissing:
		return d.Channel, nil, nil
	}
	name := "Story"
	if an := post.Announcement; an != nil {
		if an.StoryID != 0 {
			name = fmt.Sprintf("Story #%d", an.StoryID)
		}
		if t := oneLine(firstNonEmpty(an.Title, an.ArticleTitle)); t != "" {
			name += ": " + t
		}
	}
	name = fitPlain(name, 100)
	_, err := p.rest.Session.MessageThreadStartComplex(d.Channel, storyMsg, &discordgo.ThreadStart{Name: name, AutoArchiveDuration: threadArchive},
		discordgo.WithContext(ctx))
	status, code := restCode(err)
	switch {
	case err == nil, code == discordgo.ErrCodeThreadAlreadyCreatedForThisMessage:
		p.setThread(storyMsg, threadOpen)
		return storyMsg, nil, nil
	case code == discordgo.ErrCodeUnknownMessage:
		p.setThread(storyMsg, threadMissing)
		return d.Channel, nil, nil
	case code == discordgo.ErrCodeUnknownChannel:
		return "", nil, p.classify(d.Channel, err) // the channel itself is gone
	case code == discordgo.ErrCodeCannotExecuteActionOnThisChannelType, code == discordgo.ErrCodeMaximumNumberOfActiveThreadsReached,
		code == discordgo.ErrCodeMaximumNumberOfActiveAnnouncementThreadsReached, status == http.StatusForbidden:
		p.log.Info("discord: no thread for this story here; updates reply to its message", "destination", d.Destination.String(), "why", describe(err))
		p.setThread(storyMsg, threadNone)
		return d.Channel, reply(d, storyMsg), nil
	default:
		return "", nil, p.classify(d.Channel, err)
	}
}

// threadTrouble reports whether posting into a thread failed because of
// the thread (deleted, locked, closed to the bot) rather than the channel.
func threadTrouble(err error) bool {
	status, code := restCode(err)
	return status == http.StatusNotFound || status == http.StatusForbidden || code == discordgo.ErrCodeThreadIsLocked
}

// replyTrouble reports whether a reply failed because of its reference.
func replyTrouble(err error) bool {
	_, code := restCode(err)
	return code == discordgo.ErrCodeCannotReplyWithoutPermissionToReadMessageHistory
}

// classify turns a REST error into what the deliverer understands.
func (p *Poster) classify(channel string, err error) error {
	if wait, ok := waitOf(err); ok {
		return &bot.RateLimitError{RetryAfter: wait}
	}
	status, _ := restCode(err)
	switch {
	case status == http.StatusUnauthorized:
		p.mu.Lock()
		p.unauthorized = true
		p.mu.Unlock()
		return fmt.Errorf("discord: post to %s: %w: the bot token was refused (%s)", channel, bot.ErrPermanent, describe(err))
	case status == http.StatusForbidden, status == http.StatusNotFound:
		return fmt.Errorf("discord: post to %s: %w: %s", channel, bot.ErrPermanent, describe(err))
	case status >= 400 && status < 500:
		return fmt.Errorf("discord: post to %s: %w: refused: %s", channel, bot.ErrPermanent, describe(err))
	}
	return fmt.Errorf("discord: post to %s: %s", channel, describe(err))
}
