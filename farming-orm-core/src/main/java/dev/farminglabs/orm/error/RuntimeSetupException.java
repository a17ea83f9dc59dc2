package dev.farminglabs.orm.error;

import org.jspecify.annotations.Nullable;

/**
 * Setting up a runtime failed: detecting the client, creating the driver, or pushing the schema. Says at which
 * stage, on which runtime, and the statement that failed, if any.
 */
public class RuntimeSetupException extends OrmException {

	private static final long serialVersionUID = 1L;

	private final Stage stage;

	private final @Nullable String runtime;

	private final @Nullable String statement;

	public RuntimeSetupException(Stage stage, @Nullable String runtime, @Nullable String statement,
			OrmException failure) {
		super(OrmException.builder(failure.code(), describe(stage, runtime, statement, failure.getMessage()))
			.cause(failure)
			.backend(failure.backendKind(), failure.dialect())
			.model(failure.model())
			.constraint(failure.constraint())
			.target(failure.target())
			.originalCode(failure.originalCode()));
		this.stage = stage;
		this.runtime = runtime;
		this.statement = statement;
	}

	private static String describe(Stage stage, @Nullable String runtime, @Nullable String statement,
			@Nullable String message) {
		StringBuilder text = new StringBuilder("farming-orm setup failed at ").append(stage.name().toLowerCase());
		if (runtime != null) {
			text.append(" on ").append(runtime);
		}
		text.append(": ").append(message);
		if (statement != null) {
			text.append(" [statement: ").append(statement).append(']');
		}
		return text.toString();
	}

	public Stage stage() {
		return this.stage;
	}

	/** The runtime (kind and dialect) being set up, if it was detected. */
	public @Nullable String runtime() {
		return this.runtime;
	}

	/** The statement or backend command that failed, if the failure came from one. */
	public @Nullable String statement() {
		return this.statement;
	}

	/** Where in setup the failure happened. */
	public enum Stage {

		/** Recognising the raw client. */
		DETECT,

		/** Creating the driver for a detected client. */
		CONNECT,

		/** Computing what push would do. */
		PLAN,

		/** Creating tables, columns, indexes or collections. */
		PUSH

	}

}
