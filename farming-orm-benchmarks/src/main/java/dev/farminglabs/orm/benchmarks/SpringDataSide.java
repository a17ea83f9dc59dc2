package dev.farminglabs.orm.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Data JDBC repositories in a Spring context of their own, each call a transaction as the repository
 * declares; reads take only live rows ({@code expiresAt} null or after the current instant, passed per call, as
 * farming-orm adds for the model's expiry field) through the repository's {@code @Query} methods, quoted as the
 * database needs. An update or upsert is a service method: find the live entry by the compound key and save, in one
 * transaction (the upsert's find only meets seeded rows, which never expire, so it never inserts). {@code createMany}
 * is {@code saveAll} of 1,000 new aggregates.
 */
public class SpringDataSide extends Workload {

	private AnnotationConfigApplicationContext context;

	private SpringDataCacheEntryRepository repository;

	private TransactionTemplate transactions;

	@Override
	void connect() {
		this.context = new AnnotationConfigApplicationContext();
		this.context.registerBean(DataSource.class, () -> this.dataSource);
		this.context.registerBean(BenchmarkDatabase.class, () -> this.backend);
		this.context.register(SpringDataConfiguration.class);
		this.context.refresh();
		Class<? extends SpringDataCacheEntryRepository> quoting = (this.backend == BenchmarkDatabase.MARIADB)
				? SpringDataCacheEntryRepository.Backticked.class : SpringDataCacheEntryRepository.DoubleQuoted.class;
		this.repository = this.context.getBean(quoting);
		this.transactions = this.context.getBean(TransactionTemplate.class);
	}

	@Override
	void disconnect() {
		this.context.close();
	}

	@Override
	public Object findUnique(String key) {
		return this.repository.findLive(SEEDED_NAMESPACE, key, Instant.now());
	}

	@Override
	public Object findMany() {
		return this.repository.findLivePage(SEEDED_NAMESPACE, Instant.now());
	}

	@Override
	public Object create(String key) {
		return this.repository.save(SpringDataCacheEntry.newEntry(UUID.randomUUID().toString(), CREATED_NAMESPACE,
				key, WRITTEN, Instant.now()));
	}

	@Override
	public Object update(String key) {
		return this.transactions.execute((status) -> saved(key));
	}

	@Override
	public Object upsert(String key) {
		return this.transactions.execute((status) -> saved(key)
			.orElseGet(() -> this.repository.save(SpringDataCacheEntry.newEntry(UUID.randomUUID().toString(),
					SEEDED_NAMESPACE, key, WRITTEN, Instant.now()))));
	}

	/** The seeded entry with this key, found, changed and saved (in the caller's transaction). */
	private Optional<SpringDataCacheEntry> saved(String key) {
		return this.repository.findLive(SEEDED_NAMESPACE, key, Instant.now()).map((entry) -> {
			entry.write(WRITTEN, Instant.now());
			return this.repository.save(entry);
		});
	}

	@Override
	public Object createMany(String keyPrefix) {
		Instant now = Instant.now();
		List<SpringDataCacheEntry> entries = new ArrayList<>(BATCH);
		for (int i = 0; i < BATCH; i++) {
			entries.add(SpringDataCacheEntry.newEntry(UUID.randomUUID().toString(), CREATED_NAMESPACE, keyPrefix + i,
					WRITTEN, now));
		}
		return this.repository.saveAll(entries);
	}

	@Override
	public long count() {
		return this.repository.countLive(SEEDED_NAMESPACE, Instant.now());
	}

}
