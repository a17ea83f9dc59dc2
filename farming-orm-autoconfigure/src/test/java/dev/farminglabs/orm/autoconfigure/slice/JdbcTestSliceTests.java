package dev.farminglabs.orm.autoconfigure.slice;

import java.math.BigDecimal;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @JdbcTest} includes the client of every schema bean, on the slice's embedded database (an unpooled H2, so
 * every statement runs on a connection of its own: enum writes must survive the pushing connection's close).
 */
@JdbcTest(properties = "farming.orm.push-schema=true")
class JdbcTestSliceTests {

	@Autowired
	OrmClient frameworkSchemaOrmClient;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Test
	void theClientRunsOnTheSlicesDatabaseWithItsSchemaPushed() {
		Row account = this.frameworkSchemaOrmClient.model("billingAccount")
			.create(Data.of("ownerId", "o1", "plan", "pro", "balance", new BigDecimal("1.50")));
		assertThat(account.getString("plan")).isEqualTo("pro");
		assertThat(this.jdbcTemplate.queryForObject("SELECT \"plan\" FROM \"billing_accounts\" WHERE \"ownerId\" = 'o1'",
				String.class)).isEqualTo("pro");
	}

}
