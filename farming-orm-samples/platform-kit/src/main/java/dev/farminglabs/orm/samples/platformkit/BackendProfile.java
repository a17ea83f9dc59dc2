package dev.farminglabs.orm.samples.platformkit;

import dev.farminglabs.orm.capability.NumericIds;
import dev.farminglabs.orm.capability.UpsertSupport;

/**
 * What the application's backend can do, as the kit sees it: from its capabilities, never from its name.
 *
 * @param kind the runtime family, as {@code jdbc}
 * @param dialect the backend dialect, as {@code postgresql}
 * @param transactions whether work can run in one transaction
 * @param numericIds whether integer ids are supported, and generated
 * @param upsert how upserts run
 * @param returnsUpdatedRows whether an update returns the row in the same round trip
 * @param schemaNamespaces whether tables can live in a schema namespace
 * @param atomicUpdates whether rate-limit tokens are taken by an atomic decrement (otherwise by compare-and-set)
 */
public record BackendProfile(String kind, String dialect, boolean transactions, NumericIds numericIds,
		UpsertSupport upsert, boolean returnsUpdatedRows, boolean schemaNamespaces, boolean atomicUpdates) {
}
