package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/strikebot/strikebot/config"
)

// TestDockerImage checks what can be checked of the image without a Docker
// engine: pinned bases, no environment variable that would beat a mounted
// configuration, the ports, the health check, a context without secrets,
// and the lines of the example configuration the build rewrites.
func TestDockerImage(t *testing.T) {
	df, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	text := string(df)
	for _, m := range regexp.MustCompile(`(?m)^ARG (GO_IMAGE|RUN_IMAGE)=(\S+)$`).FindAllStringSubmatch(text, -1) {
		if !regexp.MustCompile(`@sha256:[0-9a-f]{64}$`).MatchString(m[2]) {
			t.Errorf("%s %s is not pinned by digest", m[1], m[2])
		}
	}
	if strings.Count(text, "@sha256:") != 2 {
		t.Errorf("want both base images pinned by digest")
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "ENV ") || strings.HasPrefix(line, "    STRIKEBOT_") {
			for _, name := range config.EnvNames() {
				if strings.Contains(line, name+"=") {
					t.Errorf("the image sets %s, which would override a mounted configuration: %q", name, line)
				}
			}
		}
	}
	for _, want := range []string{"EXPOSE 9090 8080", `HEALTHCHECK`, `CMD ["/strikebot", "healthcheck"]`, "USER nonroot", "CGO_ENABLED=0"} {
		if !strings.Contains(text, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	ignore, err := os.ReadFile("../../.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"strikebot.yaml", ".env", "*.db", ".git"} {
		if !strings.Contains(string(ignore), want+"\n") {
			t.Errorf(".dockerignore lacks %q", want)
		}
	}
	// The build rewrites the example's top-level db: and listen: lines.
	example, err := os.ReadFile("../../strikebot.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"db", "listen"} {
		if n := len(regexp.MustCompile(`(?m)^`+key+`: `).FindAll(example, -1)); n != 1 {
			t.Errorf("strikebot.example.yaml has %d top-level %q lines, want 1 (the Dockerfile rewrites it)", n, key)
		}
	}
	// The image's configuration, rewritten as the Dockerfile's sed does, is
	// valid, keeps the data in the volume, and its health check finds /healthz.
	if !strings.Contains(text, `sed -e 's|^db: .*|db: sqlite:/data/strikebot.db|' -e 's|^listen: .*|listen: ":9090"|'`) {
		t.Fatal("the Dockerfile's rewrite of the example changed; change this test with it")
	}
	img := regexp.MustCompile(`(?m)^db: .*$`).ReplaceAll(example, []byte("db: sqlite:/data/strikebot.db"))
	img = regexp.MustCompile(`(?m)^listen: .*$`).ReplaceAll(img, []byte(`listen: ":9090"`))
	path := t.TempDir() + "/strikebot.yaml"
	if err := os.WriteFile(path, img, 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path, nil)
	if err != nil {
		t.Fatalf("the image's configuration: %v", err)
	}
	if u, err := healthzURL(cfg.Listen); cfg.DB != "sqlite:/data/strikebot.db" || err != nil || u != "http://127.0.0.1:9090/healthz" {
		t.Errorf("image: db %q, healthcheck URL %q, %v", cfg.DB, u, err)
	}
}
