package dev.farminglabs.orm.mongodb.internal;

import dev.farminglabs.orm.schema.FieldDefinition;

/** Physical names: a model's id is {@code _id}, every other field its column name. */
final class MongoNames {

	/** The runtime kind. */
	static final String KIND = "mongodb";

	/** The collection of generated integer ids, one document per collection. */
	static final String SEQUENCES = "farming_orm_sequences";

	private MongoNames() {
	}

	/**
	 * Whether a null of this field is left out of the document instead of stored as null: a nullable field that alone
	 * is a unique key, whose sparse unique index then skips it, so several rows may hold null. Reads and filters see
	 * an absent field as null.
	 */
	static boolean nullLeftOut(FieldDefinition field) {
		return field.unique() && field.nullable() && !field.isId();
	}

	static String field(FieldDefinition field) {
		return field.isId() ? "_id" : field.column();
	}

}
