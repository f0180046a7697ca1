package dev.cairn.diagnosis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ways programs and the kubelet say a configuration value is missing. */
class MissingConfigTests {

	@Test
	void namesTheKeyInTheUsualWordings() {
		assertThat(MissingConfig.keyIn("Could not resolve placeholder 'payments.url' in value \"${payments.url}\""))
			.isEqualTo("payments.url");
		assertThat(MissingConfig.keyIn("panic: missing required environment variable STRIPE_WEBHOOK_SECRET"))
			.isEqualTo("STRIPE_WEBHOOK_SECRET");
		assertThat(MissingConfig.keyIn("java.lang.IllegalStateException: required configuration value "
				+ "PAYMENT_SERVICE_URL is not set (expected in ConfigMap checkout-web-config)"))
			.isEqualTo("PAYMENT_SERVICE_URL");
		assertThat(MissingConfig.keyIn("Error: environment variable DATABASE_URL is not set"))
			.isEqualTo("DATABASE_URL");
		assertThat(MissingConfig.keyIn("couldn't find key REDIS_URL in ConfigMap shop/cart-config"))
			.isEqualTo("REDIS_URL");
		assertThat(MissingConfig.keyIn("secret \"payments-db-credentials\" not found"))
			.isEqualTo("payments-db-credentials");
		assertThat(MissingConfig.keyIn("FATAL: KAFKA_BROKERS must be set")).isEqualTo("KAFKA_BROKERS");
	}

	@Test
	void ignoresLinesThatDoNotSayAValueIsMissing() {
		assertThat(MissingConfig.keyIn("GET /health 200 3ms")).isNull();
		assertThat(MissingConfig.keyIn("FATAL: could not connect to payments-db:5432: connection refused")).isNull();
		assertThat(MissingConfig.keyIn("missing 3 rows in cart 42, retrying")).isNull();
		assertThat(MissingConfig.keyIn(null)).isNull();
	}

}
