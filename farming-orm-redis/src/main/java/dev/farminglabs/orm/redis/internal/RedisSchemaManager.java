package dev.farminglabs.orm.redis.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.IndexDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.setup.PushResult;
import dev.farminglabs.orm.setup.SetupAction;
import dev.farminglabs.orm.setup.SetupActionType;
import dev.farminglabs.orm.setup.SetupPlan;
import dev.farminglabs.orm.setup.SetupSubject;
import dev.farminglabs.orm.spi.RecordedSchema;
import dev.farminglabs.orm.spi.RenderedPlan;
import dev.farminglabs.orm.spi.SchemaManager;
import org.jspecify.annotations.Nullable;

/**
 * Push on Redis. Redis has no catalog, so each model's <code>{prefix:table}:schema</code> hash records what push
 * created ({@code table}, {@code field:<name>}, {@code unique:<name>}, {@code index:<name>}); reads and writes refuse a
 * model without it ({@code MISSING_TABLE}). Unique keys are enforced by the lock keys every write moves; an index is
 * recorded only (filters other than unique lookups run in Java). An added field is written into existing records with
 * its default, as {@code ADD COLUMN ... DEFAULT} does.
 */
final class RedisSchemaManager implements SchemaManager {

	private final RedisDriver driver;

	RedisSchemaManager(RedisDriver driver) {
		this.driver = driver;
	}

	@Override
	public SetupPlan plan(FrameworkSchema schema) {
		List<SetupAction> actions = new ArrayList<>();
		for (ModelDefinition model : schema.models()) {
			RecordedSchema.missing(model, recorded(this.driver.layout(model)).keySet(),
					(type, owner, target, subject) -> action(schema, type, owner, target, subject), actions);
		}
		return new SetupPlan(schema.name(), RedisErrors.KIND, actions);
	}

	private Map<String, String> recorded(RedisModel layout) {
		return this.driver.connector().call((connection) -> {
			Map<byte[], byte[]> hash = connection.hashCommands().hGetAll(layout.schemaKey);
			Map<String, String> out = new HashMap<>();
			if (hash != null) {
				hash.forEach((field, value) -> out.put(RedisModel.text(field), RedisModel.text(value)));
			}
			return out;
		}, layout.model.name());
	}

	private SetupAction action(FrameworkSchema schema, SetupActionType type, ModelDefinition model, String target,
			SetupSubject subject) {
		return new SetupAction(type, model.name(), target, render(schema, subject), subject);
	}

	/** The command a subject runs, shown in plans; fails for what the schema does not declare. */
	private String render(FrameworkSchema schema, SetupSubject subject) {
		if (subject instanceof SetupSubject.Table table) {
			ModelDefinition model = schema.model(table.model());
			return "HSET " + this.driver.layout(model).tag + ":schema table " + model.qualifiedTable() + " "
					+ model.fieldNames().stream().map((name) -> RecordedSchema.field(name) + " 1").toList();
		}
		if (subject instanceof SetupSubject.Column column) {
			ModelDefinition model = schema.model(column.model());
			FieldDefinition field = model.field(column.field());
			return "HSET " + this.driver.layout(model).tag + ":schema field:" + field.name() + " 1"
					+ " (and HSETNX " + field.column() + " on every record)";
		}
		if (subject instanceof SetupSubject.UniqueKey unique) {
			ModelDefinition model = schema.model(unique.model());
			UniqueConstraint key = uniqueKey(model, unique.fields());
			return "HSET " + this.driver.layout(model).tag + ":schema unique:" + key.name() + " " + key.fields();
		}
		if (subject instanceof SetupSubject.Index wanted) {
			ModelDefinition model = schema.model(wanted.model());
			IndexDefinition index = index(model, wanted.fields());
			return "HSET " + this.driver.layout(model).tag + ":schema index:" + index.name() + " " + index.fields();
		}
		throw new IllegalArgumentException("Redis has no " + subject);
	}

	private static UniqueConstraint uniqueKey(ModelDefinition model, List<String> fields) {
		return model.uniqueConstraints()
			.stream()
			.filter((key) -> !key.primaryKey() && key.fields().equals(fields))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("model '" + model.name() + "' has no unique key " + fields));
	}

	private static IndexDefinition index(ModelDefinition model, List<String> fields) {
		return model.indexes()
			.stream()
			.filter((index) -> index.fields().equals(fields))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("model '" + model.name() + "' has no index " + fields));
	}

	@Override
	public PushResult apply(FrameworkSchema schema, SetupPlan plan) {
		Instant started = Instant.now();
		long start = System.nanoTime();
		RenderedPlan.render(plan, RedisErrors.KIND, (action) -> render(schema, action.subject()));
		for (SetupAction action : plan.actions()) {
			SetupSubject subject = action.subject();
			if (subject instanceof SetupSubject.Table table) {
				ModelDefinition model = schema.model(table.model());
				Map<String, String> entries = new HashMap<>();
				entries.put(RecordedSchema.TABLE, model.qualifiedTable());
				model.fieldNames().forEach((name) -> entries.put(RecordedSchema.field(name), "1"));
				record(this.driver.layout(model), entries);
			}
			else if (subject instanceof SetupSubject.Column column) {
				ModelDefinition model = schema.model(column.model());
				FieldDefinition field = model.field(column.field());
				RedisModel layout = this.driver.layout(model);
				String fill = this.driver.codec().encode(field, fillValue(field));
				if (fill != null) {
					this.driver.connector().eval(RedisScript.FILL,
							new byte[][] { layout.idsKey, layout.recordPrefixBytes, RedisModel.bytes(field.column()),
									RedisModel.bytes(fill) },
							1, model.name());
				}
				record(layout, Map.of(RecordedSchema.field(field.name()), "1"));
			}
			else if (subject instanceof SetupSubject.UniqueKey unique) {
				ModelDefinition model = schema.model(unique.model());
				record(this.driver.layout(model),
						Map.of(RecordedSchema.unique(uniqueKey(model, unique.fields()).name()), "1"));
			}
			else if (subject instanceof SetupSubject.Index wanted) {
				ModelDefinition model = schema.model(wanted.model());
				record(this.driver.layout(model), Map.of(RecordedSchema.index(index(model, wanted.fields()).name()), "1"));
			}
		}
		return new PushResult(schema.name(), RedisErrors.KIND, started, Duration.ofNanos(System.nanoTime() - start),
				plan.actions());
	}

	private void record(RedisModel layout, Map<String, String> entries) {
		Map<byte[], byte[]> hash = new HashMap<>();
		entries.forEach((field, value) -> hash.put(RedisModel.bytes(field), RedisModel.bytes(value)));
		this.driver.connector().call((connection) -> {
			connection.hashCommands().hMSet(layout.schemaKey, hash);
			return null;
		}, layout.model.name());
	}

	private @Nullable Object fillValue(FieldDefinition field) {
		if (field.defaultNow()) {
			ChronoUnit precision = this.driver.handle().capabilities().datetimePrecision();
			return Instant.now().truncatedTo(precision);
		}
		return field.defaultValue();
	}

}
