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

	"github.com/strikebot/strikebot/feeds"
	"github.com/strikebot/strikebot/strike"
)

// metrics are the Prometheus series strikebot exports. Labels never carry
// feed URLs (they may hold credentials) or article text.
type metrics struct {
	reg       *prometheus.Registry
	polls     *prometheus.CounterVec
	stored    *prometheus.CounterVec
	announced *prometheus.CounterVec
	duration  prometheus.Histogram
}

func newMetrics() *metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := &metrics{
		reg: reg,
		polls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "strikebot_feed_polls_total", Help: "Feed polls by campaign and outcome (ok, not_modified, error).",
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
	reg.MustRegister(m.polls, m.stored, m.announced, m.duration)
	return m
}

// observe records one poll's result.
func (m *metrics) observe(r feeds.Result) {
	outcome := "ok"
	switch {
	case r.Err != nil:
		outcome = "error"
	case r.NotModified:
		outcome = "not_modified"
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
}

// health is the /healthz body.
type health struct {
	Status string `json:"status"` // ok, degraded (some feeds failing), unavailable (database down)
	Error  string `json:"error,omitempty"`
	Feeds  struct {
		Total   int `json:"total"`
		Failing int `json:"failing"`
	} `json:"feeds"`
}

func healthHandler(st healthStore) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		var h health
		h.Status = "ok"
		code := http.StatusOK
		if err := st.Ping(ctx); err != nil {
			h.Status, h.Error, code = "unavailable", "database unreachable", http.StatusServiceUnavailable
		} else if states, err := st.FeedStates(ctx); err == nil {
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
func serveOps(ctx context.Context, addr string, st healthStore, m *metrics, log *slog.Logger) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, &configError{fmt.Errorf("listen on %s for /healthz and /metrics: %w (set listen to another address, or \"\" to turn it off)", addr, err)}
	}
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", healthHandler(st))
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
