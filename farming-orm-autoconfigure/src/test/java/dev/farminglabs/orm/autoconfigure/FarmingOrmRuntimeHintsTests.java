package dev.farminglabs.orm.autoconfigure;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.jdbc.JdbcDriverProvider;
import dev.farminglabs.orm.memory.MemoryDriverProvider;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime hints cover what the starter, the core and the JDBC driver reach by reflection or as resources. */
class FarmingOrmRuntimeHintsTests {

	private final RuntimeHints hints = registered();

	private static RuntimeHints registered() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, ClassUtils.getDefaultClassLoader()));
		return hints;
	}

	@Test
	void theRegistrarIsListedInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(FarmingOrmRuntimeHints.class);
	}

	@Test
	void serviceFilesAndKnownClientsAreResources() {
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("META-INF/services/dev.farminglabs.orm.spi.DriverProvider")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/farming-orm/known-clients.properties"))
			.accepts(this.hints);
	}

	@Test
	void driverProvidersCanBeInstantiated() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(MemoryDriverProvider.class.getConstructor())).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(JdbcDriverProvider.class.getConstructor())).accepts(this.hints);
	}

	@Test
	void theRecordsTheEndpointReadsAndTheRowJacksonWritesAreReflectable() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(Capabilities.class.getMethod("datetimePrecision"))).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Row.class.getMethod("asMap")))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(FarmingOrmEndpoint.ModelDescriptor.class))
			.accepts(this.hints);
	}

	@Test
	void theJdbcClientsFieldsAreReadable() {
		assertThat(RuntimeHintsPredicates.reflection().onType(
				ClassUtils.resolveClassName("org.springframework.jdbc.core.simple.DefaultJdbcClient", null)))
			.accepts(this.hints);
	}

}
