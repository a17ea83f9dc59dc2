package dev.farminglabs.orm.codec;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The limits are checked in time linear in the input, however the input is built. */
class InputLimitsTest {

	@Test
	void digitsAreCountedWithoutWritingTheNumberOut() {
		assertThat(InputLimits.plainDigits(new BigDecimal("12.50"))).isEqualTo(4);
		assertThat(InputLimits.plainDigits(new BigDecimal("0.001"))).isEqualTo(4);
		assertThat(InputLimits.plainDigits(new BigDecimal("1E+3"))).isEqualTo(4);
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
			assertThat(InputLimits.plainDigits(new BigDecimal("1E+2147483647"))).isEqualTo(2_147_483_648L);
			assertThat(InputLimits.plainDigits(new BigDecimal("1E-2147483647"))).isEqualTo(2_147_483_648L);
			assertThatIllegalArgumentException().isThrownBy(() -> JsonValues
				.normalize(JsonNodeFactory.instance.numberNode(new BigDecimal("9E+2147483647"))));
		});
	}

	@Test
	void hugeInputsAreRefusedQuickly() {
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			String text = "a".repeat(5_000_000) + "\uD800";
			assertThatThrownBy(() -> InputLimits.checkText("m", "f", text)).isInstanceOfSatisfying(OrmException.class,
					(error) -> {
						assertThat(error.code()).isEqualTo(OrmErrorCode.VALIDATION_ERROR);
						assertThat(error.model()).isEqualTo("m");
						assertThat(error.target()).containsExactly("f");
					});
			List<Object> deep = new ArrayList<>();
			List<Object> current = deep;
			for (int i = 0; i < 1_000_000; i++) {
				List<Object> next = new ArrayList<>();
				current.add(next);
				current = next;
			}
			assertThatThrownBy(() -> InputLimits.checkJsonSource("m", "f", deep)).isInstanceOf(OrmException.class);
			assertThat(InputLimits.describe(deep)).isEqualTo("ArrayList of 1 items");
		});
	}

	@Test
	void pairedSurrogatesAreText() {
		assertThat(InputLimits.checkText(null, null, "😀𝄞")).isEqualTo("😀𝄞");
		assertThatThrownBy(() -> InputLimits.checkText(null, null, "\uDE00\uD83D")).isInstanceOf(OrmException.class);
	}

}
