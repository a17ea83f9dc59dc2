package dev.farminglabs.orm.mongodb.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import dev.farminglabs.orm.error.RuntimeSetupException;
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
import dev.farminglabs.orm.spi.RenderedPlan;
import dev.farminglabs.orm.spi.SchemaManager;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Creates collections and indexes. A unique key is a unique index named as the JDBC driver names its constraint; its
 * partial filter leaves out documents whose nullable key fields hold null, so several rows may hold null as on SQL
 * (MongoDB would otherwise count null as a value). A field added to an existing model is written into the documents
 * that lack it, with its default or null, as {@code ADD COLUMN ... DEFAULT} does. Push only adds; a second push
 * finds nothing to do.
 */
final class MongoSchemaManager implements SchemaManager {

	/** MongoDB's "already exists" codes: a concurrent push created the collection or index first. */
	private static final Set<Integer> ALREADY_EXISTS = Set.of(48, 85, 86);

	private final MongoConnection connection;

	MongoSchemaManager(MongoConnection connection) {
		this.connection = connection;
	}

	@Override
	public SetupPlan plan(FrameworkSchema schema) {
		List<SetupAction> actions = new ArrayList<>();
		for (ModelDefinition model : schema.models()) {
			try {
				planModel(model, actions);
			}
			catch (RuntimeException ex) {
				throw this.connection.errors().translate(ex, model);
			}
		}
		return new SetupPlan(schema.name(), label(), actions);
	}

	private void planModel(ModelDefinition model, List<SetupAction> actions) {
		MongoDatabase database = this.connection.databaseOf(model);
		boolean exists = exists(database, model);
		Set<String> indexes = new HashSet<>();
		if (!exists) {
			actions.add(action(SetupActionType.CREATE_TABLE, model, model.qualifiedTable(),
					new SetupSubject.Table(model.name())));
		}
		else {
			MongoCollection<Document> collection = database.getCollection(model.table());
			for (Document index : collection.listIndexes()) {
				indexes.add(index.getString("name"));
			}
			for (FieldDefinition field : lackingFields(model, collection)) {
				actions.add(action(SetupActionType.ADD_COLUMN, model, field.column(),
						new SetupSubject.Column(model.name(), field.name())));
			}
		}
		for (UniqueConstraint key : model.uniqueConstraints()) {
			if (!key.primaryKey() && !indexes.contains(key.name())) {
				actions.add(action(SetupActionType.CREATE_UNIQUE, model, key.name(),
						new SetupSubject.UniqueKey(model.name(), key.fields())));
			}
		}
		for (IndexDefinition index : model.indexes()) {
			if (!indexes.contains(index.name())) {
				actions.add(action(SetupActionType.CREATE_INDEX, model, index.name(),
						new SetupSubject.Index(model.name(), index.fields())));
			}
		}
	}

	private static SetupAction action(SetupActionType type, ModelDefinition model, String target,
			SetupSubject subject) {
		return new SetupAction(type, model.name(), target, render(model, subject), subject);
	}

	/**
	 * The shell command of a subject, as shown in plans; applying renders it again and runs the command it
	 * describes, never the text of a plan.
	 */
	private static String render(ModelDefinition model, SetupSubject subject) {
		if (subject instanceof SetupSubject.Table) {
			return "db.createCollection(\"" + model.table() + "\")" + on(model);
		}
		if (subject instanceof SetupSubject.Column column) {
			FieldDefinition field = model.field(column.field());
			// The time of a defaultNow fill is taken when applying, so the shown command names it instead.
			String fill = field.defaultNow() ? "new Date()"
					: String.valueOf(BsonValues.encode(model.name(), field, field.defaultValue()));
			return "db." + model.table() + ".updateMany({" + field.column() + ": {$exists: false}}, {$set: {"
					+ field.column() + ": " + fill + "}})" + on(model);
		}
		if (subject instanceof SetupSubject.UniqueKey unique) {
			UniqueConstraint key = uniqueKey(model, unique.fields());
			return "db." + model.table() + ".createIndex(" + keys(model, key.fields()).toJson() + ", "
					+ uniqueOptions(model, key).toJson() + ")" + on(model);
		}
		if (subject instanceof SetupSubject.Index wanted) {
			IndexDefinition index = index(model, wanted.fields());
			return "db." + model.table() + ".createIndex(" + keys(model, index.fields()).toJson()
					+ ", {\"name\": \"" + index.name() + "\"})" + on(model);
		}
		throw new IllegalArgumentException("MongoDB has no " + subject);
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

	/** Whether the model's collection exists (by listing names: not every server filters the listing). */
	static boolean exists(MongoDatabase database, ModelDefinition model) {
		for (String name : database.listCollectionNames()) {
			if (name.equals(model.table())) {
				return true;
			}
		}
		return false;
	}

	/** The fields some stored document lacks (a field added to the schema after rows were written). */
	private static List<FieldDefinition> lackingFields(ModelDefinition model, MongoCollection<Document> collection) {
		List<Document> absent = new ArrayList<>();
		for (FieldDefinition field : model.fields()) {
			if (!field.isId() && !MongoNames.nullLeftOut(field)) {
				absent.add(new Document(field.column(), new Document("$exists", false)));
			}
		}
		List<FieldDefinition> lacking = new ArrayList<>();
		if (absent.isEmpty() || collection.find(new Document("$or", absent)).limit(1).first() == null) {
			return lacking;
		}
		for (FieldDefinition field : model.fields()) {
			if (!field.isId() && !MongoNames.nullLeftOut(field) && collection.find(new Document(field.column(), new Document("$exists", false)))
				.limit(1)
				.first() != null) {
				lacking.add(field);
			}
		}
		return lacking;
	}

	@Override
	public PushResult apply(FrameworkSchema schema, SetupPlan plan) {
		Instant started = Instant.now();
		long start = System.nanoTime();
		// Only what this driver renders runs; a plan whose text differs is refused before anything runs.
		RenderedPlan.render(plan, label(), (action) -> {
			SetupSubject subject = action.subject();
			if (subject instanceof SetupSubject.Namespace) {
				throw new IllegalArgumentException("MongoDB namespaces are databases, created with their collections");
			}
			return render(schema.model(Objects.requireNonNull(action.model(), "model")), subject);
		});
		for (SetupAction action : plan.actions()) {
			ModelDefinition model = schema.model(Objects.requireNonNull(action.model()));
			try {
				applyAction(model, action.subject());
			}
			catch (RuntimeException ex) {
				throw new RuntimeSetupException(RuntimeSetupException.Stage.PUSH, label(), action.statement(),
						this.connection.errors().translate(ex, model));
			}
		}
		return new PushResult(schema.name(), label(), started, Duration.ofNanos(System.nanoTime() - start),
				plan.actions());
	}

	private void applyAction(ModelDefinition model, SetupSubject subject) {
		MongoDatabase database = this.connection.databaseOf(model);
		MongoCollection<Document> collection = database.getCollection(model.table());
		try {
			if (subject instanceof SetupSubject.Table) {
				database.createCollection(model.table());
			}
			else if (subject instanceof SetupSubject.Column column) {
				FieldDefinition field = model.field(column.field());
				collection.updateMany(new Document(field.column(), new Document("$exists", false)),
						new Document("$set", new Document(field.column(), fillValue(model, field))));
			}
			else if (subject instanceof SetupSubject.UniqueKey unique) {
				UniqueConstraint key = uniqueKey(model, unique.fields());
				collection.createIndex(keys(model, key.fields()), indexOptions(model, key));
			}
			else if (subject instanceof SetupSubject.Index wanted) {
				IndexDefinition index = index(model, wanted.fields());
				collection.createIndex(keys(model, index.fields()), new IndexOptions().name(index.name()));
			}
		}
		catch (MongoCommandException ex) {
			if (!ALREADY_EXISTS.contains(ex.getErrorCode())) {
				throw ex;
			}
		}
	}

	private static Document keys(ModelDefinition model, List<String> fields) {
		Document keys = new Document();
		fields.forEach((name) -> keys.put(MongoNames.field(model.field(name)), 1));
		return keys;
	}

	private static IndexOptions indexOptions(ModelDefinition model, UniqueConstraint key) {
		IndexOptions options = new IndexOptions().name(key.name()).unique(true);
		if (sparse(model, key)) {
			return options.sparse(true);
		}
		Document filter = partialFilter(model, key);
		return filter.isEmpty() ? options : options.partialFilterExpression(filter);
	}

	private static Document uniqueOptions(ModelDefinition model, UniqueConstraint key) {
		Document options = new Document("name", key.name()).append("unique", true);
		if (sparse(model, key)) {
			return options.append("sparse", true);
		}
		Document filter = partialFilter(model, key);
		return filter.isEmpty() ? options : options.append("partialFilterExpression", filter);
	}

	/** A nullable field that alone is a key leaves nulls out of documents; a sparse index skips them. */
	private static boolean sparse(ModelDefinition model, UniqueConstraint key) {
		return key.fields().size() == 1 && MongoNames.nullLeftOut(model.field(key.fields().get(0)));
	}

	/**
	 * Only documents whose nullable key fields hold a value take part in a compound unique index (MongoDB would
	 * otherwise count null as a value). mongo-java-server ignores partial filters.
	 */
	private static Document partialFilter(ModelDefinition model, UniqueConstraint key) {
		Document filter = new Document();
		for (String name : key.fields()) {
			FieldDefinition field = model.field(name);
			if (field.nullable()) {
				filter.put(MongoNames.field(field), new Document("$type", bsonType(field)));
			}
		}
		return filter;
	}

	private static String bsonType(FieldDefinition field) {
		return switch (field.kind()) {
			case ID -> field.isIntegral() ? "long" : "string";
			case BOOLEAN -> "bool";
			case DATETIME -> "date";
			case INTEGER, BIGINT -> "long";
			case JSON -> "object";
			default -> "string";
		};
	}

	private @Nullable Object fillValue(ModelDefinition model, FieldDefinition field) {
		if (field.defaultNow()) {
			return BsonValues.encode(model.name(), field, Instant.now().truncatedTo(ChronoUnit.MILLIS));
		}
		return BsonValues.encode(model.name(), field, field.defaultValue());
	}

	private String label() {
		String dialect = this.connection.handle().dialect();
		return dialect.equals(MongoNames.KIND) ? dialect : MongoNames.KIND + "/" + dialect;
	}

	private static String on(ModelDefinition model) {
		return (model.namespace() != null) ? " in database " + model.namespace() : "";
	}

}
