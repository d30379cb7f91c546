package bot

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
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
	FeedsNotSetUpText = "Feeds can't be added from chat here; ask whoever runs the bot to add it."
	// FeedUnreadableText is the reason shown for a check that failed
	// with no plain sentence of its own.
	FeedUnreadableText = "The bot could not read that address as a feed."
)

// PreviewItems is how many of a feed's newest items "feeds add" shows.
const PreviewItems = 5

// feeds runs "feeds", "feeds add URL [NAME] [confirm]", "feeds remove
// URL", "feeds pause URL" and "feeds resume URL". It writes its own audit
// entries, saying what happened.
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
	case "pause", "resume":
		if len(c.Args) != 2 {
			return Reply{}, usagef("Give one feed link, as \"feeds\" lists them.")
		}
		return r.pauseFeed(ctx, req, c, strings.EqualFold(c.Args[0], "pause"))
	default:
		return Reply{}, usagef("Write \"feeds\", \"feeds add URL [NAME]\", \"feeds remove URL\", \"feeds pause URL\" or \"feeds resume URL\".")
	}
}

// allFeeds returns the campaign's configured feeds followed by those added
// from chat, one per URL.
func (r *Router) allFeeds(ctx context.Context) ([]strike.FeedSource, error) {
	added, err := r.o.Store.Feeds(ctx, r.camp(ctx).Campaign.ID)
	if err != nil {
		return nil, fmt.Errorf("bot: feeds: %w", err)
	}
	out := make([]strike.FeedSource, 0, len(r.camp(ctx).Campaign.Feeds)+len(added))
	seen := make(map[string]bool)
	for _, f := range append(append(out, r.camp(ctx).Campaign.Feeds...), added...) {
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
	paused, err := r.pausedFeeds(ctx)
	if err != nil {
		return Reply{}, err
	}
	rep := Reply{Title: "Feeds of " + r.camp(ctx).Campaign.Name}
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
		if p, ok := paused[f.URL]; ok {
			note += "; paused by " + orSomeone(p.PausedBy) + " on " + dateOf(p.Paused)
		}
		rep.Fields = append(rep.Fields, Field{Name: feedName(f), Value: redactFeedURL(f.URL), Note: note})
	}
	if len(all) == 0 {
		rep.Lines = []string{"The campaign has no feeds yet."}
	}
	rep.Footer = "\"feeds add URL [NAME]\" adds a feed; \"feeds remove URL\" removes one added from chat; \"feeds pause URL\" stops reading one; \"sources\" shows their health."
	return rep, nil
}

// pausedFeeds returns the states of the paused feeds, by URL.
func (r *Router) pausedFeeds(ctx context.Context) (map[string]strike.FeedState, error) {
	states, err := r.o.Store.FeedStates(ctx)
	if err != nil {
		return nil, fmt.Errorf("bot: feed states: %w", err)
	}
	out := make(map[string]strike.FeedState)
	for _, st := range states {
		if !st.Paused.IsZero() {
			out[st.URL] = st
		}
	}
	return out, nil
}

func (r *Router) addFeed(ctx context.Context, req Request, c Command) (Reply, error) {
	u, err := feedURL(c.Args[1])
	if err != nil {
		return Reply{}, err
	}
	words := c.Args[2:]
	confirm := len(words) > 0 && strings.EqualFold(words[len(words)-1], "confirm")
	if confirm {
		words = words[:len(words)-1]
	}
	name := strings.Join(words, " ")
	if n := utf8.RuneCountInString(name); n > MaxFeedNameRunes {
		return Reply{}, usagef("The name has %d characters; the most is %d.", n, MaxFeedNameRunes)
	}
	cp := r.camp(ctx)
	refuse := func(outcome string, lines ...string) (Reply, error) {
		r.audit(ctx, req, c, "refused: "+outcome)
		return Reply{Title: "Feed not added", Lines: lines}, nil
	}
	if r.configured(ctx, u) {
		return refuse("configured", "That feed is already one of the campaign's, so it is read already.")
	}
	added, err := r.o.Store.Feeds(ctx, cp.Campaign.ID)
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
	preview, err := r.o.FeedChecker.Check(cctx, u)
	cancel()
	if err != nil {
		reason := FeedUnreadableText
		var fe *FeedError
		switch {
		case errors.As(err, &fe) && fe.Plain != "":
			reason = fe.Plain
		case errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil:
			reason = fmt.Sprintf("The site did not answer within %s.", FeedCheckTimeout)
		}
		r.o.Logger.Info("bot: feed refused by the check", "url", redactFeedURL(u), "user", req.User, "err", err.Error())
		return refuse("check failed: "+reason, reason)
	}
	shown := name
	if shown == "" {
		shown = strings.TrimSpace(preview.Title)
	}
	if shown == "" {
		shown = "The feed"
	}
	shown = Truncate(shown, MaxFeedNameRunes)
	if !confirm {
		r.audit(ctx, req, c, "ok: previewed")
		return r.preview(ctx, u, name, shown, preview), nil
	}
	err = r.o.Store.AddFeed(ctx, cp.Campaign.ID, strike.FeedSource{URL: u, Name: name}, who(req), r.o.Now())
	if errors.Is(err, strike.ErrExists) { // another captain was quicker
		return refuse("already added", "That feed was just added by another captain.")
	}
	if err != nil {
		return Reply{}, fmt.Errorf("bot: add feed: %w", err)
	}
	r.audit(ctx, req, c, "ok: added")
	return Reply{Title: "Feed added", Lines: []string{
		shown + " (" + redactFeedURL(u) + ") is now one of " + cp.Campaign.Name + "'s feeds.",
		"It will be read within a minute, then on the usual schedule; its strike news is announced like the other feeds'. \"sources\" shows how it is doing.",
	}}, nil
}

// preview shows a feed's newest items and what the bot would make of
// each, and how to add it.
func (r *Router) preview(ctx context.Context, u, name, shown string, p FeedPreview) Reply {
	rep := Reply{Title: "Preview: " + shown}
	items := p.Items
	slices.SortStableFunc(items, func(a, b strike.Article) int { return b.Published.Compare(a.Published) })
	if len(items) > PreviewItems {
		items = items[:PreviewItems]
	}
	scorer, _ := r.camp(ctx).Scorer.(interface {
		Score(a *strike.Article) strike.Relevance
	})
	counts := map[strike.Tier]int{}
	for i := range items {
		a := &items[i]
		v := "(no verdict: explanations are not available here)"
		if scorer != nil {
			rel := scorer.Score(a)
			counts[rel.Tier]++
			v = previewVerdict(rel.Tier)
		}
		rep.Fields = append(rep.Fields, Field{Name: Truncate(orUntitled(a.Title), 120), Value: v, Note: dateOf(a.Published)})
	}
	switch {
	case len(p.Items) == 0:
		rep.Lines = append(rep.Lines, "The feed has no items right now, so there is nothing to judge yet.")
	default:
		rep.Lines = append(rep.Lines, fmt.Sprintf("The feed has %d %s; the newest, and what the bot would make of each as the feed shows it:",
			len(p.Items), plural(len(p.Items), "item", "items")))
		if scorer != nil && counts[strike.TierCore]+counts[strike.TierRelated] == 0 {
			rep.Lines = append(rep.Lines, "None of these would be posted: the feed may be of little use for this campaign.")
		}
	}
	add := "feeds add " + redactFeedURL(u)
	if name != "" {
		add += " " + name
	}
	rep.Footer = "Nothing is added yet. To add it, write: " + r.syntax() + add + " confirm"
	return rep
}

func previewVerdict(t strike.Tier) string {
	switch t {
	case strike.TierCore:
		return "strike news: posted at once"
	case strike.TierRelated:
		return "related news: posted in the digest, or at once in \"all\" channels"
	}
	return "not strike news: not posted"
}

func orUntitled(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(untitled)"
	}
	return s
}

// pauseFeed runs "feeds pause URL" and "feeds resume URL".
func (r *Router) pauseFeed(ctx context.Context, req Request, c Command, pause bool) (Reply, error) {
	u, err := feedURL(c.Args[1])
	if err != nil {
		return Reply{}, err
	}
	all, err := r.allFeeds(ctx)
	if err != nil {
		return Reply{}, err
	}
	var feed *strike.FeedSource
	for i, f := range all {
		if n, err := feedURL(f.URL); f.URL == u || err == nil && n == u {
			feed = &all[i]
			break
		}
	}
	if feed == nil {
		r.audit(ctx, req, c, "refused: not a feed of the campaign")
		return Reply{Lines: []string{"That is not one of the campaign's feeds; \"feeds\" lists them."}}, nil
	}
	if pause {
		if err := r.o.Store.PauseFeed(ctx, feed.URL, r.camp(ctx).Campaign.ID, who(req), r.o.Now()); err != nil {
			return Reply{}, fmt.Errorf("bot: pause feed: %w", err)
		}
		r.audit(ctx, req, c, "ok: paused")
		return Reply{Title: "Feed paused", Lines: []string{
			feedName(*feed) + " is not read until a captain resumes it: \"feeds resume " + redactFeedURL(feed.URL) + "\".",
		}}, nil
	}
	err = r.o.Store.ResumeFeed(ctx, feed.URL)
	if errors.Is(err, strike.ErrNotFound) {
		r.audit(ctx, req, c, "refused: not paused")
		return Reply{Lines: []string{"That feed was not paused."}}, nil
	}
	if err != nil {
		return Reply{}, fmt.Errorf("bot: resume feed: %w", err)
	}
	r.audit(ctx, req, c, "ok: resumed")
	return Reply{Title: "Feed resumed", Lines: []string{feedName(*feed) + " is read again within a minute."}}, nil
}

func (r *Router) removeFeed(ctx context.Context, req Request, c Command) (Reply, error) {
	u, err := feedURL(c.Args[1])
	if err != nil {
		return Reply{}, err
	}
	if r.configured(ctx, u) {
		r.audit(ctx, req, c, "refused: configured")
		return Reply{Title: "Feed not removed", Lines: []string{
			"That feed is part of the bot's setup, so it can't be removed from chat; \"feeds pause URL\" stops reading it, or ask whoever runs the bot.",
		}}, nil
	}
	err = r.o.Store.RemoveFeed(ctx, r.camp(ctx).Campaign.ID, u)
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
		redactFeedURL(u) + " is no longer one of " + r.camp(ctx).Campaign.Name + "'s feeds.",
		"It stops being polled within a minute; the articles already read from it stay.",
	}}, nil
}

// configured reports whether u, normalized, is a feed of the campaign's
// configuration.
func (r *Router) configured(ctx context.Context, u string) bool {
	for _, f := range r.camp(ctx).Campaign.Feeds {
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
		return "", usagef("Links with a user name or password can't be added from chat, where everyone would see them; ask whoever runs the bot.")
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
