package dev.farminglabs.orm.setup;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link SetupAction} creates, as data naming schema objects, never as backend text: a driver renders the
 * statement or command from it when applying, so a plan (hand-built or edited) can only ask for what the schema
 * declares, and an action's {@code statement} is shown, never run. SQL drivers use the first five; key-value and
 * document drivers also {@link Expiry} (native TTL) and {@link SchemaVersion} (the record of what was pushed where
 * the store has no catalog to inspect).
 */
public sealed interface SetupSubject {

	/** A schema namespace. */
	record Namespace(String name) implements SetupSubject {

		public Namespace {
			Objects.requireNonNull(name, "name");
		}

	}

	/** A model's table, collection or key-value table, with its fields and primary key. */
	record Table(String model) implements SetupSubject {

		public Table {
			Objects.requireNonNull(model, "model");
		}

	}

	/** A field of a model added to an existing table. */
	record Column(String model, String field) implements SetupSubject {

		public Column {
			Objects.requireNonNull(model, "model");
			Objects.requireNonNull(field, "field");
		}

	}

	/** A unique key of a model, by its fields. */
	record UniqueKey(String model, List<String> fields) implements SetupSubject {

		public UniqueKey {
			Objects.requireNonNull(model, "model");
			fields = List.copyOf(fields);
		}

	}

	/** An index of a model, by its fields. */
	record Index(String model, List<String> fields) implements SetupSubject {

		public Index {
			Objects.requireNonNull(model, "model");
			fields = List.copyOf(fields);
		}

	}

	/** Native expiry on a model's expiry field (a DynamoDB TTL attribute, a MongoDB TTL index). */
	record Expiry(String model, String field) implements SetupSubject {

		public Expiry {
			Objects.requireNonNull(model, "model");
			Objects.requireNonNull(field, "field");
		}

	}

	/** A record of the schema version pushed, for stores without a catalog (a Redis key). */
	record SchemaVersion(String schema, String version) implements SetupSubject {

		public SchemaVersion {
			Objects.requireNonNull(schema, "schema");
			Objects.requireNonNull(version, "version");
		}

	}

}
