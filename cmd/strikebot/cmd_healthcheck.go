package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// cmdHealthcheck asks a running bot's /healthz how it is, for a container's
// HEALTHCHECK: exit 0 when it answers 200 (status ok, or degraded: a feed
// or a chat platform is failing, which a restart would not fix), 1
// otherwise (no answer, or 503: the database is unreachable). With
// --strict, degraded is a failure too.
func cmdHealthcheck(ctx context.Context, args []string, e env) error {
	fs := newFlags("healthcheck")
	flags := addConfigFlags(fs, false)
	target := fs.String("url", "", "`URL` of /healthz (default: from the configuration's listen, with 127.0.0.1 for an address on every interface)")
	timeout := fs.Duration("timeout", 5*time.Second, "give up after this `DURATION`")
	strict := fs.Bool("strict", false, "fail when the bot is degraded too, not only when it is down")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	u := *target
	if u == "" {
		cfg, _, err := flags.load(e)
		if err != nil {
			return err
		}
		if u, err = healthzURL(cfg.Listen); err != nil {
			return err
		}
	} else if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return usagef("--url %q is not an http URL such as http://127.0.0.1:9090/healthz", u)
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return fmt.Errorf("ask %s: %w", u, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("no answer from %s: %w (is the bot running, with listen set?)", u, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	var h struct {
		Status string `json:"status"`
	}
	_ = json.Unmarshal(body, &h)
	fmt.Fprintf(e.stdout, "%s: %d %s\n", u, resp.StatusCode, body)
	switch {
	case resp.StatusCode != http.StatusOK:
		return fmt.Errorf("unhealthy: %s answered %d (status %q)", u, resp.StatusCode, h.Status)
	case *strict && h.Status != "ok":
		return fmt.Errorf("not ok: status %q", h.Status)
	}
	return nil
}

// healthzURL is the /healthz URL of a bot listening on addr.
func healthzURL(addr string) (string, error) {
	if addr == "" {
		return "", &configError{errors.New(`listen is "" so the bot serves no /healthz: set listen (such as 127.0.0.1:9090), or pass --url`)}
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", &configError{fmt.Errorf("listen %q is not host:port", addr)}
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::", "[::]":
		host = "::1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz", nil
}
