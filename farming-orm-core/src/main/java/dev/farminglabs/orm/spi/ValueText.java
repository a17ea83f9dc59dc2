package dev.farminglabs.orm.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import dev.farminglabs.orm.codec.JsonValues;
import dev.farminglabs.orm.schema.FieldDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Canonical values to and from one lossless text form per field kind, for backends that store text (Redis hashes,
 * DynamoDB strings, key names): decimals keep their scale ({@code 12.50} stays {@code "12.50"}), bigints are exact
 * digits, datetimes are UTC ISO-8601 with exactly the digits of the backend's precision (so their texts sort as the
 * instants do), JSON is written in its {@linkplain JsonValues#normalize normal form}. {@link #decode} of
 * {@link #encode} gives the value back, equal after truncation to the precision. Immutable and thread-safe.
 */
public final class ValueText {

	private final ChronoUnit precision;

	private final DateTimeFormatter instants;

	private ValueText(ChronoUnit precision) {
		this.precision = precision;
		int digits = switch (precision) {
			case NANOS -> 9;
			case MICROS -> 6;
			case MILLIS -> 3;
			case SECONDS -> 0;
			default -> throw new IllegalArgumentException("Unsupported datetime precision " + precision);
		};
		DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss");
		if (digits > 0) {
			builder.appendFraction(ChronoField.NANO_OF_SECOND, digits, digits, true);
		}
		this.instants = builder.appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);
	}

	/** The codec for a backend that keeps datetimes to this unit (its {@code datetimePrecision}). */
	public static ValueText of(ChronoUnit datetimePrecision) {
		return new ValueText(Objects.requireNonNull(datetimePrecision, "datetimePrecision"));
	}

	/** The text of a canonical value; {@code null} for {@code null}. */
	public @Nullable String encode(FieldDefinition field, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		return switch (field.kind()) {
			case ID, STRING, ENUM, BOOLEAN, INTEGER, BIGINT -> value.toString();
			case DATETIME -> this.instants.format(truncate((Instant) value));
			case DECIMAL -> decimal((BigDecimal) value);
			case JSON -> JsonValues.write(JsonValues.normalize((JsonNode) value));
		};
	}

	/** The canonical value of a text written by {@link #encode}; {@code null} for {@code null}. */
	public @Nullable Object decode(FieldDefinition field, @Nullable String text) {
		if (text == null) {
			return null;
		}
		return switch (field.kind()) {
			case ID -> field.isIntegral() ? (Object) Long.valueOf(text) : text;
			case STRING, ENUM -> text;
			case BOOLEAN -> switch (text) {
				case "true" -> Boolean.TRUE;
				case "false" -> Boolean.FALSE;
				default -> throw new IllegalArgumentException("Not a boolean text: " + text);
			};
			case INTEGER -> Long.valueOf(text);
			case BIGINT -> new BigInteger(text);
			case DECIMAL -> new BigDecimal(text);
			case DATETIME -> Instant.parse(text);
			case JSON -> JsonValues.parse(text);
		};
	}

	/**
	 * The text that identifies a value in a unique key: equal for values the backends treat as the same key
	 * ({@code 12.5} and {@code 12.50}), different otherwise. Use with {@link KeyNames} to build lock keys.
	 */
	public String keyText(FieldDefinition field, Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal((decimal.signum() == 0) ? BigDecimal.ZERO : decimal.stripTrailingZeros());
		}
		return Objects.requireNonNull(encode(field, value));
	}

	private Instant truncate(Instant value) {
		return (this.precision == ChronoUnit.NANOS) ? value : value.truncatedTo(this.precision);
	}

	private static String decimal(BigDecimal value) {
		// A negative scale has no plain form that keeps it; the exponent form does.
		return (value.scale() < 0) ? value.toString() : value.toPlainString();
	}

}
