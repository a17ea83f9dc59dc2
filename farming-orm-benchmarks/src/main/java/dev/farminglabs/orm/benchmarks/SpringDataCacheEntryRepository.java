package dev.farminglabs.orm.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * The Spring Data JDBC repository of {@link SpringDataCacheEntry}. Its reads take only live rows, whose
 * {@code expiresAt} is null or after {@code now} (the current instant, passed per call), as farming-orm's reads of
 * the model's expiry field do. A derived query cannot say "is null or after" for one column next to other
 * conditions, so the three reads are {@code @Query} SQL; and plain SQL has no quoting that all three databases read
 * (the table's names are lower case and camelCase, which H2 and PostgreSQL need in double quotes, and {@code key} is
 * reserved on MariaDB, which quotes with backticks), so the queries are declared once per quoting, in
 * {@link DoubleQuoted} (H2, PostgreSQL) and {@link Backticked} (MariaDB). {@link SpringDataSide} uses the one of its
 * database.
 */
@NoRepositoryBean
public interface SpringDataCacheEntryRepository extends ListCrudRepository<SpringDataCacheEntry, String> {

	/** The live entry with this compound key. */
	Optional<SpringDataCacheEntry> findLive(String namespace, String key, Instant now);

	/** The first {@link Workload#PAGE} live entries of the namespace, ordered by key. */
	List<SpringDataCacheEntry> findLivePage(String namespace, Instant now);

	/** The number of live entries of the namespace. */
	long countLive(String namespace, Instant now);

	/** The queries in standard SQL's double quotes, for H2 and PostgreSQL. */
	interface DoubleQuoted extends SpringDataCacheEntryRepository {

		@Override
		@Query("SELECT \"id\", \"namespace\", \"key\", \"value\", \"expiresAt\", \"updatedAt\" FROM \"cache_entries\""
				+ " WHERE \"namespace\" = :namespace AND \"key\" = :key"
				+ " AND (\"expiresAt\" IS NULL OR \"expiresAt\" > :now)")
		Optional<SpringDataCacheEntry> findLive(String namespace, String key, Instant now);

		@Override
		@Query("SELECT \"id\", \"namespace\", \"key\", \"value\", \"expiresAt\", \"updatedAt\" FROM \"cache_entries\""
				+ " WHERE \"namespace\" = :namespace AND (\"expiresAt\" IS NULL OR \"expiresAt\" > :now)"
				+ " ORDER BY \"key\" LIMIT 100")
		List<SpringDataCacheEntry> findLivePage(String namespace, Instant now);

		@Override
		@Query("SELECT COUNT(*) FROM \"cache_entries\" WHERE \"namespace\" = :namespace"
				+ " AND (\"expiresAt\" IS NULL OR \"expiresAt\" > :now)")
		long countLive(String namespace, Instant now);

	}

	/** The same queries with MariaDB's backticks. */
	interface Backticked extends SpringDataCacheEntryRepository {

		@Override
		@Query("SELECT `id`, `namespace`, `key`, `value`, `expiresAt`, `updatedAt` FROM `cache_entries`"
				+ " WHERE `namespace` = :namespace AND `key` = :key AND (`expiresAt` IS NULL OR `expiresAt` > :now)")
		Optional<SpringDataCacheEntry> findLive(String namespace, String key, Instant now);

		@Override
		@Query("SELECT `id`, `namespace`, `key`, `value`, `expiresAt`, `updatedAt` FROM `cache_entries`"
				+ " WHERE `namespace` = :namespace AND (`expiresAt` IS NULL OR `expiresAt` > :now)"
				+ " ORDER BY `key` LIMIT 100")
		List<SpringDataCacheEntry> findLivePage(String namespace, Instant now);

		@Override
		@Query("SELECT COUNT(*) FROM `cache_entries` WHERE `namespace` = :namespace"
				+ " AND (`expiresAt` IS NULL OR `expiresAt` > :now)")
		long countLive(String namespace, Instant now);

	}

}
