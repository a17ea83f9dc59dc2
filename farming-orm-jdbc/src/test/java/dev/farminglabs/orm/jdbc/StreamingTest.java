package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code stream(...)} over 200,000 rows of about 400 bytes on PostgreSQL and MariaDB: every row arrives, in id order,
 * and the driver reads through a cursor rather than holding the result in the heap. The evidence is the server's,
 * not a clock or the garbage collector: mid-stream, PostgreSQL lists the stream's query as an open portal of the
 * session, and MariaDB lists it as still running (the rows not yet read cannot all fit in the socket buffers, so a
 * driver that had read the whole result would have let the query finish).
 */
class StreamingTest {

	static final int ROWS = 200_000;

	static final FrameworkSchema SCHEMA = FrameworkSchema.builder("streaming")
		.model("reading", model("stream_readings")
			.field("id", id().integer())
			.field("n", integer())
			.field("pad", string()))
		.build();

	/** One database with the rows for the tests of a server; they only read. */
	@TestInstance(Lifecycle.PER_CLASS)
	abstract static class RowsOnServer {

		private final TckBackend backend;

		private final String insertRows;

		protected Object runtime;

		protected OrmClient orm;

		RowsOnServer(TckBackend backend, String insertRows) {
			this.backend = backend;
			this.insertRows = insertRows;
		}

		@BeforeAll
		void insertTheRows() {
			this.runtime = this.backend.newRuntime();
			this.orm = SchemaSetup.bootstrapDatabase(SCHEMA, this.runtime);
			new JdbcTemplate(dataSource()).update(this.insertRows);
		}

		@AfterAll
		void releaseTheDatabase() {
			this.backend.release(this.runtime);
		}

		protected DataSource dataSource() {
			return (DataSource) this.runtime;
		}

		protected Stream<Row> allInIdOrder() {
			return this.orm.model("reading").stream((q) -> q.orderBy("id"));
		}

		@Test
		void streamReadsEveryRowInIdOrder() {
			long[] next = { 1 };
			try (Stream<Row> rows = allInIdOrder()) {
				rows.forEach((row) -> {
					assertThat(row.getLong("id")).isEqualTo(next[0]);
					assertThat(row.getLong("n")).isEqualTo(next[0]);
					next[0]++;
				});
			}
			assertThat(next[0] - 1).isEqualTo(ROWS);
		}

		/** Reads {@code count} rows of an open stream, checking they come in id order. */
		protected static void read(Iterator<Row> rows, int count) {
			for (long id = 1; id <= count; id++) {
				assertThat(rows.next().getLong("id")).isEqualTo(id);
			}
		}

	}

	@Nested
	class Postgresql extends RowsOnServer {

		Postgresql() {
			super(TestDatabases.postgresql(), "INSERT INTO stream_readings (id, n, pad) "
					+ "SELECT g, g, repeat('x', 400) FROM generate_series(1, " + ROWS + ") g");
		}

		@Test
		void halfWayThroughAStreamItsQueryIsAnOpenPortalOfTheSession() {
			JdbcTemplate sameSession = new JdbcTemplate(dataSource());
			TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
			List<Map<String, Object>> portals = transaction.execute((status) -> {
				try (Stream<Row> rows = allInIdOrder()) {
					read(rows.iterator(), ROWS / 2);
					// The ORM's stream and this query share the transaction's connection, so pg_cursors sees the
					// portal the stream reads from; a driver that had fetched every row would have closed it.
					return sameSession.queryForList("SELECT name, statement FROM pg_cursors "
							+ "WHERE statement LIKE '%stream_readings%' AND statement NOT LIKE '%pg_cursors%'");
				}
			});
			assertThat(portals).hasSize(1);
			assertThat(portals.get(0).get("statement")).asString().startsWith("SELECT").contains("ORDER BY");
		}

	}

	@Nested
	class Mariadb extends RowsOnServer {

		Mariadb() {
			super(TestDatabases.mariadb(), "INSERT INTO stream_readings (id, n, pad) "
					+ "SELECT seq, seq, REPEAT('x', 400) FROM seq_1_to_" + ROWS);
		}

		@Test
		void aFewRowsIntoAStreamTheServerIsStillSendingTheRest() {
			JdbcTemplate otherSession = new JdbcTemplate(dataSource());
			try (Stream<Row> rows = allInIdOrder()) {
				read(rows.iterator(), 1000);
				// About 80 MB are still unread: more than the socket buffers hold, so the server is still running the
				// query unless the driver has read the whole result into memory.
				List<Map<String, Object>> running = otherSession.queryForList("SELECT COMMAND, EXAMINED_ROWS FROM "
						+ "information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND INFO LIKE '%stream_readings%'");
				assertThat(running).hasSize(1);
				assertThat(running.get(0).get("COMMAND")).isEqualTo("Query");
				assertThat(((Number) running.get(0).get("EXAMINED_ROWS")).longValue()).isLessThan(ROWS);
			}
		}

	}

}
