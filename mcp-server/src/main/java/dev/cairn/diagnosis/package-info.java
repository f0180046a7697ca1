/**
 * "Why is my deploy failing?": deterministic analyzers over one snapshot of a deployment
 * and its surroundings (pods, events, jobs, logs, metrics, delivery status, CI builds,
 * and the services it depends on), read through the telemetry ports. Findings carry a
 * code, evidence, the change that introduced them, a fix, and are ranked root cause
 * before symptom; the diagnosis adds the owner and on-call from the catalog.
 */
package dev.cairn.diagnosis;
