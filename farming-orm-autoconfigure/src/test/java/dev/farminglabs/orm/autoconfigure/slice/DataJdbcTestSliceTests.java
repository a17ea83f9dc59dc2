package dev.farminglabs.orm.autoconfigure.slice;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.query.Data;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @DataJdbcTest} includes the client of every schema bean, on the slice's embedded database. */
@DataJdbcTest(properties = "farming.orm.push-schema=true")
class DataJdbcTestSliceTests {

	@Autowired
	OrmClient client;

	@Test
	void theClientRunsOnTheSlicesDatabaseWithItsSchemaPushed() {
		this.client.model("billingAccount").create(Data.of("ownerId", "o1"));
		this.client.model("billingAccount").update((u) -> u.where("ownerId", "o1").data(Data.of("plan", "enterprise")));
		assertThat(this.client.model("billingAccount").findUnique((q) -> q.where("ownerId", "o1")))
			.hasValueSatisfying((row) -> assertThat(row.getString("plan")).isEqualTo("enterprise"));
	}

}
