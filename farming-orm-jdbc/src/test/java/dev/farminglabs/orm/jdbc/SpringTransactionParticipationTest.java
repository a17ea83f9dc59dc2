package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ORM calls take part in Spring-managed transactions on the same {@code DataSource}: with a
 * {@link DataSourceTransactionManager}, an ORM write and a {@link JdbcTemplate} write commit or roll back together and
 * see each other before commit; {@code orm.transaction} joins the Spring transaction, its nested transactions are
 * savepoints, and without a Spring transaction it commits on its own.
 */
class SpringTransactionParticipationTest {

	static final FrameworkSchema SCHEMA = FrameworkSchema.builder("participation")
		.model("entry", model("participation_entries").field("id", id()).field("label", string().unique()))
		.build();

	private static final String INSERT = "INSERT INTO \"participation_entries\" (\"id\", \"label\") VALUES (?, ?)";

	private static final String COUNT_LABEL = "SELECT COUNT(*) FROM \"participation_entries\" WHERE \"label\" = ?";

	/** A failure the tests throw on purpose, to roll back. */
	static final class Boom extends RuntimeException {

		Boom() {
			super("boom");
		}

	}

	/** The whole suite against one backend: a fresh database per test, the schema pushed. */
	abstract static class Participation {

		private final TckBackend backend;

		private DataSource dataSource;

		private OrmClient orm;

		private JdbcTemplate jdbc;

		private TransactionTemplate spring;

		Participation(TckBackend backend) {
			this.backend = backend;
		}

		@BeforeEach
		void openDatabase() {
			this.dataSource = (DataSource) this.backend.newRuntime();
			this.orm = SchemaSetup.bootstrapDatabase(SCHEMA, this.dataSource);
			this.jdbc = new JdbcTemplate(this.dataSource);
			this.spring = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		}

		@AfterEach
		void dropDatabase() {
			assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
			this.backend.release(this.dataSource);
		}

		private Row ormCreate(OrmClient client, String label) {
			return client.model("entry").create(Data.of("label", label));
		}

		private void jdbcInsert(String label) {
			this.jdbc.update(INSERT, UUID.randomUUID().toString(), label);
		}

		private boolean ormFinds(OrmClient client, String label) {
			return client.model("entry").findUnique((q) -> q.where("label", label)).isPresent();
		}

		private boolean jdbcFinds(String label) {
			return this.jdbc.queryForObject(COUNT_LABEL, Long.class, label) == 1L;
		}

		/** Whether a connection of its own, outside any Spring transaction, sees the label committed. */
		private boolean committed(String label) {
			try (Connection connection = this.dataSource.getConnection();
					PreparedStatement statement = connection.prepareStatement(COUNT_LABEL)) {
				statement.setString(1, label);
				try (ResultSet rows = statement.executeQuery()) {
					rows.next();
					return rows.getLong(1) == 1L;
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private List<String> committedLabels() {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet rows = statement
						.executeQuery("SELECT \"label\" FROM \"participation_entries\" ORDER BY \"label\"")) {
				List<String> labels = new ArrayList<>();
				while (rows.next()) {
					labels.add(rows.getString(1));
				}
				return labels;
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Test
		void ormCreateAndJdbcTemplateInsertCommitTogether() {
			this.spring.executeWithoutResult((status) -> {
				ormCreate(this.orm, "orm");
				jdbcInsert("jdbc");
				assertThat(committed("orm")).as("ORM row before commit").isFalse();
				assertThat(committed("jdbc")).as("JdbcTemplate row before commit").isFalse();
			});
			assertThat(committedLabels()).containsExactly("jdbc", "orm");
		}

		@Test
		void ormCreateAndJdbcTemplateInsertRollBackTogetherWhenTheCallbackThrows() {
			assertThatThrownBy(() -> this.spring.executeWithoutResult((status) -> {
				ormCreate(this.orm, "orm");
				jdbcInsert("jdbc");
				throw new Boom();
			})).isInstanceOf(Boom.class);
			assertThat(committedLabels()).isEmpty();
		}

		@Test
		void ormCreateAndJdbcTemplateInsertRollBackTogetherWhenTheCallbackSetsRollbackOnly() {
			this.spring.executeWithoutResult((status) -> {
				jdbcInsert("jdbc");
				ormCreate(this.orm, "orm");
				status.setRollbackOnly();
			});
			assertThat(committedLabels()).isEmpty();
		}

		@Test
		void ormSeesTheJdbcTemplatesUncommittedRowAndViceVersa() {
			this.spring.executeWithoutResult((status) -> {
				jdbcInsert("jdbc");
				assertThat(ormFinds(this.orm, "jdbc")).as("ORM sees the JdbcTemplate's row").isTrue();
				ormCreate(this.orm, "orm");
				assertThat(jdbcFinds("orm")).as("JdbcTemplate sees the ORM's row").isTrue();
				assertThat(this.orm.model("entry").count()).isEqualTo(2);
				assertThat(committed("jdbc") || committed("orm")).as("visible outside before commit").isFalse();
			});
			assertThat(committedLabels()).containsExactly("jdbc", "orm");
		}

		@Test
		void ormTransactionJoinsTheSpringTransactionSoALaterFailureRollsItsWriteBack() {
			assertThatThrownBy(() -> this.spring.executeWithoutResult((status) -> {
				Row created = this.orm.transaction((tx) -> ormCreate(tx, "orm"));
				assertThat(created.getString("label")).isEqualTo("orm");
				assertThat(committed("orm")).as("committed when orm.transaction returned").isFalse();
				assertThat(jdbcFinds("orm")).isTrue();
				jdbcInsert("jdbc");
				throw new Boom();
			})).isInstanceOf(Boom.class);
			assertThat(committedLabels()).isEmpty();
		}

		@Test
		void ormTransactionInsideASpringTransactionCommitsWithIt() {
			this.spring.executeWithoutResult((status) -> {
				this.orm.transaction((tx) -> ormCreate(tx, "orm"));
				jdbcInsert("jdbc");
			});
			assertThat(committedLabels()).containsExactly("jdbc", "orm");
		}

		@Test
		void ormTransactionThatThrowsMarksTheSpringTransactionRollbackOnlyEvenWhenCaught() {
			assertThatThrownBy(() -> this.spring.executeWithoutResult((status) -> {
				jdbcInsert("jdbc");
				assertThatThrownBy(() -> this.orm.transaction((tx) -> {
					ormCreate(tx, "orm");
					throw new Boom();
				})).isInstanceOf(Boom.class);
			})).isInstanceOf(UnexpectedRollbackException.class);
			assertThat(committedLabels()).isEmpty();
		}

		@Test
		void nestedTransactionThatThrowsInsideASpringTransactionRollsBackOnlyItsOwnWrites() {
			this.spring.executeWithoutResult((status) -> this.orm.transaction((tx) -> {
				ormCreate(tx, "outer");
				assertThatThrownBy(() -> tx.transaction((inner) -> {
					ormCreate(inner, "inner");
					jdbcInsert("inner-jdbc");
					assertThat(ormFinds(inner, "inner-jdbc")).isTrue();
					throw new Boom();
				})).isInstanceOf(Boom.class);
				assertThat(ormFinds(tx, "inner")).as("inner write after its rollback").isFalse();
				assertThat(jdbcFinds("inner-jdbc")).as("inner JdbcTemplate write after its rollback").isFalse();
				ormCreate(tx, "after");
				return null;
			}));
			assertThat(committedLabels()).containsExactly("after", "outer");
		}

		@Test
		void nestedTransactionThatThrowsRollsBackOnlyItsOwnWrites() {
			this.orm.transaction((tx) -> {
				ormCreate(tx, "outer");
				assertThatThrownBy(() -> tx.transaction((inner) -> {
					ormCreate(inner, "inner");
					throw new Boom();
				})).isInstanceOf(Boom.class);
				assertThat(ormFinds(tx, "outer")).isTrue();
				assertThat(ormFinds(tx, "inner")).isFalse();
				return null;
			});
			assertThat(committedLabels()).containsExactly("outer");
		}

		@Test
		void nestedTransactionThatReturnsIsCommittedWithItsParent() {
			this.orm.transaction((tx) -> tx.transaction((inner) -> ormCreate(inner, "inner")));
			assertThat(committedLabels()).containsExactly("inner");
		}

		@Test
		void ormTransactionWithoutASpringTransactionCommitsOnItsOwn() {
			assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
			this.orm.transaction((tx) -> {
				ormCreate(tx, "first");
				ormCreate(tx, "second");
				assertThat(committed("first")).as("visible outside before commit").isFalse();
				return null;
			});
			assertThat(committedLabels()).containsExactly("first", "second");
			assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
		}

		@Test
		void ormTransactionWithoutASpringTransactionRollsBackOnItsOwn() {
			assertThatThrownBy(() -> this.orm.transaction((tx) -> {
				ormCreate(tx, "first");
				jdbcInsert("jdbc");
				throw new Boom();
			})).isInstanceOf(Boom.class);
			assertThat(committedLabels()).isEmpty();
		}

		@Test
		void ormCallsOutsideAnyTransactionAutoCommit() {
			ormCreate(this.orm, "orm");
			assertThat(committed("orm")).isTrue();
		}

		@Test
		void clientOnALazyConnectionProxyJoinsTransactionsManagedOnThatProxy() {
			LazyConnectionDataSourceProxy lazy = new LazyConnectionDataSourceProxy(this.dataSource);
			OrmClient onLazy = FarmingOrm.createOrmFromRuntime(SCHEMA, lazy);
			JdbcTemplate jdbcOnLazy = new JdbcTemplate(lazy);
			TransactionTemplate managedOnLazy = new TransactionTemplate(new DataSourceTransactionManager(lazy));
			managedOnLazy.executeWithoutResult((status) -> {
				ormCreate(onLazy, "orm");
				jdbcOnLazy.update(INSERT, UUID.randomUUID().toString(), "jdbc");
				assertThat(ormFinds(onLazy, "jdbc")).isTrue();
				status.setRollbackOnly();
			});
			assertThat(committedLabels()).isEmpty();
		}

		@Test
		void clientOnATransactionAwareProxyJoinsTransactionsManagedOnItsTarget() {
			OrmClient onProxy = FarmingOrm.createOrmFromRuntime(SCHEMA,
					new TransactionAwareDataSourceProxy(this.dataSource));
			this.spring.executeWithoutResult((status) -> {
				jdbcInsert("jdbc");
				assertThat(ormFinds(onProxy, "jdbc")).isTrue();
				ormCreate(onProxy, "orm");
				status.setRollbackOnly();
			});
			assertThat(committedLabels()).isEmpty();
		}

	}

	@Nested
	class OnH2 extends Participation {

		OnH2() {
			super(TestDatabases.h2());
		}

	}

	@Nested
	class OnPostgresql extends Participation {

		OnPostgresql() {
			super(TestDatabases.postgresql());
		}

	}

}
