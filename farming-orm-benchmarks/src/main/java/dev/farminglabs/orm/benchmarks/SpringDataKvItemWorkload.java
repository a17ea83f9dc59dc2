package dev.farminglabs.orm.benchmarks;

import java.util.Optional;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * A {@link KvItemWorkload} with a Spring Data repository as a third side ({@code springData*}) for the operations
 * every store's repository offers: the lookup by key, a create and an update (find, change, {@code save}).
 */
public abstract class SpringDataKvItemWorkload extends KvItemWorkload {

	/** The backend's repository; set by {@link #open}. */
	SpringDataKvItemLookup springData;

	@Benchmark
	public Optional<SpringDataKvItem> springDataFindUnique() {
		return this.springData.findByNamespaceAndKey(SEEDED_NAMESPACE, nextSeededKey());
	}

	@Benchmark
	public SpringDataKvItem springDataCreate() {
		return create(this.springData, nextNewKey());
	}

	@Benchmark
	public Optional<SpringDataKvItem> springDataUpdate() {
		return update(this.springData, nextSeededKey());
	}

}
