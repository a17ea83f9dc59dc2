package dev.farminglabs.orm.samples.platformkit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * The state the framework keeps for one scope (a tenant, an installation, a feature).
 *
 * @param id the generated id
 * @param scope what the state belongs to, unique
 * @param state any JSON
 * @param updatedAt when it was last written
 */
public record FrameworkState(String id, String scope, JsonNode state, Instant updatedAt) {
}
