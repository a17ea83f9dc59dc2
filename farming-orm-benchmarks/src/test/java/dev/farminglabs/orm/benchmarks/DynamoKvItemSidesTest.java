package dev.farminglabs.orm.benchmarks;

import java.time.temporal.ChronoUnit;

/** {@link DynamoKvItemBenchmarks}' sides agree, on the local dynalite. */
class DynamoKvItemSidesTest extends KvItemSidesContract<DynamoKvItemBenchmarks> {

	DynamoKvItemSidesTest() {
		super(new DynamoKvItemBenchmarks(), ChronoUnit.MICROS);
	}

}
