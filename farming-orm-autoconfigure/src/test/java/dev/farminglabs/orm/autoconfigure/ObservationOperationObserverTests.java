package dev.farminglabs.orm.autoconfigure;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.OperationObserver;
import dev.farminglabs.orm.error.OrmException;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObservationOperationObserverTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FarmingOrmAutoConfiguration.class))
		.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
				TestConfigurations.H2Configuration.class);

	@Test
	void everyModelOperationIsObservedWithLowCardinalityTags() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				context.getBean(OrmClient.class).model("auditLog").count();
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo(ObservationOperationObserver.NAME)
					.that()
					.hasLowCardinalityKeyValue("schema", "framework")
					.hasLowCardinalityKeyValue("model", "auditLog")
					.hasLowCardinalityKeyValue("operation", "count")
					.hasLowCardinalityKeyValue("runtime", "jdbc/h2")
					.hasLowCardinalityKeyValue("outcome", "SUCCESS")
					.hasBeenStarted()
					.hasBeenStopped();
			});
	}

	@Test
	void aFailedOperationIsObservedWithItsErrorCode() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			assertThatThrownBy(() -> context.getBean(OrmClient.class).model("auditLog").count())
				.isInstanceOf(OrmException.class);
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo(ObservationOperationObserver.NAME)
				.that()
				.hasLowCardinalityKeyValue("outcome", "MISSING_TABLE")
				.hasError();
		});
	}

	@Test
	void withoutMicrometerNoObserverIsRegistered() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.observation"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(OperationObserver.class));
	}

	@Test
	void aUserDefinedObserverIsUsedInstead() {
		this.contextRunner.withBean(OperationObserver.class, () -> OperationObserver.NONE)
			.run((context) -> assertThat(context).getBeans(OperationObserver.class).hasSize(1)
				.containsValue(OperationObserver.NONE));
	}

}
