package dev.farminglabs.orm.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.farminglabs.orm.client.OperationObserver;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.schema.FrameworkSchema;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of farming-orm: an {@code OrmClient} bean named
 * {@code <schemaBean>OrmClient} for every {@link FrameworkSchema} bean, on the one supported raw client of the
 * context, or the one {@code farming.orm.runtime} / {@code farming.orm.schemas.<bean>.runtime} selects. Supported
 * clients are the bean types the {@code DriverProvider}s on the class path accept ({@code DataSource},
 * {@code MongoTemplate}, {@code RedisConnectionFactory}, {@code DynamoDbClient}, a third-party driver's client),
 * plus any {@link OrmRuntimeType} bean (a {@code MongoClient} without a {@code MongoTemplate} is offered that way).
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
				"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration" })
@ConditionalOnClass(FrameworkSchema.class)
@ConditionalOnBooleanProperty(name = "farming.orm.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FarmingOrmProperties.class)
public final class FarmingOrmAutoConfiguration {

	@Bean
	static OrmClientBeanRegistrar farmingOrmClientBeanRegistrar() {
		return new OrmClientBeanRegistrar();
	}

	@Bean
	static ApplicationOrmClientPostProcessor farmingOrmApplicationClientPostProcessor() {
		return new ApplicationOrmClientPostProcessor();
	}

	/**
	 * Keeps the clients (and so push-schema, validate-schema and what the endpoint and health show) out of lazy
	 * initialisation, as Boot keeps Flyway's and Liquibase's initializers.
	 */
	@Bean
	static LazyInitializationExcludeFilter farmingOrmLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(OrmClient.class, FarmingOrmClients.class);
	}

	@Bean(OrmClientBeanRegistrar.CLIENTS_BEAN_NAME)
	@ConditionalOnMissingBean
	FarmingOrmClients farmingOrmClients(ConfigurableListableBeanFactory beanFactory, FarmingOrmProperties properties,
			ObjectProvider<OrmRuntimeType> runtimeTypes, ObjectProvider<OperationObserver> observer,
			ObjectProvider<OrmOptionsCustomizer> customizers, ObjectProvider<Clock> clock) {
		List<OrmRuntimeType> types = new ArrayList<>(runtimeTypes.orderedStream().toList());
		for (OrmRuntimeType discovered : DriverProviderRuntimeTypes.discover(beanFactory.getBeanClassLoader())) {
			// A bean type already declared (by an OrmRuntimeType bean) is looked for once.
			if (types.stream().noneMatch((type) -> type.clientClassName().equals(discovered.clientClassName()))) {
				types.add(discovered);
			}
		}
		return new FarmingOrmClients(beanFactory, properties, types, observer.getIfUnique(() -> OperationObserver.NONE),
				customizers.orderedStream().toList(), clock.getIfUnique(Clock::systemUTC));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.dao.support.PersistenceExceptionTranslator")
	static class ExceptionTranslationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OrmPersistenceExceptionTranslator farmingOrmPersistenceExceptionTranslator() {
			return new OrmPersistenceExceptionTranslator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
	static class ObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean(OperationObserver.class)
		ObservationOperationObserver farmingOrmObservationOperationObserver(
				ObjectProvider<io.micrometer.observation.ObservationRegistry> registry) {
			return new ObservationOperationObserver(registry);
		}

	}

	/**
	 * A {@code MongoClient} without a {@code MongoTemplate} (Boot's {@code spring-boot-starter-mongodb} alone): the
	 * client with the database of {@code farming.orm.mongodb.database}, {@code spring.mongodb.database} or
	 * {@code spring.mongodb.uri}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "com.mongodb.client.MongoClient", "dev.farminglabs.orm.mongodb.MongoDriverProvider" })
	@ConditionalOnBean(type = "com.mongodb.client.MongoClient")
	@ConditionalOnMissingBean(type = { "org.springframework.data.mongodb.core.MongoTemplate",
			"dev.farminglabs.orm.mongodb.MongoRuntime" })
	static class MongoClientRuntimeConfiguration {

		@Bean
		OrmRuntimeType farmingOrmMongoClientRuntime() {
			return OrmRuntimeType.MONGODB_CLIENT;
		}

		@Bean
		dev.farminglabs.orm.mongodb.MongoRuntime farmingOrmMongoRuntime(com.mongodb.client.MongoClient mongoClient,
				FarmingOrmProperties properties, Environment environment) {
			return dev.farminglabs.orm.mongodb.MongoRuntime.of(mongoClient,
					MongoDatabaseName.resolve(properties, environment));
		}

	}

}
