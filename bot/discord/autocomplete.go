package discord

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/strikebot/strikebot/strike"
)

// maxChoices is the most autocomplete choices Discord shows.
const maxChoices = 25

// timeZones are the zones suggested for subscribe's tz, most likely
// first for a Californian strike; any other IANA zone may be typed.
var timeZones = []string{
	"America/Los_Angeles", "America/Denver", "America/Phoenix", "America/Chicago", "America/New_York",
	"America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico", "America/Toronto", "America/Vancouver",
	"America/Edmonton", "America/Winnipeg", "America/Halifax", "America/St_Johns", "America/Mexico_City",
	"America/Tijuana", "America/Bogota", "America/Lima", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
	"America/Santiago", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin",
	"Europe/Madrid", "Europe/Rome", "Europe/Amsterdam", "Europe/Brussels", "Europe/Stockholm", "Europe/Warsaw",
	"Europe/Athens", "Europe/Istanbul", "Europe/Kyiv", "Europe/Moscow", "Africa/Lagos", "Africa/Johannesburg",
	"Africa/Nairobi", "Africa/Cairo", "Asia/Jerusalem", "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata",
	"Asia/Dhaka", "Asia/Bangkok", "Asia/Jakarta", "Asia/Manila", "Asia/Singapore", "Asia/Hong_Kong",
	"Asia/Shanghai", "Asia/Taipei", "Asia/Seoul", "Asia/Tokyo", "Australia/Perth", "Australia/Adelaide",
	"Australia/Brisbane", "Australia/Sydney", "Australia/Melbourne", "Pacific/Auckland", "UTC",
}

// phases are the values suggested for "set phase".
var phases = []string{strike.PhaseThreatened, strike.PhaseStrike, strike.PhaseMediation,
	strike.PhaseTentativeAgreement, strike.PhaseRatified, strike.PhaseEnded}

func choice(name string, value any) *discordgo.ApplicationCommandOptionChoice {
	return &discordgo.ApplicationCommandOptionChoice{Name: fitPlain(name, 100), Value: value}
}

func autocompleteResponse(cs []*discordgo.ApplicationCommandOptionChoice) *discordgo.InteractionResponse {
	if cs == nil {
		cs = []*discordgo.ApplicationCommandOptionChoice{}
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: cs}}
}

// autocomplete suggests values for the option being typed: recent
// stories (not retracted ones, for retract), time zones, phases, feeds
// (added from chat, or all the campaign's), campaigns. Stories and feeds
// are of the channel's campaign. A server not served, or a store that
// does not answer in time, gets no suggestions.
func (e *Edge) autocomplete(i *discordgo.Interaction) *discordgo.InteractionResponse {
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok || !e.allowedGuild(i.GuildID) {
		return autocompleteResponse(nil)
	}
	inv, err := readInvocation(data)
	if err != nil || inv.focused == "" {
		return autocompleteResponse(nil)
	}
	var spec optSpec
	for _, o := range inv.spec.opts {
		if o.name == inv.focused {
			spec = o
		}
	}
	typed := ""
	switch v := inv.values[inv.focused].(type) {
	case string:
		typed = strings.TrimSpace(v)
	case float64:
		typed = strconv.FormatInt(int64(v), 10)
	}
	ctx, cancel := context.WithTimeout(e.base, lookupTimeout)
	defer cancel()
	var cs []*discordgo.ApplicationCommandOptionChoice
	switch spec.autocomplete {
	case acStory, acLiveStory:
		cs = e.storyChoices(ctx, e.campaignOf(ctx, i), typed, spec.autocomplete == acLiveStory)
	case acCampaign:
		cs = e.campaignChoices(typed)
	case acTimeZone:
		cs = zoneChoices(typed)
	case acPin:
		if f, _ := inv.values["field"].(string); f == string(strike.FieldPhase) {
			for _, p := range phases {
				if strings.Contains(p, strings.ToLower(strings.ReplaceAll(typed, " ", "_"))) {
					cs = append(cs, choice(strings.ReplaceAll(p, "_", " "), p))
				}
			}
		}
	case acFeed, acAnyFeed:
		cs = e.feedChoices(ctx, e.campaignOf(ctx, i), typed, spec.autocomplete == acAnyFeed)
	}
	return autocompleteResponse(cs)
}

// campaignOf is the campaign of the interaction's channel: the one it is
// subscribed to, else Options.CampaignID.
func (e *Edge) campaignOf(ctx context.Context, i *discordgo.Interaction) string {
	if len(e.o.Campaigns) < 2 {
		return e.o.CampaignID
	}
	subs, err := e.o.Store.Subscriptions(ctx, "")
	if err != nil {
		e.o.Logger.Warn("discord: subscriptions for autocomplete", "err", err.Error())
		return e.o.CampaignID
	}
	here := strike.Destination{Platform: Platform, Workspace: i.GuildID, Channel: i.ChannelID}
	for _, s := range subs {
		if s.Destination == here {
			return s.CampaignID
		}
	}
	return e.o.CampaignID
}

func (e *Edge) campaignChoices(typed string) []*discordgo.ApplicationCommandOptionChoice {
	typed = strings.ToLower(typed)
	var cs []*discordgo.ApplicationCommandOptionChoice
	for _, c := range e.o.Campaigns {
		if len(c.ID) > 100 || (typed != "" && !strings.Contains(strings.ToLower(c.ID), typed) && !strings.Contains(strings.ToLower(c.Name), typed)) {
			continue
		}
		name := c.ID
		if c.Name != "" {
			name += " — " + c.Name
		}
		cs = append(cs, choice(name, c.ID))
		if len(cs) == maxChoices {
			break
		}
	}
	return cs
}

func (e *Edge) storyChoices(ctx context.Context, campaign, typed string, live bool) []*discordgo.ApplicationCommandOptionChoice {
	stories, err := e.o.Store.Stories(ctx, strike.StoryFilter{CampaignID: campaign,
		Tiers: []strike.Tier{strike.TierCore, strike.TierRelated}, Limit: 100})
	if err != nil {
		e.o.Logger.Warn("discord: stories for autocomplete", "err", err.Error())
		return nil
	}
	typed = strings.ToLower(strings.TrimPrefix(typed, "#"))
	var cs []*discordgo.ApplicationCommandOptionChoice
	for _, s := range stories {
		if live && !s.Retracted.IsZero() {
			continue
		}
		id := strconv.FormatInt(s.ID, 10)
		if typed != "" && !strings.HasPrefix(id, typed) && !strings.Contains(strings.ToLower(s.Title), typed) {
			continue
		}
		cs = append(cs, choice(fmt.Sprintf("#%d %s", s.ID, oneLine(s.Title)), s.ID))
		if len(cs) == maxChoices {
			break
		}
	}
	return cs
}

func zoneChoices(typed string) []*discordgo.ApplicationCommandOptionChoice {
	want := strings.ToLower(strings.ReplaceAll(typed, " ", "_"))
	var cs []*discordgo.ApplicationCommandOptionChoice
	if typed != "" && !strings.ContainsAny(typed, " ") && len(typed) <= 64 {
		if _, err := time.LoadLocation(typed); err == nil && typed != "Local" && strings.Contains(typed, "/") {
			cs = append(cs, choice(typed, typed))
		}
	}
	for _, z := range timeZones {
		if len(cs) == maxChoices {
			break
		}
		if z != typed && strings.Contains(strings.ToLower(z), want) {
			cs = append(cs, choice(strings.ReplaceAll(z, "_", " "), z))
		}
	}
	return cs
}

// feedChoices suggests the campaign's feeds added from chat, and with
// all its configured ones first.
func (e *Edge) feedChoices(ctx context.Context, campaign, typed string, all bool) []*discordgo.ApplicationCommandOptionChoice {
	feeds, err := e.o.Store.Feeds(ctx, campaign)
	if err != nil {
		e.o.Logger.Warn("discord: feeds for autocomplete", "err", err.Error())
		return nil
	}
	if all {
		for _, c := range e.o.Campaigns {
			if c.ID == campaign {
				feeds = append(slices.Clone(c.Feeds), feeds...)
			}
		}
	}
	typed = strings.ToLower(typed)
	var cs []*discordgo.ApplicationCommandOptionChoice
	seen := make(map[string]bool)
	for _, f := range feeds {
		if seen[f.URL] {
			continue
		}
		seen[f.URL] = true
		// A choice's value is at most 100 characters, and a URL with
		// credentials (user info, a token in its query) is never shown in
		// chat.
		if u, err := url.Parse(f.URL); len(f.URL) > 100 || err != nil || u.User != nil || strike.RedactURL(f.URL) != f.URL {
			continue
		}
		name := f.Name
		if name == "" {
			name = f.URL
		}
		if typed != "" && !strings.Contains(strings.ToLower(f.URL), typed) && !strings.Contains(strings.ToLower(name), typed) {
			continue
		}
		cs = append(cs, choice(name, f.URL))
		if len(cs) == maxChoices {
			break
		}
	}
	return cs
}
