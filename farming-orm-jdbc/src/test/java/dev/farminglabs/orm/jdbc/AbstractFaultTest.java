package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.json;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.OrmOptions;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Faults under a write load, on a server of the test's own ({@link LocalServer}): {@code kill -9} and a restart, a
 * freeze ({@code SIGSTOP}) longer than the operation timeout, a fast restart, and an operator's graceful restart.
 * Four writers create rows (every fourth operation two rows in one transaction) through one client that is never
 * rebuilt. Checked: every call fails within the operation timeout (plus the network grace and the pool's connection
 * timeout) with {@code CONNECTION_FAILURE} or {@code TIMEOUT}; the client recovers after each fault; no acknowledged
 * write is lost; no row is written twice; no write reported as "did not happen" ({@code inDoubt=false}) happened; a
 * transaction's rows are all there or none.
 */
abstract class AbstractFaultTest {

	static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(2);

	/** The pool's wait for a connection. */
	static final long CONNECTION_TIMEOUT_MS = 1_500;

	/** Operation timeout, network grace (one second at this timeout), connection wait, and scheduling slack. */
	static final long LONGEST_CALL_MS = OPERATION_TIMEOUT.toMillis() + 1_000 + CONNECTION_TIMEOUT_MS + 3_500;

	private static final FrameworkSchema EVENTS = FrameworkSchema.builder("faults")
		.model("event", model("fault_events")
			.field("id", id())
			.field("seq", integer())
			.field("pair", integer())
			.field("writer", string())
			.field("payload", json())
			.index("seq"))
		.build();

	private final Map<Long, Outcome> outcomes = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong lastSuccess = new AtomicLong();

	private final List<Throwable> raw = Collections.synchronizedList(new ArrayList<>());

	private volatile String phase = "normal";

	private volatile boolean running = true;

	abstract LocalServer server() throws Exception;

	@Test
	@Timeout(value = 240, unit = TimeUnit.SECONDS)
	void writesSurviveKillFreezeAndRestartsWithHonestErrors() throws Exception {
		try (LocalServer server = server()) {
			server.start();
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(server.jdbcUrl());
			config.setUsername(server.user());
			config.setMaximumPoolSize(4);
			config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
			config.setValidationTimeout(1_000);
			config.setInitializationFailTimeout(10_000);
			try (HikariDataSource dataSource = new HikariDataSource(config)) {
				SchemaSetup.pushSchema(EVENTS, dataSource);
				OrmClient orm = FarmingOrm.createOrmFromRuntime(EVENTS, dataSource,
						OrmOptions.defaults().withOperationTimeout(OPERATION_TIMEOUT));
				List<Thread> writers = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					String name = "writer-" + i;
					Thread writer = new Thread(() -> write(orm, name), name);
					writer.start();
					writers.add(writer);
				}
				int faults = injectFaults(server);
				this.running = false;
				for (Thread writer : writers) {
					writer.join(30_000);
				}
				verify(orm, server, faults);
			}
		}
	}

	private int injectFaults(LocalServer server) throws Exception {
		Thread.sleep(2_000);
		awaitRecovery("start");

		this.phase = "killed";
		server.kill();
		Thread.sleep(2_000);
		this.phase = "restarted after kill";
		server.start();
		awaitRecovery("kill -9 and restart");

		this.phase = "frozen";
		server.freeze(true);
		Thread.sleep(OPERATION_TIMEOUT.toMillis() * 3);
		server.freeze(false);
		this.phase = "thawed";
		awaitRecovery("freeze");

		this.phase = "fast restart";
		server.kill();
		server.start();
		awaitRecovery("fast restart");

		this.phase = "graceful restart";
		server.gracefulStop();
		server.awaitStopped();
		server.start();
		this.phase = "restarted gracefully";
		awaitRecovery("graceful restart");
		Thread.sleep(1_000);
		return 4;
	}

	/** Waits until some write succeeds after the fault: the same client must recover without being rebuilt. */
	private void awaitRecovery(String fault) throws InterruptedException {
		long since = System.nanoTime();
		long deadline = since + TimeUnit.SECONDS.toNanos(60);
		while (this.lastSuccess.get() < since) {
			assertThat(System.nanoTime()).as("the client recovers after " + fault).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private void write(OrmClient orm, String writer) {
		while (this.running) {
			// Two numbers per operation, so a transaction's second row never takes another writer's number.
			long seq = this.sequence.addAndGet(2) - 1;
			boolean pair = seq % 8 == 1;
			String phaseAtStart = this.phase;
			long start = System.nanoTime();
			Outcome outcome;
			try {
				if (pair) {
					orm.transaction((tx) -> {
						tx.model("event").create(row(seq, seq, writer));
						tx.model("event").create(row(seq + 1, seq, writer));
						return null;
					});
				}
				else {
					orm.model("event").create(row(seq, 0, writer));
				}
				outcome = new Outcome(pair, null, false, elapsed(start), phaseAtStart, null);
				this.lastSuccess.set(System.nanoTime());
			}
			catch (OrmException ex) {
				outcome = new Outcome(pair, ex.code(), ex.inDoubt(), elapsed(start), phaseAtStart, ex.getMessage());
				pause();
			}
			catch (Throwable ex) {
				this.raw.add(ex);
				outcome = new Outcome(pair, null, true, elapsed(start), phaseAtStart, String.valueOf(ex));
				pause();
			}
			this.outcomes.put(seq, outcome);
		}
	}

	private static Map<String, Object> row(long seq, long pair, String writer) {
		return Data.of("seq", seq, "pair", pair, "writer", writer, "payload", Map.of("seq", seq));
	}

	private void verify(OrmClient orm, LocalServer server, int faults) {
		Map<Long, Integer> stored = new HashMap<>();
		for (Row row : orm.model("event").findMany()) {
			stored.merge(row.getLong("seq"), 1, Integer::sum);
		}
		List<Long> lost = new ArrayList<>();
		List<String> duplicated = new ArrayList<>();
		List<String> happenedAfterAll = new ArrayList<>();
		List<Long> halfTransactions = new ArrayList<>();
		List<String> wrongCodes = new ArrayList<>();
		List<String> tooSlow = new ArrayList<>();
		Map<String, Long> longestByPhase = new TreeMap<>();
		int failures = 0;
		int inDoubt = 0;
		for (Map.Entry<Long, Outcome> entry : this.outcomes.entrySet()) {
			long seq = entry.getKey();
			Outcome outcome = entry.getValue();
			longestByPhase.merge(outcome.phase(), outcome.millis(), Math::max);
			int first = stored.getOrDefault(seq, 0);
			int second = outcome.pair() ? stored.getOrDefault(seq + 1, 0) : first;
			if (first > 1 || second > 1) {
				duplicated.add(seq + " (" + outcome + ")");
			}
			if (first != second) {
				halfTransactions.add(seq);
			}
			if (outcome.millis() > LONGEST_CALL_MS) {
				tooSlow.add(seq + " took " + outcome.millis() + " ms in phase " + outcome.phase() + ": " + outcome.message());
			}
			if (outcome.code() == null && outcome.message() == null) {
				if (first == 0) {
					lost.add(seq);
				}
				continue;
			}
			failures++;
			if (outcome.inDoubt()) {
				inDoubt++;
			}
			else if (first > 0) {
				happenedAfterAll.add(seq + " (" + outcome + ")");
			}
			if (outcome.code() != OrmErrorCode.CONNECTION_FAILURE && outcome.code() != OrmErrorCode.TIMEOUT) {
				wrongCodes.add(seq + ": " + outcome.code() + " " + outcome.message());
			}
		}
		long acknowledged = this.outcomes.values().stream().filter((o) -> o.code() == null && o.message() == null).count();
		System.out.printf("fault test on %s: %d operations (%d acknowledged, %d failed, %d in doubt), %d faults, "
				+ "%d lost, %d duplicated, %d reported as not happened yet stored, longest call per phase %s ms%n",
				orm.driver().dialect(),
				this.outcomes.size(), acknowledged, failures, inDoubt, faults, lost.size(), duplicated.size(),
				happenedAfterAll.size(), longestByPhase);
		assertThat(this.raw).as("raw exceptions").isEmpty();
		assertThat(acknowledged).as("acknowledged writes").isGreaterThan(50);
		assertThat(failures).as("the faults were felt").isPositive();
		assertThat(lost).as("acknowledged writes lost").isEmpty();
		assertThat(duplicated).as("writes stored twice").isEmpty();
		assertThat(halfTransactions).as("transactions stored in part").isEmpty();
		assertThat(happenedAfterAll).as("writes reported as not happened (inDoubt=false) that were stored").isEmpty();
		assertThat(wrongCodes).as("failures other than CONNECTION_FAILURE / TIMEOUT").isEmpty();
		assertThat(tooSlow).as("calls longer than " + LONGEST_CALL_MS + " ms").isEmpty();
		assertThat(longestByPhase.getOrDefault("frozen", 0L)).as("longest call while frozen").isLessThanOrEqualTo(
				LONGEST_CALL_MS);
	}

	private static long elapsed(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Outcome(boolean pair, OrmErrorCode code, boolean inDoubt, long millis, String phase,
			String message) {
	}

}
