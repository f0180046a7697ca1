/**
 * Secret redaction, in one place: the masks applied to anything that leaves the gateway
 * or is kept by it (audit records, error texts, log lines; later, log lines and events
 * from the platform). It masks values under secret-looking keys and secret-looking
 * strings anywhere (bearer tokens, JWTs, PEM private keys, cloud and GitHub tokens,
 * passwords in connection strings). It depends on nothing else in Cairn.
 */
package dev.cairn.redaction;
