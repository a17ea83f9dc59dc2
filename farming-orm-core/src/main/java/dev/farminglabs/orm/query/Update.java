package dev.farminglabs.orm.query;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An atomic change of a number field in update data, applied by the backend to the value it holds at that moment
 * (Prisma's {@code { increment: 1 }}): {@code Data.of("count", Update.increment(1))} or
 * {@code u.set("balance", Update.multiply(new BigDecimal("1.05")))}. No read happens first, so concurrent updates
 * are never lost. Only {@code integer()}, {@code bigint()} and {@code decimal()} fields take one, only in update data
 * ({@code update}, {@code updateMany}, the update of {@code upsert}); a {@code null} value stays {@code null}, as in
 * SQL; a result outside the field's range fails with {@code VALIDATION_ERROR}. Backends apply it only where
 * {@code Capabilities.supportsAtomicUpdates()} says so; elsewhere it fails with {@code UNSUPPORTED_OPERATION}.
 *
 * <p>
 * Like every other input, a missing or unfitting amount is reported by the write that uses it, as a
 * {@code VALIDATION_ERROR} naming the model and field.
 *
 * @param operation what to do with the stored value
 * @param amount the operand, of a type the field accepts ({@code Integer}, {@code Long}, {@code BigInteger};
 * {@code BigDecimal} for decimals)
 */
public record Update(Operation operation, @Nullable Number amount) {

	public Update {
		Objects.requireNonNull(operation, "operation");
	}

	/** Adds {@code amount} to the stored value. */
	public static Update increment(@Nullable Number amount) {
		return new Update(Operation.INCREMENT, amount);
	}

	/** Subtracts {@code amount} from the stored value. */
	public static Update decrement(@Nullable Number amount) {
		return new Update(Operation.DECREMENT, amount);
	}

	/** Multiplies the stored value by {@code amount} (a decimal keeps the scale of the exact product). */
	public static Update multiply(@Nullable Number amount) {
		return new Update(Operation.MULTIPLY, amount);
	}

	/** The atomic operations on a number field. */
	public enum Operation {

		/** {@code value + amount}. */
		INCREMENT,

		/** {@code value - amount}. */
		DECREMENT,

		/** {@code value * amount}. */
		MULTIPLY

	}

}
