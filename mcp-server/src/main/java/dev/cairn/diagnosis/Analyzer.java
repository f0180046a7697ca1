package dev.cairn.diagnosis;

import java.util.List;

import dev.cairn.telemetry.DeploymentSnapshot;

/**
 * One rule of the diagnosis: reads the observations of a deployed service and returns
 * what it recognises, or nothing. Analyzers are deterministic: the same observations give
 * the same findings.
 */
interface Analyzer {

	List<Finding> analyze(Observations seen, DeploymentSnapshot snapshot);

}
