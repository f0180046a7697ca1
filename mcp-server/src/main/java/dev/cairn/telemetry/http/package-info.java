/**
 * How the telemetry adapters talk to a backend's HTTP API: {@link BackendHttp}, one
 * backend's base URL, credentials ({@link HttpAuth}) and headers; requests with one
 * deadline over the whole exchange (connecting, headers and body); answers
 * ({@link HttpAnswer}) read up to a byte cap and marked cut beyond it, so a server that
 * ignores its limits cannot make Cairn buffer without bound; redirects never followed
 * behind the caller's back; and every failure a
 * {@link dev.cairn.telemetry.BackendException} that names the backend and never a
 * credential ({@link BackendText} makes backend text fit for such messages). Each adapter
 * keeps its own knowledge of its backend's paths, status codes and error bodies.
 */
package dev.cairn.telemetry.http;
