package dev.farminglabs.orm.schema;

/**
 * A schema definition is invalid: thrown by {@link FrameworkSchema.Builder#build()} with a message that names the
 * model and field and says what would be valid. A programming error, found when the schema is built.
 */
public class InvalidSchemaException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public InvalidSchemaException(String message) {
		super(message);
	}

}
