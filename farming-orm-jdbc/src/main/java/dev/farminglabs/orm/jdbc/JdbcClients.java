package dev.farminglabs.orm.jdbc;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.jdbc.support.JdbcAccessor;

/**
 * Finds the {@link DataSource} behind the raw clients applications have: a pool, Spring's JDBC templates and
 * {@code JdbcClient}, a {@code Connection}, jOOQ's {@code DSLContext}, a JPA {@code EntityManagerFactory}, through
 * Spring AOP proxies. Optional libraries are reached by reflection, so none of them is needed on the class path.
 * <p>
 * The driver uses a data source the way a {@link JdbcTemplate} built on it would: wrappers such as
 * {@code LazyConnectionDataSourceProxy}, a routing or metrics {@link DelegatingDataSource} or an AOP proxy of a data
 * source are kept, because their behaviour is the application's (and a transaction manager defined on the wrapper
 * binds its transactions to the wrapper). They are looked through only to describe what is inside. The one exception
 * is {@link TransactionAwareDataSourceProxy}, unwrapped as {@code DataSourceTransactionManager} unwraps it: connections
 * are taken through {@code DataSourceUtils}, which gives the same transaction awareness on the target.
 */
final class JdbcClients {

	private static final String JDBC_CLIENT = "org.springframework.jdbc.core.simple.JdbcClient";

	private JdbcClients() {
	}

	/**
	 * The data source and how it was reached, or {@code null} when the client is not a JDBC one.
	 */
	static @Nullable Found find(Object client) {
		if (client instanceof DataSource dataSource) {
			DataSource usable = unwrapTransactionAware(dataSource);
			return new Found(usable, "DataSource (" + describe(usable) + ")");
		}
		Object target = unwrapProxy(client);
		if (target instanceof Connection connection) {
			return new Found(new SingleConnectionDataSource(connection, true), "the given java.sql.Connection");
		}
		String via = (target == client) ? "" : " (Spring AOP proxy)";
		DataSource dataSource = templateDataSource(target);
		if (dataSource != null) {
			return found(dataSource, target.getClass().getSimpleName() + via);
		}
		if (implementsType(target, JDBC_CLIENT)) {
			dataSource = jdbcClientDataSource(target);
			if (dataSource != null) {
				return found(dataSource, "JdbcClient" + via);
			}
		}
		if (implementsType(target, "org.jooq.DSLContext")) {
			Object provider = call(call(target, "configuration"), "connectionProvider");
			if (call(provider, "dataSource") instanceof DataSource found) {
				return found(found, "jOOQ DSLContext" + via);
			}
		}
		if (implementsType(target, "jakarta.persistence.EntityManagerFactory")) {
			dataSource = entityManagerFactoryDataSource(target);
			if (dataSource != null) {
				return found(dataSource, "JPA EntityManagerFactory" + via);
			}
		}
		return null;
	}

	private static Found found(DataSource dataSource, String owner) {
		DataSource usable = unwrapTransactionAware(dataSource);
		return new Found(usable, "DataSource of " + owner + " (" + describe(usable) + ")");
	}

	/** The data source of a {@link JdbcTemplate} or {@link NamedParameterJdbcTemplate}, or {@code null}. */
	private static @Nullable DataSource templateDataSource(@Nullable Object template) {
		if (template instanceof JdbcAccessor accessor) {
			return accessor.getDataSource();
		}
		if (template instanceof NamedParameterJdbcTemplate named) {
			return named.getJdbcTemplate().getDataSource();
		}
		return null;
	}

	/**
	 * The data source of a {@code JdbcClient}, which has no accessor for it: the implementation keeps the templates
	 * it was built from in private fields ({@code classicOps} and {@code namedParamOps} in Spring 6.1,
	 * {@code namedParamOps} alone in Spring 7), so every field holding a template or a data source is tried.
	 */
	private static @Nullable DataSource jdbcClientDataSource(Object client) {
		for (Class<?> type = client.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
					continue;
				}
				Object value = readField(client, field);
				DataSource dataSource = (value instanceof DataSource direct) ? direct
						: (value != null) ? templateDataSource(unwrapProxy(value)) : null;
				if (dataSource != null) {
					return dataSource;
				}
			}
		}
		return null;
	}

	/** The class names of a data source and the ones it wraps, as {@code "LazyConnectionDataSourceProxy over HikariDataSource"}. */
	static String describe(DataSource dataSource) {
		StringBuilder text = new StringBuilder();
		@Nullable Object current = dataSource;
		for (int depth = 0; depth < 8 && current != null; depth++) {
			if (depth > 0) {
				text.append(" over ");
			}
			Object unproxied = unwrapProxy(current);
			if (unproxied != current) {
				text.append("Spring AOP proxy of ");
				current = unproxied;
			}
			text.append(current.getClass().getSimpleName());
			current = (current instanceof DelegatingDataSource delegating) ? delegating.getTargetDataSource() : null;
		}
		return text.toString();
	}

	private static DataSource unwrapTransactionAware(DataSource dataSource) {
		DataSource current = dataSource;
		while (current instanceof TransactionAwareDataSourceProxy proxy && proxy.getTargetDataSource() != null) {
			current = proxy.getTargetDataSource();
		}
		return current;
	}

	/** Whether the client is a JDBC-family client whose data source could not be reached. */
	static boolean looksLikeJdbc(Object client) {
		Object target = unwrapProxy(client);
		return implementsType(target, "org.springframework.jdbc.core.simple.JdbcClient")
				|| implementsType(target, "org.jooq.DSLContext")
				|| implementsType(target, "jakarta.persistence.EntityManagerFactory")
				|| target instanceof JdbcTemplate || target instanceof NamedParameterJdbcTemplate;
	}

	/** Whether the client is an R2DBC connection factory (reactive, not usable). */
	static boolean isReactive(Object client) {
		return implementsType(unwrapProxy(client), "io.r2dbc.spi.ConnectionFactory");
	}

	private static @Nullable DataSource entityManagerFactoryDataSource(Object factory) {
		if (implementsType(factory, "org.springframework.orm.jpa.EntityManagerFactoryInfo")
				&& call(factory, "getDataSource") instanceof DataSource dataSource) {
			return dataSource;
		}
		if (call(factory, "getProperties") instanceof Map<?, ?> properties) {
			for (String key : new String[] { "jakarta.persistence.nonJtaDataSource", "javax.persistence.nonJtaDataSource",
					"hibernate.connection.datasource", "jakarta.persistence.jtaDataSource" }) {
				if (properties.get(key) instanceof DataSource dataSource) {
					return dataSource;
				}
			}
		}
		return null;
	}

	/** The target of a Spring AOP proxy (through nested proxies), or the object itself. */
	private static Object unwrapProxy(Object client) {
		Object current = client;
		for (int depth = 0; depth < 8; depth++) {
			if (!implementsType(current, "org.springframework.aop.framework.Advised")) {
				return current;
			}
			Object target = call(call(current, "getTargetSource"), "getTarget");
			if (target == null || target == current) {
				return current;
			}
			current = target;
		}
		return current;
	}

	static boolean implementsType(@Nullable Object target, String typeName) {
		if (target == null) {
			return false;
		}
		for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(typeName) || implementsInterface(type, typeName)) {
				return true;
			}
		}
		return false;
	}

	private static boolean implementsInterface(Class<?> type, String typeName) {
		for (Class<?> implemented : type.getInterfaces()) {
			if (implemented.getName().equals(typeName) || implementsInterface(implemented, typeName)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Object call(@Nullable Object target, String method) {
		if (target == null) {
			return null;
		}
		try {
			Method found = target.getClass().getMethod(method);
			found.setAccessible(true);
			return found.invoke(target);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable Object readField(Object target, Field field) {
		try {
			field.setAccessible(true);
			return field.get(target);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * A data source found behind a client.
	 *
	 * @param dataSource the data source the driver uses
	 * @param source how it was reached
	 */
	record Found(DataSource dataSource, String source) {
	}

}
