package dev.farminglabs.orm.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link KvItemBenchmarks} on the databases named in the arguments ({@code H2} when none; also
 * {@code POSTGRESQL}, {@code MARIADB}), {@link MongoKvItemBenchmarks} when they name {@code MONGODB} and
 * {@link RedisKvItemBenchmarks} when they name {@code REDIS}, and prints, per database and operation,
 * farming-orm's average time next to the raw client's from the same run and their ratio ({@code 1.00} = as fast as
 * hand-written SQL, {@code MongoTemplate} calls or the driver's Lua script through a {@code RedisTemplate}).
 */
public final class BenchmarkRatios {

	/** The argument that runs the MongoDB pairs. */
	static final String MONGODB = "MONGODB";

	/** The argument that runs the Redis pairs on the local Redis server. */
	static final String REDIS = "REDIS";

	private BenchmarkRatios() {
	}

	public static void main(String[] args) throws RunnerException {
		List<String> requested = List.of((args.length > 0) ? args : new String[] { "H2" });
		String[] databases = requested.stream()
			.filter((name) -> !name.equals(MONGODB) && !name.equals(REDIS))
			.toArray(String[]::new);
		ChainedOptionsBuilder options = new OptionsBuilder();
		if (databases.length > 0) {
			options.include("\\." + KvItemBenchmarks.class.getSimpleName() + "\\.").param("database", databases);
		}
		if (requested.contains(MONGODB)) {
			options.include("\\." + MongoKvItemBenchmarks.class.getSimpleName() + "\\.");
		}
		if (requested.contains(REDIS)) {
			options.include("\\." + RedisKvItemBenchmarks.class.getSimpleName() + "\\.");
		}
		Collection<RunResult> results = new Runner(options.build()).run();
		System.out.println();
		System.out.println(table(results));
	}

	/** One line per database and operation: the two average times and their ratio. */
	static String table(Collection<RunResult> results) {
		Map<String, double[]> scores = new TreeMap<>();
		String unit = "";
		for (RunResult result : results) {
			String method = result.getParams().getBenchmark();
			method = method.substring(method.lastIndexOf('.') + 1);
			boolean orm = method.startsWith("orm");
			String operation = method.substring(3);
			String database = result.getParams().getParam("database");
			if (database == null) {
				database = result.getParams().getBenchmark().contains(RedisKvItemBenchmarks.class.getSimpleName()) ? REDIS
						: MONGODB;
			}
			double[] pair = scores.computeIfAbsent(database + " " + operation, (k) -> new double[2]);
			pair[orm ? 0 : 1] = result.getPrimaryResult().getScore();
			unit = result.getPrimaryResult().getScoreUnit();
		}
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "%-24s %14s %14s %8s", "database operation", "orm " + unit,
				"raw " + unit, "orm/raw"));
		scores.forEach((name, pair) -> lines.add(String.format(Locale.ROOT, "%-24s %14.2f %14.2f %8.2f", name,
				pair[0], pair[1], pair[0] / pair[1])));
		return String.join(System.lineSeparator(), lines);
	}

}
