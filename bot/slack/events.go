package slack

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

// AskerOptions configure NewAsker. Router and Token are required.
type AskerOptions struct {
	// Router answers; the asker sends it "ask QUESTION".
	Router Router
	// Token is the bot token (xoxb-…), to post the answers.
	Token string
	// APIURL defaults to DefaultAPIURL.
	APIURL string
	// Client defaults to a client with a 10 s timeout.
	Client *http.Client
	// BotUserID is the bot's own user ("U…", from auth.test): its own
	// messages are never answered. Optional: messages from bots are
	// ignored anyway.
	BotUserID string
	// Now defaults to time.Now.
	Now func() time.Time
	// Platforms, if set, is told that Slack is off when Slack refuses the
	// token.
	Platforms *bot.Platforms
	Logger    *slog.Logger
}

// Asker lets supporters ask by mentioning the bot in a channel
// (app_mention, scope app_mentions:read) or by writing to it directly
// (message.im, scope im:history): the text, less the mention, is handed
// to the router as "ask …" and the answer is posted in the thread of the
// question. Its OnEvent is the OnEvent of a Handler or of RunSocketMode.
// It is safe for concurrent use.
type Asker struct {
	o   AskerOptions
	api *slack.Client
}

// NewAsker returns an Asker.
func NewAsker(o AskerOptions) *Asker {
	if o.APIURL == "" {
		o.APIURL = DefaultAPIURL
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 10 * time.Second}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return &Asker{o: o, api: slack.New(o.Token, slack.OptionAPIURL(o.APIURL), slack.OptionHTTPClient(o.Client))}
}

// mention matches a user mention as Slack writes it: <@U123> or <@U123|name>.
var mention = regexp.MustCompile(`<@[A-Z0-9]+(?:\|[^>]*)?>`)

// question is what an event asks: where, who, the text and the thread to
// answer in; ok is false for events that are not a person's question.
type question struct {
	channel, user, text, thread string
}

func (a *Asker) question(ev slackevents.EventsAPIEvent) (question, bool) {
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.User == "" || e.User == a.o.BotUserID {
			return question{}, false
		}
		return question{channel: e.Channel, user: e.User, text: e.Text, thread: firstNonEmpty(e.ThreadTimeStamp, e.TimeStamp)}, true
	case *slackevents.MessageEvent:
		// A person's new message in a direct message with the bot: no
		// subtype (edits, deletions, joins and bot messages have one).
		if e.ChannelType != "im" || e.SubType != "" || e.BotID != "" || e.User == "" || e.User == a.o.BotUserID {
			return question{}, false
		}
		return question{channel: e.Channel, user: e.User, text: e.Text, thread: firstNonEmpty(e.ThreadTimeStamp, e.TimeStamp)}, true
	}
	return question{}, false
}

// OnEvent answers app_mention and message.im events, and ignores the rest.
func (a *Asker) OnEvent(ctx context.Context, team string, ev slackevents.EventsAPIEvent) {
	q, ok := a.question(ev)
	if !ok {
		return
	}
	text := strings.TrimSpace(mention.ReplaceAllString(q.text, " "))
	cmd := "ask " + text
	if text == "" || strings.EqualFold(text, "help") {
		cmd = "help"
	}
	rep := a.o.Router.Handle(ctx, bot.Request{
		Destination: strike.Destination{Platform: Platform, Workspace: team, Channel: q.channel},
		User:        q.user,
		Text:        cmd,
		At:          a.o.Now(),
	})
	m := RenderReply(rep)
	err := a.post(ctx, q.channel, slack.MsgOptionText(m.Text, false), slack.MsgOptionBlocks(m.Blocks...),
		slack.MsgOptionTS(q.thread), slack.MsgOptionDisableLinkUnfurl(), slack.MsgOptionDisableMediaUnfurl())
	if te := tokenRefused(BotTokenKey, err); te != nil {
		err = stopFor(a.o.Platforms, te)
	}
	if err != nil {
		a.o.Logger.Error("slack: answer to a question lost", "workspace", team, "channel", q.channel, "err", err)
	}
}

// maxAnswerTries bounds the tries of posting one answer that Slack keeps
// rate-limiting (about one message per second per channel).
const maxAnswerTries = 4

// post posts a message, waiting out Slack's rate limit (Retry-After, at
// most 30 s) a few times, within ctx.
func (a *Asker) post(ctx context.Context, channel string, opts ...slack.MsgOption) error {
	for try := 1; ; try++ {
		pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		_, _, err := a.api.PostMessageContext(pctx, channel, opts...)
		cancel()
		rl, limited := errors.AsType[*slack.RateLimitedError](err)
		if !limited || try == maxAnswerTries {
			return err
		}
		t := time.NewTimer(min(max(rl.RetryAfter, time.Second), 30*time.Second))
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
	}
}
