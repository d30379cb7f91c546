package discord

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/bwmarrin/discordgo"

	"github.com/strikebot/strikebot/bot"
)

// Discord's limits on a message and its embeds, in characters.
const (
	MaxContent     = 2000
	MaxTitle       = 256
	MaxDescription = 4096
	MaxFields      = 25
	MaxFieldName   = 256
	MaxFieldValue  = 1024
	MaxFooter      = 2048
	MaxAuthorName  = 256
	// MaxEmbedTotal bounds the title, description, field names and values,
	// footer and author name of all a message's embeds together.
	MaxEmbedTotal = 6000
	MaxEmbeds     = 10
)

// Per-part limits, well inside Discord's.
const (
	maxLinks       = 10
	maxLinkLine    = 600
	maxDigestItems = MaxFields
	maxDigestItem  = 600
	maxFieldLabel  = 100
	maxFieldValue  = 1000
	maxFieldNote   = 300
	maxSummary     = 1500
	maxFooterText  = 300
	maxRefKey      = 100
	// inlineField is the longest field value shown side by side with
	// others (a status card's short values).
	inlineField = 60
)

// Embed colors.
const (
	colorReply   = 0x5865F2
	colorNews    = 0xC0392B
	colorRelated = 0x3498DB
	colorPhase   = 0xF1C40F
	colorUpdate  = 0x95A5A6
	colorNotice  = 0xE67E22
	// colorRetracted is a retracted post's: grey, like something struck
	// out.
	colorRetracted = 0x7F8C8D
)

// RefPrefix begins the delivery reference at the end of every posted
// message's footer (and of its plain-text fallback): "ref " and the
// delivery's key. The Poster reads it back to find a post that went out
// before a crash.
const RefPrefix = "ref "

// Message is a rendered Discord message: one embed within every limit
// Discord sets, and a plain-text version of it (at most MaxContent
// characters) sent instead when Discord refuses the embed. All text
// that Discord renders as markdown is escaped; links are built only from
// URLs strikebot holds.
type Message struct {
	Embed   *discordgo.MessageEmbed
	Content string
	// Lead is the content sent with the embed, "" for none: the role a
	// phase change mentions, which only a message's content can notify.
	// The plain-text Content then begins with it too.
	Lead string
	// Roles are the role IDs the message may notify (allowed_mentions
	// roles): the one Lead mentions, or none.
	Roles []string
}

// EmbedTotal is the number of characters of embeds that count toward
// MaxEmbedTotal, as Discord counts them (white space at either end of
// each part is not counted).
func EmbedTotal(embeds []*discordgo.MessageEmbed) int {
	n := 0
	c := func(s string) int { return count(strings.TrimSpace(s)) }
	for _, e := range embeds {
		if e == nil {
			continue
		}
		n += c(e.Title) + c(e.Description)
		for _, f := range e.Fields {
			if f != nil {
				n += c(f.Name) + c(f.Value)
			}
		}
		if e.Footer != nil {
			n += c(e.Footer.Text)
		}
		if e.Author != nil {
			n += c(e.Author.Name)
		}
	}
	return n
}

// footerWithRef joins a footer and a delivery reference ("" for none).
func footerWithRef(footer, key string) string {
	if key == "" {
		return footer
	}
	ref := RefPrefix + fitPlain(key, maxRefKey)
	if footer == "" {
		return ref
	}
	return footer + " · " + ref
}

// HasRef reports whether text (an embed's footer, or a message's plain
// text) ends with the reference to the delivery whose key is key, as
// RenderPost writes it.
func HasRef(text, key string) bool {
	if key == "" {
		return false
	}
	ref := RefPrefix + fitPlain(key, maxRefKey)
	for _, cand := range []string{ref, escape(ref)} {
		before, ok := strings.CutSuffix(text, cand)
		if ok && (before == "" || before == "-# " || strings.HasSuffix(before, " · ") || strings.HasSuffix(before, "\n-# ")) {
			return true
		}
	}
	return false
}

func setFooter(e *discordgo.MessageEmbed, text string) {
	if text != "" {
		e.Footer = &discordgo.MessageEmbedFooter{Text: text}
	}
}

// RenderReply renders a command's answer: the title, the lines, the fields
// as a table, the links as numbered sources and the footer, within every
// limit. When the text will not all fit, the lines are cut first; the
// links are kept.
func RenderReply(r bot.Reply) Message { return renderReply(r, "", colorReply) }

// renderReply renders r with ref (a delivery key, "" for none) at the end
// of its footer.
func renderReply(r bot.Reply, ref string, color int) Message {
	e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Color: color}
	e.Title = fitLine(r.Title, MaxTitle)
	setFooter(e, footerWithRef(fitPlain(r.Footer, maxFooterText), ref))
	links := strings.Join(linkLines(r.Links), "\n")
	budget := MaxEmbedTotal - count(e.Title) - count(links) - 2
	if e.Footer != nil {
		budget -= count(e.Footer.Text)
	}
	// Fields are worth more than prose but less than the sources; leave
	// the prose a little room all the same.
	const proseFloor = 200
	for _, f := range r.Fields {
		if len(e.Fields) == MaxFields {
			break
		}
		name := fitLine(f.Name, maxFieldLabel)
		if name == "" {
			name = "—"
		}
		value := fit(f.Value, maxFieldValue)
		if strings.TrimSpace(value) == "" {
			value = "—"
		}
		if note := fitLine(f.Note, maxFieldNote); note != "" {
			value += "\n*" + note + "*"
		}
		if count(name)+count(value) > budget-proseFloor {
			break
		}
		budget -= count(name) + count(value)
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: name, Value: value,
			Inline: count(value) <= inlineField && f.Note == ""})
	}
	descLimit := min(MaxDescription-count(links)-2, budget)
	desc := packLines(r.Lines, descLimit)
	if links != "" {
		if desc != "" {
			desc += "\n\n"
		}
		desc += links
	}
	e.Description = desc
	if e.Title == "" && e.Description == "" && len(e.Fields) == 0 {
		e.Description = "—"
	}
	return Message{Embed: e, Content: plain(r.Title, r.Lines, r.Fields, r.Links, r.Footer, ref)}
}

// packLines joins paragraphs with line breaks within limit characters;
// when some do not fit, it says how many were left out.
func packLines(paras []string, limit int) string {
	var b strings.Builder
	used := 0
	for i, p := range paras {
		sep := 0
		if b.Len() > 0 {
			sep = 1
		}
		avail := limit - used - sep
		if avail < 20 {
			if more := fmt.Sprintf("*…and %d more*", len(paras)-i); b.Len() > 0 && limit-used-1 >= count(more) {
				b.WriteString("\n" + more)
			}
			break
		}
		t := fit(p, avail)
		if strings.TrimSpace(t) == "" {
			continue
		}
		if sep == 1 {
			b.WriteByte('\n')
		}
		b.WriteString(t)
		used += sep + count(t)
	}
	return b.String()
}

// linkLines renders up to maxLinks links as numbered lines:
// [1] [title](url) — Source 2024-10-14.
func linkLines(links []bot.Link) []string {
	var out []string
	for i, l := range links {
		if i == maxLinks {
			out = append(out, fmt.Sprintf("*…and %d more sources*", len(links)-maxLinks))
			break
		}
		prefix := fmt.Sprintf("\\[%d\\] ", i+1)
		title := l.Title
		if title == "" {
			title = l.URL
		}
		meta := ""
		if src := fitLine(l.Source, 80); src != "" {
			meta = " — " + src
		}
		if d := fitLine(l.Date, 20); d != "" {
			if meta == "" {
				meta = " —"
			}
			meta += " " + d
		}
		out = append(out, prefix+link(l.URL, title, maxLinkLine-count(prefix)-count(meta))+meta)
	}
	return out
}

// RenderPost renders an outbox post with the delivery reference key at
// the end of its footer. A new story gets its headline (linked to the
// article), summary, source link and a footer line, its time in the
// channel's time zone; a phase change is announced as such, and mentions
// the channel's chosen role (Announcement.Mention, a role ID) in its
// content, the only place Discord notifies a mention from; an update of
// a known story is a short line meant for the story's thread; a digest
// lists up to 25 stories as fields; a notice is rendered like a reply; a
// retraction is what a retracted post is edited to: its headline struck
// out and "Retracted by a captain".
func RenderPost(p bot.Post, key string) Message {
	switch {
	case p.Announcement != nil:
		return renderAnnouncement(*p.Announcement, key)
	case p.Digest != nil:
		return renderDigest(*p.Digest, key)
	case p.Notice != nil:
		return renderReply(*p.Notice, key, colorNotice)
	case p.Retraction != nil:
		return renderRetraction(*p.Retraction, key)
	}
	return renderReply(bot.Reply{Lines: []string{"(nothing to post)"}}, key, colorNotice)
}

// renderRetraction is a retracted post: grey, no link, the headline
// struck out above the retraction line.
func renderRetraction(r bot.Retraction, key string) Message {
	e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Color: colorRetracted}
	line := "*" + fitLine(r.Text(), 600) + "*"
	if t := fitLine(r.Title, 300); t != "" {
		line = "~~" + t + "~~\n" + line
	}
	e.Description = line
	setFooter(e, footerWithRef("", key))
	return Message{Embed: e, Content: plain("", []string{r.Text()}, nil, nil, "", key)}
}

// RoleMention is how a message mentions a role: "<@&ID>", or "" when id
// is not a role ID (a Discord snowflake: digits only).
func RoleMention(id string) string {
	if !isDigits(id) || len(id) > 20 {
		return ""
	}
	return "<@&" + id + ">"
}

func renderAnnouncement(an bot.Announcement, key string) Message {
	e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Color: colorNews}
	if an.Tier == "related" {
		e.Color = colorRelated
	}
	title := firstNonEmpty(an.Title, an.ArticleTitle)
	src := link(an.URL, firstNonEmpty(an.ArticleTitle, an.Title, an.URL), maxLinkLine)
	setFooter(e, footerWithRef(fitPlain(metaLine(an), maxFooterText), key))
	var plainHead string
	switch an.Kind {
	case bot.KindUpdate:
		e.Color = colorUpdate
		e.Description = "**" + fitLine(firstNonEmpty(an.Source, "Another outlet"), 100) + "** also reports: " + src
		plainHead = oneLine(firstNonEmpty(an.Source, "Another outlet")) + " also reports: " + oneLine(firstNonEmpty(an.ArticleTitle, an.Title))
		return Message{Embed: e, Content: plain("", []string{plainHead}, nil, srcLinks(an), metaLine(an), key)}
	case bot.KindPhaseChange:
		e.Color = colorPhase
		e.Title = fitLine("Phase change: "+phaseName(an.Phase), MaxTitle)
		var b strings.Builder
		if an.PrevPhase != "" {
			b.WriteString("**" + fitLine(phaseName(an.PrevPhase), 60) + "** → **" + fitLine(phaseName(an.Phase), 60) + "**\n")
		}
		b.WriteString("**" + fitLine(title, 300) + "**")
		e.Description = b.String()
		plainHead = "Phase change: " + phaseName(an.Phase) + " — " + oneLine(title)
		if m := RoleMention(an.Mention); m != "" {
			// Only phase changes mention anyone, and only in the content.
			lead := m + " " + fitLine("Phase change: "+phaseName(an.Phase), 200)
			return Message{Embed: withBody(e, an, src), Lead: lead, Roles: []string{an.Mention},
				Content: m + "\n" + plainWithin(MaxContent-count(m)-1, plainHead, []string{an.Summary}, nil, srcLinks(an), metaLine(an), key)}
		}
	default:
		e.Title = fitLine(title, MaxTitle)
		e.URL = embedURL(an.URL)
		plainHead = oneLine(title)
	}
	return Message{Embed: withBody(e, an, src), Content: plain(plainHead, []string{an.Summary}, nil, srcLinks(an), metaLine(an), key)}
}

// withBody adds an announcement's summary and source link to e's
// description.
func withBody(e *discordgo.MessageEmbed, an bot.Announcement, src string) *discordgo.MessageEmbed {
	body := fit(an.Summary, maxSummary)
	if src != "" {
		if body != "" {
			body += "\n"
		}
		body += src
	}
	if body != "" {
		if e.Description != "" {
			e.Description += "\n"
		}
		e.Description += body
	}
	return e
}

func srcLinks(an bot.Announcement) []bot.Link {
	if an.URL == "" {
		return nil
	}
	return []bot.Link{{URL: an.URL, Title: firstNonEmpty(an.ArticleTitle, an.Title)}}
}

// metaLine is an announcement's small print: outlet, date, story number.
func metaLine(an bot.Announcement) string {
	var parts []string
	if an.Source != "" {
		parts = append(parts, oneLine(an.Source))
	}
	if !an.Published.IsZero() {
		d := bot.LocalTime(an.Published, an.TimeZone) // the channel's time zone
		if an.Estimated {
			d += " (first seen)"
		}
		parts = append(parts, d)
	}
	if an.StoryID != 0 {
		parts = append(parts, fmt.Sprintf("story #%d", an.StoryID))
	}
	if an.Tier == "related" {
		parts = append(parts, "related news")
	}
	return strings.Join(parts, " · ")
}

func renderDigest(d bot.Digest, key string) Message {
	e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Color: colorNews}
	title := firstNonEmpty(d.Title, "News digest")
	e.Title = fitLine(title, MaxTitle)
	setFooter(e, footerWithRef("", key))
	items := d.Items
	more := 0
	if len(items) > maxDigestItems {
		more = len(items) - maxDigestItems
		items = items[:maxDigestItems]
	}
	const tail = 40 // room for the "and N more" line
	budget := MaxEmbedTotal - count(e.Title) - tail
	if e.Footer != nil {
		budget -= count(e.Footer.Text)
	}
	for i, an := range items {
		share := budget / (len(items) - i)
		limit := min(maxDigestItem, share)
		if limit < 60 {
			more += len(items) - i
			break
		}
		name := fitLine(firstNonEmpty(an.Title, an.ArticleTitle, "Untitled story"), min(MaxFieldName, limit/3))
		rest := limit - count(name)
		value := link(an.URL, firstNonEmpty(an.ArticleTitle, an.Title, an.URL), rest/2)
		if m := fitLine(metaLine(an), 120); m != "" && count(value)+3+count(m) <= rest {
			value += "\n*" + m + "*"
		}
		if left := rest - count(value) - 1; left > 20 && an.Summary != "" {
			value += "\n" + fit(an.Summary, left)
		}
		if strings.TrimSpace(value) == "" {
			value = "—"
		}
		budget -= count(name) + count(value)
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: name, Value: value})
	}
	if more > 0 {
		e.Description = fmt.Sprintf("*…and %d more stories*", more)
	}
	var links []bot.Link
	for _, an := range d.Items {
		links = append(links, bot.Link{Title: firstNonEmpty(an.Title, an.ArticleTitle), URL: an.URL})
	}
	return Message{Embed: e, Content: plain(title, nil, nil, links, "", key)}
}

// plain is the plain-text version of a message, within MaxContent: the
// title, lines and fields escaped, the links as bare URLs (Discord links
// them itself), the footer and the reference. The links and the reference
// are kept first.
func plain(title string, lines []string, fields []bot.Field, links []bot.Link, footer, ref string) string {
	return plainWithin(MaxContent, title, lines, fields, links, footer, ref)
}

// plainWithin is plain within limit characters instead of MaxContent.
func plainWithin(limit int, title string, lines []string, fields []bot.Field, links []bot.Link, footer, ref string) string {
	var tail []string
	for i, l := range links {
		if i == maxLinks {
			break
		}
		if u, ok := linkURL(l.URL); ok {
			tail = append(tail, "<"+u+">")
		}
	}
	small := fitPlain(footer, maxFooterText)
	if ref != "" {
		small = footerWithRef(small, ref)
	}
	if small != "" {
		tail = append(tail, "-# "+escape(small))
	}
	tailText := strings.Join(tail, "\n")
	var body []string
	if t := oneLine(title); t != "" {
		body = append(body, "**"+fitClean(t, 250)+"**")
	}
	for _, l := range lines {
		body = append(body, escape(clean(l)))
	}
	for _, f := range fields {
		body = append(body, escape(oneLine(f.Name))+": "+escape(oneLine(f.Value)))
	}
	if tailText != "" {
		limit -= count(tailText) + 1
	}
	text := strings.TrimSpace(strings.Join(body, "\n"))
	if count(text) > limit {
		text = cutEscaped(text, limit)
	}
	if tailText != "" {
		if text != "" {
			text += "\n"
		}
		text += tailText
	}
	if strings.TrimSpace(text) == "" {
		text = "strikebot"
	}
	return text
}

// cutEscaped cuts already escaped text to limit characters without
// leaving a lone backslash at the end, marking the cut.
func cutEscaped(s string, limit int) string {
	if limit < 2 {
		return ""
	}
	rs := []rune(s)[:limit-1]
	trailing := 0
	for i := len(rs) - 1; i >= 0 && rs[i] == '\\'; i-- {
		trailing++
	}
	if trailing%2 == 1 {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + ellipsis
}

// phaseName is a phase as people say it.
func phaseName(phase string) string {
	if phase == "" {
		return "unknown"
	}
	r := []rune(oneLine(strings.ReplaceAll(phase, "_", " ")))
	if len(r) == 0 {
		return "unknown"
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
