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
 * declares; an update or upsert is a service method: find by the compound key and save, in one transaction.
 * {@code createMany} is {@code saveAll} of 1,000 new aggregates.
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
		this.repository = this.context.getBean(SpringDataCacheEntryRepository.class);
		this.transactions = this.context.getBean(TransactionTemplate.class);
	}

	@Override
	void disconnect() {
		this.context.close();
	}

	@Override
	public Object findUnique(String key) {
		return this.repository.findByNamespaceAndKey(SEEDED_NAMESPACE, key);
	}

	@Override
	public Object findMany() {
		return this.repository.findFirst100ByNamespaceOrderByKeyAsc(SEEDED_NAMESPACE);
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
		return this.repository.findByNamespaceAndKey(SEEDED_NAMESPACE, key).map((entry) -> {
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
		return this.repository.countByNamespace(SEEDED_NAMESPACE);
	}

}
