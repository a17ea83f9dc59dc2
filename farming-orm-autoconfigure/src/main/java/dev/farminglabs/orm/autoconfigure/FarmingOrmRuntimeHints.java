package dev.farminglabs.orm.autoconfigure;

import java.util.List;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.capability.Returning;
import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.spi.DriverProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * What farming-orm reaches by reflection or as a resource, for AOT processing and native images: the driver
 * providers {@code ServiceLoader} instantiates and their service files, core's table of known clients, the
 * {@code JdbcClient} fields the JDBC driver reads its {@code DataSource} from, the records the endpoint writes
 * component by component, and the types Jackson serialises ({@code Row}, the endpoint's descriptors).
 */
class FarmingOrmRuntimeHints implements RuntimeHintsRegistrar {

	/** Driver providers listed in {@code META-INF/services}, by name: each module is optional. */
	static final List<String> DRIVER_PROVIDERS = List.of("dev.farminglabs.orm.memory.MemoryDriverProvider",
			"dev.farminglabs.orm.jdbc.JdbcDriverProvider", "dev.farminglabs.orm.mongodb.MongoDriverProvider",
			"dev.farminglabs.orm.redis.RedisDriverProvider", "dev.farminglabs.orm.dynamodb.DynamoDbDriverProvider");

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources()
			.registerPattern("META-INF/services/" + DriverProvider.class.getName())
			.registerPattern("META-INF/farming-orm/*.properties");
		for (String provider : DRIVER_PROVIDERS) {
			hints.reflection()
				.registerTypeIfPresent(classLoader, provider, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		}
		hints.reflection()
			.registerTypeIfPresent(classLoader, "org.springframework.jdbc.core.simple.DefaultJdbcClient",
					MemberCategory.ACCESS_DECLARED_FIELDS);
		for (Class<?> record : List.of(Capabilities.class, Returning.class, NativeRelations.class,
				DriverHandle.class)) {
			hints.reflection().registerType(record, MemberCategory.INVOKE_PUBLIC_METHODS);
		}
		BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
		bindings.registerReflectionHints(hints.reflection(), Row.class);
		if (ClassUtils.isPresent("org.springframework.boot.actuate.endpoint.OperationResponseBody", classLoader)) {
			bindings.registerReflectionHints(hints.reflection(), FarmingOrmEndpoint.SchemasDescriptor.class,
					FarmingOrmEndpoint.SchemaDescriptor.class);
		}
	}

}
