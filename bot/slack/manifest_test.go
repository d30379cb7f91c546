package slack

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestManifest checks the shipped app manifest against what the code
// needs: the scopes and events it uses, and URLs that the Handler serves.
func TestManifest(t *testing.T) {
	data, err := os.ReadFile("../../slack-app-manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features struct {
			AppHome struct {
				MessagesTab         bool `yaml:"messages_tab_enabled"`
				MessagesTabReadOnly bool `yaml:"messages_tab_read_only_enabled"`
			} `yaml:"app_home"`
			SlashCommands []struct {
				Command, URL string
			} `yaml:"slash_commands"`
		}
		OAuth struct {
			Scopes struct{ Bot []string }
		} `yaml:"oauth_config"`
		Settings struct {
			Events struct {
				RequestURL string   `yaml:"request_url"`
				BotEvents  []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
			Interactivity struct {
				RequestURL string `yaml:"request_url"`
			}
			SocketMode bool `yaml:"socket_mode_enabled"`
		}
	}
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"commands", "chat:write", "app_mentions:read", "im:history", "channels:history", "groups:history", "usergroups:read"} {
		if !slices.Contains(m.OAuth.Scopes.Bot, s) {
			t.Errorf("manifest lacks the scope %s", s)
		}
	}
	for _, e := range []string{"app_mention", "message.im"} {
		if !slices.Contains(m.Settings.Events.BotEvents, e) {
			t.Errorf("manifest lacks the event %s", e)
		}
	}
	if !m.Features.AppHome.MessagesTab || m.Features.AppHome.MessagesTabReadOnly {
		t.Error("manifest does not let people write to the bot")
	}
	if !m.Settings.SocketMode {
		t.Error("manifest does not turn Socket Mode on (the default mode)")
	}
	if len(m.Features.SlashCommands) != 1 || m.Features.SlashCommands[0].Command != "/strike" {
		t.Fatalf("slash commands = %+v", m.Features.SlashCommands)
	}
	// Each URL names a path the Handler serves (it answers an unsigned
	// POST with 401, an unknown path with 404).
	h := NewHandler(HandlerOptions{SigningSecret: "s", Teams: []string{"T1"}, Router: &recorder{}})
	for _, raw := range []string{m.Features.SlashCommands[0].URL, m.Settings.Events.RequestURL, m.Settings.Interactivity.RequestURL} {
		u, err := url.Parse(raw)
		if err != nil || u.Scheme != "https" {
			t.Errorf("manifest URL %q is not https", raw)
			continue
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, u.Path, nil))
		if w.Code != http.StatusUnauthorized {
			t.Errorf("manifest URL %s: the handler answers %d, not 401: not a path it serves", raw, w.Code)
		}
	}
}
