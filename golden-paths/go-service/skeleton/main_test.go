package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func get(t *testing.T, server *httptest.Server, path string) (int, string) {
	t.Helper()
	response, err := http.Get(server.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer response.Body.Close()
	body, err := io.ReadAll(response.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response.StatusCode, string(body)
}

func TestHealthEndpointsReportUp(t *testing.T) {
	server := httptest.NewServer(newHandler(newMetrics()))
	defer server.Close()
	for _, path := range []string{"/healthz", "/readyz"} {
		status, body := get(t, server, path)
		if status != http.StatusOK || !strings.Contains(body, "UP") {
			t.Errorf("%s: got %d %q", path, status, body)
		}
	}
}

func TestMetricsCountRequestsInThePrometheusFormat(t *testing.T) {
	server := httptest.NewServer(newHandler(newMetrics()))
	defer server.Close()
	get(t, server, "/")
	get(t, server, "/missing")
	_, body := get(t, server, "/metrics")
	for _, want := range []string{
		`http_requests_total{method="GET",code="200"} 1`,
		`http_requests_total{method="GET",code="404"} 1`,
		`http_request_duration_seconds_bucket{le="+Inf"} 2`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}
}
