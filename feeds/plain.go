package feeds

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"syscall"

	"github.com/strikebot/strikebot/feeds/fetch"
)

// Plain says in one sentence a picket captain can act on why a feed could
// not be read: no Go error chain, no configuration key, no secret. err is
// an error of fetch.Client.Get or Parse (wrapped or not); the log keeps
// the error itself.
func Plain(err error) string {
	var (
		nf  *NotAFeedError
		se  *fetch.StatusError
		dns *net.DNSError
	)
	switch {
	case err == nil:
		return ""
	case errors.Is(err, fetch.ErrBlocked):
		return "That address is on a private network, so the bot won't read it."
	case errors.Is(err, fetch.ErrScheme), errors.Is(err, fetch.ErrInvalidURL):
		return "That is not a web address the bot can read; give one starting with https://."
	case errors.Is(err, fetch.ErrTooLarge):
		return "The feed is too large for the bot to read."
	case errors.Is(err, fetch.ErrTooManyRedirects):
		return "The site keeps sending the bot from one address to another, so it never gets to the feed."
	case errors.Is(err, fetch.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return "The site did not answer in time."
	case errors.Is(err, fetch.ErrEncoding):
		return "The site sent data the bot could not decode."
	case errors.As(err, &nf):
		switch {
		case nf.HTML && len(nf.FeedLinks) > 0:
			return "That is a web page, not a feed; try " + nf.FeedLinks[0] + " instead."
		case nf.HTML:
			return "That is a web page, not a feed; news sites usually link their feed as RSS, often at an address ending in /feed or /rss."
		}
		return "There is no feed the bot can read at that address."
	case errors.Is(err, ErrEmptyBody):
		return "The site sent an empty page instead of its feed."
	case errors.As(err, &se):
		return statusPlain(se.Code)
	case errors.As(err, &dns):
		return "The bot could not find that site; check the spelling of the address."
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return "The site could not be reached."
	}
	return "The bot could not read the feed."
}

// statusPlain says what an HTTP error status means for a feed.
func statusPlain(code int) string {
	switch {
	case code == http.StatusNotFound || code == http.StatusGone:
		return fmt.Sprintf("The site says there is no feed at that address (error %d).", code)
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		return fmt.Sprintf("The site does not let the bot read that feed (error %d).", code)
	case code == http.StatusTooManyRequests:
		return "The site asked the bot to slow down (error 429); it will try again later."
	case code >= 500:
		return fmt.Sprintf("The site is having trouble right now (error %d).", code)
	}
	return fmt.Sprintf("The site refused the request (error %d).", code)
}
