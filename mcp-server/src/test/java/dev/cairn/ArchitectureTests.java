package dev.cairn;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules the design rests on, checked on the compiled classes so that a change that
 * breaks one fails the build.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.cairn");

	@Test
	void onlyTheRegistrarPublishesTools() {
		noClasses().that()
			.doNotHaveFullyQualifiedName("dev.cairn.mcp.ToolRegistrar")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("io.modelcontextprotocol.server.McpServerFeatures$SyncToolSpecification")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("io.modelcontextprotocol.server.McpServerFeatures$AsyncToolSpecification")
			.because("every tool call must pass the guarded handler, and the registrar is its only way in")
			.check(CLASSES);
	}

	@Test
	void noToolIsDeclaredByAnnotation() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.ai.mcp.annotation..")
			.because("annotated tools would be published by Spring AI's scanner, around the guard")
			.check(CLASSES);
	}

	@Test
	void theMcpWiringKnowsNoFeature() {
		noClasses().that()
			.resideInAnyPackage("dev.cairn.mcp..", "dev.cairn.identity..", "dev.cairn.watch..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.cairn.catalog..", "dev.cairn.conformance..")
			.check(CLASSES);
	}

	@Test
	void thePolicyKnowsNoFeature() {
		noClasses().that()
			.resideInAPackage("dev.cairn.policy..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.cairn..")
				.and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("dev.cairn.policy..",
						"dev.cairn.identity..", "dev.cairn.rego..", "dev.cairn.watch.."))))
			.because("features and the MCP wiring use the policy, never the other way round; the policy reaches "
					+ "the catalog only through the GroupResolver and EntityResolver ports it declares")
			.check(CLASSES);
	}

	@Test
	void theAuditTrailDependsOnNoChannelAndNoFeature() {
		noClasses().that()
			.resideInAPackage("dev.cairn.audit")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.cairn.mcp..", "dev.cairn.catalog..", "dev.cairn.conformance..",
					"dev.cairn.audit.search..")
			.because("the guard writes to the trail: the trail must not call back into the MCP wiring")
			.check(CLASSES);
	}

	@Test
	void theRedactorStandsAlone() {
		noClasses().that()
			.resideInAPackage("dev.cairn.redaction..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.cairn.audit..", "dev.cairn.mcp..", "dev.cairn.catalog..", "dev.cairn.identity..")
			.because("everything that lets data out uses it, so it can use none of them")
			.check(CLASSES);
	}

	@Test
	void packagesFormNoCycles() {
		// The server's packages; the Rego library is one unit with its own layout.
		slices().matching("dev.cairn.(**)")
			.should()
			.beFreeOfCycles()
			.check(CLASSES.that(JavaClass.Predicates.resideOutsideOfPackage("dev.cairn.rego..")));
	}

	@Test
	void featuresDoNotReachIntoEachOther() {
		noClasses().that()
			.resideInAPackage("dev.cairn.catalog..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.cairn.conformance..")
			.check(CLASSES);
	}

}
