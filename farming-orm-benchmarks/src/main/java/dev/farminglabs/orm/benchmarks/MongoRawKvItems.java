package dev.farminglabs.orm.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The {@code kvItem} operations written by hand on a {@code MongoTemplate}, on the collection and document layout
 * the farming-orm driver uses ({@code _id}, the JSON value as an embedded document, a BSON date): a lookup by
 * {@code (namespace, key)}, a page sorted by key, an insert, and a {@code findAndModify} returning the new document.
 * Every document read is decoded to a {@link KvItem} with its value as a Jackson tree, as the ORM returns it.
 */
final class MongoRawKvItems implements KvItemStore {

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private final MongoTemplate template;

	private final String collection;

	MongoRawKvItems(MongoTemplate template, String collection) {
		this.template = template;
		this.collection = collection;
	}

	@Override
	public Optional<KvItem> findUnique(String namespace, String key) {
		return Optional.ofNullable(this.template.findOne(byKey(namespace, key), Document.class, this.collection))
			.map(MongoRawKvItems::decode);
	}

	@Override
	public List<KvItem> findPage(String namespace, int take) {
		Query page = new Query(Criteria.where("namespace").is(namespace)).with(Sort.by("key", "_id")).limit(take);
		List<Document> documents = this.template.find(page, Document.class, this.collection);
		List<KvItem> items = new ArrayList<>(documents.size());
		documents.forEach((document) -> items.add(decode(document)));
		return items;
	}

	@Override
	public KvItem create(String namespace, String key, JsonNode value) {
		String id = UUID.randomUUID().toString();
		// BSON dates hold milliseconds.
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Document document = new Document("_id", id).append("namespace", namespace)
			.append("key", key)
			.append("value", bson(value))
			.append("version", 1L)
			.append("updatedAt", Date.from(now));
		this.template.insert(document, this.collection);
		return new KvItem(id, namespace, key, value, 1, now);
	}

	@Override
	public Optional<KvItem> update(String namespace, String key, JsonNode value, Instant updatedAt) {
		Update update = new Update().set("value", bson(value)).set("updatedAt", Date.from(updatedAt));
		return Optional
			.ofNullable(this.template.findAndModify(byKey(namespace, key), update, RETURN_NEW, Document.class,
					this.collection))
			.map(MongoRawKvItems::decode);
	}

	private static Query byKey(String namespace, String key) {
		return new Query(Criteria.where("namespace").is(namespace).and("key").is(key));
	}

	private static KvItem decode(Document document) {
		return new KvItem(document.getString("_id"), document.getString("namespace"), document.getString("key"),
				json(document.get("value")), ((Number) document.get("version")).longValue(),
				document.getDate("updatedAt").toInstant());
	}

	/** A JSON value as BSON; the benchmark's object keys need none of the driver's escaping. */
	private static @Nullable Object bson(JsonNode node) {
		if (node.isObject()) {
			Document document = new Document();
			node.properties().forEach((property) -> document.put(property.getKey(), bson(property.getValue())));
			return document;
		}
		if (node.isArray()) {
			List<@Nullable Object> list = new ArrayList<>(node.size());
			node.forEach((element) -> list.add(bson(element)));
			return list;
		}
		if (node.isInt() || node.isLong()) {
			return node.numberValue();
		}
		if (node.isNumber()) {
			return new Decimal128(node.decimalValue());
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return node.isNull() ? null : node.stringValue();
	}

	private static JsonNode json(@Nullable Object value) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		if (value instanceof Map<?, ?> map) {
			ObjectNode object = nodes.objectNode();
			map.forEach((name, element) -> object.set((String) name, json(element)));
			return object;
		}
		if (value instanceof List<?> list) {
			ArrayNode array = nodes.arrayNode();
			list.forEach((element) -> array.add(json(element)));
			return array;
		}
		if (value instanceof Integer number) {
			return nodes.numberNode(number);
		}
		if (value instanceof Long number) {
			// The smallest integral node that holds it, as the ORM's canonical JSON has it.
			return (number == number.intValue()) ? nodes.numberNode(number.intValue()) : nodes.numberNode(number);
		}
		if (value instanceof Decimal128 number) {
			return nodes.numberNode(number.bigDecimalValue());
		}
		if (value instanceof Double number) {
			return nodes.numberNode(BigDecimal.valueOf(number));
		}
		if (value instanceof Boolean bool) {
			return nodes.booleanNode(bool);
		}
		return (value == null) ? nodes.nullNode() : nodes.stringNode(value.toString());
	}

}
