package slack

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/slack-go/slack"

	"github.com/strikebot/strikebot/bot"
)

// Slack's Block Kit limits, and the budgets this package keeps to. Lengths
// are in UTF-16 code units.
const (
	MaxBlocks          = 50
	MaxSectionText     = 3000
	MaxFieldText       = 2000
	MaxFields          = 10
	MaxHeaderText      = 150
	MaxContextElements = 10
	// TextBudget is the most text a rendered message carries across all
	// its blocks: Slack refuses messages whose blocks hold much more than
	// about 13,000 characters in total.
	TextBudget = 12000
	// MaxFallbackText is the most a message's plain-text fallback carries
	// (Slack's own limit is 40,000).
	MaxFallbackText = 3000
)

// Per-part limits, well inside Slack's.
const (
	maxContextText = 2000
	maxLinks       = 10
	maxLinkLine    = 600
	maxDigestItems = 20
	maxDigestItem  = 600
	maxFieldName   = 100
	maxFieldValue  = 1000
	maxFieldNote   = 300
	maxSummary     = 1500
	maxFooter      = 300
)

// Message is a rendered Slack message: Block Kit blocks and the plain
// fallback text Slack shows in notifications and where blocks cannot be
// shown. All text in both is escaped. The fallback alone is a complete,
// if plainer, message: it carries the title, the text and the links.
type Message struct {
	Text   string
	Blocks []slack.Block
}

// builder assembles blocks within MaxBlocks and TextBudget.
type builder struct {
	blocks []slack.Block
	used   int // text budget spent
}

func (b *builder) left() int { return TextBudget - b.used }

// room reports whether n more blocks fit, keeping reserve blocks for
// parts still to come.
func (b *builder) room(n, reserve int) bool { return len(b.blocks)+n+reserve <= MaxBlocks }

func (b *builder) header(text string) {
	if text == "" {
		return
	}
	b.used += slen(text)
	b.blocks = append(b.blocks, slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, text, false, false)))
}

func (b *builder) section(text string) {
	if text == "" {
		return
	}
	b.used += slen(text)
	b.blocks = append(b.blocks, slack.NewSectionBlock(mrkdwn(text), nil, nil))
}

func (b *builder) fields(texts []string) {
	objs := make([]*slack.TextBlockObject, 0, len(texts))
	for _, t := range texts {
		b.used += slen(t)
		objs = append(objs, mrkdwn(t))
	}
	b.blocks = append(b.blocks, slack.NewSectionBlock(nil, objs, nil))
}

func (b *builder) context(text string) {
	if text == "" {
		return
	}
	b.used += slen(text)
	b.blocks = append(b.blocks, slack.NewContextBlock("", mrkdwn(text)))
}

// mrkdwn is a mrkdwn text object with verbatim set, so Slack does not
// turn bare URLs or channel names in it into links or mentions.
func mrkdwn(text string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, text, false, true)
}

// RenderReply renders a command's reply: a header with the title, the
// lines as sections, the fields as a compact table, the links as numbered
// sources and the footer as small print, all within Slack's limits. When
// the text will not all fit, the lines are cut first; links are kept.
func RenderReply(r bot.Reply) Message {
	var b builder
	b.header(plainLine(r.Title, MaxHeaderText))

	links := linkLines(r.Links)
	footer := fit(r.Footer, maxFooter)
	fieldTexts := make([]string, 0, len(r.Fields))
	for _, f := range r.Fields {
		t := "*" + fitLine(f.Name, maxFieldName) + "*\n" + fit(f.Value, maxFieldValue)
		if f.Note != "" {
			t += "\n_" + fitLine(f.Note, maxFieldNote) + "_"
		}
		fieldTexts = append(fieldTexts, t)
	}
	reserved := slen(footer)
	for _, l := range links {
		reserved += slen(l) + 1
	}
	reserveBlocks := 0
	if footer != "" {
		reserveBlocks++
	}
	if len(links) > 0 {
		reserveBlocks++
	}

	// Fields are worth more than prose but less than the sources.
	fieldSections := (len(fieldTexts) + MaxFields - 1) / MaxFields
	fieldBudget := b.left() - reserved
	var kept []string
	for _, t := range fieldTexts {
		if fieldBudget-slen(t) < 0 {
			break
		}
		fieldBudget -= slen(t)
		kept = append(kept, t)
	}
	for _, t := range kept {
		reserved += slen(t)
	}
	reserveBlocks += fieldSections

	b.lines(r.Lines, reserved, reserveBlocks)

	for len(kept) > 0 && b.room(1, reserveBlocks-fieldSections) {
		n := min(len(kept), MaxFields)
		b.fields(kept[:n])
		kept = kept[n:]
	}
	if len(links) > 0 {
		b.section(strings.Join(links, "\n"))
	}
	b.context(footer)

	return Message{Text: fallback(r.Title, r.Lines, r.Fields, r.Links), Blocks: b.blocks}
}

// lines adds paragraphs as sections, packing several into one section up
// to MaxSectionText, and leaving reserved budget and reserveBlocks blocks
// for what follows.
func (b *builder) lines(paras []string, reserved, reserveBlocks int) {
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			b.section(cur.String())
			cur.Reset()
		}
	}
	for i, p := range paras {
		avail := b.left() - reserved - slen(cur.String()) - 1
		if avail < 20 || !b.room(1, reserveBlocks) {
			if i < len(paras) && cur.Len() == 0 && b.room(1, reserveBlocks) && b.left()-reserved > 30 {
				b.section(fmt.Sprintf("_…and %d more_", len(paras)-i))
			}
			break
		}
		t := fit(p, min(MaxSectionText, avail))
		if t == "" {
			continue
		}
		if cur.Len() > 0 && slen(cur.String())+1+slen(t) > MaxSectionText {
			flush()
			if !b.room(1, reserveBlocks) {
				break
			}
		}
		if cur.Len() > 0 {
			cur.WriteByte('\n')
		}
		cur.WriteString(t)
	}
	flush()
}

// linkLines renders up to maxLinks links as numbered lines.
func linkLines(links []bot.Link) []string {
	var out []string
	for i, l := range links {
		if i == maxLinks {
			out = append(out, fmt.Sprintf("_…and %d more sources_", len(links)-maxLinks))
			break
		}
		prefix := fmt.Sprintf("[%d] ", i+1)
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
		out = append(out, prefix+link(l.URL, title, maxLinkLine-slen(prefix)-slen(meta))+meta)
	}
	return out
}

// RenderPost renders an outbox post. A new story gets a header, its
// summary, its source link and a context line; a phase change is
// announced as such; an update of a known story is a short line meant for
// the story's thread; a digest lists up to 20 stories; a notice is
// rendered like a reply.
func RenderPost(p bot.Post) Message {
	switch {
	case p.Announcement != nil:
		return renderAnnouncement(*p.Announcement)
	case p.Digest != nil:
		return renderDigest(*p.Digest)
	case p.Notice != nil:
		return RenderReply(*p.Notice)
	case p.Retraction != nil:
		return renderRetraction(*p.Retraction)
	}
	return Message{Text: "(nothing to post)"}
}

// renderRetraction is what a retracted post is edited to: its headline
// struck out, and the retraction line.
func renderRetraction(r bot.Retraction) Message {
	var b builder
	text := "_" + escape(r.Text()) + "_"
	if t := fitLine(r.Title, 300); t != "" {
		text = "~" + t + "~\n" + text
	}
	b.section(text)
	return Message{Text: fallback("", []string{r.Text()}, nil, nil), Blocks: b.blocks}
}

// groupMention is how a message mentions a user group: "<!subteam^ID>", or ""
// for an ID that is not one.
func groupMention(id string) string {
	if !bot.ValidMention(id) {
		return ""
	}
	return "<!subteam^" + id + ">"
}

func renderAnnouncement(an bot.Announcement) Message {
	var b builder
	title := an.Title
	if title == "" {
		title = an.ArticleTitle
	}
	src := link(an.URL, firstNonEmpty(an.ArticleTitle, an.Title, an.URL), maxLinkLine)
	meta := metaLine(an)
	switch an.Kind {
	case bot.KindUpdate:
		text := "*" + fitLine(firstNonEmpty(an.Source, "Another outlet"), 100) + "* also reports: " + src
		b.section(text)
		b.context(meta)
		fb := oneLine(firstNonEmpty(an.Source, "Another outlet")) + " also reports: " + oneLine(firstNonEmpty(an.ArticleTitle, an.Title))
		return Message{Text: fallbackWith(fb, an.URL, an.ArticleTitle), Blocks: b.blocks}
	case bot.KindPhaseChange:
		b.header(plainLine("Phase change: "+phaseName(an.Phase), MaxHeaderText))
		b.section(groupMention(an.Mention)) // only phase changes mention anyone
		if an.PrevPhase != "" {
			b.section("*" + fitLine(phaseName(an.PrevPhase), 90) + "* → *" + fitLine(phaseName(an.Phase), 90) + "*")
		}
		b.section("*" + fitLine(title, 300) + "*")
	default:
		b.header(plainLine(title, MaxHeaderText))
	}
	body := fit(an.Summary, maxSummary)
	if src != "" {
		if body != "" {
			body += "\n"
		}
		body += src
	}
	b.section(body)
	b.context(meta)
	head := oneLine(title)
	if an.Kind == bot.KindPhaseChange {
		head = "Phase change: " + phaseName(an.Phase) + " — " + head
	}
	text := fallbackWith(head+"\n"+oneLine(an.Summary), an.URL, an.ArticleTitle)
	if m := groupMention(an.Mention); m != "" && an.Kind == bot.KindPhaseChange {
		text = m + " " + text // the notification's text: the group is told
	}
	return Message{Text: text, Blocks: b.blocks}
}

// metaLine is an announcement's small print: outlet, date, story number.
func metaLine(an bot.Announcement) string {
	var parts []string
	if an.Source != "" {
		parts = append(parts, fitLine(an.Source, 100))
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

func renderDigest(d bot.Digest) Message {
	var b builder
	title := firstNonEmpty(d.Title, "News digest")
	b.header(plainLine(title, MaxHeaderText))
	items := d.Items
	more := 0
	if len(items) > maxDigestItems {
		more = len(items) - maxDigestItems
		items = items[:maxDigestItems]
	}
	const tail = 40 // room for the "and N more" line
	for i, an := range items {
		share := (b.left() - tail) / (len(items) - i)
		limit := min(maxDigestItem, share)
		if limit < 40 || !b.room(1, 1) {
			more += len(items) - i
			break
		}
		head := link(an.URL, firstNonEmpty(an.Title, an.ArticleTitle), limit/2)
		text := "*" + head + "*"
		if m := metaLine(an); m != "" && slen(text)+3+slen(m) <= limit {
			text += "\n_" + m + "_"
		}
		if rest := limit - slen(text) - 1; rest > 20 && an.Summary != "" {
			text += "\n" + fit(an.Summary, rest)
		}
		b.section(text)
	}
	if more > 0 {
		b.context(fmt.Sprintf("…and %d more stories", more))
	}
	var links []bot.Link
	for _, an := range d.Items {
		links = append(links, bot.Link{Title: firstNonEmpty(an.Title, an.ArticleTitle), URL: an.URL})
	}
	return Message{Text: fallback(title, nil, nil, links), Blocks: b.blocks}
}

// fallback is the plain text version of a message: title, lines,
// fields and links, within MaxFallbackText. Links are kept first.
func fallback(title string, lines []string, fields []bot.Field, links []bot.Link) string {
	var tail []string
	for i, l := range links {
		if i == maxLinks {
			break
		}
		tail = append(tail, link(l.URL, firstNonEmpty(l.Title, l.URL), 300))
	}
	linkText := strings.Join(tail, "\n")
	var body strings.Builder
	body.WriteString(oneLine(title))
	for _, l := range lines {
		body.WriteString("\n" + clean(l))
	}
	for _, f := range fields {
		body.WriteString("\n" + oneLine(f.Name) + ": " + oneLine(f.Value))
	}
	limit := MaxFallbackText
	if linkText != "" {
		limit -= slen(linkText) + 1
	}
	out := fitClean(strings.TrimSpace(body.String()), limit)
	if linkText != "" {
		if out != "" {
			out += "\n"
		}
		out += linkText
	}
	if out == "" {
		out = "strikebot"
	}
	return out
}

// fallbackWith is fallback for a text and one source link.
func fallbackWith(text, url, title string) string {
	var links []bot.Link
	if url != "" {
		links = []bot.Link{{URL: url, Title: firstNonEmpty(title, url)}}
	}
	return fallback("", []string{text}, nil, links)
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
