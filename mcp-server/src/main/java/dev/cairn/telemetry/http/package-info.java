/**
 * How the telemetry adapters talk to a backend's HTTP API: GET requests with one deadline
 * over the whole exchange (connecting, headers and body), bodies read into bounded
 * buffers, redirects never followed behind the caller's back, and every transport failure
 * turned into a {@link dev.cairn.telemetry.BackendException} that names the backend and
 * never a credential. Each adapter keeps its own knowledge of its backend's paths, status
 * codes and error bodies.
 */
package dev.cairn.telemetry.http;
