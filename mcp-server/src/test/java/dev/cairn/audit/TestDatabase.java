package dev.cairn.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.LoggerFactory;

/**
 * The databases the audit store is tested on: H2 in memory, and a real PostgreSQL
 * (zonky's embedded binary, started once per test JVM). Each {@link #create()} returns a
 * fresh, migrated database behind a connection pool, as the gateway has.
 */
enum TestDatabase {

	H2 {
		@Override
		DataSource raw(String name) {
			JdbcDataSource h2 = new JdbcDataSource();
			h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
			h2.setUser("sa");
			return h2;
		}
	},

	POSTGRESQL {
		@Override
		DataSource raw(String name) {
			EmbeddedPostgres postgres = Postgres.INSTANCE;
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			return postgres.getDatabase("postgres", name, Map.of("reWriteBatchedInserts", "true"));
		}
	};

	private static final AtomicInteger COUNTER = new AtomicInteger();

	abstract DataSource raw(String name);

	/** A new, empty, migrated database with a pool of {@code poolSize} connections. */
	HikariDataSource create(int poolSize) {
		quietLogging();
		String name = "audit_" + COUNTER.incrementAndGet();
		DataSource raw = raw(name);
		Flyway.configure().dataSource(raw).load().migrate();
		return pool(raw, poolSize);
	}

	HikariDataSource create() {
		return create(4);
	}

	/**
	 * Outside a Spring test, Logback logs everything at DEBUG; these libraries are
	 * chatty.
	 */
	private static void quietLogging() {
		for (String name : new String[] { "io.zonky", "org.flywaydb", "com.zaxxer", "org.h2" }) {
			((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
		}
	}

	/** Another pool on the same database, as a second gateway would have. */
	static HikariDataSource pool(DataSource raw, int poolSize) {
		HikariConfig config = new HikariConfig();
		config.setDataSource(raw);
		config.setMaximumPoolSize(poolSize);
		config.setMinimumIdle(1);
		return new HikariDataSource(config);
	}

	private static final class Postgres {

		static final EmbeddedPostgres INSTANCE = start();

		private static EmbeddedPostgres start() {
			try {
				EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						postgres.close();
					}
					catch (IOException ex) {
						// The JVM is ending; the temporary cluster goes with it.
					}
				}));
				return postgres;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
