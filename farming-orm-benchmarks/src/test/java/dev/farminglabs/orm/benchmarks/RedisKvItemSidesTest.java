package dev.farminglabs.orm.benchmarks;

import java.time.temporal.ChronoUnit;

/** {@link RedisKvItemBenchmarks}' sides agree, on the local Redis server. */
class RedisKvItemSidesTest extends KvItemSidesContract<RedisKvItemBenchmarks> {

	RedisKvItemSidesTest() {
		super(new RedisKvItemBenchmarks(), ChronoUnit.MICROS);
	}

}
