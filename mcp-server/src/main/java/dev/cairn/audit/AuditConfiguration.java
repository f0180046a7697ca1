package dev.cairn.audit;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit trail's beans. The schema comes from the Flyway migrations in
 * {@code db/migration}, run by Spring Boot at start, before the store is created.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	AuditKey auditKey(AuditProperties properties) {
		return properties.loadKey(true);
	}

	// After Flyway: over stdio the MCP server starts reading requests while the context
	// is
	// still starting, and the tools (so the guard, so this store) are what it waits for.
	@Bean
	@DependsOnDatabaseInitialization
	AuditStore auditStore(DataSource dataSource, AuditKey key) {
		return new AuditStore(dataSource, key);
	}

	@Bean
	AuditTrail auditTrail(AuditStore store, AuditKey key, Clock clock) {
		return new AuditTrail(new AuditWriter(store), new AuditSearch(store.dataSource()), key, clock);
	}

}
