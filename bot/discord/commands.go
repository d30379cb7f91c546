package discord

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/strike"
)

// CommandName is the slash command strikebot registers.
const CommandName = "strike"

// Permissions is what the bot asks for when invited: View Channel, Send
// Messages, Embed Links, Read Message History (to find its own posts
// after a crash), Create Public Threads and Send Messages in Threads (a
// story's updates), and nothing else.
const Permissions = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks |
	discordgo.PermissionReadMessageHistory | discordgo.PermissionCreatePublicThreads | discordgo.PermissionSendMessagesInThreads

// InviteURL is the link a server admin follows to add the bot: the bot and
// applications.commands scopes with Permissions.
func InviteURL(applicationID string) string {
	return "https://discord.com/oauth2/authorize?client_id=" + url.QueryEscape(applicationID) +
		"&scope=bot+applications.commands&permissions=" + strconv.FormatInt(Permissions, 10)
}

// Autocomplete sources of an option.
const (
	acStory    = "story"
	acTimeZone = "tz"
	acPin      = "pin"
	acFeed     = "feed"
	// acLiveStory is a story not retracted yet.
	acLiveStory = "live-story"
	// acAnyFeed is any feed of the campaign, configured or added from chat.
	acAnyFeed  = "any-feed"
	acCampaign = "campaign"
)

// optSpec is one typed option of a subcommand and how it becomes router
// text.
type optSpec struct {
	name, desc string
	typ        discordgo.ApplicationCommandOptionType
	required   bool
	// word is written before the value ("digest 08:00"); a boolean that is
	// true writes the word alone.
	word string
	// oneWord values have their inner white space turned into "_", so
	// they stay one word of the router's text ("America/Los Angeles"
	// becomes "America/Los_Angeles").
	oneWord      bool
	choices      []*discordgo.ApplicationCommandOptionChoice
	autocomplete string
	min, max     float64 // integers, when max > 0
	maxLength    int     // strings
}

// subSpec is one subcommand: the router command it runs and its options.
type subSpec struct {
	// group is the subcommand group ("feeds"), "" for none.
	group, name, desc string
	// command is the router text the options follow ("feeds add").
	command string
	captain bool
	opts    []optSpec
	// public predicts whether the router's answer is for the channel, so
	// a deferred answer starts out visible to the right people.
	public func(values map[string]any) bool
}

func choices(names ...string) []*discordgo.ApplicationCommandOptionChoice {
	out := make([]*discordgo.ApplicationCommandOptionChoice, len(names))
	for i, n := range names {
		out[i] = &discordgo.ApplicationCommandOptionChoice{Name: n, Value: n}
	}
	return out
}

func fieldChoices() []*discordgo.ApplicationCommandOptionChoice {
	var names []string
	for _, f := range strike.StatusFields() {
		names = append(names, string(f))
	}
	return choices(names...)
}

func always(map[string]any) bool { return true }

// commandNames are the router's commands, for help's choices.
func commandNames() []string {
	var names []string
	for _, c := range bot.Commands() {
		names = append(names, c.Name)
	}
	return names
}

// publicCommand predicts whether the router answers a command's text
// for the channel: "status post", "subscribe", "unsubscribe".
func publicCommand(text string) bool {
	w := strings.Fields(strings.ToLower(text))
	switch {
	case len(w) == 0:
		return false
	case w[0] == "subscribe", w[0] == "unsubscribe":
		return true
	case w[0] == "status":
		return len(w) > 1 && w[1] == "post"
	}
	return false
}

// storyOpt is a required story number, suggested as it is typed.
func storyOpt(name, desc, ac string) optSpec {
	return optSpec{name: name, typ: discordgo.ApplicationCommandOptionInteger, required: true, min: 1, max: 1 << 53,
		autocomplete: ac, desc: desc}
}

// feedOpt is a required feed link.
func feedOpt(desc, ac string) optSpec {
	return optSpec{name: "url", typ: discordgo.ApplicationCommandOptionString, required: true, oneWord: true, maxLength: 2000,
		autocomplete: ac, desc: desc}
}

// subcommands is /strike: one subcommand per router command, in help
// order, with typed options.
var subcommands = []subSpec{
	{name: "status", command: "status", desc: "The strike's status card: phase, day, workers, offer, next event.",
		opts: []optSpec{{name: "post", typ: discordgo.ApplicationCommandOptionBoolean, word: "post",
			desc: "Captains: show the card to the whole channel instead of only to you."}},
		public: func(v map[string]any) bool { b, _ := v["post"].(bool); return b }},
	{name: "latest", command: "latest", desc: "The most recent stories, with one-line summaries and links.",
		opts: []optSpec{{name: "count", typ: discordgo.ApplicationCommandOptionInteger, min: 1, max: 10,
			desc: "How many stories, 1 to 10 (default 5)."}}},
	{name: "story", command: "story", desc: "One story in full: summary, facts and every outlet that covered it.",
		opts: []optSpec{{name: "id", typ: discordgo.ApplicationCommandOptionInteger, required: true, min: 1, max: 1 << 53,
			autocomplete: acStory, desc: "The story's number, as latest shows it."}}},
	{name: "ask", command: "ask", desc: "Ask a question; the answer cites its sources.",
		opts: []optSpec{{name: "question", typ: discordgo.ApplicationCommandOptionString, required: true, maxLength: 1000,
			desc: "For example: when did the strike start?"}}},
	{name: "why", command: "why", desc: "Why an article was or was not treated as strike news.",
		opts: []optSpec{{name: "article", typ: discordgo.ApplicationCommandOptionString, required: true, maxLength: 2000, oneWord: true,
			desc: "The article's link, or its number."}}},
	{name: "sources", command: "sources", desc: "Each news feed and its health: last success, last error, next poll."},
	{name: "subscribe", command: "subscribe", captain: true, public: always,
		desc: "Captains: post the strike news in this channel.",
		opts: []optSpec{
			{name: "mode", typ: discordgo.ApplicationCommandOptionString, choices: choices("core", "all"),
				desc: "core: strike stories at once, related ones in the digest; all: both at once."},
			{name: "digest", typ: discordgo.ApplicationCommandOptionString, word: "digest", oneWord: true, maxLength: 5,
				desc: "Time of the daily digest of related news, HH:MM (24-hour)."},
			{name: "quiet", typ: discordgo.ApplicationCommandOptionString, word: "quiet", oneWord: true, maxLength: 11,
				desc: "Quiet hours, HH:MM-HH:MM: news waits, phase changes and announcements do not."},
			{name: "tz", typ: discordgo.ApplicationCommandOptionString, word: "tz", oneWord: true, maxLength: 64,
				autocomplete: acTimeZone, desc: "Time zone of posts, the digest and quiet hours, such as America/Los_Angeles."},
			{name: "mention", typ: discordgo.ApplicationCommandOptionRole, word: "mention",
				desc: "A role to mention when the strike changes phase, and on nothing else."},
			{name: "mention-off", typ: discordgo.ApplicationCommandOptionBoolean, word: "mention off",
				desc: "Mention no role on phase changes any more."},
		}},
	{name: "unsubscribe", command: "unsubscribe", captain: true, public: always, desc: "Captains: stop posting news in this channel."},
	{name: "set", command: "set", captain: true, desc: "Captains: pin a status field; the pin wins over the coverage until unset.",
		opts: []optSpec{
			{name: "field", typ: discordgo.ApplicationCommandOptionString, required: true, oneWord: true, choices: fieldChoices(),
				desc: "The field to pin."},
			{name: "value", typ: discordgo.ApplicationCommandOptionString, required: true, maxLength: 500, autocomplete: acPin,
				desc: "Its value: a phase, a number, a date YYYY-MM-DD, or text."},
		}},
	{name: "unset", command: "unset", captain: true, desc: "Captains: remove a pinned status field.",
		opts: []optSpec{{name: "field", typ: discordgo.ApplicationCommandOptionString, required: true, oneWord: true,
			choices: fieldChoices(), desc: "The field to unpin."}}},
	{name: "announce", command: "announce", captain: true, desc: "Captains: post an announcement to every subscribed channel.",
		opts: []optSpec{{name: "text", typ: discordgo.ApplicationCommandOptionString, required: true, maxLength: 2000,
			desc: "The announcement, up to 2,000 characters."}}},
	{group: "feeds", name: "list", command: "feeds", captain: true, desc: "Captains: list the campaign's news feeds."},
	{group: "feeds", name: "add", command: "feeds add", captain: true, desc: "Captains: preview a news feed, then add it with confirm.",
		opts: []optSpec{
			feedOpt("The feed's link (RSS or Atom).", ""),
			{name: "name", typ: discordgo.ApplicationCommandOptionString, maxLength: 100, desc: "A display name; the feed's own title when empty."},
			{name: "confirm", typ: discordgo.ApplicationCommandOptionBoolean, word: "confirm",
				desc: "Add it after the preview; without this only the preview is shown."},
		}},
	{group: "feeds", name: "remove", command: "feeds remove", captain: true, desc: "Captains: remove a feed added from chat.",
		opts: []optSpec{feedOpt("The feed's link, as feeds list shows it.", acFeed)}},
	{group: "feeds", name: "pause", command: "feeds pause", captain: true, desc: "Captains: stop reading a feed until it is resumed.",
		opts: []optSpec{feedOpt("The feed's link, as feeds list shows it.", acAnyFeed)}},
	{group: "feeds", name: "resume", command: "feeds resume", captain: true, desc: "Captains: read a paused feed again.",
		opts: []optSpec{feedOpt("The feed's link, as feeds list shows it.", acAnyFeed)}},
	{name: "retract", command: "retract", captain: true,
		desc: "Captains: edit every post of a story to say it was retracted, and post no more about it.",
		opts: []optSpec{
			storyOpt("story", "The story's number, as latest shows it.", acLiveStory),
			{name: "reason", typ: discordgo.ApplicationCommandOptionString, maxLength: 300,
				desc: "Why, for the audit log."},
		}},
	{name: "verdict", command: "verdict", captain: true, desc: "Captains: overrule the bot on whether an article is news about the strike.",
		opts: []optSpec{
			{name: "article", typ: discordgo.ApplicationCommandOptionString, required: true, oneWord: true, maxLength: 2000,
				desc: "The article's link, or its number as why shows it."},
			{name: "verdict", typ: discordgo.ApplicationCommandOptionString, required: true, desc: "What it is.",
				choices: []*discordgo.ApplicationCommandOptionChoice{
					{Name: "strike news", Value: "strike"}, {Name: "related news", Value: "related"}, {Name: "not news about this strike", Value: "not"}}},
		}},
	{name: "mute", command: "mute", captain: true, desc: "Captains: post no more updates of a story (phase changes still go out).",
		opts: []optSpec{storyOpt("story", "The story's number, as latest shows it.", acStory)}},
	{name: "unmute", command: "unmute", captain: true, desc: "Captains: post the updates of a muted story again.",
		opts: []optSpec{storyOpt("story", "The story's number, as latest shows it.", acStory)}},
	{name: "campaign", command: "campaign", desc: "The campaigns the bot follows, or a command about another campaign.",
		public: func(v map[string]any) bool { c, _ := v["command"].(string); return publicCommand(c) },
		opts: []optSpec{
			{name: "id", typ: discordgo.ApplicationCommandOptionString, oneWord: true, maxLength: 64, autocomplete: acCampaign,
				desc: "The campaign the command is about."},
			{name: "command", typ: discordgo.ApplicationCommandOptionString, maxLength: 1000,
				desc: "The command, as help lists them: status, latest 3, subscribe…"},
		}},
	{name: "help", command: "help", desc: "The list of commands, or help on one.",
		opts: []optSpec{{name: "command", typ: discordgo.ApplicationCommandOptionString, oneWord: true,
			choices: choices(commandNames()...), desc: "The command to explain."}}},
}

// groupDescs are the descriptions of subcommand groups.
var groupDescs = map[string]string{"feeds": "Captains: the campaign's news feeds."}

func (o optSpec) option() *discordgo.ApplicationCommandOption {
	opt := &discordgo.ApplicationCommandOption{Type: o.typ, Name: o.name, Description: o.desc, Required: o.required,
		Choices: o.choices, Autocomplete: o.autocomplete != "", MaxLength: o.maxLength}
	if o.max > 0 {
		lo := o.min
		opt.MinValue, opt.MaxValue = &lo, o.max
	}
	return opt
}

// Definition returns the /strike command as registered with Discord: one
// subcommand per router command (feeds as a group of list, add, remove,
// pause and resume), typed options with choices and autocomplete, usable in servers
// only. Captain subcommands are visible to everyone: the bot checks
// captains itself on every command, since server admins can change
// Discord's own command permissions.
func Definition() []*discordgo.ApplicationCommand {
	var opts []*discordgo.ApplicationCommandOption
	groups := make(map[string]*discordgo.ApplicationCommandOption)
	for _, s := range subcommands {
		sub := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Name: s.name, Description: s.desc}
		for _, o := range s.opts {
			sub.Options = append(sub.Options, o.option())
		}
		if s.group == "" {
			opts = append(opts, sub)
			continue
		}
		g := groups[s.group]
		if g == nil {
			g = &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommandGroup, Name: s.group, Description: groupDescs[s.group]}
			groups[s.group] = g
			opts = append(opts, g)
		}
		g.Options = append(g.Options, sub)
	}
	contexts := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	integration := []discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
	return []*discordgo.ApplicationCommand{{
		Type: discordgo.ChatApplicationCommand, Name: CommandName,
		Description: "Strike news: status, latest stories, answers with sources; captains' tools.",
		Contexts:    &contexts, IntegrationTypes: &integration, Options: opts,
	}}
}

// DefinitionJSON is Definition as the JSON body of the bulk overwrite.
func DefinitionJSON() ([]byte, error) {
	b, err := json.MarshalIndent(Definition(), "", "  ")
	if err != nil {
		return nil, fmt.Errorf("discord: encode command definition: %w", err)
	}
	return b, nil
}

// hashOf is the hex SHA-256 of a command list's JSON.
func hashOf(cmds []*discordgo.ApplicationCommand) string {
	b, _ := json.Marshal(cmds)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// DefinitionHash identifies the definition: registration is skipped when
// the hash stored from the last registration is the same.
func DefinitionHash() string { return hashOf(Definition()) }

// errOptions means an interaction's options do not fit the definition (a
// stale definition on Discord's side, or a forged request).
var errOptions = errors.New("discord: options do not match the /strike definition")

// invocation is a /strike interaction read against the definition.
type invocation struct {
	spec    *subSpec
	values  map[string]any
	focused string
	// text is the router's text for the invocation.
	text string
}

// readInvocation finds the subcommand and its option values in an
// interaction's data and writes the router text.
func readInvocation(d discordgo.ApplicationCommandInteractionData) (invocation, error) {
	if d.Name != CommandName || len(d.Options) != 1 {
		return invocation{}, errOptions
	}
	top := d.Options[0]
	group, sub := "", top
	if top.Type == discordgo.ApplicationCommandOptionSubCommandGroup {
		if len(top.Options) != 1 {
			return invocation{}, errOptions
		}
		group, sub = top.Name, top.Options[0]
	}
	if sub.Type != discordgo.ApplicationCommandOptionSubCommand {
		return invocation{}, errOptions
	}
	var spec *subSpec
	for i := range subcommands {
		if subcommands[i].group == group && subcommands[i].name == sub.Name {
			spec = &subcommands[i]
		}
	}
	if spec == nil {
		return invocation{}, errOptions
	}
	inv := invocation{spec: spec, values: make(map[string]any)}
	for _, o := range sub.Options {
		if o == nil {
			continue
		}
		inv.values[o.Name] = o.Value
		if o.Focused {
			inv.focused = o.Name
		}
	}
	words := []string{spec.command}
	for _, o := range spec.opts {
		v, ok := inv.values[o.name]
		if !ok || v == nil {
			continue
		}
		switch o.typ {
		case discordgo.ApplicationCommandOptionBoolean:
			b, ok := v.(bool)
			if !ok {
				return invocation{}, errOptions
			}
			if b && o.word != "" {
				words = append(words, o.word)
			}
		case discordgo.ApplicationCommandOptionInteger:
			var n int64
			switch x := v.(type) {
			case float64:
				n = int64(x)
			case string: // an autocomplete request sends what was typed
				n, _ = strconv.ParseInt(strings.TrimSpace(x), 10, 64)
			default:
				return invocation{}, errOptions
			}
			if o.word != "" {
				words = append(words, o.word)
			}
			words = append(words, strconv.FormatInt(n, 10))
		default:
			s, ok := v.(string)
			if !ok {
				return invocation{}, errOptions
			}
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			if o.oneWord {
				s = strings.Join(strings.Fields(s), "_")
			}
			if o.word != "" {
				words = append(words, o.word)
			}
			words = append(words, s)
		}
	}
	inv.text = strings.Join(words, " ")
	return inv, nil
}

// publicAnswer predicts whether the router answers inv for the channel.
func (inv invocation) publicAnswer() bool {
	return inv.spec.public != nil && inv.spec.public(inv.values)
}
