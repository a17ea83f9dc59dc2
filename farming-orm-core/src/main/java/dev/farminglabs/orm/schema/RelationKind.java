package dev.farminglabs.orm.schema;

/** The four ways models relate. */
public enum RelationKind {

	/** This model holds the foreign key: one related row or null. */
	BELONGS_TO,

	/** The related model holds the foreign key: one related row or null. */
	HAS_ONE,

	/** The related model holds the foreign key: a list of related rows. */
	HAS_MANY,

	/** A join model links both sides: a list of related rows. */
	MANY_TO_MANY;

	/** Whether the relation yields a list rather than one row. */
	public boolean isToMany() {
		return this == HAS_MANY || this == MANY_TO_MANY;
	}

}
