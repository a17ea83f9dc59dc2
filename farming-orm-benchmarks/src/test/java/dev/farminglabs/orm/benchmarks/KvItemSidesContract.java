package dev.farminglabs.orm.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import dev.farminglabs.orm.query.Data;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The raw side of a {@link KvItemWorkload} does the ORM's work: each side reads what the other wrote as the same
 * {@link KvItem}, and both read the same page, so the ratio compares equal work. A subclass names the backend.
 *
 * @param <B> the backend's benchmark state
 */
abstract class KvItemSidesContract<B extends KvItemWorkload> {

	final B bench;

	private final ChronoUnit precision;

	KvItemSidesContract(B bench, ChronoUnit precision) {
		this.bench = bench;
		this.precision = precision;
	}

	@BeforeEach
	void open() {
		this.bench.open();
	}

	@AfterEach
	void close() {
		this.bench.close();
	}

	@Test
	void bothSidesReadTheSameItem() {
		KvItem viaOrm = KvItemWorkload.findUnique(this.bench.items, "seeded", "key-7").orElseThrow();
		assertThat(viaOrm.value()).isEqualTo(KvItemWorkload.value(7));
		assertThat(this.bench.raw.findUnique("seeded", "key-7")).hasValue(viaOrm);
		assertThat(this.bench.raw.findUnique("seeded", "absent")).isEmpty();
	}

	@Test
	void theOrmReadsWhatTheRawSideWrites() {
		KvItem created = this.bench.raw.create("created", "r1", KvItemWorkload.value(1));
		assertThat(KvItemWorkload.findUnique(this.bench.items, "created", "r1")).hasValue(created);
		Instant now = Instant.now().truncatedTo(this.precision);
		KvItem updated = this.bench.raw.update("seeded", "key-3", KvItemWorkload.value(2), now).orElseThrow();
		assertThat(updated.updatedAt()).isEqualTo(now);
		assertThat(KvItemWorkload.findUnique(this.bench.items, "seeded", "key-3")).hasValue(updated);
		assertThat(this.bench.raw.update("seeded", "absent", KvItemWorkload.value(2), now)).isEmpty();
	}

	@Test
	void theRawSideReadsWhatTheOrmWrites() {
		KvItem created = this.bench.items.create(Data.of("namespace", "created", "key", "k1", "value", Map.of("n", 1)));
		assertThat(this.bench.raw.findUnique("created", "k1")).hasValue(created);
		KvItem updated = KvItemWorkload.update(this.bench.items, "key-4").orElseThrow();
		assertThat(this.bench.raw.findUnique("seeded", "key-4")).hasValue(updated);
	}

	@Test
	void bothSidesReadTheSamePage() {
		assertThat(this.bench.raw.findPage("seeded", KvItemWorkload.PAGE)).hasSize(KvItemWorkload.PAGE)
			.isEqualTo(this.bench.ormFindPage());
	}

}
