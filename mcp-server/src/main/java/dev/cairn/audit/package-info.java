/**
 * The audit trail: every tool call recorded append-only, as two entries (one written
 * before the call runs, once it is decided; one after, with the outcome), each holding
 * the previous entry's hash and its own HMAC-SHA256 under a key the gateway holds outside
 * the database, plus a single sealed head row that catches a truncated tail. It owns the
 * storage (JDBC, Flyway migrations for H2 and PostgreSQL), the serialized group-commit
 * writer, the verifier behind {@code cairn audit verify}, and search. Arguments are kept
 * only as a keyed digest and a redacted copy. Callers use
 * {@link dev.cairn.audit.AuditTrail}; the rest is package-private.
 */
package dev.cairn.audit;
