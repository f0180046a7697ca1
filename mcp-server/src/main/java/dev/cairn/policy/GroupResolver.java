package dev.cairn.policy;

import java.util.List;

/**
 * Where a principal's groups come from (the catalog implements it), so that the policy
 * package needs no feature package to build an input.
 */
@FunctionalInterface
public interface GroupResolver {

	/**
	 * The groups a principal belongs to, directly and through parent groups, as full refs
	 * ({@code group:default/team-payments}), sorted; empty for a principal the catalog
	 * does not know.
	 * @param principal the principal's full ref, for example {@code user:default/dana}
	 */
	List<String> groupsOf(String principal);

}
