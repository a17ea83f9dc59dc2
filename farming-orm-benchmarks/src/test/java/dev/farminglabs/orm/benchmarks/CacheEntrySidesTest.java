package dev.farminglabs.orm.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every side of {@link CacheEntryBenchmarks} does the ORM's work on the model's expiry field, on H2 and the local
 * PostgreSQL and MariaDB servers: a seeded-namespace row whose {@code expiresAt} has passed is not found, not paged,
 * not counted and not updated, while one whose expiry lies ahead is. farming-orm is one of the sides, so the others
 * are held to what it does. Also: the row-by-row createMany writes the same 1,000 rows as the batch.
 */
class CacheEntrySidesTest {

	/** Sorts right after {@code key-0000}, so a page that kept it would show it second. */
	private static final String EXPIRED = "key-0000a";

	/** Sorts after {@link #EXPIRED}: live until an hour from now. */
	private static final String EXPIRES_LATER = "key-0000b";

	static Stream<Arguments> sides() {
		List<Supplier<Workload>> sides = List.of(OrmSide::new, RawSide::new, JooqSide::new, HibernateSide::new,
				SpringDataSide::new);
		return Stream.of(BenchmarkDatabase.values())
			.flatMap((database) -> sides.stream()
				.map((side) -> Arguments.of(database, side.get().getClass().getSimpleName(), side)));
	}

	@ParameterizedTest(name = "{1} on {0}")
	@MethodSource("sides")
	void everySideSkipsAnExpiredRowAndKeepsOneThatExpiresLater(BenchmarkDatabase database, String name,
			Supplier<Workload> newSide) throws Exception {
		Workload side = open(newSide.get(), database);
		try {
			Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			Instant later = now.plus(Duration.ofHours(1));
			insert(side, EXPIRED, now.minus(Duration.ofHours(1)));
			insert(side, EXPIRES_LATER, later);

			assertThat(optional(side.findUnique(EXPIRED))).isEmpty();
			assertThat(optional(side.findUnique(EXPIRES_LATER))).get()
				.extracting(CacheEntrySidesTest::expiresAt)
				.isEqualTo(later);
			assertThat(optional(side.findUnique(Workload.key(5)))).isPresent();
			assertThat(side.count()).isEqualTo(Workload.SEEDED + 1);
			List<String> page = keys(side.findMany());
			assertThat(page).hasSize(Workload.PAGE).doesNotContain(EXPIRED);
			assertThat(page.subList(0, 3)).containsExactly(Workload.key(0), EXPIRES_LATER, Workload.key(1));

			assertThat(optional(side.update(EXPIRED))).isEmpty();
			assertThat(storedValue(side, EXPIRED)).isEqualTo("{\"expired\":true}");
			assertThat(optional(side.update(EXPIRES_LATER))).isPresent();
			assertThat(storedValue(side, EXPIRES_LATER)).isNotEqualTo("{\"expired\":true}");
		}
		finally {
			side.close();
		}
	}

	@Test
	void rowByRowCreatesTheRowsTheBatchCreates() throws Exception {
		RawSide side = (RawSide) open(new RawSide(), BenchmarkDatabase.H2);
		try {
			List<?> batch = (List<?>) side.createMany("batch-");
			List<?> rowByRow = (List<?>) side.createManyRowByRow("single-");
			assertThat(rowByRow).hasSize(Workload.BATCH).hasSameSizeAs(batch);
			JdbcTemplate jdbc = new JdbcTemplate(side.dataSource);
			String count = "SELECT COUNT(*) FROM " + side.table() + " WHERE " + side.column("key") + " LIKE ?";
			assertThat(jdbc.queryForObject(count, Long.class, "single-%")).isEqualTo(Workload.BATCH);
			assertThat(jdbc.queryForObject(count, Long.class, "batch-%")).isEqualTo(Workload.BATCH);
			assertThat(keys(rowByRow)).contains("single-0", "single-999");
		}
		finally {
			side.close();
		}
	}

	private static Workload open(Workload side, BenchmarkDatabase database) throws Exception {
		side.database = database.name();
		side.open();
		return side;
	}

	/** A row of the seeded namespace with this expiry, written as the raw side writes (value marks it). */
	private static void insert(Workload side, String key, Instant expiresAt) {
		String columns = Stream.of("id", "namespace", "key", "value", "expiresAt", "updatedAt")
			.map(side::column)
			.reduce((a, b) -> a + ", " + b)
			.orElseThrow();
		new JdbcTemplate(side.dataSource).update(
				"INSERT INTO " + side.table() + " (" + columns + ") VALUES (?, ?, ?, "
						+ side.backend.jsonPlaceholder() + ", ?, ?)",
				UUID.randomUUID().toString(), Workload.SEEDED_NAMESPACE, key, "{\"expired\":true}",
				side.backend.timestamp(expiresAt), side.backend.timestamp(Instant.now()));
	}

	/** The stored JSON value of the seeded row with this key, normalised through a tree. */
	private static String storedValue(Workload side, String key) {
		String json = new JdbcTemplate(side.dataSource).queryForObject("SELECT " + side.column("value") + " FROM "
				+ side.table() + " WHERE " + side.column("namespace") + " = ? AND " + side.column("key") + " = ?",
				String.class, Workload.SEEDED_NAMESPACE, key);
		return Workload.JSON.readTree(json).toString();
	}

	private static Optional<?> optional(Object result) {
		assertThat(result).isInstanceOf(Optional.class);
		return (Optional<?>) result;
	}

	private static List<String> keys(Object rows) {
		return ((List<?>) rows).stream().map(CacheEntrySidesTest::key).toList();
	}

	private static Instant expiresAt(Object row) {
		if (row instanceof CacheEntry entry) {
			return entry.expiresAt();
		}
		if (row instanceof CacheEntryEntity entity) {
			return entity.getExpiresAt();
		}
		if (row instanceof SpringDataCacheEntry entry) {
			return entry.getExpiresAt();
		}
		throw new AssertionError("not a cache entry: " + row);
	}

	private static String key(Object row) {
		if (row instanceof CacheEntry entry) {
			return entry.key();
		}
		if (row instanceof CacheEntryEntity entity) {
			return entity.getEntryKey();
		}
		if (row instanceof SpringDataCacheEntry entry) {
			return entry.getKey();
		}
		throw new AssertionError("not a cache entry: " + row);
	}

}
