package dev.farminglabs.orm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Rows read lazily from an open cursor with a fetch size, so a large read runs in constant memory. The connection
 * (and, on PostgreSQL, the transaction that a server-side cursor needs) is released when the stream is closed.
 */
final class RowStream {

	static final int FETCH_SIZE = 500;

	private RowStream() {
	}

	static Stream<Map<String, @Nullable Object>> open(JdbcContext context, ModelDefinition model, SqlFragment sql,
			List<FieldDefinition> fields) {
		Connection connection = context.connection();
		boolean restoreAutoCommit = false;
		try {
			// PostgreSQL keeps a server-side cursor only inside a transaction.
			if (connection.getAutoCommit() && context.dialect().cursorsNeedTransaction()) {
				connection.setAutoCommit(false);
				restoreAutoCommit = true;
			}
			PreparedStatement statement = context.prepare(connection, sql);
			statement.setFetchSize(FETCH_SIZE);
			ResultSet rows = statement.executeQuery();
			Cursor cursor = new Cursor(context, model, sql, fields, connection, statement, rows, restoreAutoCommit);
			return StreamSupport.stream(cursor, false).onClose(cursor::close);
		}
		catch (SQLException ex) {
			try {
				if (restoreAutoCommit) {
					connection.setAutoCommit(true);
				}
			}
			catch (SQLException ignored) {
				// The original failure is the one to report.
			}
			try {
				throw context.errors().translate(ex, model, sql.sql(), connection);
			}
			finally {
				context.release(connection);
			}
		}
	}

	private static final class Cursor extends Spliterators.AbstractSpliterator<Map<String, @Nullable Object>> {

		private final JdbcContext context;

		private final ModelDefinition model;

		private final SqlFragment sql;

		private final List<FieldDefinition> fields;

		private final Connection connection;

		private final PreparedStatement statement;

		private final ResultSet rows;

		private final boolean restoreAutoCommit;

		private boolean closed;

		Cursor(JdbcContext context, ModelDefinition model, SqlFragment sql, List<FieldDefinition> fields,
				Connection connection, PreparedStatement statement, ResultSet rows, boolean restoreAutoCommit) {
			super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
			this.context = context;
			this.model = model;
			this.sql = sql;
			this.fields = fields;
			this.connection = connection;
			this.statement = statement;
			this.rows = rows;
			this.restoreAutoCommit = restoreAutoCommit;
		}

		@Override
		public boolean tryAdvance(Consumer<? super Map<String, @Nullable Object>> action) {
			if (this.closed) {
				return false;
			}
			try {
				if (!this.rows.next()) {
					close();
					return false;
				}
				action.accept(this.context.read(this.rows, this.fields));
				return true;
			}
			catch (SQLException ex) {
				close();
				throw this.context.errors().translate(ex, this.model, this.sql.sql());
			}
		}

		void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			try {
				this.rows.close();
				this.statement.close();
				if (this.restoreAutoCommit) {
					this.connection.commit();
					this.connection.setAutoCommit(true);
				}
			}
			catch (SQLException ex) {
				throw this.context.errors().translate(ex, this.model, this.sql.sql());
			}
			finally {
				this.context.release(this.connection);
			}
		}

	}

}
