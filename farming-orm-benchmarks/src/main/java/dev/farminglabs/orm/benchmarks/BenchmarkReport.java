package dev.farminglabs.orm.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns JMH result files ({@code -rf json}) into a markdown table and a JSON of every ratio: each side's time (and
 * bytes allocated, when run with {@code -prof gc}) divided by the raw client's on the same database, as the median
 * over forks with the range the forks allow, headed by the date, the machine load before and after, and the forks
 * and iterations; and, where both were measured, how many times faster farming-orm's {@code createMany} of 1,000 is
 * than inserting the rows one by one ({@link #ROW_BY_ROW}). Several result files (say the JDBC and the key-value
 * suites, run one after the other) make one report; the first file's forks, iterations and JVM head it. Run by
 * {@code scripts/bench.sh}:
 *
 * <pre>java -cp farming-orm-benchmarks.jar dev.farminglabs.orm.benchmarks.BenchmarkReport jmh.json[,more.json…]
 *     out.md out.json [--load-before "…"] [--load-after "…"] [--date 2026-12-01]</pre>
 */
public final class BenchmarkReport {

	/** The side every other is divided by. */
	static final String BASELINE = "raw";

	/** The side that inserts {@code createMany}'s rows with one statement each (raw SQL, one transaction). */
	static final String ROW_BY_ROW = "rowByRow";

	/** The operation {@link #ROW_BY_ROW} is measured on and set against farming-orm's. */
	private static final String CREATE_MANY = "CreateMany1000";

	/** The sides, in table order, with their column titles. */
	static final Map<String, String> SIDES = sides();

	private static final List<String> OPERATIONS = List.of("FindUnique", "FindMany100", "FindPage", "Create",
			"Update", "Upsert", "CreateMany1000", "Count");

	private static final List<String> DATABASES = List.of("H2", "POSTGRESQL", "MARIADB", "MONGODB", "REDIS",
			"DYNAMODB");

	private static final String ALLOCATION = "gc.alloc.rate.norm";

	private final List<Measured> results;

	private final Run run;

	BenchmarkReport(JsonNode jmh, Run run) {
		this.results = parse(jmh);
		this.run = run;
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 3) {
			System.err.println("usage: BenchmarkReport <jmh.json>[,<jmh.json>...] <out.md> <out.json>"
					+ " [--load-before text] [--load-after text] [--date yyyy-mm-dd]");
			System.exit(2);
		}
		Map<String, String> options = new TreeMap<>();
		for (int i = 3; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		List<JsonNode> files = new ArrayList<>();
		for (String file : args[0].split(",")) {
			files.add(Workload.JSON.readTree(Files.readString(Path.of(file))));
		}
		JsonNode jmh = merge(files);
		Run run = Run.of(jmh, options.getOrDefault("--date", LocalDate.now(ZoneOffset.UTC).toString()),
				options.getOrDefault("--load-before", "not recorded"),
				options.getOrDefault("--load-after", "not recorded"));
		BenchmarkReport report = new BenchmarkReport(jmh, run);
		Files.writeString(Path.of(args[1]), report.markdown());
		Files.writeString(Path.of(args[2]),
				Workload.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.json()));
		System.out.println(report.markdown());
	}

	/** One JMH result array holding the benchmarks of every file, in order. */
	static ArrayNode merge(List<JsonNode> files) {
		ArrayNode merged = Workload.JSON.createArrayNode();
		files.forEach((file) -> file.forEach(merged::add));
		return merged;
	}

	/**
	 * The markdown: a heading paragraph, the time table, farming-orm's {@code createMany} against row by row when
	 * both were measured and, when measured, the allocation table.
	 */
	String markdown() {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Run of %s: %s; load average before: %s; after: %s; %s; %s.%n%n", this.run.date(),
				this.run.forksText(), this.run.loadBefore(), this.run.loadAfter(), this.run.iterations(),
				this.run.jvm()));
		out.append("Time per call divided by raw `JdbcTemplate`'s on the same database (the raw client for MongoDB,"
				+ " Redis and DynamoDB): median over forks, and in brackets the range the forks allow (fastest fork over raw's"
				+ " slowest, slowest over raw's fastest); lower is better. The raw column is µs per call, median"
				+ " [range].");
		if (this.results.stream().anyMatch((result) -> result.side().equals(ROW_BY_ROW))) {
			out.append(" The row by row column is raw's createMany done as 1,000 single inserts in one transaction.");
		}
		out.append("\n\n");
		table(out, false);
		Map<String, ForkSpread> speedUps = createManySpeedUps();
		if (!speedUps.isEmpty()) {
			out.append("\nCreateMany1000, farming-orm's speed-up over row by row (row by row's time ÷ farming-orm's,"
					+ " median over forks and the range the forks allow; higher is better):");
			speedUps.forEach((database, speedUp) -> out.append(String.format(Locale.ROOT, " %s %.1f× (%.1f–%.1f);",
					database, speedUp.median(), speedUp.min(), speedUp.max())));
			out.setLength(out.length() - 1);
			out.append(".\n");
		}
		if (this.results.stream().anyMatch((result) -> result.allocation() != null)) {
			out.append("\nBytes allocated per call (`-prof gc`, `gc.alloc.rate.norm`) divided by raw's; the raw column"
					+ " is bytes per call.\n\n");
			table(out, true);
		}
		return out.toString();
	}

	private void table(StringBuilder out, boolean allocation) {
		List<String> sides = presentSides();
		out.append("| database | operation | raw ").append(allocation ? "B/op" : "µs/op").append(" |");
		sides.stream().filter((side) -> !side.equals(BASELINE)).forEach((side) -> out.append(' ')
			.append(SIDES.getOrDefault(side, side))
			.append(" |"));
		out.append("\n|---|---|---:|");
		sides.stream().filter((side) -> !side.equals(BASELINE)).forEach((side) -> out.append("---:|"));
		out.append('\n');
		rows().forEach((row, bySide) -> {
			Measured raw = bySide.get(BASELINE);
			@Nullable ForkSpread base = (raw != null) ? raw.spread(allocation) : null;
			out.append("| ").append(row.database()).append(" | ").append(row.operation()).append(" | ");
			out.append((base != null) ? absolute(base, allocation) : "—").append(" |");
			for (String side : sides) {
				if (side.equals(BASELINE)) {
					continue;
				}
				Measured measured = bySide.get(side);
				@Nullable ForkSpread spread = (measured != null) ? measured.spread(allocation) : null;
				out.append(' ').append((spread != null && base != null) ? ratio(spread.over(base)) : "—").append(" |");
			}
			out.append('\n');
		});
	}

	/** The JSON: the run's description and, per database, operation and side, the spreads and the ratios. */
	ObjectNode json() {
		ObjectNode root = Workload.JSON.createObjectNode();
		root.put("date", this.run.date());
		root.put("loadBefore", this.run.loadBefore());
		root.put("loadAfter", this.run.loadAfter());
		root.put("forks", this.run.forks());
		root.put("warmup", this.run.warmup());
		root.put("measurement", this.run.measurement());
		root.put("jvm", this.run.jvm());
		root.put("baseline", BASELINE);
		ArrayNode speedUps = root.putArray("createManyOverRowByRow");
		createManySpeedUps().forEach((database, speedUp) -> spread(speedUps.addObject().put("database", database),
				speedUp));
		ArrayNode rows = root.putArray("results");
		rows().forEach((row, bySide) -> bySide.forEach((side, measured) -> {
			ObjectNode node = rows.addObject();
			node.put("database", row.database());
			node.put("operation", row.operation());
			node.put("side", side);
			node.put("unit", measured.unit());
			spread(node.putObject("time"), measured.time()).set("forks", forks(measured.timeForks()));
			Measured raw = bySide.get(BASELINE);
			if (raw != null) {
				spread(node.putObject("ratio"), measured.time().over(raw.time()));
			}
			ForkSpread allocation = measured.allocation();
			if (allocation != null) {
				spread(node.putObject("bytesPerOp"), allocation);
				ForkSpread rawAllocation = (raw != null) ? raw.allocation() : null;
				if (rawAllocation != null) {
					spread(node.putObject("bytesRatio"), allocation.over(rawAllocation));
				}
			}
		}));
		return root;
	}

	/**
	 * Per database where both ran, row by row's {@code CreateMany1000} time over farming-orm's: how many times faster
	 * the ORM's batch is than a loop of single inserts.
	 */
	private Map<String, ForkSpread> createManySpeedUps() {
		Map<String, ForkSpread> speedUps = new LinkedHashMap<>();
		rows().forEach((row, bySide) -> {
			Measured orm = bySide.get("orm");
			Measured rowByRow = bySide.get(ROW_BY_ROW);
			if (row.operation().equals(CREATE_MANY) && orm != null && rowByRow != null) {
				speedUps.put(row.database(), rowByRow.time().over(orm.time()));
			}
		});
		return speedUps;
	}

	private Map<Row, Map<String, Measured>> rows() {
		Map<Row, Map<String, Measured>> rows = new TreeMap<>(Row.ORDER);
		for (Measured result : this.results) {
			rows.computeIfAbsent(new Row(result.database(), result.operation()), (row) -> new LinkedHashMap<>())
				.put(result.side(), result);
		}
		return rows;
	}

	private List<String> presentSides() {
		List<String> present = new ArrayList<>();
		SIDES.keySet()
			.stream()
			.filter((side) -> this.results.stream().anyMatch((result) -> result.side().equals(side)))
			.forEach(present::add);
		this.results.stream()
			.map(Measured::side)
			.distinct()
			.filter((side) -> !present.contains(side))
			.forEach(present::add);
		return present;
	}

	static List<Measured> parse(JsonNode jmh) {
		List<Measured> results = new ArrayList<>();
		for (JsonNode benchmark : jmh) {
			String name = benchmark.path("benchmark").asString();
			String className = name.substring(0, name.lastIndexOf('.'));
			String method = name.substring(name.lastIndexOf('.') + 1);
			String side = side(method);
			String operation = method.substring(side.length());
			String database = benchmark.path("params").path("database").asString(null);
			if (database == null) {
				String simple = className.substring(className.lastIndexOf('.') + 1);
				database = simple.startsWith("Redis") ? "REDIS"
						: simple.startsWith("Mongo") ? "MONGODB" : simple.startsWith("Dynamo") ? "DYNAMODB" : simple;
			}
			JsonNode primary = benchmark.path("primaryMetric");
			List<Double> timeForks = perFork(primary.path("rawData"));
			JsonNode allocation = benchmark.path("secondaryMetrics").path(ALLOCATION);
			List<Double> allocationForks = allocation.isMissingNode() ? List.of() : perFork(allocation.path("rawData"));
			results.add(new Measured(database, operation, side, primary.path("scoreUnit").asString(),
					ForkSpread.of(timeForks), timeForks,
					allocationForks.isEmpty() ? null : ForkSpread.of(allocationForks)));
		}
		return results;
	}

	/** The side a method belongs to: a known side's name followed by the operation's capital letter. */
	static String side(String method) {
		for (String side : SIDES.keySet()) {
			if (method.startsWith(side) && method.length() > side.length()
					&& Character.isUpperCase(method.charAt(side.length()))) {
				return side;
			}
		}
		int end = 0;
		while (end < method.length() && !Character.isUpperCase(method.charAt(end))) {
			end++;
		}
		return method.substring(0, end);
	}

	/** Each fork's mean over its measurement iterations. */
	private static List<Double> perFork(JsonNode rawData) {
		List<Double> forks = new ArrayList<>();
		for (JsonNode fork : rawData) {
			double sum = 0;
			int count = 0;
			for (JsonNode iteration : fork) {
				sum += iteration.asDouble();
				count++;
			}
			if (count > 0) {
				forks.add(sum / count);
			}
		}
		return forks;
	}

	private static ObjectNode spread(ObjectNode node, ForkSpread spread) {
		node.put("median", spread.median());
		node.put("min", spread.min());
		node.put("max", spread.max());
		return node;
	}

	private static ArrayNode forks(List<Double> values) {
		ArrayNode array = Workload.JSON.createArrayNode();
		values.forEach(array::add);
		return array;
	}

	private static String ratio(ForkSpread ratio) {
		return String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", ratio.median(), ratio.min(), ratio.max());
	}

	private static String absolute(ForkSpread spread, boolean allocation) {
		String format = allocation ? "%.0f [%.0f–%.0f]" : (spread.median() < 100 ? "%.1f [%.1f–%.1f]" : "%.0f [%.0f–%.0f]");
		return String.format(Locale.ROOT, format, spread.median(), spread.min(), spread.max());
	}

	private static Map<String, String> sides() {
		Map<String, String> sides = new LinkedHashMap<>();
		sides.put("orm", "farming-orm");
		sides.put(BASELINE, "raw");
		sides.put(ROW_BY_ROW, "row by row");
		sides.put("jooq", "jOOQ");
		sides.put("hibernate", "Hibernate");
		// JDBC repositories on the SQL databases, MongoDB repositories on MongoDB.
		sides.put("springData", "Spring Data");
		return sides;
	}

	/** One benchmark's results: where, what, which side, and its spreads over forks. */
	record Measured(String database, String operation, String side, String unit, ForkSpread time,
			List<Double> timeForks, @Nullable ForkSpread allocation) {

		@Nullable ForkSpread spread(boolean bytes) {
			return bytes ? this.allocation : this.time;
		}

	}

	/** A table row: a database and an operation, in the order databases and operations are listed above. */
	record Row(String database, String operation) {

		static final Comparator<Row> ORDER = Comparator.comparing((Row row) -> rank(DATABASES, row.database()))
			.thenComparing(Row::database)
			.thenComparing((row) -> rank(OPERATIONS, row.operation()))
			.thenComparing(Row::operation);

		private static int rank(List<String> order, String name) {
			int index = order.indexOf(name);
			return (index >= 0) ? index : order.size();
		}

	}

	/** What the run was: when, under which load, with how many forks and iterations, on which JVM. */
	record Run(String date, String loadBefore, String loadAfter, int forks, String warmup, String measurement,
			String jvm) {

		static Run of(JsonNode jmh, String date, String loadBefore, String loadAfter) {
			JsonNode first = jmh.path(0);
			return new Run(date, loadBefore, loadAfter, first.path("forks").asInt(),
					first.path("warmupIterations").asInt() + " × " + first.path("warmupTime").asString(""),
					first.path("measurementIterations").asInt() + " × " + first.path("measurementTime").asString(""),
					Objects.toString(first.path("vmName").asString(null), "JVM") + " "
							+ first.path("jdkVersion").asString(""));
		}

		String forksText() {
			return this.forks + " forks per benchmark";
		}

		String iterations() {
			return "warm-up " + this.warmup + ", measurement " + this.measurement + " per fork";
		}

	}

}
