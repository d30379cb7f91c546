package slackfake

import (
	"encoding/json"
	"fmt"
)

// Slack's limits the fake enforces. Lengths are in UTF-16 code units.
const (
	MaxText        = 40000
	MaxBlocks      = 50
	MaxSection     = 3000
	MaxField       = 2000
	MaxFields      = 10
	MaxHeader      = 150
	MaxContext     = 10
	MaxBlocksTotal = 13000
)

type textObject struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

type block struct {
	Type     string            `json:"type"`
	Text     *textObject       `json:"text"`
	Fields   []textObject      `json:"fields"`
	Elements []json.RawMessage `json:"elements"`
}

// CheckBlocks validates a message's blocks as Slack does, for the kinds
// strikebot sends (header, section, context, divider). It returns "" when
// they are valid, else Slack's error code and a detail.
func CheckBlocks(raw json.RawMessage) (code, detail string) {
	var bs []block
	if err := json.Unmarshal(raw, &bs); err != nil {
		return "invalid_blocks", "blocks must be a JSON array of objects"
	}
	if len(bs) > MaxBlocks {
		return "invalid_blocks", fmt.Sprintf("no more than %d items allowed [json-pointer:/blocks]", MaxBlocks)
	}
	total := 0
	for i, b := range bs {
		at := fmt.Sprintf(" [json-pointer:/blocks/%d]", i)
		switch b.Type {
		case "header":
			if b.Text == nil || b.Text.Type != "plain_text" || b.Text.Text == "" {
				return "invalid_blocks", "header needs plain_text text" + at
			}
			if n := u16(b.Text.Text); n > MaxHeader {
				return "invalid_blocks", fmt.Sprintf("must be less than %d characters%s/text", MaxHeader+1, at)
			}
			total += u16(b.Text.Text)
		case "section":
			if b.Text == nil && len(b.Fields) == 0 {
				return "invalid_blocks", "section needs text or fields" + at
			}
			if b.Text != nil {
				if !textType(b.Text.Type) || b.Text.Text == "" {
					return "invalid_blocks", "invalid text object" + at + "/text"
				}
				if n := u16(b.Text.Text); n > MaxSection {
					return "invalid_blocks", fmt.Sprintf("must be less than %d characters%s/text", MaxSection+1, at)
				}
				total += u16(b.Text.Text)
			}
			if len(b.Fields) > MaxFields {
				return "invalid_blocks", fmt.Sprintf("no more than %d items allowed%s/fields", MaxFields, at)
			}
			for _, f := range b.Fields {
				if !textType(f.Type) || f.Text == "" || u16(f.Text) > MaxField {
					return "invalid_blocks", "invalid field" + at + "/fields"
				}
				total += u16(f.Text)
			}
		case "context":
			if len(b.Elements) == 0 || len(b.Elements) > MaxContext {
				return "invalid_blocks", fmt.Sprintf("context needs 1 to %d elements%s", MaxContext, at)
			}
			for _, e := range b.Elements {
				var t textObject
				if err := json.Unmarshal(e, &t); err != nil || !textType(t.Type) || t.Text == "" || u16(t.Text) > MaxSection {
					return "invalid_blocks", "invalid context element" + at + "/elements"
				}
				total += u16(t.Text)
			}
		case "divider":
		default:
			return "invalid_blocks", fmt.Sprintf("unsupported block type %q%s", b.Type, at)
		}
	}
	if total > MaxBlocksTotal {
		return "msg_blocks_too_long", fmt.Sprintf("blocks hold %d characters", total)
	}
	return "", ""
}

func textType(t string) bool { return t == "plain_text" || t == "mrkdwn" }

// u16 is the length of s in UTF-16 code units.
func u16(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
