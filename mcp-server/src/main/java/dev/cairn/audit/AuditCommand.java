package dev.cairn.audit;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code cairn audit verify}: checks the whole trail and prints every anomaly with its
 * sequence. It reads the same configuration as the server
 * ({@code application.properties}, profiles, environment, {@code --name=value} arguments)
 * but starts nothing except a connection pool: no MCP server, no migrations, no key
 * generation.
 * <p>
 * Exit codes: 0 the trail is intact, 1 it was tampered with, 2 it cannot be read (no
 * database, no trail, no key, or bad usage).
 */
public final class AuditCommand {

	public static final int INTACT = 0;

	public static final int TAMPERED = 1;

	public static final int UNREADABLE = 2;

	private static final String USAGE = """
			usage: cairn audit verify [--name=value ...]
			  Checks every entry of the audit trail and its head, and reports each anomaly with its sequence.
			  Options are Cairn's configuration properties, e.g. --spring.datasource.url=jdbc:postgresql://db/cairn
			  --spring.datasource.username=cairn --cairn.audit.key-file=/etc/cairn/audit.key
			  Exit code: 0 intact, 1 tampered, 2 cannot read.""";

	private AuditCommand() {
	}

	/** Runs {@code audit <subcommand> [options]} and returns the exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0 || !"verify".equals(args[0])) {
			err.println(USAGE);
			return UNREADABLE;
		}
		List<String> options = new ArrayList<>();
		// Quiet unless asked otherwise: the report is the output. Later arguments win.
		options.add("--logging.level.root=WARN");
		options.add("--spring.main.banner-mode=off");
		options.addAll(Arrays.asList(args).subList(1, args.length));
		for (String option : options) {
			if (!option.startsWith("--")) {
				err.println("unexpected argument '" + option + "'\n" + USAGE);
				return UNREADABLE;
			}
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VerifyContext.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.run(options.toArray(String[]::new))) {
			AuditKey key;
			try {
				key = context.getBean(AuditProperties.class).loadKey(false);
			}
			catch (RuntimeException ex) {
				err.println("cannot verify: " + ex.getMessage());
				return UNREADABLE;
			}
			return verify(new AuditStore(context.getBean(DataSource.class), key), key, out, err);
		}
		catch (RuntimeException ex) {
			err.println("cannot verify: " + ex.getMessage());
			return UNREADABLE;
		}
	}

	static int verify(AuditStore store, AuditKey key, PrintStream out, PrintStream err) {
		AuditVerifier.Report report;
		try {
			report = AuditVerifier.verify(store, key);
		}
		catch (SQLException ex) {
			err.println("cannot read the audit trail: " + ex.getMessage()
					+ " (check spring.datasource.*; the trail's tables are created when the gateway first starts)");
			return UNREADABLE;
		}
		out.println("audit trail: " + report.entries() + " entries"
				+ ((report.entries() > 0) ? " (seq " + report.firstSeq() + ".." + report.lastSeq() + ")" : "")
				+ ((report.headSeq() >= 0) ? "; head records entry " + report.headSeq() : "; no head"));
		for (Anomaly anomaly : report.anomalies()) {
			out.println(anomaly);
		}
		if (report.clean()) {
			out.println("INTACT: every entry matches its MAC and chains to the one before; the head matches the end");
			return INTACT;
		}
		out.println("TAMPERED: " + report.anomalies().size() + " anomalies");
		return TAMPERED;
	}

	/** Just the data source and the audit settings. Not a component: nothing scans it. */
	@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
	@EnableConfigurationProperties(AuditProperties.class)
	static class VerifyContext {

	}

}
