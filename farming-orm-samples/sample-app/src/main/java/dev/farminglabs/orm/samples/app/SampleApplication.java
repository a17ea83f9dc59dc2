package dev.farminglabs.orm.samples.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application: no storage code of its own. The platform kit's auto-configuration declares the kit's schema and
 * store, and the farming-orm starter runs them on this application's {@code DataSource}.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
