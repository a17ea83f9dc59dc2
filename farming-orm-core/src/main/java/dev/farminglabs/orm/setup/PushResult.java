package dev.farminglabs.orm.setup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a push did.
 *
 * @param schema the schema name
 * @param runtime the runtime pushed to, as {@code jdbc/postgresql}
 * @param startedAt when the push started
 * @param duration how long it took
 * @param applied the changes made, in order; empty when the backend was up to date
 */
public record PushResult(String schema, String runtime, Instant startedAt, Duration duration,
		List<SetupAction> applied) {

	public PushResult {
		applied = List.copyOf(applied);
	}

	/** Whether nothing had to be changed. */
	public boolean upToDate() {
		return this.applied.isEmpty();
	}

	/** How many changes of a type were made. */
	public long count(SetupActionType type) {
		return this.applied.stream().filter((action) -> action.type() == type).count();
	}

	/** A short description, as {@code "created 7 tables and 9 indexes"}. */
	public String describe() {
		if (upToDate()) {
			return "up to date";
		}
		long tables = count(SetupActionType.CREATE_TABLE);
		long indexes = count(SetupActionType.CREATE_INDEX) + count(SetupActionType.CREATE_UNIQUE);
		long columns = count(SetupActionType.ADD_COLUMN);
		StringBuilder text = new StringBuilder("created ").append(tables).append(" tables and ").append(indexes)
			.append(" indexes");
		if (columns > 0) {
			text.append(", added ").append(columns).append(" columns");
		}
		return text.toString();
	}

}
