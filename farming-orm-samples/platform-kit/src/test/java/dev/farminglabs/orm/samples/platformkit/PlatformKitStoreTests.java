package dev.farminglabs.orm.samples.platformkit;

import java.time.Duration;
import java.util.Map;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.memory.MemoryDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The kit on a backend with transactions and a native upsert: state, cache entries and buckets are upserted. */
class PlatformKitStoreTests extends AbstractPlatformKitStoreTests {

	@Override
	Capabilities capabilities() {
		return MemoryDatabase.CAPABILITIES;
	}

	@Test
	void frameworkStateIsCreatedThenReplaced() {
		assertThat(this.store.getFrameworkState("tenant-1")).isEmpty();
		this.store.saveFrameworkState("tenant-1", Map.of("step", 1));
		FrameworkState saved = this.store.saveFrameworkState("tenant-1", Map.of("step", 2));
		assertThat(saved.state().path("step").asInt()).isEqualTo(2);
		assertThat(this.store.getFrameworkState("tenant-1")).hasValueSatisfying((state) -> {
			assertThat(state.id()).isEqualTo(saved.id());
			assertThat(state.state().path("step").asInt()).isEqualTo(2);
		});
		assertThat(this.orm.model("frameworkState").count()).isEqualTo(1);
	}

	@Test
	void aCacheEntryIsUpdatedInPlaceAndNotServedOnceExpired() {
		this.store.putCacheEntry("sessions", "abc", Map.of("user", 1), null);
		CacheEntry updated = this.store.putCacheEntry("sessions", "abc", Map.of("user", 2),
				START.plus(Duration.ofMinutes(5)));
		assertThat(updated.value().path("user").asInt()).isEqualTo(2);
		assertThat(this.orm.model("cacheEntry").count()).isEqualTo(1);
		assertThat(this.store.getCacheEntry("sessions", "abc")).isPresent();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.store.getCacheEntry("sessions", "abc")).isEmpty();
	}

}
