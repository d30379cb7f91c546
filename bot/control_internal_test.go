package bot

import (
	"testing"

	"github.com/strikebot/strikebot/strike"
)

// FuzzParseMention: whatever a captain types after "subscribe mention",
// what is stored is an ID that cannot carry markup: on Discord a role
// ID that is not the server's (@everyone), on Slack a group ID.
func FuzzParseMention(f *testing.F) {
	for _, s := range []string{"<@&1066666666666666666>", "1066666666666666666", "1034567890123456789", "@everyone", "<!subteam^S0CAP|@caps>",
		"S0CAPTAINS", "<@&12a>", "<@&>", "<!here>", "<@&1034567890123456789>", "<@&1<@&2>>"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, arg string, discord bool) {
		req := Request{Destination: strike.Destination{Platform: "slack", Workspace: "T1", Channel: "C1"}}
		if discord {
			req.Destination = strike.Destination{Platform: "discord", Workspace: "1034567890123456789", Channel: "1045678901234567890"}
		}
		id, err := parseMention(req, arg)
		if err != nil {
			if id != "" {
				t.Errorf("parseMention(%q) = %q with an error", arg, id)
			}
			return
		}
		if !ValidMention(id) {
			t.Errorf("parseMention(%q) = %q: not a valid mention ID", arg, id)
		}
		if discord && (!isSnowflake(id) || id == req.Workspace) {
			t.Errorf("parseMention(%q) on Discord = %q", arg, id)
		}
	})
}
