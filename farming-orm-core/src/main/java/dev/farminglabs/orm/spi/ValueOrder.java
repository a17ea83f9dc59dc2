package dev.farminglabs.orm.spi;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.query.SortDirection;
import org.jspecify.annotations.Nullable;

/**
 * The order of canonical values and of rows: strings by code point, numbers and datetimes by value; nulls first
 * ascending and last descending.
 */
public final class ValueOrder {

	private ValueOrder() {
	}

	/** Compares two non-null canonical values of the same field. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static int compare(Object left, @Nullable Object right) {
		if (right == null) {
			return 1;
		}
		if (left instanceof String a && right instanceof String b) {
			return compareCodePoints(a, b);
		}
		return ((Comparable) left).compareTo(right);
	}

	private static int compareCodePoints(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int x = a.codePointAt(i);
			int y = b.codePointAt(j);
			if (x != y) {
				return Integer.compare(x, y);
			}
			i += Character.charCount(x);
			j += Character.charCount(y);
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

	/** A row comparator for these sort keys. */
	public static Comparator<Map<String, @Nullable Object>> rows(List<Sort> orderBy) {
		Comparator<Map<String, @Nullable Object>> comparator = (a, b) -> 0;
		for (Sort sort : orderBy) {
			String name = sort.field().name();
			boolean descending = sort.direction() == SortDirection.DESC;
			Comparator<Map<String, @Nullable Object>> key = (a, b) -> {
				Object x = a.get(name);
				Object y = b.get(name);
				if (x == null || y == null) {
					// Nulls first ascending; reversing for descending puts them last.
					int nulls = (x == null) ? ((y == null) ? 0 : -1) : 1;
					return descending ? -nulls : nulls;
				}
				int order = compare(x, y);
				return descending ? -order : order;
			};
			comparator = comparator.thenComparing(key);
		}
		return comparator;
	}

}
