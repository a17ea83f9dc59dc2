package dev.farminglabs.orm.autoconfigure.slice;

import javax.sql.DataSource;

import dev.farminglabs.orm.autoconfigure.FarmingOrmClients;
import dev.farminglabs.orm.autoconfigure.test.AutoConfigureFarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.tck.FrameworkModels;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @AutoConfigureFarmingOrm} adds the clients to a test context that has no auto-configuration of its own. */
@SpringJUnitConfig(AutoConfigureFarmingOrmTests.Beans.class)
@AutoConfigureFarmingOrm
@TestPropertySource(properties = "farming.orm.push-schema=true")
class AutoConfigureFarmingOrmTests {

	@Autowired
	OrmClient client;

	@Autowired
	FarmingOrmClients clients;

	@Test
	void theClientOfTheSchemaBeanIsThereWithItsSchemaPushed() {
		this.client.model("kvItem").create(Data.of("namespace", "n", "key", "k", "value", true));
		assertThat(this.client.model("kvItem").count()).isEqualTo(1);
		assertThat(this.clients.client("frameworkSchema").orElseThrow().lastPush()).isNotNull();
	}

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		FrameworkSchema frameworkSchema() {
			return FrameworkModels.FRAMEWORK;
		}

		@Bean
		DataSource dataSource() {
			return new DriverManagerDataSource("jdbc:h2:mem:autoconfigure-farming-orm;DB_CLOSE_DELAY=-1", "sa", "");
		}

	}

}
