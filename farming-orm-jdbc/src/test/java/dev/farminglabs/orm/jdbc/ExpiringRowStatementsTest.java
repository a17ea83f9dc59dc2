package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.datetime;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A create on a model with an expiry field is the insert alone: expired rows holding its unique values are looked
 * for only when the insert fails on one, then removed and the insert tried once more. Proven by the statements the
 * database received, on every JDBC dialect the tests run.
 */
class ExpiringRowStatementsTest {

	static final FrameworkSchema SCHEMA = FrameworkSchema.builder("expiring")
		.model("entry", model("expiring_entries")
			.field("id", id())
			.field("key", string().unique())
			.field("value", integer())
			.field("expiresAt", datetime().nullable().expiry()))
		.build();

	static Stream<TckBackend> backends() {
		return Stream.of(TestDatabases.h2(), TestDatabases.sqlite(), TestDatabases.postgresql(),
				TestDatabases.mariadb());
	}

	@ParameterizedTest
	@MethodSource("backends")
	void createsSendOnlyTheirInsertsUnlessAnExpiredRowHoldsTheirKey(TckBackend backend) {
		Object runtime = backend.newRuntime();
		try {
			StatementCountingDataSource counting = new StatementCountingDataSource((DataSource) runtime);
			ModelClient<Row> entries = SchemaSetup.bootstrapDatabase(SCHEMA, counting).model("entry");
			entries.create(Data.of("key", "expired", "value", 1, "expiresAt", Instant.now().minus(1, ChronoUnit.HOURS)));
			counting.reset();

			entries.create(Data.of("key", "a", "value", 1));
			assertThat(kinds(counting.executed())).containsExactly("INSERT");
			counting.reset();

			List<Map<String, Object>> many = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				many.add(Data.of("key", "m" + i, "value", i));
			}
			assertThat(entries.createMany(many)).hasSize(50);
			assertThat(kinds(counting.executed())).as("one batch of inserts").containsOnly("INSERT").hasSize(50);
			counting.reset();

			Row reused = entries.create(Data.of("key", "expired", "value", 2));
			assertThat(reused.getLong("value")).isEqualTo(2L);
			assertThat(kinds(counting.executed())).as("the failed insert, the expired holder removed, the insert again")
				.containsExactly("INSERT", "DELETE", "INSERT");
			assertThat(entries.count()).isEqualTo(52);
		}
		finally {
			backend.release(runtime);
		}
	}

	/**
	 * The first keyword of each write: reads back of written rows (H2 has no {@code RETURNING}), savepoints and
	 * transaction control left out.
	 */
	private static List<String> kinds(List<String> statements) {
		return statements.stream()
			.map((sql) -> sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT))
			.filter((kind) -> List.of("INSERT", "UPDATE", "DELETE", "MERGE").contains(kind))
			.toList();
	}

}
