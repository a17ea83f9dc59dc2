package dev.farminglabs.orm.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration metadata IDEs read: every property documented, hints for the runtime, the health switch. */
class ConfigurationMetadataTests {

	private final JsonNode metadata = read();

	private static JsonNode read() {
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void everyPropertyIsListedWithADescription() {
		List<String> names = new ArrayList<>();
		for (JsonNode property : this.metadata.path("properties")) {
			names.add(property.path("name").asString());
			assertThat(property.path("description").asString()).as(property.path("name").asString()).isNotBlank();
		}
		assertThat(names).contains("farming.orm.enabled", "farming.orm.push-schema", "farming.orm.validate-schema",
				"farming.orm.runtime", "farming.orm.schemas", "farming.orm.problem-details.enabled",
				"management.health.farmingorm.enabled");
	}

	@Test
	void theRuntimePropertiesHaveHintsForKindsAndBeanNames() {
		JsonNode runtime = hint("farming.orm.runtime");
		assertThat(runtime.path("values").findValuesAsString("value")).containsExactly("jdbc", "mongodb", "redis",
				"dynamodb");
		assertThat(runtime.path("providers").findValuesAsString("name")).containsExactly("spring-bean-reference");
		assertThat(hint("farming.orm.schemas.values.runtime").path("values").size()).isEqualTo(4);
		assertThat(hint("farming.orm.schemas.keys").path("providers").get(0).path("parameters").path("target")
			.asString()).isEqualTo("dev.farminglabs.orm.schema.FrameworkSchema");
	}

	private JsonNode hint(String name) {
		for (JsonNode hint : this.metadata.path("hints")) {
			if (hint.path("name").asString().equals(name)) {
				return hint;
			}
		}
		throw new AssertionError("no hint for " + name);
	}

}
