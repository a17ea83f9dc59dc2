package dev.farminglabs.orm.samples.platformkit;

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
 * The platform kit's storage, declared once: the seed's seven framework models. Whatever database the application
 * brings, these are the tables (or collections) the kit owns.
 */
public final class PlatformKitSchema {

	/** The schema, named {@code framework} as in the seed. */
	public static final FrameworkSchema FRAMEWORK = FrameworkSchema.builder("framework")
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
			.index("source", "capturedAt"))
		.build();

	private PlatformKitSchema() {
	}

}
