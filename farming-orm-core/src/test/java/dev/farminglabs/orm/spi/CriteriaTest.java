package dev.farminglabs.orm.spi;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.ModelDefinition;
import org.junit.jupiter.api.Test;

class CriteriaTest {

	static final ModelDefinition ITEM = FrameworkSchema.builder("test")
		.model("item", model("items")
			.field("id", id())
			.field("namespace", string())
			.field("key", string())
			.field("label", string().nullable().unique())
			.unique("namespace", "key"))
		.build()
		.model("item");

	static Criteria eq(String field, Object value) {
		return new Criteria.Compare(ITEM.field(field), Operator.EQ, value);
	}

	static Criteria and(Criteria... criteria) {
		return new Criteria.And(List.of(criteria));
	}

	@Test
	void equalityOnTheIdOrOnEveryFieldOfAUniqueKeyPinsOneRow() {
		assertThat(eq("id", "a").pinsUniqueKey(ITEM)).isTrue();
		assertThat(and(eq("namespace", "n"), eq("key", "k")).pinsUniqueKey(ITEM)).isTrue();
		assertThat(and(eq("namespace", "n"), and(eq("key", "k"))).pinsUniqueKey(ITEM)).as("nested conjunction")
			.isTrue();
		assertThat(and(eq("label", "x"), new Criteria.Compare(ITEM.field("key"), Operator.GT, "a")).pinsUniqueKey(ITEM))
			.as("other conditions only narrow it")
			.isTrue();
	}

	@Test
	void partOfAKeyNullsAlternativesAndOtherOperatorsDoNot() {
		assertThat(eq("namespace", "n").pinsUniqueKey(ITEM)).isFalse();
		assertThat(new Criteria.Compare(ITEM.field("label"), Operator.EQ, null).pinsUniqueKey(ITEM))
			.as("many rows may hold null in a unique column")
			.isFalse();
		assertThat(new Criteria.Or(List.of(eq("id", "a"), eq("id", "b"))).pinsUniqueKey(ITEM)).isFalse();
		assertThat(new Criteria.Not(eq("id", "a")).pinsUniqueKey(ITEM)).isFalse();
		assertThat(new Criteria.Compare(ITEM.field("id"), Operator.IN, List.of("a")).pinsUniqueKey(ITEM)).isFalse();
		assertThat(Criteria.ALL.pinsUniqueKey(ITEM)).isFalse();
	}

}
