package dev.farminglabs.orm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every statement of a JDBC driver shares: the data source (connections taken through Spring's
 * {@link DataSourceUtils}, so a Spring-managed transaction is joined), the dialect, and error translation.
 */
public final class JdbcContext {

	private final DataSource dataSource;

	private final SqlDialect dialect;

	private final DriverHandle handle;

	private final StatementRenderer renderer;

	private final SqlErrorTranslator errors;

	private final TransactionTemplate required;

	private final TransactionTemplate nested;

	/** One operation of several statements: a transaction, or a savepoint of the current one. */
	private final TransactionTemplate operation;

	/** Set while this thread runs an operation of several statements ({@link #atomically}). */
	private final ThreadLocal<Boolean> inOperation = new ThreadLocal<>();

	public JdbcContext(DataSource dataSource, SqlDialect dialect, DriverHandle handle) {
		this.dataSource = dataSource;
		this.dialect = dialect;
		this.handle = handle;
		this.renderer = new StatementRenderer(dialect);
		this.errors = new SqlErrorTranslator(dialect);
		DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
		this.required = new TransactionTemplate(manager);
		this.nested = new TransactionTemplate(manager);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.operation = new TransactionTemplate(manager);
		this.operation.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	public SqlDialect dialect() {
		return this.dialect;
	}

	public DriverHandle handle() {
		return this.handle;
	}

	StatementRenderer renderer() {
		return this.renderer;
	}

	public SqlErrorTranslator errors() {
		return this.errors;
	}

	/** A connection: the current transaction's, or one from the data source; release it with DataSourceUtils. */
	Connection connection() {
		try {
			return DataSourceUtils.getConnection(this.dataSource);
		}
		catch (DataAccessException ex) {
			throw connectionFailure(ex);
		}
	}

	/** Runs work with a connection (the transaction's, when one is active). */
	public <R> R withConnection(@Nullable ModelDefinition model, @Nullable String statement, ConnectionWork<R> work) {
		Connection connection = connection();
		Savepoint savepoint = null;
		try {
			savepoint = savepointIfNeeded(connection);
			R result = work.run(connection);
			if (savepoint != null) {
				connection.releaseSavepoint(savepoint);
			}
			return result;
		}
		catch (SQLException ex) {
			rollbackTo(connection, savepoint);
			throw this.errors.translate(ex, model, statement, connection);
		}
		catch (RuntimeException ex) {
			rollbackTo(connection, savepoint);
			throw ex;
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * A savepoint before work inside a transaction on dialects where a failed statement aborts the transaction
	 * (PostgreSQL), so that a failure the caller catches leaves the transaction usable, as on every other backend.
	 */
	private @Nullable Savepoint savepointIfNeeded(Connection connection) throws SQLException {
		// Inside an operation of several statements, the operation's own savepoint covers them all.
		return (this.dialect.failedStatementAbortsTransaction() && this.inOperation.get() == null
				&& !connection.getAutoCommit()) ? connection.setSavepoint() : null;
	}

	private static void rollbackTo(Connection connection, @Nullable Savepoint savepoint) {
		if (savepoint == null) {
			return;
		}
		try {
			connection.rollback(savepoint);
		}
		catch (SQLException ex) {
			// The connection is broken; the original failure says more than this one.
		}
	}

	/** Executes an update statement; returns the number of rows matched. */
	long update(@Nullable ModelDefinition model, SqlFragment sql) {
		return withConnection(model, sql.sql(), (connection) -> {
			try (PreparedStatement statement = prepare(connection, sql)) {
				return statement.executeLargeUpdate();
			}
		});
	}

	/** Runs a query and reads every row as the given fields. */
	List<Map<String, @Nullable Object>> query(ModelDefinition model, SqlFragment sql, List<FieldDefinition> fields) {
		return withConnection(model, sql.sql(), (connection) -> {
			try (PreparedStatement statement = prepare(connection, sql); ResultSet rows = statement.executeQuery()) {
				return readAll(rows, fields);
			}
		});
	}

	PreparedStatement prepare(Connection connection, SqlFragment sql) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql.sql());
		bind(statement, sql);
		return statement;
	}

	void bind(PreparedStatement statement, SqlFragment sql) throws SQLException {
		for (int i = 0; i < sql.params().size(); i++) {
			this.dialect.bind(statement, i + 1, sql.params().get(i));
		}
	}

	List<Map<String, @Nullable Object>> readAll(ResultSet rows, List<FieldDefinition> fields) throws SQLException {
		List<Map<String, @Nullable Object>> result = new ArrayList<>();
		while (rows.next()) {
			result.add(read(rows, fields));
		}
		return result;
	}

	Map<String, @Nullable Object> read(ResultSet rows, List<FieldDefinition> fields) throws SQLException {
		return read(rows, 1, fields);
	}

	/** Reads the given fields from consecutive columns, the first at {@code firstColumn}. */
	Map<String, @Nullable Object> read(ResultSet rows, int firstColumn, List<FieldDefinition> fields)
			throws SQLException {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			row.put(fields.get(i).name(), this.dialect.read(rows, firstColumn + i, fields.get(i)));
		}
		return row;
	}

	/**
	 * Runs one operation's statements atomically: in a transaction, or in a savepoint of the current one, so that a
	 * failed operation the caller catches neither marks the caller's transaction rollback-only nor leaves half of
	 * itself behind.
	 */
	<R> R atomically(Supplier<R> work) {
		if (this.inOperation.get() != null) {
			return work.get();
		}
		this.inOperation.set(Boolean.TRUE);
		try {
			return inTransaction(this.operation, work);
		}
		finally {
			this.inOperation.remove();
		}
	}

	/** Runs work in a new transaction, or a savepoint of the current one. */
	<R> R transaction(boolean nestedInOurs, Supplier<R> work) {
		return inTransaction(nestedInOurs ? this.nested : this.required, work);
	}

	private <R> R inTransaction(TransactionTemplate template, Supplier<R> work) {
		try {
			return template.execute((status) -> work.get());
		}
		catch (TransactionException | DataAccessException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof SQLException sql) {
				throw this.errors.translate(sql, null, null);
			}
			throw connectionFailure(ex);
		}
	}

	private OrmException connectionFailure(RuntimeException ex) {
		return OrmException.builder(OrmErrorCode.CONNECTION_FAILURE,
				"Could not use a JDBC connection of " + this.dialect.name() + ": " + ex.getMessage())
			.cause(ex)
			.backend("jdbc", this.dialect.name())
			.originalCode(sqlState(ex))
			.build();
	}

	/** The SQLSTATE of the first SQL exception among the causes (as {@code 08001}), if any. */
	private static @Nullable String sqlState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	/** Work with a connection that may throw {@link SQLException}. */
	@FunctionalInterface
	public interface ConnectionWork<R> {

		R run(Connection connection) throws SQLException;

	}

}
