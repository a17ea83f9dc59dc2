package dev.farminglabs.orm.schema;

/** How a model's id is typed and produced. */
public enum IdStrategy {

	/** A string id; generated as a UUIDv7 (time-ordered) when the caller supplies none. */
	UUID,

	/** An integer id the caller always supplies. */
	INTEGER_MANUAL,

	/** An integer id the backend generates when the caller supplies none. */
	INTEGER_GENERATED;

	/** Whether ids of this strategy are integers. */
	public boolean isInteger() {
		return this != UUID;
	}

}
