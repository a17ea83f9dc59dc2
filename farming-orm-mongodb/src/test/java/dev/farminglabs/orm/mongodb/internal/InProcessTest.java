package dev.farminglabs.orm.mongodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.farminglabs.orm.codec.JsonValues;
import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.spi.Criteria;
import dev.farminglabs.orm.spi.Sort;
import dev.farminglabs.orm.tck.TckSchema;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the driver evaluates in process, and JSON numbers beyond {@code Decimal128} stored as text: one stored form per
 * number (so equality compares by value) that reads back exactly.
 */
class InProcessTest {

	private static final ModelDefinition SAMPLE = TckSchema.SCHEMA.model("sample");

	private static final FieldDefinition TEXT = SAMPLE.field("text");

	private static final FieldDefinition AMOUNT = SAMPLE.field("amount");

	private static final FieldDefinition PAYLOAD = SAMPLE.field("payload");

	@Test
	void decimalSortsAlwaysAndStringSortsOnlyOnMongoJavaServerRunInProcess() {
		List<Sort> byAmount = List.of(new Sort(AMOUNT, SortDirection.ASC));
		List<Sort> byText = List.of(new Sort(TEXT, SortDirection.DESC));
		assertThat(InProcess.sorts(byAmount, false)).isTrue();
		assertThat(InProcess.sorts(byText, false)).isFalse();
		assertThat(InProcess.sorts(byText, true)).isTrue();
		assertThat(InProcess.sorts(List.of(new Sort(SAMPLE.field("count"), SortDirection.ASC)), true)).isFalse();
	}

	@Test
	void onlyStringRangesWithABoundFromD800UpAndJsonContainerEqualitiesRunInProcess() {
		Criteria astral = new Criteria.Compare(TEXT, Operator.GT, "a\uD83D\uDE00");
		Criteria privateUse = new Criteria.Compare(TEXT, Operator.LTE, "\uE000");
		Criteria basic = new Criteria.Compare(TEXT, Operator.LT, "zz\uD7FF");
		Criteria equal = new Criteria.Compare(TEXT, Operator.EQ, "\uD83D\uDE00");
		assertThat(InProcess.filters(astral, true)).isTrue();
		assertThat(InProcess.filters(privateUse, true)).isTrue();
		assertThat(InProcess.filters(new Criteria.Not(new Criteria.Or(List.of(basic, astral))), true)).isTrue();
		assertThat(InProcess.filters(basic, true)).isFalse();
		assertThat(InProcess.filters(equal, true)).isFalse();
		assertThat(InProcess.filters(astral, false)).isFalse();
		JsonNode array = JsonValues.parse("[\"a\", 2]");
		assertThat(InProcess.filters(new Criteria.Compare(PAYLOAD, Operator.EQ, array), true)).isTrue();
		assertThat(InProcess.filters(new Criteria.Compare(PAYLOAD, Operator.NOT_IN, List.of(JsonValues.parse("1"), array)),
				true)).isTrue();
		assertThat(InProcess.filters(new Criteria.Compare(PAYLOAD, Operator.EQ, JsonValues.parse("\"a\"")), true))
			.isFalse();
		assertThat(InProcess.filters(new Criteria.Compare(PAYLOAD, Operator.EQ, array), false)).isFalse();
	}

	@Test
	void jsonNumbersBeyondDecimal128AreTextWithOneFormPerNumberAndReadBackExactly() {
		String digits = "1234567890".repeat(99);
		JsonNode longNumber = JsonValues.normalize(JsonValues.parse("{\"n\": " + digits + ".5}"));
		Object stored = BsonValues.encode("sample", PAYLOAD, longNumber);
		assertThat(((Document) stored).get("n", Document.class).get(BsonValues.JSON_NUMBER_KEY))
			.isEqualTo(digits + ".5");
		assertThat(BsonValues.decode(PAYLOAD, stored)).isEqualTo(longNumber);
		JsonNode sameWithTrailingZeros = JsonValues.normalize(JsonValues.parse("{\"n\": " + digits + ".500}"));
		assertThat(BsonValues.encode("sample", PAYLOAD, sameWithTrailingZeros)).isEqualTo(stored);
		JsonNode integral = JsonValues.normalize(JsonValues.parse("[-" + "9".repeat(999) + "]"));
		assertThat(BsonValues.decode(PAYLOAD, BsonValues.encode("sample", PAYLOAD, integral))).isEqualTo(integral);
	}

}
