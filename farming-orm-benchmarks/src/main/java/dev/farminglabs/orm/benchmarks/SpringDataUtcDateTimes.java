package dev.farminglabs.orm.benchmarks;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * How a Spring Data JDBC application keeps {@code Instant}s in MariaDB's zone-less {@code DATETIME} columns as UTC,
 * which is how farming-orm stores them: without these, Spring Data goes through {@code java.sql.Timestamp} in the
 * JVM's default zone, so on a JVM outside UTC the live-row condition would compare against a shifted "now" and the
 * timestamps it reads and writes would be off by the zone's offset. H2 and PostgreSQL store the offset and need none.
 */
final class SpringDataUtcDateTimes {

	private SpringDataUtcDateTimes() {
	}

	/** The converters for this database. */
	static List<Object> forDatabase(BenchmarkDatabase database) {
		return (database == BenchmarkDatabase.MARIADB)
				? List.of(new InstantToUtc(), new UtcToInstant(), new UtcTimestampToInstant()) : List.of();
	}

	@WritingConverter
	static final class InstantToUtc implements Converter<Instant, LocalDateTime> {

		@Override
		public LocalDateTime convert(Instant instant) {
			return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
		}

	}

	@ReadingConverter
	static final class UtcToInstant implements Converter<LocalDateTime, Instant> {

		@Override
		public Instant convert(LocalDateTime utc) {
			return utc.toInstant(ZoneOffset.UTC);
		}

	}

	/** The driver hands {@code DATETIME} values over as {@code Timestamp}s of the same wall-clock reading. */
	@ReadingConverter
	static final class UtcTimestampToInstant implements Converter<Timestamp, Instant> {

		@Override
		public Instant convert(Timestamp utc) {
			return utc.toLocalDateTime().toInstant(ZoneOffset.UTC);
		}

	}

}
