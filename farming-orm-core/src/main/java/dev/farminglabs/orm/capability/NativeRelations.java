package dev.farminglabs.orm.capability;

/** Which relation kinds the backend loads natively (by a join or lookup) rather than by follow-up queries. */
public record NativeRelations(boolean belongsTo, boolean hasOne, boolean hasMany, boolean manyToMany) {

	/** No relation kind is loaded natively. */
	public static NativeRelations none() {
		return new NativeRelations(false, false, false, false);
	}

	/** Every relation kind is loaded natively. */
	public static NativeRelations all() {
		return new NativeRelations(true, true, true, true);
	}

}
