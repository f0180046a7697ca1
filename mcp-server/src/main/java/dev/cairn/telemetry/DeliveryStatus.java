package dev.cairn.telemetry;

import java.time.Instant;

/**
 * A delivery application's state, in Argo CD's terms (which the sandbox uses too).
 *
 * @param application the application's name
 * @param sync Synced, OutOfSync or Unknown
 * @param health Healthy, Progressing, Degraded, Suspended, Missing or Unknown
 * @param healthMessage why, when the health is not Healthy; may be {@code null}
 * @param revision the source revision (commit) it is synced to, or {@code null}
 * @param operation the last sync operation's phase (Running, Succeeded, Failed, Error),
 * or {@code null} when none ran
 * @param operationMessage that operation's message, or {@code null}
 * @param operationFinishedAt when it finished, or {@code null}
 */
public record DeliveryStatus(String application, String sync, String health, String healthMessage, String revision,
		String operation, String operationMessage, Instant operationFinishedAt) {

}
