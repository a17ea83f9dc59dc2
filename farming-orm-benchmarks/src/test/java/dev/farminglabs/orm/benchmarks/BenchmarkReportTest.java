package dev.farminglabs.orm.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The converter's arithmetic and layout, on a hand-made JMH result file of three forks per benchmark. */
class BenchmarkReportTest {

	private static final String PREFIX = "dev.farminglabs.orm.benchmarks.CacheEntryBenchmarks.";

	private static final JsonNode SAMPLE = Workload.JSON.readTree("["
			+ benchmark("rawFindUnique", "H2", "[[9, 11], [20, 20], [10, 10]]", "[[100, 100], [100, 100], [120, 80]]")
			+ ", " + benchmark("ormFindUnique", "H2", "[[12, 12], [15, 15], [30, 30]]", "[[150, 150], [140, 160], [200, 200]]")
			+ ", " + benchmark("springDataFindUnique", "H2", "[[40, 40], [40, 40], [40, 40]]", null) + "]");

	/** createMany by farming-orm, raw's batch and row by row on two databases, one iteration per fork. */
	private static final JsonNode CREATE_MANY = Workload.JSON.readTree("["
			+ benchmark("rawCreateMany1000", "H2", "[[1000], [1000], [1000]]", null)
			+ ", " + benchmark("ormCreateMany1000", "H2", "[[1200], [1200], [1200]]", null)
			+ ", " + benchmark("rowByRowCreateMany1000", "H2", "[[6000], [7200], [6000]]", null)
			+ ", " + benchmark("rawCreateMany1000", "POSTGRESQL", "[[2000], [2000], [2000]]", null)
			+ ", " + benchmark("ormCreateMany1000", "POSTGRESQL", "[[2000], [2000], [2000]]", null)
			+ ", " + benchmark("rowByRowCreateMany1000", "POSTGRESQL", "[[20000], [20000], [20000]]", null) + "]");

	/** A key-value suite's result file: no database parameter, the class names the backend. */
	private static final JsonNode KEY_VALUE = Workload.JSON.readTree("["
			+ benchmark("dev.farminglabs.orm.benchmarks.RedisKvItemBenchmarks.rawFindUnique", null, "[[50], [50], [50]]",
					null)
			+ ", " + benchmark("dev.farminglabs.orm.benchmarks.RedisKvItemBenchmarks.ormFindUnique", null,
					"[[60], [60], [60]]", null)
			+ "]");

	private static String benchmark(String method, String database, String times, String bytes) {
		String name = method.contains(".") ? method : PREFIX + method;
		String params = (database != null) ? ", \"params\": {\"database\": \"" + database + "\"}" : "";
		String secondary = (bytes != null) ? "\"gc.alloc.rate.norm\": {\"score\": 0, \"scoreUnit\": \"B/op\", \"rawData\": "
				+ bytes + "}" : "";
		return "{\"benchmark\": \"" + name + "\", \"mode\": \"avgt\", \"forks\": 3, \"warmupIterations\": 1,"
				+ " \"warmupTime\": \"1 s\", \"measurementIterations\": 2, \"measurementTime\": \"1 s\","
				+ " \"jdkVersion\": \"17.0.1\", \"vmName\": \"OpenJDK 64-Bit Server VM\"" + params
				+ ", \"primaryMetric\": {\"score\": 0, \"scoreUnit\": \"us/op\", \"rawData\": " + times
				+ "}, \"secondaryMetrics\": {" + secondary + "}}";
	}

	@Test
	void medianAndRangeOverForksUseEachForksMean() {
		ForkSpread spread = ForkSpread.of(List.of(10.0, 20.0, 10.5));
		assertThat(spread).isEqualTo(new ForkSpread(10.5, 10.0, 20.0));
		assertThat(ForkSpread.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
	}

	@Test
	void ratioIsMedianOverMedianWithTheWidestRangeTheForksAllow() {
		ForkSpread ratio = new ForkSpread(15, 12, 30).over(new ForkSpread(10, 10, 20));
		assertThat(ratio.median()).isEqualTo(1.5);
		assertThat(ratio.min()).isEqualTo(0.6);
		assertThat(ratio.max()).isEqualTo(3.0);
	}

	@Test
	void jsonHasEveryRatioPerDatabaseOperationAndSide() {
		JsonNode json = report().json();
		assertThat(json.path("forks").asInt()).isEqualTo(3);
		assertThat(json.path("loadBefore").asString()).isEqualTo("1.00 0.50 0.25");
		JsonNode orm = find(json, "orm");
		assertThat(orm.path("database").asString()).isEqualTo("H2");
		assertThat(orm.path("operation").asString()).isEqualTo("FindUnique");
		assertThat(orm.path("time").path("median").asDouble()).isEqualTo(15.0);
		assertThat(orm.path("ratio").path("median").asDouble()).isEqualTo(1.5);
		assertThat(orm.path("ratio").path("min").asDouble()).isEqualTo(0.6);
		assertThat(orm.path("ratio").path("max").asDouble()).isEqualTo(3.0);
		assertThat(orm.path("bytesRatio").path("median").asDouble()).isEqualTo(1.5);
		assertThat(find(json, "raw").path("ratio").path("median").asDouble()).isEqualTo(1.0);
		assertThat(find(json, "springData").path("ratio").path("median").asDouble()).isCloseTo(4.0, within(1e-9));
		assertThat(find(json, "springData").has("bytesRatio")).isFalse();
	}

	@Test
	void markdownStatesTheRunAndShowsRatiosWithTheirRange() {
		String markdown = report().markdown();
		assertThat(markdown).contains("Run of 2026-12-01: 3 forks per benchmark")
			.contains("before: 1.00 0.50 0.25; after: 2.00 1.00 0.50")
			.contains("warm-up 1 × 1 s, measurement 2 × 1 s per fork")
			.contains("| database | operation | raw µs/op | farming-orm | Spring Data |")
			.contains("| H2 | FindUnique | 10.0 [10.0–20.0] | 1.50× (0.60–3.00) | 4.00× (2.00–4.00) |")
			.contains("| H2 | FindUnique | 100 [100–100] | 1.50× (1.50–2.00) | — |");
	}

	@Test
	void rowByRowIsAColumnOfItsOwnOverRawsBatch() {
		String markdown = report(CREATE_MANY).markdown();
		assertThat(markdown).contains("| database | operation | raw µs/op | farming-orm | row by row |")
			.contains("raw's createMany done as 1,000 single inserts in one transaction")
			.contains("| H2 | CreateMany1000 | 1000 [1000–1000] | 1.20× (1.20–1.20) | 6.00× (6.00–7.20) |")
			.contains("| POSTGRESQL | CreateMany1000 | 2000 [2000–2000] | 1.00× (1.00–1.00) | 10.00× (10.00–10.00) |");
		assertThat(find(report(CREATE_MANY).json(), "rowByRow").path("ratio").path("median").asDouble())
			.isEqualTo(6.0);
	}

	@Test
	void createManyStatesTheOrmsSpeedUpOverRowByRowPerDatabase() {
		assertThat(report(CREATE_MANY).markdown())
			.contains("CreateMany1000, farming-orm's speed-up over row by row (row by row's time ÷ farming-orm's")
			.contains(": H2 5.0× (5.0–6.0); POSTGRESQL 10.0× (10.0–10.0).\n");
		JsonNode speedUps = report(CREATE_MANY).json().path("createManyOverRowByRow");
		assertThat(speedUps).hasSize(2);
		assertThat(speedUps.path(0).path("database").asString()).isEqualTo("H2");
		assertThat(speedUps.path(0).path("median").asDouble()).isEqualTo(5.0);
		assertThat(speedUps.path(0).path("max").asDouble()).isEqualTo(6.0);
		assertThat(speedUps.path(1).path("median").asDouble()).isEqualTo(10.0);
	}

	@Test
	void withoutRowByRowThereIsNoSpeedUpLine() {
		assertThat(report().markdown()).doesNotContain("row by row");
		assertThat(report().json().path("createManyOverRowByRow")).isEmpty();
	}

	@Test
	void severalResultFilesMakeOneReport() {
		JsonNode merged = BenchmarkReport.merge(List.of(SAMPLE, KEY_VALUE));
		String markdown = report(merged).markdown();
		assertThat(markdown).contains("| H2 | FindUnique | 10.0 [10.0–20.0] | 1.50× (0.60–3.00) |")
			.contains("| REDIS | FindUnique | 50.0 [50.0–50.0] | 1.20× (1.20–1.20) |");
		assertThat(markdown.indexOf("| H2 | FindUnique")).isLessThan(markdown.indexOf("| REDIS | FindUnique"));
		assertThat(report(merged).json().path("results")).hasSize(5);
	}

	@Test
	void sideIsTheKnownPrefixBeforeTheOperation() {
		assertThat(BenchmarkReport.side("rowByRowCreateMany1000")).isEqualTo("rowByRow");
		assertThat(BenchmarkReport.side("rawCreateMany1000")).isEqualTo("raw");
		assertThat(BenchmarkReport.side("springDataCreateMany1000")).isEqualTo("springData");
		assertThat(BenchmarkReport.side("ormFindPage")).isEqualTo("orm");
		assertThat(BenchmarkReport.side("seedInBatches")).isEqualTo("seed");
	}

	private static BenchmarkReport report() {
		return report(SAMPLE);
	}

	private static BenchmarkReport report(JsonNode jmh) {
		return new BenchmarkReport(jmh, BenchmarkReport.Run.of(jmh, "2026-12-01", "1.00 0.50 0.25", "2.00 1.00 0.50"));
	}

	private static JsonNode find(JsonNode json, String side) {
		for (JsonNode result : json.path("results")) {
			if (result.path("side").asString().equals(side)) {
				return result;
			}
		}
		throw new AssertionError("no result for " + side);
	}

}
