package discord

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/bot/discord/discordfake"
)

func newPoster(t *testing.T, o discordfake.Options) (*discordfake.Server, *Poster, *logBuffer) {
	t.Helper()
	f := newFake(t, o)
	logs := &logBuffer{}
	p := NewPoster(PosterOptions{REST: newREST(t, f, quietTo(logs)), Logger: quietTo(logs)})
	return f, p, logs
}

func TestPosterPosts(t *testing.T) {
	f, p, logs := newPoster(t, discordfake.Options{})
	ctx := context.Background()
	d := delivery(7, "article:7")
	id, err := p.Post(ctx, d, story(3, "Picket lines at dawn"), "")
	if err != nil {
		t.Fatal(err)
	}
	msgs := f.Messages(testChannel)
	if len(msgs) != 1 || msgs[0].ID != id {
		t.Fatalf("messages %+v, id %q", msgs, id)
	}
	m := msgs[0]
	if m.Nonce != Nonce(d) || len(m.Nonce) > 25 {
		t.Errorf("nonce %q", m.Nonce)
	}
	if string(m.AllowedMentions) != `{"parse":[],"replied_user":false}` {
		t.Errorf("allowed_mentions %s", m.AllowedMentions)
	}
	if len(m.Embeds) != 1 || m.Embeds[0].Title != "Picket lines at dawn" || !HasRef(m.Embeds[0].Footer.Text, "article:7") {
		t.Errorf("embed %+v", m.Embeds)
	}
	if strings.Contains(logs.String(), f.Token()) {
		t.Error("the token reached the log")
	}
}

// TestPosterThreads: updates go into a thread started from the story's
// message; a forum channel, where that is not possible, gets replies.
func TestPosterThreads(t *testing.T) {
	f, p, _ := newPoster(t, discordfake.Options{})
	ctx := context.Background()
	storyMsg, err := p.Post(ctx, delivery(1, "article:1"), story(5, "Mediation begins"), "")
	if err != nil {
		t.Fatal(err)
	}
	update := func(id int64) bot.Post {
		return bot.Post{Announcement: &bot.Announcement{Kind: bot.KindUpdate, StoryID: 5, Title: "Mediation begins", Source: "Bay Ledger",
			URL: "https://n.example/more", ArticleTitle: "Talks resume"}}
	}
	for _, id := range []int64{2, 3} {
		d := delivery(id, "article:"+string(rune('0'+id)))
		d.Kind, d.StoryID = string(bot.KindUpdate), 5
		if _, err := p.Post(ctx, d, update(id), storyMsg); err != nil {
			t.Fatal(err)
		}
	}
	if th := f.Threads(); len(th) != 1 || th[storyMsg] != testChannel {
		t.Fatalf("threads %v, want one from the story's message", th)
	}
	if n := len(f.Messages(storyMsg)); n != 2 {
		t.Errorf("%d messages in the story's thread, want 2", n)
	}
	if n := f.Requests("create_thread"); n != 1 {
		t.Errorf("%d thread creations, want 1", n)
	}

	// A forum-like channel: no thread from a message.
	const forum = "1045678901234567899"
	f.AddChannel(forum, discordfake.Channel{Kind: "forum"})
	d := delivery(10, "article:10")
	d.Channel = forum
	storyMsg2, err := p.Post(ctx, d, story(6, "Vote scheduled"), "")
	if err != nil {
		t.Fatal(err)
	}
	d = delivery(11, "article:11")
	d.Channel, d.Kind, d.StoryID = forum, string(bot.KindUpdate), 6
	if _, err := p.Post(ctx, d, update(11), storyMsg2); err != nil {
		t.Fatal(err)
	}
	msgs := f.Messages(forum)
	if len(msgs) != 2 || msgs[1].Reference != storyMsg2 {
		t.Errorf("forum messages %+v: want the update as a reply to the story", msgs)
	}
}

func TestPosterErrors(t *testing.T) {
	ctx := context.Background()
	t.Run("unknown channel", func(t *testing.T) {
		_, p, _ := newPoster(t, discordfake.Options{})
		d := delivery(1, "article:1")
		d.Channel = "1040000000000000000"
		_, err := p.Post(ctx, d, story(1, "x"), "")
		if !errors.Is(err, bot.ErrPermanent) || !strings.Contains(err.Error(), "Unknown Channel") {
			t.Errorf("err %v", err)
		}
	})
	t.Run("missing permissions", func(t *testing.T) {
		f, p, _ := newPoster(t, discordfake.Options{})
		f.AddChannel(testChannel, discordfake.Channel{NoSend: true})
		_, err := p.Post(ctx, delivery(1, "article:1"), story(1, "x"), "")
		if !errors.Is(err, bot.ErrPermanent) || !strings.Contains(err.Error(), "50013") {
			t.Errorf("err %v", err)
		}
	})
	t.Run("token refused once, then no more calls", func(t *testing.T) {
		f, p, _ := newPoster(t, discordfake.Options{})
		f.SetToken(discordfake.DefaultToken + "new")
		for i := range 5 {
			_, err := p.Post(ctx, delivery(int64(i+1), "article:1"), story(1, "x"), "")
			if !errors.Is(err, bot.ErrPermanent) {
				t.Fatalf("post %d: %v", i, err)
			}
		}
		if n := f.Requests("create_message"); n != 1 {
			t.Errorf("%d calls with a refused token, want 1", n)
		}
		if !p.Unauthorized() {
			t.Error("Unauthorized() = false")
		}
	})
	t.Run("server error retried later", func(t *testing.T) {
		f, p, _ := newPoster(t, discordfake.Options{})
		f.FailNext(500, 0, "500: Internal Server Error")
		_, err := p.Post(ctx, delivery(1, "article:1"), story(1, "x"), "")
		if err == nil || errors.Is(err, bot.ErrPermanent) {
			t.Errorf("err %v, want a retryable error", err)
		}
		if _, ok := errors.AsType[*bot.RateLimitError](err); ok {
			t.Errorf("err %v is not a rate limit", err)
		}
	})
	t.Run("embed refused: plain text instead", func(t *testing.T) {
		f, p, _ := newPoster(t, discordfake.Options{})
		f.FailNext(400, 50035, "Invalid Form Body")
		if _, err := p.Post(ctx, delivery(1, "article:1"), story(1, "Headline"), ""); err != nil {
			t.Fatal(err)
		}
		msgs := f.Messages(testChannel)
		if len(msgs) != 1 || len(msgs[0].Embeds) != 0 || !strings.Contains(msgs[0].Content, "Headline") || !HasRef(msgs[0].Content, "article:1") {
			t.Errorf("messages %+v", msgs)
		}
	})
}

// TestPosterRateLimits: a 429 comes back to the outbox as a
// RateLimitError with Discord's float retry_after, and the REST client
// sends nothing to that route (or, for the global limit, anywhere) until
// it has passed.
func TestPosterRateLimits(t *testing.T) {
	ctx := context.Background()
	t.Run("route", func(t *testing.T) {
		f, p, _ := newPoster(t, discordfake.Options{})
		f.RateLimitNext(discordfake.Limit{Scope: "user", RetryAfter: 2.5})
		_, err := p.Post(ctx, delivery(1, "article:1"), story(1, "x"), "")
		rl, ok := errors.AsType[*bot.RateLimitError](err)
		if !ok || rl.RetryAfter < 2500*time.Millisecond || rl.RetryAfter > 2750*time.Millisecond {
			t.Fatalf("err %v, want a rate limit of 2.5s and a margin", err)
		}
		_, err = p.Post(ctx, delivery(2, "article:2"), story(2, "y"), "")
		if rl, ok := errors.AsType[*bot.RateLimitError](err); !ok || rl.RetryAfter <= 0 {
			t.Fatalf("second post: %v, want held back", err)
		}
		if n := f.Requests("create_message"); n != 1 {
			t.Errorf("%d requests during the wait, want 1", n)
		}
		other := "1045678901234567891"
		f.AddChannel(other, discordfake.Channel{})
		d := delivery(3, "article:3")
		d.Channel = other
		if _, err := p.Post(ctx, d, story(3, "z"), ""); err != nil {
			t.Errorf("another channel held back too: %v", err)
		}
	})
	t.Run("global", func(t *testing.T) {
		f, p, _ := newPoster(t, discordfake.Options{})
		f.RateLimitNext(discordfake.Limit{Scope: "global", RetryAfter: 1.25})
		_, err := p.Post(ctx, delivery(1, "article:1"), story(1, "x"), "")
		if rl, ok := errors.AsType[*bot.RateLimitError](err); !ok || rl.RetryAfter < time.Second {
			t.Fatalf("err %v", err)
		}
		other := "1045678901234567891"
		f.AddChannel(other, discordfake.Channel{})
		d := delivery(2, "article:2")
		d.Channel = other
		if _, err := p.Post(ctx, d, story(2, "y"), ""); err == nil {
			t.Error("another channel posted during a global limit")
		}
		before := f.Requests("create_message")
		time.Sleep(1600 * time.Millisecond)
		if _, err := p.Post(ctx, d, story(2, "y"), ""); err != nil {
			t.Errorf("after the global limit: %v", err)
		}
		if f.Requests("create_message") != before+1 {
			t.Error("requests were sent during the global limit")
		}
	})
	t.Run("bucket headers", func(t *testing.T) {
		f, p, _ := newPoster(t, discordfake.Options{BucketLimit: 2, BucketWindow: time.Second})
		for i := range 2 {
			if _, err := p.Post(ctx, delivery(int64(i+1), "k"+string(rune('a'+i))), story(int64(i+1), "x"), ""); err != nil {
				t.Fatal(err)
			}
		}
		// Remaining is 0: the third waits without a request, so no 429;
		// and it does not sleep in discordgo's limiter either (the headers
		// it would act on are removed).
		start := time.Now()
		_, err := p.Post(ctx, delivery(3, "kc"), story(3, "x"), "")
		if took := time.Since(start); took > 700*time.Millisecond { // a sleep lasts the bucket's 1 s window
			t.Errorf("the held-back post took %s: something slept", took)
		}
		if _, ok := errors.AsType[*bot.RateLimitError](err); !ok {
			t.Fatalf("third post: %v", err)
		}
		if f.RateLimited() != 0 || f.Requests("create_message") != 2 {
			t.Errorf("429s %d, requests %d", f.RateLimited(), f.Requests("create_message"))
		}
	})
}

// TestPosterNonceAndReconcile: a post whose answer was lost is found
// again instead of posted twice, by its nonce within Discord's window and
// by its footer reference after.
func TestPosterNonceAndReconcile(t *testing.T) {
	ctx := context.Background()
	t.Run("502 after the message went out", func(t *testing.T) {
		f, p, _ := newPoster(t, discordfake.Options{})
		f.FailNext(502, 0, "502: Bad Gateway")
		d := delivery(1, "article:1")
		if _, err := p.Post(ctx, d, story(1, "x"), ""); err == nil {
			t.Fatal("the 502 was not reported")
		}
		d.Attempts, d.LastError = 1, "502"
		id, err := p.Post(ctx, d, story(1, "x"), "")
		if err != nil {
			t.Fatal(err)
		}
		if msgs := f.Messages(testChannel); len(msgs) != 1 || msgs[0].ID != id {
			t.Errorf("messages %+v, id %s: want the first one", msgs, id)
		}
	})
	t.Run("nonce alone", func(t *testing.T) {
		f, p, _ := newPoster(t, discordfake.Options{})
		f.AddChannel(testChannel, discordfake.Channel{NoHistory: true}) // no lookup possible
		f.FailNext(502, 0, "502: Bad Gateway")
		d := delivery(1, "article:1")
		_, _ = p.Post(ctx, d, story(1, "x"), "")
		d.Attempts = 1
		if _, err := p.Post(ctx, d, story(1, "x"), ""); err != nil {
			t.Fatal(err)
		}
		if n := len(f.Messages(testChannel)); n != 1 {
			t.Errorf("%d messages, want 1 (the nonce)", n)
		}
	})
	t.Run("lease expired, long after", func(t *testing.T) {
		f, p, _ := newPoster(t, discordfake.Options{NonceWindow: time.Nanosecond})
		d := delivery(1, "article:1")
		first, err := p.Post(ctx, d, story(1, "x"), "")
		if err != nil {
			t.Fatal(err)
		}
		// Other posts came after it.
		for i := range 3 {
			if _, err := p.Post(ctx, delivery(int64(10+i), "article:1"+string(rune('0'+i))), story(int64(10+i), "y"), ""); err != nil {
				t.Fatal(err)
			}
		}
		d.Attempts, d.LastError = 1, "lease expired"
		id, err := p.Post(ctx, d, story(1, "x"), "")
		if err != nil || id != first {
			t.Fatalf("reconciled %q, %v; want %q", id, err, first)
		}
		if n := len(f.Messages(testChannel)); n != 4 {
			t.Errorf("%d messages, want 4", n)
		}
	})
	t.Run("update found in the thread", func(t *testing.T) {
		f, p, _ := newPoster(t, discordfake.Options{NonceWindow: time.Nanosecond})
		storyMsg, _ := p.Post(ctx, delivery(1, "article:1"), story(5, "x"), "")
		d := delivery(2, "article:2")
		d.Kind, d.StoryID = string(bot.KindUpdate), 5
		up := bot.Post{Announcement: &bot.Announcement{Kind: bot.KindUpdate, StoryID: 5, Source: "B", URL: "https://n.example/b"}}
		first, err := p.Post(ctx, d, up, storyMsg)
		if err != nil {
			t.Fatal(err)
		}
		d.Attempts, d.LastError = 1, "lease expired"
		if id, err := p.Post(ctx, d, up, storyMsg); err != nil || id != first {
			t.Errorf("reconciled %q, %v; want %q", id, err, first)
		}
		if n := len(f.Messages(storyMsg)); n != 1 {
			t.Errorf("%d messages in the thread", n)
		}
	})
	t.Run("Discord down during the lookup", func(t *testing.T) {
		f, p, _ := newPoster(t, discordfake.Options{})
		d := delivery(1, "article:1")
		d.Attempts = 1
		if err := f.SetMode(discordfake.Unavailable); err != nil {
			t.Fatal(err)
		}
		_, err := p.Post(ctx, d, story(1, "x"), "")
		if err == nil || errors.Is(err, bot.ErrPermanent) {
			t.Errorf("err %v, want retryable", err)
		}
		if f.Requests("create_message") != 0 {
			t.Error("posted without checking")
		}
	})
}

func TestInvalidRequestGuard(t *testing.T) {
	now := time.Unix(1_750_000_000, 0)
	lim := newLimiter(func() time.Time { return now }, quiet())
	r := routeOf("POST", "/api/v9/channels/1/messages")
	for range InvalidLimit - 1 {
		lim.countInvalid(now)
	}
	if err := lim.admit(r); err != nil {
		t.Fatalf("admit below the limit: %v", err)
	}
	lim.countInvalid(now)
	err := lim.admit(r)
	var we *WaitError
	if !errors.As(err, &we) || we.Scope != "invalid" || we.Wait != InvalidWindow {
		t.Fatalf("admit at the limit: %v", err)
	}
	now = now.Add(InvalidWindow)
	if err := lim.admit(r); err != nil {
		t.Errorf("admit after the window: %v", err)
	}
}

func TestRouteOf(t *testing.T) {
	for _, tt := range []struct {
		method, path, key, major string
		exempt                   bool
	}{
		{"POST", "/api/v9/channels/123/messages", "POST /channels/123/messages", "123", false},
		{"POST", "/api/v9/channels/123/messages/456/threads", "POST /channels/123/messages/{id}/threads", "123", false},
		{"GET", "/api/v9/channels/123/messages", "GET /channels/123/messages", "123", false},
		{"POST", "/api/v9/interactions/789/tok-en/callback", "POST /interactions/{id}/{id}/callback", "", true},
		{"PATCH", "/api/v9/webhooks/42/tok/messages/@original", "PATCH /webhooks/42/{id}/messages/@original", "42", true},
		{"PUT", "/api/v9/applications/42/guilds/7/commands", "PUT /applications/{id}/guilds/{id}/commands", "", false},
	} {
		r := routeOf(tt.method, tt.path)
		if r.key != tt.key || r.major != tt.major || r.exempt != tt.exempt {
			t.Errorf("routeOf(%s %s) = %+v", tt.method, tt.path, r)
		}
	}
}

func TestDefaultAPIURLMatchesDiscordgo(t *testing.T) {
	if DefaultAPIURL != discordgoEndpointAPI() {
		t.Errorf("DefaultAPIURL %q, discordgo %q", DefaultAPIURL, discordgoEndpointAPI())
	}
}

// TestPosterEdit: a retracted story's posts, in the channel and in its
// thread, are edited in place once each to the retraction, nothing of the
// old post left; errors are classified as posts' are.
func TestPosterEdit(t *testing.T) {
	ctx := context.Background()
	f, p, _ := newPoster(t, discordfake.Options{})
	d := delivery(1, "article:1")
	storyMsg, err := p.Post(ctx, d, story(5, "Mediation begins"), "")
	if err != nil {
		t.Fatal(err)
	}
	up := delivery(2, "article:2")
	up.Kind, up.StoryID = string(bot.KindUpdate), 5
	inThread, err := p.Post(ctx, up, bot.Post{Announcement: &bot.Announcement{Kind: bot.KindUpdate, StoryID: 5, Source: "Bay Ledger",
		URL: "https://n.example/more", ArticleTitle: "Talks resume"}}, storyMsg)
	if err != nil {
		t.Fatal(err)
	}
	if want := storyMsg + "/"; !strings.HasPrefix(inThread, want) {
		t.Fatalf("ID of the update in the thread %q, want %q…", inThread, want)
	}
	retraction := bot.Post{Retraction: &bot.Retraction{Delivery: 1, Title: "Mediation begins", Why: "wrong strike"}}
	if err := p.Edit(ctx, d, retraction, storyMsg); err != nil {
		t.Fatal(err)
	}
	if err := p.Edit(ctx, up, retraction, inThread); err != nil {
		t.Fatal(err)
	}
	edits := f.Edits()
	if len(edits) != 2 || edits[0].ChannelID != testChannel || edits[0].MessageID != storyMsg ||
		edits[1].ChannelID != storyMsg || storyMsg+"/"+edits[1].MessageID != inThread {
		t.Fatalf("edits %+v", edits)
	}
	for _, e := range edits {
		if string(e.Raw) == "" || !strings.Contains(string(e.Raw), `"content":""`) || !strings.Contains(string(e.Raw), `"allowed_mentions":{"parse":[]`) {
			t.Errorf("edit body %s: want the content cleared and no mention", e.Raw)
		}
	}
	for _, m := range f.Messages("") {
		if m.Edited != 1 || len(m.Embeds) != 1 || m.Embeds[0].URL != "" ||
			!strings.Contains(m.Embeds[0].Description, "Retracted by a captain: wrong strike.") || strings.Contains(m.Text(), "Picket lines") {
			t.Errorf("after the edit: %+v", m)
		}
	}
	if m := f.Messages(testChannel)[0]; !strings.Contains(m.Embeds[0].Description, "~~Mediation begins~~") || !HasRef(m.Embeds[0].Footer.Text, "article:1") {
		t.Errorf("the story's post after the edit: %+v", m.Embeds[0])
	}

	t.Run("plain post", func(t *testing.T) {
		// A post that went out as plain text loses that text.
		f.FailNext(400, 50035, "Invalid Form Body")
		d := delivery(3, "article:3")
		id, err := p.Post(ctx, d, story(6, "Vote set"), "")
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Edit(ctx, d, retraction, id); err != nil {
			t.Fatal(err)
		}
		msgs := f.Messages(testChannel)
		if m := msgs[len(msgs)-1]; m.ID != id || m.Content != "" || len(m.Embeds) != 1 {
			t.Errorf("after the edit: %+v", m)
		}
	})
	t.Run("archived thread", func(t *testing.T) {
		f.ArchiveThread(storyMsg)
		if err := p.Edit(ctx, up, retraction, inThread); err != nil {
			t.Fatal(err)
		}
		if n := f.Requests("edit_channel"); n != 1 {
			t.Errorf("%d channel edits (unarchiving), want 1", n)
		}
	})
	t.Run("rate limited", func(t *testing.T) {
		f.RateLimitNextEdit(discordfake.Limit{Scope: "user", RetryAfter: 0.3})
		err := p.Edit(ctx, d, retraction, storyMsg)
		var rl *bot.RateLimitError
		if !errors.As(err, &rl) || rl.RetryAfter < 300*time.Millisecond {
			t.Errorf("err %v, want a rate limit of 0.3 s or more", err)
		}
	})
	t.Run("Discord down", func(t *testing.T) {
		if err := f.SetMode(discordfake.Unavailable); err != nil {
			t.Fatal(err)
		}
		defer f.SetMode(discordfake.Up)
		if err := p.Edit(ctx, d, retraction, storyMsg); err == nil || errors.Is(err, bot.ErrPermanent) {
			t.Errorf("err %v, want retryable", err)
		}
	})
	time.Sleep(600 * time.Millisecond) // the rate limit above has passed
	member := f.AddUserMessage(testChannel, "1077777777777777777", "hello")
	for _, tc := range []struct {
		name, id string
		setup    func()
		plain    string
	}{
		{"deleted post", "1045678901234567000", nil, "the post was deleted"},
		{"a member's post", member, nil, "the post was not written by the bot"},
		{"refused for good", storyMsg, func() {
			f.FailNextEdit(400, 50035, "Invalid Form Body")
			f.FailNextEdit(400, 50035, "Invalid Form Body")
		},
			"Discord refused the post as it was written"},
		{"missing access", storyMsg, func() { f.AddChannel(testChannel, discordfake.Channel{NoView: true}) }, "the bot lost access to the channel (its role can no longer see it)"},
		{"channel gone", storyMsg, func() { f.RemoveChannel(testChannel) }, "the channel was deleted, or the bot was removed from its server"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.setup != nil {
				tc.setup()
			}
			err := p.Edit(ctx, d, retraction, tc.id)
			var pe bot.Plainer
			if !errors.Is(err, bot.ErrPermanent) || !errors.As(err, &pe) || pe.Plain() != tc.plain {
				t.Errorf("err %v, want permanent, said %q", err, tc.plain)
			}
		})
	}
}

// TestPosterMentionsTheRoleOnPhaseChangesOnly: a phase change for a
// channel that chose a role pings that role, and only it; nothing else
// pings anyone, and the @everyone role (the server's ID) never.
func TestPosterMentionsTheRoleOnPhaseChangesOnly(t *testing.T) {
	ctx := context.Background()
	const role = "1066666666666666666"
	phase := func(mention string) bot.Post {
		return bot.Post{Announcement: &bot.Announcement{Kind: bot.KindPhaseChange, StoryID: 5, Phase: "mediation", PrevPhase: "strike",
			Title: "Talks move to mediation", Source: "Harbor Times", URL: "https://n.example/m", Published: time.Now(), Mention: mention}}
	}
	f, p, _ := newPoster(t, discordfake.Options{BucketLimit: 50})
	if _, err := p.Post(ctx, delivery(1, "article:1"), phase(role), ""); err != nil {
		t.Fatal(err)
	}
	m := f.Messages(testChannel)[0]
	if !strings.HasPrefix(m.Content, "<@&"+role+"> ") || len(m.Pinged) != 1 || m.Pinged[0] != role ||
		string(m.AllowedMentions) != `{"parse":[],"roles":["`+role+`"],"replied_user":false}` {
		t.Errorf("phase change: content %q, pinged %v, allowed_mentions %s", m.Content, m.Pinged, m.AllowedMentions)
	}
	// The plain version, when the embed is refused, still mentions it.
	f.FailNext(400, 50035, "Invalid Form Body")
	if _, err := p.Post(ctx, delivery(2, "article:2"), phase(role), ""); err != nil {
		t.Fatal(err)
	}
	if m := f.Messages(testChannel)[1]; !strings.HasPrefix(m.Content, "<@&"+role+">\n") || len(m.Embeds) != 0 || len(m.Pinged) != 1 {
		t.Errorf("plain phase change: %+v", m)
	}
	for i, post := range []bot.Post{
		phase(discordfake.DefaultGuildID), // @everyone
		phase("S0123ABCD"),                // not a role
		{Announcement: &bot.Announcement{Kind: bot.KindNewStory, StoryID: 6, Title: "Picket", Mention: role}},
		{Announcement: &bot.Announcement{Kind: bot.KindUpdate, StoryID: 6, Source: "B", Mention: role}},
	} {
		id := int64(10 + i)
		if _, err := p.Post(ctx, delivery(id, "article:"+strconv.FormatInt(id, 10)), post, ""); err != nil {
			t.Fatal(err)
		}
		msgs := f.Messages(testChannel)
		if m := msgs[len(msgs)-1]; m.Content != "" || len(m.Pinged) != 0 || string(m.AllowedMentions) != `{"parse":[],"replied_user":false}` {
			t.Errorf("post %d: content %q, pinged %v, allowed_mentions %s", i, m.Content, m.Pinged, m.AllowedMentions)
		}
	}
}

// TestRefusedErrorPlain: each refusal is one plain phrase for the ops
// channel, with no error chain in it.
func TestRefusedErrorPlain(t *testing.T) {
	for _, tc := range []struct {
		status, code int
		want         string
	}{
		{404, 10003, "the channel was deleted, or the bot was removed from its server"},
		{403, 50001, "the bot lost access to the channel (its role can no longer see it)"},
		{403, 50013, "the bot's role may not post there (it needs Send Messages and Embed Links in that channel)"},
		{401, 0, "Discord no longer accepts the bot's token (it was reset, or the application deleted)"},
		{404, 0, "Discord no longer knows the channel"},
		{400, 12345, "Discord refused it (HTTP 400, code 12345)"},
	} {
		e := &refusedError{op: "post to", channel: "C1", status: tc.status, code: tc.code, detail: "x"}
		if got := e.Plain(); got != tc.want {
			t.Errorf("%d/%d: %q, want %q", tc.status, tc.code, got, tc.want)
		}
		if !errors.Is(e, bot.ErrPermanent) {
			t.Errorf("%d/%d: not permanent", tc.status, tc.code)
		}
	}
}
