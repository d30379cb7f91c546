// Package slack is strikebot's Slack edge: it verifies requests Slack
// signs, turns slash commands into bot.Requests, renders bot.Replies and
// bot.Posts as Block Kit within Slack's limits, and posts deliveries with
// chat.postMessage.
//
// Two ways in are supported. Socket Mode (RunSocketMode) needs no public
// URL: the bot dials Slack with an app-level token. HTTP mode (NewHandler)
// serves /slack/commands, /slack/interactions and /slack/events for those
// who host behind HTTPS.
//
// Every piece of text that reaches Slack is escaped (& < >) so that feed
// text or a user's words can never ping a channel or a person, nor make a
// link; links are built only from URLs strikebot itself holds.
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
