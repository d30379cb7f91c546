// Command strikebot follows news coverage of a strike and announces what is
// new. Run `strikebot help` for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, lookup: os.LookupEnv}))
}

// env is what a command may touch of the outside world, so tests can run
// commands without the process's own streams and environment.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	lookup         func(string) (string, bool)
}

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran and failed
	exitUsage   = 2 // bad flags, arguments or configuration
)

// errUsage marks errors caused by how the command was called.
var errUsage = errors.New("usage")

type command struct {
	name  string
	args  string
	short string
	run   func(ctx context.Context, args []string, e env) error
}

func commands() []command {
	return []command{
		{"demo", "[--db DSN] [--every DURATION] [--verbose]", "run the bot offline against a built-in demo news site", cmdDemo},
		{"run", "[--config FILE] [--db DSN]", "poll the configured feeds and announce new strike news until stopped", cmdRun},
		{"ingest", "[--config FILE] [--db DSN] [--feed URL ...] [--allow-private-networks]", "poll every feed once, store what is new, and exit", cmdIngest},
		{"articles", "[--config FILE] [--db DSN] [--campaign ID] [--limit N] [--json]", "list stored articles", cmdArticles},
		{"stories", "[--config FILE] [--db DSN] [--campaign ID] [--limit N] [--json]", "list stories: one per event, however many outlets covered it", cmdStories},
		{"status", "[--config FILE] [--db DSN] [--campaign ID] [--json]", "print the campaign's status card, with sources", cmdStatus},
		{"ask", "[--config FILE] [--db DSN] [--campaign ID] [--json] QUESTION", "answer a question from the coverage, with sources", cmdAsk},
		{"explain", "[--config FILE] [--db DSN] URL|ID", "say why an article was or was not treated as strike news", cmdExplain},
		{"chat", "[--config FILE] [--db DSN] [--campaign ID] [COMMAND]", "the chat commands in the terminal: one command, or a prompt", cmdChat},
		{"audit", "[--config FILE] [--db DSN] [--limit N] [--json]", "list captains' actions, newest first", cmdAudit},
		{"check-config", "[--config FILE] [--feeds]", "validate the configuration and print it with secrets redacted", cmdCheckConfig},
		{"discord-commands", "[--hash] [--invite [--config FILE]]", "print the /strike definition the bot registers with Discord (JSON), its hash, or the invite link", cmdDiscordCommands},
		{"version", "", "print the version", func(_ context.Context, _ []string, e env) error {
			fmt.Fprintf(e.stdout, "strikebot %s\n", version)
			return nil
		}},
	}
}

func run(ctx context.Context, args []string, e env) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], e)
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, errUsage):
			fmt.Fprintf(e.stderr, "strikebot %s: %s\n", c.name, err)
			fmt.Fprintf(e.stderr, "usage: strikebot %s %s\n", c.name, c.args)
			return exitUsage
		case errors.Is(err, context.Canceled) && ctx.Err() != nil:
			return exitOK
		default:
			fmt.Fprintf(e.stderr, "strikebot %s: %s\n", c.name, err)
			var ce *configError
			if errors.As(err, &ce) {
				return exitUsage
			}
			return exitFailure
		}
	}
	fmt.Fprintf(e.stderr, "strikebot: unknown command %q; run `strikebot help` for the list\n", args[0])
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "strikebot follows news coverage of a strike and announces what is new.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-13s %s\n", c.name, c.short)
		if c.args != "" {
			fmt.Fprintf(w, "  %-13s   strikebot %s %s\n", "", c.name, c.args)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "The configuration file is --config, else $STRIKEBOT_CONFIG, else ./strikebot.yaml if present;")
	fmt.Fprintln(w, "every setting can also come from the environment (STRIKEBOT_…). See README.md.")
}
