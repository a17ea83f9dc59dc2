package dev.farminglabs.orm.schema;

import org.jspecify.annotations.Nullable;

/**
 * A resolved relation. For {@code BELONGS_TO}, {@code localField} on this model matches the target's
 * {@code targetField} (its id). For {@code HAS_ONE} and {@code HAS_MANY}, this model's {@code localField} (its id) is
 * matched by the target's {@code targetField}. For {@code MANY_TO_MANY}, the {@code through} model's
 * {@code throughFrom} holds this model's id and its {@code throughTo} the target's id.
 *
 * @param name the relation name used in selects
 * @param kind the relation kind
 * @param target the related model
 * @param localField the field of this model that is matched
 * @param targetField the field of the target model that is matched (for many-to-many, the target's id)
 * @param through the join model of a many-to-many relation, or {@code null}
 * @param throughFrom the join model's field holding this model's id, or {@code null}
 * @param throughTo the join model's field holding the target's id, or {@code null}
 */
public record RelationDefinition(String name, RelationKind kind, String target, String localField,
		String targetField, @Nullable String through, @Nullable String throughFrom, @Nullable String throughTo) {

}
