// Package slack is strikebot's Slack edge: it verifies requests Slack
// signs, turns slash commands into bot.Requests, renders bot.Replies and
// bot.Posts as Block Kit within Slack's limits, and posts deliveries with
// chat.postMessage.
//
// Two ways in are supported. Socket Mode (RunSocketMode) needs no public
// URL: the bot dials Slack with an app-level token; its reconnections are
// paced (NewSocketClient) and every envelope is acknowledged in time
// whatever the load. HTTP mode (NewHandler) serves /slack/commands,
// /slack/interactions and /slack/events for those who host behind HTTPS.
// In both, an Asker answers supporters who mention the bot or write to it
// directly.
//
// CheckTokens asks Slack whether the tokens work; a token Slack refuses,
// at start or later, is a *TokenError naming its configuration key. Later,
// it turns Slack off in a bot.Platforms (the rest of the bot goes on), and
// posts wait in the outbox (bot.ErrPlatformOff).
//
// Every piece of text that reaches Slack is escaped (& < >) so that feed
// text or a user's words can never ping a channel or a person, nor make a
// link, and mrkdwn's markers (* _ ~ `) are replaced by look-alikes so that
// it can never format either; links are built only from URLs strikebot
// itself holds.
//
// Each posted message carries metadata naming its outbox delivery. When a
// delivery comes back after a try that may have gone out (the process died
// or lost Slack's answer), the Poster first looks for that metadata in the
// channel's recent history (scopes channels:history and groups:history)
// and, if found, records the existing message instead of posting again;
// without those scopes it posts again and logs that a duplicate is
// possible.
//
// The package imports only bot and strike of strikebot's packages.
package slack
