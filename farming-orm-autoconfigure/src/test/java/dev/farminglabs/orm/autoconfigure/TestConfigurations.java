package dev.farminglabs.orm.autoconfigure;

import java.util.UUID;

import javax.sql.DataSource;

import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.tck.FrameworkModels;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;

/** The user configurations the auto-configuration tests start contexts with. */
final class TestConfigurations {

	private TestConfigurations() {
	}

	/** A fresh in-memory H2 database, kept until the JVM ends. */
	static DataSource h2(String... urlOptions) {
		StringBuilder url = new StringBuilder("jdbc:h2:mem:").append(UUID.randomUUID()).append(";DB_CLOSE_DELAY=-1");
		for (String option : urlOptions) {
			url.append(';').append(option);
		}
		return new DriverManagerDataSource(url.toString(), "sa", "");
	}

	static FrameworkSchema notesSchema() {
		return FrameworkSchema.builder("notes")
			.model("note", model("notes").field("id", id()).field("text", string()))
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class FrameworkSchemaConfiguration {

		@Bean
		FrameworkSchema frameworkSchema() {
			return FrameworkModels.FRAMEWORK;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoSchemasConfiguration {

		@Bean
		FrameworkSchema frameworkSchema() {
			return FrameworkModels.FRAMEWORK;
		}

		@Bean
		FrameworkSchema notesSchema() {
			return TestConfigurations.notesSchema();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class H2Configuration {

		@Bean
		DataSource dataSource() {
			return h2();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesConfiguration {

		@Bean
		DataSource mainDataSource() {
			return h2();
		}

		@Bean
		DataSource reportingDataSource() {
			return h2();
		}

	}

}
