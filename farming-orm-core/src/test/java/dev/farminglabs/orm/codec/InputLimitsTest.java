package dev.farminglabs.orm.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.function.Consumer;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.DecimalNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The limits are checked in time linear in the input, however the input is built. Nothing here is timed: each case
 * counts the work a check does, or uses an input that a check which expands, recurses through or rescans it cannot
 * survive (a number with 2^31 digits, a million nested lists), so a regression fails the same way on any machine.
 */
class InputLimitsTest {

	@Test
	void digitsAreCountedWithoutWritingTheNumberOut() {
		assertThat(InputLimits.plainDigits(new BigDecimal("12.50"))).isEqualTo(4);
		assertThat(InputLimits.plainDigits(new BigDecimal("0.001"))).isEqualTo(4);
		assertThat(InputLimits.plainDigits(new BigDecimal("1E+3"))).isEqualTo(4);
		// Written out, these have 2^31 digits: more than a String or a BigInteger can hold, so a count that writes the
		// number out (toPlainString, setScale(0), a power of ten) throws instead of answering.
		assertThat(InputLimits.plainDigits(new DigitsNotCounted("1", -2147483647))).isEqualTo(2_147_483_648L);
		assertThat(InputLimits.plainDigits(new DigitsNotCounted("1", 2147483647))).isEqualTo(2_147_483_648L);
		assertThatIllegalArgumentException().isThrownBy(() -> JsonValues
			.normalize(DecimalNode.valueOf(new DigitsNotCounted("9", -2147483647))));
	}

	@Test
	void aMillionDigitNumberIsMeasuredByItsBitsNotByCountingItsDigits() {
		// BigDecimal.precision() of a huge unscaled value costs more than linear time; DigitsNotCounted fails if any
		// check asks for it (or writes the number out), so the limits must answer from the bit length.
		BigInteger million = BigInteger.ONE.shiftLeft(3_400_000); // 1,023,502 digits, cheap to build
		assertThat(InputLimits.plainDigits(new DigitsNotCounted(million, 0))).isBetween(1_023_000L, 1_024_000L);
		assertThat(InputLimits.plainDigits(new DigitsNotCounted(million, 1_000))).isBetween(1_023_000L, 1_024_000L);
		assertThat(DecimalRange.fits(new DigitsNotCounted(million, 0))).isFalse();
		assertThatThrownBy(() -> DecimalRange.check("m", "f", new DigitsNotCounted(million, 0)))
			.isInstanceOfSatisfying(OrmException.class, (error) -> assertValidation(error, "m", "f"));
		assertThatIllegalArgumentException().isThrownBy(() -> JsonValues
			.normalize(DecimalNode.valueOf(new DigitsNotCounted(million, 0))));
	}

	@Test
	void textIsCheckedInOnePassNamingTheModelAndField() {
		// Five million chars: a check that recurses or backtracks per char (a regex over the whole text) overflows the
		// stack on it, and one that rescans from the start reads trillions of chars, which the count below refuses.
		String body = "a".repeat(5_000_000);
		CountingChars text = new CountingChars(body + "\uD83D\uDE00" + "\uD800");
		assertThatThrownBy(() -> InputLimits.checkChars("m", "f", text)).isInstanceOfSatisfying(OrmException.class,
				(error) -> {
					assertValidation(error, "m", "f");
					assertThat(error.getMessage()).contains("unpaired UTF-16 surrogate at index 5000002");
				});
		assertThat(text.reads).as("chars read for %d chars", text.length()).isLessThanOrEqualTo(2L * text.length());
		assertThatThrownBy(() -> InputLimits.checkText("m", "f", body + "\uD800"))
			.isInstanceOfSatisfying(OrmException.class, (error) -> assertValidation(error, "m", "f"));
	}

	@Test
	void deepJsonSourcesAreRefusedAtTheDepthLimitWithoutWalkingFurther() {
		// A million nested lists: walking them all overflows the stack; the check must stop at the limit, having
		// opened no more lists than MAX_JSON_DEPTH allows, and describe must not open any.
		long[] opened = new long[1];
		List<Object> deep = new CountingList(opened);
		List<Object> current = deep;
		for (int i = 0; i < 1_000_000; i++) {
			List<Object> next = new CountingList(opened);
			current.add(next);
			current = next;
		}
		assertThatThrownBy(() -> InputLimits.checkJsonSource("m", "f", deep))
			.isInstanceOfSatisfying(OrmException.class, (error) -> {
				assertValidation(error, "m", "f");
				assertThat(error.getMessage()).contains("deeper than " + InputLimits.MAX_JSON_DEPTH);
			});
		assertThat(opened[0]).as("lists iterated").isLessThanOrEqualTo(InputLimits.MAX_JSON_DEPTH);
		opened[0] = 0;
		assertThat(InputLimits.describe(deep)).isEqualTo("CountingList of 1 items");
		assertThat(opened[0]).as("lists iterated by describe").isZero();
		List<Object> itself = new ArrayList<>();
		itself.add(itself);
		assertThatThrownBy(() -> InputLimits.checkJsonSource("m", "f", itself))
			.isInstanceOfSatisfying(OrmException.class, (error) -> assertValidation(error, "m", "f"));
		assertThat(InputLimits.describe(itself)).isEqualTo("ArrayList of 1 items");
	}

	@Test
	void sharedJsonSourcesAreRefusedByTheValuesTheyHoldWithoutWalkingThemAll() {
		// Each level holds the level below twice: 30 levels are within the depth limit but hold 2^30 values. The
		// walk must stop at the value limit, having opened about as many lists as that limit allows.
		long[] opened = new long[1];
		List<Object> shared = new CountingList(opened);
		shared.add(1);
		for (int i = 0; i < 29; i++) {
			List<Object> level = new CountingList(opened);
			level.add(shared);
			level.add(shared);
			shared = level;
		}
		List<Object> hostile = shared;
		assertThatThrownBy(() -> InputLimits.checkJsonSource("m", "f", hostile))
			.isInstanceOfSatisfying(OrmException.class, (error) -> {
				assertValidation(error, "m", "f");
				assertThat(error.getMessage()).contains("more than " + InputLimits.MAX_JSON_VALUES + " values");
			});
		assertThat(opened[0]).as("lists iterated").isLessThanOrEqualTo(InputLimits.MAX_JSON_VALUES);
		List<Object> wide = new ArrayList<>(java.util.Collections.nCopies(InputLimits.MAX_JSON_VALUES - 1, 0));
		InputLimits.checkJsonSource("m", "f", wide);
		wide.add(0);
		assertThatThrownBy(() -> InputLimits.checkJsonSource("m", "f", wide)).isInstanceOf(OrmException.class);
		InputLimits.checkJsonSource("m", "f", new long[InputLimits.MAX_JSON_VALUES - 1]);
		assertThatThrownBy(() -> InputLimits.checkJsonSource("m", "f", new long[InputLimits.MAX_JSON_VALUES]))
			.isInstanceOf(OrmException.class);
	}

	@Test
	void pairedSurrogatesAreText() {
		assertThat(InputLimits.checkText(null, null, "😀𝄞")).isEqualTo("😀𝄞");
		assertThatThrownBy(() -> InputLimits.checkText(null, null, "\uDE00\uD83D")).isInstanceOf(OrmException.class);
	}

	private static void assertValidation(OrmException error, String model, String field) {
		assertThat(error.code()).isEqualTo(OrmErrorCode.VALIDATION_ERROR);
		assertThat(error.model()).isEqualTo(model);
		assertThat(error.target()).containsExactly(field);
	}

	/** A decimal that refuses to count its digits or be written out, the two costs a limit check must not pay. */
	@SuppressWarnings("serial")
	private static final class DigitsNotCounted extends BigDecimal {

		DigitsNotCounted(String unscaled, int scale) {
			this(new BigInteger(unscaled), scale);
		}

		DigitsNotCounted(BigInteger unscaled, int scale) {
			super(unscaled, scale);
		}

		@Override
		public int precision() {
			if (unscaledValue().bitLength() > 64) {
				throw new AssertionError("precision() of a " + unscaledValue().bitLength() + "-bit number");
			}
			return super.precision();
		}

		@Override
		public String toString() {
			throw new AssertionError("toString() writes the number out");
		}

		@Override
		public String toPlainString() {
			throw new AssertionError("toPlainString() writes the number out");
		}

		@Override
		public String toEngineeringString() {
			throw new AssertionError("toEngineeringString() writes the number out");
		}

	}

	/** Text that counts how many chars are read from it. */
	private static final class CountingChars implements CharSequence {

		private final String text;

		long reads;

		CountingChars(String text) {
			this.text = text;
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public char charAt(int index) {
			this.reads++;
			return this.text.charAt(index);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			this.reads += end - start;
			return this.text.subSequence(start, end);
		}

		@Override
		public String toString() {
			this.reads += this.text.length();
			return this.text;
		}

	}

	/** A list that counts how often any list sharing its counter is iterated. */
	@SuppressWarnings("serial")
	private static final class CountingList extends ArrayList<Object> {

		private final long[] opened;

		CountingList(long[] opened) {
			this.opened = opened;
		}

		@Override
		public Iterator<Object> iterator() {
			this.opened[0]++;
			return super.iterator();
		}

		@Override
		public Spliterator<Object> spliterator() {
			this.opened[0]++;
			return super.spliterator();
		}

		@Override
		public void forEach(Consumer<? super Object> action) {
			this.opened[0]++;
			super.forEach(action);
		}

	}

}
