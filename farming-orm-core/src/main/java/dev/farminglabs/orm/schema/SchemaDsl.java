package dev.farminglabs.orm.schema;

import java.util.Arrays;
import java.util.List;

/**
 * The vocabulary of schema definitions, meant for static import:
 * {@code model("cache_entries").field("id", id()).field("key", string()).field("expiresAt", datetime().nullable())}.
 */
public final class SchemaDsl {

	private SchemaDsl() {
	}

	/** A model stored in the given table (or collection). */
	public static ModelBuilder model(String table) {
		return new ModelBuilder(table);
	}

	/** The model's id: a string generated as a UUIDv7 unless {@code .integer()} or {@code .increment()}. */
	public static FieldBuilder id() {
		return new FieldBuilder(FieldKind.ID, List.of());
	}

	/** A text field. */
	public static FieldBuilder string() {
		return new FieldBuilder(FieldKind.STRING, List.of());
	}

	/** A boolean field. */
	public static FieldBuilder bool() {
		return new FieldBuilder(FieldKind.BOOLEAN, List.of());
	}

	/** A point in time, read back as an {@link java.time.Instant}. */
	public static FieldBuilder datetime() {
		return new FieldBuilder(FieldKind.DATETIME, List.of());
	}

	/** A 64-bit integer, read back as a {@code Long}. */
	public static FieldBuilder integer() {
		return new FieldBuilder(FieldKind.INTEGER, List.of());
	}

	/** A signed 64-bit integer, read back as a {@link java.math.BigInteger}. */
	public static FieldBuilder bigint() {
		return new FieldBuilder(FieldKind.BIGINT, List.of());
	}

	/** An exact decimal that keeps its scale, read back as a {@link java.math.BigDecimal}. */
	public static FieldBuilder decimal() {
		return new FieldBuilder(FieldKind.DECIMAL, List.of());
	}

	/** Any JSON value, read back as a Jackson {@code JsonNode}. */
	public static FieldBuilder json() {
		return new FieldBuilder(FieldKind.JSON, List.of());
	}

	/** One of the given values, read back as a {@code String}. */
	public static FieldBuilder enumeration(String... values) {
		return new FieldBuilder(FieldKind.ENUM, Arrays.asList(values));
	}

	/** One of the constants of a Java enum (by {@code name()}), read back as a {@code String}. */
	public static FieldBuilder enumeration(Class<? extends Enum<?>> type) {
		return new FieldBuilder(FieldKind.ENUM, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
	}

}
