// Package bot is strikebot's platform-neutral chat layer: what an
// announcement of news says, independent of where it is posted. Platform
// adapters (bot/console today; Slack and Discord later) render it.
package bot
