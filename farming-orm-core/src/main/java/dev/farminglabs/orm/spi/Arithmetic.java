package dev.farminglabs.orm.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import org.jspecify.annotations.Nullable;

/**
 * An atomic number change as drivers receive it in update changes, in place of a value: the client has checked the
 * field is a number field and turned {@code Update.increment/decrement/multiply} into an addition or a
 * multiplication by a canonical amount of the field's type ({@code Long}, {@code BigInteger} or {@code BigDecimal}).
 * A driver applies it to the value stored at the moment of the write ({@code SET n = n + ?}), never to a value it read
 * earlier unless it holds the row's lock in between. Only sent to drivers whose capabilities declare
 * {@code supportsAtomicUpdates}.
 *
 * @param kind addition or multiplication
 * @param amount the canonical operand
 */
public record Arithmetic(Kind kind, Object amount) {

	private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

	private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

	public Arithmetic {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(amount, "amount");
	}

	/**
	 * The new value of a field holding {@code current}; {@code null} stays {@code null}.
	 * @throws OrmException with code {@code VALIDATION_ERROR} naming the model and field when the result leaves the
	 * 64-bit range of an integer or bigint field
	 */
	public @Nullable Object applyTo(ModelDefinition model, FieldDefinition field, @Nullable Object current) {
		if (current == null) {
			return null;
		}
		if (current instanceof Long value) {
			try {
				long operand = ((Number) this.amount).longValue();
				return (this.kind == Kind.ADD) ? Math.addExact(value, operand) : Math.multiplyExact(value, operand);
			}
			catch (ArithmeticException ex) {
				throw outOfRange(model, field, current);
			}
		}
		if (current instanceof BigInteger value) {
			BigInteger operand = (this.amount instanceof BigInteger big) ? big : BigInteger.valueOf(((Number) this.amount).longValue());
			BigInteger result = (this.kind == Kind.ADD) ? value.add(operand) : value.multiply(operand);
			if (result.compareTo(LONG_MIN) < 0 || result.compareTo(LONG_MAX) > 0) {
				throw outOfRange(model, field, current);
			}
			return result;
		}
		if (current instanceof BigDecimal value) {
			BigDecimal operand = (BigDecimal) this.amount;
			return (this.kind == Kind.ADD) ? value.add(operand) : value.multiply(operand);
		}
		throw new IllegalStateException("Field '" + field.name() + "' holds no number: " + current.getClass().getName());
	}

	private OrmException outOfRange(ModelDefinition model, FieldDefinition field, Object current) {
		return OrmException.validation(model.name(), field.name(), "Model '" + model.name() + "' field '"
				+ field.name() + "': " + current + ((this.kind == Kind.ADD) ? " + " : " * ") + this.amount
				+ " is outside the signed 64-bit range");
	}

	/** The two operations; subtraction is an addition of the negated amount. */
	public enum Kind {

		/** {@code value + amount}. */
		ADD,

		/** {@code value * amount}. */
		MULTIPLY

	}

}
