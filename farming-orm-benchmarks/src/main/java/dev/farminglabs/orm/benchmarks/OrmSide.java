package dev.farminglabs.orm.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.tck.FrameworkModels;

/**
 * farming-orm: the {@code cacheEntry} model client mapped to {@link CacheEntry} records, as a service would use it.
 */
public class OrmSide extends Workload {

	private ModelClient<CacheEntry> entries;

	@Override
	void connect() {
		this.entries = FarmingOrm.createOrmFromRuntime(FrameworkModels.FRAMEWORK, this.dataSource)
			.model("cacheEntry", CacheEntry.class);
	}

	@Override
	public Object findUnique(String key) {
		return this.entries.findUnique((q) -> q.where("namespace_key", byKey(key)));
	}

	@Override
	public Object findMany() {
		return this.entries.findMany((q) -> q.where("namespace", SEEDED_NAMESPACE).orderBy("key").take(PAGE));
	}

	@Override
	public Object create(String key) {
		return this.entries.create(Data.of("namespace", CREATED_NAMESPACE, "key", key, "value", WRITTEN,
				"expiresAt", null, "updatedAt", Instant.now()));
	}

	@Override
	public Object update(String key) {
		return this.entries.update((u) -> u.where("namespace_key", byKey(key))
			.data(Data.of("value", WRITTEN, "updatedAt", Instant.now())));
	}

	@Override
	public Object upsert(String key) {
		Instant now = Instant.now();
		return this.entries.upsert((u) -> u.where("namespace_key", byKey(key))
			.create(Data.of("namespace", SEEDED_NAMESPACE, "key", key, "value", WRITTEN, "updatedAt", now))
			.update(Data.of("value", WRITTEN, "updatedAt", now)));
	}

	@Override
	public Object createMany(String keyPrefix) {
		Instant now = Instant.now();
		List<Map<String, Object>> rows = new ArrayList<>(BATCH);
		for (int i = 0; i < BATCH; i++) {
			rows.add(Data.of("namespace", CREATED_NAMESPACE, "key", keyPrefix + i, "value", WRITTEN, "expiresAt",
					null, "updatedAt", now));
		}
		return this.entries.createMany(rows);
	}

	@Override
	public long count() {
		return this.entries.count((q) -> q.where("namespace", SEEDED_NAMESPACE));
	}

	private static Map<String, Object> byKey(String key) {
		return Map.of("namespace", SEEDED_NAMESPACE, "key", key);
	}

}
