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

	private static String benchmark(String method, String database, String times, String bytes) {
		String secondary = (bytes != null) ? "\"gc.alloc.rate.norm\": {\"score\": 0, \"scoreUnit\": \"B/op\", \"rawData\": "
				+ bytes + "}" : "";
		return "{\"benchmark\": \"" + PREFIX + method + "\", \"mode\": \"avgt\", \"forks\": 3, \"warmupIterations\": 1,"
				+ " \"warmupTime\": \"1 s\", \"measurementIterations\": 2, \"measurementTime\": \"1 s\","
				+ " \"jdkVersion\": \"17.0.1\", \"vmName\": \"OpenJDK 64-Bit Server VM\", \"params\": {\"database\": \""
				+ database + "\"}, \"primaryMetric\": {\"score\": 0, \"scoreUnit\": \"us/op\", \"rawData\": " + times
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
	void sideIsTheKnownPrefixBeforeTheOperation() {
		assertThat(BenchmarkReport.side("springDataCreateMany1000")).isEqualTo("springData");
		assertThat(BenchmarkReport.side("ormFindPage")).isEqualTo("orm");
		assertThat(BenchmarkReport.side("seedInBatches")).isEqualTo("seed");
	}

	private static BenchmarkReport report() {
		return new BenchmarkReport(SAMPLE,
				BenchmarkReport.Run.of(SAMPLE, "2026-12-01", "1.00 0.50 0.25", "2.00 1.00 0.50"));
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
