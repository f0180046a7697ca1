/**
 * Who is calling. Every request, whatever its channel, is turned into a
 * {@link dev.cairn.identity.Caller} here and nowhere else, so that later policy, approval
 * and audit code sees one identity model. Identity is never defaulted silently: the only
 * default is the configured demo developer for unauthenticated loopback and stdio
 * requests, and only while the sandbox profile enables it.
 */
package dev.cairn.identity;
