package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// RouterCampaign is one campaign a Router answers for.
type RouterCampaign struct {
	Campaign strike.Campaign
	Desk     Desk
	// Scorer explains relevance for "why"; nil answers that it is not
	// available.
	Scorer Explainer
}

// campaignKey carries the campaign a request addresses.
type campaignKey struct{}

// camp returns the campaign the request being handled addresses.
func (r *Router) camp(ctx context.Context) *RouterCampaign {
	if cp, ok := ctx.Value(campaignKey{}).(*RouterCampaign); ok {
		return cp
	}
	return r.camps[0]
}

// address finds the campaign a command is about: the one a leading
// "campaign ID" names (the command is then the rest), else the one the
// channel is subscribed to, else the first. It returns a nil campaign and
// the reply when the named campaign does not exist.
func (r *Router) address(ctx context.Context, req Request, c Command) (*RouterCampaign, Command, Reply) {
	if c.Name == "campaign" && len(c.Args) > 0 {
		cp := r.byID[c.Args[0]]
		if cp == nil {
			for _, x := range r.camps { // IDs are typed in any case
				if strings.EqualFold(x.Campaign.ID, c.Args[0]) {
					cp = x
				}
			}
		}
		if cp == nil {
			return nil, c, Reply{Title: fmt.Sprintf("There is no campaign %q", truncateWord(c.Args[0])), Lines: []string{r.campaignList()}}
		}
		rest, _ := ParseCommand(strings.Join(c.Args[1:], " ")) // shorter than the whole: it parses
		return cp, rest, Reply{}
	}
	if len(r.camps) == 1 {
		return r.camps[0], c, Reply{}
	}
	subs, err := r.o.Store.Subscriptions(ctx, "")
	if err != nil {
		r.o.Logger.Error("bot: subscriptions of the channel not read; the first campaign is addressed", "destination", req.Destination.String(), "err", err.Error())
		return r.camps[0], c, Reply{}
	}
	for _, cp := range r.camps {
		for _, s := range subs {
			if s.Destination == req.Destination && s.CampaignID == cp.Campaign.ID {
				return cp, c, Reply{}
			}
		}
	}
	return r.camps[0], c, Reply{}
}

// campaignList names the campaigns, for replies.
func (r *Router) campaignList() string {
	var names []string
	for _, cp := range r.camps {
		names = append(names, cp.Campaign.ID+" ("+cp.Campaign.Name+")")
	}
	return "The campaigns are " + strings.Join(names, ", ") + "."
}

// campaigns runs "campaign" alone: the list, and which one this channel
// addresses.
func (r *Router) campaigns(ctx context.Context, _ Request, c Command) (Reply, error) {
	if len(c.Args) > 0 {
		return Reply{}, usagef("Write \"campaign\" alone for the list, or \"campaign ID COMMAND\".")
	}
	rep := Reply{Title: "Campaigns"}
	here := r.camp(ctx)
	for _, cp := range r.camps {
		note := ""
		if cp == here {
			note = "commands here are about this one"
		}
		rep.Fields = append(rep.Fields, Field{Name: cp.Campaign.ID, Value: cp.Campaign.Name, Note: note})
	}
	rep.Footer = "\"campaign ID COMMAND\" runs a command about another campaign, for example \"campaign " + r.camps[len(r.camps)-1].Campaign.ID + " status\"."
	return rep, nil
}

// who names the user who sent a request.
func who(req Request) string {
	if req.UserName != "" {
		return req.UserName
	}
	return req.User
}

// storyArg reads the story a command names, of the addressed campaign.
// A reply is returned instead when there is no such story.
func (r *Router) storyArg(ctx context.Context, arg string) (strike.Story, *Reply, error) {
	id, ok := parseID(arg)
	if !ok {
		return strike.Story{}, nil, usagef("%q is not a story number; \"latest\" lists them.", truncateWord(arg))
	}
	s, err := r.o.Store.Story(ctx, id)
	if errors.Is(err, strike.ErrNotFound) || (err == nil && s.CampaignID != r.camp(ctx).Campaign.ID) {
		return strike.Story{}, &Reply{Lines: []string{fmt.Sprintf("There is no story #%d.", id)}}, nil
	}
	if err != nil {
		return strike.Story{}, nil, fmt.Errorf("bot: story %d: %w", id, err)
	}
	return s, nil, nil
}

// retract runs "retract STORY [REASON]".
func (r *Router) retract(ctx context.Context, req Request, c Command) (Reply, error) {
	if len(c.Args) == 0 {
		return Reply{}, usagef("Give the story's number, as \"latest\" lists them, and why, for example \"retract 12 wrong strike\".")
	}
	s, missing, err := r.storyArg(ctx, c.Args[0])
	if err != nil || missing != nil {
		if missing != nil {
			r.audit(ctx, req, c, "refused: no such story")
			return *missing, nil
		}
		return Reply{}, err
	}
	now := r.o.Now()
	again := !s.Retracted.IsZero()
	if err := r.o.Store.RetractStory(ctx, s.ID, now); err != nil {
		return Reply{}, fmt.Errorf("bot: retract story %d: %w", s.ID, err)
	}
	ds, err := r.o.Store.StoryDeliveries(ctx, s.ID)
	if err != nil {
		return Reply{}, fmt.Errorf("bot: deliveries of story %d: %w", s.ID, err)
	}
	n, channels, err := retractPosts(ctx, r.o.Store, ds, retraction{title: s.Title, now: now})
	if err != nil {
		return Reply{}, err
	}
	r.audit(ctx, req, c, fmt.Sprintf("ok: %d %s in %d %s", n, plural(n, "post", "posts"), channels, plural(channels, "channel", "channels")))
	rep := Reply{Title: fmt.Sprintf("Story #%d retracted", s.ID)}
	switch {
	case n == 0:
		rep.Lines = append(rep.Lines, "It was not posted in any channel.")
	default:
		rep.Lines = append(rep.Lines, fmt.Sprintf("Its %d %s in %d %s %s being edited to say \"Retracted by a captain.\"",
			n, plural(n, "post", "posts"), channels, plural(channels, "channel", "channels"), plural(n, "is", "are")))
	}
	rep.Lines = append(rep.Lines, "Nothing more will be posted about it. Who retracted it, and why, is in the audit log.")
	if again {
		rep.Lines = append(rep.Lines, "It had been retracted already on "+dateOf(s.Retracted)+".")
	}
	return rep, nil
}

// mute and unmute run "mute STORY" and "unmute STORY".
func (r *Router) mute(ctx context.Context, req Request, c Command) (Reply, error) {
	return r.setMuted(ctx, c, true)
}

func (r *Router) unmute(ctx context.Context, req Request, c Command) (Reply, error) {
	return r.setMuted(ctx, c, false)
}

func (r *Router) setMuted(ctx context.Context, c Command, muted bool) (Reply, error) {
	if len(c.Args) != 1 {
		return Reply{}, usagef("Give one story number, as \"latest\" lists them.")
	}
	s, missing, err := r.storyArg(ctx, c.Args[0])
	if missing != nil || err != nil {
		if missing != nil {
			return *missing, nil
		}
		return Reply{}, err
	}
	if err := r.o.Store.MuteStory(ctx, s.ID, muted); err != nil {
		return Reply{}, fmt.Errorf("bot: mute story %d: %w", s.ID, err)
	}
	if muted {
		return Reply{Title: fmt.Sprintf("Story #%d muted", s.ID), Lines: []string{
			"No more updates about \"" + Truncate(s.Title, 120) + "\" will be posted; a phase change still would be.",
			fmt.Sprintf("\"unmute %d\" posts its updates again.", s.ID),
		}}, nil
	}
	return Reply{Title: fmt.Sprintf("Story #%d unmuted", s.ID), Lines: []string{
		"Updates about \"" + Truncate(s.Title, 120) + "\" are posted again, from the next one on.",
	}}, nil
}

// findArticle reads the article a command names by number or link, of
// the addressed campaign. A reply is returned instead when there is none.
func (r *Router) findArticle(ctx context.Context, raw string) (strike.Article, *Reply, error) {
	arg := strings.Trim(raw, "<>")
	arg, _, _ = strings.Cut(arg, "|")
	cp := r.camp(ctx)
	if id, ok := parseID(arg); ok {
		a, err := r.o.Store.Article(ctx, id)
		if errors.Is(err, strike.ErrNotFound) || (err == nil && a.CampaignID != cp.Campaign.ID) {
			return strike.Article{}, &Reply{Lines: []string{fmt.Sprintf("There is no article #%d.", id)}}, nil
		}
		if err != nil {
			return strike.Article{}, nil, fmt.Errorf("bot: article %d: %w", id, err)
		}
		return a, nil, nil
	}
	if !strings.HasPrefix(arg, "http://") && !strings.HasPrefix(arg, "https://") {
		return strike.Article{}, nil, usagef("%q is neither an article link nor a number.", truncateWord(arg))
	}
	as, err := r.o.Store.Articles(ctx, strike.ArticleFilter{CampaignID: cp.Campaign.ID, URL: arg, Limit: 1})
	if err != nil {
		return strike.Article{}, nil, fmt.Errorf("bot: article by URL: %w", err)
	}
	if len(as) == 0 {
		return strike.Article{}, &Reply{Lines: []string{"I have not read that article: it came from none of the campaign's feeds."}}, nil
	}
	return as[0], nil, nil
}

// verdictOf returns the verdict in force on an article, if any.
func (r *Router) verdictOf(ctx context.Context, a strike.Article) (strike.Verdict, bool, error) {
	vs, err := r.o.Store.Verdicts(ctx, a.CampaignID)
	if err != nil {
		return strike.Verdict{}, false, fmt.Errorf("bot: verdicts: %w", err)
	}
	for _, v := range vs {
		if v.ArticleID == a.ID {
			return v, true, nil
		}
	}
	return strike.Verdict{}, false, nil
}

// verdictLine says who set an article's verdict, for "why".
func verdictLine(v strike.Verdict) string {
	by := v.By
	if by == "" {
		by = "a captain"
	}
	if v.CopyOf != 0 {
		return fmt.Sprintf("Set by a captain: it copies article #%d, which %s ruled not news about this strike on %s, so it is not either.", v.CopyOf, by, dateOf(v.At))
	}
	return fmt.Sprintf("Set by a captain: %s ruled it %s on %s; the bot keeps to that.", by, coverage.TierWords(v.Tier), dateOf(v.At))
}

// parseTier reads a verdict's word.
func parseTier(w string) (strike.Tier, bool) {
	switch strings.ToLower(w) {
	case "strike", "core":
		return strike.TierCore, true
	case "related":
		return strike.TierRelated, true
	case "not", "none":
		return strike.TierNone, true
	}
	return "", false
}

// verdict runs "verdict URL|ID strike|related|not".
func (r *Router) verdict(ctx context.Context, req Request, c Command) (Reply, error) {
	if len(c.Args) != 2 {
		return Reply{}, usagef("Give the article's link or number and the verdict, for example \"verdict 42 not\".")
	}
	tier, ok := parseTier(c.Args[1])
	if !ok {
		return Reply{}, usagef("The verdict is \"strike\", \"related\" or \"not\", not %q.", truncateWord(c.Args[1]))
	}
	a, missing, err := r.findArticle(ctx, c.Args[0])
	if missing != nil || err != nil {
		if missing != nil {
			r.audit(ctx, req, c, "refused: no such article")
			return *missing, nil
		}
		return Reply{}, err
	}
	ov, ok := r.camp(ctx).Desk.(Overrider)
	if !ok {
		r.audit(ctx, req, c, "refused: not available")
		return Reply{Lines: []string{"Verdicts can't be given here."}}, nil
	}
	res, err := ov.Override(ctx, a.ID, tier, who(req))
	if err != nil {
		return Reply{}, fmt.Errorf("bot: verdict on article %d: %w", a.ID, err)
	}
	was := res.Verdict.Was
	outcome := fmt.Sprintf("ok: article %d was %s, now %s", a.ID, was, tier)
	if len(res.Copies) > 0 {
		outcome += fmt.Sprintf("; %d %s", len(res.Copies), plural(len(res.Copies), "copy", "copies"))
	}
	r.audit(ctx, req, c, outcome)

	rep := Reply{Title: "Verdict recorded: " + coverage.TierWords(tier)}
	rep.Lines = append(rep.Lines, fmt.Sprintf("Article #%d \"%s\" is now %s, as %s ruled; the bot keeps to that.", a.ID, Truncate(a.Title, 120), coverage.TierWords(tier), who(req)))
	if was == tier && len(res.Events) == 0 {
		rep.Lines = append(rep.Lines, "The bot already treated it so, so nothing is posted or retracted.")
	}
	withdrawn, announced := 0, 0
	for _, ev := range res.Events {
		if ev.Kind == coverage.EventWithdrawn {
			withdrawn++
		} else {
			announced++
		}
	}
	if n := len(res.Copies); n > 0 {
		rep.Lines = append(rep.Lines, fmt.Sprintf("%d %s of it %s not news about this strike either, and later copies won't be.", n, plural(n, "copy", "copies"), plural(n, "is", "are")))
	} else if tier == strike.TierNone {
		rep.Lines = append(rep.Lines, "Copies of it arriving later won't be news either.")
	}
	switch {
	case withdrawn > 0:
		rep.Lines = append(rep.Lines, "Its posts are being edited to say \"Retracted by a captain.\"")
	case announced > 0:
		rep.Lines = append(rep.Lines, "It is being announced in the subscribed channels as their settings say.")
	case tier.Announceable() && was == strike.TierNone:
		rep.Lines = append(rep.Lines, "It is filed with its story; nothing new is posted about it.")
	}
	if a.URL != "" {
		rep.Links = []Link{{Title: a.Title, URL: a.URL, Source: a.Source, Date: dateOf(a.Published)}}
	}
	return rep, nil
}

// zone is the time zone of the channel's subscription to the addressed
// campaign, UTC when there is none.
func (r *Router) zone(ctx context.Context, req Request) *time.Location {
	if r.o.Terminal || r.o.Store == nil {
		return time.UTC // the terminal is no channel
	}
	subs, err := r.o.Store.Subscriptions(ctx, r.camp(ctx).Campaign.ID)
	if err != nil {
		return time.UTC
	}
	for _, s := range subs {
		if s.Destination == req.Destination {
			return subLocation(s)
		}
	}
	return time.UTC
}

// stampIn formats t for a reply in loc.
func stampIn(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("2006-01-02 15:04 MST")
}

// parseMention reads the user group or role a captain names for
// "subscribe mention" in a channel of req's platform. On Slack: the
// escaped group Slack sends ("<!subteam^S0123ABCD|@picket-captains>") or
// a bare group ID ("S0123ABCD"). On Discord: a role mention
// ("<@&123456789>") or a role ID, as the command's role option sends
// it; never the @everyone role, whose ID is the server's. It returns the
// ID.
func parseMention(req Request, arg string) (string, error) {
	if req.Platform == "discord" {
		return parseRole(arg, req.Workspace)
	}
	id := ""
	switch {
	case strings.HasPrefix(arg, "<!subteam^") && strings.HasSuffix(arg, ">"):
		id, _, _ = strings.Cut(strings.TrimSuffix(strings.TrimPrefix(arg, "<!subteam^"), ">"), "|")
	case strings.HasPrefix(arg, "S") && ValidMention(arg):
		id = arg
	case strings.EqualFold(arg, "@here") || strings.EqualFold(arg, "@channel") || strings.EqualFold(arg, "@everyone") || strings.HasPrefix(arg, "<!"):
		return "", usagef("Only a user group can be mentioned, not %s: pick the group from the list Slack shows as you type @.", truncateWord(arg))
	default:
		return "", usagef("I can't tell which user group %q is: pick it from the list Slack shows as you type @, or give its ID (it starts with S).", truncateWord(arg))
	}
	if !ValidMention(id) {
		return "", usagef("%q is not a user group.", truncateWord(arg))
	}
	return id, nil
}

// parseRole reads a Discord role for "subscribe mention" in a channel of
// the server guild.
func parseRole(arg, guild string) (string, error) {
	id := arg
	switch {
	case strings.HasPrefix(arg, "<@&") && strings.HasSuffix(arg, ">"):
		id = strings.TrimSuffix(strings.TrimPrefix(arg, "<@&"), ">")
	case strings.EqualFold(strings.TrimPrefix(arg, "@"), "everyone") || strings.EqualFold(strings.TrimPrefix(arg, "@"), "here"):
		return "", usagef("Only a role can be mentioned, never @everyone or @here: pick a role such as your captains' in the mention option.")
	case !isSnowflake(arg):
		return "", usagef("I can't tell which role %q is: pick it in the mention option, which lists the server's roles.", truncateWord(arg))
	}
	switch {
	case !isSnowflake(id):
		return "", usagef("%q is not a role.", truncateWord(arg))
	case id == guild:
		return "", usagef("@everyone can't be mentioned: pick a role such as your captains' in the mention option.")
	}
	return id, nil
}

// isSnowflake reports whether s may be a Discord ID: 1 to 20 digits.
func isSnowflake(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// ValidMention reports whether id may be a user group or role ID to
// mention: letters and digits only, as Slack's "S…" and Discord's
// numeric IDs are, so that it cannot carry markup.
func ValidMention(id string) bool {
	if id == "" || len(id) > 32 {
		return false
	}
	for _, r := range id {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}
