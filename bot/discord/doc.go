// Package discord is strikebot's Discord edge: the same bot as on Slack,
// on the same router, announcer and outbox.
//
// An Edge answers the /strike slash command, whose subcommands and typed
// options (with choices and autocomplete) mirror the router's commands
// (Definition). Interactions arrive over the gateway (Run in gateway mode:
// an outgoing WebSocket with the Guilds intent only, reconnecting and
// resuming on its own) or at the HTTP interactions endpoint (ServeHTTP in
// http mode), where every request's Ed25519 signature is verified before
// anything is read. Answers come within Discord's 3 seconds, deferred and
// edited later when the work is slow; answers to one person are
// ephemeral. The command is registered with one bulk overwrite, only when
// its definition's hash differs from the one stored at the last
// registration (Discord caps command creations per day).
//
// A Poster posts outbox deliveries as embeds within Discord's limits,
// with allowed_mentions {"parse": []} on every message (a phase change
// lets through the one role its channel chose, never @everyone) and
// every piece of feed text escaped for Discord markdown, times in the
// channel's time zone; updates of a story go into a thread started from
// the story's message. It is a bot.Editor: a retracted story's posts,
// in the channel and in the thread, are edited in place. Its permanent
// errors say plainly what happened (bot.Plainer) for the ops channel. The REST client behind it owns
// Discord's rate limits (route buckets, the global limit, 429s with
// float retry_after) and hands every wait back to the outbox instead of
// sleeping; after a crash, a delivery is looked up by the reference in its
// footer before it is posted again, and every post carries a nonce with
// enforce_nonce.
//
// The package imports only bot and strike of strikebot's packages.
// discordfake is a fake Discord (REST and gateway) for tests.
package discord
