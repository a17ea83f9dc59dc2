package dev.farminglabs.orm.autoconfigure;

import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.tck.TckSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint describes each model's fields (kind, nullability, references), relations and constraints, and
 * writes enums by their names whatever the JSON mapper's enum settings.
 */
class FarmingOrmEndpointDetailTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FarmingOrmAutoConfiguration.class,
				FarmingOrmEndpointAutoConfiguration.class))
		.withUserConfiguration(TckSchemaConfiguration.class, TestConfigurations.H2Configuration.class)
		.withPropertyValues("management.endpoints.web.exposure.include=farmingorm");

	@Test
	void fieldsCarryTheirKindNullabilityAndReferences() {
		this.contextRunner.run((context) -> {
			JsonNode models = json(context.getBean(FarmingOrmEndpoint.class)).path("models");
			JsonNode post = model(models, "post");
			JsonNode authorId = field(post, "authorId");
			assertThat(authorId.path("kind").asString()).isEqualTo("STRING");
			assertThat(authorId.path("references").asString()).isEqualTo("user.id");
			JsonNode id = field(post, "id");
			assertThat(id.path("kind").asString()).isEqualTo("ID");
			assertThat(id.path("idStrategy").isString()).isTrue();
			assertThat(model(models, "user").path("fields").findValues("nullable").stream().map(JsonNode::asBoolean))
				.contains(true, false);
			JsonNode enumField = null;
			for (JsonNode candidate : model(models, "sample").path("fields")) {
				if (candidate.path("kind").asString().equals("ENUM")) {
					enumField = candidate;
				}
			}
			assertThat(enumField).isNotNull();
			assertThat(enumField.path("enumValues").isArray()).isTrue();
		});
	}

	@Test
	void relationsAreListedPerModel() {
		this.contextRunner.run((context) -> {
			JsonNode user = model(json(context.getBean(FarmingOrmEndpoint.class)).path("models"), "user");
			assertThat(user.path("relations").findValuesAsString("name")).contains("posts", "profile");
			for (JsonNode relation : user.path("relations")) {
				if (relation.path("name").asString().equals("posts")) {
					assertThat(relation.path("kind").asString()).isEqualTo("HAS_MANY");
					assertThat(relation.path("target").asString()).isEqualTo("post");
				}
			}
		});
	}

	@Test
	void enumsAreWrittenByTheirNames() {
		this.contextRunner.run((context) -> {
			JsonNode capabilities = json(context.getBean(FarmingOrmEndpoint.class)).path("capabilities");
			assertThat(capabilities.path("datetimePrecision").asString()).isEqualTo("MICROS");
			assertThat(capabilities.path("upsert").asString()).isEqualTo("EMULATED");
			assertThat(capabilities.path("returning").path("create").isBoolean()).isTrue();
		});
	}

	private static JsonNode json(FarmingOrmEndpoint endpoint) {
		// Jackson 3's defaults, as Boot's actuator mapper: enums would be written with toString().
		JsonMapper mapper = JsonMapper.builder().build();
		return mapper.readTree(mapper.writeValueAsString(endpoint.schema("tck")));
	}

	private static JsonNode model(JsonNode models, String name) {
		for (JsonNode model : models) {
			if (model.path("name").asString().equals(name)) {
				return model;
			}
		}
		throw new AssertionError("no model " + name + " in " + models);
	}

	private static JsonNode field(JsonNode model, String name) {
		for (JsonNode field : model.path("fields")) {
			if (field.path("name").asString().equals(name)) {
				return field;
			}
		}
		throw new AssertionError("no field " + name + " in " + model);
	}

	@Configuration(proxyBeanMethods = false)
	static class TckSchemaConfiguration {

		@Bean
		FrameworkSchema tckSchema() {
			return TckSchema.SCHEMA;
		}

	}

}
