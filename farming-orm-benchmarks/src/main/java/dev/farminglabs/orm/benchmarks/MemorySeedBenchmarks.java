package dev.farminglabs.orm.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.memory.MemoryDatabase;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.FrameworkModels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Seeding the memory database: {@code rows} kvItems into an empty database, one {@code create} each or in
 * {@code createMany} batches of the database's {@code maxBatchSize}. A write costs what it touches, so the time per
 * seed grows linearly with the rows (it grew with their square while every write copied every table); 100k rows take
 * well under a second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class MemorySeedBenchmarks {

	/** How many rows a seed writes. */
	@Param({ "10000", "100000" })
	public int rows;

	private ModelClient<Row> items;

	private List<Map<String, Object>> data;

	@Setup(Level.Trial)
	public void prepare() {
		this.data = new ArrayList<>(this.rows);
		for (int i = 0; i < this.rows; i++) {
			this.data.add(Map.of("namespace", "bench", "key", "key-" + i, "value", i));
		}
	}

	@Setup(Level.Iteration)
	public void emptyDatabase() {
		this.items = SchemaSetup.bootstrapDatabase(FrameworkModels.FRAMEWORK, new MemoryDatabase()).model("kvItem");
	}

	@Benchmark
	public long seedOneCreateEach() {
		for (Map<String, Object> row : this.data) {
			this.items.create(row);
		}
		return this.items.count();
	}

	@Benchmark
	public long seedInBatches() {
		int batch = MemoryDatabase.CAPABILITIES.maxBatchSize();
		for (int start = 0; start < this.data.size(); start += batch) {
			this.items.createMany(this.data.subList(start, Math.min(this.data.size(), start + batch)));
		}
		return this.items.count();
	}

}
