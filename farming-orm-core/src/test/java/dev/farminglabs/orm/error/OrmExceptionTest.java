package dev.farminglabs.orm.error;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrmExceptionTest {

	@Test
	void anErrorInDoubtIsNeverRetryable() {
		OrmException lost = OrmException.builder(OrmErrorCode.CONNECTION_FAILURE, "socket closed during commit")
			.inDoubt(true)
			.build();
		assertThat(lost.inDoubt()).isTrue();
		assertThat(lost.retryable()).isFalse();
		OrmException refused = OrmException.builder(OrmErrorCode.CONNECTION_FAILURE, "refused").build();
		assertThat(refused.inDoubt()).isFalse();
		assertThat(refused.retryable()).isTrue();
	}

	@Test
	void theNewCodesAreNotRetryable() {
		assertThat(OrmErrorCode.PERMISSION_DENIED.retryable()).isFalse();
		assertThat(OrmErrorCode.UNKNOWN.retryable()).isFalse();
	}

	@Test
	void aCopyKeepsEverythingAndChangesWhatItIsTold() {
		IllegalStateException cause = new IllegalStateException("cause");
		OrmException original = OrmException.builder(OrmErrorCode.TIMEOUT, "slow")
			.cause(cause)
			.backend("jdbc", "postgresql")
			.constraint("c")
			.target(List.of("f"))
			.originalCode("57014")
			.build();
		OrmException copy = OrmException.Builder.from(original).model("user").inDoubt(true).build();
		assertThat(copy).hasMessage("slow").hasCause(cause);
		assertThat(copy.code()).isEqualTo(OrmErrorCode.TIMEOUT);
		assertThat(copy.backendKind()).isEqualTo("jdbc");
		assertThat(copy.dialect()).isEqualTo("postgresql");
		assertThat(copy.constraint()).isEqualTo("c");
		assertThat(copy.target()).containsExactly("f");
		assertThat(copy.originalCode()).isEqualTo("57014");
		assertThat(copy.model()).isEqualTo("user");
		assertThat(copy.inDoubt()).isTrue();
		assertThat(copy.retryable()).isFalse();
	}

}
