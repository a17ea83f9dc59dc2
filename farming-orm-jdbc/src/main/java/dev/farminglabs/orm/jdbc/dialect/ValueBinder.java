package dev.farminglabs.orm.jdbc.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.farminglabs.orm.codec.JsonValues;
import dev.farminglabs.orm.schema.FieldDefinition;
import tools.jackson.databind.JsonNode;

/** Binds canonical values to statement parameters the way each dialect stores them. */
final class ValueBinder {

	private ValueBinder() {
	}

	static void bind(SqlDialect dialect, PreparedStatement statement, int index, FieldDefinition field, Object value)
			throws SQLException {
		switch (field.kind()) {
			case DATETIME -> bindInstant(dialect, statement, index, (Instant) value);
			case DECIMAL -> {
				if (dialect.decimalsAsText()) {
					statement.setString(index, DecimalKeys.encode((BigDecimal) value));
				}
				else {
					statement.setBigDecimal(index, (BigDecimal) value);
				}
			}
			case BIGINT -> statement.setLong(index, ((BigInteger) value).longValueExact());
			case INTEGER -> statement.setLong(index, (Long) value);
			case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
			case JSON -> statement.setString(index, JsonValues.write((JsonNode) value));
			case ID -> {
				if (value instanceof Long number) {
					statement.setLong(index, number);
				}
				else {
					statement.setString(index, (String) value);
				}
			}
			default -> statement.setString(index, (String) value);
		}
	}

	private static void bindInstant(SqlDialect dialect, PreparedStatement statement, int index, Instant instant)
			throws SQLException {
		switch (dialect.datetimeStorage()) {
			case OFFSET_DATE_TIME -> statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
			case UTC_LOCAL_DATE_TIME -> statement.setString(index, UtcDatetimeText.format(instant));
			case EPOCH_MICROS -> statement.setLong(index,
					Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000));
		}
	}

	static int nullType(SqlDialect dialect, FieldDefinition field) {
		return switch (field.kind()) {
			case DATETIME -> switch (dialect.datetimeStorage()) {
				case OFFSET_DATE_TIME -> Types.TIMESTAMP_WITH_TIMEZONE;
				case UTC_LOCAL_DATE_TIME -> Types.VARCHAR;
				case EPOCH_MICROS -> Types.BIGINT;
			};
			case DECIMAL -> dialect.decimalsAsText() ? Types.VARCHAR : Types.NUMERIC;
			case BIGINT, INTEGER -> Types.BIGINT;
			case BOOLEAN -> Types.BOOLEAN;
			case ID -> field.isIntegral() ? Types.BIGINT : Types.VARCHAR;
			default -> Types.VARCHAR;
		};
	}

}
