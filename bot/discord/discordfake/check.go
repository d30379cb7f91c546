package discordfake

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Discord's limits, in characters (code points, white space at either end
// not counted).
const (
	MaxContent     = 2000
	MaxEmbeds      = 10
	MaxTitle       = 256
	MaxDescription = 4096
	MaxFields      = 25
	MaxFieldName   = 256
	MaxFieldValue  = 1024
	MaxFooter      = 2048
	MaxAuthorName  = 256
	MaxEmbedTotal  = 6000
	MaxNonce       = 25
)

// MessagePayload is the part of a message body (create message, an
// interaction response's data, a webhook edit or follow-up) the fake
// checks.
type MessagePayload struct {
	Content         *string          `json:"content"`
	Embeds          []Embed          `json:"embeds"`
	AllowedMentions *json.RawMessage `json:"allowed_mentions"`
	Nonce           any              `json:"nonce"`
	EnforceNonce    bool             `json:"enforce_nonce"`
	Flags           int              `json:"flags"`
	Reference       *struct {
		MessageID       string `json:"message_id"`
		ChannelID       string `json:"channel_id"`
		FailIfNotExists *bool  `json:"fail_if_not_exists"`
	} `json:"message_reference"`
}

// Embed is an embed as the fake reads it.
type Embed struct {
	Title       string `json:"title,omitempty"`
	Type        string `json:"type,omitempty"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
	Timestamp   string `json:"timestamp,omitempty"`
	Color       int    `json:"color,omitempty"`
	Footer      *struct {
		Text string `json:"text"`
	} `json:"footer,omitempty"`
	Author *struct {
		Name string `json:"name"`
	} `json:"author,omitempty"`
	Fields []struct {
		Name   string `json:"name"`
		Value  string `json:"value"`
		Inline bool   `json:"inline,omitempty"`
	} `json:"fields,omitempty"`
}

// FormError is a body Discord refuses: its answer is HTTP 400 with code
// 50035 ("Invalid Form Body") and Errors in Discord's nested shape, or
// another JSON error code (50006 for an empty message).
type FormError struct {
	Code    int
	Message string
	// Path is where the problem is ("embeds.0.description"); Problem
	// what it is, in Discord's words.
	Path, Problem, ProblemCode string
}

func (e *FormError) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("%d %s", e.Code, e.Message)
	}
	return fmt.Sprintf("%d %s: %s: %s", e.Code, e.Message, e.Path, e.Problem)
}

// Body is the JSON error body Discord answers with.
func (e *FormError) Body() map[string]any {
	body := map[string]any{"code": e.Code, "message": e.Message}
	if e.Path != "" {
		var errs any = map[string]any{"_errors": []map[string]string{{"code": e.ProblemCode, "message": e.Problem}}}
		parts := strings.Split(e.Path, ".")
		for i := len(parts) - 1; i >= 0; i-- {
			errs = map[string]any{parts[i]: errs}
		}
		body["errors"] = errs
	}
	return body
}

func tooLong(path string, limit int) *FormError {
	return &FormError{Code: 50035, Message: "Invalid Form Body", Path: path, ProblemCode: "BASE_TYPE_MAX_LENGTH",
		Problem: fmt.Sprintf("Must be %d or fewer in length.", limit)}
}

func invalid(path, code, problem string) *FormError {
	return &FormError{Code: 50035, Message: "Invalid Form Body", Path: path, ProblemCode: code, Problem: problem}
}

// length counts s as Discord does: code points, trimmed.
func length(s string) int { return utf8.RuneCountInString(strings.TrimSpace(s)) }

// CheckOptions say which of the project's own rules CheckMessage applies
// beyond Discord's.
type CheckOptions struct {
	// NoMentions requires allowed_mentions to be present with an empty
	// parse list and no users, roles or replied user: strikebot's rule
	// that feed text never pings anyone. Discord itself does not require
	// it.
	NoMentions bool
	// RoleMentions relaxes NoMentions for one case: allowed_mentions may
	// list roles, each of which the content mentions (<@&ID>), as a phase
	// change pings the role a channel chose. parse stays empty (never
	// @everyone or @here), users empty.
	RoleMentions bool
	// RequireContent requires content or embeds (true for new messages,
	// false for edits that change other parts).
	RequireContent bool
}

// CheckMessage checks a message body against Discord's limits (content,
// embeds, the 6,000-character total, the nonce) and, as o asks, the
// project's mention rule. It returns nil or the error Discord would
// answer with.
func CheckMessage(p MessagePayload, o CheckOptions) *FormError {
	content := ""
	if p.Content != nil {
		content = *p.Content
	}
	if !utf8.ValidString(content) {
		return invalid("content", "STRING_TYPE_INVALID", "Could not interpret the value as string.")
	}
	if length(content) > MaxContent {
		return tooLong("content", MaxContent)
	}
	if o.RequireContent && length(content) == 0 && len(p.Embeds) == 0 {
		return &FormError{Code: 50006, Message: "Cannot send an empty message"}
	}
	if len(p.Embeds) > MaxEmbeds {
		return tooLong("embeds", MaxEmbeds)
	}
	total := 0
	for i, e := range p.Embeds {
		at := func(part string) string { return fmt.Sprintf("embeds.%d.%s", i, part) }
		for _, c := range []struct {
			part  string
			text  string
			limit int
		}{{"title", e.Title, MaxTitle}, {"description", e.Description, MaxDescription}} {
			if !utf8.ValidString(c.text) {
				return invalid(at(c.part), "STRING_TYPE_INVALID", "Could not interpret the value as string.")
			}
			if length(c.text) > c.limit {
				return tooLong(at(c.part), c.limit)
			}
			total += length(c.text)
		}
		if e.URL != "" {
			u, err := url.Parse(e.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return invalid(at("url"), "URL_TYPE_INVALID_URL", "Not a well formed URL.")
			}
		}
		if e.Color < 0 || e.Color > 0xFFFFFF {
			return invalid(at("color"), "NUMBER_TYPE_MAX", "int value should be less than or equal to 16777215.")
		}
		if len(e.Fields) > MaxFields {
			return tooLong(at("fields"), MaxFields)
		}
		for j, f := range e.Fields {
			fat := func(part string) string { return at(fmt.Sprintf("fields.%d.%s", j, part)) }
			if length(f.Name) == 0 {
				return invalid(fat("name"), "BASE_TYPE_REQUIRED", "This field is required")
			}
			if length(f.Value) == 0 {
				return invalid(fat("value"), "BASE_TYPE_REQUIRED", "This field is required")
			}
			if length(f.Name) > MaxFieldName {
				return tooLong(fat("name"), MaxFieldName)
			}
			if length(f.Value) > MaxFieldValue {
				return tooLong(fat("value"), MaxFieldValue)
			}
			total += length(f.Name) + length(f.Value)
		}
		if e.Footer != nil {
			if length(e.Footer.Text) > MaxFooter {
				return tooLong(at("footer.text"), MaxFooter)
			}
			total += length(e.Footer.Text)
		}
		if e.Author != nil {
			if length(e.Author.Name) > MaxAuthorName {
				return tooLong(at("author.name"), MaxAuthorName)
			}
			total += length(e.Author.Name)
		}
	}
	if total > MaxEmbedTotal {
		return invalid("embeds", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Embed size exceeds maximum size of %d", MaxEmbedTotal))
	}
	switch n := p.Nonce.(type) {
	case nil:
	case string:
		if utf8.RuneCountInString(n) > MaxNonce {
			return tooLong("nonce", MaxNonce)
		}
	case float64:
	default:
		return invalid("nonce", "NONCE_TYPE_INVALID_TYPE", "Nonce must be an integer or string.")
	}
	if e := checkAllowedMentions(p.AllowedMentions); e != nil {
		return e
	}
	if o.NoMentions {
		if err := checkNoMentions(p.AllowedMentions, content, o.RoleMentions); err != nil {
			return err
		}
	}
	return nil
}

// allowedMentions is allowed_mentions as the fake reads it.
type allowedMentions struct {
	Parse       *[]string `json:"parse"`
	Users       []string  `json:"users"`
	Roles       []string  `json:"roles"`
	RepliedUser bool      `json:"replied_user"`
}

// checkAllowedMentions applies Discord's own rules to allowed_mentions:
// parse holds only "roles", "users" and "everyone"; a type in parse may
// not also be listed by ID; at most 100 users and 100 roles.
func checkAllowedMentions(raw *json.RawMessage) *FormError {
	if raw == nil || string(*raw) == "null" {
		return nil
	}
	var am allowedMentions
	if err := json.Unmarshal(*raw, &am); err != nil {
		return invalid("allowed_mentions", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType")
	}
	if am.Parse != nil {
		for i, t := range *am.Parse {
			switch {
			case t != "roles" && t != "users" && t != "everyone":
				return invalid(fmt.Sprintf("allowed_mentions.parse.%d", i), "BASE_TYPE_CHOICES", "Value must be one of ('roles', 'users', 'everyone').")
			case t == "roles" && len(am.Roles) > 0, t == "users" && len(am.Users) > 0:
				return invalid("allowed_mentions", "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
					fmt.Sprintf("parse:[\"%s\"] and %s: [ids...] are mutually exclusive.", t, t))
			}
		}
	}
	if len(am.Roles) > 100 {
		return tooLong("allowed_mentions.roles", 100)
	}
	if len(am.Users) > 100 {
		return tooLong("allowed_mentions.users", 100)
	}
	return nil
}

// RoleMentionsIn returns the role IDs content mentions (<@&ID>), in
// order, each once.
func RoleMentionsIn(content string) []string {
	var out []string
	seen := make(map[string]bool)
	for _, m := range roleMentionRE.FindAllStringSubmatch(content, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

var roleMentionRE = regexp.MustCompile(`<@&([0-9]+)>`)

// pinged returns the roles a message with this content and
// allowed_mentions notifies: those it mentions that allowed_mentions
// lets through (listed, or parse holding "roles"; with no
// allowed_mentions at all, every one).
func pinged(raw *json.RawMessage, content string) []string {
	mentioned := RoleMentionsIn(content)
	if len(mentioned) == 0 {
		return nil
	}
	if raw == nil || string(*raw) == "null" {
		return mentioned
	}
	var am allowedMentions
	if json.Unmarshal(*raw, &am) != nil {
		return nil
	}
	if am.Parse != nil && slices.Contains(*am.Parse, "roles") {
		return mentioned
	}
	var out []string
	for _, r := range mentioned {
		if slices.Contains(am.Roles, r) {
			out = append(out, r)
		}
	}
	return out
}

// checkNoMentions requires allowed_mentions {"parse": []} (users empty or
// absent, replied_user false or absent, roles empty or absent unless
// roles is set: then only roles content mentions).
func checkNoMentions(raw *json.RawMessage, content string, roles bool) *FormError {
	const problem = "strikebot rule: allowed_mentions must be {\"parse\": []}"
	if raw == nil {
		return invalid("allowed_mentions", "STRIKEBOT_MENTIONS_MISSING", problem)
	}
	var am allowedMentions
	if err := json.Unmarshal(*raw, &am); err != nil || am.Parse == nil || len(*am.Parse) > 0 ||
		len(am.Users) > 0 || am.RepliedUser {
		return invalid("allowed_mentions", "STRIKEBOT_MENTIONS_ALLOWED", problem)
	}
	if len(am.Roles) == 0 {
		return nil
	}
	if !roles {
		return invalid("allowed_mentions", "STRIKEBOT_MENTIONS_ALLOWED", problem+" here: no role may be mentioned")
	}
	mentioned := RoleMentionsIn(content)
	for _, r := range am.Roles {
		if !slices.Contains(mentioned, r) {
			return invalid("allowed_mentions.roles", "STRIKEBOT_MENTIONS_ALLOWED",
				"strikebot rule: allowed_mentions.roles may list only the role the content mentions")
		}
	}
	return nil
}
