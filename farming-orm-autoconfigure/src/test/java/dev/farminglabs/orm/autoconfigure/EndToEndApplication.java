package dev.farminglabs.orm.autoconfigure;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.tck.FrameworkModels;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The user's whole application: the starter's auto-configuration, one schema bean, and a controller that hands
 * rows and storage errors straight to Spring MVC.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class EndToEndApplication {

	@Bean
	FrameworkSchema frameworkSchema() {
		return FrameworkModels.FRAMEWORK;
	}

	@Bean
	EndToEndController endToEndController(OrmClient orm) {
		return new EndToEndController(orm);
	}

}
