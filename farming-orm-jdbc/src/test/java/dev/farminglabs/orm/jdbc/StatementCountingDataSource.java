package dev.farminglabs.orm.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that records every statement its connections actually execute, the way an application's metrics
 * wrapper would see them: plain statements at {@code execute*} and {@code addBatch}, prepared ones with the SQL they
 * were prepared with. Tests use it to prove what a push did, not what it said it did.
 */
final class StatementCountingDataSource extends DelegatingDataSource {

	private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate",
			"executeLargeUpdate", "executeBatch", "executeLargeBatch");

	private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

	StatementCountingDataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return counting(obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return counting(obtainTargetDataSource().getConnection(username, password));
	}

	/** Every statement executed since the last {@link #reset()}, in order. */
	List<String> executed() {
		synchronized (this.executed) {
			return List.copyOf(this.executed);
		}
	}

	/** The executed statements that change the schema: {@code CREATE}, {@code ALTER} and {@code DROP}. */
	List<String> ddl() {
		return executed().stream().filter(StatementCountingDataSource::isDdl).toList();
	}

	/** The executed DDL statements that start with a prefix, as {@code CREATE UNIQUE INDEX}. */
	List<String> ddlStartingWith(String prefix) {
		return ddl().stream().filter((sql) -> normalised(sql).startsWith(prefix)).toList();
	}

	void reset() {
		this.executed.clear();
	}

	static boolean isDdl(String sql) {
		String statement = normalised(sql);
		return statement.startsWith("CREATE") || statement.startsWith("ALTER") || statement.startsWith("DROP");
	}

	private static String normalised(String sql) {
		return sql.strip().toUpperCase(Locale.ROOT);
	}

	private Connection counting(Connection connection) {
		return proxy(Connection.class, connection, (method, args) -> {
			Object result = invoke(connection, method, args);
			if (result instanceof CallableStatement callable) {
				return proxy(CallableStatement.class, callable, statementHandler(callable, (String) args[0]));
			}
			if (result instanceof PreparedStatement prepared) {
				return proxy(PreparedStatement.class, prepared, statementHandler(prepared, (String) args[0]));
			}
			if (result instanceof Statement statement) {
				return proxy(Statement.class, statement, statementHandler(statement, null));
			}
			return result;
		});
	}

	private Handler statementHandler(Statement statement, String prepared) {
		List<String> batch = new ArrayList<>();
		return (method, args) -> {
			String name = method.getName();
			if (name.equals("addBatch")) {
				batch.add((args != null && args.length > 0) ? (String) args[0] : prepared);
			}
			else if (name.equals("clearBatch")) {
				batch.clear();
			}
			else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
				this.executed.addAll(batch);
				batch.clear();
			}
			else if (EXECUTING.contains(name)) {
				this.executed.add((args != null && args.length > 0 && args[0] instanceof String sql) ? sql : prepared);
			}
			return invoke(statement, method, args);
		};
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Handler handler) {
		InvocationHandler invocation = (proxy, method, args) -> {
			if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
				return invoke(target, method, args);
			}
			return handler.handle(method, args);
		};
		return (T) Proxy.newProxyInstance(StatementCountingDataSource.class.getClassLoader(), new Class<?>[] { type },
				invocation);
	}

	@FunctionalInterface
	private interface Handler {

		Object handle(Method method, Object[] args) throws Throwable;

	}

}
