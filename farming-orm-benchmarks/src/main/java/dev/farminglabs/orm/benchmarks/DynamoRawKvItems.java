package dev.farminglabs.orm.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code kvItem} operations written by hand on the AWS SDK's {@code DynamoDbClient}, doing the requests the
 * farming-orm driver does on an endpoint without transactions, on the same tables and items: a lookup by
 * {@code (namespace, key)} reads the lock item, then the record (both strongly consistent); a create puts the lock
 * item on condition that it is free, then the record on condition that its id is free (freeing the lock if that
 * fails); an update reads as a lookup does and puts the record back on condition of the version read, reading again
 * when it moved; a page is a filtered consistent scan of every page, sorted by key. Every item read is decoded to a
 * {@link KvItem} with its JSON value as a Jackson tree, as the driver hands the ORM its rows.
 */
final class DynamoRawKvItems implements KvItemStore {

	private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String LOCK = "lock";

	private static final String OWNER = "id";

	private static final String LOCK_TOKEN = "t";

	private static final String VERSION = ":v";

	private static final String TOKEN = ":t";

	private final DynamoDbClient client;

	private final String table;

	private final String lockTable;

	private final String qualifiedTable;

	DynamoRawKvItems(DynamoDbClient client, String prefix, String table) {
		this.client = client;
		this.table = prefix + table;
		this.lockTable = prefix + "farming_orm_locks";
		this.qualifiedTable = table;
	}

	@Override
	public Optional<KvItem> findUnique(String namespace, String key) {
		Map<String, AttributeValue> item = findItem(namespace, key);
		return (item != null) ? Optional.of(decode(item)) : Optional.empty();
	}

	@Override
	public KvItem create(String namespace, String key, JsonNode value) {
		String id = UUID.randomUUID().toString();
		String token = UUID.randomUUID().toString();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		String lock = lockName(namespace, key);
		this.client.putItem((put) -> put.tableName(this.lockTable)
			.item(Map.of(LOCK, s(lock), OWNER, s(id), LOCK_TOKEN, s(token), "model", s(this.qualifiedTable)))
			.conditionExpression("attribute_not_exists(#l)")
			.expressionAttributeNames(Map.of("#l", LOCK)));
		Map<String, AttributeValue> item = new HashMap<>();
		item.put("id", s(id));
		item.put("namespace", s(namespace));
		item.put("key", s(key));
		item.put("value", attribute(value));
		item.put("version", AttributeValue.fromN("1"));
		item.put("updatedAt", s(MICROS.format(now)));
		item.put(VERSION, AttributeValue.fromN("1"));
		item.put(TOKEN, s(token));
		try {
			this.client.putItem((put) -> put.tableName(this.table)
				.item(item)
				.conditionExpression("attribute_not_exists(#id)")
				.expressionAttributeNames(Map.of("#id", "id")));
		}
		catch (ConditionalCheckFailedException ex) {
			this.client.deleteItem((delete) -> delete.tableName(this.lockTable)
				.key(Map.of(LOCK, s(lock)))
				.conditionExpression("attribute_not_exists(#l) OR #t = :t")
				.expressionAttributeNames(Map.of("#l", LOCK, "#t", LOCK_TOKEN))
				.expressionAttributeValues(Map.of(":t", s(token))));
			throw ex;
		}
		return new KvItem(id, namespace, key, value, 1, now);
	}

	@Override
	public Optional<KvItem> update(String namespace, String key, JsonNode value, Instant updatedAt) {
		String at = MICROS.format(updatedAt);
		while (true) {
			Map<String, AttributeValue> current = findItem(namespace, key);
			if (current == null) {
				return Optional.empty();
			}
			String version = current.get(VERSION).n();
			Map<String, AttributeValue> next = new HashMap<>(current);
			next.put("value", attribute(value));
			next.put("updatedAt", s(at));
			next.put(VERSION, AttributeValue.fromN(Long.toString(Long.parseLong(version) + 1)));
			try {
				this.client.putItem((put) -> put.tableName(this.table)
					.item(next)
					.conditionExpression("#v = :v")
					.expressionAttributeNames(Map.of("#v", VERSION))
					.expressionAttributeValues(Map.of(":v", AttributeValue.fromN(version))));
				return Optional.of(decode(next));
			}
			catch (ConditionalCheckFailedException ex) {
				// Another writer moved the version in between: read it again.
			}
		}
	}

	@Override
	public List<KvItem> findPage(String namespace, int take) {
		List<KvItem> matched = new ArrayList<>();
		Map<String, AttributeValue> after = null;
		do {
			ScanRequest.Builder request = ScanRequest.builder()
				.tableName(this.table)
				.consistentRead(true)
				.filterExpression("#ns = :ns")
				.expressionAttributeNames(Map.of("#ns", "namespace"))
				.expressionAttributeValues(Map.of(":ns", s(namespace)));
			if (after != null) {
				request.exclusiveStartKey(after);
			}
			ScanResponse page = this.client.scan(request.build());
			page.items().forEach((item) -> matched.add(decode(item)));
			after = (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) ? page.lastEvaluatedKey() : null;
		}
		while (after != null);
		matched.sort(Comparator.comparing(KvItem::key).thenComparing(KvItem::id));
		return List.copyOf(matched.subList(0, Math.min(take, matched.size())));
	}

	/** The record a key names through its lock item, or {@code null}. */
	private @Nullable Map<String, AttributeValue> findItem(String namespace, String key) {
		GetItemResponse lock = this.client.getItem((get) -> get.tableName(this.lockTable)
			.key(Map.of(LOCK, s(lockName(namespace, key))))
			.consistentRead(true));
		if (!lock.hasItem() || !lock.item().containsKey(OWNER)) {
			return null;
		}
		GetItemResponse record = this.client.getItem((get) -> get.tableName(this.table)
			.key(Map.of("id", lock.item().get(OWNER)))
			.consistentRead(true));
		if (!record.hasItem()) {
			return null;
		}
		Map<String, AttributeValue> item = record.item();
		// A lock read while its row moves may name a row that no longer holds these values.
		boolean same = namespace.equals(item.get("namespace").s()) && key.equals(item.get("key").s());
		return same ? item : null;
	}

	/** The lock item's name, as the driver spells it; the benchmark's namespaces and keys need no escaping. */
	private String lockName(String namespace, String key) {
		return this.qualifiedTable + ":namespace,key:'" + namespace + ":'" + key;
	}

	private static KvItem decode(Map<String, AttributeValue> item) {
		return new KvItem(item.get("id").s(), item.get("namespace").s(), item.get("key").s(), json(item.get("value")),
				Long.parseLong(item.get("version").n()), Instant.parse(item.get("updatedAt").s()));
	}

	private static AttributeValue s(String text) {
		return AttributeValue.fromS(text);
	}

	private static AttributeValue attribute(JsonNode node) {
		if (node.isObject()) {
			Map<String, AttributeValue> map = new HashMap<>();
			for (String name : node.propertyNames()) {
				map.put(name, attribute(node.get(name)));
			}
			return AttributeValue.fromM(map);
		}
		if (node.isArray()) {
			List<AttributeValue> list = new ArrayList<>(node.size());
			node.forEach((element) -> list.add(attribute(element)));
			return AttributeValue.fromL(list);
		}
		if (node.isNumber()) {
			return AttributeValue.fromN(node.isIntegralNumber() ? node.bigIntegerValue().toString()
					: node.decimalValue().toPlainString());
		}
		if (node.isBoolean()) {
			return AttributeValue.fromBool(node.booleanValue());
		}
		if (node.isNull()) {
			return AttributeValue.fromNul(true);
		}
		return AttributeValue.fromS(node.stringValue());
	}

	private static JsonNode json(AttributeValue value) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		if (value.hasM()) {
			ObjectNode object = nodes.objectNode();
			value.m().forEach((name, element) -> object.set(name, json(element)));
			return object;
		}
		if (value.hasL()) {
			var array = nodes.arrayNode();
			value.l().forEach((element) -> array.add(json(element)));
			return array;
		}
		if (value.n() != null) {
			String number = value.n();
			boolean integral = number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0;
			if (integral && number.length() < 19) {
				// The smallest integral node that holds it, as the ORM's canonical JSON has it.
				long whole = Long.parseLong(number);
				return (whole == (int) whole) ? nodes.numberNode((int) whole) : nodes.numberNode(whole);
			}
			return nodes.numberNode(new BigDecimal(number));
		}
		if (value.bool() != null) {
			return nodes.booleanNode(value.bool());
		}
		if (Boolean.TRUE.equals(value.nul())) {
			return nodes.nullNode();
		}
		return nodes.stringNode(value.s());
	}

}
