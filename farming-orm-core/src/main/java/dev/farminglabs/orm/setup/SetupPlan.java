package dev.farminglabs.orm.setup;

import java.util.List;

/**
 * What a push would do, as data: a dry run to show, review or hand to a migration tool.
 *
 * @param schema the schema name
 * @param runtime the runtime it was planned against, as {@code jdbc/postgresql}
 * @param actions the changes, in the order they would run
 */
public record SetupPlan(String schema, String runtime, List<SetupAction> actions) {

	public SetupPlan {
		actions = List.copyOf(actions);
	}

	/** Whether the backend is up to date: a push would do nothing. */
	public boolean isEmpty() {
		return this.actions.isEmpty();
	}

	/** The actions of one type. */
	public List<SetupAction> actions(SetupActionType type) {
		return this.actions.stream().filter((action) -> action.type() == type).toList();
	}

}
