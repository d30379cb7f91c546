package bot

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/strikebot/strikebot/strike"
)

// Limits of "feeds add".
const (
	// FeedCheckTimeout bounds checking a feed before it is added.
	FeedCheckTimeout = 30 * time.Second
	// MaxFeedURLBytes is the longest feed URL accepted from chat.
	MaxFeedURLBytes = 2000
	// MaxFeedNameRunes is the longest display name given to a feed.
	MaxFeedNameRunes = 100
)

// Replies of the feeds command that tests and adapters may match.
const (
	// FeedsNotSetUpText answers "feeds add" when the router has no
	// FeedChecker.
	FeedsNotSetUpText = "Adding feeds from chat is not set up here; edit the configuration (campaigns[].feeds) and restart the bot."
)

// feeds runs "feeds", "feeds add URL [NAME]" and "feeds remove URL". It
// writes its own audit entries, saying what happened.
func (r *Router) feeds(ctx context.Context, req Request, c Command) (Reply, error) {
	if len(c.Args) == 0 {
		rep, err := r.listFeeds(ctx)
		if err == nil {
			r.audit(ctx, req, c, "ok")
		}
		return rep, err
	}
	switch strings.ToLower(c.Args[0]) {
	case "add":
		if len(c.Args) < 2 {
			return Reply{}, usagef("Give the feed's link, for example \"feeds add https://example.org/rss\".")
		}
		return r.addFeed(ctx, req, c)
	case "remove":
		if len(c.Args) != 2 {
			return Reply{}, usagef("Give one feed link, as \"feeds\" lists them.")
		}
		return r.removeFeed(ctx, req, c)
	default:
		return Reply{}, usagef("Write \"feeds\", \"feeds add URL [NAME]\" or \"feeds remove URL\".")
	}
}

// allFeeds returns the campaign's configured feeds followed by those added
// from chat, one per URL.
func (r *Router) allFeeds(ctx context.Context) ([]strike.FeedSource, error) {
	added, err := r.o.Store.Feeds(ctx, r.o.Campaign.ID)
	if err != nil {
		return nil, fmt.Errorf("bot: feeds: %w", err)
	}
	out := make([]strike.FeedSource, 0, len(r.o.Campaign.Feeds)+len(added))
	seen := make(map[string]bool)
	for _, f := range append(append(out, r.o.Campaign.Feeds...), added...) {
		if !seen[f.URL] {
			seen[f.URL] = true
			out = append(out, f)
		}
	}
	return out, nil
}

func (r *Router) listFeeds(ctx context.Context) (Reply, error) {
	all, err := r.allFeeds(ctx)
	if err != nil {
		return Reply{}, err
	}
	rep := Reply{Title: "Feeds of " + r.o.Campaign.Name}
	for _, f := range all {
		note := "in the configuration"
		if f.AddedBy != "" || !f.AddedAt.IsZero() {
			note = "added from chat"
			if f.AddedBy != "" {
				note += " by " + f.AddedBy
			}
			if !f.AddedAt.IsZero() {
				note += " on " + dateOf(f.AddedAt)
			}
		}
		rep.Fields = append(rep.Fields, Field{Name: feedName(f), Value: redactFeedURL(f.URL), Note: note})
	}
	if len(all) == 0 {
		rep.Lines = []string{"The campaign has no feeds yet."}
	}
	rep.Footer = "\"feeds add URL [NAME]\" adds a feed; \"feeds remove URL\" removes one added from chat; \"sources\" shows their health."
	return rep, nil
}

func (r *Router) addFeed(ctx context.Context, req Request, c Command) (Reply, error) {
	u, err := feedURL(c.Args[1])
	if err != nil {
		return Reply{}, err
	}
	name := strings.Join(c.Args[2:], " ")
	if n := utf8.RuneCountInString(name); n > MaxFeedNameRunes {
		return Reply{}, usagef("The name has %d characters; the most is %d.", n, MaxFeedNameRunes)
	}
	refuse := func(outcome string, lines ...string) (Reply, error) {
		r.audit(ctx, req, c, "refused: "+outcome)
		return Reply{Title: "Feed not added", Lines: lines}, nil
	}
	if r.configured(u) {
		return refuse("configured", "That feed is already in the configuration, so it is polled already.")
	}
	added, err := r.o.Store.Feeds(ctx, r.o.Campaign.ID)
	if err != nil {
		return Reply{}, fmt.Errorf("bot: feeds: %w", err)
	}
	for _, f := range added {
		if f.URL == u {
			return refuse("already added", alreadyAdded(f))
		}
	}
	if r.o.FeedChecker == nil {
		return refuse("not set up", FeedsNotSetUpText)
	}
	cctx, cancel := context.WithTimeout(ctx, FeedCheckTimeout)
	title, err := r.o.FeedChecker.Check(cctx, u)
	cancel()
	if err != nil {
		reason := Truncate(err.Error(), 300)
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			reason = fmt.Sprintf("The site did not answer within %s.", FeedCheckTimeout)
		}
		r.o.Logger.Info("bot: feed refused by the check", "url", redactFeedURL(u), "user", req.User, "err", err.Error())
		return refuse("check failed: "+reason, "I could not use "+redactFeedURL(u)+" as a feed: "+reason,
			"Check the link; a news site's RSS or Atom link usually ends in /feed, /rss or .xml.")
	}
	who := req.UserName
	if who == "" {
		who = req.User
	}
	err = r.o.Store.AddFeed(ctx, r.o.Campaign.ID, strike.FeedSource{URL: u, Name: name}, who, r.o.Now())
	if errors.Is(err, strike.ErrExists) { // another captain was quicker
		return refuse("already added", "That feed was just added by another captain.")
	}
	if err != nil {
		return Reply{}, fmt.Errorf("bot: add feed: %w", err)
	}
	r.audit(ctx, req, c, "ok: added")
	shown := name
	if shown == "" {
		shown = strings.TrimSpace(title)
	}
	if shown == "" {
		shown = "The feed"
	}
	return Reply{Title: "Feed added", Lines: []string{
		Truncate(shown, MaxFeedNameRunes) + " (" + redactFeedURL(u) + ") is now one of " + r.o.Campaign.Name + "'s feeds.",
		"It will be polled within a minute, then on the usual schedule; its strike news is announced like the other feeds'. \"sources\" shows how it is doing.",
	}}, nil
}

func (r *Router) removeFeed(ctx context.Context, req Request, c Command) (Reply, error) {
	u, err := feedURL(c.Args[1])
	if err != nil {
		return Reply{}, err
	}
	if r.configured(u) {
		r.audit(ctx, req, c, "refused: configured")
		return Reply{Title: "Feed not removed", Lines: []string{
			"That feed is in the configuration (campaigns[].feeds): remove it there and restart the bot.",
		}}, nil
	}
	err = r.o.Store.RemoveFeed(ctx, r.o.Campaign.ID, u)
	if errors.Is(err, strike.ErrNotFound) {
		r.audit(ctx, req, c, "refused: not added")
		return Reply{Title: "Feed not removed", Lines: []string{
			"No feed of that link was added from chat; \"feeds\" lists the campaign's feeds.",
		}}, nil
	}
	if err != nil {
		return Reply{}, fmt.Errorf("bot: remove feed: %w", err)
	}
	r.audit(ctx, req, c, "ok: removed")
	return Reply{Title: "Feed removed", Lines: []string{
		redactFeedURL(u) + " is no longer one of " + r.o.Campaign.Name + "'s feeds.",
		"It stops being polled within a minute; the articles already read from it stay.",
	}}, nil
}

// configured reports whether u, normalized, is a feed of the configuration.
func (r *Router) configured(u string) bool {
	for _, f := range r.o.Campaign.Feeds {
		if f.URL == u {
			return true
		}
		if n, err := feedURL(f.URL); err == nil && n == u {
			return true
		}
	}
	return false
}

func alreadyAdded(f strike.FeedSource) string {
	s := "That feed was already added"
	if f.AddedBy != "" {
		s += " by " + f.AddedBy
	}
	if !f.AddedAt.IsZero() {
		s += " on " + dateOf(f.AddedAt)
	}
	return s + "."
}

// feedURL reads a feed link typed in chat, as Slack may wrap it (<url> or
// <url|label>), and returns it normalized: scheme and host lower-cased,
// no fragment. It accepts only http and https links with a host and
// without a user name or password (those belong in the configuration,
// not in chat history and the audit log). Errors are usage errors.
func feedURL(arg string) (string, error) {
	raw := arg
	if strings.HasPrefix(raw, "<") && strings.HasSuffix(raw, ">") {
		raw = raw[1 : len(raw)-1]
		raw, _, _ = strings.Cut(raw, "|")
	}
	if len(raw) > MaxFeedURLBytes {
		return "", usagef("The link is longer than %d characters.", MaxFeedURLBytes)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" {
		return "", usagef("%q is not a link.", truncateWord(redactFeedURL(raw)))
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", usagef("%q is not a web link; give one starting with https://.", truncateWord(redactFeedURL(raw)))
	}
	if u.User != nil {
		return "", usagef("Feeds that need a user name or password go in the configuration, not in chat.")
	}
	u.Host = strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	return u.String(), nil
}

// feedName is how a feed is named in replies: its display name, else the
// host of its link.
func feedName(f strike.FeedSource) string {
	if f.Name != "" {
		return f.Name
	}
	if u, err := url.Parse(f.URL); err == nil && u.Host != "" {
		return u.Host
	}
	return "feed"
}

// redactFeedURL hides the user name and password of a link (a user name
// alone may be a token); text that does not parse is not echoed.
func redactFeedURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(link)"
	}
	if u.User != nil {
		u.User = url.User("xxxxx")
	}
	return strike.RedactURL(u.String()) // secret query values (token=, key=, sig=…)
}

// redactWords hides the credentials of the links in a command's text, for
// the audit log.
func redactWords(text string) string {
	if !strings.ContainsAny(text, "@?") {
		return text
	}
	words := strings.Split(text, " ")
	for i, w := range words {
		inner := strings.Trim(w, "<>")
		inner, _, _ = strings.Cut(inner, "|")
		if strings.Contains(inner, "://") && strings.ContainsAny(inner, "@?") && redactFeedURL(inner) != inner {
			words[i] = redactFeedURL(inner)
		}
	}
	return strings.Join(words, " ")
}
