package dev.farminglabs.orm.autoconfigure;

import java.time.Clock;

import dev.farminglabs.orm.client.OperationObserver;
import dev.farminglabs.orm.schema.FrameworkSchema;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of farming-orm: an {@code OrmClient} bean named
 * {@code <schemaBean>OrmClient} for every {@link FrameworkSchema} bean, on the one supported raw client of the
 * context ({@code DataSource}, {@code MongoTemplate}, {@code RedisConnectionFactory} or {@code DynamoDbClient},
 * each when its driver module is on the class path), or the one {@code farming.orm.runtime} /
 * {@code farming.orm.schemas.<bean>.runtime} selects.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
				"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration" })
@ConditionalOnClass(FrameworkSchema.class)
@EnableConfigurationProperties(FarmingOrmProperties.class)
public final class FarmingOrmAutoConfiguration {

	@Bean
	static OrmClientBeanRegistrar farmingOrmClientBeanRegistrar() {
		return new OrmClientBeanRegistrar();
	}

	@Bean(OrmClientBeanRegistrar.CLIENTS_BEAN_NAME)
	@ConditionalOnMissingBean
	FarmingOrmClients farmingOrmClients(ConfigurableListableBeanFactory beanFactory, FarmingOrmProperties properties,
			ObjectProvider<OrmRuntimeType> runtimeTypes, ObjectProvider<OperationObserver> observer,
			ObjectProvider<Clock> clock) {
		return new FarmingOrmClients(beanFactory, properties, runtimeTypes.orderedStream().toList(),
				observer.getIfUnique(() -> OperationObserver.NONE), clock.getIfUnique(Clock::systemUTC));
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "javax.sql.DataSource", "dev.farminglabs.orm.jdbc.JdbcDriverProvider" })
	static class JdbcRuntimeConfiguration {

		@Bean
		OrmRuntimeType farmingOrmJdbcRuntime() {
			return OrmRuntimeType.JDBC;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.data.mongodb.core.MongoTemplate",
			"dev.farminglabs.orm.mongodb.MongoDriverProvider" })
	static class MongoRuntimeConfiguration {

		@Bean
		OrmRuntimeType farmingOrmMongoRuntime() {
			return OrmRuntimeType.MONGODB;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.data.redis.connection.RedisConnectionFactory",
			"dev.farminglabs.orm.redis.RedisDriverProvider" })
	static class RedisRuntimeConfiguration {

		@Bean
		OrmRuntimeType farmingOrmRedisRuntime() {
			return OrmRuntimeType.REDIS;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
			"dev.farminglabs.orm.dynamodb.DynamoDbDriverProvider" })
	static class DynamoDbRuntimeConfiguration {

		@Bean
		OrmRuntimeType farmingOrmDynamoDbRuntime() {
			return OrmRuntimeType.DYNAMODB;
		}

	}

}
