package feeds_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"
	"testing"

	"github.com/strikebot/strikebot/feeds"
	"github.com/strikebot/strikebot/feeds/fetch"
)

func TestPlain(t *testing.T) {
	wrap := func(err error) error { return fmt.Errorf("feeds: fetch https://example.test/rss: %w", err) }
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"blocked", wrap(fmt.Errorf("dial 10.0.0.1: %w (set allow_private_networks to allow it)", fetch.ErrBlocked)), "That address is on a private network, so the bot won't read it."},
		{"scheme", wrap(fetch.ErrScheme), "not a web address"},
		{"too large", wrap(fetch.ErrTooLarge), "too large"},
		{"redirects", wrap(fetch.ErrTooManyRedirects), "from one address to another"},
		{"timeout", wrap(fetch.ErrTimeout), "did not answer in time"},
		{"deadline", wrap(context.DeadlineExceeded), "did not answer in time"},
		{"html with link", &feeds.NotAFeedError{HTML: true, FeedLinks: []string{"https://example.test/feed.xml"}}, "try https://example.test/feed.xml instead."},
		{"html", &feeds.NotAFeedError{HTML: true}, "That is a web page, not a feed"},
		{"not a feed", wrap(&feeds.NotAFeedError{}), "There is no feed"},
		{"empty", wrap(feeds.ErrEmptyBody), "empty page"},
		{"404", wrap(&fetch.StatusError{Code: 404}), "no feed at that address (error 404)"},
		{"403", wrap(&fetch.StatusError{Code: 403}), "does not let the bot read"},
		{"429", wrap(&fetch.StatusError{Code: 429}), "slow down"},
		{"503", wrap(&fetch.StatusError{Code: 503}), "having trouble right now (error 503)"},
		{"418", wrap(&fetch.StatusError{Code: 418}), "refused the request (error 418)"},
		{"dns", wrap(&net.DNSError{Err: "no such host", Name: "exampel.test", IsNotFound: true}), "could not find that site"},
		{"refused", wrap(&net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}), "could not be reached"},
		{"other", errors.New("something odd: at line 3"), "The bot could not read the feed."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := feeds.Plain(tt.err)
			if !strings.Contains(got, tt.want) {
				t.Errorf("Plain = %q, want it to contain %q", got, tt.want)
			}
			// One sentence, without the error chain or a configuration key.
			if strings.Contains(got, "fetch:") || strings.Contains(got, "allow_private") || strings.Count(got, ". ") > 0 || !strings.HasSuffix(got, ".") {
				t.Errorf("Plain = %q: not one plain sentence", got)
			}
		})
	}
}
