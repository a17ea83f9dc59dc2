package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.UUID;

import javax.sql.DataSource;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A PostgreSQL transaction that something outside the client aborted (a failed {@link JdbcTemplate} statement in
 * the same Spring transaction) makes every later ORM call fail with {@code TRANSACTION_ABORTED} (SQLSTATE 25P02),
 * not {@code UNSUPPORTED_OPERATION}; the client's own failures never abort it (see {@code ConsistencyTck}).
 */
class TransactionAbortedTest {

	private static final FrameworkSchema SCHEMA = FrameworkSchema.builder("aborted")
		.model("entry", model("aborted_entries").field("id", id()).field("label", string().unique()))
		.build();

	private static final String INSERT = "INSERT INTO \"aborted_entries\" (\"id\", \"label\") VALUES (?, ?)";

	private final TckBackend backend = TestDatabases.postgresql();

	private DataSource dataSource;

	private OrmClient orm;

	private JdbcTemplate jdbc;

	private TransactionTemplate spring;

	@BeforeEach
	void openDatabase() {
		this.dataSource = (DataSource) this.backend.newRuntime();
		this.orm = SchemaSetup.bootstrapDatabase(SCHEMA, this.dataSource);
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.spring = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
	}

	@AfterEach
	void dropDatabase() {
		this.backend.release(this.dataSource);
	}

	@Test
	void anOrmCallInATransactionAbortedOutsideTheClientFailsWithTransactionAborted() {
		this.orm.model("entry").create(Data.of("label", "taken"));
		Throwable thrown = catchThrowable(() -> this.spring.executeWithoutResult((status) -> {
			assertThatThrownBy(() -> this.jdbc.update(INSERT, UUID.randomUUID().toString(), "taken"))
				.isInstanceOf(DataAccessException.class);
			this.orm.model("entry").create(Data.of("label", "after"));
		}));
		assertThat(thrown).isInstanceOf(OrmException.class);
		OrmException error = (OrmException) thrown;
		assertThat(error.code()).as(error.getMessage()).isEqualTo(OrmErrorCode.TRANSACTION_ABORTED);
		assertThat(error.originalCode()).isEqualTo("25P02");
		assertThat(error.retryable()).isFalse();
		assertThat(this.orm.model("entry").count()).isEqualTo(1);
	}

	@Test
	void theClientsOwnCaughtFailureLeavesTheSpringTransactionUsable() {
		this.orm.model("entry").create(Data.of("label", "taken"));
		this.spring.executeWithoutResult((status) -> {
			assertThatThrownBy(() -> this.orm.model("entry").create(Data.of("label", "taken")))
				.isInstanceOfSatisfying(OrmException.class,
						(ex) -> assertThat(ex.code()).isEqualTo(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION));
			this.jdbc.update(INSERT, UUID.randomUUID().toString(), "by jdbc");
			this.orm.model("entry").create(Data.of("label", "by orm"));
		});
		assertThat(this.orm.model("entry").count()).isEqualTo(3);
	}

}
