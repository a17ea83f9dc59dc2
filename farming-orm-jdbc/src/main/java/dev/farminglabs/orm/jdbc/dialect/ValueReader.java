package dev.farminglabs.orm.jdbc.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import dev.farminglabs.orm.codec.JsonValues;
import dev.farminglabs.orm.schema.FieldDefinition;
import org.jspecify.annotations.Nullable;

/** Reads columns back into canonical values the way each dialect stores them. */
final class ValueReader {

	private ValueReader() {
	}

	static @Nullable Object read(SqlDialect dialect, ResultSet rows, int index, FieldDefinition field)
			throws SQLException {
		switch (field.kind()) {
			case DATETIME -> {
				return readInstant(dialect, rows, index);
			}
			case DECIMAL -> {
				if (dialect.decimalsAsText()) {
					String text = rows.getString(index);
					return (text != null) ? DecimalKeys.decode(text) : null;
				}
				return rows.getBigDecimal(index);
			}
			case BIGINT -> {
				long value = rows.getLong(index);
				return rows.wasNull() ? null : BigInteger.valueOf(value);
			}
			case INTEGER -> {
				long value = rows.getLong(index);
				return rows.wasNull() ? null : value;
			}
			case BOOLEAN -> {
				boolean value = rows.getBoolean(index);
				return rows.wasNull() ? null : value;
			}
			case JSON -> {
				String text = rows.getString(index);
				return (text != null) ? JsonValues.parse(text) : null;
			}
			case ID -> {
				if (field.isIntegral()) {
					long value = rows.getLong(index);
					return rows.wasNull() ? null : value;
				}
				return rows.getString(index);
			}
			default -> {
				return rows.getString(index);
			}
		}
	}

	private static @Nullable Instant readInstant(SqlDialect dialect, ResultSet rows, int index) throws SQLException {
		switch (dialect.datetimeStorage()) {
			case OFFSET_DATE_TIME -> {
				OffsetDateTime value = rows.getObject(index, OffsetDateTime.class);
				return (value != null) ? value.toInstant() : null;
			}
			case UTC_LOCAL_DATE_TIME -> {
				return UtcDatetimeText.read(rows, index);
			}
			default -> {
				long micros = rows.getLong(index);
				return rows.wasNull() ? null
						: Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
			}
		}
	}

}
