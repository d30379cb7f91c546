package slackfake

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// userGroup is one user group of the fake workspace.
type userGroup struct {
	id, handle string
	users      []string
	created    int64
}

// userGroupState is the fake's user groups; guarded by Server.mu.
type userGroupState struct {
	groups  []*userGroup
	noScope bool
	// hold, when not nil, is closed by ReleaseUserGroups: usergroups.list
	// calls wait on it.
	hold chan struct{}
}

// AddUserGroup creates the user group id ("S…") with its handle (the
// name after @ in Slack) and members, or replaces the handle and members of
// an existing group with that ID.
func (s *Server) AddUserGroup(id, handle string, users ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	users = slices.Clone(users)
	for _, g := range s.ug.groups {
		if g.id == id {
			g.handle, g.users = handle, users
			return
		}
	}
	s.ug.groups = append(s.ug.groups, &userGroup{id: id, handle: handle, users: users, created: s.opts.Now().Unix()})
}

// RemoveUserGroup deletes a user group; usergroups.list no longer lists
// it.
func (s *Server) RemoveUserGroup(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ug.groups = slices.DeleteFunc(s.ug.groups, func(g *userGroup) bool { return g.id == id })
}

// SetUserGroupsAllowed says whether usergroups.list works (true, the
// default) or answers missing_scope, as for an app installed without
// usergroups:read.
func (s *Server) SetUserGroupsAllowed(ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ug.noScope = !ok
}

// HoldUserGroups makes the usergroups.list calls that follow wait without
// an answer until ReleaseUserGroups or Close, as a slow Slack would. A
// client that gives up first sees its connection dropped.
func (s *Server) HoldUserGroups() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ug.hold == nil {
		s.ug.hold = make(chan struct{})
	}
}

// ReleaseUserGroups answers every held usergroups.list call (if its
// client still waits) and stops holding new ones.
func (s *Server) ReleaseUserGroups() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ug.hold != nil {
		close(s.ug.hold)
		s.ug.hold = nil
	}
}

// userGroups answers usergroups.list like Slack: the workspace's enabled
// groups, with their members when include_users is true and their member
// count when include_count is true. team_id is accepted and ignored, as
// Slack ignores it for a workspace-level token.
func (s *Server) userGroups(w http.ResponseWriter, r *http.Request, v url.Values) {
	s.mu.Lock()
	hold := s.ug.hold
	s.mu.Unlock()
	if hold != nil {
		select {
		case <-hold:
		case <-s.stop:
			panic(http.ErrAbortHandler)
		case <-r.Context().Done():
			panic(http.ErrAbortHandler)
		}
	}
	includeUsers := isTrue(v.Get("include_users"))
	includeCount := isTrue(v.Get("include_count"))
	s.mu.Lock()
	if s.ug.noScope {
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "missing_scope",
			"needed": "usergroups:read", "provided": "commands,chat:write"})
		return
	}
	list := make([]map[string]any, 0, len(s.ug.groups))
	for _, g := range s.ug.groups {
		m := map[string]any{
			"id":           g.id,
			"team_id":      s.opts.TeamID,
			"is_usergroup": true,
			"is_subteam":   true,
			"name":         g.handle,
			"description":  "",
			"handle":       g.handle,
			"is_external":  false,
			"date_create":  g.created,
			"date_update":  g.created,
			"date_delete":  0,
			"auto_type":    nil,
			"created_by":   "U0ADMIN",
			"updated_by":   "U0ADMIN",
			"deleted_by":   nil,
			"prefs":        map[string]any{"channels": []string{}, "groups": []string{}},
		}
		if includeUsers {
			m["users"] = append([]string{}, g.users...)
		}
		if includeCount {
			m["user_count"] = len(g.users)
		}
		list = append(list, m)
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"ok": true, "usergroups": list})
}

// isTrue reads a Web API boolean argument as Slack does: "true" or "1".
func isTrue(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "true" || s == "1"
}
