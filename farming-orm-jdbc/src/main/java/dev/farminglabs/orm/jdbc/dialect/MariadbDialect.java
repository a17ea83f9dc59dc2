package dev.farminglabs.orm.jdbc.dialect;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.Returning;
import dev.farminglabs.orm.capability.ReturningMode;
import dev.farminglabs.orm.schema.FieldDefinition;

/**
 * MariaDB 10.5+: as MySQL, but {@code JSON} is {@code LONGTEXT} with a validity check, so it is stored as canonical
 * text (sorted keys) and text equality is value equality; {@code INSERT ... RETURNING} and
 * {@code DELETE ... RETURNING} exist, {@code UPDATE ... RETURNING} does not.
 */
public class MariadbDialect extends MysqlDialect {

	@Override
	public String name() {
		return "mariadb";
	}

	@Override
	public Capabilities capabilities(DatabaseVersion version) {
		return super.capabilities(version).toBuilder()
			.returning(new Returning(true, false, true))
			.returningMode(ReturningMode.NATIVE)
			.build();
	}

	/**
	 * {@code utf8mb4_nopad_bin}: as {@code utf8mb4_bin}, without padding, so {@code 'a'} and {@code 'a '} are two
	 * values, as on every other backend, and a where on one never touches rows holding the other.
	 */
	@Override
	protected String binaryText() {
		return " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin";
	}

	/** The whole value, up to 64 KiB, for this statement only. */
	@Override
	public String sortingLongValues(String select) {
		return "SET STATEMENT max_sort_length = " + MAX_SORT_LENGTH + " FOR " + select;
	}

	@Override
	public String placeholder(FieldDefinition field) {
		return "?";
	}

	@Override
	public boolean returning(StatementKind kind) {
		return kind == StatementKind.INSERT || kind == StatementKind.DELETE;
	}

}
