package dev.cairn.goldenpath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cairn.catalog.EntityRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PlannerTests {

	@TempDir
	Path data;

	private Planner planner(Planner.ExistingEntities catalog) {
		return new Planner(new Renderer(), new GitLocations(this.data.resolve("git").toString(), null, null), catalog);
	}

	private Planner planner() {
		return planner((ref) -> Optional.empty());
	}

	@ParameterizedTest
	@ValueSource(strings = { "go-service", "spring-boot-service", "typescript-service" })
	void plansEveryShippedTemplateWithTheRenderersFilesAndStableHashes(String name) {
		GoldenPath template = GoldenPathFixtures.template(name);
		Plan plan = planner().plan(template, GoldenPathFixtures.fraudScorer(), "user:default/ada");
		RenderedTree tree = new Renderer().render(template, GoldenPathFixtures.fraudScorer());
		PlannedEffect.RepositoryCreation creation = (PlannedEffect.RepositoryCreation) plan.step("create-repository")
			.effect();
		assertThat(creation.commit().files()).extracting(PlannedCommit.PlannedFile::path)
			.containsExactlyElementsOf(tree.paths());
		assertThat(creation.commit().files()).allSatisfy((file) -> {
			RenderedFile rendered = tree.file(file.path());
			assertThat(file.size()).isEqualTo(rendered.content().length);
			assertThat(file.sha256()).isEqualTo(CommitPlanner.sha256(rendered.content())).hasSize(64);
			assertThat(file.mode()).isEqualTo(rendered.executable() ? "100755" : "100644");
		});
		assertThat(creation.commit().author()).isEqualTo("user:default/ada");
		assertThat(creation.location())
			.isEqualTo(this.data.resolve("git").resolve("acme").resolve("fraud-scorer.git").normalize().toString());
		assertThat(creation.commit().diff()).contains("diff --git a/catalog-info.yaml b/catalog-info.yaml")
			.contains("+  name: fraud-scorer");
		assertThat(planner().plan(template, GoldenPathFixtures.fraudScorer(), "user:default/ada")).isEqualTo(plan);
		assertThat(plan.target()).isEqualTo("component:default/fraud-scorer");
		assertThat(plan.failsAt()).isNull();
		assertThat(plan.totals()).isEqualTo(new Plan.Totals(tree.files().size()
				+ ((PlannedEffect.GitOpsDeployment) plan.step("deploy-staging").effect()).commit().files().size(), 2, 1,
				1));
	}

	@Test
	void describesTheCatalogEntryTheClaimAndTheDeployment() {
		Plan plan = planner().plan(GoldenPathFixtures.template("go-service"), GoldenPathFixtures.fraudScorer(),
				"user:default/ada");
		PlannedEffect.CatalogRegistration entry = (PlannedEffect.CatalogRegistration) plan.step("register").effect();
		assertThat(entry.ref()).isEqualTo("component:default/fraud-scorer");
		assertThat(entry.owner()).isEqualTo("group:default/team-risk");
		assertThat(entry.system()).isEqualTo("system:default/risk");
		assertThat(entry.lifecycle()).isEqualTo("experimental");
		assertThat(entry.annotations()).containsEntry("cairn.dev/golden-path", "go-service");
		assertThat(entry.existing()).isNull();
		PlannedEffect.ResourceClaim claim = (PlannedEffect.ResourceClaim) plan.step("provision-database").effect();
		assertThat(claim.kind()).isEqualTo("postgres");
		assertThat(claim.name()).isEqualTo("fraud-scorer-db");
		assertThat(claim.environment()).isEqualTo("staging");
		assertThat(claim.encryptedAtRest()).isTrue();
		assertThat(claim.credentialsSecret()).isEqualTo("fraud-scorer-db-credentials");
		PlannedEffect.GitOpsDeployment deployment = (PlannedEffect.GitOpsDeployment) plan.step("deploy-staging")
			.effect();
		assertThat(deployment.path()).isEqualTo("risk/fraud-scorer/overlays/staging");
		assertThat(deployment.version()).isEqualTo("latest");
		assertThat(deployment.commit().files()).extracting(PlannedCommit.PlannedFile::path)
			.contains("risk/fraud-scorer/base/deployment.yaml", "risk/fraud-scorer/overlays/staging/kustomization.yaml")
			.noneMatch((path) -> path.contains("production"));
		assertThat(deployment.healthChecks()).anyMatch((check) -> check.contains("GET /readyz"))
			.anyMatch((check) -> check.contains("GET /healthz"));
		String text = PlanText.of(plan);
		assertThat(text).contains("4. provision-cache (resource.provision): skipped")
			.contains("credentials in secret fraud-scorer-db-credentials")
			.endsWith("nothing was changed.");
	}

	@Test
	void skipsOptionalStepsWhenTheirConditionIsFalse() {
		Map<String, Object> parameters = new LinkedHashMap<>(GoldenPathFixtures.fraudScorer());
		parameters.put("database", "none");
		Plan plan = planner().plan(GoldenPathFixtures.template("go-service"), parameters, "user:default/ada");
		assertThat(plan.step("provision-database").runs()).isFalse();
		assertThat(plan.step("provision-database").effect()).isNull();
		assertThat(plan.step("provision-cache").runs()).isFalse();
		assertThat(plan.totals().resources()).isZero();
		assertThat(PlanText.of(plan))
			.contains("3. provision-database (resource.provision): skipped, ${{ parameters.database == 'postgres' }}");
	}

	@Test
	void refusesInvalidParametersNamingTheField() {
		Map<String, Object> parameters = new LinkedHashMap<>(GoldenPathFixtures.fraudScorer());
		parameters.put("name", "Fraud_Scorer");
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> planner().plan(GoldenPathFixtures.template("go-service"), parameters, "user:default/ada"))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement().asString().startsWith("parameters.name: "));
	}

	@Test
	void saysCatalogRegisterWouldFailWhenTheNameIsTaken() {
		Planner planner = planner((ref) -> ref.equals(EntityRef.parse("component:default/fraud-scorer"))
				? Optional.of("component:default/fraud-scorer (owner team-payments)") : Optional.empty());
		Plan plan = planner.plan(GoldenPathFixtures.template("go-service"), GoldenPathFixtures.fraudScorer(),
				"user:default/ada");
		assertThat(plan.failsAt()).isEqualTo("register");
		assertThat(plan.step("register").failure())
			.startsWith("catalog.register would fail: component:default/fraud-scorer (owner team-payments) already");
		assertThat(PlanText.of(plan)).contains("WOULD FAIL: catalog.register would fail")
			.contains("The run would stop at step register.");
	}

	@Test
	void changesNoFile() throws IOException {
		for (String name : List.of("go-service", "spring-boot-service", "typescript-service")) {
			planner().plan(GoldenPathFixtures.template(name), GoldenPathFixtures.fraudScorer(), "user:default/ada");
		}
		try (Stream<Path> files = Files.list(this.data)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void boundsTheDiffAndSaysWhatWasCut() {
		Plan plan = planner().plan(GoldenPathFixtures.template("spring-boot-service"), GoldenPathFixtures.fraudScorer(),
				"user:default/ada");
		PlannedCommit commit = ((PlannedEffect.RepositoryCreation) plan.step("create-repository").effect()).commit();
		long added = commit.diff().lines().filter((line) -> line.startsWith("+") && !line.startsWith("+++")).count();
		assertThat(added).isLessThanOrEqualTo(CommitPlanner.LINES_PER_COMMIT);
		if (commit.diffTruncated()) {
			assertThat(commit.diff()).contains(" not shown");
		}
	}

}
