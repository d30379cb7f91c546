package slackfake

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

func listGroups(t *testing.T, s *Server, form url.Values) map[string]any {
	t.Helper()
	res, err := http.Post(s.APIURL()+"usergroups.list", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", res.StatusCode)
	}
	var m map[string]any
	if err := json.NewDecoder(res.Body).Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestUserGroupsList(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.AddUserGroup("S0CAPT", "picket-captains", "U1", "U2")
	s.AddUserGroup("S0STEW", "stewards", "U2")
	s.AddUserGroup("S0OLD", "old", "U3")
	s.RemoveUserGroup("S0OLD")

	tests := []struct {
		name      string
		form      url.Values
		wantErr   string
		wantUsers bool
		wantCount bool
	}{
		{"no token", url.Values{"include_users": {"true"}}, "not_authed", false, false},
		{"bad token", url.Values{"token": {"xoxb-no"}}, "invalid_auth", false, false},
		{"plain", url.Values{"token": {"xoxb-fake"}}, "", false, false},
		{"users", url.Values{"token": {"xoxb-fake"}, "include_users": {"true"}}, "", true, false},
		{"users and count", url.Values{"token": {"xoxb-fake"}, "include_users": {"1"}, "include_count": {"true"}, "team_id": {"T0FAKE"}}, "", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := listGroups(t, s, tt.form)
			if tt.wantErr != "" {
				if m["ok"] != false || m["error"] != tt.wantErr {
					t.Errorf("answer = %v, want error %s", m, tt.wantErr)
				}
				return
			}
			groups, _ := m["usergroups"].([]any)
			if m["ok"] != true || len(groups) != 2 {
				t.Fatalf("answer = %v, want 2 groups", m)
			}
			g := groups[0].(map[string]any)
			if g["id"] != "S0CAPT" || g["handle"] != "picket-captains" || g["team_id"] != "T0FAKE" || g["is_usergroup"] != true {
				t.Errorf("group = %v", g)
			}
			users, hasUsers := g["users"]
			if hasUsers != tt.wantUsers {
				t.Errorf("users present = %v, want %v", hasUsers, tt.wantUsers)
			}
			if tt.wantUsers && !slices.Equal(toStrings(users), []string{"U1", "U2"}) {
				t.Errorf("users = %v", users)
			}
			if _, has := g["user_count"]; has != tt.wantCount {
				t.Errorf("user_count present = %v, want %v", has, tt.wantCount)
			}
		})
	}
	if got, want := s.Requests("usergroups.list"), len(tests); got != want {
		t.Errorf("requests = %d, want %d", got, want)
	}
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// TestUserGroupsSlackGo checks that slack-go reads the fake's answers.
func TestUserGroupsSlackGo(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.AddUserGroup("S0CAPT", "picket-captains", "U1")
	api := slack.New(s.BotToken(), slack.OptionAPIURL(s.APIURL()))
	ctx := context.Background()
	groups, err := api.GetUserGroupsContext(ctx, slack.GetUserGroupsOptionIncludeUsers(true), slack.GetUserGroupsOptionIncludeCount(true))
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 1 || groups[0].ID != "S0CAPT" || !slices.Equal(groups[0].Users, []string{"U1"}) || groups[0].UserCount != 1 {
		t.Errorf("groups = %+v", groups)
	}
	// Replacing the members of a group.
	s.AddUserGroup("S0CAPT", "picket-captains", "U7", "U8")
	groups, err = api.GetUserGroupsContext(ctx, slack.GetUserGroupsOptionIncludeUsers(true))
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 1 || !slices.Equal(groups[0].Users, []string{"U7", "U8"}) {
		t.Errorf("after replacing: groups = %+v", groups)
	}

	s.SetUserGroupsAllowed(false)
	_, err = api.GetUserGroupsContext(ctx)
	se, ok := errors.AsType[slack.SlackErrorResponse](err)
	if !ok || se.Err != "missing_scope" || se.Needed != "usergroups:read" {
		t.Errorf("err = %#v, want missing_scope needing usergroups:read", err)
	}
}
