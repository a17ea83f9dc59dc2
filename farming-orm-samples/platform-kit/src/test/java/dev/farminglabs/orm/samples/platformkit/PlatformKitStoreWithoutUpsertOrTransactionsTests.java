package dev.farminglabs.orm.samples.platformkit;

import java.util.Map;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.memory.MemoryDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The kit on a backend without transactions, upsert or atomic updates, where the client refuses them: buckets are
 * created with a plain create that tolerates a concurrent duplicate, every token is taken by a compare-and-set, and a
 * plan change writes its audit entry after the update.
 * The framework state and the cache are written by upserts, which such a backend refuses up front.
 */
class PlatformKitStoreWithoutUpsertOrTransactionsTests extends AbstractPlatformKitStoreTests {

	@Override
	Capabilities capabilities() {
		return MemoryDatabase.CAPABILITIES.toBuilder()
			.supportsTransactions(false)
			.supportsTransactionalDdl(false)
			.upsert(UpsertSupport.NONE)
			.supportsAtomicUpdates(false)
			.build();
	}

	@Test
	void stateAndCacheNeedAnUpsertAndSaySoBeforeWritingAnything() {
		assertThatExceptionOfType(OrmException.class)
			.isThrownBy(() -> this.store.saveFrameworkState("tenant-1", Map.of("step", 1)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(OrmErrorCode.UNSUPPORTED_OPERATION));
		assertThatExceptionOfType(OrmException.class)
			.isThrownBy(() -> this.store.putCacheEntry("sessions", "abc", Map.of("user", 1), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(OrmErrorCode.UNSUPPORTED_OPERATION));
		assertThat(this.orm.model("frameworkState").count()).isZero();
		assertThat(this.orm.model("cacheEntry").count()).isZero();
	}

}
