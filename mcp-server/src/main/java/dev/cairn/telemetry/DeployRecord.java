package dev.cairn.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * One past deploy.
 *
 * @param id the delivery system's id for it
 * @param version the version deployed (an image tag), or {@code null} when unknown
 * @param commit the source commit, or {@code null}
 * @param author who made that commit, or {@code null}
 * @param message the commit's first line, or {@code null}
 * @param deployedAt when it was deployed
 * @param outcome Succeeded, Failed, Running or RolledBack, or {@code null}
 */
public record DeployRecord(String id, String version, String commit, String author, String message, Instant deployedAt,
		String outcome) {

	public DeployRecord {
		Objects.requireNonNull(deployedAt, "deployedAt");
	}

}
