package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/strikebot/strikebot/coverage"
	"github.com/strikebot/strikebot/strike"
)

// Desk is what the router needs from a campaign's coverage desk;
// *coverage.Desk satisfies it.
type Desk interface {
	Status(ctx context.Context) (strike.Status, error)
	Ask(ctx context.Context, question string) (coverage.Answer, error)
}

// Explainer explains an article's relevance; *coverage.Scorer satisfies it.
type Explainer interface {
	Explain(a *strike.Article) string
}

// Overrider records captains' verdicts on articles and makes the
// coverage follow them; *coverage.Desk satisfies it. A campaign whose Desk
// is no Overrider answers "verdict" with a refusal.
type Overrider interface {
	Override(ctx context.Context, articleID int64, tier strike.Tier, by string) (coverage.Ruling, error)
}

// RouterStore is what the router reads and writes; strike.Store satisfies it.
type RouterStore interface {
	RetractStore
	MuteStory(ctx context.Context, id int64, muted bool) error
	RetractStory(ctx context.Context, id int64, at time.Time) error
	Verdicts(ctx context.Context, campaignID string) ([]strike.Verdict, error)
	PauseFeed(ctx context.Context, url, campaignID, by string, at time.Time) error
	ResumeFeed(ctx context.Context, url string) error
	Stories(ctx context.Context, f strike.StoryFilter) ([]strike.Story, error)
	Story(ctx context.Context, id int64) (strike.Story, error)
	Article(ctx context.Context, id int64) (strike.Article, error)
	Articles(ctx context.Context, f strike.ArticleFilter) ([]strike.Article, error)
	FeedStates(ctx context.Context) ([]strike.FeedState, error)
	Subscriptions(ctx context.Context, campaignID string) ([]strike.Subscription, error)
	SaveSubscription(ctx context.Context, s strike.Subscription) error
	DeleteSubscription(ctx context.Context, d strike.Destination, campaignID string) error
	SetPin(ctx context.Context, p strike.Pin) error
	DeletePin(ctx context.Context, campaignID string, field strike.StatusField) error
	Pins(ctx context.Context, campaignID string) ([]strike.Pin, error)
	AppendAudit(ctx context.Context, e strike.AuditEntry) (strike.AuditEntry, error)
	Enqueue(ctx context.Context, ds []strike.Delivery) ([]strike.Delivery, error)
	AddFeed(ctx context.Context, campaignID string, f strike.FeedSource, by string, at time.Time) error
	RemoveFeed(ctx context.Context, campaignID, url string) error
	Feeds(ctx context.Context, campaignID string) ([]strike.FeedSource, error)
}

// FeedChecker checks a feed a captain asks to add before it is stored:
// typically it fetches url once through the SSRF-guarded polite client and
// parses it, returning the feed's own title and newest items. An error
// that is (or wraps) a *FeedError is shown to the captain by its Plain
// sentence; any other is logged and shown as a generic line.
// Implementations must be safe for concurrent use and honour ctx.
type FeedChecker interface {
	Check(ctx context.Context, url string) (FeedPreview, error)
}

// FeedPreview is what a FeedChecker read of a feed.
type FeedPreview struct {
	// Title is the feed's own title; may be empty.
	Title string
	// Items are the feed's items as parsed (not stored), newest first.
	Items []strike.Article
}

// FeedError is a FeedChecker's error with the one sentence a captain
// reads ("That address is on a private network, so the bot won't read
// it."); Err, which may say more, goes to the log.
type FeedError struct {
	Plain string
	Err   error
}

func (e *FeedError) Error() string {
	if e.Err == nil {
		return e.Plain
	}
	return e.Err.Error()
}

func (e *FeedError) Unwrap() error { return e.Err }

// RouterOptions configure a Router. Store and a campaign (Campaigns, or
// Campaign and Desk) are required.
type RouterOptions struct {
	// Campaigns are the campaigns the commands may be about, the first
	// being the default: a command addresses the campaign its channel is
	// subscribed to, else the one named by a leading "campaign ID", else
	// the first. When empty, Campaign, Desk and Scorer are the only one.
	Campaigns []RouterCampaign
	// Campaign is the campaign the commands are about when Campaigns is
	// empty.
	Campaign strike.Campaign
	Desk     Desk
	Store    RouterStore
	// Scorer explains relevance for "why"; nil answers that it is not
	// available. An Explainer that also scores (as *coverage.Scorer does)
	// shows the verdict of each item a "feeds add" preview lists.
	Scorer Explainer
	// FeedChecker checks feeds before "feeds add" stores them; nil
	// answers that adding feeds from chat is not set up.
	FeedChecker FeedChecker
	// Captains are the user IDs and group or role IDs allowed to run
	// captain commands (config bot.captains).
	Captains []string
	// Workspaces are the workspaces the router answers, each written
	// "platform/workspace" ("slack/T0123ABCD", "console/" for the
	// terminal, whose Workspace is empty). A request from any other is
	// refused.
	Workspaces []string
	// RateLimit is commands per user per minute; 10 when 0.
	RateLimit int
	// Terminal says the router serves the terminal (bot/console): its
	// user, who already holds the configuration and the database, is never
	// rate-limited; commands are written without "/strike", and help says
	// so; and the terminal is no channel: subscribe and unsubscribe are
	// refused there, and announce posts to the chat channels only.
	Terminal bool
	// Now returns the current time; time.Now when nil.
	Now func() time.Time
	// Logger receives internal errors in full; slog.Default() when nil.
	Logger *slog.Logger
}

// Router turns chat requests into replies: it checks the workspace, the
// user's rate and, for captain commands, the user's role, runs the command
// and writes captain actions to the audit log. Create one with NewRouter;
// it is safe for concurrent use.
type Router struct {
	o          RouterOptions
	camps      []*RouterCampaign
	byID       map[string]*RouterCampaign
	captains   map[string]bool
	workspaces map[string]bool
	cmds       map[string]*command
	order      []string

	mu      sync.Mutex
	limits  map[string]*userLimit
	lastGC  time.Time
	perUser rate.Limit
}

type userLimit struct {
	lim  *rate.Limiter
	seen time.Time
}

// command is one router command.
type command struct {
	name, usage, help string
	captain           bool
	selfAudit         bool // writes its own audit entry on success
	run               func(ctx context.Context, req Request, c Command) (Reply, error)
}

// Replies shown for the router's own refusals and failures.
const (
	InternalErrorText = "Something went wrong on our side; the captains can check the logs."
	NotCaptainText    = "Only the strike captains can do that. This attempt has been noted in the audit log."
	WorkspaceText     = "This bot does not answer in this workspace."
	SlowDownText      = "You're sending commands faster than I can keep up with. Please wait a minute and try again."
)

// NewRouter returns a router for o's campaign.
func NewRouter(o RouterOptions) *Router {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.RateLimit <= 0 {
		o.RateLimit = 10
	}
	r := &Router{
		o:          o,
		captains:   make(map[string]bool),
		workspaces: make(map[string]bool),
		limits:     make(map[string]*userLimit),
		perUser:    rate.Every(time.Minute / time.Duration(o.RateLimit)),
	}
	if len(o.Campaigns) == 0 {
		o.Campaigns = []RouterCampaign{{Campaign: o.Campaign, Desk: o.Desk, Scorer: o.Scorer}}
	}
	r.byID = make(map[string]*RouterCampaign)
	for i := range o.Campaigns {
		cp := &o.Campaigns[i]
		if _, dup := r.byID[cp.Campaign.ID]; !dup {
			r.camps = append(r.camps, cp)
			r.byID[cp.Campaign.ID] = cp
		}
	}
	for _, c := range o.Captains {
		r.captains[c] = true
	}
	for _, w := range o.Workspaces {
		r.workspaces[w] = true
	}
	r.cmds = make(map[string]*command)
	for _, c := range []*command{
		{name: "status", usage: "status [post]", help: "The strike's status card: phase, day, workers, union, offer, demands, next event. Only you see it; captains can add \"post\" to show it to the channel.", run: r.status},
		{name: "latest", usage: "latest [n]", help: "The n most recent stories (1 to 10, default 5) with one-line summaries and links.", run: r.latest},
		{name: "story", usage: "story ID", help: "One story: its summary, facts and every outlet that covered it.", run: r.story},
		{name: "ask", usage: "ask QUESTION", help: "Answers a question from the coverage, citing its sources.", run: r.ask},
		{name: "why", usage: "why URL|ID", help: "Why an article was or was not treated as strike news.", run: r.why},
		{name: "sources", usage: "sources", help: "Each feed and its health: last success, last error, next poll.", run: r.sources},
		{name: "subscribe", usage: "subscribe [core|all] [digest HH:MM|off] [quiet HH:MM-HH:MM|off] [tz Area/City] [mention @group|off]", captain: true, help: "Posts this campaign's news in this channel: core stories at once, related ones in the daily digest (or at once with \"all\"); times in the channel's time zone; \"mention @group\" mentions a user group on phase changes, and only then. Run again to change a setting; the others stay.", run: r.subscribe},
		{name: "unsubscribe", usage: "unsubscribe", captain: true, help: "Stops posting news in this channel.", run: r.unsubscribe},
		{name: "set", usage: "set FIELD VALUE", captain: true, help: "Pins a status field (" + fieldNames() + "); the pin wins over the coverage until unset.", run: r.set},
		{name: "unset", usage: "unset FIELD", captain: true, help: "Removes a pinned status field.", run: r.unset},
		{name: "announce", usage: "announce TEXT", captain: true, selfAudit: true, help: "Posts a captains' announcement to every subscribed channel.", run: r.announce},
		{name: "feeds", usage: "feeds [add URL [NAME] [confirm] | remove URL | pause URL | resume URL]", captain: true, selfAudit: true, help: "Lists the campaign's feeds; adds a feed (first shows its newest items and what the bot would make of each, then \"confirm\" adds it); removes one added from chat; pauses a feed (it is not read) or resumes it.", run: r.feeds},
		{name: "retract", usage: "retract STORY [REASON]", captain: true, selfAudit: true, help: "Edits every post of a story, in every channel, to say a captain retracted it, and posts nothing more about it. The reason goes to the audit log.", run: r.retract},
		{name: "verdict", usage: "verdict URL|ID strike|related|not", captain: true, selfAudit: true, help: "Overrules the bot on one article: strike news, related news, or not news about this strike (then its copies are not either). Posts follow: an article made news is announced, one ruled out is retracted.", run: r.verdict},
		{name: "mute", usage: "mute STORY", captain: true, help: "Posts no more updates about a story (phase changes still go out).", run: r.mute},
		{name: "unmute", usage: "unmute STORY", captain: true, help: "Posts updates about a muted story again.", run: r.unmute},
		{name: "campaign", usage: "campaign [ID COMMAND]", help: "Lists the campaigns the bot follows; \"campaign ID COMMAND\" runs a command about that campaign. Elsewhere commands are about the channel's campaign.", run: r.campaigns},
		{name: "help", usage: "help [COMMAND]", help: "Lists the commands, or explains one.", run: r.help},
	} {
		r.cmds[c.name] = c
		r.order = append(r.order, c.name)
	}
	return r
}

// CommandInfo describes one router command, for platforms that declare
// their commands up front (Discord's slash command options).
type CommandInfo struct {
	// Name is the command word ("status"); Usage its arguments as help
	// shows them ("status [post]"); Help one or two sentences.
	Name, Usage, Help string
	// Captain says only captains may run it.
	Captain bool
}

// Commands returns the router's commands in the order help lists them.
func (r *Router) Commands() []CommandInfo {
	out := make([]CommandInfo, 0, len(r.order))
	for _, name := range r.order {
		c := r.cmds[name]
		out = append(out, CommandInfo{Name: c.name, Usage: c.usage, Help: c.help, Captain: c.captain})
	}
	return out
}

// Commands returns the commands every Router answers, in help order.
func Commands() []CommandInfo { return NewRouter(RouterOptions{}).Commands() }

func fieldNames() string {
	var names []string
	for _, f := range strike.StatusFields() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

// usageError is a command used wrongly; its message is shown.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }
func (e *usageError) Unwrap() error { return ErrUsage }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// Handle answers one request. It never fails: refusals, usage errors and
// internal errors are replies (internal errors as one generic line, with
// the error itself logged).
func (r *Router) Handle(ctx context.Context, req Request) Reply {
	if !r.workspaces[req.Platform+"/"+req.Workspace] {
		r.o.Logger.Warn("bot: request from a workspace not allowed", "platform", req.Platform, "workspace", req.Workspace, "user", req.User)
		return Reply{Lines: []string{WorkspaceText}}
	}
	if !r.allow(req) {
		return Reply{Lines: []string{SlowDownText}}
	}
	c, err := ParseCommand(req.Text)
	if err != nil {
		return Reply{Title: "That command is too long", Lines: []string{strings.TrimPrefix(err.Error(), ErrUsage.Error()+": ")}}
	}
	cp, c, refusal := r.address(ctx, req, c)
	if cp == nil {
		return refusal
	}
	ctx = context.WithValue(ctx, campaignKey{}, cp)
	cmd := r.cmds[c.Name]
	if cmd == nil {
		return Reply{Title: fmt.Sprintf("I don't know the command %q", truncateWord(c.Name)), Lines: []string{"Try \"help\" for the list of commands."}}
	}
	captain := cmd.captain || (c.Name == "status" && len(c.Args) > 0 && strings.EqualFold(c.Args[0], "post"))
	if captain && !r.isCaptain(req) {
		r.audit(ctx, req, c, "refused: not a captain")
		return Reply{Lines: []string{NotCaptainText}}
	}
	reply, err := cmd.run(ctx, req, c)
	var ue *usageError
	switch {
	case err == nil:
		if captain && !cmd.selfAudit {
			r.audit(ctx, req, c, "ok")
		}
		return reply
	case errors.As(err, &ue):
		if captain {
			r.audit(ctx, req, c, "usage: "+ue.msg)
		}
		return Reply{Title: "Usage: " + cmd.usage, Lines: []string{ue.msg, cmd.help}}
	default:
		r.o.Logger.Error("bot: command failed", "command", c.Name, "user", req.User, "destination", req.Destination.String(), "err", err.Error())
		if captain {
			r.audit(ctx, req, c, "error")
		}
		return Reply{Lines: []string{InternalErrorText}}
	}
}

func truncateWord(s string) string { return Truncate(s, 30) }

// allow applies the per-user rate limit.
func (r *Router) allow(req Request) bool {
	if r.o.Terminal {
		return true
	}
	now := r.o.Now()
	key := req.Platform + "/" + req.Workspace + "/" + req.User
	r.mu.Lock()
	defer r.mu.Unlock()
	if now.Sub(r.lastGC) > 10*time.Minute { // forget users idle long enough to have a full bucket
		for k, u := range r.limits {
			if now.Sub(u.seen) > 2*time.Minute {
				delete(r.limits, k)
			}
		}
		r.lastGC = now
	}
	u := r.limits[key]
	if u == nil {
		u = &userLimit{lim: rate.NewLimiter(r.perUser, r.o.RateLimit)}
		r.limits[key] = u
	}
	u.seen = now
	return u.lim.AllowN(now, 1)
}

func (r *Router) isCaptain(req Request) bool {
	if req.User != "" && r.captains[req.User] {
		return true
	}
	for _, g := range req.Groups {
		if g != "" && r.captains[g] {
			return true
		}
	}
	return false
}

// audit records a captain command; a failure to record is logged, never
// shown (the action itself already happened or was refused).
func (r *Router) audit(ctx context.Context, req Request, c Command, outcome string) strike.AuditEntry {
	text := c.Name
	if c.Rest != "" {
		text += " " + c.Rest
	}
	if len(r.camps) > 1 {
		text = "campaign " + r.camp(ctx).Campaign.ID + " " + text
	}
	e, err := r.o.Store.AppendAudit(ctx, strike.AuditEntry{
		At: r.o.Now(), Destination: req.Destination, User: req.User, Command: Truncate(redactWords(text), 500), Outcome: outcome,
	})
	if err != nil {
		r.o.Logger.Error("bot: audit entry not written", "command", c.Name, "user", req.User, "outcome", outcome, "err", err.Error())
	}
	return e
}

func (r *Router) help(ctx context.Context, _ Request, c Command) (Reply, error) {
	if len(c.Args) > 0 {
		cmd := r.cmds[strings.ToLower(c.Args[0])]
		if cmd == nil {
			return Reply{}, usagef("There is no command %q.", truncateWord(c.Args[0]))
		}
		lines := []string{cmd.help}
		if cmd.captain {
			lines = append(lines, "Captains only.")
		}
		return Reply{Title: r.syntax() + cmd.usage, Lines: lines}, nil
	}
	rep := Reply{Title: "strikebot: " + r.camp(ctx).Campaign.Name}
	if r.o.Terminal {
		rep.Footer = "Type the commands as shown here. \"quit\" (or Ctrl-D) leaves."
	}
	for _, name := range r.order {
		cmd := r.cmds[name]
		line := r.syntax() + cmd.usage + " — " + cmd.help
		if cmd.captain {
			line += " (captains)"
		}
		rep.Lines = append(rep.Lines, line)
	}
	return rep, nil
}

// syntax is what a command is written after: "/strike " in chat, nothing
// in the terminal.
func (r *Router) syntax() string {
	if r.o.Terminal {
		return ""
	}
	return "/strike "
}

// terminalNoChannel is the answer to subscribe and unsubscribe in the
// terminal.
const terminalNoChannel = "The terminal is not a chat channel: run this in the chat channel that should (or should no longer) get the news. Here, news shows while \"strikebot run\" or \"strikebot demo\" runs."

func (r *Router) status(ctx context.Context, req Request, c Command) (Reply, error) {
	post := false
	switch {
	case len(c.Args) == 0:
	case len(c.Args) == 1 && strings.EqualFold(c.Args[0], "post"):
		post = true
	default:
		return Reply{}, usagef("\"status\" takes nothing or \"post\".")
	}
	st, err := r.camp(ctx).Desk.Status(ctx)
	if err != nil {
		return Reply{}, fmt.Errorf("bot: status: %w", err)
	}
	rep := StatusReply(st, r.camp(ctx).Campaign.Name)
	if loc := r.zone(ctx, req); loc != time.UTC && !st.AsOf.IsZero() {
		rep.Footer = "As of " + stampIn(st.AsOf, loc)
	}
	rep.Public = post
	return rep, nil
}

// StatusReply renders a campaign's status as a card: one field per known
// value, pinned ones noted, and the articles the values came from as links.
func StatusReply(st strike.Status, name string) Reply {
	if name == "" {
		name = st.Name
	}
	rep := Reply{Title: "Status: " + name}
	add := func(field strike.StatusField, label, value string) {
		if value == "" {
			return
		}
		f := Field{Name: label, Value: value}
		if p, ok := st.Pinned[field]; ok {
			f.Note = "pinned by " + p.SetBy
			if !p.SetAt.IsZero() {
				f.Note += " on " + p.SetAt.UTC().Format("2006-01-02")
			}
		} else if srcs := st.Sources[field]; len(srcs) > 0 {
			f.Note = sourceNote(srcs)
		}
		if c := ConflictNote(st.Conflicts[field]); c != "" {
			if f.Note != "" {
				f.Note += " · "
			}
			f.Note += c
		}
		rep.Fields = append(rep.Fields, f)
	}
	add(strike.FieldPhase, "Phase", phaseLabel(st.Phase))
	switch {
	case st.DurationDays > 0 && st.Ended != "":
		add(strike.FieldEnded, "Duration", fmt.Sprintf("%d days, %s to %s", st.DurationDays, st.Started, st.Ended))
	case st.Day > 0:
		add(strike.FieldStarted, "Day", fmt.Sprintf("day %d (since %s)", st.Day, st.Started))
	default:
		add(strike.FieldStarted, "Started", st.Started)
	}
	if st.Workers > 0 {
		add(strike.FieldWorkers, "Workers", formatCount(st.Workers))
	}
	add(strike.FieldUnion, "Union", st.Union)
	add(strike.FieldEmployer, "Employer", st.Employer)
	add(strike.FieldOffer, "Offer", st.Offer)
	add(strike.FieldDemands, "Demands", strings.Join(st.Demands, "; "))
	if e := st.NextEvent; e != nil {
		add(strike.FieldNextEvent, "Next", e.Date+" "+e.What)
	}
	if len(rep.Fields) == 0 {
		rep.Lines = append(rep.Lines, "Nothing is known yet: no strike coverage has been read so far.")
	}
	seen := make(map[string]bool)
	for _, f := range strike.StatusFields() {
		for _, s := range st.Sources[f] {
			if s.URL != "" && !seen[s.URL] && len(rep.Links) < 5 {
				seen[s.URL] = true
				rep.Links = append(rep.Links, Link{Title: s.Source, URL: s.URL, Source: s.Source, Date: dateOf(s.Published)})
			}
		}
	}
	if !st.AsOf.IsZero() {
		rep.Footer = "As of " + st.AsOf.UTC().Format("2006-01-02 15:04") + " UTC"
	}
	return rep
}

func sourceNote(srcs []strike.FieldSource) string {
	var names []string
	for _, s := range srcs {
		if s.Source != "" && !slices.Contains(names, s.Source) {
			names = append(names, s.Source)
		}
	}
	if len(names) == 0 {
		return ""
	}
	if len(names) > 3 {
		return fmt.Sprintf("%s and %d more", strings.Join(names[:3], ", "), len(names)-3)
	}
	return strings.Join(names, ", ")
}

// ConflictNote says briefly what other reports gave for a status field:
// "also reported: 2025-03-10 (Valley Courier, Metro Wire); 190 days (Bay
// Ledger)", at most three values with three outlets each, or "" for none.
func ConflictNote(srcs []strike.FieldSource) string {
	var values []string
	outlets := make(map[string][]string)
	more := 0
	for _, s := range srcs {
		v := strings.TrimSpace(s.Value)
		if v == "" {
			continue
		}
		if _, ok := outlets[v]; !ok {
			if len(values) == 3 {
				more++
				continue
			}
			values = append(values, v)
			outlets[v] = nil
		}
		if s.Source != "" && !slices.Contains(outlets[v], s.Source) {
			outlets[v] = append(outlets[v], s.Source)
		}
	}
	if len(values) == 0 {
		return ""
	}
	parts := make([]string, 0, len(values))
	for _, v := range values {
		names := outlets[v]
		switch {
		case len(names) > 3:
			parts = append(parts, fmt.Sprintf("%s (%s and %d more)", v, strings.Join(names[:3], ", "), len(names)-3))
		case len(names) > 0:
			parts = append(parts, fmt.Sprintf("%s (%s)", v, strings.Join(names, ", ")))
		default:
			parts = append(parts, v)
		}
	}
	note := "also reported: " + strings.Join(parts, "; ")
	if more > 0 {
		note += fmt.Sprintf("; %d more", more)
	}
	return note
}

func phaseLabel(p string) string { return strings.ReplaceAll(p, "_", " ") }

func formatCount(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

func (r *Router) latest(ctx context.Context, _ Request, c Command) (Reply, error) {
	n := 5
	if len(c.Args) > 1 {
		return Reply{}, usagef("\"latest\" takes at most one number.")
	}
	if len(c.Args) == 1 {
		v, err := strconv.Atoi(c.Args[0])
		if err != nil || v < 1 || v > 10 {
			return Reply{}, usagef("The number of stories must be 1 to 10.")
		}
		n = v
	}
	stories, err := r.o.Store.Stories(ctx, strike.StoryFilter{CampaignID: r.camp(ctx).Campaign.ID, Tiers: []strike.Tier{strike.TierCore, strike.TierRelated}, Limit: n})
	if err != nil {
		return Reply{}, fmt.Errorf("bot: latest stories: %w", err)
	}
	rep := Reply{Title: "Latest stories"}
	if len(stories) == 0 {
		rep.Lines = []string{"No stories yet."}
		return rep, nil
	}
	for _, s := range stories {
		line := fmt.Sprintf("#%d %s", s.ID, s.Title)
		if s.Summary != "" {
			line += " — " + Truncate(firstSentence(s.Summary), 160)
		}
		rep.Lines = append(rep.Lines, line)
		if len(s.Articles) > 0 {
			a := s.Articles[0]
			rep.Links = append(rep.Links, Link{Title: a.Title, URL: a.URL, Source: a.Source, Date: dateOf(a.Published)})
		}
	}
	rep.Footer = "\"story ID\" shows one story in full."
	return rep, nil
}

// firstSentence returns s up to its first sentence end.
func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' {
			return s[:i+1]
		}
	}
	return s
}

func parseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	return id, err == nil && id > 0
}

func (r *Router) story(ctx context.Context, _ Request, c Command) (Reply, error) {
	if len(c.Args) != 1 {
		return Reply{}, usagef("Give one story number, as \"latest\" lists them.")
	}
	id, ok := parseID(c.Args[0])
	if !ok {
		return Reply{}, usagef("%q is not a story number.", truncateWord(c.Args[0]))
	}
	s, err := r.o.Store.Story(ctx, id)
	if errors.Is(err, strike.ErrNotFound) || (err == nil && s.CampaignID != r.camp(ctx).Campaign.ID) {
		return Reply{Lines: []string{fmt.Sprintf("There is no story #%d.", id)}}, nil
	}
	if err != nil {
		return Reply{}, fmt.Errorf("bot: story %d: %w", id, err)
	}
	rep := Reply{Title: fmt.Sprintf("#%d %s", s.ID, s.Title)}
	if s.Summary != "" {
		rep.Lines = append(rep.Lines, s.Summary)
	}
	f := s.Facts
	if f.Phase != "" {
		rep.Fields = append(rep.Fields, Field{Name: "Phase", Value: phaseLabel(f.Phase)})
	}
	if f.Workers > 0 {
		rep.Fields = append(rep.Fields, Field{Name: "Workers", Value: formatCount(f.Workers)})
	}
	if f.Union != "" {
		rep.Fields = append(rep.Fields, Field{Name: "Union", Value: f.Union})
	}
	if f.Started != "" {
		rep.Fields = append(rep.Fields, Field{Name: "Started", Value: f.Started})
	}
	if f.Offer != "" {
		rep.Fields = append(rep.Fields, Field{Name: "Offer", Value: f.Offer})
	}
	if len(f.Demands) > 0 {
		rep.Fields = append(rep.Fields, Field{Name: "Demands", Value: strings.Join(f.Demands, "; ")})
	}
	for _, a := range s.Articles {
		rep.Links = append(rep.Links, Link{Title: a.Title, URL: a.URL, Source: a.Source, Date: dateOf(a.Published)})
	}
	rep.Footer = fmt.Sprintf("%d outlets · %s", len(s.Sources()), string(s.Tier))
	return rep, nil
}

func (r *Router) ask(ctx context.Context, _ Request, c Command) (Reply, error) {
	if c.Rest == "" {
		return Reply{}, usagef("Ask a question, for example \"ask when did the strike start?\".")
	}
	ans, err := r.camp(ctx).Desk.Ask(ctx, c.Rest)
	if err != nil {
		return Reply{}, err
	}
	rep := Reply{Lines: strings.Split(ans.Text, "\n")}
	for _, ct := range ans.Citations {
		rep.Links = append(rep.Links, Link{Title: ct.Title, URL: ct.URL, Source: ct.Source, Date: dateOf(ct.Published)})
	}
	if !ans.Found {
		rep.Links = nil
	}
	return rep, nil
}

func (r *Router) why(ctx context.Context, _ Request, c Command) (Reply, error) {
	if len(c.Args) != 1 {
		return Reply{}, usagef("Give one article link or number.")
	}
	a, missing, err := r.findArticle(ctx, c.Args[0])
	if missing != nil || err != nil {
		if missing != nil {
			return *missing, nil
		}
		return Reply{}, err
	}
	v, ruled, err := r.verdictOf(ctx, a)
	if err != nil {
		return Reply{}, err
	}
	rep := Reply{Title: "Why: " + a.Title}
	switch sc := r.camp(ctx).Scorer; {
	case ruled:
		rep.Lines = append(rep.Lines, verdictLine(v))
		if sc != nil {
			rep.Lines = append(rep.Lines, "Without that, the bot would say: "+sc.Explain(&a))
		}
	case sc == nil:
		rep.Lines = append(rep.Lines, "Explanations are not available here.")
	default:
		rep.Lines = append(rep.Lines, sc.Explain(&a))
	}
	if a.URL != "" {
		rep.Links = []Link{{Title: a.Title, URL: a.URL, Source: a.Source, Date: dateOf(a.Published)}}
	}
	rep.Footer = fmt.Sprintf("Article #%d. A captain can overrule the bot: \"verdict %d strike|related|not\".", a.ID, a.ID)
	return rep, nil
}

func (r *Router) sources(ctx context.Context, req Request, c Command) (Reply, error) {
	if len(c.Args) > 0 {
		return Reply{}, usagef("\"sources\" takes nothing.")
	}
	states, err := r.o.Store.FeedStates(ctx)
	if err != nil {
		return Reply{}, fmt.Errorf("bot: feed states: %w", err)
	}
	byURL := make(map[string]strike.FeedState)
	for _, s := range states {
		byURL[s.URL] = s
	}
	all, err := r.allFeeds(ctx)
	if err != nil {
		return Reply{}, err
	}
	rep := Reply{Title: "Sources"}
	loc := r.zone(ctx, req)
	for _, f := range all {
		s, ok := byURL[f.URL]
		name := f.Name
		if name == "" {
			name = s.Title
		}
		if name == "" {
			name = feedName(f)
		}
		var v string
		switch {
		case !s.Paused.IsZero():
			v = "paused by " + orSomeone(s.PausedBy) + " on " + dateOf(s.Paused)
		case !ok || s.Polls == 0:
			v = "not polled yet"
		case s.Failures > 0:
			v = fmt.Sprintf("failing (%d in a row): %s", s.Failures, s.LastErrorText)
		default:
			v = "ok"
		}
		var notes []string
		if !s.LastSuccess.IsZero() {
			notes = append(notes, "last success "+stampIn(s.LastSuccess, loc))
		}
		if !s.LastError.IsZero() {
			notes = append(notes, "last error "+stampIn(s.LastError, loc))
		}
		if !s.NextPoll.IsZero() && s.Paused.IsZero() {
			notes = append(notes, "next poll "+stampIn(s.NextPoll, loc))
		}
		rep.Fields = append(rep.Fields, Field{Name: name, Value: v, Note: strings.Join(notes, " · ")})
	}
	return rep, nil
}

func orSomeone(name string) string {
	if name == "" {
		return "a captain"
	}
	return name
}

func (r *Router) subscribe(ctx context.Context, req Request, c Command) (Reply, error) {
	if r.o.Terminal {
		return Reply{}, usagef(terminalNoChannel)
	}
	cp := r.camp(ctx)
	subs, err := r.o.Store.Subscriptions(ctx, "")
	if err != nil {
		return Reply{}, fmt.Errorf("bot: subscriptions: %w", err)
	}
	// Run again, subscribe changes the settings given and keeps the others.
	sub := strike.Subscription{
		Destination: req.Destination, CampaignID: cp.Campaign.ID, Mode: strike.ModeCore,
		TimeZone: "UTC", CreatedBy: req.User, CreatedAt: r.o.Now(),
	}
	again := false
	for _, s := range subs {
		if s.Destination != req.Destination {
			continue
		}
		if s.CampaignID == cp.Campaign.ID {
			sub, again = s, true
			sub.Broken = "" // subscribing again is how a fixed channel comes back
			continue
		}
		if other := r.byID[s.CampaignID]; other != nil {
			return Reply{Title: "Not subscribed", Lines: []string{
				"This channel already follows " + other.Campaign.Name + "; a channel follows one campaign. Run \"unsubscribe\" here first, or subscribe another channel.",
			}}, nil
		}
	}
	args := c.Args
	for len(args) > 0 {
		switch w := strings.ToLower(args[0]); w {
		case strike.ModeCore, strike.ModeAll:
			sub.Mode, args = w, args[1:]
		case "digest", "quiet", "tz", "mention":
			if len(args) < 2 {
				return Reply{}, usagef("%q needs a value.", w)
			}
			v := args[1]
			args = args[2:]
			off := strings.EqualFold(v, "off") || strings.EqualFold(v, "none")
			switch w {
			case "digest":
				if off {
					sub.DigestAt = ""
					break
				}
				if !validClock(v) {
					return Reply{}, usagef("The digest time %q is not HH:MM (24-hour).", truncateWord(v))
				}
				sub.DigestAt = v
			case "quiet":
				if off {
					sub.QuietStart, sub.QuietEnd = "", ""
					break
				}
				start, end, ok := strings.Cut(v, "-")
				if !ok || !validClock(start) || !validClock(end) || start == end {
					return Reply{}, usagef("Quiet hours %q are not HH:MM-HH:MM.", truncateWord(v))
				}
				sub.QuietStart, sub.QuietEnd = start, end
			case "tz":
				if _, err := time.LoadLocation(v); err != nil || v == "" || v == "Local" {
					return Reply{}, usagef("%q is not a time zone such as America/Los_Angeles.", truncateWord(v))
				}
				sub.TimeZone = v
			case "mention":
				if off {
					sub.Mention = ""
					break
				}
				id, err := parseMention(req, v)
				if err != nil {
					return Reply{}, err
				}
				sub.Mention = id
			}
		default:
			return Reply{}, usagef("I don't understand %q.", truncateWord(args[0]))
		}
	}
	if err := r.o.Store.SaveSubscription(ctx, sub); err != nil {
		return Reply{}, fmt.Errorf("bot: save subscription: %w", err)
	}
	title := "Subscribed"
	if again {
		title = "Subscription updated"
	}
	lines := []string{"This channel gets " + cp.Campaign.Name + " news."}
	if sub.Mode == strike.ModeAll {
		lines = append(lines, "Core and related stories are posted at once.")
	} else if sub.DigestAt != "" {
		lines = append(lines, "Core stories are posted at once; related ones in the digest at "+sub.DigestAt+" "+sub.TimeZone+".")
	} else {
		lines = append(lines, "Core stories are posted at once; related ones are skipped (add \"digest HH:MM\" to get them daily).")
	}
	if sub.QuietStart != "" {
		lines = append(lines, "Quiet hours "+sub.QuietStart+"-"+sub.QuietEnd+" "+sub.TimeZone+": news waits, phase changes and captains' announcements do not.")
	}
	lines = append(lines, "Times are shown in "+sub.TimeZone+".")
	if sub.Mention != "" {
		group := "user group"
		if req.Platform == "discord" {
			group = "role"
		}
		lines = append(lines, "A phase change mentions the "+group+" chosen; no other post mentions anyone.")
	}
	return Reply{Public: true, Title: title, Lines: lines}, nil
}

// validClock reports whether s is "HH:MM" on a 24-hour clock.
func validClock(s string) bool {
	_, ok := clockMinutes(s)
	return ok
}

// clockMinutes returns the minutes since midnight of "HH:MM".
func clockMinutes(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 || s[0] == '+' || s[3] == '+' || s[0] == '-' || s[3] == '-' {
		return 0, false
	}
	return h*60 + m, true
}

func (r *Router) unsubscribe(ctx context.Context, req Request, c Command) (Reply, error) {
	if r.o.Terminal {
		return Reply{}, usagef(terminalNoChannel)
	}
	if len(c.Args) > 0 {
		return Reply{}, usagef("\"unsubscribe\" takes nothing: it stops news in this channel.")
	}
	err := r.o.Store.DeleteSubscription(ctx, req.Destination, r.camp(ctx).Campaign.ID)
	if errors.Is(err, strike.ErrNotFound) {
		return Reply{Lines: []string{"This channel was not subscribed."}}, nil
	}
	if err != nil {
		return Reply{}, fmt.Errorf("bot: delete subscription: %w", err)
	}
	return Reply{Public: true, Title: "Unsubscribed", Lines: []string{"This channel no longer gets " + r.camp(ctx).Campaign.Name + " news."}}, nil
}

func parseField(s string) (strike.StatusField, error) {
	f := strike.StatusField(strings.ToLower(s))
	if !slices.Contains(strike.StatusFields(), f) {
		return "", usagef("%q is not a status field; the fields are %s.", truncateWord(s), fieldNames())
	}
	return f, nil
}

func (r *Router) set(ctx context.Context, req Request, c Command) (Reply, error) {
	if len(c.Args) < 2 {
		return Reply{}, usagef("Give a field and its value, for example \"set phase mediation\".")
	}
	f, err := parseField(c.Args[0])
	if err != nil {
		return Reply{}, err
	}
	p := strike.Pin{CampaignID: r.camp(ctx).Campaign.ID, Field: f, Value: strings.Join(c.Args[1:], " "), SetBy: who(req), SetAt: r.o.Now()}
	if err := coverage.CheckPin(p); err != nil {
		if errors.Is(err, coverage.ErrInvalidPin) {
			return Reply{}, usagef("%s", pinProblem(p))
		}
		return Reply{}, err
	}
	if err := r.o.Store.SetPin(ctx, p); err != nil {
		return Reply{}, fmt.Errorf("bot: set pin: %w", err)
	}
	return Reply{Title: "Pinned", Lines: []string{fmt.Sprintf("%s is now %q until a captain unsets it.", f, p.Value)}}, nil
}

// pinProblem says in one sentence what is wrong with a pin CheckPin
// refused, and how to write it.
func pinProblem(p strike.Pin) string {
	v := truncateWord(p.Value)
	switch p.Field {
	case strike.FieldPhase:
		return fmt.Sprintf("%q is not a phase; the phases are threatened, strike, mediation, tentative_agreement, ratified and ended.", v)
	case strike.FieldWorkers:
		return fmt.Sprintf("%q is not a whole number; write the number of workers, for example 2400.", v)
	case strike.FieldStarted, strike.FieldEnded:
		return fmt.Sprintf("%q is not a date; write it as YYYY-MM-DD, for example 2024-10-14.", v)
	case strike.FieldNextEvent:
		return "Write the next event as a date and what happens, for example \"2025-05-06 ratification vote\"."
	}
	return fmt.Sprintf("%q can't be pinned as %s.", v, p.Field)
}

func (r *Router) unset(ctx context.Context, _ Request, c Command) (Reply, error) {
	if len(c.Args) != 1 {
		return Reply{}, usagef("Give one field, for example \"unset phase\".")
	}
	f, err := parseField(c.Args[0])
	if err != nil {
		return Reply{}, err
	}
	err = r.o.Store.DeletePin(ctx, r.camp(ctx).Campaign.ID, f)
	if errors.Is(err, strike.ErrNotFound) {
		return Reply{Lines: []string{fmt.Sprintf("%s was not pinned.", f)}}, nil
	}
	if err != nil {
		return Reply{}, fmt.Errorf("bot: delete pin: %w", err)
	}
	return Reply{Title: "Unpinned", Lines: []string{fmt.Sprintf("%s follows the coverage again.", f)}}, nil
}

// MaxAnnounceRunes is the longest captains' announcement.
const MaxAnnounceRunes = 2000

func (r *Router) announce(ctx context.Context, req Request, c Command) (Reply, error) {
	if c.Rest == "" {
		return Reply{}, usagef("Write the announcement after \"announce\".")
	}
	if n := len([]rune(c.Rest)); n > MaxAnnounceRunes {
		return Reply{}, usagef("The announcement has %d characters; the most is %d.", n, MaxAnnounceRunes)
	}
	subs, err := r.o.Store.Subscriptions(ctx, r.camp(ctx).Campaign.ID)
	if err != nil {
		return Reply{}, fmt.Errorf("bot: subscriptions: %w", err)
	}
	// The audit entry comes first: its ID keys the deliveries, so that a
	// retried announce never posts twice.
	e, err := r.o.Store.AppendAudit(ctx, strike.AuditEntry{
		At: r.o.Now(), Destination: req.Destination, User: req.User,
		Command: Truncate("announce "+c.Rest, 500), Outcome: "enqueued",
	})
	if err != nil {
		return Reply{}, fmt.Errorf("bot: audit announce: %w", err)
	}
	payload, err := json.Marshal(Post{Notice: &Reply{Title: "Captains' announcement", Lines: []string{c.Rest}, Footer: "— " + who(req)}})
	if err != nil {
		return Reply{}, fmt.Errorf("bot: encode announcement: %w", err)
	}
	var ds []strike.Delivery
	for _, s := range subs {
		if s.Broken != "" || r.o.Terminal && s.Platform == req.Platform {
			continue // the terminal is no channel: nothing would deliver there
		}
		ds = append(ds, strike.Delivery{
			Destination: s.Destination, Key: "captain:" + strconv.FormatInt(e.ID, 10), CampaignID: r.camp(ctx).Campaign.ID,
			Kind: string(KindCaptain), Urgent: true, Payload: payload, State: strike.DeliveryPending,
			NextAttempt: r.o.Now(), CreatedAt: r.o.Now(),
		})
	}
	if len(ds) == 0 {
		return Reply{Lines: []string{"No channel is subscribed, so the announcement went nowhere."}}, nil
	}
	if _, err := r.o.Store.Enqueue(ctx, ds); err != nil {
		return Reply{}, fmt.Errorf("bot: enqueue announcement: %w", err)
	}
	return Reply{Title: "Announcement queued", Lines: []string{fmt.Sprintf("It will be posted to %d subscribed %s.", len(ds), plural(len(ds), "channel", "channels"))}}, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
