package dev.farminglabs.orm.schema;

/** The nine kinds of field a model can have, with the Java type values of each kind are read back as. */
public enum FieldKind {

	/** The model's id: a {@code String} (UUIDv7 by default) or a {@code Long} ({@code id().integer()}). */
	ID,

	/** Text: {@code String}. */
	STRING,

	/** {@code Boolean}. */
	BOOLEAN,

	/** A point in time: {@code java.time.Instant}, UTC. */
	DATETIME,

	/** A 64-bit integer: {@code Long}. */
	INTEGER,

	/** A signed 64-bit integer that survives JSON-unsafe sizes: {@code BigInteger}. */
	BIGINT,

	/** An exact decimal that keeps its scale: {@code BigDecimal}. */
	DECIMAL,

	/** Any JSON value: {@code tools.jackson.databind.JsonNode}. */
	JSON,

	/** One of a fixed list of strings: {@code String}. */
	ENUM

}
