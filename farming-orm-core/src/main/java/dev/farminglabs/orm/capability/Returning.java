package dev.farminglabs.orm.capability;

/**
 * Which writes return the affected row natively, in the same round trip. The client always returns rows; where a flag
 * is {@code false} it costs an extra read.
 */
public record Returning(boolean create, boolean update, boolean delete) {

	/** All three writes return rows natively. */
	public static Returning all() {
		return new Returning(true, true, true);
	}

	/** No write returns rows natively. */
	public static Returning none() {
		return new Returning(false, false, false);
	}

}
