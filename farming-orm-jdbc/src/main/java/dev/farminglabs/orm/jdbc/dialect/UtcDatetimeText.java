package dev.farminglabs.orm.jdbc.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.jspecify.annotations.Nullable;

/**
 * Datetimes of zone-less columns holding UTC ({@code DATETIME(6)}): written as the text the server parses, read in a
 * UTC calendar. JDBC's
 * {@code LocalDateTime} and {@code Timestamp} conversions pass through the JVM's default zone, where a UTC wall time
 * inside a daylight-saving gap (02:30 on a spring-forward night in Europe/Paris) does not exist and moves by an hour.
 */
final class UtcDatetimeText {

	private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

	private UtcDatetimeText() {
	}

	static String format(Instant instant) {
		return FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	/**
	 * Reads a zone-less column as UTC. Drivers decode it through {@code Timestamp} even for {@code getString} (MariaDB
	 * Connector/J 3), so the wall time is read in a UTC calendar, where every wall time exists.
	 */
	static @Nullable Instant read(ResultSet rows, int index) throws SQLException {
		Timestamp value = rows.getTimestamp(index, utcCalendar());
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * UTC and proleptic Gregorian, as {@link #format} writes: a default {@code GregorianCalendar} switches to the Julian
	 * calendar before October 1582 and would move the wall time of older dates by days.
	 */
	private static Calendar utcCalendar() {
		GregorianCalendar calendar = new GregorianCalendar(UTC);
		calendar.setGregorianChange(new Date(Long.MIN_VALUE));
		return calendar;
	}

}
