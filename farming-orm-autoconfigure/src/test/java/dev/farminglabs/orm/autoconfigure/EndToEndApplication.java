package dev.farminglabs.orm.autoconfigure;

import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.tck.FrameworkModels;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The user's whole application: the starter's auto-configuration and one schema bean. */
@SpringBootConfiguration
@EnableAutoConfiguration
class EndToEndApplication {

	@Bean
	FrameworkSchema frameworkSchema() {
		return FrameworkModels.FRAMEWORK;
	}

}
