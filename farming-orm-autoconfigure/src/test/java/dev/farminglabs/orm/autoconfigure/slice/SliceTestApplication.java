package dev.farminglabs.orm.autoconfigure.slice;

import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.tck.FrameworkModels;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The application the slice tests of this package find: one schema bean, as a framework's starter ships it.
 * The slices turn the full auto-configuration off and import their own lists, which include farming-orm's. */
@SpringBootConfiguration
@EnableAutoConfiguration
class SliceTestApplication {

	@Bean
	FrameworkSchema frameworkSchema() {
		return FrameworkModels.FRAMEWORK;
	}

}
