package main

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"
)

// buckets are the upper bounds, in seconds, of the latency histogram.
var buckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics counts requests by method and status code and times them, served in the
// Prometheus text exposition format: the names the platform's dashboard and alert rules
// query. Standard library only.
type metrics struct {
	mu       sync.Mutex
	requests map[string]uint64
	counts   []uint64
	count    uint64
	sum      float64
}

func newMetrics() *metrics {
	return &metrics{requests: map[string]uint64{}, counts: make([]uint64, len(buckets))}
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func (m *metrics) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		recorder := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(recorder, r)
		m.observe(r.Method, recorder.status, time.Since(start).Seconds())
	})
}

func (m *metrics) observe(method string, status int, seconds float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[fmt.Sprintf(`method=%q,code="%d"`, method, status)]++
	for i, bound := range buckets {
		if seconds <= bound {
			m.counts[i]++
		}
	}
	m.count++
	m.sum += seconds
}

func (m *metrics) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
	fmt.Fprintln(w, "# HELP http_requests_total HTTP requests served.")
	fmt.Fprintln(w, "# TYPE http_requests_total counter")
	labels := make([]string, 0, len(m.requests))
	for label := range m.requests {
		labels = append(labels, label)
	}
	sort.Strings(labels)
	for _, label := range labels {
		fmt.Fprintf(w, "http_requests_total{%s} %d\n", label, m.requests[label])
	}
	fmt.Fprintln(w, "# HELP http_request_duration_seconds HTTP request latency.")
	fmt.Fprintln(w, "# TYPE http_request_duration_seconds histogram")
	for i, bound := range buckets {
		fmt.Fprintf(w, "http_request_duration_seconds_bucket{le=%q} %d\n", strconv.FormatFloat(bound, 'g', -1, 64), m.counts[i])
	}
	fmt.Fprintf(w, "http_request_duration_seconds_bucket{le=\"+Inf\"} %d\n", m.count)
	fmt.Fprintf(w, "http_request_duration_seconds_sum %g\n", m.sum)
	fmt.Fprintf(w, "http_request_duration_seconds_count %d\n", m.count)
}
