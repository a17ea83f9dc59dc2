package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.schema.SchemaDsl.bigint;
import static dev.farminglabs.orm.schema.SchemaDsl.datetime;
import static dev.farminglabs.orm.schema.SchemaDsl.decimal;
import static dev.farminglabs.orm.schema.SchemaDsl.enumeration;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.json;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;

import java.math.BigDecimal;

import dev.farminglabs.orm.schema.FrameworkSchema;

/**
 * The seven models of the TypeScript original's framework page, as a framework would declare them: state, billing
 * accounts, cache entries, KV items, rate-limit buckets, audit logs and observability snapshots.
 */
public final class FrameworkModels {

	private FrameworkModels() {
	}

	/** Adds the seven framework models to a schema under construction. */
	public static FrameworkSchema.Builder addTo(FrameworkSchema.Builder schema) {
		return schema
			.model("frameworkState", model("framework_state")
				.field("id", id())
				.field("scope", string().unique())
				.field("state", json())
				.field("updatedAt", datetime().defaultNow()))
			.model("billingAccount", model("billing_accounts")
				.field("id", id())
				.field("ownerId", string().unique())
				.field("plan", enumeration("free", "pro", "enterprise").defaultValue("free"))
				.field("balance", decimal().defaultValue(new BigDecimal("0.00")))
				.field("currency", string().defaultValue("USD").maxLength(3))
				.field("updatedAt", datetime().defaultNow()))
			.model("cacheEntry", model("cache_entries")
				.field("id", id())
				.field("namespace", string())
				.field("key", string())
				.field("value", json())
				.field("expiresAt", datetime().nullable().expiry())
				.field("updatedAt", datetime().defaultNow())
				.unique("namespace", "key"))
			.model("kvItem", model("kv_items")
				.field("id", id())
				.field("namespace", string())
				.field("key", string())
				.field("value", json())
				.field("version", integer().defaultValue(1))
				.field("updatedAt", datetime().defaultNow())
				.unique("namespace", "key"))
			.model("rateLimitBucket", model("rate_limit_buckets")
				.field("id", id())
				.field("key", string().unique())
				.field("tokens", integer())
				.field("capacity", integer())
				.field("refilledAt", datetime())
				.field("expiresAt", datetime().nullable()))
			.model("auditLog", model("audit_logs")
				.field("id", id())
				.field("scope", string())
				.field("action", string())
				.field("actorId", string().nullable())
				.field("payload", json().nullable())
				.field("createdAt", datetime().defaultNow())
				.index("scope", "createdAt"))
			.model("observabilitySnapshot", model("observability_snapshots")
				.field("id", id())
				.field("source", string())
				.field("metrics", json())
				.field("sequence", bigint())
				.field("capturedAt", datetime().defaultNow())
				.index("source", "capturedAt"));
	}

	/** A schema of just the seven framework models, named {@code framework}. */
	public static final FrameworkSchema FRAMEWORK = addTo(FrameworkSchema.builder("framework")).build();

}
