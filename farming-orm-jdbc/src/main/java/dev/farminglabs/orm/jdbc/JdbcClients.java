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
import org.springframework.jdbc.support.JdbcAccessor;

/**
 * Finds the {@link DataSource} behind the raw clients applications have: a pool, Spring's JDBC templates and
 * {@code JdbcClient}, a {@code Connection}, jOOQ's {@code DSLContext}, a JPA {@code EntityManagerFactory}, through
 * Spring AOP proxies and {@link DelegatingDataSource} wrappers. Optional libraries are reached by reflection, so none
 * of them is needed on the class path.
 */
final class JdbcClients {

	private JdbcClients() {
	}

	/**
	 * The data source and how it was reached, or {@code null} when the client is not a JDBC one.
	 */
	static @Nullable Found find(Object client) {
		Object target = unwrapProxy(client);
		String type = target.getClass().getSimpleName();
		if (target instanceof DataSource dataSource) {
			DataSource unwrapped = unwrapDelegating(dataSource);
			return new Found(unwrapped, (unwrapped == dataSource) ? "DataSource (" + type + ")"
					: "DataSource unwrapped from " + type);
		}
		if (target instanceof JdbcTemplate template && template.getDataSource() != null) {
			return new Found(unwrapDelegating(template.getDataSource()), "DataSource of JdbcTemplate");
		}
		if (target instanceof NamedParameterJdbcTemplate named && named.getJdbcTemplate().getDataSource() != null) {
			return new Found(unwrapDelegating(named.getJdbcTemplate().getDataSource()),
					"DataSource of NamedParameterJdbcTemplate");
		}
		if (target instanceof Connection connection) {
			return new Found(new SingleConnectionDataSource(connection, true), "the given java.sql.Connection");
		}
		if (implementsType(target, "org.springframework.jdbc.core.simple.JdbcClient")) {
			DataSource dataSource = jdbcClientDataSource(target);
			if (dataSource != null) {
				return new Found(unwrapDelegating(dataSource), "DataSource of JdbcClient");
			}
		}
		if (implementsType(target, "org.jooq.DSLContext")) {
			Object provider = call(call(target, "configuration"), "connectionProvider");
			Object dataSource = call(provider, "dataSource");
			if (dataSource instanceof DataSource found) {
				return new Found(unwrapDelegating(found), "DataSource of jOOQ DSLContext");
			}
		}
		if (implementsType(target, "jakarta.persistence.EntityManagerFactory")) {
			DataSource dataSource = entityManagerFactoryDataSource(target);
			if (dataSource != null) {
				return new Found(unwrapDelegating(dataSource), "DataSource of JPA EntityManagerFactory");
			}
		}
		return null;
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

	/** The data source of a {@link JdbcTemplate} or {@link NamedParameterJdbcTemplate}, or {@code null}. */
	private static @Nullable DataSource templateDataSource(Object template) {
		if (template instanceof JdbcAccessor accessor) {
			return accessor.getDataSource();
		}
		if (template instanceof NamedParameterJdbcTemplate named) {
			return named.getJdbcTemplate().getDataSource();
		}
		return null;
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

	static DataSource unwrapDelegating(DataSource dataSource) {
		DataSource current = dataSource;
		while (current instanceof DelegatingDataSource delegating && delegating.getTargetDataSource() != null) {
			current = delegating.getTargetDataSource();
		}
		return current;
	}

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
