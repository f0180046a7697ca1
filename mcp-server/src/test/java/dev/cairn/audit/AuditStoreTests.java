package dev.cairn.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import dev.cairn.identity.Caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The audit trail on each database it supports: what a call's two entries hold, search,
 * concurrent appends from one and from two gateways, and that secrets stay out.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AuditStoreTests {

	static final Caller AGENT = new Caller("user:default/dana", Caller.PrincipalKind.USER, Caller.Channel.MCP,
			"claude-code/2.1", null, "local-demo:http");

	@Parameter
	TestDatabase database;

	private final List<HikariDataSource> pools = new ArrayList<>();

	private AuditStore store;

	private AuditTrail trail;

	@BeforeEach
	void open() {
		HikariDataSource dataSource = this.database.create(4);
		this.pools.add(dataSource);
		this.store = new AuditStore(dataSource, TestEntries.KEY);
		this.trail = trailOn(this.store);
	}

	@AfterEach
	void close() {
		this.pools.forEach(HikariDataSource::close);
	}

	@Test
	void aCallIsRecordedAsADecidedEntryThenACompletedOne() throws SQLException {
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("ref", "payment-api");
		arguments.put("depth", 2);
		AuditTrail.Ticket ticket = this.trail.decided(call("r-1", "catalog_dependencies", arguments),
				Decision.allow("no policy engine yet", null));
		this.trail.completed(ticket, Outcome.SUCCESS, null, 1234);
		List<AuditEntry> entries = entries();
		assertThat(entries).hasSize(2);
		AuditEntry decided = entries.get(0);
		assertThat(decided.seq()).isEqualTo(ticket.seq()).isEqualTo(1);
		assertThat(decided.type()).isEqualTo("decided");
		assertThat(decided.principal()).isEqualTo("user:default/dana");
		assertThat(decided.principalKind()).isEqualTo("user");
		assertThat(decided.agentClient()).isEqualTo("claude-code/2.1");
		assertThat(decided.channel()).isEqualTo("mcp");
		assertThat(decided.tool()).isEqualTo("catalog_dependencies");
		assertThat(decided.target()).isEqualTo("component:default/payment-api");
		assertThat(decided.arguments()).isEqualTo("{\"depth\":2,\"ref\":\"payment-api\"}");
		assertThat(decided.decision()).isEqualTo("allow");
		assertThat(decided.reasons()).isEqualTo("[\"no policy engine yet\"]");
		assertThat(decided.prevHash()).isEqualTo(AuditEntry.GENESIS);
		assertThat(decided.at()).isEqualTo(Instant.parse("2026-11-21T09:00:00.123456Z"));
		AuditEntry completed = entries.get(1);
		assertThat(completed.type()).isEqualTo("completed");
		assertThat(completed.decidedSeq()).isEqualTo(1);
		assertThat(completed.requestId()).isEqualTo("r-1");
		assertThat(completed.outcome()).isEqualTo("success");
		assertThat(completed.latencyMicros()).isEqualTo(1234);
		assertThat(completed.prevHash()).isEqualTo(decided.hash());
		assertThat(AuditVerifier.verify(this.store, TestEntries.KEY).anomalies()).isEmpty();
	}

	@Test
	void theArgumentsDigestIgnoresKeyOrderAndIsKeyed() throws Exception {
		Map<String, Object> one = new LinkedHashMap<>();
		one.put("a", 1);
		one.put("b", Map.of("y", true, "x", List.of("p", "q")));
		Map<String, Object> two = new LinkedHashMap<>();
		two.put("b", new LinkedHashMap<>(Map.of("x", List.of("p", "q"), "y", true)));
		two.put("a", 1);
		this.trail.decided(call("r-1", "t_one", one), Decision.allow("ok", null));
		this.trail.decided(call("r-2", "t_two", two), Decision.allow("ok", null));
		List<AuditEntry> entries = entries();
		assertThat(entries.get(0).argumentsDigest()).isEqualTo(entries.get(1).argumentsDigest());
		String plain = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256")
				.digest("{\"a\":1,\"b\":{\"x\":[\"p\",\"q\"],\"y\":true}}".getBytes(StandardCharsets.UTF_8)));
		assertThat(entries.get(0).argumentsDigest()).hasSize(64).isNotEqualTo(plain);
	}

	@Test
	void noSecretReachesTheStore() throws SQLException {
		Map<String, Object> arguments = Map.of("ref", "payment-api", "password", "hunter2-pw", "note",
				"use Bearer tok3n-abc-123 or postgres://app:db-pass-9@db/x");
		AuditTrail.Ticket ticket = this.trail.decided(call("r-1", "catalog_get_entity", arguments), new Decision(
				Decision.Verdict.DENY, List.of("token ghp_R2d2C3poR2d2C3poR2d2C3poR2d2C3po1234 leaked"), "rev-1"));
		this.trail.completed(ticket, Outcome.ERROR, "backend said: password=hunter2-pw rejected", 10);
		String everything = dump();
		assertThat(everything).contains("payment-api")
			.doesNotContain("hunter2-pw", "tok3n-abc-123", "db-pass-9", "ghp_R2d2");
	}

	@Test
	void searchFiltersAndPagesNewestFirst() {
		for (int i = 0; i < 12; i++) {
			Caller caller = (i % 3 == 0)
					? new Caller("user:default/maya", Caller.PrincipalKind.USER, Caller.Channel.MCP, null, null, "test")
					: AGENT;
			AuditCall call = new AuditCall("r-" + i, Instant.parse("2026-11-21T09:00:00Z").plusSeconds(i), caller,
					Caller.Channel.MCP, (i % 2 == 0) ? "catalog_search" : "catalog_get_entity",
					(i % 2 == 0) ? null : "component:default/payment-api", Map.of("i", i));
			AuditTrail.Ticket ticket = this.trail.decided(call,
					(i == 5) ? Decision.deny("invalid arguments", null) : Decision.allow("no policy engine yet", null));
			if (i != 11) {
				this.trail.completed(ticket, (i == 5) ? Outcome.DENIED : Outcome.SUCCESS, null, 100);
			}
		}
		AuditPage all = this.trail.search(new AuditQuery(null, null, null, null, null, null, null, null, 5));
		assertThat(all.total()).isEqualTo(12);
		assertThat(all.items()).extracting(AuditedCall::requestId).containsExactly("r-11", "r-10", "r-9", "r-8", "r-7");
		assertThat(all.items().get(0).outcome()).as("still running").isNull();
		assertThat(all.nextBeforeSeq()).isEqualTo(all.items().get(4).seq());
		AuditPage older = this.trail
			.search(new AuditQuery(null, null, null, null, null, null, null, all.nextBeforeSeq(), 5));
		assertThat(older.items()).extracting(AuditedCall::requestId).containsExactly("r-6", "r-5", "r-4", "r-3", "r-2");
		assertThat(this.trail.search(new AuditQuery("user:default/maya", null, null, null, null, null, null, null, 50))
			.items()).extracting(AuditedCall::requestId).containsExactly("r-9", "r-6", "r-3", "r-0");
		assertThat(this.trail
			.search(new AuditQuery(null, "catalog_get_entity", "component:default/payment-api", null, Outcome.SUCCESS,
					Instant.parse("2026-11-21T09:00:03Z"), Instant.parse("2026-11-21T09:00:09Z"), null, 50))
			.items()).extracting(AuditedCall::requestId).containsExactly("r-7", "r-3");
		AuditPage denied = this.trail
			.search(new AuditQuery(null, null, null, Decision.Verdict.DENY, Outcome.DENIED, null, null, null, 50));
		assertThat(denied.items()).singleElement().satisfies((call) -> {
			assertThat(call.requestId()).isEqualTo("r-5");
			assertThat(call.reasons()).containsExactly("invalid arguments");
			assertThat(call.arguments()).isEqualTo(Map.of("i", 5));
		});
		assertThat(denied.nextBeforeSeq()).isNull();
	}

	@Test
	void concurrentAppendsFromTwoGatewaysKeepOneChain() throws Exception {
		HikariDataSource second = TestDatabase.pool(this.pools.get(0).getDataSource(), 4);
		this.pools.add(second);
		List<AuditTrail> gateways = List.of(this.trail, trailOn(new AuditStore(second, TestEntries.KEY)));
		ExecutorService threads = Executors.newFixedThreadPool(8);
		List<Future<?>> done = new ArrayList<>();
		for (int thread = 0; thread < 8; thread++) {
			AuditTrail gateway = gateways.get(thread % 2);
			int id = thread;
			done.add(threads.submit(() -> {
				for (int i = 0; i < 100; i++) {
					AuditTrail.Ticket ticket = gateway.decided(call("t" + id + "-" + i, "catalog_search", Map.of()),
							Decision.allow("no policy engine yet", null));
					gateway.completed(ticket, Outcome.SUCCESS, null, 5);
				}
				return null;
			}));
		}
		for (Future<?> future : done) {
			future.get(2, TimeUnit.MINUTES);
		}
		threads.shutdown();
		gateways.forEach(AuditTrail::flush);
		AuditVerifier.Report report = AuditVerifier.verify(this.store, TestEntries.KEY);
		assertThat(report.anomalies()).isEmpty();
		assertThat(report.entries()).isEqualTo(1600);
		assertThat(report.lastSeq()).isEqualTo(1600);
		Map<Long, String> decidedRequests = new HashMap<>();
		List<AuditEntry> entries = entries();
		entries.stream()
			.filter((entry) -> entry.type().equals("decided"))
			.forEach((entry) -> decidedRequests.put(entry.seq(), entry.requestId()));
		assertThat(entries).filteredOn((entry) -> entry.type().equals("completed"))
			.hasSize(800)
			.allSatisfy((entry) -> assertThat(decidedRequests.get(entry.decidedSeq())).isEqualTo(entry.requestId()));
	}

	@Test
	void aCallWhoseDecisionCannotBeWrittenIsRefused() {
		this.pools.get(0).close();
		assertThatExceptionOfType(AuditUnavailableException.class)
			.isThrownBy(() -> this.trail.decided(call("r-1", "catalog_search", Map.of()), Decision.allow("ok", null)))
			.withMessageContaining("cannot append to the audit trail");
	}

	private static AuditTrail trailOn(AuditStore store) {
		return new AuditTrail(new AuditWriter(store), new AuditSearch(store.dataSource()), TestEntries.KEY,
				Clock.systemUTC());
	}

	private static AuditCall call(String requestId, String tool, Map<String, Object> arguments) {
		return new AuditCall(requestId, Instant.parse("2026-11-21T09:00:00.123456789Z"), AGENT, Caller.Channel.MCP,
				tool, tool.startsWith("catalog_d") ? "component:default/payment-api" : null, arguments);
	}

	private List<AuditEntry> entries() throws SQLException {
		this.trail.flush();
		List<AuditEntry> entries = new ArrayList<>();
		try (Connection connection = this.store.dataSource().getConnection()) {
			this.store.forEach(connection, entries::add);
		}
		return entries;
	}

	/** Every column of every row, as text. */
	private String dump() throws SQLException {
		StringBuilder out = new StringBuilder();
		try (Connection connection = this.store.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT * FROM audit_entry")) {
			int columns = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				for (int i = 1; i <= columns; i++) {
					out.append(rows.getString(i)).append('|');
				}
				out.append('\n');
			}
		}
		return out.toString();
	}

}
