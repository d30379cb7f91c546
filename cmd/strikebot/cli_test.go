package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var helpFlagRE = regexp.MustCompile(`(?m)^  --([a-z-]+)`)

// TestEveryCommandHelp runs `CMD --help`, `CMD -h` and `help CMD` for
// every command: exit 0, the usage on standard output, and every flag
// listed with the synopsis naming each one.
func TestEveryCommandHelp(t *testing.T) {
	chdir(t)
	for _, c := range commands() {
		if c.run == nil {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, context.Background(), nil, c.name, "--help")
			if code != exitOK || errOut != "" {
				t.Fatalf("%s --help: code %d, stderr %q", c.name, code, errOut)
			}
			if !strings.HasPrefix(out, "usage: strikebot "+c.name) {
				t.Errorf("%s --help starts %q", c.name, firstLine(out))
			}
			for _, args := range [][]string{{c.name, "-h"}, {"help", c.name}, {c.name, "-help"}} {
				code, again, _ := runCmd(t, context.Background(), nil, args...)
				if code != exitOK || again != out {
					t.Errorf("%q: code %d, output differs from --help:\n%s", args, code, again)
				}
			}
			for _, m := range helpFlagRE.FindAllStringSubmatch(out, -1) {
				if !strings.Contains(c.args, "--"+m[1]) {
					t.Errorf("the synopsis %q lacks --%s, which --help lists", c.args, m[1])
				}
			}
			for _, m := range regexp.MustCompile(`--([a-z-]+)`).FindAllStringSubmatch(c.args, -1) {
				if !strings.Contains(out, "\n  --"+m[1]) {
					t.Errorf("--help does not list --%s:\n%s", m[1], out)
				}
			}
		})
	}
}

func TestHelpOfHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"help", "help"}, {"help", "--help"}, {"-h"}, {"--help"}, {}} {
		code, out, _ := runCmd(t, context.Background(), nil, args...)
		if code != exitOK || !strings.Contains(out, "Commands:") || !strings.Contains(out, "healthcheck") {
			t.Errorf("%q: code %d\n%s", args, code, out)
		}
	}
	if code, _, errOut := runCmd(t, context.Background(), nil, "help", "frobnicate"); code != exitUsage || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("help of an unknown command: code %d, %s", code, errOut)
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

func TestHelpShowsDefaults(t *testing.T) {
	chdir(t)
	_, out, _ := runCmd(t, context.Background(), nil, "demo", "--help")
	for _, want := range []string{"  --every DURATION", "(default 2s)", "  --db DSN", "  --verbose"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo --help lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = runCmd(t, context.Background(), nil, "audit", "--help")
	if !strings.Contains(out, "(default 50)") {
		t.Errorf("audit --help lacks the --limit default:\n%s", out)
	}
}

func TestVersionFlag(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-version"}, {"version"}} {
		code, out, _ := runCmd(t, context.Background(), nil, args...)
		if code != exitOK || out != "strikebot "+version+"\n" {
			t.Errorf("%q: code %d, output %q", args, code, out)
		}
	}
	if code, _, _ := runCmd(t, context.Background(), nil, "version", "extra"); code != exitUsage {
		t.Errorf("version extra: code %d, want %d", code, exitUsage)
	}
}

func TestUsageErrorSaysItOnce(t *testing.T) {
	chdir(t)
	code, out, errOut := runCmd(t, context.Background(), nil, "articles", "--limit", "x")
	if code != exitUsage || out != "" {
		t.Fatalf("code %d, stdout %q", code, out)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], `strikebot articles: invalid value "x" for flag -limit`) ||
		!strings.HasPrefix(lines[1], "usage: strikebot articles [--config FILE]") || !strings.Contains(lines[2], "strikebot articles --help") {
		t.Errorf("stderr:\n%s", errOut)
	}
	if strings.Count(errOut, "usage") != 1 {
		t.Errorf("stderr says usage more than once:\n%s", errOut)
	}
	code, _, errOut = runCmd(t, context.Background(), nil, "--config", "x.yaml", "run")
	if code != exitUsage || !strings.Contains(errOut, `unknown flag "--config" (flags come after the command`) {
		t.Errorf("flag before the command: code %d, stderr %q", code, errOut)
	}
}

func TestFlagsAfterArguments(t *testing.T) {
	chdir(t)
	srv := testFeedServer(t)
	db := "sqlite:" + filepath.Join(t.TempDir(), "i.db")
	ctx := context.Background()
	vars := map[string]string{"STRIKEBOT_POLL_FULL_TEXT": "false"}
	if code, out, errOut := runCmd(t, ctx, vars, "ingest", "--feed", srv.URL+"/rss", "--db", db, "--allow-private-networks"); code != exitOK {
		t.Fatalf("ingest: %d\n%s%s", code, out, errOut)
	}
	code, out, errOut := runCmd(t, ctx, nil, "ask", "how many workers are on strike?", "--json", "--db", db)
	if code != exitOK || !strings.Contains(out, `"answer"`) || !strings.Contains(out, "2,400") {
		t.Errorf("ask QUESTION --json: code %d\n%s%s", code, out, errOut)
	}
	code, out, _ = runCmd(t, ctx, nil, "explain", "1", "--db", db)
	if code != exitOK || !strings.Contains(out, "Article 1:") {
		t.Errorf("explain ID --db: code %d\n%s", code, out)
	}
	// After "--" everything is an argument.
	code, out, _ = runCmd(t, ctx, nil, "ask", "--db", db, "--", "--json")
	if code != exitOK || strings.Contains(out, `"answer"`) {
		t.Errorf("ask -- --json: code %d\n%s", code, out)
	}
}

func TestEnvTypoFailsCheckConfig(t *testing.T) {
	chdir(t)
	code, out, errOut := runCmd(t, context.Background(), map[string]string{
		"STRIKEBOT_POLL_INTERVALL": "5m",
		"STRIKEBOT_LISTEN":         "127.0.0.1:0",
	}, "check-config")
	if code != exitUsage || out != "" {
		t.Fatalf("code %d, stdout %q", code, out)
	}
	if !strings.Contains(errOut, "STRIKEBOT_POLL_INTERVALL is not a strikebot setting (did you mean STRIKEBOT_POLL_INTERVAL?)") {
		t.Errorf("stderr: %s", errOut)
	}
}

// TestEnvTypoBinary is the same through the built binary and its real
// environment.
func TestEnvTypoBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	cmd := exec.Command(binary(t), "check-config")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "STRIKEBOT_SLACK_BOT_TOKN=xoxb-1", "STRIKEBOT_POLL_INTERVAL=5s")
	out, err := cmd.CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != exitUsage {
		t.Fatalf("err = %v, want exit %d\n%s", err, exitUsage, out)
	}
	for _, want := range []string{
		"STRIKEBOT_SLACK_BOT_TOKN is not a strikebot setting (did you mean STRIKEBOT_SLACK_BOT_TOKEN?)",
		`config: STRIKEBOT_POLL_INTERVAL: key "poll.interval": value "5s" is too short`,
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "xoxb-1") {
		t.Errorf("output shows the token:\n%s", out)
	}
}

func TestCheckConfigWarnsAboutSlack(t *testing.T) {
	chdir(t)
	vars := map[string]string{"STRIKEBOT_SLACK_BOT_TOKEN": "xoxb-1", "STRIKEBOT_SLACK_APP_TOKEN": "xapp-1"}
	code, _, errOut := runCmd(t, context.Background(), vars, "check-config")
	if code != exitOK {
		t.Fatalf("code %d, stderr %s", code, errOut)
	}
	for _, want := range []string{"warning: slack.workspaces is empty", "warning: bot.captains is empty"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestCheckConfigEveryProblemAtOnce(t *testing.T) {
	dir := chdir(t)
	path := filepath.Join(dir, "strikebot.yaml")
	os.WriteFile(path, []byte("poll:\n  intervl: 5m\n  concurrency: 0\nslack:\n  mode: carrier-pigeon\n"), 0o600)
	code, _, errOut := runCmd(t, context.Background(), map[string]string{"STRIKEBOT_BOT_RATELIMIT": "5"}, "check-config")
	if code != exitUsage {
		t.Fatalf("code %d", code)
	}
	for _, want := range []string{
		"STRIKEBOT_BOT_RATELIMIT is not a strikebot setting (did you mean STRIKEBOT_BOT_RATE_LIMIT?)",
		`strikebot.yaml line 2: unknown key "poll.intervl" (did you mean "poll.interval"?)`,
		`strikebot.yaml line 3: key "poll.concurrency": value "0" is too small`,
		`strikebot.yaml line 5: key "slack.mode": value "carrier-pigeon" is unknown`,
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestHealthcheck(t *testing.T) {
	chdir(t)
	status, code := `{"status":"ok"}`, http.StatusOK
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(code)
		fmt.Fprint(w, status)
	}))
	defer srv.Close()
	listen := strings.TrimPrefix(srv.URL, "http://")
	ctx := context.Background()
	vars := map[string]string{"STRIKEBOT_LISTEN": listen}
	if c, out, errOut := runCmd(t, ctx, vars, "healthcheck"); c != exitOK || !strings.Contains(out, `"ok"`) {
		t.Errorf("ok: code %d\n%s%s", c, out, errOut)
	}
	status = `{"status":"degraded"}`
	if c, _, _ := runCmd(t, ctx, vars, "healthcheck"); c != exitOK {
		t.Errorf("degraded: code %d, want 0", c)
	}
	if c, _, _ := runCmd(t, ctx, vars, "healthcheck", "--strict"); c != exitFailure {
		t.Errorf("degraded --strict: code %d, want 1", c)
	}
	status, code = `{"status":"unavailable"}`, http.StatusServiceUnavailable
	if c, _, errOut := runCmd(t, ctx, vars, "healthcheck"); c != exitFailure || !strings.Contains(errOut, "503") {
		t.Errorf("unavailable: code %d, %s", c, errOut)
	}
	srv.Close()
	if c, _, errOut := runCmd(t, ctx, nil, "healthcheck", "--url", srv.URL+"/healthz", "--timeout", "2s"); c != exitFailure || !strings.Contains(errOut, "no answer") {
		t.Errorf("down: code %d, %s", c, errOut)
	}
	if c, _, errOut := runCmd(t, ctx, map[string]string{"STRIKEBOT_LISTEN": ""}, "healthcheck"); c != exitUsage || !strings.Contains(errOut, "pass --url") {
		t.Errorf("listen off: code %d, %s", c, errOut)
	}
	for addr, want := range map[string]string{"0.0.0.0:9090": "http://127.0.0.1:9090/healthz", ":9090": "http://127.0.0.1:9090/healthz", "[::]:9090": "http://[::1]:9090/healthz", "10.0.0.5:80": "http://10.0.0.5:80/healthz"} {
		if got, err := healthzURL(addr); err != nil || got != want {
			t.Errorf("healthzURL(%q) = %q, %v; want %q", addr, got, err, want)
		}
	}
}

// TestMemoryLimit checks that a command hands memory_limit to the process
// (debug.SetMemoryLimit in main) with the collector's percentage for it,
// and leaves the process alone when the limit is 0 or GOMEMLIMIT already
// chose one; a GOGC of the operator's keeps its percentage.
func TestMemoryLimit(t *testing.T) {
	chdir(t)
	for _, tc := range []struct {
		name   string
		vars   map[string]string
		want   int64 // -1: not applied
		wantGC int   // -1: not applied
	}{
		{"default", nil, 40 << 20, gcPercentUnderLimit},
		{"configured", map[string]string{"STRIKEBOT_MEMORY_LIMIT": "64MiB"}, 64 << 20, gcPercentUnderLimit},
		{"off", map[string]string{"STRIKEBOT_MEMORY_LIMIT": "0"}, -1, -1},
		{"GOMEMLIMIT wins", map[string]string{"GOMEMLIMIT": "200MiB"}, -1, -1},
		{"GOGC kept", map[string]string{"GOGC": "50"}, 40 << 20, -1},
		{"PostgreSQL default", map[string]string{"STRIKEBOT_DB": "postgres://bot@127.0.0.1:1/none"}, 64 << 20, gcPercentUnderLimit},
		{"PostgreSQL, set", map[string]string{"STRIKEBOT_DB": "postgres://bot@127.0.0.1:1/none", "STRIKEBOT_MEMORY_LIMIT": "40MiB"}, 40 << 20, gcPercentUnderLimit},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, gotGC := int64(-1), -1
			var out, errOut bytes.Buffer
			lookup := func(k string) (string, bool) { v, ok := tc.vars[k]; return v, ok }
			code := run(context.Background(), []string{"check-config"}, env{
				stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, lookup: lookup,
				setMemoryLimit: func(b int64) { got = b }, setGCPercent: func(p int) { gotGC = p },
			})
			if code != exitOK {
				t.Fatalf("check-config: exit %d, %s", code, errOut.String())
			}
			if got != tc.want {
				t.Errorf("memory limit applied: %d, want %d", got, tc.want)
			}
			if gotGC != tc.wantGC {
				t.Errorf("GC percent applied: %d, want %d", gotGC, tc.wantGC)
			}
		})
	}
}

// TestMemoryLimitFollowsDBFlag checks that --db decides memory_limit's
// default as the configuration's db does: PostgreSQL's is larger, since
// its page cache is not in the process.
func TestMemoryLimitFollowsDBFlag(t *testing.T) {
	chdir(t)
	got := int64(-1)
	var out, errOut bytes.Buffer
	run(context.Background(), []string{"articles", "--db", "postgres://bot@127.0.0.1:1/none?connect_timeout=1"}, env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errOut,
		lookup:         func(string) (string, bool) { return "", false },
		setMemoryLimit: func(b int64) { got = b },
	})
	if got != 64<<20 {
		t.Errorf("memory limit with --db postgres://…: %d, want %d (stderr: %s)", got, 64<<20, errOut.String())
	}
}
