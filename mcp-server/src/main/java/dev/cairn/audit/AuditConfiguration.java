package dev.cairn.audit;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit trail's beans. The schema comes from the Flyway migrations in
 * {@code db/migration}, run by Spring Boot at start.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	AuditKey auditKey(AuditProperties properties) {
		return properties.loadKey(true);
	}

	@Bean
	AuditStore auditStore(DataSource dataSource, AuditKey key) {
		return new AuditStore(dataSource, key);
	}

	@Bean
	AuditTrail auditTrail(AuditStore store, AuditKey key, Clock clock) {
		return new AuditTrail(new AuditWriter(store), new AuditSearch(store.dataSource()), key, clock);
	}

}
