package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/console"
	"github.com/strikebot/strikebot/strike"
)

// cmdChat runs the chat commands in the terminal: with arguments, one
// command ("/strike status" or "status") and exit; without, a prompt.
func cmdChat(ctx context.Context, args []string, e env) error {
	fs := newFlags("chat")
	flags := addConfigFlags(fs, true)
	campaign := campaignFlag(fs)
	words, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	cfg, st, err := openForRead(ctx, flags, e)
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := pickCampaign(cfg, *campaign)
	if err != nil {
		return err
	}
	text := strings.TrimSpace(strings.Join(words, " "))
	log := newLogger(cfg, e.stderr)
	// At a prompt on a terminal, logs keep clear of the prompt.
	var screen *console.Screen
	if text == "" && isTerminal(e.stdout) {
		screen = console.NewScreen(e.stdout)
		log = newLoggerTTY(cfg, screen.Wrap(e.stderr), isTerminal(e.stderr))
	}
	// Articles a stopped bot left unprocessed are queued for the channels
	// here too; the running bot delivers them.
	on := announcing{ann: newAnnouncer(cfg, st, log), window: cfg.Poll.AnnounceWindow, log: log}
	ds, err := openDesks(ctx, cfg, cfg.Campaigns(), st, on.onEvent)
	if err != nil {
		return err
	}
	// --campaign picks the one commands address unless they name another.
	campaigns := []strike.Campaign{c}
	for _, x := range cfg.Campaigns() {
		if x.ID != c.ID {
			campaigns = append(campaigns, x)
		}
	}
	router, err := newRouter(cfg, campaigns, ds, st, log, true)
	if err != nil {
		return err
	}
	if text != "" {
		reply := router.Handle(ctx, bot.Request{Destination: console.Destination, User: console.User, UserName: console.User, Text: text, At: time.Now()})
		_, err := io.WriteString(e.stdout, console.RenderReply(reply))
		return err
	}
	if _, err := fmt.Fprintln(e.stdout, `strikebot chat: type "help" for the commands, "quit" to leave.`); err != nil {
		return err
	}
	if screen != nil {
		return console.Chat(ctx, router, e.stdin, screen)
	}
	return console.Chat(ctx, router, e.stdin, e.stdout)
}

// cmdAudit lists the captains' actions, newest first.
func cmdAudit(ctx context.Context, args []string, e env) error {
	fs := newFlags("audit")
	flags := addConfigFlags(fs, true)
	limit := fs.Int("limit", 50, "at most `N` entries (0: all)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *limit < 0 {
		return usagef("--limit must be 0 or more")
	}
	_, st, err := openForRead(ctx, flags, e)
	if err != nil {
		return err
	}
	defer st.Close()
	entries, err := st.Audit(ctx, *limit)
	if err != nil {
		return fmt.Errorf("read the audit log: %w", err)
	}
	if *asJSON {
		type entry struct {
			ID      int64  `json:"id"`
			At      string `json:"at"`
			Where   string `json:"where"`
			User    string `json:"user"`
			Command string `json:"command"`
			Outcome string `json:"outcome"`
		}
		out := make([]entry, len(entries))
		for i, en := range entries {
			out[i] = entry{en.ID, en.At.UTC().Format(time.RFC3339), en.Destination.String(), en.User, en.Command, en.Outcome}
		}
		return writeJSON(e.stdout, out)
	}
	if len(entries) == 0 {
		_, err := fmt.Fprintln(e.stdout, "No captain actions recorded yet.")
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "WHEN (UTC)\tWHERE\tUSER\tCOMMAND\tOUTCOME")
	for _, en := range entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", en.At.UTC().Format("2006-01-02 15:04:05"), en.Destination,
			oneLineOf(en.User), bot.Truncate(oneLineOf(en.Command), 60), oneLineOf(en.Outcome))
	}
	return tw.Flush()
}

// oneLineOf keeps a stored value on one table line.
func oneLineOf(s string) string { return strings.Join(strings.Fields(s), " ") }
