// Package bot is strikebot's platform-neutral chat layer.
//
// A Router answers chat commands (a Request in, a Reply out): status,
// latest, story, ask, why, sources, campaign, help, and the captains'
// subscribe, unsubscribe, set, unset, announce, feeds (add with a preview,
// remove, pause, resume), retract, verdict, mute and unmute, checking
// workspaces, captains and each user's pace, and writing captains'
// actions to the audit log. One Router serves every campaign: a command
// is about its channel's campaign, or the one "campaign ID" names.
//
// An Announcer turns coverage's story events into outbox deliveries for
// every subscribed channel (new stories at once, updates in the story's
// thread, phase changes urgent, related stories and floods held for a
// digest, quiet hours respected). A Deliverer drains the outbox at each
// platform's pace, in order per channel, with retries, Retry-After, and
// permanent errors reported to the operations channel.
//
// Retracting a story edits each of its posts through the platform's
// Editor (an outbox delivery of KindRetract per post). A FeedWatch tells
// the operations channel about feeds failing for a day, once per spell.
//
// Platform adapters render and post: bot/console (the terminal),
// bot/slack and bot/discord; they implement Poster (and Editor where the
// platform can edit) and turn their requests into Requests.
package bot
