package dev.farminglabs.orm.redis.internal;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.capability.NumericIds;
import dev.farminglabs.orm.capability.Returning;
import dev.farminglabs.orm.capability.ReturningMode;
import dev.farminglabs.orm.capability.TextComparison;
import dev.farminglabs.orm.capability.TextMatching;
import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.Arithmetic;
import dev.farminglabs.orm.spi.Criteria;
import dev.farminglabs.orm.spi.CriteriaEvaluator;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.PinnedKey;
import dev.farminglabs.orm.spi.ReadQuery;
import dev.farminglabs.orm.spi.RowPipeline;
import dev.farminglabs.orm.spi.SchemaManager;
import dev.farminglabs.orm.spi.ValueText;
import org.jspecify.annotations.Nullable;

/**
 * The Redis driver. Reads: a where that pins a unique key is one script call through the record or lock key; any
 * other where runs the SPI's {@link RowPipeline} over the model's rows, read in id order a page per round trip.
 * Writes: every create, update, upsert and delete is one call of {@link RedisScript#WRITE}, which checks the versions
 * of the rows read and the unique locks wanted before it changes records, locks and id index together; a version that
 * moved in between makes the driver read again and retry. No transactions, no foreign keys.
 */
public final class RedisDriver implements Driver {

	/** What Redis offers through this driver. */
	public static final Capabilities CAPABILITIES = Capabilities.builder()
		.numericIds(NumericIds.GENERATED)
		.supportsJson(false)
		.supportsDates(false)
		.supportsBooleans(false)
		.supportsTransactions(false)
		.supportsSchemaNamespaces(false)
		.supportsTransactionalDdl(false)
		.supportsJoin(false)
		.nativeRelationLoading(false)
		.nativeRelations(NativeRelations.none())
		.textComparison(TextComparison.CASE_SENSITIVE)
		.textMatching(TextMatching.CASE_SENSITIVE)
		.upsert(UpsertSupport.EMULATED)
		.returning(Returning.all())
		.returningMode(ReturningMode.RECONSTRUCTED)
		.datetimePrecision(ChronoUnit.MICROS)
		.maxBatchSize(1000)
		.supportsForeignKeys(false)
		.supportsLockingReads(false)
		.supportsAtomicUpdates(true)
		.supportsIsolationLevels(false)
		.maxAtomicWrites(10_000)
		.readBatchSize(500)
		.nativeExpiry(true)
		.build();

	/** Rows read per round trip when scanning a model. */
	static final int PAGE_SIZE = 500;

	/** How often a compare-and-set write is retried after another client changed its rows. */
	static final int MAX_ATTEMPTS = 200;

	private final RedisConnector connector;

	private final String prefix;

	private final DriverHandle handle;

	private final ValueText codec;

	private final Map<ModelDefinition, RedisModel> models = new ConcurrentHashMap<>();

	private final RedisSchemaManager schemaManager;

	public RedisDriver(RedisConnector connector, String prefix, DriverHandle handle) {
		this.connector = connector;
		this.prefix = prefix;
		this.handle = handle;
		this.codec = ValueText.of(handle.capabilities().datetimePrecision());
		this.schemaManager = new RedisSchemaManager(this);
	}

	@Override
	public DriverHandle handle() {
		return this.handle;
	}

	RedisConnector connector() {
		return this.connector;
	}

	ValueText codec() {
		return this.codec;
	}

	RedisModel layout(ModelDefinition model) {
		return this.models.computeIfAbsent(model, (m) -> new RedisModel(this.prefix, m, this.codec));
	}

	// ---- reads

	@Override
	public List<Map<String, @Nullable Object>> find(ModelDefinition model, ReadQuery query) {
		RedisModel layout = layout(model);
		Optional<PinnedKey> pinned = PinnedKey.of(model, query.where());
		if (pinned.isPresent()) {
			RedisModel.Stored stored = lookup(layout, pinned.get());
			return RowPipeline.read((stored != null) ? List.of(stored.row()) : List.of(), query);
		}
		List<RedisModel.Stored> listed = listedKeys(layout, query.where());
		if (listed != null) {
			return RowPipeline.read(listed.stream().map(RedisModel.Stored::row).toList(), query);
		}
		return RowPipeline.read(() -> rows(layout), query);
	}

	/**
	 * The rows a where names by a list of keys ({@code id in [...]} or {@code uniqueField in [...]}, alone or ANDed
	 * with other conditions, as relation loading asks), read through their record or lock keys, {@code readBatchSize}
	 * keys per round trip; {@code null} when the where names no such list. The caller still applies the whole where.
	 */
	private @Nullable List<RedisModel.Stored> listedKeys(RedisModel layout, Criteria where) {
		Criteria.Compare list = null;
		List<Criteria> required = (where instanceof Criteria.And and) ? and.criteria() : List.of(where);
		for (Criteria criteria : required) {
			if (criteria instanceof Criteria.Compare compare && compare.operator() == Operator.IN
					&& keyOf(layout, compare) != null) {
				list = compare;
				break;
			}
		}
		if (list == null) {
			return null;
		}
		UniqueConstraint key = keyOf(layout, list);
		if (!key.primaryKey() && ((List<?>) list.value()).stream().anyMatch(java.util.Objects::isNull)) {
			return null; // rows holding null take no lock: scan for them
		}
		List<byte[]> targets = new ArrayList<>();
		for (Object value : new java.util.LinkedHashSet<>((List<?>) list.value())) {
			if (value != null) {
				byte[] target = key.primaryKey() ? layout.recordKey(value)
						: layout.lockKey(key, java.util.Collections.singletonMap(list.field().name(), value));
				if (target != null) {
					targets.add(target);
				}
			}
		}
		List<RedisModel.Stored> found = new ArrayList<>();
		int batch = this.handle.capabilities().readBatchSize();
		for (int from = 0; from < targets.size() || from == 0; from += batch) {
			List<byte[]> part = targets.subList(Math.min(from, targets.size()), Math.min(targets.size(), from + batch));
			byte[][] keysAndArgs = new byte[part.size() + 3][];
			keysAndArgs[0] = layout.schemaKey;
			for (int i = 0; i < part.size(); i++) {
				keysAndArgs[i + 1] = part.get(i);
			}
			keysAndArgs[part.size() + 1] = layout.recordPrefixBytes;
			keysAndArgs[part.size() + 2] = RedisModel.bytes(key.primaryKey() ? "r" : "u");
			List<Object> reply = this.connector.eval(RedisScript.LOOKUP, keysAndArgs, part.size() + 1,
					layout.model.name());
			requirePresent(layout, reply);
			for (int i = 1; i < reply.size(); i++) {
				RedisModel.Stored stored = layout.decode(reply.get(i));
				if (stored != null) {
					found.add(stored);
				}
			}
		}
		return found;
	}

	/** The single-field unique key (the id included) a comparison is on, or {@code null}. */
	private static @Nullable UniqueConstraint keyOf(RedisModel layout, Criteria.Compare compare) {
		for (UniqueConstraint key : layout.model.uniqueConstraints()) {
			if (key.fields().size() == 1 && key.fields().get(0).equals(compare.field().name())) {
				return key;
			}
		}
		return null;
	}

	@Override
	public Stream<Map<String, @Nullable Object>> stream(ModelDefinition model, ReadQuery query) {
		RedisModel layout = layout(model);
		if (PinnedKey.of(model, query.where()).isPresent()) {
			return find(model, query).stream();
		}
		Stream<Map<String, @Nullable Object>> rows = StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(rows(layout), Spliterator.ORDERED | Spliterator.NONNULL), false);
		return RowPipeline.stream(rows, query);
	}

	@Override
	public long count(ModelDefinition model, Criteria where) {
		RedisModel layout = layout(model);
		Optional<PinnedKey> pinned = PinnedKey.of(model, where);
		if (pinned.isPresent()) {
			RedisModel.Stored stored = lookup(layout, pinned.get());
			return (stored != null && CriteriaEvaluator.matches(pinned.get().remaining(), stored.row())) ? 1 : 0;
		}
		if (where.matchesAll() && layout.expiry == null) {
			List<Object> reply = this.connector.eval(RedisScript.COUNT,
					new byte[][] { layout.schemaKey, layout.idsKey }, 2, model.name());
			requirePresent(layout, reply);
			return (Long) reply.get(1);
		}
		List<RedisModel.Stored> listed = listedKeys(layout, where);
		if (listed != null) {
			return RowPipeline.count(listed.stream().map(RedisModel.Stored::row).toList(), where);
		}
		return RowPipeline.count(() -> rows(layout), where);
	}

	/** The row a pinned key names, or {@code null}; one round trip. */
	private RedisModel.@Nullable Stored lookup(RedisModel layout, PinnedKey pinned) {
		UniqueConstraint key = pinned.key();
		byte[] target;
		String mode;
		if (key.primaryKey()) {
			target = layout.recordKey(pinned.values().get(layout.id.name()));
			mode = "r";
		}
		else {
			target = layout.lockKey(key, new LinkedHashMap<>(pinned.values()));
			mode = "u";
		}
		if (target == null) {
			return null;
		}
		List<Object> reply = this.connector.eval(RedisScript.LOOKUP,
				new byte[][] { layout.schemaKey, target, layout.recordPrefixBytes, RedisModel.bytes(mode) }, 2,
				layout.model.name());
		requirePresent(layout, reply);
		return layout.decode(reply.get(1));
	}

	/** The stored rows matching a where, in id order. */
	private List<RedisModel.Stored> matching(RedisModel layout, Criteria where) {
		Optional<PinnedKey> pinned = PinnedKey.of(layout.model, where);
		if (pinned.isPresent()) {
			RedisModel.Stored stored = lookup(layout, pinned.get());
			return (stored != null && CriteriaEvaluator.matches(pinned.get().remaining(), stored.row()))
					? List.of(stored) : List.of();
		}
		List<RedisModel.Stored> listed = listedKeys(layout, where);
		if (listed != null) {
			listed.sort(java.util.Comparator.comparing((RedisModel.Stored stored) -> stored.row(),
					dev.farminglabs.orm.spi.ValueOrder.rows(List.of(new dev.farminglabs.orm.spi.Sort(layout.id,
							dev.farminglabs.orm.query.SortDirection.ASC)))));
			return listed.stream().filter((stored) -> CriteriaEvaluator.matches(where, stored.row())).toList();
		}
		List<RedisModel.Stored> matched = new ArrayList<>();
		Iterator<RedisModel.Stored> all = stored(layout);
		while (all.hasNext()) {
			RedisModel.Stored next = all.next();
			if (CriteriaEvaluator.matches(where, next.row())) {
				matched.add(next);
			}
		}
		return matched;
	}

	private RedisModel.@Nullable Stored firstMatch(RedisModel layout, Criteria where) {
		Optional<PinnedKey> pinned = PinnedKey.of(layout.model, where);
		if (pinned.isPresent()) {
			List<RedisModel.Stored> one = matching(layout, where);
			return one.isEmpty() ? null : one.get(0);
		}
		Iterator<RedisModel.Stored> all = stored(layout);
		while (all.hasNext()) {
			RedisModel.Stored next = all.next();
			if (CriteriaEvaluator.matches(where, next.row())) {
				return next;
			}
		}
		return null;
	}

	private Iterator<Map<String, @Nullable Object>> rows(RedisModel layout) {
		Iterator<RedisModel.Stored> stored = stored(layout);
		return new Iterator<>() {
			@Override
			public boolean hasNext() {
				return stored.hasNext();
			}

			@Override
			public Map<String, @Nullable Object> next() {
				return stored.next().row();
			}
		};
	}

	/** Every row of a model in id order, read lazily a page per round trip. */
	private Iterator<RedisModel.Stored> stored(RedisModel layout) {
		return new Iterator<>() {
			private final List<RedisModel.Stored> page = new ArrayList<>();

			private int next;

			private String after = "";

			private boolean last;

			@Override
			public boolean hasNext() {
				while (this.next >= this.page.size() && !this.last) {
					fetch();
				}
				return this.next < this.page.size();
			}

			@Override
			public RedisModel.Stored next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.page.get(this.next++);
			}

			private void fetch() {
				List<Object> reply = RedisDriver.this.connector.eval(RedisScript.PAGE,
						new byte[][] { layout.schemaKey, layout.idsKey, layout.recordPrefixBytes,
								RedisModel.bytes(layout.integerIds ? "n" : "s"), RedisModel.bytes(this.after),
								RedisModel.bytes(Integer.toString(PAGE_SIZE)) },
						2, layout.model.name());
				requirePresent(layout, reply);
				this.page.clear();
				this.next = 0;
				this.after = RedisModel.text(reply.get(1));
				for (int i = 2; i < reply.size(); i++) {
					RedisModel.Stored row = layout.decode(reply.get(i));
					if (row != null) {
						this.page.add(row);
					}
				}
				this.last = this.after.isEmpty();
			}
		};
	}

	// ---- writes

	@Override
	public Map<String, @Nullable Object> insert(ModelDefinition model, Map<String, @Nullable Object> row) {
		return insertAll(model, List.of(row)).get(0);
	}

	@Override
	public List<Map<String, @Nullable Object>> insertAll(ModelDefinition model,
			List<Map<String, @Nullable Object>> rows) {
		RedisModel layout = layout(model);
		RedisWrite write = new RedisWrite(layout);
		rows.forEach(write::create);
		Outcome outcome = run(layout, write);
		if (!outcome.ok()) {
			throw outcome.violation(layout, rows);
		}
		List<Map<String, @Nullable Object>> stored = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			Map<String, @Nullable Object> row = new LinkedHashMap<>(rows.get(i));
			row.put(layout.id.name(), this.codec.decode(layout.id, outcome.values().get(i)));
			stored.add(row);
		}
		return stored;
	}

	@Override
	public Optional<Map<String, @Nullable Object>> updateFirst(ModelDefinition model, Criteria where,
			Map<String, @Nullable Object> changes) {
		RedisModel layout = layout(model);
		return retrying(layout, () -> {
			RedisModel.Stored current = firstMatch(layout, where);
			if (current == null) {
				return Optional.of(Optional.empty());
			}
			Map<String, @Nullable Object> changed = changed(layout, current, changes);
			RedisWrite write = new RedisWrite(layout);
			write.update(current, changed);
			return attempt(layout, write, List.of(changed), Optional.of(changed));
		});
	}

	@Override
	public long updateAll(ModelDefinition model, Criteria where, Map<String, @Nullable Object> changes) {
		RedisModel layout = layout(model);
		return retrying(layout, () -> {
			List<RedisModel.Stored> rows = matching(layout, where);
			if (rows.isEmpty()) {
				return Optional.of(0L);
			}
			RedisWrite write = new RedisWrite(layout);
			List<Map<String, @Nullable Object>> changed = new ArrayList<>(rows.size());
			for (RedisModel.Stored row : rows) {
				Map<String, @Nullable Object> next = changed(layout, row, changes);
				changed.add(next);
				write.update(row, next);
			}
			return attempt(layout, write, changed, (long) rows.size());
		});
	}

	@Override
	public Map<String, @Nullable Object> upsert(ModelDefinition model, UniqueConstraint key,
			Map<String, @Nullable Object> create, Map<String, @Nullable Object> changes) {
		RedisModel layout = layout(model);
		Map<String, Object> keyValues = new LinkedHashMap<>();
		for (String field : key.fields()) {
			keyValues.put(field, create.get(field));
		}
		PinnedKey pinned = new PinnedKey(key, keyValues, Criteria.ALL);
		return retrying(layout, () -> {
			RedisModel.Stored current = lookup(layout, pinned);
			if (current != null) {
				if (changes.isEmpty()) {
					return Optional.of(current.row());
				}
				Map<String, @Nullable Object> changed = changed(layout, current, changes);
				RedisWrite write = new RedisWrite(layout);
				write.update(current, changed);
				return attempt(layout, write, List.of(changed), changed);
			}
			RedisWrite write = new RedisWrite(layout);
			write.create(create);
			Outcome outcome = run(layout, write);
			if (outcome.ok()) {
				Map<String, @Nullable Object> row = new LinkedHashMap<>(create);
				row.put(layout.id.name(), this.codec.decode(layout.id, outcome.values().get(0)));
				return Optional.of(row);
			}
			boolean sameKey = (outcome.status().equals("unique") && outcome.values().get(0).equals(key.name()))
					|| (outcome.status().equals("exists") && key.primaryKey());
			if (sameKey) {
				return Optional.empty();
			}
			throw outcome.violation(layout, List.of(create));
		});
	}

	@Override
	public Optional<Map<String, @Nullable Object>> deleteFirst(ModelDefinition model, Criteria where) {
		RedisModel layout = layout(model);
		return retrying(layout, () -> {
			RedisModel.Stored current = firstMatch(layout, where);
			if (current == null) {
				return Optional.of(Optional.empty());
			}
			RedisWrite write = new RedisWrite(layout);
			write.delete(current);
			return attempt(layout, write, List.of(current.row()), Optional.of(current.row()));
		});
	}

	@Override
	public long deleteAll(ModelDefinition model, Criteria where) {
		RedisModel layout = layout(model);
		return retrying(layout, () -> {
			List<RedisModel.Stored> rows = matching(layout, where);
			if (rows.isEmpty()) {
				return Optional.of(0L);
			}
			RedisWrite write = new RedisWrite(layout);
			rows.forEach(write::delete);
			return attempt(layout, write, rows.stream().map(RedisModel.Stored::row).toList(), (long) rows.size());
		});
	}

	@Override
	public <R> R transaction(Function<Driver, R> work) {
		throw OrmException.unsupported(null,
				"Redis has no transactions here (capabilities: supportsTransactions=false); every single write is atomic");
	}

	@Override
	public SchemaManager schemaManager() {
		return this.schemaManager;
	}

	/**
	 * The row after the changes; an {@link Arithmetic} applies to the value read, which is the value at the write: the
	 * compare-and-set that follows fails if the row's version moved in between.
	 */
	private static Map<String, @Nullable Object> changed(RedisModel layout, RedisModel.Stored current,
			Map<String, @Nullable Object> changes) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>(current.row());
		for (Map.Entry<String, @Nullable Object> change : changes.entrySet()) {
			Object value = change.getValue();
			row.put(change.getKey(), (value instanceof Arithmetic arithmetic)
					? arithmetic.applyTo(layout.model, layout.model.field(change.getKey()), row.get(change.getKey()))
					: value);
		}
		return row;
	}

	/** Runs a compare-and-set write: the result when it applied, empty when a version moved (read again). */
	private <T> Optional<T> attempt(RedisModel layout, RedisWrite write, List<Map<String, @Nullable Object>> rows,
			T result) {
		Outcome outcome = run(layout, write);
		if (outcome.ok()) {
			return Optional.of(result);
		}
		if (outcome.status().equals("conflict")) {
			return Optional.empty();
		}
		throw outcome.violation(layout, rows);
	}

	private <T> T retrying(RedisModel layout, java.util.function.Supplier<Optional<T>> attempt) {
		for (int i = 0; i < MAX_ATTEMPTS; i++) {
			Optional<T> done = attempt.get();
			if (done.isPresent()) {
				return done.get();
			}
			if (i > 8) {
				Thread.onSpinWait();
			}
		}
		throw OrmException.builder(OrmErrorCode.TRANSACTION_CONFLICT, "Model '" + layout.model.name()
				+ "': rows kept changing under a write; gave up after " + MAX_ATTEMPTS + " attempts")
			.backend(RedisErrors.KIND, RedisErrors.KIND)
			.model(layout.model.name())
			.retryable(true)
			.build();
	}

	private Outcome run(RedisModel layout, RedisWrite write) {
		List<Object> reply = this.connector.eval(RedisScript.WRITE, write.keysAndArgs(), write.keyCount(),
				layout.model.name());
		requirePresent(layout, reply);
		List<String> values = new ArrayList<>(reply.size() - 1);
		for (int i = 1; i < reply.size(); i++) {
			values.add(RedisModel.text(reply.get(i)));
		}
		return new Outcome(RedisModel.text(reply.get(0)), values);
	}

	private static void requirePresent(RedisModel layout, List<Object> reply) {
		if (!reply.isEmpty() && "missing".equals(RedisModel.text(reply.get(0)))) {
			throw OrmException.builder(OrmErrorCode.MISSING_TABLE, "Model '" + layout.model.name() + "': table '"
					+ layout.model.qualifiedTable() + "' does not exist under " + layout.tag
					+ "; push the schema first (SchemaSetup.pushSchema)")
				.backend(RedisErrors.KIND, RedisErrors.KIND)
				.model(layout.model.name())
				.build();
		}
	}

	/** What the write script answered. */
	private record Outcome(String status, List<String> values) {

		boolean ok() {
			return this.status.equals("ok");
		}

		OrmException violation(RedisModel layout, List<Map<String, @Nullable Object>> rows) {
			ModelDefinition model = layout.model;
			UniqueConstraint key;
			int op;
			if (this.status.equals("unique")) {
				key = model.uniqueConstraints()
					.stream()
					.filter((candidate) -> candidate.name().equals(this.values.get(0)))
					.findFirst()
					.orElseThrow();
				op = Integer.parseInt(this.values.get(1)) - 1;
			}
			else if (this.status.equals("exists")) {
				key = model.uniqueConstraints().stream().filter(UniqueConstraint::primaryKey).findFirst().orElseThrow();
				op = Integer.parseInt(this.values.get(0)) - 1;
			}
			else {
				throw new IllegalStateException("Unexpected reply of the write script: " + this.status + " "
						+ this.values);
			}
			Map<String, @Nullable Object> row = rows.get(Math.min(op, rows.size() - 1));
			StringBuilder described = new StringBuilder();
			for (String field : key.fields()) {
				if (described.length() > 0) {
					described.append(", ");
				}
				described.append(field).append(" = ").append(row.get(field));
			}
			return OrmException.builder(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION, "Model '" + model.name()
					+ "': a row with " + described + " already exists (unique key '" + key.keyName() + "')")
				.backend(RedisErrors.KIND, RedisErrors.KIND)
				.model(model.name())
				.constraint(key.name())
				.target(key.fields())
				.build();
		}

	}

	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
