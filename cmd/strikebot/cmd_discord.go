package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/strikebot/strikebot/bot/discord"
)

// cmdDiscordCommands prints the /strike command definition as the JSON
// body the bot registers with Discord (a bulk overwrite of the
// application's commands), its hash, or the link that adds the bot to a
// server.
func cmdDiscordCommands(_ context.Context, args []string, e env) error {
	fs := newFlags("discord-commands")
	flags := addConfigFlags(fs, false)
	hash := fs.Bool("hash", false, "print only the definition's hash (the bot registers again when it changes)")
	invite := fs.Bool("invite", false, "print the link a server admin follows to add the bot (needs discord.application_id)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *hash:
		_, err := fmt.Fprintln(e.stdout, discord.DefinitionHash())
		return err
	case *invite:
		cfg, _, err := flags.load(e)
		if err != nil {
			return err
		}
		if cfg.Discord.ApplicationID == "" {
			return &configError{errors.New("discord.application_id is empty: set it to the Application ID from the Developer Portal's General Information")}
		}
		_, err = fmt.Fprintln(e.stdout, discord.InviteURL(cfg.Discord.ApplicationID))
		return err
	}
	b, err := discord.DefinitionJSON()
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "%s\n", b)
	return err
}
