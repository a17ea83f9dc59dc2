package dev.farminglabs.orm.autoconfigure;

import java.util.List;

import dev.farminglabs.orm.setup.SetupAction;

/**
 * Thrown at startup by {@code farming.orm.validate-schema} when the database lacks tables, columns or indexes of a
 * schema; {@link SchemaValidationFailureAnalyzer} reports what is missing.
 */
public class SchemaValidationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String schemaBeanName;

	private final String schemaName;

	private final String runtimeBeanName;

	private final String runtime;

	private final transient List<SetupAction> missing;

	SchemaValidationException(String schemaBeanName, String schemaName, String runtimeBeanName, String runtime,
			List<SetupAction> missing) {
		super("Schema '" + schemaName + "' (bean '" + schemaBeanName + "') does not match the database of '"
				+ runtimeBeanName + "' (" + runtime + "): " + missing.size() + " missing "
				+ ((missing.size() == 1) ? "object" : "objects"));
		this.schemaBeanName = schemaBeanName;
		this.schemaName = schemaName;
		this.runtimeBeanName = runtimeBeanName;
		this.runtime = runtime;
		this.missing = List.copyOf(missing);
	}

	/** The name of the {@code FrameworkSchema} bean. */
	public String schemaBeanName() {
		return this.schemaBeanName;
	}

	/** The schema's name. */
	public String schemaName() {
		return this.schemaName;
	}

	/** The raw client bean the schema runs on. */
	public String runtimeBeanName() {
		return this.runtimeBeanName;
	}

	/** The runtime, as {@code jdbc/postgresql}. */
	public String runtime() {
		return this.runtime;
	}

	/** What push-schema would create: each missing table, column or index with its statement. */
	public List<SetupAction> missing() {
		return this.missing;
	}

}
