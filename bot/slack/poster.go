package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/slack-go/slack"
	"golang.org/x/time/rate"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

// DefaultRetryAfter is how long to wait after a 429 that gave no
// Retry-After.
const DefaultRetryAfter = 30 * time.Second

// DefaultAPIURL is Slack's Web API.
const DefaultAPIURL = "https://slack.com/api/"

// PosterOptions configure a Poster.
type PosterOptions struct {
	// Token is the bot token (xoxb-…). Required. It is never logged nor
	// put in an error.
	Token string
	// APIURL defaults to DefaultAPIURL; tests point it at a fake. It
	// must end in "/".
	APIURL string
	// Client defaults to a client with a 10 s timeout.
	Client *http.Client
	// RetryAfter is the wait after a 429 without Retry-After; default
	// DefaultRetryAfter.
	RetryAfter time.Duration
	// Logger receives reconciliation notes (a post found already sent, a
	// lookup that failed); slog.Default() when nil.
	Logger *slog.Logger
	// Platforms, if set, is told that Slack is off when Slack refuses the
	// token (revoked, invalid): no further post is tried until a restart.
	Platforms *bot.Platforms
}

// Poster posts outbox deliveries to Slack with chat.postMessage. It
// implements bot.Poster and is safe for concurrent use. It does not pace
// itself: the delivery loop paces each channel at Pace.
//
// Every message carries Slack message metadata naming its delivery (event
// type MetadataEventType, payload {"key": d.Key, "delivery": d.ID}), so
// that a delivery tried again after a crash or a lost answer can be found
// in the channel instead of posted twice; see Post.
type Poster struct {
	api        *slack.Client
	retryAfter time.Duration
	log        *slog.Logger
	platforms  *bot.Platforms
}

var (
	_ bot.Poster = (*Poster)(nil)
	_ bot.Editor = (*Poster)(nil)
)

// NewPoster returns a Poster.
func NewPoster(o PosterOptions) *Poster {
	if o.APIURL == "" {
		o.APIURL = DefaultAPIURL
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 10 * time.Second}
	}
	if o.RetryAfter <= 0 {
		o.RetryAfter = DefaultRetryAfter
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return &Poster{
		api:        slack.New(o.Token, slack.OptionAPIURL(o.APIURL), slack.OptionHTTPClient(o.Client)),
		retryAfter: o.RetryAfter,
		log:        o.Logger,
		platforms:  o.Platforms,
	}
}

// Platform returns "slack".
func (p *Poster) Platform() string { return "slack" }

// Pace is the most messages per second to post to one channel: Slack
// allows about one.
func (p *Poster) Pace() rate.Limit { return rate.Every(time.Second) }

// Post renders post and posts it to the delivery's channel, in thread
// when thread is not "", with link and media unfurling off. It returns
// the message's ts. A rate limit is a *bot.RateLimitError; a channel that
// is gone or closed to the bot or a message Slack refuses wraps
// bot.ErrPermanent; a token Slack refuses (revoked, invalid) wraps
// bot.ErrPlatformOff and turns Slack off in PosterOptions.Platforms. A message refused for its blocks
// or length is first retried once as plain text. Anything else (5xx,
// network) may be retried.
//
// A delivery that may already be in the channel (d.Attempts > 0, or
// d.LastError says its lease expired: an earlier try died or lost Slack's
// answer) is first looked up by its metadata in the channel's recent
// history (and in thread's replies); if it is there, Post returns its ts
// without posting. If Slack cannot answer the lookup (down, rate limited),
// Post fails like a post would and the delivery is retried; if Slack
// refuses it (missing_scope: the app lacks channels:history or
// groups:history), Post posts anyway and logs a warning that a duplicate
// is possible: a post is never dropped for want of a lookup.
func (p *Poster) Post(ctx context.Context, d strike.Delivery, post bot.Post, thread string) (string, error) {
	if mayBePosted(d) {
		ts, err := p.reconcile(ctx, d, thread)
		if err != nil || ts != "" {
			return ts, err
		}
	}
	meta := slack.MsgOptionMetadata(deliveryMetadata(d))
	m := RenderPost(post)
	ts, err := p.send(ctx, d.Channel, thread, m.Text, m.Blocks, meta)
	if code := slackCode(err); code == "invalid_blocks" || code == "msg_too_long" || code == "msg_blocks_too_long" {
		ts, err = p.send(ctx, d.Channel, thread, m.Text, nil, meta)
		if err != nil && !errors.Is(err, bot.ErrPermanent) {
			if _, ok := errors.AsType[*bot.RateLimitError](err); !ok {
				err = fmt.Errorf("%w (after %s)", err, code)
			}
		}
	}
	return ts, err
}

// Edit replaces a message the bot posted (messageID is its ts) with post,
// rendered as Post renders it, with chat.update. Errors are classified as
// Post's: a message Slack no longer has or lets the bot edit
// (message_not_found, cant_update_message, edit_window_closed) wraps
// bot.ErrPermanent.
func (p *Poster) Edit(ctx context.Context, d strike.Delivery, post bot.Post, messageID string) error {
	m := RenderPost(post)
	opts := []slack.MsgOption{slack.MsgOptionText(m.Text, false)}
	if len(m.Blocks) > 0 {
		// Blocks left out would be kept by Slack: the old post would show.
		opts = append(opts, slack.MsgOptionBlocks(m.Blocks...))
	}
	if _, _, _, err := p.api.UpdateMessageContext(ctx, d.Channel, messageID, opts...); err != nil {
		return p.classify(d.Channel, err)
	}
	return nil
}

func (p *Poster) send(ctx context.Context, channel, thread, text string, blocks []slack.Block, meta slack.MsgOption) (string, error) {
	opts := []slack.MsgOption{
		slack.MsgOptionText(text, false),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
		meta,
	}
	if len(blocks) > 0 {
		opts = append(opts, slack.MsgOptionBlocks(blocks...))
	}
	if thread != "" {
		opts = append(opts, slack.MsgOptionTS(thread))
	}
	_, ts, err := p.api.PostMessageContext(ctx, channel, opts...)
	if err != nil {
		return "", p.classify(channel, err)
	}
	return ts, nil
}

// permanent are the Slack errors no retry can fix.
var permanent = map[string]bool{
	"channel_not_found": true, "not_in_channel": true, "is_archived": true,
	"invalid_auth": true, "not_authed": true, "account_inactive": true, "token_revoked": true,
	"token_expired": true, "no_permission": true, "missing_scope": true, "restricted_action": true,
	"team_access_not_granted": true, "ekm_access_denied": true,
	"msg_too_long": true, "msg_blocks_too_long": true, "invalid_blocks": true, "no_text": true,
	"invalid_arguments": true, "invalid_form_data": true,
	// chat.update's: the message is gone, not the bot's, or too old.
	"message_not_found": true, "cant_update_message": true, "edit_window_closed": true,
}

func (p *Poster) classify(channel string, err error) error {
	if te := tokenRefused(BotTokenKey, err); te != nil {
		return stopFor(p.platforms, te)
	}
	if rl, ok := errors.AsType[*slack.RateLimitedError](err); ok {
		wait := rl.RetryAfter
		if wait <= 0 {
			wait = p.retryAfter
		}
		return &bot.RateLimitError{RetryAfter: wait}
	}
	if sc, ok := errors.AsType[slack.StatusCodeError](err); ok {
		if sc.Code == http.StatusTooManyRequests {
			return &bot.RateLimitError{RetryAfter: p.retryAfter}
		}
		return fmt.Errorf("slack: post to %s: status %d", channel, sc.Code)
	}
	if se, ok := errors.AsType[slack.SlackErrorResponse](err); ok {
		return &apiError{channel: channel, code: se.Err, permanent: permanent[se.Err]}
	}
	return fmt.Errorf("slack: post to %s: %w", channel, err)
}

// slackCode is the Slack error code err carries, or "".
func slackCode(err error) string {
	if e, ok := errors.AsType[*apiError](err); ok {
		return e.code
	}
	return ""
}

// apiError is an error code from Slack's Web API. A permanent one
// unwraps to bot.ErrPermanent.
type apiError struct {
	channel, code string
	permanent     bool
}

func (e *apiError) Error() string {
	if e.permanent {
		return "slack: post to " + e.channel + ": " + bot.ErrPermanent.Error() + ": " + e.code
	}
	return "slack: post to " + e.channel + ": " + e.code
}

// Plain says what the error code means for the people reading chat.
func (e *apiError) Plain() string {
	switch e.code {
	case "channel_not_found":
		return "the channel no longer exists, or the bot cannot see it"
	case "not_in_channel":
		return "the bot is not a member of the channel; invite it with /invite @strikebot"
	case "is_archived":
		return "the channel is archived"
	case "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired":
		return "Slack no longer accepts the bot's token"
	case "no_permission", "missing_scope", "restricted_action", "team_access_not_granted", "ekm_access_denied":
		return "Slack does not let the bot post there"
	case "msg_too_long", "msg_blocks_too_long", "invalid_blocks", "no_text", "invalid_arguments", "invalid_form_data":
		return "Slack refused the post as it was written"
	case "message_not_found", "cant_update_message", "edit_window_closed":
		return "Slack no longer lets the bot change that post"
	}
	return "Slack refused it (" + e.code + ")"
}

func (e *apiError) Unwrap() error {
	if e.permanent {
		return bot.ErrPermanent
	}
	return nil
}
