package dev.farminglabs.orm.schema;

import static dev.farminglabs.orm.schema.SchemaDsl.bigint;
import static dev.farminglabs.orm.schema.SchemaDsl.bool;
import static dev.farminglabs.orm.schema.SchemaDsl.datetime;
import static dev.farminglabs.orm.schema.SchemaDsl.decimal;
import static dev.farminglabs.orm.schema.SchemaDsl.enumeration;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.json;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Schema validation at {@code build()} and the physical names a schema computes. */
class FrameworkSchemaTest {

	private static final FrameworkSchema CACHE = FrameworkSchema.builder("framework")
		.model("cacheEntry", model("cache_entries")
			.field("id", id())
			.field("namespace", string())
			.field("key", string())
			.field("value", json())
			.field("expiresAt", datetime().nullable().column("expires_at"))
			.field("updatedAt", datetime().defaultNow())
			.unique("namespace", "key")
			.index("namespace", "expiresAt"))
		.build();

	/** A one-model schema named {@code s} with model {@code m} on table {@code t}. */
	private static FrameworkSchema.Builder schemaWith(ModelBuilder model) {
		return FrameworkSchema.builder("s").model("m", model);
	}

	/** Asserts that {@code build()}, not the declaration, fails, with a message naming everything given. */
	private static AbstractThrowableAssert<?, ? extends Throwable> assertBuildFails(FrameworkSchema.Builder schema,
			String... named) {
		return assertThatThrownBy(schema::build).isInstanceOf(InvalidSchemaException.class)
			.hasMessageContainingAll(named);
	}

	// --- duplicates

	@Test
	void rejectsAFieldDeclaredTwice() {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("a", string()).field("a", integer())),
				"'m'", "'a'", "twice");
	}

	@Test
	void rejectsAModelDeclaredTwice() {
		FrameworkSchema.Builder schema = FrameworkSchema.builder("s")
			.model("m", model("t1").field("id", id()))
			.model("m", model("t2").field("id", id()));
		assertBuildFails(schema, "'m'", "twice");
	}

	@Test
	void rejectsTwoModelsOnOneTableWhateverTheCase() {
		FrameworkSchema.Builder schema = FrameworkSchema.builder("s")
			.model("a", model("things").field("id", id()))
			.model("b", model("Things").field("id", id()));
		assertBuildFails(schema, "'b'", "Things");
	}

	@Test
	void allowsTheSameTableInDifferentNamespaces() {
		FrameworkSchema schema = FrameworkSchema.builder("s")
			.model("a", model("things").field("id", id()))
			.model("b", model("things").namespace("other").field("id", id()))
			.build();
		assertThat(schema.model("b").qualifiedTable()).isEqualTo("other.things");
	}

	@Test
	void rejectsTwoFieldsOnOneColumn() {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("a", string()).field("b", string().column("A"))),
				"'m'", "'b'", "column");
	}

	@Test
	void rejectsTheSameUniqueKeyTwice() {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("a", string().unique()).unique("a")), "'m'",
				"[a]", "twice");
	}

	@Test
	void rejectsTheSameIndexTwice() {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("a", string()).index("a").index("a")), "'m'",
				"t_a_idx");
	}

	// --- identifiers

	@ParameterizedTest
	@ValueSource(strings = { "users; drop", "1users", "user-name", "user name", "\"users\"", "", "ta`ble", "é" })
	void rejectsTableNamesThatAreNotIdentifiers(String table) {
		assertBuildFails(schemaWith(model(table).field("id", id())), "'m'", table, "not a valid identifier");
	}

	@ParameterizedTest
	@ValueSource(strings = { "users; drop", "1a", "a.b", "a b" })
	void rejectsFieldNamesThatAreNotIdentifiers(String field) {
		assertBuildFails(schemaWith(model("t").field("id", id()).field(field, string())), "'m'", field,
				"not a valid identifier");
	}

	@ParameterizedTest
	@ValueSource(strings = { "users; drop", "nick-name", "x'--" })
	void rejectsColumnNamesThatAreNotIdentifiers(String column) {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("nick", string().column(column))), "'m'",
				"'nick'", column, "not a valid identifier");
	}

	@Test
	void rejectsModelSchemaNamespaceAndRelationNamesThatAreNotIdentifiers() {
		assertBuildFails(FrameworkSchema.builder("s").model("my model", model("t").field("id", id())), "my model");
		assertBuildFails(FrameworkSchema.builder("s; drop").model("m", model("t").field("id", id())), "s; drop");
		assertBuildFails(schemaWith(model("t").namespace("ns; drop").field("id", id())), "'m'", "ns; drop");
		FrameworkSchema.Builder relation = FrameworkSchema.builder("s")
			.model("m", model("t").field("id", id()).hasMany("bad name", "n", "mId"))
			.model("n", model("u").field("id", id()).field("mId", string()));
		assertBuildFails(relation, "'m'", "bad name");
	}

	@Test
	void rejectsASchemaWithoutModelsAndAModelWithoutFields() {
		assertBuildFails(FrameworkSchema.builder("s"), "'s'", "no models");
		assertBuildFails(schemaWith(model("t")), "'m'", "no fields");
	}

	// --- unique keys and indexes

	@Test
	void rejectsUnknownFieldsInUniqueKeysAndIndexes() {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("a", string()).unique("a", "zzz")), "'m'",
				"'zzz'", "unknown field");
		assertBuildFails(schemaWith(model("t").field("id", id()).field("a", string()).index("zzz")), "'m'", "'zzz'",
				"unknown field");
	}

	@Test
	void rejectsJsonFieldsInUniqueKeysAndIndexes() {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("a", string()).field("doc", json())
			.unique("a", "doc")), "'m'", "'doc'", "json");
		assertBuildFails(schemaWith(model("t").field("id", id()).field("doc", json()).index("doc")), "'m'", "'doc'",
				"json");
	}

	@Test
	void rejectsAFieldRepeatedInOneKey() {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("a", string()).unique("a", "a")), "'m'", "'a'",
				"repeats");
	}

	@Test
	void rejectsUniqueKeysAndIndexesWithoutFieldsAtBuild() {
		assertBuildFails(schemaWith(model("t").field("id", id()).unique()), "'m'", "unique()");
		assertBuildFails(schemaWith(model("t").field("id", id()).index()), "'m'", "index()");
	}

	// --- enums and defaults

	@Test
	void rejectsAnEmptyEnum() {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("status", enumeration())), "'m'", "'status'",
				"at least one value");
	}

	@Test
	void rejectsDuplicateEnumValues() {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("status", enumeration("a", "b", "a"))), "'m'",
				"'status'", "distinct");
	}

	@Test
	void rejectsADefaultOfTheWrongType() {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("n", integer().defaultValue("one"))), "'m'",
				"'n'", "defaultValue");
		assertBuildFails(schemaWith(model("t").field("id", id()).field("flag", bool().defaultValue(1))), "'m'",
				"'flag'", "defaultValue");
		assertBuildFails(schemaWith(model("t").field("id", id()).field("amount", decimal().defaultValue(1.5))), "'m'",
				"'amount'", "defaultValue");
	}

	@Test
	void rejectsADefaultOutsideTheEnum() {
		assertBuildFails(schemaWith(model("t").field("id", id())
			.field("plan", enumeration("free", "pro").defaultValue("gold"))), "'m'", "'plan'", "gold", "[free, pro]");
	}

	@Test
	void rejectsAStringDefaultLongerThanItsMaxLength() {
		assertBuildFails(schemaWith(model("t").field("id", id())
			.field("currency", string().maxLength(3).defaultValue("EURO"))), "'m'", "'currency'", "at most 3");
	}

	@Test
	void rejectsDefaultNowOnANonDatetimeAndWithADefaultValue() {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("name", string().defaultNow())), "'m'",
				"'name'", "defaultNow()");
		assertBuildFails(schemaWith(model("t").field("id", id())
			.field("at", datetime().defaultNow().defaultValue(java.time.Instant.EPOCH))), "'m'", "'at'", "not both");
	}

	@Test
	void keepsDefaultsInTheirCanonicalType() {
		FrameworkSchema schema = schemaWith(model("t").field("id", id())
			.field("n", integer().defaultValue(7))
			.field("big", bigint().defaultValue(7L))
			.field("amount", decimal().defaultValue(new BigDecimal("0.00")))).build();
		ModelDefinition model = schema.model("m");
		assertThat(model.field("n").defaultValue()).isEqualTo(7L);
		assertThat(model.field("big").defaultValue()).isEqualTo(BigInteger.valueOf(7));
		assertThat(model.field("amount").defaultValue()).isEqualTo(new BigDecimal("0.00"));
	}

	// --- ids

	@Test
	void rejectsANullableIdOrAnIdWithADefault() {
		assertBuildFails(schemaWith(model("t").field("id", id().nullable())), "'m'", "'id'", "id field");
		assertBuildFails(schemaWith(model("t").field("id", id().defaultValue("x"))), "'m'", "'id'", "id field");
	}

	@Test
	void rejectsAModelWithoutAnIdOrWithTwo() {
		assertBuildFails(schemaWith(model("t").field("name", string())), "'m'", "exactly one id()", "has 0");
		assertBuildFails(schemaWith(model("t").field("id", id()).field("otherId", id())), "'m'", "exactly one id()",
				"has 2");
	}

	@Test
	void rejectsIdModifiersOnOtherFieldsAtBuild() {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("n", string().increment())), "'m'", "'n'",
				"increment()");
		assertBuildFails(schemaWith(model("t").field("id", id()).field("n", integer().integer())), "'m'", "'n'",
				"integer()");
	}

	// --- references and relations

	private static FrameworkSchema.Builder withReference(String referenced, FieldBuilder referencing) {
		return FrameworkSchema.builder("s")
			.model("account", model("accounts").field("id", id()).field("code", string().unique())
				.field("label", string()).field("seq", integer().unique()))
			.model("m", model("t").field("id", id()).field("accountRef", referencing.references(referenced)));
	}

	@Test
	void acceptsAReferenceToAnIdOrUniqueFieldOfTheSameType() {
		assertThat(withReference("account.id", string()).build().model("m").field("accountRef").references())
			.isEqualTo(new FieldReference("account", "id"));
		assertThat(withReference("account.seq", integer()).build().model("m").field("accountRef").references())
			.hasToString("account.seq");
	}

	@Test
	void rejectsReferencesToAnUnknownModelOrField() {
		assertBuildFails(withReference("nobody.id", string()), "'m'", "'accountRef'", "no such model");
		assertBuildFails(withReference("account.nothing", string()), "'m'", "'accountRef'", "no such field");
		assertBuildFails(withReference("accountid", string()), "'m'", "'accountRef'", "\"model.field\"");
	}

	@Test
	void rejectsAReferenceToANonUniqueField() {
		assertBuildFails(withReference("account.label", string()), "'m'", "'accountRef'", "not unique");
	}

	@Test
	void rejectsAReferenceOfAnIncompatibleKind() {
		assertBuildFails(withReference("account.id", integer()), "'m'", "'accountRef'", "integer", "string");
		assertBuildFails(withReference("account.seq", string()), "'m'", "'accountRef'", "integer", "string");
	}

	@Test
	void rejectsRelationsToAnUnknownModelOrField() {
		FrameworkSchema.Builder unknownModel = FrameworkSchema.builder("s")
			.model("m", model("t").field("id", id()).hasMany("items", "nobody", "mId"));
		assertBuildFails(unknownModel, "'m'", "'items'", "'nobody'");
		FrameworkSchema.Builder unknownField = FrameworkSchema.builder("s")
			.model("m", model("t").field("id", id()).hasMany("items", "item", "ownerId"))
			.model("item", model("items").field("id", id()).field("mId", string()));
		assertBuildFails(unknownField, "'m'", "'items'", "'ownerId'");
		FrameworkSchema.Builder unknownThrough = FrameworkSchema.builder("s")
			.model("m", model("t").field("id", id()).manyToMany("tags", "tag", "link", "mId", "tagId"))
			.model("tag", model("tags").field("id", id()));
		assertBuildFails(unknownThrough, "'m'", "'tags'", "'link'");
	}

	@Test
	void rejectsARelationWhoseKeyHasAnotherType() {
		FrameworkSchema.Builder schema = FrameworkSchema.builder("s")
			.model("m", model("t").field("id", id()).field("ownerId", integer()).belongsTo("owner", "o", "ownerId"))
			.model("o", model("owners").field("id", id()));
		assertBuildFails(schema, "'m'", "'owner'", "'ownerId'");
	}

	@Test
	void rejectsARelationNamedLikeAFieldOrAnotherRelation() {
		FrameworkSchema.Builder clash = FrameworkSchema.builder("s")
			.model("m", model("t").field("id", id()).field("ownerId", string()).field("owner", string())
				.belongsTo("owner", "o", "ownerId"))
			.model("o", model("owners").field("id", id()));
		assertBuildFails(clash, "'m'", "'owner'", "clashes");
		FrameworkSchema.Builder twice = FrameworkSchema.builder("s")
			.model("m", model("t").field("id", id()).field("ownerId", string())
				.belongsTo("owner", "o", "ownerId")
				.belongsTo("owner", "o", "ownerId"))
			.model("o", model("owners").field("id", id()));
		assertBuildFails(twice, "'m'", "'owner'", "clashes");
	}

	// --- modifiers

	@Test
	void rejectsMaxLengthOnANonStringAtBuild() {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("n", integer().maxLength(3))), "'m'", "'n'",
				"maxLength()");
	}

	@Test
	void rejectsAMaxLengthBelowOne() {
		assertBuildFails(schemaWith(model("t").field("id", id()).field("name", string().maxLength(0))), "'m'",
				"'name'", "at least 1");
	}

	// --- computed names

	@Test
	void namesACompoundUniqueAfterTableAndColumns() {
		UniqueConstraint key = CACHE.model("cacheEntry").uniqueConstraints().get(1);
		assertThat(key.name()).isEqualTo("cache_entries_namespace_key_unique");
		assertThat(key.keyName()).isEqualTo("namespace_key");
		assertThat(key.fields()).containsExactly("namespace", "key");
		assertThat(key.isCompound()).isTrue();
		assertThat(key.primaryKey()).isFalse();
	}

	@Test
	void namesThePrimaryKeyAndSingleFieldUniquesAfterTheirColumns() {
		FrameworkSchema schema = schemaWith(model("t").field("id", id()).field("email", string().unique()
			.column("email_address"))).build();
		List<UniqueConstraint> keys = schema.model("m").uniqueConstraints();
		assertThat(keys).extracting(UniqueConstraint::name).containsExactly("t_pkey", "t_email_address_unique");
		assertThat(keys).extracting(UniqueConstraint::keyName).containsExactly("id", "email");
		assertThat(keys.get(0).primaryKey()).isTrue();
	}

	@Test
	void namesAnIndexAfterTableAndColumnsInLowerCase() {
		IndexDefinition index = CACHE.model("cacheEntry").indexes().get(0);
		assertThat(index.name()).isEqualTo("cache_entries_namespace_expires_at_idx");
		assertThat(index.fields()).containsExactly("namespace", "expiresAt");
		assertThat(index.columns()).containsExactly("namespace", "expires_at");
		FrameworkSchema camel = schemaWith(model("t").field("id", id()).field("createdAt", datetime())
			.index("createdAt")).build();
		assertThat(camel.model("m").indexes().get(0).name()).isEqualTo("t_createdat_idx");
	}

	@Test
	void prefixesPhysicalNamesWithTheNamespace() {
		FrameworkSchema schema = schemaWith(model("t").namespace("tck_ns").field("id", id()).field("a", string())
			.field("b", string()).unique("a", "b").index("b")).build();
		ModelDefinition model = schema.model("m");
		assertThat(model.namespace()).isEqualTo("tck_ns");
		assertThat(model.qualifiedTable()).isEqualTo("tck_ns.t");
		assertThat(model.uniqueConstraints()).extracting(UniqueConstraint::name)
			.containsExactly("tck_ns_t_pkey", "tck_ns_t_a_b_unique");
		assertThat(model.indexes().get(0).name()).isEqualTo("tck_ns_t_b_idx");
	}

	@Test
	void mapsFieldsToTheirColumns() {
		ModelDefinition model = CACHE.model("cacheEntry");
		assertThat(model.field("expiresAt").column()).isEqualTo("expires_at");
		assertThat(model.field("namespace").column()).isEqualTo("namespace");
		assertThat(model.table()).isEqualTo("cache_entries");
		assertThat(model.qualifiedTable()).isEqualTo("cache_entries");
		assertThat(model.namespace()).isNull();
	}

	@Test
	void keepsModelsAndFieldsInDeclarationOrder() {
		assertThat(CACHE.modelNames()).containsExactly("cacheEntry");
		assertThat(CACHE.model("cacheEntry").fieldNames())
			.containsExactly("id", "namespace", "key", "value", "expiresAt", "updatedAt");
		assertThat(CACHE.model("cacheEntry").idField().name()).isEqualTo("id");
		assertThat(CACHE.model("cacheEntry").idField().idStrategy()).isEqualTo(IdStrategy.UUID);
	}

	@Test
	void namesTheValidModelsAndFieldsWhenOneIsMissing() {
		assertThatThrownBy(() -> CACHE.model("nothing")).hasMessageContainingAll("'nothing'", "[cacheEntry]");
		assertThatThrownBy(() -> CACHE.model("cacheEntry").field("nothing"))
			.hasMessageContainingAll("'nothing'", "namespace", "expiresAt");
		assertThat(CACHE.findModel("nothing")).isEmpty();
	}

}
