package dev.farminglabs.orm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import dev.farminglabs.orm.memory.MemoryDatabase;
import dev.farminglabs.orm.memory.MemoryDriverProvider;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.DriverProvider;
import org.junit.jupiter.api.Test;

/**
 * Runtime detection over the installed providers: the memory runtime is found through {@code ServiceLoader},
 * anything else gets a hint, and well-known clients whose driver module is missing get a hint that names it.
 */
class RuntimeRegistryTest {

	private static <T> T proxyOf(Class<T> type) {
		return type.cast(Proxy.newProxyInstance(RuntimeRegistryTest.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> {
					throw new UnsupportedOperationException(method.getName());
				}));
	}

	@Test
	void findsTheMemoryProviderWithServiceLoader() {
		assertThat(RuntimeRegistry.get().providers()).extracting(DriverProvider::kind).contains("memory");
		assertThat(RuntimeRegistry.get().provider("memory")).containsInstanceOf(MemoryDriverProvider.class);
		assertThat(RuntimeRegistry.get().provider("nothing")).isEmpty();
		assertThat(RuntimeRegistry.get()).isSameAs(RuntimeRegistry.get());
	}

	@Test
	void detectsAMemoryDatabase() {
		MemoryDatabase database = new MemoryDatabase();
		RuntimeInspection inspection = RuntimeRegistry.get().inspect(database);
		assertThat(inspection.runtime()).isPresent();
		DetectedRuntime runtime = inspection.runtime().orElseThrow();
		assertThat(runtime.kind()).isEqualTo("memory");
		assertThat(runtime.dialect()).isEqualTo("memory");
		assertThat(runtime.label()).isEqualTo("memory");
		assertThat(runtime.client()).isSameAs(database);
		assertThat(inspection.clientClass()).isEqualTo(MemoryDatabase.class.getName());
		assertThat(inspection.summary()).contains("memory", MemoryDatabase.class.getName());
		assertThat(inspection.hint()).isEmpty();
		assertThat(inspection.candidates()).anySatisfy((candidate) -> {
			assertThat(candidate.matched()).isTrue();
			assertThat(candidate.kind()).isEqualTo("memory");
		});
	}

	@Test
	void hintsAtWhatWorksForAnUnknownObject() {
		RuntimeInspection inspection = RuntimeRegistry.get().inspect(new Object());
		assertThat(inspection.runtime()).isEmpty();
		assertThat(inspection.clientClass()).isEqualTo("java.lang.Object");
		assertThat(inspection.summary()).contains("java.lang.Object");
		assertThat(inspection.hint()).hasValueSatisfying((hint) -> assertThat(hint).contains("DataSource", "[memory]"));
		assertThat(inspection.candidates()).allSatisfy((candidate) -> assertThat(candidate.matched()).isFalse())
			.extracting(RuntimeCandidate::kind)
			.contains("memory");
	}

	@Test
	void hintsAtWhatWorksForNull() {
		RuntimeInspection inspection = RuntimeRegistry.get().inspect(null);
		assertThat(inspection.runtime()).isEmpty();
		assertThat(inspection.clientClass()).isEqualTo("null");
		assertThat(inspection.summary()).contains("null");
		assertThat(inspection.hint()).isPresent();
	}

	@Test
	void namesTheJdbcModuleForAJdbcConnection() {
		Connection connection = proxyOf(Connection.class);
		RuntimeInspection inspection = RuntimeRegistry.get().inspect(connection);
		assertThat(inspection.runtime()).isEmpty();
		assertThat(inspection.summary()).contains(connection.getClass().getName());
		assertThat(inspection.hint()).hasValueSatisfying(
				(hint) -> assertThat(hint).contains("Connection", "dev.farminglabs:farming-orm-jdbc"));
	}

	@Test
	void namesTheJdbcModuleForADataSource() {
		RuntimeInspection inspection = RuntimeRegistry.get().inspect(proxyOf(DataSource.class));
		assertThat(inspection.hint()).hasValueSatisfying(
				(hint) -> assertThat(hint).contains("DataSource", "farming-orm-jdbc"));
	}

	@Test
	void survivesAProviderWhoseInspectionThrows() {
		DriverProvider broken = new StubProvider("broken", 0) {
			@Override
			public RuntimeCandidate inspect(Object client) {
				throw new IllegalStateException("boom");
			}
		};
		RuntimeRegistry registry = new RuntimeRegistry(List.of(broken, new MemoryDriverProvider()));
		RuntimeInspection inspection = registry.inspect(new MemoryDatabase());
		assertThat(inspection.runtime()).map(DetectedRuntime::kind).hasValue("memory");
		assertThat(inspection.candidates()).anySatisfy((candidate) -> {
			assertThat(candidate.kind()).isEqualTo("broken");
			assertThat(candidate.matched()).isFalse();
			assertThat(candidate.reasons()).anySatisfy((reason) -> assertThat(reason).contains("boom"));
		});
	}

	@Test
	void asksProvidersInPriorityOrderAndTakesTheFirstMatch() {
		Object client = new Object();
		DriverProvider low = new StubProvider("low", 0).matching(client);
		DriverProvider high = new StubProvider("high", 10).matching(client);
		RuntimeRegistry registry = new RuntimeRegistry(List.of(low, high));
		assertThat(registry.providers()).containsExactly(high, low);
		RuntimeInspection inspection = registry.inspect(client);
		assertThat(inspection.runtime()).map(DetectedRuntime::kind).hasValue("high");
		assertThat(inspection.candidates()).extracting(RuntimeCandidate::kind).containsExactly("high", "low");
	}

	@Test
	void prefersTheHintOfAProviderThatRecognisesTheClient() {
		DriverProvider reactive = new StubProvider("reactive", 0) {
			@Override
			public RuntimeCandidate inspect(Object client) {
				return RuntimeCandidate.recognised(kind(), "is reactive", "pass the blocking client");
			}
		};
		RuntimeInspection inspection = new RuntimeRegistry(List.of(reactive)).inspect(new Object());
		assertThat(inspection.hint()).hasValue("pass the blocking client");
	}

	@Test
	void findsNoRuntimeWithoutProviders() {
		RuntimeInspection inspection = new RuntimeRegistry(List.of()).inspect(new MemoryDatabase());
		assertThat(inspection.runtime()).isEmpty();
		assertThat(inspection.candidates()).isEmpty();
		assertThat(inspection.hint()).hasValueSatisfying((hint) -> assertThat(hint).contains("[]"));
	}

	/** A provider that matches nothing unless told which client to match. */
	private static class StubProvider implements DriverProvider {

		private final String kind;

		private final int priority;

		private Object match = new Object();

		StubProvider(String kind, int priority) {
			this.kind = kind;
			this.priority = priority;
		}

		StubProvider matching(Object client) {
			this.match = client;
			return this;
		}

		@Override
		public String kind() {
			return this.kind;
		}

		@Override
		public RuntimeCandidate inspect(Object client) {
			if (client == this.match) {
				return RuntimeCandidate.matched(new DetectedRuntime(this.kind, this.kind, "stub", client, null), "stub");
			}
			return RuntimeCandidate.rejected(this.kind, "not the stub's client");
		}

		@Override
		public Driver connect(DetectedRuntime runtime, FrameworkSchema schema) {
			throw new UnsupportedOperationException();
		}

		@Override
		public int priority() {
			return this.priority;
		}

	}

}
