// Command strikebot follows news coverage of a strike and announces what is
// new. Run `strikebot help` for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	_ "time/tzdata" // campaigns name IANA zones; a fresh machine or image may lack /usr/share/zoneinfo
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	// Nothing reads heap profiles (there is no pprof endpoint), and their
	// records are memory inside memory_limit that the collector then
	// lacks: about 1.7 MB after a first ingest of 150,000 items.
	runtime.MemProfileRate = 0
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, lookup: os.LookupEnv, environ: os.Environ, setMemoryLimit: setMemoryLimit, setGCPercent: setGCPercent}))
}

// env is what a command may touch of the outside world, so tests can run
// commands without the process's own streams and environment.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	lookup         func(string) (string, bool)
	// environ lists the environment as "NAME=value" (os.Environ), so that
	// misspelt STRIKEBOT_ variables are caught; nil lists nothing.
	environ func() []string
	// setMemoryLimit applies the configuration's memory_limit to the
	// process (debug.SetMemoryLimit); nil, as in tests, applies nothing.
	setMemoryLimit func(bytes int64)
	// setGCPercent sets the collector's percentage (debug.SetGCPercent)
	// when memory_limit applies; nil, as in tests, sets nothing.
	setGCPercent func(percent int)
}

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran and failed
	exitUsage   = 2 // bad flags, arguments or configuration
)

// errUsage marks errors caused by how the command was called.
var errUsage = errors.New("usage")

// usageError is a command called wrongly; its text says how, once.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }
func (e *usageError) Is(target error) bool {
	return target == errUsage
}

// usagef returns a usage error.
func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// helpRequest is -h or --help given to a command: its usage goes to
// standard output and the command exits 0.
type helpRequest struct{ fs *flag.FlagSet }

func (*helpRequest) Error() string { return "help requested" }

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
		{"ingest", "[--config FILE] [--db DSN] [--feed URL ...] [--campaign ID] [--allow-private-networks]", "poll every feed once, store what is new, and exit", cmdIngest},
		{"articles", "[--config FILE] [--db DSN] [--campaign ID] [--limit N] [--json]", "list stored articles", cmdArticles},
		{"stories", "[--config FILE] [--db DSN] [--campaign ID] [--limit N] [--all] [--json]", "list stories: one per event, however many outlets covered it", cmdStories},
		{"status", "[--config FILE] [--db DSN] [--campaign ID] [--json]", "print the campaign's status card, with sources", cmdStatus},
		{"ask", "[--config FILE] [--db DSN] [--campaign ID] [--json] QUESTION", "answer a question from the coverage, with sources", cmdAsk},
		{"explain", "[--config FILE] [--db DSN] URL|ID", "say why an article was or was not treated as strike news", cmdExplain},
		{"chat", "[--config FILE] [--db DSN] [--campaign ID] [COMMAND]", "the chat commands in the terminal: one command, or a prompt", cmdChat},
		{"audit", "[--config FILE] [--db DSN] [--limit N] [--json]", "list captains' actions, newest first", cmdAudit},
		{"check-config", "[--config FILE] [--feeds]", "validate the configuration and print it with secrets redacted", cmdCheckConfig},
		{"discord-commands", "[--hash] [--invite [--config FILE]]", "print the /strike definition the bot registers with Discord (JSON), its hash, or the invite link", cmdDiscordCommands},
		{"healthcheck", "[--config FILE] [--url URL] [--timeout DURATION] [--strict]", "ask a running bot's /healthz whether it is well (exit 0) or not (exit 1)", cmdHealthcheck},
		{"version", "", "print the version", cmdVersion},
		{"help", "[COMMAND]", "list the commands, or explain one", nil},
	}
}

func cmdVersion(_ context.Context, args []string, e env) error {
	if err := parseFlags(newFlags("version"), args); err != nil {
		return err
	}
	_, err := fmt.Fprintf(e.stdout, "strikebot %s\n", version)
	return err
}

func run(ctx context.Context, args []string, e env) int {
	if len(args) == 0 {
		usage(e.stdout)
		return exitOK
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(e.stdout)
		return exitOK
	case "-version", "--version":
		args = []string{"version"}
	case "help":
		if len(args) == 1 {
			usage(e.stdout)
			return exitOK
		}
		if len(args) > 2 {
			fmt.Fprintf(e.stderr, "strikebot help: give one command, for example: strikebot help run\n")
			return exitUsage
		}
		if args[1] == "help" || strings.HasPrefix(args[1], "-") {
			usage(e.stdout)
			return exitOK
		}
		args = []string{args[1], "--help"}
	}
	for _, c := range commands() {
		if c.name != args[0] || c.run == nil {
			continue
		}
		err := c.run(ctx, args[1:], e)
		var help *helpRequest
		switch {
		case err == nil:
			return exitOK
		case errors.As(err, &help):
			commandUsage(e.stdout, c, help.fs)
			return exitOK
		case errors.Is(err, errUsage):
			fmt.Fprintf(e.stderr, "strikebot %s: %s\n", c.name, err)
			fmt.Fprintf(e.stderr, "usage: strikebot %s %s\n", c.name, c.args)
			fmt.Fprintf(e.stderr, "Run `strikebot %s --help` for details.\n", c.name)
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
	msg := fmt.Sprintf("unknown command %q", args[0])
	if strings.HasPrefix(args[0], "-") {
		msg = fmt.Sprintf("unknown flag %q (flags come after the command: strikebot run --config FILE)", args[0])
	}
	fmt.Fprintf(e.stderr, "strikebot: %s; run `strikebot help` for the list\n", msg)
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
	fmt.Fprintln(w, "Run `strikebot help COMMAND` (or `strikebot COMMAND --help`) for a command's flags and defaults.")
	fmt.Fprintln(w, "The configuration file is --config, else $STRIKEBOT_CONFIG, else ./strikebot.yaml if present;")
	fmt.Fprintln(w, "every setting can also come from the environment (STRIKEBOT_…). See README.md.")
}

// commandUsage prints a command's usage: its synopsis, what it does, and
// every flag with its default.
func commandUsage(w io.Writer, c command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: strikebot %s %s\n\n", c.name, c.args)
	fmt.Fprintf(w, "%s%s.\n", strings.ToUpper(c.short[:1]), c.short[1:])
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n == 0 {
		return
	}
	fmt.Fprintln(w, "\nFlags:")
	fs.VisitAll(func(f *flag.Flag) {
		name, text := flag.UnquoteUsage(f)
		head := "  --" + f.Name
		if name != "" {
			head += " " + strings.ToUpper(name)
		}
		fmt.Fprintln(w, head)
		line := "        " + text
		if def := f.DefValue; def != "" && def != "false" && def != "0" && def != "[]" {
			line += fmt.Sprintf(" (default %s)", def)
		}
		fmt.Fprintln(w, line)
	})
	fmt.Fprintln(w, "\nFlags may come before or after the other arguments; -x and --x are the same.")
}

// setMemoryLimit is debug.SetMemoryLimit, for env.setMemoryLimit.
func setMemoryLimit(bytes int64) { debug.SetMemoryLimit(bytes) }

// setGCPercent is debug.SetGCPercent, for env.setGCPercent.
func setGCPercent(percent int) { debug.SetGCPercent(percent) }
