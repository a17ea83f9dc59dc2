package dev.farminglabs.orm.jdbc.dialect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Datetimes of zone-less columns holding UTC ({@code DATETIME(6)}), as the text the server reads and writes. JDBC's
 * {@code LocalDateTime} and {@code Timestamp} conversions pass through the JVM's default zone, where a UTC wall time
 * inside a daylight-saving gap (02:30 on a spring-forward night in Europe/Paris) does not exist and moves by an hour.
 */
final class UtcDatetimeText {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

	private UtcDatetimeText() {
	}

	static String format(Instant instant) {
		return FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	static Instant parse(String text) {
		return LocalDateTime.parse(text.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
	}

}
