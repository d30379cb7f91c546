package discord

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
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
// message instead, or a plain post when that message is gone. The ID
// Post returns for a message in a thread is "THREAD/MESSAGE", so that
// Edit finds it; any other is the message's own ID.
//
// A phase change for a channel that chose a role to mention
// (Announcement.Mention) mentions it in the message's content, and
// allowed_mentions lets that one role through; no other message
// mentions anyone, and the server's @everyone role (whose ID is the
// server's) is never mentioned.
//
// Edit (bot.Editor) replaces a retracted story's message with its
// retraction, through the same REST client and rate limits as posts.
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
	_ bot.Editor = (*Poster)(nil)
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
// returns the new message's ID ("THREAD/MESSAGE" in a thread).
func (p *Poster) Post(ctx context.Context, d strike.Delivery, post bot.Post, thread string) (string, error) {
	if err := p.refused(d.Channel, "post to"); err != nil {
		return "", err
	}
	if th, _, ok := strings.Cut(thread, "/"); ok {
		thread = th // a message in the thread: the thread is its story's message
	}
	if mayBePosted(d) {
		id, err := p.reconcile(ctx, d, thread)
		if err != nil || id != "" {
			return id, err
		}
	}
	m := RenderPost(mentionable(post, d), d.Key)
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
		target, ref = d.Channel, reply(d, thread)
		id, err = p.sendOrPlain(ctx, d, target, ref, m)
	}
	if err != nil && ref != nil && replyTrouble(err) {
		p.log.Warn("discord: cannot reply to the story's message; posting plainly", "destination", d.Destination.String(), "err", describe(err))
		p.setThread(thread, threadMissing)
		target, ref = d.Channel, nil
		id, err = p.sendOrPlain(ctx, d, target, ref, m)
	}
	if err != nil {
		return "", p.classify(d.Channel, "post to", err)
	}
	return messageRef(d.Channel, target, id), nil
}

// messageRef is the ID Post returns for message id posted in target:
// the ID alone in the delivery's channel, "THREAD/ID" in a thread.
func messageRef(channel, target, id string) string {
	if target == channel {
		return id
	}
	return target + "/" + id
}

// refused returns the error every post or edit gets once Discord has
// refused the bot's token, nil before.
func (p *Poster) refused(channel, op string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.unauthorized {
		return nil
	}
	return &refusedError{op: op, channel: channel, status: http.StatusUnauthorized, detail: "401"}
}

// mentionable returns post with its role mention kept only where one is
// allowed: a phase change, a role ID, and not the server's @everyone
// role (whose ID is the server's).
func mentionable(post bot.Post, d strike.Delivery) bot.Post {
	an := post.Announcement
	if an == nil || an.Mention == "" {
		return post
	}
	if an.Kind != bot.KindPhaseChange || RoleMention(an.Mention) == "" || an.Mention == d.Workspace {
		quiet := *an
		quiet.Mention = ""
		post.Announcement = &quiet
	}
	return post
}

// Edit replaces the message messageID (as Post returned it), posted for
// delivery d, with post (a retraction), rendered as Post renders: the
// content and embeds are both replaced, so nothing of the old message
// (its plain version, a role mention) is left, and the edit mentions
// nobody. A message in an archived thread is edited after the thread is
// unarchived. Errors are classified as Post's: a message Discord no
// longer has (10008) or lets the bot edit (403), or a channel gone,
// wrap bot.ErrPermanent; rate limits are *bot.RateLimitError.
func (p *Poster) Edit(ctx context.Context, d strike.Delivery, post bot.Post, messageID string) error {
	if err := p.refused(d.Channel, "edit in"); err != nil {
		return err
	}
	channel, id := d.Channel, messageID
	if th, msg, ok := strings.Cut(messageID, "/"); ok {
		channel, id = th, msg
	}
	m := RenderPost(post, d.Key)
	err := p.editOrPlain(ctx, d, channel, id, m)
	if _, code := restCode(err); code == discordgo.ErrCodePerformedOperationOnArchivedThread && channel != d.Channel {
		// A thread archives itself after a week without messages.
		no := false
		_, uerr := p.rest.Session.ChannelEditComplex(channel, &discordgo.ChannelEdit{Archived: &no}, discordgo.WithContext(ctx))
		if uerr != nil {
			p.log.Warn("discord: cannot unarchive the story's thread to edit a post in it", "destination", d.Destination.String(),
				"thread", channel, "err", describe(uerr))
		} else {
			err = p.editOrPlain(ctx, d, channel, id, m)
		}
	}
	if err != nil {
		return p.classify(d.Channel, "edit in", err)
	}
	return nil
}

// editOrPlain edits message id in channel to m's embed; when Discord
// refuses the body (400, 50035) it edits to the plain-text version.
func (p *Poster) editOrPlain(ctx context.Context, d strike.Delivery, channel, id string, m Message) error {
	edit := func(content string, embeds []*discordgo.MessageEmbed) error {
		for _, e := range embeds {
			if e.Type == "" {
				e.Type = discordgo.EmbedTypeRich
			}
		}
		_, err := p.rest.Session.ChannelMessageEditComplex(&discordgo.MessageEdit{Channel: channel, ID: id,
			Content: &content, Embeds: &embeds, AllowedMentions: NoMentions()}, discordgo.WithContext(ctx))
		return err
	}
	err := edit("", []*discordgo.MessageEmbed{m.Embed})
	if status, code := restCode(err); status == http.StatusBadRequest && code == discordgo.ErrCodeInvalidFormBody {
		p.log.Warn("discord: embed refused in an edit; editing to the plain version", "destination", d.Destination.String(), "err", describe(err))
		err = edit(m.Content, []*discordgo.MessageEmbed{})
	}
	return err
}

// sendOrPlain sends m's embed (and its lead, with the roles it may
// notify); when Discord refuses the body (400, 50035) it sends the
// plain-text version instead.
func (p *Poster) sendOrPlain(ctx context.Context, d strike.Delivery, channel string, ref *discordgo.MessageReference, m Message) (string, error) {
	mentions := NoMentions()
	if len(m.Roles) > 0 {
		mentions.Roles = m.Roles
	}
	id, err := p.send(ctx, channel, outMessage{Content: m.Lead, Embeds: []*discordgo.MessageEmbed{m.Embed}, AllowedMentions: mentions,
		Reference: ref, Nonce: Nonce(d), EnforceNonce: true})
	if status, code := restCode(err); status == http.StatusBadRequest && code == discordgo.ErrCodeInvalidFormBody {
		p.log.Warn("discord: embed refused; posting the plain version", "destination", d.Destination.String(), "err", describe(err))
		id, err = p.send(ctx, channel, outMessage{Content: m.Content, AllowedMentions: mentions, Reference: ref, Nonce: Nonce(d), EnforceNonce: true})
	}
	return id, err
}

// send posts msg; allowed_mentions is {"parse": []} unless msg lists
// the roles it may notify.
func (p *Poster) send(ctx context.Context, channel string, msg outMessage) (string, error) {
	if msg.AllowedMentions == nil {
		msg.AllowedMentions = NoMentions()
	}
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
		return "", nil, p.classify(d.Channel, "post to", err) // the channel itself is gone
	case code == discordgo.ErrCodeCannotExecuteActionOnThisChannelType, code == discordgo.ErrCodeMaximumNumberOfActiveThreadsReached,
		code == discordgo.ErrCodeMaximumNumberOfActiveAnnouncementThreadsReached, status == http.StatusForbidden:
		p.log.Info("discord: no thread for this story here; updates reply to its message", "destination", d.Destination.String(), "why", describe(err))
		p.setThread(storyMsg, threadNone)
		return d.Channel, reply(d, storyMsg), nil
	default:
		return "", nil, p.classify(d.Channel, "post to", err)
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

// classify turns a REST error into what the deliverer understands; op
// is "post to" or "edit in".
func (p *Poster) classify(channel, op string, err error) error {
	if wait, ok := waitOf(err); ok {
		return &bot.RateLimitError{RetryAfter: wait}
	}
	status, code := restCode(err)
	switch {
	case status == http.StatusUnauthorized:
		p.mu.Lock()
		p.unauthorized = true
		p.mu.Unlock()
	case status >= 400 && status < 500:
	default:
		return fmt.Errorf("discord: %s %s: %s", op, channel, describe(err))
	}
	return &refusedError{op: op, channel: channel, status: status, code: code, detail: describe(err)}
}

// refusedError is a post or edit Discord refused for good (a 4xx other
// than 429). It unwraps to bot.ErrPermanent, and says plainly what
// happened (bot.Plainer) for the ops channel.
type refusedError struct {
	op, channel  string
	status, code int
	// detail is describe's account: "404 Unknown Channel (10003)".
	detail string
}

func (e *refusedError) Error() string {
	prefix := "discord: " + e.op + " " + e.channel + ": " + bot.ErrPermanent.Error() + ": "
	switch {
	case e.status == http.StatusUnauthorized:
		return prefix + "the bot token was refused (" + e.detail + ")"
	case e.status == http.StatusForbidden, e.status == http.StatusNotFound:
		return prefix + e.detail
	}
	return prefix + "refused: " + e.detail
}

func (e *refusedError) Unwrap() error { return bot.ErrPermanent }

// Plain says what Discord's refusal means, in words for the people
// reading the ops channel.
func (e *refusedError) Plain() string {
	switch e.code {
	case discordgo.ErrCodeUnknownChannel:
		return "the channel was deleted, or the bot was removed from its server"
	case discordgo.ErrCodeMissingAccess:
		return "the bot lost access to the channel (its role can no longer see it)"
	case discordgo.ErrCodeMissingPermissions:
		return "the bot's role may not post there (it needs Send Messages and Embed Links in that channel)"
	case discordgo.ErrCodeUnknownMessage:
		return "the post was deleted"
	case discordgo.ErrCodeCannotEditFromAnotherUser:
		return "the post was not written by the bot"
	case discordgo.ErrCodePerformedOperationOnArchivedThread:
		return "the story's thread is archived and the bot could not reopen it"
	case discordgo.ErrCodeThreadIsLocked:
		return "the story's thread is locked"
	case discordgo.ErrCodeInvalidFormBody:
		return "Discord refused the post as it was written"
	}
	switch e.status {
	case http.StatusUnauthorized:
		return "Discord no longer accepts the bot's token (it was reset, or the application deleted)"
	case http.StatusForbidden:
		return "Discord does not let the bot post there"
	case http.StatusNotFound:
		return "Discord no longer knows the channel"
	}
	return fmt.Sprintf("Discord refused it (HTTP %d, code %d)", e.status, e.code)
}
