package dev.farminglabs.orm.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sets {@link Connection#setNetworkTimeout} on the application's connections while the driver uses them, and puts the
 * previous value back before they return to the pool: outside a transaction when the connection is released, inside
 * one after it completes (so the commit is bounded too). Drivers that cannot set it (embedded H2, SQLite) are left
 * alone; their statements still have the query timeout.
 */
final class NetworkTimeouts {

	/** The driver applies the timeout to the socket itself; nothing runs on the executor. */
	private static final Executor DIRECT = Runnable::run;

	private final DataSource dataSource;

	private final Map<Connection, Integer> previous = Collections.synchronizedMap(new IdentityHashMap<>());

	private volatile boolean unsupported;

	NetworkTimeouts(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	void apply(Connection connection, int millis) {
		if (this.unsupported) {
			return;
		}
		boolean transactional = DataSourceUtils.isConnectionTransactional(connection, this.dataSource);
		if (transactional) {
			if (!TransactionSynchronizationManager.isSynchronizationActive()
					|| TransactionSynchronizationManager.hasResource(new Key(connection))) {
				return;
			}
		}
		else if (this.previous.containsKey(connection)) {
			return;
		}
		int before;
		try {
			before = connection.getNetworkTimeout();
			if (before != 0 && before <= millis) {
				return;
			}
			connection.setNetworkTimeout(DIRECT, millis);
		}
		catch (SQLException | RuntimeException | AbstractMethodError ex) {
			this.unsupported = isUnsupported(ex);
			return;
		}
		if (!transactional) {
			this.previous.put(connection, before);
			return;
		}
		Key key = new Key(connection);
		TransactionSynchronizationManager.bindResource(key, before);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(key);
				reset(connection, before);
			}
		});
	}

	void restore(Connection connection) {
		Integer before = this.previous.remove(connection);
		if (before != null) {
			reset(connection, before);
		}
	}

	private static void reset(Connection connection, int before) {
		try {
			if (!connection.isClosed()) {
				connection.setNetworkTimeout(DIRECT, before);
			}
		}
		catch (SQLException | RuntimeException ex) {
			// A broken connection is evicted by its pool; nothing to restore on it.
		}
	}

	private static boolean isUnsupported(Throwable ex) {
		return ex instanceof java.sql.SQLFeatureNotSupportedException || ex instanceof UnsupportedOperationException
				|| ex instanceof AbstractMethodError;
	}

	/** The transaction resource that marks a connection whose timeout is set; one per connection. */
	private record Key(Connection connection) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.connection == this.connection;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.connection);
		}

	}

}
