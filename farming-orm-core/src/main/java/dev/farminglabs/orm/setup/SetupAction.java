package dev.farminglabs.orm.setup;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One change a push makes.
 *
 * @param type what kind of change
 * @param model the model it is for, or {@code null} for a namespace or a schema version
 * @param target the physical object created, as a table, column or index name
 * @param statement the statement or command the backend runs, as it would be logged; for review only: a driver
 * applies an action by rendering its {@code subject} itself and refuses an action whose statement differs from what
 * it renders, so no text in a plan is ever executed as given
 * @param subject what to create, as data
 */
public record SetupAction(SetupActionType type, @Nullable String model, String target, String statement,
		SetupSubject subject) {

	public SetupAction {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(statement, "statement");
		Objects.requireNonNull(subject, "subject");
	}

}
