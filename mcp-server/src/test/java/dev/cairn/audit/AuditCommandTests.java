package dev.cairn.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cairn audit verify} on an H2 file, as the sandbox keeps the trail: its report
 * and its exit codes, and that it runs from the application's main without starting the
 * server.
 */
class AuditCommandTests {

	@TempDir
	Path dir;

	@Test
	void reportsAnIntactTrailThenEveryAnomalyOnceTampered() throws Exception {
		String url = writeTrail();
		Run intact = run("verify", "--spring.datasource.url=" + url, "--cairn.audit.key-file=" + keyFile());
		assertThat(intact.code).as(intact.out + intact.err).isEqualTo(AuditCommand.INTACT);
		assertThat(intact.out).contains("audit trail: 40 entries (seq 1..40); head records entry 40")
			.contains("INTACT");
		try (HikariDataSource dataSource = dataSource(url);
				Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE audit_entry SET principal = 'user:default/mallory' WHERE seq = 7");
			statement.executeUpdate("DELETE FROM audit_entry WHERE seq = 20");
		}
		Run tampered = run("verify", "--spring.datasource.url=" + url, "--cairn.audit.key-file=" + keyFile());
		assertThat(tampered.code).isEqualTo(AuditCommand.TAMPERED);
		assertThat(tampered.out).contains("seq 7: not authentic:")
			.contains("seq 20: missing: entry 20 is missing: it was deleted")
			.contains("seq 21: broken link:")
			.contains("TAMPERED: 3 anomalies");
	}

	@Test
	void cannotVerifyWithoutAKeyOrATrail() throws Exception {
		String url = writeTrail();
		Run noKey = run("verify", "--spring.datasource.url=" + url, "--cairn.audit.key-file=" + this.dir.resolve("x"));
		assertThat(noKey.code).isEqualTo(AuditCommand.UNREADABLE);
		assertThat(noKey.err).contains("cannot verify: the audit key file").contains("does not exist");
		Run noTrail = run("verify", "--spring.datasource.url=jdbc:h2:mem:empty", "--cairn.audit.key-file=" + keyFile());
		assertThat(noTrail.code).isEqualTo(AuditCommand.UNREADABLE);
		assertThat(noTrail.err).contains("cannot read the audit trail");
		Run usage = run("check");
		assertThat(usage.code).isEqualTo(AuditCommand.UNREADABLE);
		assertThat(usage.err).contains("usage: cairn audit verify");
	}

	@Test
	void runsFromTheApplicationsMainWithoutStartingTheServer() throws Exception {
		String url = writeTrail();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				"dev.cairn.CairnApplication", "audit", "verify", "--spring.datasource.url=" + url, "--cairn.audit.key=",
				"--cairn.audit.key-file=" + keyFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("INTACT").doesNotContain("Tomcat", "MCP");
	}

	/** A trail of 20 calls in an H2 file, written with a key kept in a file. */
	private String writeTrail() throws Exception {
		Files.writeString(keyFile(),
				Base64.getEncoder()
					.encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
							21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 }));
		String url = "jdbc:h2:file:" + this.dir.resolve("cairn").toAbsolutePath();
		try (HikariDataSource dataSource = dataSource(url);
				AuditStore store = new AuditStore(dataSource, TestEntries.KEY)) {
			Flyway.configure().dataSource(dataSource).load().migrate();
			store.append(TestEntries.calls(20, 1, 3));
		}
		return url;
	}

	private Path keyFile() {
		return this.dir.resolve("audit.key");
	}

	private static HikariDataSource dataSource(String url) {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL(url);
		h2.setUser("sa");
		return TestDatabase.pool(h2, 2);
	}

	private static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		// The tests' configuration sets a key; these runs name their own.
		String[] all = java.util.stream.Stream
			.concat(List.of(args).stream(), java.util.stream.Stream.of("--cairn.audit.key="))
			.toArray(String[]::new);
		int code = AuditCommand.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int code, String out, String err) {
	}

}
