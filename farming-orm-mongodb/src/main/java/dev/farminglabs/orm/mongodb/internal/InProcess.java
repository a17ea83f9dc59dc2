package dev.farminglabs.orm.mongodb.internal;

import java.util.List;

import dev.farminglabs.orm.schema.FieldKind;
import dev.farminglabs.orm.spi.Criteria;
import dev.farminglabs.orm.spi.Sort;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the server cannot order or compare as the contract says, and the driver therefore does in process with the
 * core's {@code ValueOrder} and {@code CriteriaEvaluator}.
 *
 * <ul>
 * <li>Decimals are stored as {@code <key> <text>} ({@link DecimalKey}): ranges and equality on the key are exact on the
 * server, but a server sort would order equal values of different scale ({@code 12.5}, {@code 12.50}) by their text
 * instead of by id, so a sort on a decimal field is done in process.</li>
 * <li>Strings order by code point. MongoDB compares UTF-8 bytes, which is code point order; mongo-java-server compares
 * Java strings by UTF-16 code unit, which puts characters above U+FFFF (surrogates, {@code 0xD800-0xDFFF}) below
 * {@code U+E000-U+FFFF}. On such a server a sort on a string field is done in process, and so is a range filter on a
 * string whose bound holds a character from {@code U+D800} up (with a bound below that, both orders agree: the first
 * difference from the bound is then never a surrogate against {@code U+E000-U+FFFF}).</li>
 * <li>mongo-java-server also matches JSON objects and arrays with {@code $expr: {$eq: ...}} that differ (an array of
 * a string and a number equals another of the same shape), so there equality with a JSON object or array is
 * evaluated in process too.</li>
 * </ul>
 */
final class InProcess {

	private InProcess() {
	}

	/** Whether the rows must be sorted in process. */
	static boolean sorts(List<Sort> orderBy, boolean mongoJavaServer) {
		for (Sort sort : orderBy) {
			FieldKind kind = sort.field().kind();
			if (kind == FieldKind.DECIMAL || (mongoJavaServer && kind == FieldKind.STRING)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the criteria must be evaluated in process. */
	static boolean filters(Criteria criteria, boolean mongoJavaServer) {
		if (!mongoJavaServer) {
			return false;
		}
		if (criteria instanceof Criteria.Compare compare) {
			return switch (compare.operator()) {
				case GT, GTE, LT, LTE -> compare.value() instanceof String bound && aboveBasicPlane(bound);
				case EQ, NOT -> container(compare.value());
				case IN, NOT_IN -> ((List<?>) compare.value()).stream().anyMatch(InProcess::container);
				default -> false;
			};
		}
		if (criteria instanceof Criteria.And and) {
			return and.criteria().stream().anyMatch((child) -> filters(child, true));
		}
		if (criteria instanceof Criteria.Or or) {
			return or.criteria().stream().anyMatch((child) -> filters(child, true));
		}
		return filters(((Criteria.Not) criteria).criteria(), true);
	}

	private static boolean container(@Nullable Object value) {
		return value instanceof JsonNode json && json.isContainer();
	}

	/** Whether the text holds a character whose UTF-16 order differs from its code point order against others. */
	private static boolean aboveBasicPlane(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= '\uD800') {
				return true;
			}
		}
		return false;
	}

}
