/**
 * Secret redaction, in one place: the masks applied to anything that leaves the gateway
 * or is kept by it (audit records, error texts, log lines, and the log lines, events and
 * env values read from the platform). {@link dev.cairn.redaction.Redactor} is the way in;
 * {@code SecretRules} lists the formats it knows by their shape (provider tokens, JWTs,
 * private keys), and {@code SecretKeys} the names under which any value is a secret. It
 * depends on nothing else in Cairn.
 */
package dev.cairn.redaction;
