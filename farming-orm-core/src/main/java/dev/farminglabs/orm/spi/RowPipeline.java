package dev.farminglabs.orm.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.farminglabs.orm.query.SortDirection;
import org.jspecify.annotations.Nullable;

/**
 * The read pipeline on rows held in Java: filter ({@link CriteriaEvaluator}) → sort ({@link ValueOrder}) → page →
 * list or stream, with the exact semantics the TCK pins. The memory driver reads through it; a driver whose backend
 * cannot evaluate a where (a key-value store, a filter a document store cannot express) feeds it the candidate rows
 * instead of re-implementing any step. Rows are never copied or changed.
 */
public final class RowPipeline {

	private RowPipeline() {
	}

	/** The rows matching, in the order given. */
	public static List<Map<String, @Nullable Object>> matching(Iterable<Map<String, @Nullable Object>> rows,
			Criteria where) {
		List<Map<String, @Nullable Object>> matched = new ArrayList<>();
		for (Map<String, @Nullable Object> row : rows) {
			if (CriteriaEvaluator.matches(where, row)) {
				matched.add(row);
			}
		}
		return matched;
	}

	/** How many rows match. */
	public static long count(Iterable<Map<String, @Nullable Object>> rows, Criteria where) {
		long count = 0;
		for (Map<String, @Nullable Object> row : rows) {
			if (CriteriaEvaluator.matches(where, row)) {
				count++;
			}
		}
		return count;
	}

	/** The first matching row of rows given in id order, as {@code update}/{@code delete} act on. */
	public static Optional<Map<String, @Nullable Object>> firstMatch(Iterable<Map<String, @Nullable Object>> rowsInIdOrder,
			Criteria where) {
		for (Map<String, @Nullable Object> row : rowsInIdOrder) {
			if (CriteriaEvaluator.matches(where, row)) {
				return Optional.of(row);
			}
		}
		return Optional.empty();
	}

	/** The rows a {@link ReadQuery} returns: the matching ones, sorted by its order, then paged. */
	public static List<Map<String, @Nullable Object>> read(Iterable<Map<String, @Nullable Object>> rows,
			ReadQuery query) {
		List<Map<String, @Nullable Object>> matched = matching(rows, query.where());
		matched.sort(ValueOrder.rows(query.orderBy()));
		return page(matched, query.skip(), query.take());
	}

	/**
	 * The rows a {@link ReadQuery} returns, lazily. When the query orders by the id ascending only and the rows come
	 * in id order, nothing is held in memory; otherwise the matching rows are collected to be sorted.
	 */
	public static Stream<Map<String, @Nullable Object>> stream(Stream<Map<String, @Nullable Object>> rowsInIdOrder,
			ReadQuery query) {
		if (isIdOrder(query.orderBy())) {
			Stream<Map<String, @Nullable Object>> matched = rowsInIdOrder
				.filter((row) -> CriteriaEvaluator.matches(query.where(), row))
				.skip(query.skip());
			Integer take = query.take();
			return (take != null) ? matched.limit(take) : matched;
		}
		List<Map<String, @Nullable Object>> all;
		try (rowsInIdOrder) {
			all = read(rowsInIdOrder::iterator, query);
		}
		return all.stream();
	}

	/** Whether the sort keys are the id ascending alone, the order a key-value store keeps its id index in. */
	public static boolean isIdOrder(List<Sort> orderBy) {
		return orderBy.size() == 1 && orderBy.get(0).field().isId()
				&& orderBy.get(0).direction() == SortDirection.ASC;
	}

	/** Skips then takes ({@code null}: all), without copying; {@code skip + take} may exceed the int range. */
	public static <T> List<T> page(List<T> rows, int skip, @Nullable Integer take) {
		int from = Math.min(rows.size(), skip);
		int to = (take != null) ? (int) Math.min(rows.size(), (long) from + take) : rows.size();
		return (from == 0 && to == rows.size()) ? rows : Collections.unmodifiableList(rows.subList(from, to));
	}

}
