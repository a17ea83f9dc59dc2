package dev.farminglabs.orm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.client.IsolationLevel;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.jdbc.dialect.IdentifierSpelling;
import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.jdbc.dialect.SqlValue;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every statement of a JDBC driver shares: the data source (connections taken through Spring's
 * {@link DataSourceUtils}, so a Spring-managed transaction is joined), the dialect, and error translation.
 */
public final class JdbcContext {

	private final DataSource dataSource;

	private final SqlDialect dialect;

	private final IdentifierSpelling spelling;

	private final DriverHandle handle;

	private final StatementRenderer renderer;

	private final SqlErrorTranslator errors;

	private final TransactionTemplate required;

	private final TransactionTemplate nested;

	private final DataSourceTransactionManager manager;

	/** Templates of new transactions at an isolation level, by JDBC level. */
	private final Map<Integer, TransactionTemplate> isolated = new ConcurrentHashMap<>();

	/** {@code Statement.setQueryTimeout} for every statement, in seconds; 0 for none. */
	private final int queryTimeoutSeconds;

	/**
	 * {@code Connection.setNetworkTimeout} while a connection is used, in milliseconds; 0 for none. Longer than the
	 * query timeout, so a live server cancels the statement first (a clean "did not happen") and only a server that
	 * stopped answering meets the network timeout.
	 */
	private final int networkTimeoutMillis;

	private final NetworkTimeouts networkTimeouts;

	/** One operation of several statements: a transaction, or a savepoint of the current one. */
	private final TransactionTemplate operation;

	/** Set while this thread runs an operation of several statements ({@link #atomically}). */
	private final ThreadLocal<Boolean> inOperation;

	public JdbcContext(DataSource dataSource, SqlDialect dialect, DriverHandle handle) {
		this(dataSource, dialect, handle, new IdentifierSpelling());
	}

	/** A context whose statements name identifiers in the given spelling (what the catalogue showed). */
	public JdbcContext(DataSource dataSource, SqlDialect dialect, DriverHandle handle, IdentifierSpelling spelling) {
		this.dataSource = dataSource;
		this.spelling = spelling;
		this.dialect = dialect.spelledAs(this.spelling);
		this.handle = handle;
		this.renderer = new StatementRenderer(this.dialect);
		this.errors = new SqlErrorTranslator(this.dialect);
		DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
		this.manager = manager;
		this.required = new TransactionTemplate(manager);
		this.nested = new TransactionTemplate(manager);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.operation = new TransactionTemplate(manager);
		this.operation.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.inOperation = new ThreadLocal<>();
		this.queryTimeoutSeconds = 0;
		this.networkTimeoutMillis = 0;
		this.networkTimeouts = new NetworkTimeouts(dataSource);
	}

	private JdbcContext(JdbcContext base, Duration operationTimeout) {
		this.dataSource = base.dataSource;
		this.spelling = base.spelling;
		this.dialect = base.dialect;
		this.handle = base.handle;
		this.renderer = base.renderer;
		this.errors = base.errors;
		this.required = base.required;
		this.nested = base.nested;
		this.manager = base.manager;
		this.operation = base.operation;
		this.inOperation = base.inOperation;
		long millis = Math.max(1, operationTimeout.toMillis());
		this.queryTimeoutSeconds = (int) Math.min(Integer.MAX_VALUE / 2000, (millis + 999) / 1000);
		this.networkTimeoutMillis = this.queryTimeoutSeconds * 1000 + Math.max(1000, this.queryTimeoutSeconds * 500);
		this.networkTimeouts = base.networkTimeouts;
	}

	/** This context with every statement bounded by the timeout. */
	public JdbcContext withOperationTimeout(Duration operationTimeout) {
		return new JdbcContext(this, operationTimeout);
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	public SqlDialect dialect() {
		return this.dialect;
	}

	/** How this driver's database spells the schema's identifiers; statements of {@link #dialect()} follow it. */
	IdentifierSpelling spelling() {
		return this.spelling;
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

	/**
	 * A connection: the current transaction's, or one from the data source, with the network timeout applied; give it
	 * back with {@link #release(Connection)}.
	 */
	Connection connection() {
		Connection connection;
		try {
			connection = DataSourceUtils.getConnection(this.dataSource);
		}
		catch (DataAccessException ex) {
			throw connectionFailure(ex);
		}
		if (this.networkTimeoutMillis > 0) {
			this.networkTimeouts.apply(connection, this.networkTimeoutMillis);
		}
		return connection;
	}

	/** Gives a connection from {@link #connection()} back, restoring its network timeout. */
	void release(Connection connection) {
		try {
			if (this.networkTimeoutMillis > 0) {
				this.networkTimeouts.restore(connection);
			}
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Runs work with a connection (the transaction's, when one is active). A write that fails because the connection
	 * broke or timed out after it was sent outside a transaction may have committed: its error is
	 * {@linkplain OrmException#inDoubt() in doubt}. Statements are told apart by their first word: this driver renders
	 * every read as a {@code SELECT}.
	 */
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
			OrmException error = this.errors.translate(ex, model, statement, connection);
			// MariaDB's long sorts wrap their select in SET STATEMENT … FOR SELECT.
			boolean write = statement != null && !statement.regionMatches(true, 0, "SELECT", 0, 6)
					&& !statement.regionMatches(true, 0, "SET STATEMENT", 0, 13);
			if (write && mayHaveHappened(error, ex)
					&& !DataSourceUtils.isConnectionTransactional(connection, this.dataSource)) {
				throw OrmException.Builder.from(error).inDoubt(true).build();
			}
			throw error;
		}
		catch (RuntimeException ex) {
			rollbackTo(connection, savepoint);
			throw ex;
		}
		finally {
			release(connection);
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

	/**
	 * Runs an update and then a query in one prepared statement, so in one round trip (only where the dialect
	 * {@linkplain SqlDialect#preparesSeveralStatements() prepares several statements}), and reads every row of the
	 * query as the given fields.
	 */
	List<Map<String, @Nullable Object>> queryAfter(ModelDefinition model, SqlFragment update, SqlFragment query,
			List<FieldDefinition> fields) {
		List<SqlValue> params = new ArrayList<>(update.params().size() + query.params().size());
		params.addAll(update.params());
		params.addAll(query.params());
		SqlFragment both = new SqlFragment(update.sql() + ";\n" + query.sql(), params);
		return withConnection(model, both.sql(), (connection) -> {
			try (PreparedStatement statement = prepare(connection, both)) {
				boolean rows = statement.execute();
				while (!rows) {
					if (statement.getUpdateCount() == -1) {
						throw new SQLException("No result set from the last of several statements: " + both.sql());
					}
					rows = statement.getMoreResults();
				}
				try (ResultSet results = statement.getResultSet()) {
					return readAll(results, fields);
				}
			}
		});
	}

	PreparedStatement prepare(Connection connection, SqlFragment sql) throws SQLException {
		PreparedStatement statement = timed(connection.prepareStatement(sql.sql()));
		bind(statement, sql);
		return statement;
	}

	/** The statement with the operation timeout applied, if there is one. */
	<S extends Statement> S timed(S statement) throws SQLException {
		if (this.queryTimeoutSeconds > 0) {
			statement.setQueryTimeout(this.queryTimeoutSeconds);
		}
		return statement;
	}

	void bind(PreparedStatement statement, SqlFragment sql) throws SQLException {
		bind(statement, sql.params());
	}

	void bind(PreparedStatement statement, List<SqlValue> params) throws SQLException {
		for (int i = 0; i < params.size(); i++) {
			this.dialect.bind(statement, i + 1, params.get(i));
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
		// Sized for its fields: the row is the one copy of the result set's values handed to the client.
		Map<String, @Nullable Object> row = new LinkedHashMap<>((int) (fields.size() / 0.75f) + 1);
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

	/**
	 * Runs work in a new transaction at an isolation level (the dialect's JDBC level for it), or, inside a running
	 * transaction, in a savepoint of it when that one runs at the level asked for or a stronger one: isolation cannot
	 * change once a transaction has started.
	 */
	<R> R transaction(boolean nestedInOurs, IsolationLevel isolation, Supplier<R> work) {
		int level = this.dialect.isolation(isolation);
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& TransactionSynchronizationManager.hasResource(this.dataSource)) {
			int current = withConnection(null, null, Connection::getTransactionIsolation);
			if (current < level) {
				throw OrmException.validation(null, null, "A transaction at " + isolation
						+ " cannot start inside one that runs at a weaker level (JDBC level " + current
						+ "): isolation is fixed when a transaction starts; ask for it on the outermost transaction");
			}
			return transaction(nestedInOurs, work);
		}
		TransactionTemplate template = this.isolated.computeIfAbsent(level, (jdbcLevel) -> {
			TransactionTemplate created = new TransactionTemplate(this.manager);
			created.setIsolationLevel(jdbcLevel);
			return created;
		});
		return inTransaction(template, work);
	}

	/**
	 * Runs work in a transaction. A failure after the work returned is a failure to commit: when it is a broken
	 * connection or a timeout, the transaction may have committed ({@linkplain OrmException#inDoubt() in doubt}).
	 */
	private <R> R inTransaction(TransactionTemplate template, Supplier<R> work) {
		boolean[] committing = new boolean[1];
		RuntimeException[] failed = new RuntimeException[1];
		try {
			return template.execute((status) -> {
				R result;
				try {
					result = work.get();
				}
				catch (RuntimeException ex) {
					failed[0] = ex;
					throw ex;
				}
				committing[0] = status.isNewTransaction();
				if (committing[0] && this.networkTimeoutMillis > 0) {
					this.networkTimeouts.apply(DataSourceUtils.getConnection(this.dataSource), this.networkTimeoutMillis);
				}
				return result;
			});
		}
		catch (TransactionException | DataAccessException ex) {
			if (failed[0] != null) {
				// The rollback after the work's own failure failed too: a deadlock or serialization failure ends the
				// whole transaction on MySQL and MariaDB, savepoints included, so rolling back to one cannot work. The
				// work's error says what happened (and whether to retry); the rollback's would hide it.
				throw failed[0];
			}
			Throwable cause = ex.getCause();
			OrmException error = (cause instanceof SQLException sql) ? this.errors.translate(sql, null, null)
					: connectionFailure(ex);
			boolean unknown = error.code() == OrmErrorCode.UNKNOWN;
			if (committing[0] && (unknown || mayHaveHappened(error, (cause instanceof SQLException sql) ? sql : null))) {
				throw OrmException.Builder.from(error).inDoubt(true).build();
			}
			throw error;
		}
	}

	/**
	 * Whether a statement that failed this way may still have been carried out: the connection failed while it was
	 * under way (including a server that ended the session during a commit: PostgreSQL 57P01, MariaDB 1927), or the
	 * socket timed out. A timeout the server itself enforced (a cancelled statement) means it did not happen.
	 */
	private static boolean mayHaveHappened(OrmException error, @Nullable SQLException ex) {
		return error.code() == OrmErrorCode.CONNECTION_FAILURE
				|| (error.code() == OrmErrorCode.TIMEOUT && ex != null && SqlErrorTranslator.connectionLost(ex));
	}

	/**
	 * A failure to get or use a connection, with the reasons of every cause in the message; the deepest SQL error says
	 * whether it is worth retrying (a refused password is not) or a missing privilege.
	 */
	private OrmException connectionFailure(RuntimeException ex) {
		SQLException root = null;
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SQLException sql) {
				root = sql;
			}
		}
		OrmException translated = (root != null) ? this.errors.translate(root, null, null) : null;
		OrmErrorCode code = (translated != null && translated.code() == OrmErrorCode.PERMISSION_DENIED)
				? OrmErrorCode.PERMISSION_DENIED : OrmErrorCode.CONNECTION_FAILURE;
		return OrmException.builder(code,
				"Could not use a JDBC connection of " + this.dialect.name() + ": " + SqlErrorTranslator.reasons(ex))
			.retryable(code == OrmErrorCode.CONNECTION_FAILURE && (translated == null || translated.retryable()
					|| translated.code() != OrmErrorCode.CONNECTION_FAILURE))
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
