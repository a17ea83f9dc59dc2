package dev.farminglabs.orm.samples.platformkit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * Metrics captured from a source at one moment.
 *
 * @param id the generated id
 * @param source where the metrics come from
 * @param metrics any JSON
 * @param sequence the source's own sequence number
 * @param capturedAt when the snapshot was recorded
 */
public record ObservabilitySnapshot(String id, String source, JsonNode metrics, long sequence, Instant capturedAt) {
}
