package slack

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/slack-go/slack"

	"github.com/strikebot/strikebot/bot"
)

// Platform is the name this package reports its state under in a
// bot.Platforms.
const Platform = "slack"

// The configuration keys of the two tokens, as TokenError names them.
const (
	BotTokenKey = "slack.bot_token"
	AppTokenKey = "slack.app_token"
)

// refusedCodes are the errors with which Slack refuses a token itself (not
// a request): no retry can fix them.
var refusedCodes = []string{
	"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
	"not_allowed_token_type", "team_access_not_granted", "ekm_access_denied", "missing_scope",
}

// TokenError is a token Slack refused: wrong, revoked, of the wrong kind,
// or lacking the scope the call needs. No retry can fix it; its text names
// the configuration key and says what to do, and never holds the token.
type TokenError struct {
	// Key is BotTokenKey or AppTokenKey.
	Key string
	// Code is Slack's error, such as "invalid_auth" or "token_revoked".
	Code string
}

func (e *TokenError) Error() string {
	return fmt.Sprintf("Slack refused %s (%s): %s", e.Key, e.Code, e.Hint())
}

// Hint says what to do about the refused token.
func (e *TokenError) Hint() string {
	switch {
	case e.Key == AppTokenKey && e.Code == "not_allowed_token_type":
		return `it is not an app-level token: make one ("xapp-…", scope connections:write) under the app's Basic Information → App-Level Tokens`
	case e.Key == AppTokenKey && e.Code == "missing_scope":
		return "the app-level token lacks the connections:write scope: make a new one with it under Basic Information → App-Level Tokens"
	case e.Key == AppTokenKey:
		return `copy a valid app-level token ("xapp-…", scope connections:write) from the app's Basic Information → App-Level Tokens into slack.app_token (or STRIKEBOT_SLACK_APP_TOKEN), and check that Socket Mode is on for the app`
	case e.Code == "not_allowed_token_type":
		return `it is not a bot token: copy the Bot User OAuth Token ("xoxb-…") from the app's OAuth & Permissions page`
	case e.Code == "token_revoked" || e.Code == "account_inactive" || e.Code == "token_expired":
		return `the app was uninstalled or its token revoked: reinstall the app to the workspace and copy the new Bot User OAuth Token ("xoxb-…") into slack.bot_token (or STRIKEBOT_SLACK_BOT_TOKEN)`
	default:
		return `copy the Bot User OAuth Token ("xoxb-…") from the app's OAuth & Permissions page into slack.bot_token (or STRIKEBOT_SLACK_BOT_TOKEN)`
	}
}

// tokenRefused returns the TokenError for key when err is Slack refusing
// the token, else nil.
func tokenRefused(key string, err error) *TokenError {
	if se, ok := errors.AsType[slack.SlackErrorResponse](err); ok && slices.Contains(refusedCodes, se.Err) {
		return &TokenError{Key: key, Code: se.Err}
	}
	if sc, ok := errors.AsType[slack.StatusCodeError](err); ok && sc.Code == http.StatusUnauthorized {
		return &TokenError{Key: key, Code: "invalid_auth"}
	}
	return nil
}

// Identity is who the bot token belongs to, as auth.test says.
type Identity struct {
	TeamID, Team string
	// UserID is the bot's own user ("U…"), BotID its bot ("B…").
	UserID, BotID string
}

// CheckOptions configure CheckTokens.
type CheckOptions struct {
	BotToken string
	// AppToken, when set, is checked with apps.connections.open (Socket
	// Mode); the connection it opens is not used.
	AppToken string
	// APIURL defaults to DefaultAPIURL.
	APIURL string
	// Client defaults to a client with a 10 s timeout.
	Client *http.Client
}

// CheckTokens asks Slack whether the tokens work: auth.test with the bot
// token, and apps.connections.open with the app token when there is one.
// A token Slack refuses is a *TokenError; any other error means Slack
// could not be asked (network, outage, rate limit) and says nothing about
// the tokens.
func CheckTokens(ctx context.Context, o CheckOptions) (Identity, error) {
	if o.APIURL == "" {
		o.APIURL = DefaultAPIURL
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 10 * time.Second}
	}
	opts := []slack.Option{slack.OptionAPIURL(o.APIURL), slack.OptionHTTPClient(o.Client)}
	if o.AppToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(o.AppToken))
	}
	api := slack.New(o.BotToken, opts...)
	resp, err := api.AuthTestContext(ctx)
	if err != nil {
		if te := tokenRefused(BotTokenKey, err); te != nil {
			return Identity{}, te
		}
		return Identity{}, fmt.Errorf("slack: auth.test: %w", err)
	}
	id := Identity{TeamID: resp.TeamID, Team: resp.Team, UserID: resp.UserID, BotID: resp.BotID}
	if o.AppToken != "" {
		if _, _, err := api.StartSocketModeContext(ctx); err != nil {
			if te := tokenRefused(AppTokenKey, err); te != nil {
				return id, te
			}
			return id, fmt.Errorf("slack: apps.connections.open: %w", err)
		}
	}
	return id, nil
}

// stopFor marks Slack off in platforms for a refused token and returns the
// error a Poster returns for it.
func stopFor(platforms *bot.Platforms, te *TokenError) error {
	platforms.Stop(Platform, te.Error())
	return fmt.Errorf("slack: %w: %s", bot.ErrPlatformOff, te.Error())
}
