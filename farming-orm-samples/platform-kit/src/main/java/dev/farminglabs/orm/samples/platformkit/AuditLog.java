package dev.farminglabs.orm.samples.platformkit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An audit log entry.
 *
 * @param id the generated id
 * @param scope what the entry is about
 * @param action what happened
 * @param actorId who did it, if known
 * @param payload details, any JSON
 * @param createdAt when it was written
 */
public record AuditLog(String id, String scope, String action, @Nullable String actorId, @Nullable JsonNode payload,
		Instant createdAt) {
}
