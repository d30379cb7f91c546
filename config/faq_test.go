package config

import (
	"reflect"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/strike"
)

func TestValidateFAQ(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	for _, tc := range []struct {
		name string
		faq  []strike.FAQ
		want []string // every FieldError, in order; nil means valid
	}{
		{"none", nil, nil},
		{"one", []strike.FAQ{{Question: "Why strike?", Answer: "Pay.\nAnd pensions."}}, nil},
		{"at the caps", []strike.FAQ{{Question: long(300), Answer: long(2000), Keywords: []string{long(100)}}}, nil},
		{"empty question and answer", []strike.FAQ{{Question: " ", Answer: ""}}, []string{
			`key "campaigns[0].faq[0].question": value " " is empty: allowed the question as a supporter would ask it`,
			`key "campaigns[0].faq[0].answer": value "" is empty: allowed the answer shown to supporters`,
		}},
		{"too long", []strike.FAQ{{Question: long(301), Answer: long(2001)}}, []string{
			`key "campaigns[0].faq[0].question": value "` + long(40) + `…" is too long: allowed text of at most 300 bytes without control characters`,
			`key "campaigns[0].faq[0].answer": value "` + long(40) + `…" is too long: allowed text of at most 2000 bytes without control characters other than line breaks and tabs`,
		}},
		{"control characters", []strike.FAQ{{Question: "Why?\n", Answer: "Pay\x00"}}, []string{
			`key "campaigns[0].faq[0].question": value "Why?\n" contains a control character: allowed text of at most 300 bytes without control characters`,
			`key "campaigns[0].faq[0].answer": value "Pay\x00" contains a control character: allowed text of at most 2000 bytes without control characters other than line breaks and tabs`,
		}},
		{"duplicate question", []strike.FAQ{
			{Question: "Why are they striking?", Answer: "a"},
			{Question: "why are  they STRIKING", Answer: "b"},
		}, []string{
			`key "campaigns[0].faq[1].question": value "why are  they STRIKING" is already the question of campaigns[0].faq[0]: allowed each question once per campaign`,
		}},
		{"keywords", []strike.FAQ{{Question: "q", Answer: "a", Keywords: append([]string{""}, make([]string, 20)...)}}, []string{
			`key "campaigns[0].faq[0].keywords": value "21 keywords" has too many keywords: allowed at most 20 keywords`,
			`key "campaigns[0].faq[0].keywords[0]": value "" is empty: allowed a word or phrase`,
		}},
		{"too many entries", make([]strike.FAQ, 201), []string{
			`key "campaigns[0].faq": value "201 entries" has too many entries: allowed at most 200 entries`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Default()
			c.CampaignSpecs[0].FAQ = tc.faq
			got := fieldErrors(t, c.Validate())
			if tc.name == "keywords" && len(got) > 2 {
				got = got[:2] // the other 20 empty keywords say the same
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Validate() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestLoadFAQ(t *testing.T) {
	const campaign = `
campaigns:
  - id: acme
    name: Acme strike
    feeds: [{url: "https://example.org/acme.xml"}]
    relevance: {employer: [{text: Acme, weight: 2}], core_score: 3, related_score: 1}
    faq:
      - question: When is the vote?
        answer: |
          Voting closes Friday.
          Results follow on Monday.
        keywords: [ballot]
`
	want := []strike.FAQ{{
		Question: "When is the vote?",
		Answer:   "Voting closes Friday.\nResults follow on Monday.\n",
		Keywords: []string{"ballot"},
	}}
	t.Run("file", func(t *testing.T) {
		c, err := Load(writeFile(t, "c.yaml", campaign), nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.CampaignSpecs[0].FAQ; !reflect.DeepEqual(got, want) {
			t.Errorf("FAQ = %+v, want %+v", got, want)
		}
		if got := c.Campaigns()[0].FAQ; !reflect.DeepEqual(got, want) {
			t.Errorf("Campaigns()[0].FAQ = %+v, want %+v", got, want)
		}
	})
	t.Run("env", func(t *testing.T) {
		list := strings.TrimPrefix(strings.TrimSpace(campaign), "campaigns:")
		c, err := Load("", env(map[string]string{"STRIKEBOT_CAMPAIGNS": list}))
		if err != nil {
			t.Fatal(err)
		}
		if got := c.CampaignSpecs[0].FAQ; !reflect.DeepEqual(got, want) {
			t.Errorf("FAQ = %+v, want %+v", got, want)
		}
	})
	t.Run("unknown key", func(t *testing.T) {
		_, err := Load(writeFile(t, "c.yaml", strings.Replace(campaign, "keywords:", "keyword:", 1)), nil)
		if err == nil || !strings.Contains(err.Error(), `unknown key "campaigns[0].faq[0].keyword" (did you mean "campaigns[0].faq[0].keywords"?)`) {
			t.Errorf("error = %v, want an unknown key naming campaigns[0].faq[0].keyword", err)
		}
	})
	t.Run("invalid", func(t *testing.T) {
		_, err := Load(writeFile(t, "c.yaml", strings.Replace(campaign, "When is the vote?", `""`, 1)), nil)
		if err == nil || !strings.Contains(err.Error(), `key "campaigns[0].faq[0].question": value "" is empty`) {
			t.Errorf("error = %v, want the empty question named", err)
		}
	})
}

func TestCampaignsCopiesFAQ(t *testing.T) {
	c := Default()
	got := c.Campaigns()
	if len(got[0].FAQ) == 0 {
		t.Fatal("the default campaign has no FAQ")
	}
	got[0].FAQ[0].Answer = "changed"
	got[0].FAQ[0].Keywords[0] = "changed"
	if c.CampaignSpecs[0].FAQ[0].Answer == "changed" || c.CampaignSpecs[0].FAQ[0].Keywords[0] == "changed" {
		t.Error("changing a returned FAQ changed the Config")
	}
}
