package dev.farminglabs.orm.setup;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One change a push makes.
 *
 * @param type what kind of change
 * @param model the model it is for, or {@code null} for a namespace
 * @param target the physical object created, as a table, column or index name
 * @param statement the statement or command the backend runs, as it would be logged
 */
public record SetupAction(SetupActionType type, @Nullable String model, String target, String statement) {

	public SetupAction {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(statement, "statement");
	}

}
