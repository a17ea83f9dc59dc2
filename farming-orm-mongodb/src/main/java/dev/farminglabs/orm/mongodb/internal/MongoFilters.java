package dev.farminglabs.orm.mongodb.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FieldKind;
import dev.farminglabs.orm.spi.Criteria;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Renders {@link Criteria} as a MongoDB query with the semantics every backend agrees on: {@code not} is "is
 * distinct from" (it matches null), range operators never match null, decimals compare by value through their
 * {@link DecimalKey}, JSON compares whole values (never "array contains"), and text matching uses anchored regexes in
 * which every character of the value is literal.
 */
public final class MongoFilters {

	private static final Document MATCH_NONE = new Document("_id", new Document("$in", List.of()));

	private MongoFilters() {
	}

	/** The MongoDB query for the criteria. */
	public static Document render(String model, Criteria criteria) {
		if (criteria instanceof Criteria.Compare compare) {
			return compare(model, compare);
		}
		if (criteria instanceof Criteria.And and) {
			if (and.criteria().isEmpty()) {
				return new Document();
			}
			if (and.criteria().size() == 1) {
				return render(model, and.criteria().get(0));
			}
			return merge(renderAll(model, and.criteria()));
		}
		if (criteria instanceof Criteria.Or or) {
			if (or.criteria().isEmpty()) {
				return MATCH_NONE;
			}
			return new Document("$or", renderAll(model, or.criteria()));
		}
		return new Document("$nor", List.of(render(model, ((Criteria.Not) criteria).criteria())));
	}

	/**
	 * The conjunction as one document where the parts name distinct fields ({@code {namespace: "a", key: "b"}}),
	 * which servers match against a compound index directly (mongo-java-server uses an index only for that shape);
	 * the other parts under {@code $and}.
	 */
	private static Document merge(List<Document> parts) {
		Document merged = new Document();
		List<Document> rest = new ArrayList<>();
		for (Document part : parts) {
			boolean distinct = true;
			for (String key : part.keySet()) {
				if (key.startsWith("$") || merged.containsKey(key)) {
					distinct = false;
				}
			}
			if (distinct) {
				merged.putAll(part);
			}
			else {
				rest.add(part);
			}
		}
		if (!rest.isEmpty()) {
			merged.put("$and", rest);
		}
		return merged;
	}

	private static List<Document> renderAll(String model, List<Criteria> criteria) {
		List<Document> rendered = new ArrayList<>(criteria.size());
		criteria.forEach((child) -> rendered.add(render(model, child)));
		return rendered;
	}

	private static Document compare(String model, Criteria.Compare compare) {
		FieldDefinition field = compare.field();
		String name = MongoNames.field(field);
		Object value = compare.value();
		return switch (compare.operator()) {
			case EQ -> equal(model, field, name, value);
			case NOT -> new Document("$nor", List.of(equal(model, field, name, value)));
			case IN -> anyOf(model, field, name, (List<?>) value);
			case NOT_IN -> new Document("$nor", List.of(anyOf(model, field, name, (List<?>) value)));
			case GT, GTE, LT, LTE -> range(model, field, name, compare.operator(), value);
			case CONTAINS -> regex(name, quote((String) value));
			case STARTS_WITH -> regex(name, "\\A" + quote((String) value));
			case ENDS_WITH -> regex(name, quote((String) value) + "\\z");
		};
	}

	private static Document equal(String model, FieldDefinition field, String name, @Nullable Object value) {
		if (value == null) {
			return new Document(name, null);
		}
		if (field.kind() == FieldKind.DECIMAL) {
			BigDecimal decimal = (BigDecimal) value;
			return new Document(name,
					new Document("$gte", DecimalKey.lowest(decimal)).append("$lt", DecimalKey.above(decimal)));
		}
		Object encoded = BsonValues.encode(model, field, value);
		if (field.kind() == FieldKind.JSON) {
			// $expr compares whole values: {field: [1]} alone would also match arrays that contain [1] or 1.
			return new Document("$expr", new Document("$eq", List.of("$" + name, new Document("$literal", encoded))));
		}
		return new Document(name, encoded);
	}

	private static Document anyOf(String model, FieldDefinition field, String name, List<?> values) {
		if (values.isEmpty()) {
			return MATCH_NONE;
		}
		if (field.kind() == FieldKind.DECIMAL || field.kind() == FieldKind.JSON) {
			List<Document> alternatives = new ArrayList<>(values.size());
			values.forEach((value) -> alternatives.add(equal(model, field, name, value)));
			return (alternatives.size() == 1) ? alternatives.get(0) : new Document("$or", alternatives);
		}
		List<@Nullable Object> encoded = new ArrayList<>(values.size());
		values.forEach((value) -> encoded.add(BsonValues.encode(model, field, value)));
		return new Document(name, new Document("$in", encoded));
	}

	private static Document range(String model, FieldDefinition field, String name, Operator operator,
			@Nullable Object value) {
		if (field.kind() == FieldKind.DECIMAL) {
			BigDecimal decimal = (BigDecimal) value;
			return switch (operator) {
				case GT -> new Document(name, new Document("$gte", DecimalKey.above(decimal)));
				case GTE -> new Document(name, new Document("$gte", DecimalKey.lowest(decimal)));
				case LT -> new Document(name, new Document("$lt", DecimalKey.lowest(decimal)));
				default -> new Document(name, new Document("$lt", DecimalKey.above(decimal)));
			};
		}
		String mongoOperator = switch (operator) {
			case GT -> "$gt";
			case GTE -> "$gte";
			case LT -> "$lt";
			default -> "$lte";
		};
		return new Document(name, new Document(mongoOperator, BsonValues.encode(model, field, value)));
	}

	private static Document regex(String name, String pattern) {
		return new Document(name, new Document("$regex", pattern));
	}

	/** The value as a pattern that matches exactly its characters, in PCRE and in Java regexes alike. */
	static String quote(String value) {
		StringBuilder quoted = new StringBuilder(value.length() + 8);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 128 && !Character.isLetterOrDigit(c) && c != ' ' && c != '_') {
				quoted.append('\\');
			}
			quoted.append(c);
		}
		return quoted.toString();
	}

}
