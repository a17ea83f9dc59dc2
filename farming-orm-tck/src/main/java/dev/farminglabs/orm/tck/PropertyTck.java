package dev.farminglabs.orm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.FindQuery;
import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.query.Where;
import dev.farminglabs.orm.schema.ModelDefinition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties that hold for any input, checked with 200 fixed seeds: random values of random Java types in random
 * shapes (subsets of fields, unknown names, where maps with real and bogus operators, odd paging) thrown at
 * {@code create}, {@code findMany}, {@code update} and {@code upsert} of {@code user}, {@code sample} and
 * {@code cacheEntry}. Every call either succeeds or throws {@link OrmException}; a call that throws changes no row;
 * a read changes no row; a write changes at most the row it returns, which reads back as returned.
 */
public abstract class PropertyTck extends TckSupport {

	private static final List<String> MODELS = List.of("user", "sample", "cacheEntry");

	private static final int CALLS_PER_SEED = 8;

	protected PropertyTck(TckBackend backend) {
		super(backend);
	}

	/** 200 fixed seeds, spread over the {@code long} range. */
	static LongStream seeds() {
		return LongStream.rangeClosed(1, 200).map((i) -> i * 0x9E3779B97F4A7C15L);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void everyCallSucceedsOrThrowsOrmExceptionAndOnlyWhatItReturnsChanges(long seed) {
		RandomValues random = new RandomValues(new Random(seed));
		seedRows(random);
		for (int i = 0; i < CALLS_PER_SEED; i++) {
			String name = random.pick(MODELS);
			Map<String, List<Row>> before = snapshot();
			Call call = randomCall(name, before.get(name), random);
			String description = "seed " + seed + ", call " + i + ": " + call.description();
			Outcome outcome = new Outcome();
			Throwable thrown = catchThrowable(() -> outcome.set(call.operation().get()));
			Map<String, List<Row>> after = snapshot();
			if (thrown != null) {
				assertThat(thrown).as(() -> description + "\n" + stackTrace(thrown)).isInstanceOf(OrmException.class);
				assertThat(after).as("%s threw %s, yet rows changed", description, thrown).isEqualTo(before);
				continue;
			}
			Row written = outcome.writtenRow();
			Map<String, List<Row>> expected = new LinkedHashMap<>(before);
			if (written != null) {
				Optional<Row> stored = model(name).findUnique((q) -> q.where("id", written.get("id")));
				if (hasExpired(name, written)) {
					// An expiry field in the past: the row is written but no read may return it.
					assertThat(stored).as("%s wrote an expired row, which reads back", description).isEmpty();
					expected.put(name, without(before.get(name), written));
				}
				else {
					assertThat(stored).as("%s returned a row that reads back differently", description).contains(written);
					expected.put(name, replaced(before.get(name), written));
				}
			}
			assertThat(byId(after.get(name))).as("%s changed rows beyond the one it returned", description)
				.isEqualTo(byId(expected.get(name)));
			for (String other : MODELS) {
				if (!other.equals(name)) {
					assertThat(after.get(other)).as("%s changed model %s", description, other).isEqualTo(before.get(other));
				}
			}
			Integer take = call.take();
			if (take != null && outcome.value() instanceof List<?> rows) {
				assertThat(rows).as("%s returned more rows than taken", description).hasSizeLessThanOrEqualTo(take);
			}
		}
	}

	private void seedRows(RandomValues random) {
		for (int i = 0; i < 2; i++) {
			model("user").create(Data.of("email", "seed" + i + "@example.com", "name", random.storableString()));
			model("sample").create(Data.of("text", random.storableString(), "flag", random.chance(0.5), "at", random.instant(),
					"count", random.nextInt(1000), "big", random.bigInteger().shiftRight(2), "amount", random.decimal(),
					"payload", random.storableJson(2)));
			model("cacheEntry").create(
					Data.of("namespace", "ns" + i, "key", random.ascii(3), "value", random.storableJson(2)));
		}
	}

	private Call randomCall(String name, List<Row> rows, RandomValues random) {
		ModelDefinition definition = TckSchema.SCHEMA.model(name);
		ModelClient<Row> client = model(name);
		return switch (random.nextInt(10)) {
			case 0, 1, 2 -> {
				Object data = random.data(definition, rows);
				yield new Call("create " + name + " " + data, () -> client.create(data), null);
			}
			case 3, 4 -> {
				FindShape shape = FindShape.random(definition, rows, random);
				yield new Call("findMany " + name + " " + shape, () -> client.findMany(shape::applyTo), shape.take());
			}
			case 5, 6, 7 -> {
				Map<String, @Nullable Object> where = random.chance(0.3) ? random.uniqueWhere(definition, rows)
						: random.where(definition, rows, 2);
				Object data = random.data(definition, rows);
				yield new Call("update " + name + " where " + where + " data " + data,
						() -> client.update((u) -> u.where(Where.fromMap(where)).data(data)).orElse(null), null);
			}
			default -> {
				Map<String, @Nullable Object> where = random.chance(0.8) ? random.uniqueWhere(definition, rows)
						: random.where(definition, rows, 1);
				Object create = random.data(definition, rows, random.chance(0.8));
				Object update = random.chance(0.9) ? random.data(definition, rows, random.chance(0.7)) : null;
				yield new Call("upsert " + name + " where " + where + " create " + create + " update " + update,
						() -> client.upsert((u) -> {
							u.where(Where.fromMap(where)).create(create);
							if (update != null) {
								u.update(update);
							}
						}), null);
			}
		};
	}

	private Map<String, List<Row>> snapshot() {
		Map<String, List<Row>> rows = new LinkedHashMap<>();
		for (String name : MODELS) {
			rows.put(name, model(name).findMany());
		}
		return rows;
	}

	private static List<Row> replaced(List<Row> rows, Row written) {
		List<Row> result = without(rows, written);
		result.add(written);
		return result;
	}

	private static List<Row> without(List<Row> rows, Row written) {
		List<Row> result = new ArrayList<>(rows);
		result.removeIf((row) -> row.get("id").equals(written.get("id")));
		return result;
	}

	/** Whether the row's expiry field ({@code datetime().expiry()}) has passed. */
	private static boolean hasExpired(String model, Row row) {
		return TckSchema.SCHEMA.model(model)
			.expiryField()
			.map((field) -> row.getInstant(field.name()))
			.filter((expiresAt) -> !expiresAt.isAfter(java.time.Instant.now()))
			.isPresent();
	}

	private static Map<Object, Row> byId(List<Row> rows) {
		Map<Object, Row> byId = new LinkedHashMap<>();
		rows.forEach((row) -> byId.put(row.get("id"), row));
		return byId;
	}

	private static String stackTrace(Throwable thrown) {
		StringWriter text = new StringWriter();
		thrown.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

	/** The shape of a random read; a field of {@code null} leaves that part of the query out. */
	private record FindShape(@Nullable Map<String, @Nullable Object> where, @Nullable Integer take,
			@Nullable Integer skip, @Nullable String orderBy, boolean descending, @Nullable String select,
			@Nullable String relation, @Nullable Integer relationTake, @Nullable Integer relationSkip) {

		private static final List<Integer> TAKES = List.of(-1, 0, 1, 2, Integer.MAX_VALUE);

		private static final List<Integer> SKIPS = List.of(-1, 0, 1, 5, Integer.MAX_VALUE);

		static FindShape random(ModelDefinition model, List<Row> rows, RandomValues random) {
			List<String> relations = List.copyOf(model.relations().keySet());
			String relation = (!relations.isEmpty() && random.chance(0.4)) ? random.pick(relations) : null;
			return new FindShape(random.chance(0.8) ? random.where(model, rows, 2) : null,
					random.chance(0.3) ? random.pick(TAKES) : null, random.chance(0.3) ? random.pick(SKIPS) : null,
					random.chance(0.3) ? random.fieldName(model) : null, random.chance(0.5),
					random.chance(0.2) ? random.fieldName(model) : null, relation,
					(relation != null && random.chance(0.5)) ? random.pick(TAKES) : null,
					(relation != null && random.chance(0.5)) ? random.pick(SKIPS) : null);
		}

		void applyTo(FindQuery query) {
			if (this.where != null) {
				query.where(Where.fromMap(this.where));
			}
			if (this.take != null) {
				query.take(this.take);
			}
			if (this.skip != null) {
				query.skip(this.skip);
			}
			if (this.orderBy != null) {
				query.orderBy(this.orderBy, this.descending ? SortDirection.DESC : SortDirection.ASC);
			}
			if (this.select != null) {
				query.select(this.select, "id");
			}
			if (this.relation != null) {
				query.include(this.relation, (nested) -> {
					if (this.relationTake != null) {
						nested.take(this.relationTake);
					}
					if (this.relationSkip != null) {
						nested.skip(this.relationSkip);
					}
				});
			}
		}

	}

	/** One random call: what it does, in words (cut short), and the take of a read. */
	private record Call(String description, Supplier<@Nullable Object> operation, @Nullable Integer take) {

		Call {
			description = (description.length() > 600) ? description.substring(0, 600) + "..." : description;
		}

	}

	/** What a call returned. */
	private static final class Outcome {

		private @Nullable Object value;

		void set(@Nullable Object value) {
			this.value = value;
		}

		@Nullable Object value() {
			return this.value;
		}

		/** The row a write returned, if it was a write that returned one. */
		@Nullable Row writtenRow() {
			return (this.value instanceof Row row) ? row : null;
		}

	}

}
