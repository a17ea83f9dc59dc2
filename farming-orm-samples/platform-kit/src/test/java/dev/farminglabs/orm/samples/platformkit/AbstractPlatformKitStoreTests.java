package dev.farminglabs.orm.samples.platformkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.OrmOptions;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.memory.MemoryDatabase;
import dev.farminglabs.orm.setup.SchemaSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The platform kit's store on the memory database, which behaves like every other backend (the TCK holds them to the
 * same contract). Subclasses choose the capabilities, so both branches of the kit run.
 */
abstract class AbstractPlatformKitStoreTests {

	static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

	final MutableClock clock = new MutableClock(START);

	OrmClient orm;

	PlatformKitStore store;

	abstract Capabilities capabilities();

	@BeforeEach
	void pushSchema() {
		MemoryDatabase database = new MemoryDatabase(capabilities());
		SchemaSetup.pushSchema(PlatformKitSchema.FRAMEWORK, database);
		// The client keeps the kit's time, so an entry's expiry passes when the test's clock says so.
		this.orm = FarmingOrm.createOrmFromRuntime(PlatformKitSchema.FRAMEWORK, database,
				OrmOptions.defaults().withClock(this.clock));
		this.store = new PlatformKitStore(this.orm, this.clock);
	}

	@Test
	void aKvKeyIsWrittenOnceAndTheDuplicateIsTheKitsOwnError() {
		KvItem item = this.store.putKvItem("flags", "dark-mode", true);
		assertThat(item.version()).isEqualTo(1);
		assertThatExceptionOfType(PlatformKitException.class)
			.isThrownBy(() -> this.store.putKvItem("flags", "dark-mode", false))
			.withMessage("The framework key already exists.")
			.havingCause()
			.isInstanceOfSatisfying(OrmException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION));
		assertThat(this.store.getKvItem("flags", "dark-mode"))
			.hasValueSatisfying((kept) -> assertThat(kept.value().asBoolean()).isTrue());
		assertThat(this.store.putKvItem("other-namespace", "dark-mode", false).namespace())
			.isEqualTo("other-namespace");
	}

	@Test
	void auditLogsAndSnapshotsReadBackNewestFirst() {
		this.store.appendAuditLog("billing", "login", "u1", Map.of("ip", "127.0.0.1"));
		this.clock.advance(Duration.ofSeconds(1));
		this.store.appendAuditLog("billing", "logout", null, null);
		this.store.appendAuditLog("other", "login", "u2", null);
		assertThat(this.store.recentAuditLogs("billing", 10)).extracting(AuditLog::action)
			.containsExactly("logout", "login");
		this.store.recordObservabilitySnapshot("api", Map.of("p99", 12.5), 1);
		this.store.recordObservabilitySnapshot("api", Map.of("p99", 9.75), 2);
		assertThat(this.store.recentSnapshots("api", 1)).singleElement()
			.satisfies((snapshot) -> assertThat(snapshot.metrics().path("p99").asDouble()).isEqualTo(9.75));
	}

	@Test
	void aBillingAccountOpensOnceAndItsPlanChangeIsAudited() {
		BillingAccount account = this.store.openBillingAccount("owner-1", "free");
		assertThat(account.balance()).isEqualByComparingTo("0.00").hasScaleOf(2);
		assertThatExceptionOfType(PlatformKitException.class)
			.isThrownBy(() -> this.store.openBillingAccount("owner-1", "pro"));
		assertThat(this.store.changePlan("owner-1", "pro", "admin")).hasValueSatisfying(
				(changed) -> assertThat(changed.plan()).isEqualTo("pro"));
		assertThat(this.store.recentAuditLogs("billing:owner-1", 5)).singleElement()
			.satisfies((log) -> assertThat(log.actorId()).isEqualTo("admin"));
		assertThat(this.store.changePlan("nobody", "pro", "admin")).isEmpty();
		assertThatExceptionOfType(OrmException.class).isThrownBy(() -> this.store.changePlan("owner-1", "gold", null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(OrmErrorCode.VALIDATION_ERROR));
	}

	@Test
	void aRateLimitAllowsTheCapacityThenRefillsOneTokenPerInterval() {
		RateLimitPolicy policy = new RateLimitPolicy(3, Duration.ofSeconds(3));
		for (int remaining = 2; remaining >= 0; remaining--) {
			RateLimitDecision decision = this.store.checkRateLimit("api:u1", policy);
			assertThat(decision.allowed()).isTrue();
			assertThat(decision.remaining()).isEqualTo(remaining);
		}
		RateLimitDecision denied = this.store.checkRateLimit("api:u1", policy);
		assertThat(denied.allowed()).isFalse();
		assertThat(denied.retryAfter()).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.store.checkRateLimit("api:u2", policy).allowed()).as("another key has its own bucket").isTrue();

		this.clock.advance(Duration.ofMillis(1500));
		assertThat(this.store.checkRateLimit("api:u1", policy)).satisfies((decision) -> {
			assertThat(decision.allowed()).isTrue();
			assertThat(decision.remaining()).isZero();
		});
		assertThat(this.store.checkRateLimit("api:u1", policy).retryAfter())
			.as("the half interval already passed still counts").isEqualTo(Duration.ofMillis(500));
		this.clock.advance(Duration.ofNanos(1));
		assertThat(this.store.checkRateLimit("api:u1", policy).retryAfter())
			.as("rounded up to whole milliseconds, never too early").isEqualTo(Duration.ofMillis(500));
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.store.checkRateLimit("api:u1", policy).remaining()).as("refilled up to the capacity only")
			.isEqualTo(2);
		assertThat(this.orm.model("rateLimitBucket").count()).isEqualTo(2);
	}

	@Test
	void concurrentChecksNeverGrantMoreThanTheCapacity() throws Exception {
		RateLimitPolicy policy = new RateLimitPolicy(20, Duration.ofHours(1));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> checks = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				checks.add(() -> this.store.checkRateLimit("burst", policy).allowed());
			}
			long allowed = 0;
			for (Future<Boolean> result : pool.invokeAll(checks)) {
				allowed += result.get() ? 1 : 0;
			}
			assertThat(allowed).isEqualTo(20);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.orm.model("rateLimitBucket").findMany()).singleElement()
			.satisfies((bucket) -> assertThat(bucket.get("tokens")).isEqualTo(0L));
	}

	@Test
	void theBackendIsDescribedByItsCapabilities() {
		BackendProfile profile = this.store.describeBackend();
		assertThat(profile.kind()).isEqualTo("memory");
		assertThat(profile.transactions()).isEqualTo(capabilities().supportsTransactions());
		assertThat(profile.upsert()).isEqualTo(capabilities().upsert());
		assertThat(profile.atomicUpdates()).isEqualTo(capabilities().supportsAtomicUpdates());
	}

}
