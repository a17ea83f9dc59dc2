package dev.farminglabs.orm.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.temporal.ChronoUnit;

import dev.farminglabs.orm.memory.MemoryDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Capabilities}: the builder's defaults, the {@code toBuilder} round trip and the record's invariants. */
class CapabilitiesTest {

	@Test
	void startsWithEveryFeatureOn() {
		Capabilities caps = Capabilities.builder().build();
		assertThat(caps.supportsNumericIds()).isTrue();
		assertThat(caps.numericIds()).isEqualTo(NumericIds.GENERATED);
		assertThat(caps.supportsJson()).isTrue();
		assertThat(caps.supportsDates()).isTrue();
		assertThat(caps.supportsBooleans()).isTrue();
		assertThat(caps.supportsTransactions()).isTrue();
		assertThat(caps.supportsSchemaNamespaces()).isTrue();
		assertThat(caps.supportsTransactionalDdl()).isTrue();
		assertThat(caps.supportsJoin()).isTrue();
		assertThat(caps.nativeRelationLoading()).isTrue();
		assertThat(caps.supportsForeignKeys()).isTrue();
		assertThat(caps.textComparison()).isEqualTo(TextComparison.CASE_SENSITIVE);
		assertThat(caps.textMatching()).isEqualTo(TextMatching.CASE_SENSITIVE);
		assertThat(caps.upsert()).isEqualTo(UpsertSupport.NATIVE);
		assertThat(caps.returning()).isEqualTo(Returning.all());
		assertThat(caps.returningMode()).isEqualTo(ReturningMode.NATIVE);
		assertThat(caps.nativeRelations()).isEqualTo(NativeRelations.all());
		assertThat(caps.datetimePrecision()).isEqualTo(ChronoUnit.MICROS);
		assertThat(caps.maxBatchSize()).isEqualTo(1000);
	}

	@Test
	void roundTripsThroughToBuilder() {
		Capabilities everythingOff = Capabilities.builder()
			.numericIds(NumericIds.NONE)
			.supportsJson(false)
			.supportsDates(false)
			.supportsBooleans(false)
			.supportsTransactions(false)
			.supportsSchemaNamespaces(false)
			.supportsTransactionalDdl(false)
			.supportsJoin(false)
			.nativeRelationLoading(false)
			.textComparison(TextComparison.CASE_INSENSITIVE)
			.textMatching(TextMatching.NONE)
			.upsert(UpsertSupport.EMULATED)
			.returning(new Returning(true, false, true))
			.returningMode(ReturningMode.REFETCH)
			.nativeRelations(new NativeRelations(true, false, false, true))
			.datetimePrecision(ChronoUnit.MILLIS)
			.maxBatchSize(25)
			.supportsForeignKeys(false)
			.build();
		assertThat(everythingOff.toBuilder().build()).isEqualTo(everythingOff);
		assertThat(MemoryDatabase.CAPABILITIES.toBuilder().build()).isEqualTo(MemoryDatabase.CAPABILITIES);
		assertThat(Capabilities.builder().build().toBuilder().build()).isEqualTo(Capabilities.builder().build());
	}

	@Test
	void changesOnlyWhatTheDerivedBuilderSets() {
		Capabilities base = MemoryDatabase.CAPABILITIES;
		Capabilities noTransactions = base.toBuilder().supportsTransactions(false).build();
		assertThat(noTransactions.supportsTransactions()).isFalse();
		assertThat(noTransactions).isNotEqualTo(base);
		assertThat(noTransactions.toBuilder().supportsTransactions(true).build()).isEqualTo(base);
	}

	@ParameterizedTest
	@EnumSource(NumericIds.class)
	void derivesSupportsNumericIdsFromNumericIds(NumericIds numericIds) {
		Capabilities caps = Capabilities.builder().numericIds(numericIds).build();
		assertThat(caps.supportsNumericIds()).isEqualTo(numericIds != NumericIds.NONE);
	}

	@Test
	void rejectsSupportsNumericIdsThatContradictsNumericIds() {
		Capabilities valid = Capabilities.builder().build();
		assertThatIllegalArgumentException().isThrownBy(() -> new Capabilities(false, NumericIds.MANUAL,
				valid.supportsJson(), valid.supportsDates(), valid.supportsBooleans(), valid.supportsTransactions(),
				valid.supportsSchemaNamespaces(), valid.supportsTransactionalDdl(), valid.supportsJoin(),
				valid.nativeRelationLoading(), valid.textComparison(), valid.textMatching(), valid.upsert(),
				valid.returning(), valid.returningMode(), valid.nativeRelations(), valid.datetimePrecision(),
				valid.maxBatchSize(), valid.supportsForeignKeys(), valid.supportsLockingReads(),
				valid.supportsAtomicUpdates(), valid.supportsIsolationLevels(), valid.maxAtomicWrites(),
				valid.readBatchSize(), valid.nativeExpiry()))
			.withMessageContaining("supportsNumericIds");
		assertThatIllegalArgumentException().isThrownBy(() -> new Capabilities(true, NumericIds.NONE,
				valid.supportsJson(), valid.supportsDates(), valid.supportsBooleans(), valid.supportsTransactions(),
				valid.supportsSchemaNamespaces(), valid.supportsTransactionalDdl(), valid.supportsJoin(),
				valid.nativeRelationLoading(), valid.textComparison(), valid.textMatching(), valid.upsert(),
				valid.returning(), valid.returningMode(), valid.nativeRelations(), valid.datetimePrecision(),
				valid.maxBatchSize(), valid.supportsForeignKeys(), valid.supportsLockingReads(),
				valid.supportsAtomicUpdates(), valid.supportsIsolationLevels(), valid.maxAtomicWrites(),
				valid.readBatchSize(), valid.nativeExpiry()))
			.withMessageContaining("supportsNumericIds");
	}

	@Test
	void rejectsABatchSizeBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> Capabilities.builder().maxBatchSize(0).build())
			.withMessageContaining("maxBatchSize");
		assertThat(Capabilities.builder().maxBatchSize(1).build().maxBatchSize()).isEqualTo(1);
	}

	@Test
	void rejectsMissingValues() {
		assertThatNullPointerException().isThrownBy(() -> Capabilities.builder().upsert(null).build())
			.withMessageContaining("upsert");
		assertThatNullPointerException().isThrownBy(() -> Capabilities.builder().datetimePrecision(null).build())
			.withMessageContaining("datetimePrecision");
	}

	@Test
	void namesTheReturningAndRelationPresets() {
		assertThat(Returning.none()).isEqualTo(new Returning(false, false, false));
		assertThat(Returning.all()).isEqualTo(new Returning(true, true, true));
		assertThat(NativeRelations.none()).isEqualTo(new NativeRelations(false, false, false, false));
	}

}
