package dev.farminglabs.orm.jdbc.internal;

import static dev.farminglabs.orm.schema.SchemaDsl.decimal;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.jdbc.dialect.H2Dialect;
import dev.farminglabs.orm.jdbc.dialect.MysqlDialect;
import dev.farminglabs.orm.jdbc.dialect.PostgresDialect;
import dev.farminglabs.orm.jdbc.dialect.SqlValue;
import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.spi.Arithmetic;
import dev.farminglabs.orm.spi.Criteria;
import dev.farminglabs.orm.spi.ReadQuery;
import dev.farminglabs.orm.spi.Sort;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Statements are rendered once per shape and bound from the values of each call: the cache is keyed by the shape
 * (null-ness, IN sizes, order, paging, returning), never by values, and is bounded.
 */
class StatementCacheTest {

	private static final ModelDefinition ITEM = FrameworkSchema.builder("cache")
		.model("item", model("cache_items")
			.field("id", id().integer())
			.field("name", string().nullable())
			.field("rank", integer())
			.field("price", decimal().nullable())
			.unique("name", "rank"))
		.build()
		.model("item");

	private final StatementRenderer renderer = new StatementRenderer(new H2Dialect());

	@Test
	void aShapeIsRenderedOnceAndBoundWithTheValuesOfEachCall() {
		SqlFragment first = this.renderer.select(ITEM, ITEM.fields(), byName("a", 3), false);
		SqlFragment second = this.renderer.select(ITEM, ITEM.fields(), byName("b", 7), false);
		assertThat(this.renderer.cache().renders()).isEqualTo(1);
		assertThat(second.sql()).isSameAs(first.sql());
		assertThat(values(first)).containsExactly("a", 3L, 3);
		assertThat(values(second)).containsExactly("b", 7L, 7);
	}

	@Test
	void nullValuesAndListSizesAreDifferentShapes() {
		SqlFragment named = select(new Criteria.Compare(field("name"), Operator.EQ, "a"));
		SqlFragment unnamed = select(new Criteria.Compare(field("name"), Operator.EQ, null));
		SqlFragment two = select(new Criteria.Compare(field("rank"), Operator.IN, List.of(1L, 2L)));
		SqlFragment three = select(new Criteria.Compare(field("rank"), Operator.IN, List.of(1L, 2L, 3L)));
		SqlFragment twoAgain = select(new Criteria.Compare(field("rank"), Operator.IN, List.of(8L, 9L)));
		SqlFragment withNull = select(new Criteria.Compare(field("name"), Operator.IN, Arrays.asList("x", null)));
		assertThat(named.sql()).contains("= ?").doesNotContain("IS NULL");
		assertThat(unnamed.sql()).contains("IS NULL");
		assertThat(unnamed.params()).isEmpty();
		assertThat(two.sql()).contains("IN (?, ?)");
		assertThat(three.sql()).contains("IN (?, ?, ?)");
		assertThat(twoAgain.sql()).isEqualTo(two.sql());
		assertThat(values(twoAgain)).containsExactly(8L, 9L);
		assertThat(withNull.sql()).contains("IS NULL");
		assertThat(values(withNull)).containsExactly("x");
		assertThat(this.renderer.cache().renders()).isEqualTo(5);
		assertThat(this.renderer.cache().size()).isEqualTo(5);
	}

	@Test
	void everyStatementKindIsCachedWithItsParametersInBindingOrder() {
		Criteria where = new Criteria.Or(List.of(new Criteria.Compare(field("rank"), Operator.GT, 1L),
				new Criteria.Not(new Criteria.Compare(field("name"), Operator.EQ, "z"))));
		for (long i = 0; i < 3; i++) {
			Map<String, @Nullable Object> changes = new LinkedHashMap<>();
			changes.put("name", "n" + i);
			changes.put("rank", new Arithmetic(Arithmetic.Kind.ADD, i));
			SqlFragment update = this.renderer.update(ITEM, where, changes, false);
			assertThat(values(update)).containsExactly("n" + i, i, 1L, "z");
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			ITEM.fields().forEach((field) -> row.put(field.name(), null));
			row.put("id", i);
			SqlFragment insert = this.renderer.insert(ITEM, ITEM.fields(), row, false);
			assertThat(values(insert)).containsExactly(i, null, null, null);
			assertThat(values(this.renderer.delete(ITEM, byId(i), false))).containsExactly(i);
			assertThat(values(this.renderer.count(ITEM, byId(i)))).containsExactly(i);
		}
		assertThat(this.renderer.cache().renders()).isEqualTo(4);
	}

	@Test
	void decimalComparisonsDependOnTheirValueAndAreRenderedEachTime() {
		SqlFragment small = select(new Criteria.Compare(field("price"), Operator.GT, new BigDecimal("1.5")));
		SqlFragment large = select(new Criteria.Compare(field("price"), Operator.GT, new BigDecimal("-20")));
		assertThat(this.renderer.cache().renders()).isEqualTo(2);
		assertThat(this.renderer.cache().size()).isZero();
		assertThat(small.params()).isNotEqualTo(large.params());
	}

	@Test
	void theCacheIsBounded() {
		StatementRenderer bounded = new StatementRenderer(new H2Dialect(), 3);
		for (int size = 1; size <= 10; size++) {
			List<Long> ranks = new java.util.ArrayList<>();
			for (long i = 0; i < size; i++) {
				ranks.add(i);
			}
			ReadQuery query = new ReadQuery(new Criteria.Compare(field("rank"), Operator.IN, ranks), List.of(), null, 0,
					ITEM.fields());
			SqlFragment sql = bounded.select(ITEM, ITEM.fields(), query, false);
			assertThat(sql.params()).hasSize(size);
			assertThat(bounded.cache().size()).isLessThanOrEqualTo(3);
		}
		assertThat(bounded.cache().renders()).isEqualTo(10);
	}

	@Test
	void eachDialectRendersItsOwnStatements() {
		StatementRenderer postgres = new StatementRenderer(new PostgresDialect());
		StatementRenderer mysql = new StatementRenderer(new MysqlDialect());
		ReadQuery page = new ReadQuery(Criteria.ALL, List.of(new Sort(field("rank"), SortDirection.ASC)), 5, 10,
				ITEM.fields());
		String onPostgres = postgres.select(ITEM, ITEM.fields(), page, false).sql();
		String onMysql = mysql.select(ITEM, ITEM.fields(), page, false).sql();
		assertThat(onPostgres).isNotEqualTo(onMysql).contains("\"rank\"");
		assertThat(onMysql).contains("`rank`");
		assertThat(postgres.select(ITEM, ITEM.fields(), page, false).sql()).isSameAs(onPostgres);
	}

	private SqlFragment select(Criteria where) {
		return this.renderer.select(ITEM, ITEM.fields(), new ReadQuery(where, List.of(), null, 0, ITEM.fields()), false);
	}

	private static ReadQuery byName(String name, int take) {
		Criteria where = new Criteria.And(List.of(new Criteria.Compare(field("name"), Operator.EQ, name),
				new Criteria.Compare(field("rank"), Operator.EQ, (long) take)));
		return new ReadQuery(where, List.of(new Sort(field("id"), SortDirection.ASC)), take, 0, ITEM.fields());
	}

	private static Criteria byId(long id) {
		return new Criteria.Compare(field("id"), Operator.EQ, id);
	}

	private static dev.farminglabs.orm.schema.FieldDefinition field(String name) {
		return ITEM.field(name);
	}

	private static List<@Nullable Object> values(SqlFragment sql) {
		return sql.params().stream().map(SqlValue::value).toList();
	}

}
