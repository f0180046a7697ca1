package dev.cairn.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cairn.catalog.Catalog;
import dev.cairn.catalog.Entity;
import dev.cairn.catalog.EntityRef;
import dev.cairn.catalog.RelationType;
import dev.cairn.telemetry.ServiceTarget;

/**
 * Which of the catalog's components the sandbox deploys, and where: every Component with
 * a {@code backstage.io/kubernetes-id} runs in staging and, unless its lifecycle is
 * {@code experimental}, in production; in the namespace of its
 * {@code backstage.io/kubernetes-namespace} (else {@code default}), under a Deployment
 * named by its kubernetes-id.
 */
final class Fleet {

	static final List<String> ENVIRONMENTS = List.of("staging", "production");

	private Fleet() {
	}

	/** The workloads of every deployed component, by service and environment. */
	static Map<Workload.Key, Workload> of(Catalog catalog) {
		Map<Workload.Key, Workload> workloads = new LinkedHashMap<>();
		for (Entity entity : catalog.entities()) {
			for (String environment : environmentsOf(entity)) {
				Workload workload = workload(catalog, entity, environment);
				workloads.put(workload.key(), workload);
			}
		}
		return workloads;
	}

	/** The environments the sandbox deploys a catalog entity to; none for most. */
	static List<String> environmentsOf(Entity entity) {
		if (!"component".equals(entity.ref().kind()) || kubernetesId(entity) == null) {
			return List.of();
		}
		return "experimental".equals(entity.lifecycle()) ? List.of("staging") : ENVIRONMENTS;
	}

	static Workload workload(Catalog catalog, Entity entity, String environment) {
		List<Workload.Peer> dependencies = new ArrayList<>();
		String database = null;
		for (EntityRef ref : entity.related(RelationType.DEPENDS_ON)) {
			Optional<Entity> target = catalog.find(ref);
			if (target.isEmpty()) {
				continue;
			}
			Entity dependency = target.get();
			if (environmentsOf(dependency).contains(environment)) {
				dependencies.add(new Workload.Peer(dependency.metadata().name(), namespace(dependency),
						kubernetesId(dependency)));
			}
			else if (database == null && "resource".equals(ref.kind()) && "database".equals(dependency.type())) {
				database = dependency.metadata().name();
			}
		}
		String slug = entity.metadata().annotations().get(ServiceTarget.GITHUB_PROJECT_SLUG);
		String name = (kubernetesId(entity) != null) ? kubernetesId(entity) : entity.metadata().name();
		return new Workload(entity.metadata().name(), environment, namespace(entity), name,
				Workload.replicasIn(environment), Runtime.of(entity.metadata().tags()), authors(catalog, entity),
				dependencies, database,
				(slug != null && !slug.isBlank()) ? slug.trim() : "acme/" + entity.metadata().name());
	}

	static String kubernetesId(Entity entity) {
		String id = entity.metadata().annotations().get(ServiceTarget.KUBERNETES_ID);
		return (id != null && !id.isBlank()) ? id.trim() : null;
	}

	static String namespace(Entity entity) {
		String namespace = entity.metadata().annotations().get(ServiceTarget.KUBERNETES_NAMESPACE);
		return (namespace != null && !namespace.isBlank()) ? namespace.trim() : "default";
	}

	/**
	 * Who commits to the service: the members of its owning group, else the names in the
	 * group's on-call rotation, else the owning user, else a bot.
	 */
	static List<String> authors(Catalog catalog, Entity entity) {
		EntityRef owner = catalog.ownerOf(entity);
		List<String> authors = new ArrayList<>();
		if (owner != null && "user".equals(owner.kind())) {
			authors.add(owner.name());
		}
		Optional<Entity> group = (owner != null && "group".equals(owner.kind())) ? catalog.find(owner)
				: Optional.empty();
		if (group.isPresent()) {
			for (EntityRef member : group.get().related(RelationType.HAS_MEMBER)) {
				if ("user".equals(member.kind())) {
					authors.add(member.name());
				}
			}
			String rotation = group.get().metadata().annotations().get("cairn.dev/on-call-rotation");
			if (authors.isEmpty() && rotation != null) {
				for (String name : rotation.split(",")) {
					if (!name.isBlank()) {
						authors.add(name.trim());
					}
				}
			}
		}
		return authors.isEmpty() ? List.of("deploy-bot") : authors;
	}

}
