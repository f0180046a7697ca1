/**
 * The HTTP plumbing the thin telemetry clients share: one backend's base URL, credentials
 * and extra headers, requests with one deadline that covers the whole exchange, answers
 * read up to a byte cap (a server that ignores its limits cannot make Cairn buffer
 * without bound), and failures turned into {@link dev.cairn.telemetry.BackendException}s
 * that name the backend and never carry credentials.
 */
package dev.cairn.telemetry.http;
