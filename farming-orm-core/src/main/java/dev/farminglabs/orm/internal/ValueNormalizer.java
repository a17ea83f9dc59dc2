package dev.farminglabs.orm.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.farminglabs.orm.codec.ValueCodec;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Update;
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
		if (value instanceof Update update) {
			throw OrmException.validation(model, field.name(), "Model '" + model + "' field '" + field.name()
					+ "': Update." + update.operation().name().toLowerCase(java.util.Locale.ROOT)
					+ " applies only to update data (update, updateMany, the update of upsert), not to create data"
					+ " or filters");
		}
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
