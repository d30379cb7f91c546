package discordfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"unicode"
)

// nameRE is Discord's rule for command and option names (letters,
// digits, "-" and "_", 1 to 32 of them); they must also be lower case.
var nameRE = regexp.MustCompile(`^[-_\p{L}\p{N}]{1,32}$`)

type commandOption struct {
	Type         int             `json:"type"`
	Name         string          `json:"name"`
	Description  string          `json:"description"`
	Required     bool            `json:"required"`
	Autocomplete bool            `json:"autocomplete"`
	Choices      []Choice        `json:"choices"`
	Options      []commandOption `json:"options"`
	MinValue     *float64        `json:"min_value"`
	MaxValue     *float64        `json:"max_value"`
	MinLength    *int            `json:"min_length"`
	MaxLength    *int            `json:"max_length"`
}

type command struct {
	Type        int             `json:"type"`
	Name        string          `json:"name"`
	Description string          `json:"description"`
	Options     []commandOption `json:"options"`
}

// Commands returns the command definitions last registered globally
// (guild "") or in a guild, as sent.
func (s *Server) Commands(guild string) []json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]json.RawMessage(nil), s.commands[guild]...)
}

// Overwrites counts the bulk overwrites made globally (guild "") or in a
// guild.
func (s *Server) Overwrites(guild string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.puts[guild]
}

func (s *Server) putCommands(w http.ResponseWriter, app, guild string, body []byte) {
	if app != s.o.ApplicationID {
		s.apiError(w, http.StatusForbidden, 50001, "Missing Access")
		return
	}
	s.mu.Lock()
	known := guild == "" || s.guilds[guild]
	s.mu.Unlock()
	if !known {
		s.apiError(w, http.StatusForbidden, 50001, "Missing Access")
		return
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		s.formError(w, invalid("_misc", "BASE_TYPE_BAD_REQUEST", "Request body is not a list."))
		return
	}
	if len(raw) > 100 {
		s.formError(w, tooLong("_misc", 100))
		return
	}
	var out []map[string]any
	for i, r := range raw {
		var c command
		if err := json.Unmarshal(r, &c); err != nil {
			s.formError(w, invalid(fmt.Sprintf("%d", i), "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType"))
			return
		}
		if e := checkCommand(c, fmt.Sprintf("%d", i)); e != nil {
			s.formError(w, e)
			return
		}
		var generic map[string]any
		_ = json.Unmarshal(r, &generic)
		s.mu.Lock()
		generic["id"] = s.snowflake(s.o.Now())
		s.mu.Unlock()
		generic["application_id"] = app
		generic["version"] = generic["id"]
		if guild != "" {
			generic["guild_id"] = guild
		}
		out = append(out, generic)
	}
	s.mu.Lock()
	s.commands[guild] = raw
	s.puts[guild]++
	s.mu.Unlock()
	if out == nil {
		out = []map[string]any{}
	}
	writeJSON(w, http.StatusOK, out)
}

func checkName(path, name string) *FormError {
	if !nameRE.MatchString(name) {
		return invalid(path+".name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
	}
	for _, r := range name {
		if unicode.IsUpper(r) {
			return invalid(path+".name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
		}
	}
	return nil
}

func checkDescription(path, d string) *FormError {
	if n := length(d); n < 1 || n > 100 {
		return invalid(path+".description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
	}
	return nil
}

func checkCommand(c command, path string) *FormError {
	if c.Type != 0 && c.Type != 1 {
		return nil // user and message commands: not used by strikebot
	}
	if e := checkName(path, c.Name); e != nil {
		return e
	}
	if e := checkDescription(path, c.Description); e != nil {
		return e
	}
	if e := checkOptions(path+".options", c.Options, 0); e != nil {
		return e
	}
	if n := length(c.Name) + length(c.Description) + optionsSize(c.Options); n > MaxCommandSize {
		return invalid(path, "APPLICATION_COMMAND_TOO_LARGE", fmt.Sprintf("Command exceeds maximum size (%d)", MaxCommandSize))
	}
	return nil
}

// MaxCommandSize bounds the characters of a command's name and
// description and of all its options' names, descriptions and choices'
// names and values together.
const MaxCommandSize = 8000

// CommandSize is a command definition's size as Discord counts it
// against MaxCommandSize; -1 when raw is not a command.
func CommandSize(raw json.RawMessage) int {
	var c command
	if json.Unmarshal(raw, &c) != nil {
		return -1
	}
	return length(c.Name) + length(c.Description) + optionsSize(c.Options)
}

func optionsSize(opts []commandOption) int {
	n := 0
	for _, o := range opts {
		n += length(o.Name) + length(o.Description) + optionsSize(o.Options)
		for _, ch := range o.Choices {
			n += length(ch.Name) + length(fmt.Sprint(ch.Value))
		}
	}
	return n
}

// checkOptions checks a level of options under parent (0 the command, 1
// a subcommand, 2 a group): at most 25, unique names, subcommands and
// groups only where Discord nests them, required options before optional
// ones, choices and autocomplete not together.
func checkOptions(path string, opts []commandOption, parent int) *FormError {
	if len(opts) > 25 {
		return tooLong(path, 25)
	}
	seen := make(map[string]bool)
	optional := false
	for i, o := range opts {
		p := fmt.Sprintf("%s.%d", path, i)
		if e := checkName(p, o.Name); e != nil {
			return e
		}
		if seen[o.Name] {
			return invalid(p+".name", "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique")
		}
		seen[o.Name] = true
		if e := checkDescription(p, o.Description); e != nil {
			return e
		}
		nested := o.Type == 1 || o.Type == 2
		switch {
		case parent == 2 && o.Type != 1:
			return invalid(p+".type", "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Sub-command groups may only contain sub-commands")
		case parent == 1 && nested:
			return invalid(p+".type", "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Sub-commands can only be nested one level deep")
		}
		switch o.Type {
		case 1, 2:
			if e := checkOptions(p+".options", o.Options, o.Type); e != nil {
				return e
			}
		case 3, 4, 5, 6, 7, 8, 9, 10, 11:
			if len(o.Options) > 0 {
				return invalid(p+".options", "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Only sub-commands may have options")
			}
			if o.Required && optional {
				return invalid(p+".required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options")
			}
			if !o.Required {
				optional = true
			}
			if len(o.Choices) > 25 {
				return tooLong(p+".choices", 25)
			}
			if len(o.Choices) > 0 && o.Autocomplete {
				return invalid(p+".autocomplete", "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID", "Autocomplete cannot be set with choices")
			}
			for j, ch := range o.Choices {
				if n := length(ch.Name); n < 1 || n > 100 {
					return invalid(fmt.Sprintf("%s.choices.%d.name", p, j), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
				}
			}
			if o.MaxLength != nil && (*o.MaxLength < 1 || *o.MaxLength > 6000) {
				return invalid(p+".max_length", "NUMBER_TYPE_MAX", "int value should be less than or equal to 6000.")
			}
		default:
			return invalid(p+".type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.")
		}
	}
	return nil
}
