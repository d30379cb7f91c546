package main

import (
	"context"
	"fmt"

	"github.com/strikebot/strikebot/bot/discord"
)

// cmdDiscordCommands prints the /strike command definition as the JSON
// body the bot registers with Discord (a bulk overwrite of the
// application's commands), with its hash.
func cmdDiscordCommands(_ context.Context, args []string, e env) error {
	fs := newFlags("discord-commands")
	hash := fs.Bool("hash", false, "print only the definition's hash (the bot registers again when it changes)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *hash {
		_, err := fmt.Fprintln(e.stdout, discord.DefinitionHash())
		return err
	}
	b, err := discord.DefinitionJSON()
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "%s\n", b)
	return err
}
