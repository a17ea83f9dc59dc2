package dev.farminglabs.orm.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.FrameworkModels;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The table every contender works on: the seed's {@code cache_entries} (from the TCK's {@link FrameworkModels}),
 * created by {@code pushSchema} in storage of its own and seeded with {@link #SEEDED} rows of one namespace. Rows the
 * write operations add are deleted after each iteration, outside the measured time, so every iteration (and every
 * contender) sees a table of the same size. A subclass opens its library on {@link #dataSource} in
 * {@link #connect()}; JMH builds only the state a benchmark method asks for, so a fork pays only its own library's
 * start-up.
 */
@State(Scope.Benchmark)
public abstract class Workload implements Contender {

	/** Rows in the seeded namespace. */
	static final int SEEDED = 1_000;

	/** Rows {@code findMany} reads. */
	static final int PAGE = 100;

	/** Rows {@code createMany} writes. */
	static final int BATCH = 1_000;

	/** The namespace of the seeded rows. */
	static final String SEEDED_NAMESPACE = "seeded";

	/** The namespace of rows the write operations add. */
	static final String CREATED_NAMESPACE = "created";

	/** One mapper for every side, as an application has one. */
	static final ObjectMapper JSON = JsonMapper.builder().build();

	/** The JSON value every write stores. */
	static final JsonNode WRITTEN = JSON.readTree("{\"n\":2,\"tags\":[\"a\",\"b\"],\"nested\":{\"on\":true}}");

	/** Which database; see {@link BenchmarkDatabase}. */
	@Param({ "H2" })
	public String database;

	private final AtomicLong sequence = new AtomicLong();

	BenchmarkDatabase backend;

	HikariDataSource dataSource;

	private String storage;

	private JdbcTemplate cleaner;

	@Setup(Level.Trial)
	public void open() throws Exception {
		this.backend = BenchmarkDatabase.valueOf(this.database);
		this.storage = BenchmarkDatabase.uniqueName();
		this.dataSource = this.backend.open(this.storage);
		SchemaSetup.bootstrapDatabase(FrameworkModels.FRAMEWORK, this.dataSource)
			.model("cacheEntry")
			.createMany(seed());
		this.cleaner = new JdbcTemplate(this.dataSource);
		connect();
	}

	/** Opens this side's library on {@link #dataSource}. */
	abstract void connect() throws Exception;

	/** Closes what {@link #connect()} opened. */
	void disconnect() throws Exception {
	}

	@TearDown(Level.Iteration)
	public void deleteAddedRows() {
		this.cleaner.update("DELETE FROM " + table() + " WHERE " + column("namespace") + " <> ?", SEEDED_NAMESPACE);
	}

	@TearDown(Level.Trial)
	public void close() throws Exception {
		disconnect();
		this.dataSource.close();
		this.backend.drop(this.storage);
	}

	/** The key of a seeded row, a different one on each call. */
	String nextSeededKey() {
		return key((int) (this.sequence.incrementAndGet() % SEEDED));
	}

	/** A key no row has yet. */
	String newKey() {
		return "k" + this.sequence.incrementAndGet();
	}

	/** The table, quoted as the ORM names it. */
	String table() {
		return this.backend.quote("cache_entries");
	}

	/** A column, quoted as the ORM names it. */
	String column(String name) {
		return this.backend.quote(name);
	}

	static String key(int i) {
		return String.format("key-%04d", i);
	}

	private static List<Map<String, Object>> seed() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < SEEDED; i++) {
			rows.add(Data.of("namespace", SEEDED_NAMESPACE, "key", key(i), "value",
					Map.of("n", i, "tags", List.of("a", "b"), "nested", Map.of("on", true))));
		}
		return rows;
	}

}
