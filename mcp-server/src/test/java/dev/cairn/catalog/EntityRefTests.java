package dev.cairn.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EntityRefTests {

	@Test
	void parsesEveryBackstageForm() {
		assertThat(EntityRef.parse("component:default/payment-api")).hasToString("component:default/payment-api");
		assertThat(EntityRef.parse("group:payments", "component", "default")).hasToString("group:default/payments");
		assertThat(EntityRef.parse("payment-api", "component", "default")).hasToString("component:default/payment-api");
		assertThat(EntityRef.parse("shop/checkout", "component", "default")).hasToString("component:shop/checkout");
	}

	@Test
	void defaultsNamespaceToTheDeclaringEntitysNamespace() {
		assertThat(EntityRef.parse("team-x", "group", "finance")).hasToString("group:finance/team-x");
	}

	@Test
	void comparesCaseInsensitively() {
		assertThat(EntityRef.parse("Component:Default/Payment-API"))
			.isEqualTo(EntityRef.parse("component:default/payment-api"));
	}

	@Test
	void refusesARefWithoutKindWhereNoDefaultExists() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntityRef.parse("payments-db", null, "default"))
			.withMessageContaining("has no kind")
			.withMessageContaining("component:payments-db");
	}

	@Test
	void refusesMalformedRefs() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntityRef.parse("component:"))
			.withMessageContaining("no name");
		assertThatIllegalArgumentException().isThrownBy(() -> EntityRef.parse("a:b/c/d"))
			.withMessageContaining("not of the form");
		assertThatIllegalArgumentException().isThrownBy(() -> EntityRef.parse(" ")).withMessageContaining("empty");
	}

	@Test
	void shortFormDropsTheDefaultNamespaceOnly() {
		assertThat(EntityRef.parse("component:default/a").toShortString()).isEqualTo("component:a");
		assertThat(EntityRef.parse("component:ops/a").toShortString()).isEqualTo("component:ops/a");
	}

}
