package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/strikebot/strikebot/bot"
	"github.com/strikebot/strikebot/feeds"
	"github.com/strikebot/strikebot/strike"
)

// metrics are the Prometheus series strikebot exports. Labels never carry
// feed URLs (they may hold credentials) or article text.
type metrics struct {
	reg         *prometheus.Registry
	polls       *prometheus.CounterVec
	stored      *prometheus.CounterVec
	announced   *prometheus.CounterVec
	duration    prometheus.Histogram
	deliveries  *prometheus.CounterVec
	rateLimited *prometheus.CounterVec
}

func newMetrics() *metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := &metrics{
		reg: reg,
		polls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "strikebot_feed_polls_total", Help: "Feed polls by campaign and outcome (ok, not_modified, error, paused).",
		}, []string{"campaign", "outcome"}),
		stored: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "strikebot_articles_stored_total", Help: "New articles stored, by campaign and relevance tier.",
		}, []string{"campaign", "tier"}),
		announced: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "strikebot_articles_announced_total", Help: "Articles announced, by campaign.",
		}, []string{"campaign"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "strikebot_feed_poll_duration_seconds", Help: "Time to poll one feed.",
			Buckets: prometheus.ExponentialBuckets(0.01, 3, 9),
		}),
	}
	m.deliveries = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "strikebot_deliveries_total", Help: "Attempts to post from the outbox, by platform and outcome (sent, retry, rate_limited, failed, platform_off).",
	}, []string{"platform", "outcome"})
	m.rateLimited = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "strikebot_chat_rate_limited_total", Help: "Posts a chat platform answered with HTTP 429 (rate limited), by platform.",
	}, []string{"platform"})
	reg.MustRegister(m.polls, m.stored, m.announced, m.duration, m.deliveries, m.rateLimited)
	return m
}

// observeDelivery records one outbox delivery attempt (bot.Deliverer.Observe).
func (m *metrics) observeDelivery(platform, outcome string) {
	m.deliveries.WithLabelValues(platform, outcome).Inc()
	if outcome == bot.OutcomeRateLimited {
		m.rateLimited.WithLabelValues(platform).Inc()
	}
}

// watchChat adds the series read at each scrape: the outbox's depth and
// oldest post per platform, and whether each chat platform is connected.
func (m *metrics) watchChat(st outboxStore, platforms *bot.Platforms, now func() time.Time) {
	m.reg.MustRegister(&chatCollector{st: st, platforms: platforms, now: now})
}

// outboxStore is what the outbox metrics and /healthz read.
type outboxStore interface {
	OutboxStats(ctx context.Context) ([]strike.OutboxStat, error)
}

var (
	outboxPendingDesc = prometheus.NewDesc("strikebot_outbox_pending",
		"Posts in the outbox still to send, by platform.", []string{"platform"}, nil)
	outboxOldestDesc = prometheus.NewDesc("strikebot_outbox_oldest_pending_seconds",
		"Age of the oldest post still to send, by platform.", []string{"platform"}, nil)
	platformUpDesc = prometheus.NewDesc("strikebot_chat_platform_connected",
		"1 when the chat platform is connected, 0 when it is off, starting or retrying.", []string{"platform", "state"}, nil)
)

// chatCollector reads the outbox and the platforms at scrape time.
type chatCollector struct {
	st        outboxStore
	platforms *bot.Platforms
	now       func() time.Time
}

func (c *chatCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- outboxPendingDesc
	ch <- outboxOldestDesc
	ch <- platformUpDesc
}

func (c *chatCollector) Collect(ch chan<- prometheus.Metric) {
	for _, p := range c.platforms.All() {
		up := 0.0
		if p.Status == bot.PlatformConnected {
			up = 1
		}
		ch <- prometheus.MustNewConstMetric(platformUpDesc, prometheus.GaugeValue, up, p.Name, string(p.Status))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	stats, err := c.st.OutboxStats(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(outboxPendingDesc, err)
		return
	}
	seen := map[string]bool{}
	for _, s := range stats {
		seen[s.Platform] = true
		ch <- prometheus.MustNewConstMetric(outboxPendingDesc, prometheus.GaugeValue, float64(s.Pending), s.Platform)
		ch <- prometheus.MustNewConstMetric(outboxOldestDesc, prometheus.GaugeValue, max(0, c.now().Sub(s.Oldest).Seconds()), s.Platform)
	}
	for _, p := range c.platforms.All() { // an empty outbox reads 0, not nothing
		if !seen[p.Name] {
			ch <- prometheus.MustNewConstMetric(outboxPendingDesc, prometheus.GaugeValue, 0, p.Name)
			ch <- prometheus.MustNewConstMetric(outboxOldestDesc, prometheus.GaugeValue, 0, p.Name)
		}
	}
}

// observe records one poll's result.
func (m *metrics) observe(r feeds.Result) {
	outcome := "ok"
	switch {
	case r.Err != nil:
		outcome = "error"
	case r.NotModified:
		outcome = "not_modified"
	case r.Paused:
		outcome = "paused"
	}
	m.polls.WithLabelValues(r.Feed.CampaignID, outcome).Inc()
	m.duration.Observe(r.Duration.Seconds())
	for _, a := range r.New {
		m.stored.WithLabelValues(r.Feed.CampaignID, string(a.Relevance.Tier)).Inc()
	}
	if r.Announced > 0 {
		m.announced.WithLabelValues(r.Feed.CampaignID).Add(float64(r.Announced))
	}
}

// healthStore is what /healthz reads.
type healthStore interface {
	Ping(ctx context.Context) error
	FeedStates(ctx context.Context) ([]strike.FeedState, error)
	outboxStore
}

// health is the /healthz body.
type health struct {
	// Status is ok; degraded (a feed is failing, or a chat platform is
	// retrying or stopped by an error); or unavailable (database down).
	Status string `json:"status"`
	Error  string `json:"error,omitempty"`
	Feeds  struct {
		Total   int `json:"total"`
		Failing int `json:"failing"`
	} `json:"feeds"`
	// Platforms is each chat platform's state, by name.
	Platforms map[string]platformHealth `json:"platforms"`
	// Outbox is what waits to be posted, all platforms together.
	Outbox struct {
		Pending              int     `json:"pending"`
		OldestPendingSeconds float64 `json:"oldest_pending_seconds"`
	} `json:"outbox"`
}

// platformHealth is one platform in /healthz.
type platformHealth struct {
	State  string    `json:"state"`            // off, starting, connected, retrying
	Since  time.Time `json:"since"`            // when it entered that state
	Reason string    `json:"reason,omitempty"` // why it is off or retrying
}

func healthHandler(st healthStore, platforms *bot.Platforms, now func() time.Time) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		var h health
		h.Status = "ok"
		h.Platforms = map[string]platformHealth{}
		for _, p := range platforms.All() {
			h.Platforms[p.Name] = platformHealth{State: string(p.Status), Since: p.Since.UTC(), Reason: p.Reason}
			if p.Fault && p.Status != bot.PlatformConnected {
				h.Status = "degraded"
			}
		}
		code := http.StatusOK
		if err := st.Ping(ctx); err != nil {
			h.Status, h.Error, code = "unavailable", "database unreachable", http.StatusServiceUnavailable
		} else {
			if states, err := st.FeedStates(ctx); err == nil {
				h.Feeds.Total = len(states)
				for _, s := range states {
					if s.Failures > 0 {
						h.Feeds.Failing++
					}
				}
				if h.Feeds.Failing > 0 {
					h.Status = "degraded"
				}
			}
			if stats, err := st.OutboxStats(ctx); err == nil {
				var oldest time.Time
				for _, s := range stats {
					h.Outbox.Pending += s.Pending
					if oldest.IsZero() || s.Oldest.Before(oldest) {
						oldest = s.Oldest
					}
				}
				if !oldest.IsZero() {
					h.Outbox.OldestPendingSeconds = max(0, now().Sub(oldest).Round(time.Millisecond).Seconds())
				}
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(code)
		json.NewEncoder(w).Encode(h)
	})
}

// promHandler serves the metrics in Prometheus's text format.
func promHandler(m *metrics) http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// serveOps serves /healthz and /metrics on addr until ctx ends or the
// returned stop function is called; stop waits for the server to finish.
func serveOps(ctx context.Context, addr string, st healthStore, platforms *bot.Platforms, m *metrics, log *slog.Logger) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, &configError{fmt.Errorf("listen on %s for /healthz and /metrics: %w (set listen to another address, or \"\" to turn it off)", addr, err)}
	}
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", healthHandler(st, platforms, time.Now))
	mux.Handle("GET /metrics", promHandler(m))
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       60 * time.Second,
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("ops server stopped", "err", err.Error())
		}
	})
	ctx, cancel := context.WithCancel(ctx)
	wg.Go(func() {
		<-ctx.Done()
		sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer scancel()
		srv.Shutdown(sctx)
	})
	log.Info("serving /healthz and /metrics", "addr", ln.Addr().String())
	return func() { cancel(); wg.Wait() }, nil
}
