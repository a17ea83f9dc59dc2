package dev.farminglabs.orm.benchmarks;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.InsertValuesStep6;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import tools.jackson.databind.JsonNode;

/**
 * jOOQ's DSL without generated code, as a service on a {@code DSLContext} would write it: the table and fields named
 * by hand (qualified, as generated code names them: jOOQ 3.19's H2 {@code MERGE} for {@code onConflict} needs it), Jackson trees and {@code Instant}s through jOOQ converters, rows mapped to the same {@link CacheEntry}
 * record with {@code Records.mapping}, only live rows read, counted and updated (a {@link Condition} that
 * {@code expiresAt} is null or after the current instant, bound per call, as farming-orm adds for the model's expiry
 * field), the written row back by {@code RETURNING} where the database has it (else a read by key),
 * {@code onConflict().doUpdate()} for the upsert (without the live condition: its conflict path only meets seeded
 * rows, which never expire), and {@code createMany} as one multi-row insert in a transaction.
 */
public class JooqSide extends Workload {

	private static final Table<Record> TABLE = DSL.table(DSL.name("cache_entries"));

	private static final Field<String> ID = DSL.field(DSL.name("cache_entries", "id"), SQLDataType.VARCHAR);

	private static final Field<String> NAMESPACE = DSL.field(DSL.name("cache_entries", "namespace"),
			SQLDataType.VARCHAR);

	private static final Field<String> KEY = DSL.field(DSL.name("cache_entries", "key"), SQLDataType.VARCHAR);

	private DSLContext dsl;

	private Field<JsonNode> value;

	private Field<Instant> expiresAt;

	private Field<Instant> updatedAt;

	@Override
	void connect() {
		SQLDialect dialect = switch (this.backend) {
			case H2 -> SQLDialect.H2;
			case POSTGRESQL -> SQLDialect.POSTGRES;
			case MARIADB -> SQLDialect.MARIADB;
		};
		this.dsl = DSL.using(this.dataSource, dialect, new Settings().withExecuteLogging(false));
		DataType<JsonNode> json = (this.backend == BenchmarkDatabase.POSTGRESQL)
				? SQLDataType.JSONB.asConvertedDataType(Converter.ofNullable(JSONB.class, JsonNode.class,
						(text) -> JSON.readTree(text.data()), (tree) -> JSONB.valueOf(JSON.writeValueAsString(tree))))
				: SQLDataType.JSON.asConvertedDataType(Converter.ofNullable(org.jooq.JSON.class, JsonNode.class,
						(text) -> JSON.readTree(text.data()),
						(tree) -> org.jooq.JSON.valueOf(JSON.writeValueAsString(tree))));
		DataType<Instant> instant = (this.backend == BenchmarkDatabase.MARIADB)
				? SQLDataType.LOCALDATETIME(6).asConvertedDataType(Converter.ofNullable(LocalDateTime.class,
						Instant.class, (utc) -> utc.toInstant(ZoneOffset.UTC),
						(at) -> LocalDateTime.ofInstant(at, ZoneOffset.UTC)))
				: SQLDataType.TIMESTAMPWITHTIMEZONE(6).asConvertedDataType(Converter.ofNullable(OffsetDateTime.class,
						Instant.class, OffsetDateTime::toInstant, (at) -> at.atOffset(ZoneOffset.UTC)));
		this.value = DSL.field(DSL.name("cache_entries", "value"), json);
		this.expiresAt = DSL.field(DSL.name("cache_entries", "expiresAt"), instant);
		this.updatedAt = DSL.field(DSL.name("cache_entries", "updatedAt"), instant);
	}

	@Override
	public Object findUnique(String key) {
		return this.dsl.select(ID, NAMESPACE, KEY, this.value, this.expiresAt, this.updatedAt)
			.from(TABLE)
			.where(byKey(key).and(live(Instant.now())))
			.fetchOptional(Records.mapping(CacheEntry::new));
	}

	@Override
	public Object findMany() {
		return this.dsl.select(ID, NAMESPACE, KEY, this.value, this.expiresAt, this.updatedAt)
			.from(TABLE)
			.where(NAMESPACE.eq(SEEDED_NAMESPACE).and(live(Instant.now())))
			.orderBy(KEY)
			.limit(PAGE)
			.fetch(Records.mapping(CacheEntry::new));
	}

	@Override
	public Object create(String key) {
		String id = UUID.randomUUID().toString();
		Instant now = Instant.now();
		this.dsl.insertInto(TABLE, ID, NAMESPACE, KEY, this.value, this.expiresAt, this.updatedAt)
			.values(id, CREATED_NAMESPACE, key, WRITTEN, null, now)
			.execute();
		return new CacheEntry(id, CREATED_NAMESPACE, key, WRITTEN, null, now);
	}

	@Override
	public Object update(String key) {
		Instant now = Instant.now();
		var update = this.dsl.update(TABLE)
			.set(this.value, WRITTEN)
			.set(this.updatedAt, now)
			.where(byKey(key).and(live(now)));
		if (this.backend.returnsWrittenRows()) {
			return update.returningResult(ID, NAMESPACE, KEY, this.value, this.expiresAt, this.updatedAt)
				.fetchOptional(Records.mapping(CacheEntry::new));
		}
		update.execute();
		return findUnique(key);
	}

	@Override
	public Object upsert(String key) {
		Instant now = Instant.now();
		var upsert = this.dsl.insertInto(TABLE, ID, NAMESPACE, KEY, this.value, this.expiresAt, this.updatedAt)
			.values(UUID.randomUUID().toString(), SEEDED_NAMESPACE, key, WRITTEN, null, now)
			.onConflict(NAMESPACE, KEY)
			.doUpdate()
			.set(this.value, WRITTEN)
			.set(this.updatedAt, now);
		if (this.backend.returnsWrittenRows()) {
			return upsert.returningResult(ID, NAMESPACE, KEY, this.value, this.expiresAt, this.updatedAt)
				.fetchOne(Records.mapping(CacheEntry::new));
		}
		upsert.execute();
		return findUnique(key);
	}

	@Override
	public Object createMany(String keyPrefix) {
		Instant now = Instant.now();
		List<CacheEntry> rows = new ArrayList<>(BATCH);
		for (int i = 0; i < BATCH; i++) {
			rows.add(new CacheEntry(UUID.randomUUID().toString(), CREATED_NAMESPACE, keyPrefix + i, WRITTEN, null,
					now));
		}
		this.dsl.transaction((configuration) -> {
			InsertValuesStep6<Record, String, String, String, JsonNode, Instant, Instant> insert = DSL
				.using(configuration)
				.insertInto(TABLE, ID, NAMESPACE, KEY, this.value, this.expiresAt, this.updatedAt);
			for (CacheEntry row : rows) {
				insert = insert.values(row.id(), row.namespace(), row.key(), row.value(), row.expiresAt(),
						row.updatedAt());
			}
			insert.execute();
		});
		return rows;
	}

	@Override
	public long count() {
		return this.dsl.fetchCount(TABLE, NAMESPACE.eq(SEEDED_NAMESPACE).and(live(Instant.now())));
	}

	private Condition byKey(String key) {
		return NAMESPACE.eq(SEEDED_NAMESPACE).and(KEY.eq(key));
	}

	/** The ORM's condition for an expiry field: no expiry, or one after {@code now}. */
	private Condition live(Instant now) {
		return this.expiresAt.isNull().or(this.expiresAt.gt(now));
	}

}
