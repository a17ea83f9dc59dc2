package dev.farminglabs.orm.benchmarks;

import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisKvItemBenchmarks}' sides agree, on the local Redis server; its Spring Data repository finds, creates and
 * updates items in its own keyspace.
 */
class RedisKvItemSidesTest extends KvItemSidesContract<RedisKvItemBenchmarks> {

	RedisKvItemSidesTest() {
		super(new RedisKvItemBenchmarks(), ChronoUnit.MICROS);
	}

	@Test
	void theRepositoryFindsCreatesAndUpdatesItsItems() {
		assertThat(this.bench.springData.findByNamespaceAndKey("seeded", "key-7")).get()
			.extracting(SpringDataKvItem::getValue)
			.isEqualTo(Map.of("n", 7));
		SpringDataKvItem created = this.bench.springDataCreate();
		assertThat(this.bench.springData.findByNamespaceAndKey("created", created.getKey())).isPresent();
		assertThat(this.bench.springDataUpdate()).get().extracting(SpringDataKvItem::getValue).isEqualTo(Map.of("n", 2));
	}

}
