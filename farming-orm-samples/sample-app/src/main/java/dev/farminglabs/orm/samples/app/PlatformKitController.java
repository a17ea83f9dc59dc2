package dev.farminglabs.orm.samples.app;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.farminglabs.orm.samples.platformkit.AuditLog;
import dev.farminglabs.orm.samples.platformkit.BackendProfile;
import dev.farminglabs.orm.samples.platformkit.BillingAccount;
import dev.farminglabs.orm.samples.platformkit.CacheEntry;
import dev.farminglabs.orm.samples.platformkit.FrameworkState;
import dev.farminglabs.orm.samples.platformkit.KvItem;
import dev.farminglabs.orm.samples.platformkit.ObservabilitySnapshot;
import dev.farminglabs.orm.samples.platformkit.PlatformKitStore;
import dev.farminglabs.orm.samples.platformkit.RateLimitDecision;
import dev.farminglabs.orm.samples.platformkit.autoconfigure.PlatformKitProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HTTP endpoints over the platform kit's store, under {@code /api}. */
@RestController
@RequestMapping("/api")
class PlatformKitController {

	private final PlatformKitStore store;

	private final PlatformKitProperties properties;

	PlatformKitController(PlatformKitStore store, PlatformKitProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@GetMapping("/backend")
	BackendProfile backend() {
		return this.store.describeBackend();
	}

	@GetMapping("/state/{scope}")
	ResponseEntity<FrameworkState> state(@PathVariable String scope) {
		return ResponseEntity.of(this.store.getFrameworkState(scope));
	}

	@PutMapping("/state/{scope}")
	FrameworkState saveState(@PathVariable String scope, @RequestBody JsonNode state) {
		return this.store.saveFrameworkState(scope, state);
	}

	@GetMapping("/cache/{namespace}/{key}")
	ResponseEntity<CacheEntry> cacheEntry(@PathVariable String namespace, @PathVariable String key) {
		return ResponseEntity.of(this.store.getCacheEntry(namespace, key));
	}

	@PutMapping("/cache/{namespace}/{key}")
	CacheEntry putCacheEntry(@PathVariable String namespace, @PathVariable String key,
			@RequestBody CacheWrite write) {
		Instant expiresAt = (write.ttlSeconds() != null) ? Instant.now().plusSeconds(write.ttlSeconds()) : null;
		return this.store.putCacheEntry(namespace, key, write.value(), expiresAt);
	}

	@GetMapping("/kv/{namespace}/{key}")
	ResponseEntity<KvItem> kvItem(@PathVariable String namespace, @PathVariable String key) {
		return ResponseEntity.of(this.store.getKvItem(namespace, key));
	}

	@PostMapping("/kv/{namespace}/{key}")
	ResponseEntity<KvItem> putKvItem(@PathVariable String namespace, @PathVariable String key,
			@RequestBody JsonNode value) {
		KvItem item = this.store.putKvItem(namespace, key, value);
		return ResponseEntity.created(URI.create("/api/kv/" + namespace + "/" + key)).body(item);
	}

	@GetMapping("/audit/{scope}")
	List<AuditLog> auditLogs(@PathVariable String scope, @RequestParam(defaultValue = "20") int limit) {
		return this.store.recentAuditLogs(scope, limit);
	}

	@PostMapping("/audit/{scope}")
	ResponseEntity<AuditLog> appendAuditLog(@PathVariable String scope, @RequestBody AuditWrite write) {
		AuditLog log = this.store.appendAuditLog(scope, write.action(), write.actorId(), write.payload());
		return ResponseEntity.status(HttpStatus.CREATED).body(log);
	}

	@GetMapping("/snapshots/{source}")
	List<ObservabilitySnapshot> snapshots(@PathVariable String source,
			@RequestParam(defaultValue = "20") int limit) {
		return this.store.recentSnapshots(source, limit);
	}

	@PostMapping("/snapshots/{source}")
	ResponseEntity<ObservabilitySnapshot> recordSnapshot(@PathVariable String source,
			@RequestBody SnapshotWrite write) {
		ObservabilitySnapshot snapshot = this.store.recordObservabilitySnapshot(source, write.metrics(),
				write.sequence());
		return ResponseEntity.status(HttpStatus.CREATED).body(snapshot);
	}

	@PostMapping("/rate-limit/{key}")
	ResponseEntity<RateLimitDecision> checkRateLimit(@PathVariable String key) {
		RateLimitDecision decision = this.store.checkRateLimit(key, this.properties.rateLimit().policy());
		if (decision.allowed()) {
			return ResponseEntity.ok(decision);
		}
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(secondsRoundedUp(decision.retryAfter())))
			.body(decision);
	}

	@GetMapping("/billing/{ownerId}")
	ResponseEntity<BillingAccount> billingAccount(@PathVariable String ownerId) {
		return ResponseEntity.of(this.store.getBillingAccount(ownerId));
	}

	@PostMapping("/billing/{ownerId}")
	ResponseEntity<BillingAccount> openBillingAccount(@PathVariable String ownerId, @RequestBody PlanChange open) {
		BillingAccount account = this.store.openBillingAccount(ownerId, open.plan());
		return ResponseEntity.created(URI.create("/api/billing/" + ownerId)).body(account);
	}

	@PutMapping("/billing/{ownerId}/plan")
	ResponseEntity<BillingAccount> changePlan(@PathVariable String ownerId, @RequestBody PlanChange change) {
		return ResponseEntity.of(this.store.changePlan(ownerId, change.plan(), change.actorId()));
	}

	private static long secondsRoundedUp(Duration duration) {
		return (duration.toMillis() + 999) / 1000;
	}

	/** A cache write: any JSON value, kept for {@code ttlSeconds} when given. */
	record CacheWrite(JsonNode value, @Nullable Long ttlSeconds) {
	}

	/** An audit log entry to append. */
	record AuditWrite(String action, @Nullable String actorId, @Nullable JsonNode payload) {
	}

	/** Metrics of one snapshot, with the source's sequence number. */
	record SnapshotWrite(long sequence, JsonNode metrics) {
	}

	/** A plan to open an account on or move it to, and who asks. */
	record PlanChange(String plan, @Nullable String actorId) {
	}

}
