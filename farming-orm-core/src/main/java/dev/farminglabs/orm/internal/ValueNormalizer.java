package dev.farminglabs.orm.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.farminglabs.orm.codec.ValueCodec;
import dev.farminglabs.orm.schema.FieldDefinition;
import org.jspecify.annotations.Nullable;

/** Canonical values for one backend: the codec's types, with datetimes truncated to the backend's precision. */
final class ValueNormalizer {

	private final ChronoUnit precision;

	private final Clock clock;

	ValueNormalizer(ChronoUnit precision, Clock clock) {
		this.precision = precision;
		this.clock = clock;
	}

	@Nullable Object normalize(String model, FieldDefinition field, @Nullable Object value) {
		Object canonical = ValueCodec.toCanonical(model, field, value);
		return (canonical instanceof Instant instant) ? truncate(instant) : canonical;
	}

	Instant now() {
		return truncate(this.clock.instant());
	}

	private Instant truncate(Instant instant) {
		return (this.precision == ChronoUnit.NANOS) ? instant : instant.truncatedTo(this.precision);
	}

}
