package dev.farminglabs.orm.mongodb.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.CriteriaEvaluator;
import dev.farminglabs.orm.spi.Sort;
import dev.farminglabs.orm.query.SortDirection;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/** Rows as documents and back: every field under its physical name, nulls stored as null (never left out). */
final class DocumentRows {

	private DocumentRows() {
	}

	static Document toDocument(ModelDefinition model, Map<String, @Nullable Object> row) {
		Document document = new Document();
		for (FieldDefinition field : model.fields()) {
			if (row.get(field.name()) == null && (field.isId() || MongoNames.nullLeftOut(field))) {
				continue;
			}
			document.put(MongoNames.field(field), BsonValues.encode(model.name(), field, row.get(field.name())));
		}
		return document;
	}

	/** The update of changes: {@code $set}, and {@code $unset} for nulls {@link MongoNames#nullLeftOut left out}. */
	static Document update(ModelDefinition model, Map<String, @Nullable Object> changes) {
		Document set = new Document();
		Document unset = new Document();
		changes.forEach((name, value) -> {
			FieldDefinition field = model.field(name);
			if (value == null && MongoNames.nullLeftOut(field)) {
				unset.put(MongoNames.field(field), "");
			}
			else {
				set.put(MongoNames.field(field), BsonValues.encode(model.name(), field, value));
			}
		});
		Document update = new Document();
		if (!set.isEmpty()) {
			update.put("$set", set);
		}
		if (!unset.isEmpty()) {
			update.put("$unset", unset);
		}
		return update;
	}

	/**
	 * The update of one {@code findOneAndUpdate(upsert: true)}: {@code $set} the changes, {@code $setOnInsert} the rest
	 * of the create data (the key's fields come from the filter). Possible only where the create data agrees with every
	 * change it shares a field with (an update document cannot set a field to one value on insert and to another on
	 * update) and no change removes a field; otherwise {@code null}.
	 */
	static @Nullable Document upsert(ModelDefinition model, UniqueConstraint key, Map<String, @Nullable Object> create,
			Map<String, @Nullable Object> changes) {
		Map<String, @Nullable Object> onInsert = new LinkedHashMap<>();
		for (Map.Entry<String, @Nullable Object> entry : create.entrySet()) {
			String name = entry.getKey();
			if (changes.containsKey(name)) {
				if (!CriteriaEvaluator.same(changes.get(name), entry.getValue())) {
					return null;
				}
			}
			else if (!key.fields().contains(name)
					&& !(entry.getValue() == null && MongoNames.nullLeftOut(model.field(name)))) {
				onInsert.put(name, entry.getValue());
			}
		}
		Document update = changes.isEmpty() ? new Document() : update(model, changes);
		if (update.containsKey("$unset")) {
			return null;
		}
		if (!onInsert.isEmpty()) {
			update.put("$setOnInsert", update(model, onInsert).get("$set"));
		}
		return update.isEmpty() ? null : update;
	}

	/**
	 * The document an update produced: {@code before} (null when an upsert inserted) with the update's {@code $set},
	 * {@code $unset} and, on insert, the {@code filter} and {@code $setOnInsert} applied. Computed here rather than asked
	 * of the server with {@code ReturnDocument.AFTER}, so the row returned is the one this call wrote even where a server
	 * answers {@code AFTER} with a later write's document (mongo-java-server does under concurrent updates).
	 */
	static Document applied(@Nullable Document before, Document filter, Document update) {
		Document after = new Document();
		if (before == null) {
			after.putAll(filter);
			Document onInsert = update.get("$setOnInsert", Document.class);
			if (onInsert != null) {
				after.putAll(onInsert);
			}
		}
		else {
			after.putAll(before);
		}
		Document set = update.get("$set", Document.class);
		if (set != null) {
			after.putAll(set);
		}
		Document unset = update.get("$unset", Document.class);
		if (unset != null) {
			unset.keySet().forEach(after::remove);
		}
		return after;
	}

	static Map<String, @Nullable Object> toRow(ModelDefinition model, Document document) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		for (FieldDefinition field : model.fields()) {
			row.put(field.name(), BsonValues.decode(field, document.get(MongoNames.field(field))));
		}
		return row;
	}

	/** The sort document; the first occurrence of a field decides its direction. */
	static Document sort(List<Sort> orderBy) {
		Document sort = new Document();
		for (Sort key : orderBy) {
			sort.putIfAbsent(MongoNames.field(key.field()), (key.direction() == SortDirection.DESC) ? -1 : 1);
		}
		return sort;
	}

}
