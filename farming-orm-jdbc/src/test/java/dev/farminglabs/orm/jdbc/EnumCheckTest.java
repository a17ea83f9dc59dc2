package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.enumeration;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.jdbc.dialect.AnsiDialect;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.tck.TckBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The CHECK constraint of an enum column, on every dialect: it keeps working after the connection that pushed it is
 * closed (H2 bound {@code IN (...)} checks to the creating session), it refuses values outside the list, and enum
 * values holding quotes, backslashes and comment sequences are rendered as literals that neither break the push nor
 * inject DDL.
 */
class EnumCheckTest {

	/** Values a literal renderer must keep as data: quotes, backslashes (MySQL escapes), comment starts, a DDL tail. */
	static final List<String> HOSTILE_VALUES = List.of("plain", "it's", "''", "back\\slash", "trailing\\",
			"\\'", "\\", "-- comment", "/* open", "close */", "# hash", "x'); DROP TABLE victims; --",
			"x\\'); DROP TABLE victims; -- ", "%_!", "ünï©ødé", "$$", "\"double\"", "`tick`");

	static final FrameworkSchema SCHEMA = FrameworkSchema.builder("enums")
		.model("item", model("enum_items")
			.field("id", id())
			.field("name", string())
			.field("kind", enumeration(HOSTILE_VALUES.toArray(String[]::new)))
			.field("level", enumeration("LOW", "HIGH").defaultValue("LOW")))
		.model("victim", model("victims").field("id", id()))
		.build();

	/** The pools under the ANSI drivers of {@link AnsiOnH2}, so raw statements reach the same database. */
	static final Map<Object, DataSource> ANSI_POOLS = new ConcurrentHashMap<>();

	/** One backend: a fresh database per test. */
	abstract static class Checks {

		private final TckBackend backend;

		private final String quote;

		private Object runtime;

		Checks(TckBackend backend, String quote) {
			this.backend = backend;
			this.quote = quote;
		}

		@BeforeEach
		void openDatabase() {
			this.runtime = this.backend.newRuntime();
		}

		@AfterEach
		void dropDatabase() {
			this.backend.release(this.runtime);
		}

		DataSource dataSource() {
			return (this.runtime instanceof Driver driver) ? ANSI_POOLS.get(driver)
					: (DataSource) this.runtime;
		}

		@Test
		void enumValuesWithQuotesBackslashesAndCommentsArePushedAndRoundTrip() {
			SchemaSetup.pushSchema(SCHEMA, this.runtime);
			OrmClient orm = FarmingOrm.createOrmFromRuntime(SCHEMA, this.runtime);
			orm.model("victim").create(Data.of());
			for (String value : HOSTILE_VALUES) {
				Row row = orm.model("item").create(Data.of("name", value, "kind", value));
				assertThat(row.getString("kind")).as(value).isEqualTo(value);
				assertThat(orm.model("item").findMany((q) -> q.where("kind", value)))
					.as(value)
					.singleElement()
					.satisfies((found) -> assertThat(found.getString("name")).isEqualTo(value));
			}
			assertThat(orm.model("victim").count()).isEqualTo(1);
			assertThat(SchemaSetup.pushSchema(SCHEMA, this.runtime).upToDate()).isTrue();
		}

		@Test
		void theDatabaseRefusesAValueOutsideTheList() throws SQLException {
			SchemaSetup.pushSchema(SCHEMA, this.runtime);
			assertThat(insertRaw("plain")).isEqualTo(1);
			for (String outside : List.of("other", "x", "back\\\\slash", "it''s", "back/slash")) {
				assertThatExceptionOfType(SQLException.class).as(outside).isThrownBy(() -> insertRaw(outside));
			}
		}

		String q(String identifier) {
			return this.quote + identifier + this.quote;
		}

		int insertRaw(String kind) throws SQLException {
			try (Connection connection = dataSource().getConnection();
					PreparedStatement insert = connection.prepareStatement(
							"INSERT INTO " + q("enum_items") + " (" + q("id") + ", " + q("name") + ", " + q("kind") + ", "
									+ q("level") + ") VALUES (?, ?, ?, 'LOW')")) {
				insert.setString(1, java.util.UUID.randomUUID().toString());
				insert.setString(2, kind);
				insert.setString(3, kind);
				return insert.executeUpdate();
			}
		}

	}

	@Nested
	class H2 extends Checks {

		H2() {
			super(TestDatabases.h2(), "\"");
		}

		@Test
		void enumWritesWorkAfterThePushingConnectionIsClosed() {
			// Unpooled, as @JdbcTest's embedded database: every statement runs on a connection of its own.
			String url = "jdbc:h2:mem:" + TestDatabases.uniqueName() + ";DB_CLOSE_DELAY=-1";
			SimpleDriverDataSource unpooled = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
			try {
				SchemaSetup.pushSchema(SCHEMA, unpooled);
				OrmClient orm = FarmingOrm.createOrmFromRuntime(SCHEMA, unpooled);
				Row created = orm.model("item").create(Data.of("name", "a", "kind", "it's"));
				Row updated = orm.model("item")
					.update((u) -> u.where("id", created.get("id")).data(Data.of("kind", "plain", "level", "HIGH")))
					.orElseThrow();
				assertThat(updated.getString("kind")).isEqualTo("plain");
				assertThat(updated.getString("level")).isEqualTo("HIGH");
			}
			finally {
				new JdbcTemplate(unpooled).execute("SHUTDOWN");
			}
		}

		@Test
		void enumWritesWorkAfterThePoolRetiresThePushingConnection() {
			HikariDataSource pool = (HikariDataSource) dataSource();
			SchemaSetup.pushSchema(SCHEMA, pool);
			pool.getHikariPoolMXBean().softEvictConnections();
			OrmClient orm = FarmingOrm.createOrmFromRuntime(SCHEMA, pool);
			assertThat(orm.model("item").create(Data.of("name", "a", "kind", "back\\slash")).getString("kind"))
				.isEqualTo("back\\slash");
		}

	}

	@Nested
	class AnsiOnH2 extends Checks {

		AnsiOnH2() {
			super(ansiOnH2(), "\"");
		}

	}

	/** H2 through the standard-SQL fallback dialect, remembering the pool under each driver. */
	static TckBackend ansiOnH2() {
		TckBackend h2 = TestDatabases.h2();
		return new TckBackend() {
			@Override
			public Object newRuntime() {
				DataSource pool = (DataSource) h2.newRuntime();
				Object driver = JdbcDriverProvider.driver(pool, new AnsiDialect());
				ANSI_POOLS.put(driver, pool);
				return driver;
			}

			@Override
			public void release(Object runtime) {
				h2.release(ANSI_POOLS.remove(runtime));
			}
		};
	}

	@Nested
	class Sqlite extends Checks {

		Sqlite() {
			super(TestDatabases.sqlite(), "\"");
		}

	}

	@Nested
	class Postgresql extends Checks {

		Postgresql() {
			super(TestDatabases.postgresql(), "\"");
		}

	}

	@Nested
	class Mariadb extends Checks {

		Mariadb() {
			super(TestDatabases.mariadb(), "`");
		}

	}

}
