package dev.cairn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.springframework.util.FileSystemUtils;

/**
 * Writes a synthetic but realistically shaped Backstage catalog folder for scale
 * benchmarks. The same shape and seed always give the same files.
 * <p>
 * Shape: a root group with one department per domain and teams under them; users who are
 * members of one team (some of two); and per system one multi-document file with the
 * system, its components, APIs and resources. Systems come in three layers: platform (the
 * first domain), shared business systems (the next three domains) and product systems
 * (the rest). Components are layered too, front ends → edge services → core services →
 * libraries and workers, and depend mostly downwards inside their system, so the graph is
 * mostly a DAG. A small share of dependencies crosses systems (product → shared →
 * platform), with a heavy skew towards a few popular platform components, which gives
 * those the large blast radii real platform libraries have. A handful of edges ignore the
 * layering (cycles exist in real catalogs too), and a few components consume an API that
 * is not in the catalog (dangling relations are routine in real catalogs and cost a
 * problem entry each).
 */
public final class CatalogGenerator {

	/** The domains, in order; the first is the platform, the next three are shared. */
	static final String[] DOMAINS = { "platform", "identity", "payments", "data", "commerce", "catalog", "search",
			"logistics", "marketing", "analytics", "customer", "support", "finance", "risk", "media", "messaging",
			"partner", "mobile", "security", "growth" };

	static final int SHARED_DOMAINS = 3;

	private static final String[] SYSTEM_NOUNS = { "core", "gateway", "portal", "engine", "hub", "tracker", "router",
			"registry", "scheduler", "notifier", "billing", "profile", "inventory", "pricing", "ranking", "reporting",
			"ingest", "export", "audit", "sync", "workflow", "archive", "insights", "connect", "studio" };

	private static final String[] FIRST_NAMES = { "alex", "amara", "ana", "ben", "chen", "chloe", "dana", "david",
			"elena", "emeka", "eva", "farah", "felix", "grace", "hana", "hugo", "ines", "ivan", "jade", "jonas", "kai",
			"kenji", "lara", "leo", "lina", "marco", "maya", "mei", "nadia", "noah", "omar", "olga", "pablo", "priya",
			"quinn", "rafael", "rosa", "sam", "sara", "tariq", "tess", "uma", "victor", "wei", "yara", "yusuf", "zoe",
			"zainab", "lucas", "ruth" };

	private static final String[] LAST_NAMES = { "adams", "ali", "bauer", "becker", "chen", "costa", "cruz", "dubois",
			"eze", "fischer", "garcia", "gomez", "gupta", "haas", "ito", "jansen", "kim", "kowalski", "kumar", "lam",
			"lee", "lopez", "martin", "meyer", "mills", "moreau", "nagy", "nguyen", "novak", "okafor", "olsen", "park",
			"patel", "perez", "quinn", "rossi", "sato", "schmidt", "silva", "singh", "smith", "tanaka", "torres",
			"vogel", "wagner", "wang", "weber", "wong", "yilmaz", "zhang" };

	private static final String[] LANGUAGES = { "java", "kotlin", "go", "typescript", "python" };

	/**
	 * How big a catalog to write.
	 *
	 * @param systems systems, spread evenly over the 20 domains (at most 25 per domain)
	 * @param groups groups: one root, one department per domain, the rest teams
	 * @param users users
	 * @param componentsPerSystem components per system, split 1:3:5:3 over front ends,
	 * edge services, core services and libraries
	 * @param apisPerSystem APIs per system
	 * @param resourcesPerSystem resources per system
	 */
	public record Shape(int systems, int groups, int users, int componentsPerSystem, int apisPerSystem,
			int resourcesPerSystem) {

		/** About 100,000 entities and 1,000,000 relations. */
		public static final Shape FULL = new Shape(500, 500, 5000, 120, 28, 40);

		/** A small catalog of the same shape, for tests. */
		public static final Shape SMALL = new Shape(40, 60, 300, 24, 6, 8);

		public int entities() {
			return DOMAINS.length + this.systems + this.groups + this.users
					+ this.systems * (this.componentsPerSystem + this.apisPerSystem + this.resourcesPerSystem) + 1;
		}

	}

	/** What was written. */
	public record Written(Path folder, int files, long bytes, int entities) {
	}

	private final Shape shape;

	private final Random random;

	private final List<SystemPlan> systems = new ArrayList<>();

	private final List<List<String>> teamsByDomain = new ArrayList<>();

	private final List<List<String>> membersByTeam = new ArrayList<>();

	private final List<String> teams = new ArrayList<>();

	private final List<List<SystemPlan>> systemsByLayer = List.of(new ArrayList<>(), new ArrayList<>(),
			new ArrayList<>());

	private CatalogGenerator(Shape shape, long seed) {
		this.shape = shape;
		this.random = new Random(seed);
	}

	/**
	 * Writes the catalog into {@code folder}, replacing whatever was there.
	 */
	public static Written generate(Path folder, Shape shape, long seed) {
		try {
			FileSystemUtils.deleteRecursively(folder);
			Files.createDirectories(folder.resolve("org"));
			Files.createDirectories(folder.resolve("systems"));
			return new CatalogGenerator(shape, seed).write(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Generates the benchmark catalog into the folder given as the first argument
	 * (default {@code target/bench-catalog}), unless it already holds this generator's
	 * output.
	 */
	public static void main(String[] args) throws IOException {
		long started = System.nanoTime();
		Path folder = BenchCatalog.folder(Path.of((args.length > 0) ? args[0] : "target/bench-catalog"));
		long bytes;
		long files;
		try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
			List<Path> yaml = walk.filter((path) -> path.toString().endsWith(".yaml")).toList();
			files = yaml.size();
			bytes = 0;
			for (Path path : yaml) {
				bytes += Files.size(path);
			}
		}
		System.out.printf("catalog: %,d entities planned, %,d files, %,d MB of YAML under %s (ready in %,d ms)%n",
				Shape.FULL.entities(), files, bytes >> 20, folder, (System.nanoTime() - started) / 1_000_000);
	}

	/** One system's components by layer, planned before any file is written. */
	private record SystemPlan(int index, String domain, String name, String owner, int layer, List<String> web,
			List<String> edge, List<String> core, List<String> libs, List<String> apis, List<String> resources) {

		List<String> deep() {
			List<String> deep = new ArrayList<>(this.core);
			deep.addAll(this.libs);
			return deep;
		}

	}

	private Written write(Path folder) throws IOException {
		planOrganisation();
		planSystems();
		int files = 0;
		long bytes = 0;
		int entities = 0;
		StringBuilder out = new StringBuilder();
		entities += writeRoot(out);
		bytes += flush(folder.resolve("catalog-info.yaml"), out);
		files++;
		entities += writeDomains(out);
		bytes += flush(folder.resolve("domains.yaml"), out);
		files++;
		entities += writeGroups(out);
		bytes += flush(folder.resolve("org/groups.yaml"), out);
		files++;
		for (int d = 0; d < DOMAINS.length; d++) {
			entities += writeUsers(out, d);
			bytes += flush(folder.resolve("org/users-" + DOMAINS[d] + ".yaml"), out);
			files++;
		}
		for (SystemPlan system : this.systems) {
			entities += writeSystem(out, system);
			bytes += flush(folder.resolve("systems/" + system.name() + ".yaml"), out);
			files++;
		}
		return new Written(folder, files, bytes, entities);
	}

	private static long flush(Path file, StringBuilder out) throws IOException {
		byte[] content = out.toString().getBytes(StandardCharsets.UTF_8);
		Files.write(file, content);
		out.setLength(0);
		return content.length;
	}

	private void planOrganisation() {
		for (int d = 0; d < DOMAINS.length; d++) {
			this.teamsByDomain.add(new ArrayList<>());
		}
		int teamCount = this.shape.groups() - 1 - DOMAINS.length;
		for (int t = 0; t < teamCount; t++) {
			int domain = t % DOMAINS.length;
			String team = "team-" + DOMAINS[domain] + "-" + (t / DOMAINS.length + 1);
			this.teamsByDomain.get(domain).add(team);
			this.teams.add(team);
			this.membersByTeam.add(new ArrayList<>());
		}
	}

	private void planSystems() {
		int perDomain = (this.shape.systems() + DOMAINS.length - 1) / DOMAINS.length;
		if (perDomain > SYSTEM_NOUNS.length) {
			throw new IllegalArgumentException("at most " + SYSTEM_NOUNS.length * DOMAINS.length + " systems");
		}
		int n = this.shape.componentsPerSystem();
		int web = Math.max(1, n / 12);
		int edge = Math.max(1, n / 4);
		int libs = Math.max(1, n / 4);
		int core = n - web - edge - libs;
		// Systems are numbered domain by domain so that "lower" systems (platform first)
		// come first; cross-system edges point only to lower layers.
		for (int i = 0; i < this.shape.systems(); i++) {
			int domain = i / perDomain;
			String domainName = DOMAINS[domain];
			String name = domainName + "-" + SYSTEM_NOUNS[i % perDomain];
			List<String> domainTeams = this.teamsByDomain.get(domain);
			String owner = domainTeams.get((i % perDomain) % domainTeams.size());
			int layer = (domain == 0) ? 0 : (domain <= SHARED_DOMAINS) ? 1 : 2;
			SystemPlan system = new SystemPlan(i, domainName, name, owner, layer, names(name, "web", web),
					names(name, "edge", edge), names(name, "svc", core), names(name, "lib", libs),
					names(name, "api", this.shape.apisPerSystem()), resourceNames(name));
			this.systems.add(system);
			this.systemsByLayer.get(layer).add(system);
		}
	}

	private static List<String> names(String system, String role, int count) {
		List<String> names = new ArrayList<>(count);
		for (int k = 1; k <= count; k++) {
			names.add(system + "-" + role + "-" + k);
		}
		return names;
	}

	private List<String> resourceNames(String system) {
		List<String> names = new ArrayList<>();
		String[] kinds = { "db", "queue", "bucket" };
		for (int k = 0; k < this.shape.resourcesPerSystem(); k++) {
			names.add(system + "-" + kinds[k % 3] + "-" + (k / 3 + 1));
		}
		return names;
	}

	private int writeRoot(StringBuilder out) {
		out.append("# Root of a generated benchmark catalog: the folder source reads every file anyway;\n")
			.append("# the location is here because real catalogs are registered through one.\n");
		document(out, "Location", "generated-org");
		out.append("  description: Root location of the generated benchmark organisation.\n");
		out.append(
				"spec:\n  type: file\n  targets:\n    - ./domains.yaml\n    - ./org/*.yaml\n    - ./systems/*.yaml\n");
		return 1;
	}

	private int writeDomains(StringBuilder out) {
		for (int d = 0; d < DOMAINS.length; d++) {
			document(out, "Domain", DOMAINS[d]);
			out.append("  title: ").append(title(DOMAINS[d])).append('\n');
			out.append("  description: Everything the ").append(DOMAINS[d]).append(" area builds and runs.\n");
			out.append("spec:\n  owner: dept-").append(DOMAINS[d]).append('\n');
		}
		return DOMAINS.length;
	}

	private int writeGroups(StringBuilder out) {
		document(out, "Group", "engineering");
		out.append("  title: Engineering\n  description: The engineering department.\n");
		out.append("spec:\n  type: department\n  profile:\n    displayName: Engineering\n");
		out.append("    email: engineering@acme.example.com\n  children:\n");
		for (String domain : DOMAINS) {
			out.append("    - dept-").append(domain).append('\n');
		}
		for (int d = 0; d < DOMAINS.length; d++) {
			document(out, "Group", "dept-" + DOMAINS[d]);
			out.append("  title: ").append(title(DOMAINS[d])).append(" Department\n");
			out.append("spec:\n  type: department\n  parent: engineering\n  children:\n");
			for (String team : this.teamsByDomain.get(d)) {
				out.append("    - ").append(team).append('\n');
			}
		}
		assignMembers();
		for (int t = 0; t < this.teams.size(); t++) {
			String team = this.teams.get(t);
			List<String> members = this.membersByTeam.get(t);
			document(out, "Group", team);
			out.append("  title: ").append(title(team)).append('\n');
			out.append("  description: Builds and runs the ").append(team.substring(5)).append(" services.\n");
			if (!members.isEmpty()) {
				out.append("  annotations:\n    cairn.dev/on-call-rotation: \"")
					.append(String.join(", ", members.subList(0, Math.min(4, members.size()))))
					.append("\"\n");
			}
			out.append("  links:\n    - url: https://chat.acme.example.com/channels/")
				.append(team)
				.append("\n      title: \"#")
				.append(team)
				.append("\"\n      icon: chat\n");
			out.append("spec:\n  type: team\n  profile:\n    displayName: ").append(title(team)).append('\n');
			out.append("    email: ").append(team).append("@acme.example.com\n");
			out.append("  parent: dept-").append(DOMAINS[t % DOMAINS.length]).append("\n  children: []\n");
		}
		return 1 + DOMAINS.length + this.teams.size();
	}

	/**
	 * Users are numbered; user u belongs to team u mod teams, one in five to a second.
	 */
	private void assignMembers() {
		for (int u = 0; u < this.shape.users(); u++) {
			this.membersByTeam.get(u % this.teams.size()).add(userName(u));
		}
	}

	private static String userName(int u) {
		int combos = FIRST_NAMES.length * LAST_NAMES.length;
		String name = FIRST_NAMES[u % FIRST_NAMES.length] + "."
				+ LAST_NAMES[(u / FIRST_NAMES.length) % LAST_NAMES.length];
		return (u < combos) ? name : name + (u / combos + 1);
	}

	private int writeUsers(StringBuilder out, int domain) {
		int written = 0;
		for (int u = 0; u < this.shape.users(); u++) {
			int team = u % this.teams.size();
			if (team % DOMAINS.length != domain) {
				continue;
			}
			String name = userName(u);
			document(out, "User", name);
			out.append("  title: ").append(title(name)).append('\n');
			out.append("spec:\n  profile:\n    displayName: ").append(title(name)).append('\n');
			out.append("    email: ").append(name).append("@acme.example.com\n  memberOf:\n");
			out.append("    - ").append(this.teams.get(team)).append('\n');
			if (this.random.nextInt(5) == 0) {
				List<String> sameDomain = this.teamsByDomain.get(domain);
				String second = sameDomain.get(this.random.nextInt(sameDomain.size()));
				if (!second.equals(this.teams.get(team))) {
					out.append("    - ").append(second).append('\n');
				}
			}
			written++;
		}
		return written;
	}

	private int writeSystem(StringBuilder out, SystemPlan system) {
		out.append("# ").append(system.name()).append(": generated benchmark system.\n");
		document(out, "System", system.name());
		out.append("  title: ").append(title(system.name())).append('\n');
		out.append("  description: The ").append(title(system.name())).append(" system.\n");
		out.append("  tags:\n    - ").append(system.domain()).append('\n');
		out.append("spec:\n  owner: ")
			.append(system.owner())
			.append("\n  domain: ")
			.append(system.domain())
			.append('\n');
		int written = 1;
		List<String> providers = new ArrayList<>(system.edge());
		providers.addAll(system.core());
		for (int layer = 0; layer < 4; layer++) {
			List<String> names = switch (layer) {
				case 0 -> system.web();
				case 1 -> system.edge();
				case 2 -> system.core();
				default -> system.libs();
			};
			for (int k = 0; k < names.size(); k++) {
				String name = names.get(k);
				List<String> provides = new ArrayList<>();
				int at = providers.indexOf(name);
				for (int a = at; at >= 0 && a < system.apis().size(); a += providers.size()) {
					provides.add(system.apis().get(a));
				}
				writeComponent(out, system, layer, k, name, provides);
				written++;
			}
		}
		for (int a = 0; a < system.apis().size(); a++) {
			writeApi(out, system, system.apis().get(a), a);
			written++;
		}
		for (int r = 0; r < system.resources().size(); r++) {
			writeResource(out, system, system.resources().get(r), r);
			written++;
		}
		return written;
	}

	private void writeComponent(StringBuilder out, SystemPlan system, int layer, int index, String name,
			List<String> provides) {
		String type = switch (layer) {
			case 0 -> "website";
			case 1, 2 -> "service";
			default -> (index % 3 == 0) ? "worker" : "library";
		};
		int tier = tierOf(system, layer);
		String owner = (this.random.nextInt(10) == 0) ? otherTeam(system) : system.owner();
		document(out, "Component", name);
		out.append("  title: ").append(title(name)).append('\n');
		out.append("  description: ").append(switch (layer) {
			case 0 -> "Front end";
			case 1 -> "Edge service";
			case 2 -> "Core service";
			default -> "Shared " + type;
		}).append(" of the ").append(title(system.name())).append(" system.\n");
		out.append("  labels:\n    tier: tier-").append(tier).append('\n');
		out.append("  annotations:\n");
		out.append("    github.com/project-slug: acme/").append(name).append('\n');
		out.append("    backstage.io/techdocs-ref: dir:.\n");
		if (!"library".equals(type)) {
			out.append("    backstage.io/kubernetes-id: ").append(name).append('\n');
			out.append("    pagerduty.com/service-id: P")
				.append(Integer.toString(name.hashCode() & 0xFFFFFF, 36).toUpperCase(Locale.ROOT))
				.append('\n');
		}
		out.append("  tags:\n    - ").append(LANGUAGES[this.random.nextInt(LANGUAGES.length)]).append('\n');
		if (tier == 1) {
			out.append("    - customer-facing\n");
		}
		if (!"library".equals(type)) {
			out.append("  links:\n    - url: https://runbooks.acme.example.com/")
				.append(system.name())
				.append('/')
				.append(name)
				.append("\n      title: Runbook\n      icon: docs\n");
		}
		out.append("spec:\n  type: ").append(type).append('\n');
		out.append("  lifecycle: ").append((this.random.nextInt(20) == 0) ? "experimental" : "production").append('\n');
		out.append("  owner: ").append(owner).append('\n');
		out.append("  system: ").append(system.name()).append('\n');
		if (!provides.isEmpty()) {
			out.append("  providesApis:\n");
			provides.forEach((api) -> out.append("    - ").append(api).append('\n'));
		}
		List<String> consumes = consumedApis(system, layer);
		if (!consumes.isEmpty()) {
			out.append("  consumesApis:\n");
			consumes.forEach((api) -> out.append("    - ").append(api).append('\n'));
		}
		Set<String> depends = dependencies(system, layer, index, name);
		if (!depends.isEmpty()) {
			out.append("  dependsOn:\n");
			depends.forEach((ref) -> out.append("    - ").append(ref).append('\n'));
		}
	}

	private static int tierOf(SystemPlan system, int layer) {
		if (system.layer() == 0) {
			return 1;
		}
		return switch (layer) {
			case 0 -> 1;
			case 1 -> (system.layer() == 1) ? 1 : 2;
			case 2 -> 2;
			default -> 3;
		};
	}

	private String otherTeam(SystemPlan system) {
		List<String> domainTeams = this.teamsByDomain.get(Arrays.asList(DOMAINS).indexOf(system.domain()));
		return domainTeams.get(this.random.nextInt(domainTeams.size()));
	}

	/** None, one or two APIs: mostly the system's own, sometimes a lower layer's. */
	private List<String> consumedApis(SystemPlan system, int layer) {
		List<String> apis = new ArrayList<>();
		int count = (layer == 3) ? this.random.nextInt(2) : this.random.nextInt(3);
		for (int i = 0; i < count; i++) {
			int roll = this.random.nextInt(100);
			SystemPlan from = system;
			if (roll < 20 && system.layer() > 0) {
				from = lowerSystem(system);
			}
			String api = from.apis().get(this.random.nextInt(from.apis().size()));
			if (!apis.contains(api)) {
				apis.add(api);
			}
		}
		// One component in 500 still consumes a retired API that is no longer in the
		// catalog.
		if (this.random.nextInt(500) == 0) {
			apis.add(system.name() + "-legacy-api");
		}
		return apis;
	}

	/**
	 * Three to five dependencies, mostly one layer down inside the system; about one in
	 * sixteen goes to a popular platform component, one in thirty to a lower layer's
	 * system, and one in five thousand anywhere in the system (which may close a cycle).
	 */
	private Set<String> dependencies(SystemPlan system, int layer, int index, String self) {
		Set<String> refs = new LinkedHashSet<>();
		int wanted = 3 + this.random.nextInt(3);
		for (int attempt = 0; refs.size() < wanted && attempt < wanted * 4; attempt++) {
			int roll = this.random.nextInt(10_000);
			String ref;
			if (roll < 2) {
				List<String> all = new ArrayList<>(system.deep());
				all.addAll(system.edge());
				ref = "component:" + all.get(this.random.nextInt(all.size()));
			}
			else if (roll < 650 && (system.layer() > 0 || system.index() > 0)) {
				ref = "component:" + popularPlatformComponent(system);
			}
			else if (roll < 980 && system.layer() > 0) {
				List<String> deep = lowerSystem(system).deep();
				ref = "component:" + deep.get(this.random.nextInt(deep.size()));
			}
			else {
				ref = inSystem(system, layer, index);
			}
			if (ref != null && !ref.equals("component:" + self)) {
				refs.add(ref);
			}
		}
		return refs;
	}

	/** A dependency inside the system, one or two layers down. */
	private String inSystem(SystemPlan system, int layer, int index) {
		int roll = this.random.nextInt(100);
		return switch (layer) {
			case 0 -> "component:" + pick((roll < 70) ? system.edge() : system.core(), 0);
			case 1 -> (roll < 70) ? "component:" + pick(system.core(), 0)
					: (roll < 85) ? "component:" + pick(system.libs(), 0) : "resource:" + pick(system.resources(), 0);
			case 2 -> (roll < 25 && index + 1 < system.core().size()) ? "component:" + pick(system.core(), index + 1)
					: (roll < 65) ? "component:" + pick(system.libs(), 0) : "resource:" + pick(system.resources(), 0);
			default -> (roll < 40 && index + 1 < system.libs().size()) ? "component:" + pick(system.libs(), index + 1)
					: "resource:" + pick(system.resources(), 0);
		};
	}

	/** Any element from {@code from} on, so edges inside a layer only point forwards. */
	private String pick(List<String> names, int from) {
		return names.get(from + this.random.nextInt(names.size() - from));
	}

	/**
	 * A platform core service or library, heavily skewed (cube of a uniform draw) towards
	 * the first platform systems and their first components: a few libraries everyone
	 * uses, a long tail few do. A platform system only picks platform systems before it.
	 */
	private String popularPlatformComponent(SystemPlan system) {
		int bound = (system.layer() == 0) ? system.index() : this.systemsByLayer.get(0).size();
		double u = this.random.nextDouble();
		SystemPlan platform = this.systems.get((int) (bound * u * u * u));
		List<String> deep = platform.deep();
		double v = this.random.nextDouble();
		return deep.get((int) (deep.size() * v * v * v));
	}

	/** A system in a lower layer: shared for products, platform for shared systems. */
	private SystemPlan lowerSystem(SystemPlan system) {
		List<SystemPlan> lower = this.systemsByLayer.get(system.layer() - 1);
		return lower.get(this.random.nextInt(lower.size()));
	}

	private void writeApi(StringBuilder out, SystemPlan system, String name, int index) {
		String type = switch (index % 4) {
			case 0, 1 -> "openapi";
			case 2 -> "grpc";
			default -> "asyncapi";
		};
		document(out, "API", name);
		out.append("  title: ").append(title(name)).append('\n');
		out.append("  description: ")
			.append(type.equals("asyncapi") ? "Events" : "Requests")
			.append(" of the ")
			.append(title(system.name()))
			.append(" system.\n");
		out.append("  tags:\n    - ").append(type).append('\n');
		out.append("spec:\n  type: ").append(type).append("\n  lifecycle: production\n");
		out.append("  owner: ").append(system.owner()).append("\n  system: ").append(system.name()).append('\n');
		out.append("  definition: |\n");
		switch (type) {
			case "openapi" -> out.append("    openapi: 3.0.3\n    info:\n      title: ")
				.append(title(name))
				.append("\n      version: 1.")
				.append(index)
				.append(".0\n    paths: {}\n");
			case "grpc" ->
				out.append("    syntax = \"proto3\";\n    package acme.").append(system.domain()).append(";\n");
			default -> out.append("    asyncapi: 2.6.0\n    info:\n      title: ")
				.append(title(name))
				.append("\n      version: 1.0.0\n    channels: {}\n");
		}
	}

	private void writeResource(StringBuilder out, SystemPlan system, String name, int index) {
		String type = switch (index % 3) {
			case 0 -> "database";
			case 1 -> "queue";
			default -> "s3-bucket";
		};
		document(out, "Resource", name);
		out.append("  title: ").append(title(name)).append('\n');
		out.append("  labels:\n    tier: tier-").append((index < 3) ? 1 : 2).append('\n');
		out.append("spec:\n  type: ").append(type).append('\n');
		out.append("  owner: ").append(system.owner()).append("\n  system: ").append(system.name()).append('\n');
	}

	private static void document(StringBuilder out, String kind, String name) {
		if (!out.isEmpty()) {
			out.append("---\n");
		}
		out.append("apiVersion: backstage.io/v1alpha1\nkind: ")
			.append(kind)
			.append("\nmetadata:\n  name: ")
			.append(name)
			.append('\n');
	}

	/** {@code payments-core-svc-3} → {@code Payments Core Svc 3}. */
	private static String title(String name) {
		StringBuilder title = new StringBuilder(name.length());
		boolean start = true;
		for (char c : name.toCharArray()) {
			if (c == '-' || c == '.') {
				title.append(' ');
				start = true;
			}
			else {
				title.append(start ? Character.toUpperCase(c) : c);
				start = false;
			}
		}
		return title.toString();
	}

}
