package dev.farminglabs.orm.samples.platformkit.autoconfigure;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.samples.platformkit.PlatformKitSchema;
import dev.farminglabs.orm.samples.platformkit.PlatformKitStore;
import dev.farminglabs.orm.schema.FrameworkSchema;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The platform kit in a Spring Boot application: its schema as a {@link FrameworkSchema} bean named
 * {@value #SCHEMA_BEAN}, for which the farming-orm starter creates the {@code frameworkSchemaOrmClient} on the
 * application's database (and pushes it when {@code farming.orm.push-schema} is on), and its store on that client.
 */
@AutoConfiguration(afterName = "dev.farminglabs.orm.autoconfigure.FarmingOrmAutoConfiguration")
@ConditionalOnClass(FrameworkSchema.class)
@EnableConfigurationProperties(PlatformKitProperties.class)
public final class PlatformKitAutoConfiguration {

	/** The name of the kit's schema bean; its client bean is this name followed by {@code OrmClient}. */
	public static final String SCHEMA_BEAN = "frameworkSchema";

	@Bean(SCHEMA_BEAN)
	FrameworkSchema frameworkSchema() {
		return PlatformKitSchema.FRAMEWORK;
	}

	@Bean
	@ConditionalOnMissingBean
	PlatformKitStore platformKitStore(@Qualifier(SCHEMA_BEAN + "OrmClient") OrmClient orm) {
		return new PlatformKitStore(orm);
	}

}
