package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/strikebot/strikebot/strike"
)

// Request is one chat command as a platform adapter received it, after
// the adapter verified it came from the platform.
type Request struct {
	strike.Destination // where the command was typed
	// User is the platform's user ID; UserName how to show them.
	User, UserName string
	// Groups are the user's Slack user-group IDs or Discord role IDs, as the
	// platform reported them; the bot checks captains against the config.
	Groups []string
	// Text is what followed the command name, for example "ask when is the vote?".
	Text string
	// At is when the request was received.
	At time.Time
}

// Reply is what the bot answers a command with, as plain text and simple
// structure: platforms render it within their limits and escape all text,
// so nothing from a feed or a user can ping a channel or inject markup.
type Reply struct {
	// Public posts the reply in the channel; otherwise only the asker sees it.
	Public bool
	Title  string
	// Lines are paragraphs of plain text.
	Lines []string
	// Fields are labeled values, shown as a compact table (status cards).
	Fields []Field
	// Links are sources to cite, in order ([1], [2], …).
	Links []Link
	// Footer is a small closing line (as-of time, hints).
	Footer string
}

// Field is a labeled value of a Reply.
type Field struct {
	Name, Value string
	// Note qualifies the value (its sources, or who pinned it and when).
	Note string
}

// Link is a cited source.
type Link struct {
	Title, URL string
	// Source is the outlet; Date is YYYY-MM-DD.
	Source, Date string
}

// Post is the payload of an outbox delivery (strike.Delivery.Payload, as
// JSON): exactly one of its parts is set.
type Post struct {
	// Announcement is news about a story.
	Announcement *Announcement `json:"announcement,omitempty"`
	// Digest gathers several stories (the daily digest, quiet hours ending,
	// a flood of stories turned into one post).
	Digest *Digest `json:"digest,omitempty"`
	// Notice is a captains' announcement or an operations alert.
	Notice *Reply `json:"notice,omitempty"`
	// Retraction replaces an earlier post (a delivery of KindRetract):
	// platforms that can edit their posts (Editor) show it instead.
	Retraction *Retraction `json:"retraction,omitempty"`
}

// Retraction is what a retracted post is edited to say.
type Retraction struct {
	// Delivery is the ID of the delivery whose post is edited.
	Delivery int64 `json:"delivery"`
	// Title is what the post was about (the story's headline), shown
	// struck out where the platform can; may be empty.
	Title string `json:"title,omitempty"`
	// Why is a short plain phrase after "Retracted by a captain", such as
	// "not news about this strike"; empty for none.
	Why string `json:"why,omitempty"`
}

// Text is the retraction's line: "Retracted by a captain." or
// "Retracted by a captain: WHY."
func (r Retraction) Text() string {
	if r.Why == "" {
		return "Retracted by a captain."
	}
	return "Retracted by a captain: " + strings.TrimSuffix(r.Why, ".") + "."
}

// Digest is several stories in one post.
type Digest struct {
	Title string         `json:"title"`
	Items []Announcement `json:"items"`
	// Held are the IDs of the parked deliveries the digest replaces, so
	// that a digest enqueued before a crash completes exactly those.
	// Platforms ignore it.
	Held []int64 `json:"held,omitempty"`
}

// Poster posts deliveries to one platform. Post returns the platform's
// message ID. thread is the message ID to reply under ("" for a new
// message). Errors are classified with RateLimitError, ErrPermanent and
// ErrPlatformOff; anything else is retried with backoff.
type Poster interface {
	Platform() string
	Post(ctx context.Context, d strike.Delivery, post Post, thread string) (messageID string, err error)
}

// Editor is implemented by Posters whose platform can change a message
// already posted (Slack: chat.update). Retracting a story needs it: each
// of its posts is edited to a Retraction. The deliverer logs, and skips,
// the edits meant for a platform whose Poster is no Editor.
type Editor interface {
	// Edit replaces the message messageID, posted for delivery d, with
	// post (a Post with Retraction set). Errors are classified as Post's
	// are: RateLimitError, ErrPermanent (the message is gone or can no
	// longer be edited), ErrPlatformOff, anything else retried.
	Edit(ctx context.Context, d strike.Delivery, post Post, messageID string) error
}

// Plainer is implemented by errors that can say in a short plain phrase
// what went wrong, for the people reading chat ("the bot is not a member
// of the channel"); the error itself goes to the log.
type Plainer interface {
	Plain() string
}

// ErrPermanent marks a post that can never succeed as it is (channel gone,
// bot removed, payload refused): it is not retried and the captains are
// told. Wrap it: fmt.Errorf("slack: %w: channel_not_found", ErrPermanent).
var ErrPermanent = errors.New("bot: permanent delivery error")

// ErrPlatformOff marks a post that could not go out because its whole
// platform is off (its token was refused or revoked): no channel is at
// fault, so none is marked broken; the post waits in the outbox until the
// platform works again (after a restart with a good token).
var ErrPlatformOff = errors.New("bot: platform off")

// RateLimitError says the platform asked to wait before posting again to
// this destination.
type RateLimitError struct {
	RetryAfter time.Duration
}

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("bot: rate limited, retry after %s", e.RetryAfter)
}
