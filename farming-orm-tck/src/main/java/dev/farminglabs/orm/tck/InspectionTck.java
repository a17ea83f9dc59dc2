package dev.farminglabs.orm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.stream.Stream;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NumericIds;
import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.RuntimeSetupException;
import dev.farminglabs.orm.runtime.DetectedRuntime;
import dev.farminglabs.orm.runtime.RuntimeCandidate;
import dev.farminglabs.orm.runtime.RuntimeInspection;
import dev.farminglabs.orm.setup.SchemaSetup;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runtime inspection and the driver handle: the backend's raw client is detected as the runtime the client runs on,
 * anything else is explained without throwing, and the declared capabilities are consistent and stable.
 */
public abstract class InspectionTck extends TckSupport {

	protected InspectionTck(TckBackend backend) {
		super(backend);
	}

	/** Objects no driver can use, with the class name the inspection must report. */
	static Stream<Arguments> unusableClients() {
		Object throwingProxy = Proxy.newProxyInstance(InspectionTck.class.getClassLoader(),
				new Class<?>[] { Runnable.class, Comparable.class }, (proxy, method, args) -> {
					throw new IllegalStateException("every call fails: " + method.getName());
				});
		return Stream.of(Arguments.of(Named.of("an Object", new Object()), "java.lang.Object"),
				Arguments.of(Named.of("a JDBC URL", "jdbc:postgresql://localhost/app"), "java.lang.String"),
				Arguments.of(Named.of("null", null), "null"),
				Arguments.of(Named.of("a proxy whose every method throws", throwingProxy),
						throwingProxy.getClass().getName()));
	}

	@Test
	void detectsTheRuntimeTheClientRunsOn() {
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(this.runtime);
		DriverHandle driver = this.orm.driver();
		assertThat(inspection.runtime()).as("detected runtime; summary: %s", inspection.summary()).isPresent();
		DetectedRuntime detected = inspection.runtime().orElseThrow();
		assertThat(detected.kind()).isEqualTo(driver.kind());
		assertThat(detected.dialect()).isEqualTo(driver.dialect());
		assertThat(detected.source()).isNotBlank();
		assertThat(inspection.clientClass()).isEqualTo(this.runtime.getClass().getName());
		assertThat(inspection.summary()).isNotBlank().contains(driver.kind());
		assertThat(inspection.hint()).isEmpty();
	}

	@Test
	void listsTheMatchingFamilyAmongTheCandidates() {
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(this.runtime);
		assertThat(inspection.candidates()).anySatisfy((candidate) -> {
			assertThat(candidate.matched()).isTrue();
			assertThat(candidate.kind()).isEqualTo(this.orm.driver().kind());
			assertThat(candidate.reasons()).isNotEmpty();
		});
		assertThat(inspection.candidates()).allSatisfy((candidate) -> {
			assertThat(candidate.kind()).isNotBlank();
			assertThat(candidate.reasons()).as("reasons of %s", candidate.kind()).isNotEmpty();
			assertThat(candidate.matched()).isEqualTo(candidate.runtime() != null);
		});
	}

	@Test
	void inspectionIsRepeatable() {
		RuntimeInspection first = FarmingOrm.inspectDatabaseRuntime(this.runtime);
		RuntimeInspection second = FarmingOrm.inspectDatabaseRuntime(this.runtime);
		assertThat(second.runtime().map(DetectedRuntime::label)).isEqualTo(first.runtime().map(DetectedRuntime::label));
		assertThat(second.candidates()).extracting(RuntimeCandidate::kind)
			.containsExactlyElementsOf(first.candidates().stream().map(RuntimeCandidate::kind).toList());
	}

	@ParameterizedTest
	@MethodSource("unusableClients")
	void explainsAnUnusableClientWithoutThrowing(@Nullable Object client, String className) {
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(client);
		assertThat(inspection.runtime()).isEmpty();
		assertThat(inspection.clientClass()).isEqualTo(className);
		assertThat(inspection.summary()).contains(className);
		assertThat(inspection.hint()).hasValueSatisfying((hint) -> assertThat(hint).isNotBlank());
		assertThat(inspection.candidates()).noneMatch(RuntimeCandidate::matched);
	}

	@Test
	void creatingAClientOnAnUnusableObjectFailsAtDetectWithTheHint() {
		Object client = new Object();
		String hint = FarmingOrm.inspectDatabaseRuntime(client).hint().orElseThrow();
		Throwable thrown = catchThrowable(() -> FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, client));
		assertThat(thrown).isInstanceOf(RuntimeSetupException.class);
		RuntimeSetupException error = (RuntimeSetupException) thrown;
		assertThat(error.stage()).isEqualTo(RuntimeSetupException.Stage.DETECT);
		assertThat(error.code()).isEqualTo(OrmErrorCode.UNSUPPORTED_OPERATION);
		assertThat(error.getMessage()).contains(hint).contains("java.lang.Object");
	}

	@Test
	void pushingToAnUnusableObjectFailsAtDetect() {
		Throwable thrown = catchThrowable(() -> SchemaSetup.pushSchema(TckSchema.SCHEMA, "not a database"));
		assertThat(thrown).isInstanceOf(RuntimeSetupException.class);
		assertThat(((RuntimeSetupException) thrown).stage()).isEqualTo(RuntimeSetupException.Stage.DETECT);
	}

	@Test
	void capabilitiesAreConsistent() {
		Capabilities caps = this.caps;
		assertThat(caps.supportsNumericIds()).isEqualTo(caps.numericIds() != NumericIds.NONE);
		assertThat(caps.maxBatchSize()).isGreaterThanOrEqualTo(1);
		assertThat(caps.datetimePrecision()).isNotNull();
		assertThat(caps.datetimePrecision().getDuration()).isLessThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(caps.returning()).isNotNull();
		assertThat(caps.returningMode()).isNotNull();
		assertThat(caps.nativeRelations()).isNotNull();
		assertThat(caps.textComparison()).isNotNull();
		assertThat(caps.textMatching()).isNotNull();
		assertThat(caps.upsert()).isNotNull();
		assertThat(caps.toBuilder().build()).isEqualTo(caps);
	}

	@Test
	void driverHandleIsStable() {
		DriverHandle handle = this.orm.driver();
		assertThat(this.orm.driver()).isEqualTo(handle);
		assertThat(handle.kind()).isNotBlank();
		assertThat(handle.dialect()).isNotBlank();
		assertThat(handle.capabilities()).isEqualTo(this.caps);
		OrmClient second = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, this.runtime);
		assertThat(second.driver()).isEqualTo(handle);
	}

	@Test
	void clientServesTheSchemaItWasCreatedFor() {
		assertThat(this.orm.schema()).isSameAs(TckSchema.SCHEMA);
		OrmClient framework = FarmingOrm.createOrmFromRuntime(FrameworkModels.FRAMEWORK, this.runtime);
		assertThat(framework.schema()).isSameAs(FrameworkModels.FRAMEWORK);
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> framework.model("user"));
	}

}
