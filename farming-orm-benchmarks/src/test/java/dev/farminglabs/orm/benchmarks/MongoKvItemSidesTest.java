package dev.farminglabs.orm.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MongoKvItemBenchmarks}' sides agree, on the in-process server; its Spring Data repository reads and writes
 * the documents the ORM does.
 */
class MongoKvItemSidesTest extends KvItemSidesContract<MongoKvItemBenchmarks> {

	MongoKvItemSidesTest() {
		super(new MongoKvItemBenchmarks(), ChronoUnit.MILLIS);
	}

	@Test
	void theRepositoryReadsWhatTheOrmWrites() {
		KvItem viaOrm = KvItemWorkload.findUnique(this.bench.items, "seeded", "key-7").orElseThrow();
		SpringDataKvItem viaRepository = this.bench.repository.findByNamespaceAndKey("seeded", "key-7").orElseThrow();
		assertThat(viaRepository.getId()).isEqualTo(viaOrm.id());
		assertThat(viaRepository.getValue()).isEqualTo(Map.of("n", 7));
		assertThat(viaRepository.getUpdatedAt()).isEqualTo(viaOrm.updatedAt());
		assertThat(this.bench.springDataFindPage()).extracting(SpringDataKvItem::getKey)
			.isEqualTo(this.bench.ormFindPage().stream().map(KvItem::key).toList());
	}

	@Test
	void theOrmReadsWhatTheRepositoryWrites() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.bench.repository.save(SpringDataKvItem.newItem("s1", "created", "s1", Map.of("n", 1), now));
		KvItem saved = KvItemWorkload.findUnique(this.bench.items, "created", "s1").orElseThrow();
		assertThat(saved.value()).isEqualTo(KvItemWorkload.value(1));
		assertThat(saved.updatedAt()).isEqualTo(now);
		assertThat(this.bench.springDataUpdate()).isPresent();
	}

}
